"""Helpers for damage tests: a small vault full of records and a key that opens it without the slow KDF."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import random
from pathlib import Path

from handbook_app.core import records as r
from handbook_app.core.money import Money
from handbook_app.services import session

PASSPHRASE = "correct horse battery staple"
RECORD_KINDS = ("incident", "payslip", "remittance", "attachment", "audit")


def build_small_vault(path: Path, incidents: int = 60) -> None:
    hb = session.create(path, PASSPHRASE)
    rng = random.Random(7)
    for n in range(incidents):
        # Some long descriptions spill onto overflow pages, as real incident reports do.
        text = "Quản lý la mắng. 監督者に怒鳴られた。" * (rng.choice([1, 3, 40]))
        inc = hb.add(r.Incident(title=f"incident {n}", description=text, category="other",
                                started=dt.date(2025, 1, 1) + dt.timedelta(days=n))).record
        if n % 15 == 0:
            hb.add_attachment(inc, io.BytesIO(bytes(rng.randrange(256) for _ in range(9000))), f"p{n}.jpg")
    for n in range(30):
        hb.add(r.Remittance(date=dt.date(2025, 2, 1) + dt.timedelta(days=n), sent=Money(30_000 + n, "JPY"),
                            received=Money(5_000_000, "VND")))
    hb.lock()


def raw_key(path: Path) -> str:
    """SQLCipher 4's page key for PASSPHRASE as a raw-key passphrase: opens in microseconds, not 0.1 s."""
    salt = path.read_bytes()[:16]
    key = hashlib.pbkdf2_hmac("sha512", PASSPHRASE.encode(), salt, 256_000, 32)
    return f"x'{key.hex()}{salt.hex()}'"
