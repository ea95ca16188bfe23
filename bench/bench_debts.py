"""Benchmark: loans, statements and remittance totals over a ten-year vault (target: <= 100 ms each).

Synthetic data: 20,000 money rows over ten years - 40 loans with 250 repayments each (a third of
them paid in JPY with a rate) and 10,000 remittances. Prints timings; asserts nothing.

    PYTHONPATH=src .venv/bin/python bench/bench_debts.py
"""

from __future__ import annotations

import datetime as dt
import random
import time
from decimal import Decimal

from handbook_app.core.charts import remittance_charts, total_remaining_series
from handbook_app.core.loans import LoanLedger, add_months
from handbook_app.core.money import Money
from handbook_app.core.projection import Plan, project_budget, project_payoff
from handbook_app.core.records import Loan, Remittance, Repayment
from handbook_app.core.remittances import monthly_totals, yearly_totals

TARGET_MS = 100
START = dt.date(2016, 1, 1)
END = dt.date(2025, 12, 31)
DAYS = (END - START).days


def make_data(seed: int = 1):
    rnd = random.Random(seed)
    models = ["none", "flat", "declining", "schedule"]
    debts = []
    for i in range(40):
        model = models[i % 4]
        principal = rnd.randrange(50_000_000, 500_000_000, 1000)
        schedule = [(add_months(START, k).isoformat(), principal // 60) for k in range(1, 121)] \
            if model == "schedule" else []
        loan = Loan(principal=Money(principal, "VND"), start=START, interest_model=model,
                    monthly_rate=Decimal("0.004") if model in ("flat", "declining") else Decimal(0),
                    schedule=schedule, id=i + 1, lender=f"Lender {i + 1}")
        reps = []
        for j in range(250):
            day = START + dt.timedelta(days=rnd.randrange(DAYS))
            if j % 3 == 0:
                reps.append(Repayment(loan_id=i + 1, date=day, paid=Money(rnd.randrange(5_000, 15_000), "JPY"),
                                      rate=Decimal("170.25")))
            else:
                reps.append(Repayment(loan_id=i + 1, date=day, paid=Money(rnd.randrange(500_000, 2_000_000), "VND")))
        debts.append((loan, reps))
    remittances = [
        Remittance(date=START + dt.timedelta(days=rnd.randrange(DAYS)), sent=Money(rnd.randrange(10_000, 150_000), "JPY"),
                   fee=Money(rnd.randrange(0, 2_000), "JPY"), received=Money(rnd.randrange(1_700_000, 25_000_000), "VND"))
        for _ in range(10_000)
    ]
    return debts, remittances


def timed(label: str, fn):
    t0 = time.perf_counter()
    result = fn()
    ms = (time.perf_counter() - t0) * 1000
    flag = "ok" if ms <= TARGET_MS else "OVER TARGET"
    print(f"{label:<58} {ms:8.1f} ms   {flag}")
    return result


def main() -> None:
    debts, remittances = make_data()
    rows = sum(len(r) for _l, r in debts) + len(remittances)
    print(f"{rows} money rows ({len(debts)} loans, {len(remittances)} remittances), target {TARGET_MS} ms each")
    month_ends = [add_months(dt.date(2016, 2, 1), k) - dt.timedelta(days=1) for k in range(120)]

    ledgers = timed("build 40 ledgers (all accruals and repayments)",
                    lambda: [LoanLedger(loan, reps, END) for loan, reps in debts])
    timed("balances today, all loans", lambda: [led.state(END) for led in ledgers])
    timed("balance at 120 month ends x 40 loans (4,800 look-ups)",
          lambda: [led.balance_on(d) for led in ledgers for d in month_ends])
    timed("monthly statements, 40 loans x 120 months", lambda: [led.statement(END) for led in ledgers])
    timed("remittance totals per month (10,000 rows)", lambda: monthly_totals(remittances))
    timed("remittance totals per year (10,000 rows)", lambda: yearly_totals(remittances))
    timed("remittance charts (JPY and VND per month)", lambda: remittance_charts(remittances))
    timed("total-remaining chart series (40 loans, 120 months)",
          lambda: total_remaining_series(debts, "VND", END))
    timed("payoff projection, one loan at 20,000 JPY/month",
          lambda: project_payoff(debts[2][0], debts[2][1], Plan(Money(20_000, "JPY"), Decimal("170")), END))
    timed("budget projection, 40 loans, avalanche, 600 months max",
          lambda: project_budget(debts, Money(400_000, "JPY"), "avalanche", END, rates={"VND": Decimal("170")}))


if __name__ == "__main__":
    main()
