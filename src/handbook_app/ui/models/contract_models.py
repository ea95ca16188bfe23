"""Table models for Contract & pay: contracts, payslips, hours worked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from handbook_app.core import records as r
from handbook_app.core.prefectures import name as prefecture_name
from handbook_app.i18n import N_
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


class PayslipModel(RecordTableModel):
    RECORD_TYPE = r.Payslip
    MONTH, HOURS, OVERTIME, GROSS, DEDUCTIONS, NET, PAID_ON = range(7)
    DEFAULT_SORT = (0, Qt.SortOrder.DescendingOrder)  # newest first
    COLUMNS = (
        Column(N_("Month"), lambda x, lk: month(x.month), lambda x: x.month),
        Column(N_("Regular hours"), lambda x, lk: number(x.regular_hours), lambda x: x.regular_hours, True),
        Column(N_("Overtime hours"), lambda x, lk: number(x.overtime_hours), lambda x: x.overtime_hours, True),
        Column(N_("Gross pay"), lambda x, lk: money(x.gross), lambda x: money_key(x.gross), True),
        Column(N_("Deductions"), lambda x, lk: money(x.deductions_total()),
               lambda x: money_key(x.deductions_total()), True),
        Column(N_("Net pay"), lambda x, lk: money(x.net), lambda x: money_key(x.net), True),
        Column(N_("Paid on"), lambda x, lk: date(x.paid_on), lambda x: x.paid_on),
    )


class HoursModel(RecordTableModel):
    RECORD_TYPE = r.HoursEntry
    DAY, START, END, BREAK, HOLIDAY, NOTES = range(6)
    DEFAULT_SORT = (0, Qt.SortOrder.DescendingOrder)  # newest first
    COLUMNS = (
        Column(N_("Day"), lambda x, lk: date(x.day), lambda x: x.day),
        Column(N_("Start"), lambda x, lk: x.start),
        Column(N_("End"), lambda x, lk: x.end),
        Column(N_("Break (minutes)"), lambda x, lk: str(x.break_minutes), lambda x: x.break_minutes, True),
        Column(N_("Holiday"), lambda x, lk: yes_no(x.holiday)),
        Column(N_("Notes"), lambda x, lk: x.notes),
    )

