"""Words that guessers try first in Vietnamese and in Japanese written in Latin letters (romaji).

zxcvbn ships English dictionaries only: these are added to its check, so "Matkhau@2024" is seen as the
word "matkhau" (password) plus a year. Lower case, no accents (what people type in passwords).
"""

VIETNAMESE = (
    "matkhau", "mat khau", "anhyeuem", "emyeuanh", "yeuem", "yeuanh", "toiyeuban", "iloveyou", "xinchao",
    "vietnam", "hanoi", "saigon", "hochiminh", "danang", "haiphong", "nhatban", "nguyen", "tran", "le", "pham",
    "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly", "minh", "anh", "linh",
    "huong", "trang", "thao", "ngoc", "lan", "hoa", "mai", "tuan", "hung", "dung", "hieu", "nam", "long", "quang",
    "thanh", "trung", "duc", "phuong", "giang", "yen", "vietnam123", "matkhau123", "matkhaumoi", "baomat",
    "conmeo", "concho", "meyeu", "bame", "giadinh", "hanhphuc", "tinhyeu", "banbe", "quehuong", "dilam",
    "thuctapsinh", "tts", "xuatkhau", "laodong", "congty", "tienluong", "ngay", "thang", "nam",
)

JAPANESE_ROMAJI = (
    "pasuwado", "pasuwaado", "himitsu", "aishiteru", "daisuki", "suki", "sakura", "tokyo", "osaka", "nagoya",
    "nihon", "nippon", "arigatou", "arigato", "konnichiwa", "ohayou", "sayonara", "kawaii", "tanaka", "suzuki",
    "sato", "takahashi", "watanabe", "yamamoto", "nakamura", "kobayashi", "hello", "ganbatte", "ganbaru",
    "kaisha", "shigoto", "jisshusei", "ginou", "kenshu", "neko", "inu", "tomodachi", "kazoku", "doraemon",
    "pikachu", "naruto", "totoro", "fujisan", "gohan", "ramen", "sushi",
)

# Common passwords seen in leaks in Vietnam and Japan, beyond zxcvbn's English list.
COMMON = (
    "123456", "12345678", "123456789", "1234567890", "password", "password1", "password123", "matkhau123",
    "anhyeuem", "anhyeuem123", "emyeuanh", "iloveyou", "qwerty", "qwerty123", "abc123", "111111", "000000",
    "123123", "a123456", "vietnam", "hanoi123", "saigon123", "asdfgh", "zxcvbn", "1q2w3e4r", "aishiteru",
    "pasuwado", "sakura", "daisuki",
)

LOCAL_WORDS = tuple(dict.fromkeys(VIETNAMESE + JAPANESE_ROMAJI))
ALL_WORDS = tuple(dict.fromkeys(LOCAL_WORDS + COMMON))
