"""One dated list of everything in the record: contracts (start and end), payslips (flagged ones
marked), incidents, loans, repayments and remittances, for the timeline view and filters.

Items carry plain values (keys, Money, dates); the face formats and translates them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from handbook_app.core import records as r
from handbook_app.core.hours import HoursLog
from handbook_app.core.money import Money
from handbook_app.services.handbook import Handbook
from handbook_app.services.work import review

KINDS = ("contract_start", "contract_end", "payslip", "incident", "loan", "repayment", "remittance")


@dataclass(frozen=True)
class TimelineItem:
    date: dt.date
    kind: str  # one of KINDS
    id: int  # the record's id (contract_start / contract_end: the contract's)
    title: str  # stored text (an employer, an incident's title); may be empty
    detail: str = ""  # stored text (an incident's place and description's first line)
    category: str = ""  # incident category key
    status: str = ""  # incident status key
    amount: Money | None = None  # payslip gross, contract wage, loan principal, repayment, remittance sent
    flagged: bool = False  # payslip with an estimated shortfall
    shortfall_yen: int = 0
    checked: str = ""  # payslip: the wage check's status (core.wage_checks.CheckStatus value); a shortfall in a
    # month not fully checked is a lower bound, and a month not checked is never shown as clean
    end: dt.date | None = None  # an incident's end
    wage_kind: str = ""  # contract_start: "hourly" or "monthly", what `amount` (the wage) is per

    @property
    def record_kind(self) -> str:
        return "contract" if self.kind.startswith("contract") else self.kind


def _first_line(text: str) -> str:
    stripped = (text or "").strip()
    return stripped.splitlines()[0] if stripped else ""


def incident_items(incidents: Iterable[r.Incident]) -> list[TimelineItem]:
    return [
        TimelineItem(x.started, "incident", x.id, x.title or _first_line(x.description),
                     " — ".join(filter(None, (x.place, _first_line(x.description) if x.title else ""))),
                     category=x.category, status=x.status, end=x.ended)
        for x in incidents if x.id is not None
    ]


def build_timeline(handbook: Handbook, kinds: Iterable[str] | None = None) -> list[TimelineItem]:
    """Every dated record of the chosen kinds (all by default), sorted by date then kind."""
    wanted = set(kinds or KINDS)
    items: list[TimelineItem] = []
    contracts = handbook.records(r.Contract) if wanted & {"contract_start", "contract_end", "payslip"} else []
    for c in contracts:
        if "contract_start" in wanted and c.start:
            items.append(TimelineItem(c.start, "contract_start", c.id, c.employer, c.job_category, amount=c.wage,
                                      wage_kind=c.wage_kind))
        if "contract_end" in wanted and c.end:
            items.append(TimelineItem(c.end, "contract_end", c.id, c.employer, c.job_category))
    if "payslip" in wanted:
        hours = HoursLog(handbook.records(r.HoursEntry, order="day"))  # read once, not once per payslip
        for p in handbook.records(r.Payslip, order="month"):
            rv = review(p, contracts, hours)
            items.append(TimelineItem(p.paid_on or p.month, "payslip", p.id, "", p.notes, amount=p.gross,
                                      flagged=rv.flagged, shortfall_yen=rv.shortfall_yen, end=p.month,
                                      checked=rv.status.value))
    if "incident" in wanted:
        items.extend(incident_items(handbook.records(r.Incident)))
    if "loan" in wanted:
        for loan in handbook.records(r.Loan):
            items.append(TimelineItem(loan.start, "loan", loan.id, loan.lender, loan.purpose, amount=loan.principal))
    if "repayment" in wanted:
        lenders = {loan.id: loan.lender for loan in handbook.records(r.Loan)}
        for p in handbook.records(r.Repayment):
            items.append(TimelineItem(p.date, "repayment", p.id, lenders.get(p.loan_id, ""), p.notes, amount=p.paid))
    if "remittance" in wanted:
        for m in handbook.records(r.Remittance):
            items.append(TimelineItem(m.date, "remittance", m.id, m.recipient, m.provider, amount=m.sent))
    order = {k: i for i, k in enumerate(KINDS)}
    items.sort(key=lambda it: (it.date, order[it.kind], it.id))
    return items


def filter_items(items: Iterable[TimelineItem], kinds: set[str] | None = None, category: str | None = None,
                 status: str | None = None, start: dt.date | None = None, end: dt.date | None = None,
                 ) -> list[TimelineItem]:
    """Keep items of `kinds`, an incident `category`/`status` (other kinds drop out when set), within dates."""
    out = []
    for it in items:
        if kinds is not None and it.kind not in kinds:
            continue
        if category and it.category != category:
            continue
        if status and it.status != status:
            continue
        if start and (it.end or it.date) < start and it.date < start:
            continue
        if end and it.date > end:
            continue
        out.append(it)
    return out
