"""A ten-year synthetic vault for benchmarks: ~20,000 money rows, 2,000 incidents, 200 attachments.

Written through the same service (`Handbook.add_many`) as the app, so every row has its audit entry.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from decimal import Decimal
from pathlib import Path

from handbook_app.core import records as r
from handbook_app.core.money import Money
from handbook_app.services import session
from handbook_app.services.demo import png_bytes

PASSPHRASE = "benchmark passphrase"


def build(path: Path, attachments: int = 200, attachment_bytes: int = 500_000, seed: int = 10) -> Path:
    """Create the vault at `path` (must not exist). Attachment total = attachments x attachment_bytes."""
    rng = random.Random(seed)
    hb = session.create(path, PASSPHRASE, r.Actor("trainee", "Bench", ""))
    start = dt.date(2016, 1, 1)
    contract = hb.add(r.Contract(employer="株式会社ベンチ", prefecture=23, start=start, end=dt.date(2025, 12, 31),
                                 wage=Money(1000, "JPY"), hours_per_month=Decimal(160))).record
    loans = [hb.add(r.Loan(lender=f"Lender {n}", principal=Money(100_000_000 + n * 10_000_000, "VND"), start=start,
                           interest_model="declining", monthly_rate=Decimal("0.008"), term_months=120)).record
             for n in range(4)]
    batch: list[r.Record] = []
    days = [start + dt.timedelta(days=d) for d in range(3650)]
    for month in range(120):
        y, m = 2016 + month // 12, month % 12 + 1
        batch.append(r.Payslip(month=dt.date(y, m, 1), contract_id=contract.id, regular_hours=Decimal(160),
                               base_pay=Money(160_000, "JPY"), gross=Money(160_000, "JPY"),
                               deductions={"housing": 20000}, net=Money(140_000, "JPY")))
    for n in range(9_940):
        day = days[n % len(days)]
        batch.append(r.Remittance(date=day, sent=Money(rng.randrange(10_000, 100_000), "JPY"),
                                  fee=Money(rng.choice([0, 500, 1500]), "JPY"),
                                  received=Money(rng.randrange(1_000_000, 17_000_000), "VND"),
                                  channel=rng.choice(list(r.CHANNELS))))
        batch.append(r.Repayment(loan_id=loans[n % 4].id, date=day, paid=Money(rng.randrange(100_000, 900_000), "VND")))
    for n in range(2_000):
        batch.append(r.Incident(started=days[(n * 7) % len(days)], category=rng.choice(list(r.INCIDENT_CATEGORIES)),
                                title=f"Sự việc số {n}", description="Mô tả chi tiết sự việc. " * 20,
                                translation="出来事の詳しい説明。" * 10, translation_lang="ja"))
    hb.add_many(batch)
    incidents = hb.records(r.Incident)
    image = png_bytes(320, 240, (200, 80, 60), (240, 230, 210))
    filler = bytes(rng.getrandbits(8) for _ in range(4096))
    for n in range(attachments):
        body = image + filler * max(0, (attachment_bytes - len(image)) // len(filler))
        hb.add_attachment(incidents[n], io.BytesIO(body), f"photo-{n}.png", "image/png", total=len(body))
    hb.lock()
    return path
