"""How the PDFs break lines and write yen, as a Japanese labour inspector and a lawyer read them: a currency sign
never parted from its number, a number never split, "%" with its number, no line opening with "：" or closing
punctuation, no character alone on a cell's last line, long hashes cut evenly, URLs without decoded spaces, and
one yen sign (¥) in tables and sentences. Both line breakers are checked: ours (`break_lines`) and ReportLab's
CJK paragraphs (driven by `line_rules`)."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from handbook_app.core.money import Money
from handbook_app.reports.base import Kit, break_lines
from handbook_app.reports.fonts import JAPANESE, SANS, register_fonts
from handbook_app.reports.labels import Labels, readable_url, readable_urls
from handbook_app.reports.model import ReportOptions
from handbook_app.services import reports

BAD_LINE_START = "、。，．：；？！）」』】％%"
NUMBER = re.compile(r"\d+(?:[,.]\d+)+|\d{4,}")
SIZE = 9


@pytest.fixture(autouse=True)
def fonts():
    register_fonts()


def widths_for(text: str, font: str, low: float = 3, high: float = 40) -> list[float]:
    """Line widths from `low` to `high` characters of `text`'s face, in small steps (every break position)."""
    em = stringWidth("国" if font == JAPANESE else "n", font, SIZE)
    return [em * k / 4 for k in range(int(low * 4), int(high * 4))]


def sign_parted(lines: list[str]) -> bool:
    """A currency sign at the end of a line whose number starts the next one ("不足額: ¥⏎3,081")."""
    return any(re.search(r"[¥￥$₫]\s*$", a) and re.match(r"\s*\d", b) for a, b in zip(lines, lines[1:], strict=False))


JA_MONEY = ("2024-02: 時間外労働72時間に対する賃金¥92,430が不足しています。時給1,027円の場合、少なくとも¥95,511と"
            "なります。不足額: ¥3,081。割増は25%以上で¥4,304です。")
VI_MONEY = "Tiền làm thêm giờ 92.430\u00a0¥ cho 72 giờ là quá thấp: ít nhất 95.511 ¥. Còn thiếu 3.081 ¥, lãi 0,8 %."


@pytest.mark.parametrize(("text", "font"), [(JA_MONEY, JAPANESE), (VI_MONEY, SANS)])
def test_a_currency_sign_a_number_and_its_percent_stay_together(text, font):
    numbers = NUMBER.findall(text)
    for width in widths_for(text, font, 8):
        lines = break_lines(text, font, SIZE, width)
        assert not sign_parted(lines), (width, lines)
        joined = "\n".join(lines)
        for number in numbers:
            assert number in joined, (number, width, lines)  # never "3,0⏎81"
        for money in ("¥92,430", "¥3,081", "25%", "92.430\u00a0¥", "3.081 ¥", "0,8 %"):
            if money in text:
                assert money in joined, (money, width, lines)
        after_number = ("%", "₫", "¥") if font == SANS else ("%", "₫")  # Vietnamese writes "3.081 ¥"
        assert not any(line.lstrip().startswith(after_number) for line in lines[1:]), (width, lines)


def test_no_line_starts_with_closing_punctuation_or_a_colon():
    text = ("▲ 長時間の時間外労働：1か月で45時間を超えています（最大72時間）。36協定の原則的な上限を超えています"
            "：2024-02。「安全のため」と言って、4人全員のパスポートを回収しました！")
    for width in widths_for(text, JAPANESE, 4):
        lines = break_lines(text, JAPANESE, SIZE, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", ""), width  # nothing lost
        assert not [line for line in lines[1:] if line[0] in BAD_LINE_START], (width, lines)
        assert not [line for line in lines[:-1] if line[-1] in "（「『"], (width, lines)


@pytest.mark.parametrize("word", ["借入の返済", "母国への送金", "渡航前費用", "借入開始以降の利息", "技能実習生",
                                  "未払賃金の推定額"])
def test_no_single_character_alone_on_the_last_line(word):
    for width in widths_for(word, JAPANESE, 2, len(word)):
        lines = break_lines(word, JAPANESE, SIZE, width)
        assert "".join(lines) == word
        assert len(lines[-1]) >= 2, (width, lines)  # never "借入の返⏎済"


def test_a_short_japanese_word_after_a_space_moves_down_whole():
    text = "Các lần trả nợ / 借入の返済"
    kit = Kit(Labels(("vi", "ja")))
    for width in (60, 70, 80, 90):
        lines = paragraph_lines(kit.p(text, "cell"), width)
        assert any(line.endswith("借入の返済") for line in lines), (width, lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    # Japanese first: the Vietnamese half moves down whole rather than leaving "nợ" alone
    ja_first = Kit(Labels(("ja", "vi")))
    for width in (60, 70, 80):
        assert paragraph_lines(ja_first.p("借入の返済 / Các lần trả nợ", "cell"), width) == ["借入の返済 /",
                                                                                        "Các lần trả nợ"]
    # in our own breaker likewise
    assert break_lines("Tiền gửi về nhà / 母国への送金", SANS, SIZE, 90)[-1] == "母国への送金"


def paragraph_lines(para, width: float) -> list[str]:
    """The lines ReportLab laid a paragraph out in, as text."""
    para.wrap(width, 10_000)
    out = []
    for line in para.blPara.lines:
        words = getattr(line, "words", None)
        out.append("".join(w.text for w in words) if words is not None else "".join(line[1]))
    return out


def test_reportlab_cjk_paragraphs_follow_the_same_rules():
    kit = Kit(Labels(("ja", "vi")))
    text = JA_MONEY.replace("時給", "Lương theo giờ 時給")  # two faces: ReportLab's multi-font CJK path
    para = kit.p(text, "body")
    assert para.style.wordWrap == "CJK"
    for width in range(60, 400, 3):
        lines = paragraph_lines(kit.p(text, "body"), width)
        assert not sign_parted(lines), (width, lines)
        joined = "\n".join(lines)
        for number in NUMBER.findall(text):
            assert number in joined, (number, width, lines)
        assert not [line for line in lines[1:] if line and line[0] in BAD_LINE_START], (width, lines)
        assert len(lines) == 1 or len(lines[-1].rstrip("。")) >= 2, (width, lines)
    one_face = kit.p("出国前に保証金・預託金が徴収されています。技能実習生からこれを徴収することは禁止されています。", "body")
    for width in range(40, 300, 4):
        lines = paragraph_lines(one_face, width)
        assert len(lines[-1].rstrip("。")) >= 2, (width, lines)
        assert not [line for line in lines[1:] if line[0] in BAD_LINE_START], (width, lines)


def test_a_word_longer_than_the_line_is_cut_into_balanced_pieces():
    sha = "c7ccfd4ab482e78cc2c9f2979f12fbba25763c64d23633b4872e1365a8b11c4c2"  # 65 characters
    one = stringWidth(sha, SANS, SIZE)
    for width in (one * 0.97, one * 0.8, one * 0.6, one * 0.45, one * 0.3):
        lines = break_lines(sha, SANS, SIZE, width)
        assert "".join(lines) == sha
        assert all(stringWidth(line, SANS, SIZE) <= width for line in lines)
        pieces = [stringWidth(line, SANS, SIZE) for line in lines]
        assert max(pieces) - min(pieces) <= 2 * stringWidth("0", SANS, SIZE), (width, lines)  # never a lone "2"
    pasted = "QmFzZTY0" * 125  # a 1,000-character word: full lines, the last few evened out
    lines = break_lines(pasted, SANS, SIZE, one * 0.6)
    assert "".join(lines) == pasted
    assert min(len(line) for line in lines) >= 0.75 * max(len(line) for line in lines), lines
    lines = break_lines(f"SHA-256: {sha}", SANS, SIZE, one * 0.7)
    assert lines[0] == "SHA-256:"  # the hash starts on a line of its own rather than being cut at once


def test_urls_are_decoded_but_keep_spaces_encoded_and_break_only_at_their_separators():
    url = ("https://hyperpc.jp/notice/%E4%BB%A4%E5%92%8C%EF%BC%97%E5%B9%B4%E5%BA%A6%E3%80%80%E5%9C%B0%E5%9F%9F"
           "%E5%88%A5%20list%09x?a=1&b=%25")
    shown = readable_url(url)
    assert shown == "https://hyperpc.jp/notice/令和７年度%E3%80%80地域別%20list%09x?a=1&b=%25"
    assert not re.search(r"\s", shown)
    assert readable_url("https://example.com/%FF%FE") == "https://example.com/%FF%FE"  # not UTF-8: as it is
    assert readable_urls(f"see ({url}) now") == f"see ({shown}) now"
    text = f"bản sao của danh sách này để kiểm tra: 令和7年度 地域別最低賃金全国一覧 ({shown})"
    for width in range(120, 400, 7):  # (narrower, "(https://hyperpc.jp/" itself would not fit)
        lines = break_lines(text, JAPANESE, SIZE, width)
        joined = "".join(lines)
        assert shown in joined, (width, lines)  # no space put into the URL or taken out of it
        start = joined.index(shown)
        end = 0
        for line in lines[:-1]:
            end += len(line)
            if start < end < start + len(shown):  # inside the URL: after / ? & = -, or next to a Japanese character
                assert joined[end - 1] in "/?&=-" or max(joined[end - 1], joined[end]) >= "\u2e80", (width, lines)


def test_labels_write_japanese_money_with_the_tables_yen_sign():
    lab = Labels(("vi", "ja"))
    assert lab.inline("{m}", m=lab.lmoney(Money(3081, "JPY"))) == "3.081\u00a0¥ / ¥3,081"
    assert lab.yen(3081) == "¥3,081"
    assert lab.percent(Decimal("0.8"), 1) == "0.8\u00a0%"


@pytest.fixture
def pack_text(demo, tmp_path):
    def build(langs):
        dest = tmp_path / f"pack-{'-'.join(langs)}.pdf"
        reports.build_evidence_pack(demo, dest, ReportOptions(langs=langs))
        reader = PdfReader(io.BytesIO(dest.read_bytes()))
        return [page.extract_text() or "" for page in reader.pages]

    return build


@pytest.mark.parametrize("langs", [("vi", "ja"), ("ja", "vi")])
def test_the_demo_pack_never_parts_a_sign_from_its_number_and_uses_one_yen_sign(pack_text, langs):
    pages = pack_text(langs)
    everything = "\n".join(pages)
    assert "￥" not in everything  # CLDR's full-width sign would differ from the tables' ¥
    squashed = re.sub(r"\s+", "", everything)
    assert "不足額:¥3,081。" in squashed  # Japanese money in a sentence, with the tables' sign
    assert "0.8%）" in squashed  # the opening notes: "0.8 %" never broken before its "%"
    for number, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        for a, b in zip(lines, lines[1:], strict=False):
            # a sign written before its number (¥3,081, not "3.081 ¥" or a table's "6,500,000 ₫") ending a line
            assert not (re.search(r"(^|[^\d\s])\s?[¥￥$₫]$", a) and b[0].isdigit()), (number, a, b)
            assert b[0] not in "、。，．：；？！）」』】％", (number, a, b)
            assert not (re.search(r"\d$", a) and b[0] in "%％"), (number, a, b)


def test_a_date_inside_a_vietnamese_sentence_is_never_split_over_two_lines():
    """'phải đến 5 thg 1, / 2029' left the year alone beside a page number (it read as 'page 2029')."""
    import datetime as dt

    from handbook_app.reports.base import Kit
    from handbook_app.reports.labels import Labels

    kit = Kit(Labels(("vi", "ja")))
    date = kit.labels.ldate(dt.date(2029, 1, 5))("vi")
    text = f"Bẫy nợ: nếu trả như 6 tháng gần nhất, khoản vay của Bác Hùng phải đến {date} mới trả hết, sau khi"
    for width in range(120, 420, 3):
        para = kit.p(text)
        para.wrap(width, 1000)
        lines = [" ".join(line[1]) if isinstance(line, tuple) else "".join(f.text for f in line.words)
                 for line in para.blPara.lines]
        assert any("2029" in line and "thg" in line for line in lines), (width, lines)
