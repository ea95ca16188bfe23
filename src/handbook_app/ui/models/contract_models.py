"""Table models for Contract & pay: contracts, payslips, hours worked."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from handbook_app.core import records as r
from handbook_app.core.prefectures import name as prefecture_name
from handbook_app.core.wage_checks import CheckStatus, Severity
from handbook_app.i18n import N_, _
from handbook_app.i18n.formatting import format_money
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


class ContractModel(RecordTableModel):
    RECORD_TYPE = r.Contract
    EMPLOYER, JOB, PREFECTURE, START, END, STAY_EXPIRY, WAGE = range(7)
    COMPACT = (PREFECTURE, START, END, STAY_EXPIRY, WAGE)  # sized to their content; the label wraps if need be
    STRETCH = JOB
    COLUMNS = (
        Column(N_("Employer"), lambda x, lk: x.employer),
        Column(N_("Job"), lambda x, lk: x.job_category),
        Column(N_("Prefecture"), lambda x, lk: prefecture_name(x.prefecture) if x.prefecture else ""),
        Column(N_("Start"), lambda x, lk: date(x.start), lambda x: x.start),
        Column(N_("End"), lambda x, lk: date(x.end), lambda x: x.end),
        Column(N_("Period of stay ends"), lambda x, lk: date(x.stay_expiry), lambda x: x.stay_expiry),
        Column(N_("Promised wage"), lambda x, lk: f"{money(x.wage)} ({choice(r.WAGE_KINDS, x.wage_kind)})",
               lambda x: money_key(x.wage), numeric=True),
    )


def _review(x: r.Payslip, lk) -> object:
    return lk.get("review", {}).get(x.id)


def check_text(review) -> str:
    """The payslip's check in a few words: the estimated shortfall, or why nothing was compared."""
    if review is None:
        return ""
    status = getattr(review, "status", CheckStatus.CHECKED)
    if review.flagged:
        amount = format_money(review.shortfall_yen, "JPY")
        if status is not CheckStatus.CHECKED:
            return _("short at least {amount}").format(amount=amount)
        return _("short {amount}").format(amount=amount)
    if review.contract is None:
        return _("no contract to compare")
    if status is CheckStatus.NOT_CHECKED:
        return _("not checked")
    if status is CheckStatus.LOWER_BOUND:
        return _("only partly checked")
    if any(f.severity == Severity.WARNING for f in review.findings):
        return _("figures to check")
    return _("OK")


def check_rank(x: r.Payslip, lk) -> tuple:
    review = _review(x, lk)
    if review is None:
        return (0, 0)
    return (2 if review.flagged else 1 if review.findings else 0, review.shortfall_yen)


class PayslipModel(RecordTableModel):
    RECORD_TYPE = r.Payslip
    MONTH, CHECK, HOURS, OVERTIME, LOGGED, GROSS, DEDUCTIONS, NET, PAID_ON = range(9)
    COMPACT = (MONTH, HOURS, OVERTIME, LOGGED, GROSS, DEDUCTIONS, NET, PAID_ON)
    STRETCH = CHECK
    DEFAULT_SORT = (0, Qt.SortOrder.DescendingOrder)  # newest first
    COLUMNS = (
        Column(N_("Month"), lambda x, lk: month(x.month), lambda x: x.month),
        Column(N_("Check"), lambda x, lk: check_text(_review(x, lk))),
        Column(N_("Regular hours"), lambda x, lk: number(x.regular_hours), lambda x: x.regular_hours, True),
        Column(N_("Overtime hours"), lambda x, lk: number(x.overtime_hours), lambda x: x.overtime_hours, True),
        Column(N_("Hours logged"), lambda x, lk: number(_review(x, lk).logged.worked)
               if _review(x, lk) is not None and _review(x, lk).logged is not None else "", None, True),
        Column(N_("Gross pay"), lambda x, lk: money(x.gross), lambda x: money_key(x.gross), True),
        Column(N_("Deductions"), lambda x, lk: money(x.deductions_total()),
               lambda x: money_key(x.deductions_total()), True),
        Column(N_("Net pay"), lambda x, lk: money(x.net), lambda x: money_key(x.net), True),
        Column(N_("Paid on"), lambda x, lk: date(x.paid_on), lambda x: x.paid_on),
    )

    def review(self, row: int):
        record = self.record_at(row)
        return self._lookups.get("review", {}).get(record.id) if record is not None else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() == self.CHECK:
            review = self.review(index.row())
            if role == Qt.ItemDataRole.DecorationRole and review is not None:
                style = QApplication.style()
                if review.flagged:
                    return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
                if review.findings:
                    return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
                return style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
            if role == Qt.ItemDataRole.ForegroundRole and review is not None and review.flagged:
                return QBrush(QColor("#b00020"))
        return super().data(index, role)

    def _rank(self, column: int) -> list[int]:
        if column != self.CHECK or column in self._ranks:
            return super()._rank(column)
        keys = [check_rank(x, self._lookups) for x in self._rows]
        ranks = [0] * len(keys)
        for position, row in enumerate(sorted(range(len(keys)), key=lambda i: keys[i])):
            ranks[row] = position
        self._ranks[column] = ranks
        return ranks


class HoursModel(RecordTableModel):
    RECORD_TYPE = r.HoursEntry
    DAY, START, END, BREAK, HOLIDAY, NOTES = range(6)
    COMPACT = (DAY, START, END, BREAK, HOLIDAY)
    STRETCH = NOTES
    DEFAULT_SORT = (0, Qt.SortOrder.DescendingOrder)  # newest first
    COLUMNS = (
        Column(N_("Day"), lambda x, lk: date(x.day), lambda x: x.day),
        Column(N_("Start"), lambda x, lk: x.start),
        Column(N_("End"), lambda x, lk: x.end),
        Column(N_("Break (minutes)"), lambda x, lk: str(x.break_minutes), lambda x: x.break_minutes, True),
        Column(N_("Holiday"), lambda x, lk: yes_no(x.holiday)),
        Column(N_("Notes"), lambda x, lk: x.notes),
    )

