"""Debts: loans, repayments and recruitment fees, with what is still owed (projections come later)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QWidget

from handbook_app.core import records as r
from handbook_app.i18n import N_, _
from handbook_app.services.changes import Changes
from handbook_app.services.errors import VaultError
from handbook_app.services.home import debt_remaining
from handbook_app.ui.context import AppContext
from handbook_app.ui.models.debt_models import LoanModel, RecruitmentFeeModel, RepaymentModel
from handbook_app.ui.models.record_model import money
from handbook_app.ui.screens.base import TabbedRecordScreen
from handbook_app.ui.widgets.record_list import RecordListPanel


class DebtsScreen(TabbedRecordScreen):
    TITLE = N_("Debts")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.loans = RecordListPanel(LoanModel(), context)
        self.repayments = RecordListPanel(RepaymentModel(), context, lookup_kinds=("loan",), order="date")
        self.fees = RecordListPanel(RecruitmentFeeModel(), context, lookup_kinds=("loan",))
        super().__init__(context, [
            (N_("Loans"), self.loans), (N_("Repayments"), self.repayments), (N_("Recruitment fees"), self.fees),
        ], parent)
        self.summary = QLabel(self.header)
        self.summary.setObjectName("debtSummary")
        self.summary.setWordWrap(True)
        self.header_layout.addWidget(self.summary)
        self._remaining: list = []

    def refresh(self) -> None:
        super().refresh()
        self._load_summary()

    def clear(self) -> None:
        super().clear()
        self._remaining = []
        self.summary.clear()

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(r.Loan.KIND, r.Repayment.KIND):
            self._load_summary()

    def _load_summary(self) -> None:
        hb = self.context.handbook
        if hb is None:
            return
        try:
            self._remaining = debt_remaining(hb, dt.date.today())
        except VaultError:
            self._remaining = []
        self._show_summary()

    def _show_summary(self) -> None:
        if self.context.handbook is None:
            self.summary.clear()
            return
        if self._remaining:
            amounts = ", ".join(money(m) for m in self._remaining)
            self.summary.setText(_("Still owed on all loans today: {amounts}").format(amounts=amounts))
        else:
            self.summary.setText(_("No debt recorded, or all loans are paid off."))

    def retranslate(self) -> None:
        super().retranslate()
        self._show_summary()
