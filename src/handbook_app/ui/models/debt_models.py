"""Table models for Debts: loans, repayments, recruitment fees, and the derived overview/statement tables."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from handbook_app.core import records as r
from handbook_app.i18n import N_, _
from handbook_app.ui.models.record_model import (
    Column,
    RecordTableModel,
    choice,
    date,
    money,
    money_key,
    month,
    number,
    yes_no,
)


def loan_label(loan: r.Loan) -> str:
    return f"{loan.lender} — {money(loan.principal)}" if loan.lender else money(loan.principal)


class LoanModel(RecordTableModel):
    RECORD_TYPE = r.Loan
    LENDER, LENDER_KIND, PRINCIPAL, START, INTEREST, RATE, PURPOSE = range(7)
    COMPACT = (LENDER_KIND, PRINCIPAL, START, RATE)  # sized to their content; the label wraps if need be
    STRETCH = PURPOSE
    COLUMNS = (
        Column(N_("Lender"), lambda x, lk: x.lender),
        Column(N_("Kind of lender"), lambda x, lk: choice(r.LENDER_KINDS, x.lender_kind)),
        Column(N_("Amount borrowed"), lambda x, lk: money(x.principal), lambda x: money_key(x.principal), True),
        Column(N_("Start"), lambda x, lk: date(x.start), lambda x: x.start),
        Column(N_("Interest"), lambda x, lk: choice(r.INTEREST_MODELS, x.interest_model)),
        Column(N_("% per month"), lambda x, lk: number(x.monthly_rate * 100) if x.monthly_rate else "",
               lambda x: x.monthly_rate, True),
        Column(N_("Purpose"), lambda x, lk: x.purpose),
    )


class RepaymentModel(RecordTableModel):
    RECORD_TYPE = r.Repayment
    DATE, LOAN, PAID, RATE, NOTES = range(5)
    COMPACT = (DATE, PAID, RATE)
    STRETCH = NOTES
    DEFAULT_SORT = (0, Qt.SortOrder.DescendingOrder)  # newest first
    COLUMNS = (
        Column(N_("Date"), lambda x, lk: date(x.date), lambda x: x.date),
        Column(N_("Loan"), lambda x, lk: lk.get("loan", {}).get(x.loan_id, f"#{x.loan_id}")),
        Column(N_("Paid"), lambda x, lk: money(x.paid), lambda x: money_key(x.paid), True),
        Column(N_("Exchange rate"), lambda x, lk: number(x.rate), lambda x: x.rate, True),
        Column(N_("Notes"), lambda x, lk: x.notes),
    )


class RecruitmentFeeModel(RecordTableModel):
    RECORD_TYPE = r.RecruitmentFee
    DATE, ITEM, AMOUNT, PAID_TO, RECEIPT, LOAN = range(6)
    COMPACT = (DATE, AMOUNT, RECEIPT)
    STRETCH = LOAN
    DEFAULT_SORT = (0, Qt.SortOrder.DescendingOrder)  # newest first
    COLUMNS = (
        Column(N_("Date"), lambda x, lk: date(x.date), lambda x: x.date),
        Column(N_("What for"), lambda x, lk: choice(r.FEE_ITEMS, x.item)),
        Column(N_("Amount"), lambda x, lk: money(x.amount), lambda x: money_key(x.amount), True),
        Column(N_("Paid to"), lambda x, lk: x.paid_to),
        Column(N_("Receipt"), lambda x, lk: yes_no(x.receipt)),
        Column(N_("Paid with loan"), lambda x, lk: lk.get("loan", {}).get(x.loan_id, "") if x.loan_id else ""),
    )


# --- derived tables (overview, statement, fee findings): read-only rows computed by services ------


class DerivedTableModel(QAbstractTableModel):
    """A read-only table over derived rows (not records): columns of (title msgid, text fn, numeric).

    Texts are formatted when painted, in the current language; clear() drops every row (on lock).
    """

    COLUMNS: tuple[tuple[str, Callable[[object], str], bool], ...] = ()
    COMPACT: tuple[int, ...] = ()  # short columns (amounts, dates) sized to their content, when the table fits
    STRETCH: int | None = None  # the free-text column that takes the spare width (None: the last one)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def rows(self) -> list:
        return list(self._rows)

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.COLUMNS) - 1))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def text(self, row: int, column: int) -> str:
        try:
            return self.COLUMNS[column][1](self._rows[row])
        except (KeyError, ValueError, TypeError, AttributeError, ArithmeticError):
            return ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and self.COLUMNS[index.column()][2]:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(index.row(), index.column())
        return None

    def foreground(self, row: int, column: int):
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(self.COLUMNS[section][0]) if 0 <= section < len(self.COLUMNS) else None
        return None


def _due_text(outlook) -> str:
    due = outlook.view.next_due
    if due is None:
        return ""
    text = date(due.date)
    if due.amount is not None:
        text = _("{date}: {amount}").format(date=text, amount=money(due.amount))
    if due.overdue:
        text = _("{due} (overdue)").format(due=text)
    return text


def _balance_text(outlook) -> str:
    state = outlook.view.state
    if state.balance.minor < 0:
        return _("Overpaid by {amount}").format(amount=money(state.overpaid))
    if state.balance.minor == 0:
        return _("Paid off")
    return money(state.balance)


def _pace_text(outlook) -> str:
    """The average paid per month lately; says so when nothing was paid in that time."""
    pace = outlook.pace
    owed = outlook.view.state.balance.minor > 0
    if pace is None:
        return _("None yet") if owed else ""
    if pace.minor > 0:
        return money(pace)
    if not owed:
        return ""
    if outlook.pace_months == 1:
        return _("None in the last month")
    return _("None in the last {months} months").format(months=outlook.pace_months)


def _pace_tip(outlook) -> str:
    text = _pace_text(outlook)
    if outlook.last_paid is not None:
        extra = _("Last payment on this loan: {date}.").format(date=date(outlook.last_paid))
    else:
        extra = _("Nothing has been paid on this loan yet.")
    return f"{text}\n{extra}" if text else extra


def _payoff_text(outlook) -> str:
    p = outlook.projection
    if outlook.view.state.balance.minor <= 0:
        return ""
    if p is None:
        return _("No payments yet to project from")
    if p.never_pays_off:
        return _("Never, at this pace")
    return month(p.payoff_date)


class LoanOverviewModel(DerivedTableModel):
    """One row per loan (services.debts.LoanOutlook): balance now, interest paid, next due, payoff."""

    LENDER, BALANCE, INTEREST_PAID, NEXT_DUE, PACE, PAYOFF = range(6)
    COMPACT = (BALANCE, INTEREST_PAID, PACE)
    STRETCH = LENDER
    COLUMNS = (
        (N_("Loan"), lambda o: o.view.loan.lender or money(o.view.loan.principal), False),
        (N_("Still owed"), _balance_text, True),
        (N_("Interest paid so far"), lambda o: money(o.view.state.interest_paid), True),
        (N_("Next due"), _due_text, False),
        (N_("Paid per month lately"), _pace_text, True),
        (N_("Paid off at this pace"), _payoff_text, False),
    )

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == self.PACE:
            row = self.row_at(index.row())
            return _pace_tip(row) if row is not None else None
        return super().data(index, role)

    def foreground(self, row: int, column: int):
        o = self._rows[row]
        if column == self.PACE and o.pace is not None and o.pace.minor == 0 \
                and o.view.state.balance.minor > 0:
            return QColor("#b00020")
        if column == self.PAYOFF and o.projection is not None and o.projection.debt_trap:
            return QColor("#b00020")
        if column == self.NEXT_DUE and o.view.next_due is not None and o.view.next_due.overdue:
            return QColor("#b00020")
        return None


class StatementModel(DerivedTableModel):
    """core.loans.StatementRow: month, opening, interest, paid, closing."""

    MONTH, OPENING, INTEREST, PAID, CLOSING = range(5)
    COMPACT = (MONTH, OPENING, INTEREST, PAID, CLOSING)
    COLUMNS = (
        (N_("Month"), lambda s: month(s.month), False),
        (N_("Owed at the start"), lambda s: money(s.opening), True),
        (N_("Interest added"), lambda s: money(s.interest) if s.interest.minor else "", True),
        (N_("Paid"), lambda s: money(s.paid) if s.paid.minor else "", True),
        (N_("Owed at the end"), lambda s: money(s.closing), True),
    )


class ProjectionRowsModel(DerivedTableModel):
    """core.projection.ProjectionRow: date, opening, interest, paid, closing."""

    COLUMNS = (
        (N_("Month"), lambda s: month(s.date), False),
        (N_("Owed at the start"), lambda s: money(s.opening), True),
        (N_("Interest added"), lambda s: money(s.interest), True),
        (N_("Paid"), lambda s: money(s.paid), True),
        (N_("Owed at the end"), lambda s: money(s.closing), True),
    )


class LoanOutcomeModel(DerivedTableModel):
    """core.projection.LoanOutcome rows of a budget projection, shown in payoff priority."""

    COLUMNS = (
        (N_("Loan"), lambda o: o.loan.lender or money(o.loan.principal), False),
        (N_("Still owed"), lambda o: money(o.balance_at_start), True),
        (N_("Paid off"), lambda o: month(o.payoff_date) if o.payoff_date else _("Never"), False),
        (N_("Months"), lambda o: str(o.months) if o.months is not None else "—", True),
        (N_("Interest still to pay"), lambda o: money(o.total_interest), True),
    )


FINDING_LEVELS = {
    "over": N_("Over the limit"),
    "banned": N_("Not allowed"),
    "check": N_("Check this"),
    "within": N_("Within the limit"),
    "unknown": N_("Cannot tell"),
}


class FeeFindingModel(DerivedTableModel):
    """core.fees.Finding: level, message, source (verified or not)."""

    RESULT, MESSAGE, SOURCE = range(3)
    COMPACT = (RESULT,)
    STRETCH = MESSAGE

    COLUMNS = (
        (N_("Result"), lambda f: choice(FINDING_LEVELS, f.level), False),
        (N_("What the rule says"), lambda f: f.message, False),
        (N_("Source"), lambda f: (f.source_title + ("" if f.verified else " — " + _("not verified yet")))
         if f.source_title else "", False),
    )

    def foreground(self, row: int, column: int):
        if column == 0 and self._rows[row].level in ("over", "banned"):
            return QColor("#b00020")
        return None
