"""The plain data a report is built from, and the choices the user makes before exporting.

Reports never read the vault: `services.reports` gathers the records into a `VaultData` and
hands it over. `ReportOptions` is shared by the app's export dialog and the CLI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from handbook_app.core import records as r
from handbook_app.i18n import N_
from handbook_app.reports.labels import DEFAULT_LANGS, parse_langs

# Sections of the evidence pack in the order they appear (the cover is always there).
SECTIONS: dict[str, str] = {
    "findings": N_("Summary of findings"),
    "summary": N_("Trainee and contract"),
    "incidents": N_("Incident timeline"),
    "payslips": N_("Payslips and the minimum wage"),
    "debts": N_("Debts and repayments"),
    "remittances": N_("Money sent home"),
    "attachments": N_("Attachments"),
    "integrity": N_("How to check this record"),
    "handovers": N_("Earlier handovers"),
    "declaration": N_("Declaration"),
}
REPORT_KINDS: dict[str, str] = {
    "evidence": N_("Evidence pack"),
    "debt-summary": N_("Debt and remittance summary"),
    "shortfall": N_("Wage shortfall statement"),
}
# Which incidents get their full block (the overview table always lists every one).
INCIDENT_DETAIL: dict[str, str] = {
    "all": N_("All incidents"),
    "open": N_("Open incidents only"),
    "period": N_("Incidents that started in the period"),
    "selected": N_("Chosen incidents only"),
}
# The record kinds `apply_privacy` can leave out (ReportOptions.exclude), by KIND.
EXCLUDABLE: dict[str, type[r.Record]] = {
    cls.KIND: cls for cls in (r.Contract, r.Payslip, r.Loan, r.Repayment, r.Remittance, r.RecruitmentFee,
                              r.Incident, r.Attachment)
}
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/jpg", "image/gif", "image/bmp", "image/webp",
                         "image/tiff"})
MASK = "•••"


@dataclass(frozen=True)
class ReportOptions:
    """What goes into a PDF. The defaults give the full evidence pack in Vietnamese + Japanese."""

    langs: tuple[str, ...] = DEFAULT_LANGS
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sections: frozenset[str] = frozenset(SECTIONS)
    exclude: frozenset[tuple[str, int]] = frozenset()  # (record kind, id) left out for privacy
    mask_third_parties: bool = False  # names and addresses of other people
    show_trainee_name: bool = True
    images: bool = True  # thumbnails of image attachments
    full_images: bool = False  # and each image at full page width in an appendix
    password: str | None = field(default=None, repr=False)  # AES-256 via pypdf when set
    recipient: str = ""  # to whom the PDF is handed (recorded in the audit chain)
    incident_detail: str = "all"  # which incidents get a full block: all, open, period, selected
    detail_ids: frozenset[int] = frozenset()  # for "selected"
    transactions: bool = False  # every repayment and remittance in an appendix (always embedded as CSV)

    def __post_init__(self) -> None:
        object.__setattr__(self, "langs", parse_langs(self.langs))
        if self.incident_detail not in INCIDENT_DETAIL:
            raise ValueError(f"unknown incident detail: {self.incident_detail}")
        unknown = set(self.sections) - set(SECTIONS)
        if unknown:
            raise ValueError(f"unknown sections: {', '.join(sorted(unknown))}")
        object.__setattr__(self, "sections", frozenset(self.sections))
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("date_from is after date_to")

    def in_range(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        if self.date_from and day < self.date_from:
            return False
        return not (self.date_to and day > self.date_to)

    def month_in_range(self, month: dt.date) -> bool:
        """A payslip month counts when any day of it falls in the range."""
        if self.date_to and month > self.date_to:
            return False
        if self.date_from:
            nxt = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
            return nxt > self.date_from
        return True


@dataclass(frozen=True)
class AttachmentItem:
    meta: r.Attachment
    load: Callable[[], bytes] | None = None  # the bytes, read from the vault only when drawn

    @property
    def is_image(self) -> bool:
        return self.meta.media_type.lower() in IMAGE_TYPES


@dataclass(frozen=True)
class IntegrityInfo:
    entries: int
    head_hash: str
    ok: bool
    chain_broken_at: int | None = None
    row_problems: int = 0
    damaged: bool = False
    checkpoints: tuple = ()  # (core.witness.Checkpoint, holds: bool) for each witnessed checkpoint


@dataclass(frozen=True)
class Provenance:
    """When a record was first entered and last changed, and by whom (from the audit chain)."""

    entered_at: str  # UTC ISO timestamp
    entered_offset: str  # the writer's local offset then, "+09:00"
    entered_by: str  # "trainee" or the support worker's name (and organisation)
    changed_at: str = ""
    changed_by: str = ""
    changes: int = 0  # how many later updates


@dataclass(frozen=True)
class LoanOutlook:
    """What the app already knows about a loan's future (as on the Debts screen)."""

    loan_id: int
    payoff: dt.date | None  # at the recent pace; None when it never pays off or nothing is owed
    never_pays_off: bool
    deadline: dt.date | None  # end of the contract or period of stay, whichever is first
    debt_trap: bool
    term_end: dt.date | None  # start + term, when the loan has a term
    overdue: bool  # the term (or a scheduled instalment) has passed with money still owed
    pace_months: int = 0  # the months the recent pace averages over (services.debts.pace_window)
    as_of: dt.date | None = None  # the day the balance, pace and payoff are computed on


@dataclass(frozen=True)
class Handover:
    seq: int
    at: str  # UTC ISO timestamp from the audit chain
    who: str
    action: str  # "handover" or "export"
    kind: str  # "pdf", "json", ...
    details: dict
    actor_kind: str = ""  # "trainee" or "support": the role word is printed in the pack's languages


@dataclass
class VaultData:
    """Everything a report may show, already filtered by the options' date range and exclusions."""

    generated: dt.datetime
    profile: r.Profile | None = None
    contracts: list[r.Contract] = field(default_factory=list)
    payslips: list[r.Payslip] = field(default_factory=list)
    loans: list[r.Loan] = field(default_factory=list)
    repayments: list[r.Repayment] = field(default_factory=list)  # every repayment (balances need all)
    remittances: list[r.Remittance] = field(default_factory=list)
    fees: list[r.RecruitmentFee] = field(default_factory=list)
    incidents: list[r.Incident] = field(default_factory=list)
    attachments: list[AttachmentItem] = field(default_factory=list)
    integrity: IntegrityInfo | None = None
    handovers: list[Handover] = field(default_factory=list)
    hours: list[r.HoursEntry] = field(default_factory=list)  # the hours log (read by the wage check only)
    # Findings the app computes elsewhere (services), for the summary page
    fee_findings: list = field(default_factory=list)  # core.fees.Finding (level: over, banned, check, ...)
    fee_rate: tuple | None = None  # (Decimal rate per yen, date, currency) used to compare fees with a yen cap
    loan_outlooks: list[LoanOutlook] = field(default_factory=list)
    provenance: dict[tuple[str, int], Provenance] = field(default_factory=dict)
    all_incident_count: int = 0  # in the vault, before the period and exclusions
    incident_numbers: dict[int, int] = field(default_factory=dict)  # id -> place among all incidents, by date


def masked_attachment(meta: r.Attachment) -> r.Attachment:
    """File names often carry a person's name ("photo of Tanaka.jpg"): keep only the kind of file."""
    return replace(meta, name=MASK + PurePath(meta.name).suffix)


def apply_privacy(data: VaultData, options: ReportOptions) -> VaultData:
    """Leave out excluded records and their attachments; mask third parties' names and addresses.

    Free text (descriptions, notes) is printed as written: to keep a name out of it, leave the
    record out or edit it first. Employers and organisations are not masked: they are the
    parties the evidence is about.
    """
    ex = options.exclude

    def keep(items: list) -> list:
        return [x for x in items if (x.KIND, x.id) not in ex]

    out = replace(
        data,
        contracts=keep(data.contracts), payslips=keep(data.payslips), loans=keep(data.loans),
        repayments=[x for x in keep(data.repayments) if ("loan", x.loan_id) not in ex],
        remittances=keep(data.remittances), fees=keep(data.fees), incidents=keep(data.incidents),
        attachments=[a for a in data.attachments if ("attachment", a.meta.id) not in ex
                     and (a.meta.owner_kind, a.meta.owner_id) not in ex],
    )
    if not options.show_trainee_name and out.profile is not None:
        out.profile = replace(out.profile, display_name="", full_name="", phone="", birth_date=None)
    if options.mask_third_parties:
        def m(text: str) -> str:
            return MASK if text else ""

        out.contracts = [replace(c, employer_address=m(c.employer_address)) for c in out.contracts]
        out.incidents = [replace(i, people=m(i.people), witnesses=m(i.witnesses)) for i in out.incidents]
        out.loans = [replace(x, guarantor=m(x.guarantor),
                             lender=m(x.lender) if x.lender_kind in ("relative", "informal", "other") else x.lender)
                     for x in out.loans]
        out.remittances = [replace(x, recipient=m(x.recipient)) for x in out.remittances]
        out.attachments = [replace(a, meta=masked_attachment(a.meta)) for a in out.attachments]
        if out.profile is not None:
            out.profile = replace(out.profile, phone=m(out.profile.phone))
    return out
