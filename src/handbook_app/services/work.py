"""Work records as the faces see them: each payslip checked against the minimum wage, the
premiums and the contract, with the hours the trainee logged beside the hours paid."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal

from handbook_app.core.hours import HoursLog, MonthHours
from handbook_app.core.minimum_wage import load_table, minimum_wage_on
from handbook_app.core.prefectures import name as prefecture_name
from handbook_app.core.records import Attachment, Contract, HoursEntry, Payslip, Record
from handbook_app.core.wage_checks import CheckStatus, ComparisonRate, Finding
from handbook_app.i18n import _
from handbook_app.i18n.formatting import format_date, format_money
from handbook_app.reports.wages import MonthCheck, WageSummary, check_one, months_without_payslip, summarise
from handbook_app.services.handbook import Handbook
from handbook_app.vault.attachments import Cancelled
from handbook_app.vault.codec import from_row


@dataclass(frozen=True)
class PayslipReview:
    """One payslip as the app shows it. `check` is the shared result (reports.wages.MonthCheck): status,
    shortfall per category and the minimum wage(s) compared with, with their sources."""

    payslip: Payslip
    contract: Contract | None
    findings: list[Finding]
    shortfall_yen: int
    logged: MonthHours | None  # None when no hours were logged that month
    check: MonthCheck | None = None

    @property
    def paid_hours(self) -> Decimal:
        p = self.payslip
        return p.regular_hours + p.overtime_hours + p.holiday_hours + p.night_overtime_hours

    @property
    def flagged(self) -> bool:
        return self.shortfall_yen > 0

    @property
    def status(self) -> CheckStatus:
        return self.check.status if self.check is not None else CheckStatus.NOT_CHECKED

    @property
    def shortfall_by_category(self) -> dict[str, int]:
        return self.check.shortfall_by_category if self.check is not None else {}

    @property
    def rates(self) -> tuple[ComparisonRate, ...]:
        return self.check.rates if self.check is not None else ()


def review(payslip: Payslip, contracts: list[Contract], hours: list[HoursEntry] | HoursLog) -> PayslipReview:
    log = hours if isinstance(hours, HoursLog) else HoursLog(hours)
    check = check_one(payslip, contracts, log)
    logged = log.month(payslip.month) if log.has_month(payslip.month) else None
    return PayslipReview(payslip, check.contract, list(check.findings), check.shortfall, logged, check)


def review_payslips(
    handbook: Handbook, start: dt.date | None = None, end: dt.date | None = None
) -> list[PayslipReview]:
    contracts = handbook.records(Contract)
    log = HoursLog(handbook.records(HoursEntry, order="day"))
    slips = [
        p for p in handbook.records(Payslip, order="month")
        if (start is None or p.month >= start.replace(day=1)) and (end is None or p.month <= end)
    ]
    return [review(p, contracts, log) for p in slips]


def total_shortfall(reviews: list[PayslipReview]) -> int:
    return sum(r.shortfall_yen for r in reviews)


def wage_summary(reviews: list[PayslipReview]) -> WageSummary:
    """Totals for Home and the screen: checked months, "at least" months and months not checked apart."""
    return summarise(r.check for r in reviews if r.check is not None)


def wage_review_export(handbook: Handbook, today: dt.date | None = None) -> list[dict]:
    """The wage check per payslip for the JSON export: status, shortfall per category (whole yen) and
    the minimum wage(s) compared with. A month not checked says so (`status`: "not_checked"); what was
    found in it anyway (premiums, deductions) is a lower bound (`shortfall_is_lower_bound`)."""
    out = []
    for rv in review_payslips(handbook):
        c = rv.check
        out.append({
            "payslip_id": rv.payslip.id,
            "month": rv.payslip.month.isoformat(),
            "status": rv.status.value,
            "not_checked_reason": c.not_checked_reason if c is not None else "no_contract",
            "shortfall_yen": rv.shortfall_yen,
            "shortfall_is_lower_bound": rv.status is not CheckStatus.CHECKED,
            "shortfall_by_category": rv.shortfall_by_category,
            "compared_with": [
                {"yen_per_hour": r.yen_per_hour, "source": r.source.value, "from": r.start.isoformat(),
                 "to": r.end.isoformat(), "effective": r.effective.isoformat() if r.effective else None,
                 "source_title": r.source_title, "source_url": r.source_url, "note": r.note}
                for r in rv.rates
            ],
            "findings": [{"code": f.code.value, "severity": f.severity.value, "status": f.status.value,
                          "category": f.category, "shortfall_yen": f.shortfall_yen, "message_en": f.render("en")}
                         for f in rv.findings],
        })
    # a month of a contract with no payslip is listed too, not checked (never a silent gap that reads as clean)
    for month in months_without_payslip(handbook.records(Contract), handbook.records(Payslip),
                                        today or dt.date.today()):
        out.append({"payslip_id": None, "month": month.isoformat(), "status": CheckStatus.NOT_CHECKED.value,
                    "not_checked_reason": "no_payslip", "shortfall_yen": 0, "shortfall_is_lower_bound": True,
                    "shortfall_by_category": {}, "compared_with": [], "findings": []})
    out.sort(key=lambda row: row["month"])  # stable: payslips of a month keep their order
    return out


# --- typed history (the History dialog formats each value by its type) ---------------------------
@dataclass(frozen=True)
class FieldChange:
    field: str  # the record's attribute (Money fields are one change, not *_minor/*_currency)
    before: object  # typed: Money, date, Decimal, bool, str, dict, ... or None
    after: object


@dataclass(frozen=True)
class HistoryStep:
    seq: int
    at: str  # UTC ISO text, as the audit chain holds it
    who: str  # the name as recorded (trainee or named support worker, with organisation)
    actor_kind: str  # trainee | support
    action: str  # insert | update | delete
    changes: list[FieldChange]


def _typed(cls: type[Record], row: dict | None) -> Record | None:
    if not row:
        return None
    try:
        return from_row(cls, row)
    except (KeyError, TypeError, ValueError):  # a row from an older schema: show what can be read
        return None


def typed_history(handbook: Handbook, cls: type[Record], row_id: int) -> list[HistoryStep]:
    """Each audit entry of one record with its changed fields as typed values, oldest first."""
    steps = []
    names = [f.name for f in fields(cls) if f.name != "id"]
    for e in handbook.store.audit_entries(cls.KIND, row_id):
        before, after = _typed(cls, e.before), _typed(cls, e.after)
        changes: list[FieldChange] = []
        if before is None and after is None:
            raw_b, raw_a = e.before or {}, e.after or {}
            changes = [FieldChange(k, raw_b.get(k), raw_a.get(k)) for k in sorted(set(raw_b) | set(raw_a))
                       if k != "id" and raw_b.get(k) != raw_a.get(k)]
        elif e.action != "delete":
            for name in names:
                old = getattr(before, name) if before is not None else None
                new = getattr(after, name) if after is not None else None
                if old != new:
                    changes.append(FieldChange(name, old, new))
        steps.append(HistoryStep(e.seq, e.at, e.actor_name, e.actor_kind, e.action, changes)
                     if e.actor_kind != "support" or not e.actor_org else
                     HistoryStep(e.seq, e.at, f"{e.actor_name} ({e.actor_org})", e.actor_kind, e.action, changes))
    return steps


@dataclass(frozen=True)
class AttachmentStep:
    """An attachment added to (or removed from) a record, as the audit chain holds it."""

    seq: int
    at: str
    who: str
    actor_kind: str
    action: str  # insert | update | delete
    name: str
    sha256: str
    size: int


def attachment_history(handbook: Handbook, owner_kind: str, owner_id: int) -> list[AttachmentStep]:
    """Every audit entry of the attachments of one record (added, changed, removed), oldest first."""
    steps = []
    for e in handbook.store.audit_entries(Attachment.KIND):
        row = e.after or e.before or {}
        if row.get("owner_kind") != owner_kind or row.get("owner_id") != owner_id:
            continue
        who = f"{e.actor_name} ({e.actor_org})" if e.actor_kind == "support" and e.actor_org else e.actor_name
        steps.append(AttachmentStep(e.seq, e.at, who, e.actor_kind, e.action, str(row.get("name", "")),
                                    str(row.get("sha256", "")), int(row.get("size") or 0)))
    return steps


# --- the hours log ----------------------------------------------------------------------------------
def month_days(month: dt.date) -> list[dt.date]:
    first = month.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return [first + dt.timedelta(days=n) for n in range((following - first).days)]


def hours_in_month(handbook: Handbook, month: dt.date) -> list[HoursEntry]:
    return [h for h in handbook.records(HoursEntry, order="day")
            if (h.day.year, h.day.month) == (month.year, month.month)]


def review_by_id(reviews: list[PayslipReview]) -> dict[int, PayslipReview]:
    return {rv.payslip.id: rv for rv in reviews if rv.payslip.id is not None}


# --- attachments ----------------------------------------------------------------------------------
AttachmentCancelled = Cancelled  # raised by Handbook.add_attachment when its `cancelled()` said so
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/bmp", "image/webp")
THUMBNAIL_LIMIT = 24 * 1024 * 1024  # larger images get a plain icon (their bytes are not read for a thumbnail)


def is_image(attachment: Attachment) -> bool:
    return attachment.media_type in IMAGE_TYPES


def contract_warnings(handbook: Handbook, today: dt.date | None = None) -> list[str]:
    """Hourly contracts that promise less than the prefecture's minimum wage: at the start, or now.

    A promise below the minimum is void to that extent (Minimum Wage Act art. 4): the pay must
    follow the minimum as it rises, whatever the contract says.
    """
    today = today or dt.date.today()
    warnings = []
    for c in handbook.records(Contract, order="start"):
        if c.prefecture is None or c.start is None or c.wage_kind != "hourly" or c.wage.currency != "JPY":
            continue
        if c.wage.minor <= 0:
            continue
        # The start, and every later rate that took effect while the contract ran (up to today).
        until = min(today, c.end) if c.end else today
        days = [c.start] + [
            row.effective for row in load_table().for_prefecture(c.prefecture)
            if row.verified and row.effective is not None and c.start < row.effective <= until
        ]
        for day in reversed(days):  # the latest rate first: the most useful to act on
            minimum = minimum_wage_on(c.prefecture, day)
            if minimum is not None and c.wage.minor < minimum.yen_per_hour:
                warnings.append(_(
                    "The contract with {employer} promises {wage} an hour, less than the minimum wage of {minimum} "
                    "in {prefecture} from {date}: pay must be at least the minimum."
                ).format(employer=c.employer, wage=format_money(c.wage.minor, "JPY"),
                         minimum=format_money(minimum.yen_per_hour, "JPY"), prefecture=prefecture_name(c.prefecture),
                         date=format_date(minimum.effective)))
                break
    return warnings
