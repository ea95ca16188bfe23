"""The recovery code: a vault's raw SQLCipher key and salt written as letters that are easy to type.

48 bytes (the 32-byte key, then the file's 16-byte salt) are cut into 4 lines of 12 bytes. Each
line gets a 3-byte check (SHA-256 of the line number and its bytes), so a typing mistake is found
and its line named, and lines typed in the wrong order are caught. A line of 15 bytes is 24
base32 letters (A–Z and 2–7: no 0/O or 1/I to confuse), printed as 6 groups of 4.

Reading forgives what people do: lower case, spaces, dashes, and 0, 1, 8 typed for O, I, B.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from handbook_app.i18n import N_

KEY_BYTES = 32
SALT_BYTES = 16
LINES = 4
LINE_DATA = (KEY_BYTES + SALT_BYTES) // LINES  # 12
CHECK_BYTES = 3
LINE_CHARS = (LINE_DATA + CHECK_BYTES) * 8 // 5  # 24
GROUP = 4
_LOOKALIKE = str.maketrans({"0": "O", "1": "I", "8": "B"})
_ALPHABET = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


class RecoveryCodeError(ValueError):
    """The typed code cannot be read. `line` is the 1-based line with the mistake, or 0 (length, letters)."""

    def __init__(self, reason: str, line: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason  # "length", "letters" or "check"
        self.line = line


@dataclass(frozen=True)
class RecoveryKey:
    key: bytes
    salt: bytes

    def __post_init__(self) -> None:
        if len(self.key) != KEY_BYTES or len(self.salt) != SALT_BYTES:
            raise ValueError("a recovery key is 32 key bytes and 16 salt bytes")

    def sqlcipher_key(self) -> str:
        """The raw-key form any SQLCipher 4 client accepts: PRAGMA key = "x'<key hex><salt hex>'"."""
        return f"x'{self.key.hex().upper()}{self.salt.hex().upper()}'"


def _check(index: int, data: bytes) -> bytes:
    return hashlib.sha256(bytes([index]) + data).digest()[:CHECK_BYTES]


def encode_lines(recovery: RecoveryKey) -> list[str]:
    """Four lines of six groups: 'ABCD EFGH …'."""
    data = recovery.key + recovery.salt
    lines = []
    for index in range(LINES):
        chunk = data[index * LINE_DATA:(index + 1) * LINE_DATA]
        letters = base64.b32encode(chunk + _check(index, chunk)).decode("ascii")
        lines.append(" ".join(letters[i:i + GROUP] for i in range(0, LINE_CHARS, GROUP)))
    return lines


def normalise(text: str) -> str:
    """Only the letters that count, upper case, look-alike digits read as the letters they resemble."""
    kept = "".join(c for c in text.upper() if not c.isspace() and c not in "-_.,·")
    return kept.translate(_LOOKALIKE)


def decode(text: str) -> RecoveryKey:
    """Read a typed code (any spacing, any line breaks). Raises RecoveryCodeError naming the bad line."""
    letters = normalise(text)
    if any(c not in _ALPHABET for c in letters):
        raise RecoveryCodeError("letters")
    if len(letters) != LINES * LINE_CHARS:
        raise RecoveryCodeError("length")
    data = b""
    for index in range(LINES):
        raw = base64.b32decode(letters[index * LINE_CHARS:(index + 1) * LINE_CHARS])
        chunk, check = raw[:LINE_DATA], raw[LINE_DATA:]
        if _check(index, chunk) != check:
            raise RecoveryCodeError("check", index + 1)
        data += chunk
    return RecoveryKey(data[:KEY_BYTES], data[KEY_BYTES:])


# The sheet's words, shared by the screen and the PDF.
TITLE = N_("Recovery sheet")
FORGOT_BUTTON = N_("Forgot the passphrase?")

WARNING = N_("Anyone who has this sheet and the vault file can open your record. Keep it like money, in a "
             "safe place away from the computer and the USB stick. Do not photograph it or save it on a "
             "computer or phone.")
STEPS = (
    N_("Start the Trainee Handbook and choose your vault."),
    N_("On the unlock screen, press “{button}”."),
    N_("Type the 4 lines of the code. Small letters, spaces and dashes do not matter."),
    N_("Choose a new passphrase. After that this sheet no longer works: make and print a new one."),
)
VOID = N_("This sheet stops working when the passphrase is changed. The app then offers a new sheet.")
OTHER_PROGRAM = N_("For a helper using another program: any SQLCipher 4 program opens the vault file with the "
                   "command below (the key and salt of the code above, in hexadecimal).")
