"""Benchmark: the evidence pack of a ten-year vault and of the demo vault. Prints figures beside targets;
asserts nothing. Targets: the demo pack <= 2 s; on the ten-year vault the money sections (payslips, debts,
money sent home; no appendix) <= 15 pages, the whole pack with every incident in full <= 15 s and
<= 300 MB peak, a pack of one year <= 3 s.

Synthetic vault (made through the services, in a temporary folder): 2,000 incidents, 20,000 money
rows (120 payslips, 20 loans with 9,000 repayments, 10,880 remittances) and 200 photos. Each pack is
made in a fresh child process so its peak memory (ru_maxrss) is the pack's own.

    PYTHONPATH=src .venv/bin/python bench/bench_reports.py
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

PASSPHRASE = "bench reports passphrase"  # the passphrase policy refuses short ones
TARGET_S, TARGET_MB, DEMO_TARGET_S, YEAR_TARGET_S, MONEY_PAGES = 15.0, 300, 2.0, 3.0, 15
MONEY_SECTIONS = ("payslips", "debts", "remittances")
START = dt.date(2016, 1, 1)


def build_large(path: Path) -> None:
    from handbook_app.core import records as r
    from handbook_app.core.money import Money
    from handbook_app.services import session
    from handbook_app.services.demo import INCIDENTS, png_bytes

    rnd = random.Random(7)
    hb = session.create(path, PASSPHRASE)
    hb.save_profile(r.Profile(display_name="Bench", full_name="Trần Văn Bench", languages="vi,ja"))
    contract = hb.add(r.Contract(employer="株式会社ベンチ", prefecture=23, start=START, end=dt.date(2025, 12, 31),
                                 wage=Money(1000, "JPY"), hours_per_month=Decimal(160),
                                 housing=Money(20000, "JPY"))).record
    months = [dt.date(START.year + i // 12, i % 12 + 1, 1) for i in range(120)]
    slips = []
    for m in months:
        base = 1000 * 160
        slips.append(r.Payslip(month=m, contract_id=contract.id, regular_hours=Decimal(160),
                               overtime_hours=Decimal(20), base_pay=Money(base, "JPY"),
                               overtime_pay=Money(25000, "JPY"), gross=Money(base + 25000, "JPY"),
                               deductions={"housing": 25000}, net=Money(base, "JPY")))
    hb.add_many(slips)
    loans = [hb.add(r.Loan(lender=f"Ngân hàng {i}", principal=Money(200_000_000, "VND"), start=START,
                           interest_model="declining", monthly_rate=Decimal("0.008"))).record for i in range(20)]
    reps = []
    for i in range(9000):
        loan = loans[i % 20]
        reps.append(r.Repayment(loan_id=loan.id, date=START + dt.timedelta(days=rnd.randrange(3650)),
                                paid=Money(rnd.randrange(100_000, 900_000), "VND"), notes="trả nợ"))
    hb.add_many(reps)
    rems = []
    for _ in range(10_880):
        sent = rnd.randrange(20_000, 120_000)
        rems.append(r.Remittance(date=START + dt.timedelta(days=rnd.randrange(3650)), sent=Money(sent, "JPY"),
                                 fee=Money(1500, "JPY"), received=Money(sent * 170, "VND"), recipient="Bố"))
    hb.add_many(rems)
    incidents = []
    for i in range(2000):
        _d, category, title, description, translation, status, actions = INCIDENTS[i % len(INCIDENTS)]
        incidents.append(r.Incident(started=START + dt.timedelta(days=i * 365 * 10 // 2000), category=category,
                                    title=f"{title} ({i + 1})", description=description, translation=translation,
                                    translation_lang="ja" if translation else "", status=status, actions=actions))
    hb.add_many(incidents)
    owners = hb.records(r.Incident)[:200]
    for i, owner in enumerate(owners):
        data = png_bytes(640, 480, (rnd.randrange(256), 80, 40), (240, 240, 240 - i % 50))
        hb.add_attachment(owner, io.BytesIO(data), f"photo-{i + 1}.png", "image/png", total=len(data))
    hb.lock()


def section_pages(path: str) -> dict[str, int]:
    """First page of each section, from the PDF's own bookmarks (every section has one)."""
    from pypdf import PdfReader

    from handbook_app.i18n import tr
    from handbook_app.reports.model import SECTIONS

    reader = PdfReader(path)
    starts = {}
    for item in reader.outline:
        if isinstance(item, list):
            continue
        for key, message in SECTIONS.items():
            if tr("ja", message) in item.title:
                starts[key] = reader.get_destination_page_number(item) + 1
    starts["end"] = len(reader.pages) + 1
    return starts


def measure(vault: str, out: str, period: str = "") -> None:
    """Child process: make one pack and print its figures as JSON."""
    from handbook_app.reports.model import ReportOptions
    from handbook_app.services import session
    from handbook_app.services.reports import build_evidence_pack

    options = ReportOptions(langs=("vi", "ja"))
    if period:
        start = dt.date.fromisoformat(period)
        options = ReportOptions(langs=("vi", "ja"), date_from=start, date_to=start.replace(year=start.year + 1)
                                - dt.timedelta(days=1))
    hb, _info = session.unlock(vault, PASSPHRASE)
    t0, c0 = time.perf_counter(), time.process_time()
    result = build_evidence_pack(hb, out, options)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    hb.lock()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    starts = section_pages(out)
    order = sorted(starts.values())

    def length(key: str) -> int:
        if key not in starts:
            return 0
        return next(p for p in order if p > starts[key]) - starts[key] if starts[key] < order[-1] else 0

    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb, "pages": result.pages, "size_mb": result.size / 1e6,
                      "money_pages": sum(length(k) for k in MONEY_SECTIONS),
                      "incident_pages": length("incidents")}))


def child(vault: Path, out: Path, period: str = "") -> dict:
    args = [sys.executable, __file__, "--measure", str(vault), str(out)] + ([period] if period else [])
    proc = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    from handbook_app.services import session
    from handbook_app.services.demo import build_demo

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        demo = tmp_path / "demo.vault"
        hb = session.create(demo, PASSPHRASE)
        build_demo(hb)
        hb.lock()
        t0 = time.perf_counter()
        large = tmp_path / "large.vault"
        build_large(large)
        print(f"ten-year vault built in {time.perf_counter() - t0:.1f} s")
        d = child(demo, tmp_path / "demo.pdf")
        print(f"machine load (1 min): {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; CPU time is given beside the "
              "wall time because a shared machine stretches the latter")
        print(f"demo pack:     {d['seconds']:6.2f} s, CPU {d['cpu']:.2f} s (target <= {DEMO_TARGET_S} s)  {d['pages']} pages, "
              f"peak {d['peak_mb']:.0f} MB")
        big = child(large, tmp_path / "large.pdf")
        print(f"ten-year pack: {big['seconds']:6.2f} s, CPU {big['cpu']:.2f} s (target <= {TARGET_S} s)  peak {big['peak_mb']:.0f} MB "
              f"(target <= {TARGET_MB} MB)  {big['pages']} pages ({big['incident_pages']} of incidents), "
              f"{big['size_mb']:.1f} MB file")
        print(f"ten-year money sections: {big['money_pages']} pages (target <= {MONEY_PAGES}) "
              "(payslips, debts, money sent home; transactions embedded as CSV, no appendix)")
        year = child(large, tmp_path / "year.pdf", "2020-01-01")
        print(f"one year's pack (2020): {year['seconds']:6.2f} s, CPU {year['cpu']:.2f} s (target <= {YEAR_TARGET_S} s)  {year['pages']} pages, "
              f"peak {year['peak_mb']:.0f} MB")


if __name__ == "__main__":
    if len(sys.argv) in (4, 5) and sys.argv[1] == "--measure":
        measure(*sys.argv[2:])
    else:
        main()
