"""Benchmark: reviewing 120 months of payslips with a full hours log (target: <= 50 ms).

Synthetic data: ten years (October 2023 on) of Aichi payslips for one contract, every working day logged
(Monday to Friday, 08:00-18:00 with an hour's break: 9 h, so daily overtime every day, and some
Saturdays: weekly overtime), about 2,700 log entries. Some months are underpaid, so findings are made
and formatted as in the app. Prints the figure beside the target; asserts nothing.

    PYTHONPATH=src .venv/bin/python -m bench wages
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from decimal import Decimal

from handbook_app.core.hours import HoursLog
from handbook_app.core.minimum_wage import load_table
from handbook_app.core.money import Money
from handbook_app.core.records import Contract, HoursEntry, Payslip
from handbook_app.reports.wages import check_months, summarise

TARGET_MS = 50
START = dt.date(2023, 10, 1)  # the table starts in October 2023; later months use the last known rate
MONTHS = 120


def make_data(seed: int = 1):
    rnd = random.Random(seed)
    contract = Contract(employer="Bench", prefecture=23, start=START, wage=Money(1100, "JPY"),
                        hours_per_month=Decimal(160), id=1)
    entries: list[HoursEntry] = []
    day = START
    end = dt.date(START.year + MONTHS // 12, START.month, 1)
    while day < end:
        if day.weekday() < 5 or (day.weekday() == 5 and rnd.random() < 0.3):
            entries.append(HoursEntry(day=day, start="08:00", end="18:00", break_minutes=60))
        day += dt.timedelta(days=1)
    log = HoursLog(entries)
    slips = []
    for k in range(MONTHS):
        index = START.month - 1 + k
        month = dt.date(START.year + index // 12, index % 12 + 1, 1)
        m = log.month(month)
        base = int(m.regular * 1100) - (rnd.randrange(0, 5000) if k % 4 == 0 else 0)
        overtime_pay = int(m.overtime * 1375)
        gross = base + overtime_pay
        slips.append(Payslip(month=month, contract_id=1, regular_hours=m.regular, overtime_hours=m.overtime,
                             base_pay=Money(base, "JPY"), overtime_pay=Money(overtime_pay, "JPY"),
                             gross=Money(gross, "JPY"), deductions={"housing": 25_000},
                             net=Money(gross - 25_000, "JPY"), id=k + 1))
    return contract, entries, slips


def main() -> None:
    contract, entries, slips = make_data()
    load_table()  # the bundled table is read once per process, before any review
    check_months(slips[:1], [contract], entries)  # warm up: imports, translations
    times = []
    for _ in range(7):
        t0 = time.perf_counter()
        checks = check_months(slips, [contract], entries)
        times.append((time.perf_counter() - t0) * 1000)
    summary = summarise(checks)
    t0 = time.perf_counter()
    rendered = sum(len(f.render()) for m in checks for f in m.findings)
    render_ms = (time.perf_counter() - t0) * 1000
    median = statistics.median(times)
    print(f"review of {len(slips)} payslips with {len(entries)} logged days: median {median:.1f} ms "
          f"(best {min(times):.1f}) — target ≤ {TARGET_MS} ms — {'met' if median <= TARGET_MS else 'NOT met'}")
    print(f"  ({summary.flagged_months} months flagged, {summary.checked_months} checked, "
          f"{summary.lower_bound_months} lower bound, {summary.not_checked_months} not checked); writing out every "
          f"finding's sentence as well (as a PDF does) takes {render_ms:.1f} ms more ({rendered:,} characters)")


if __name__ == "__main__":
    main()
