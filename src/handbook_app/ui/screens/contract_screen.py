"""Contract & pay: contracts, payslips and hours worked (wage checks come beside these lists later)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from handbook_app.i18n import N_
from handbook_app.ui.context import AppContext
from handbook_app.ui.models.contract_models import ContractModel, HoursModel, PayslipModel
from handbook_app.ui.screens.base import TabbedRecordScreen
from handbook_app.ui.widgets.record_list import RecordListPanel


class ContractPayScreen(TabbedRecordScreen):
    TITLE = N_("Contract & pay")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.contracts = RecordListPanel(ContractModel(), context)
        self.payslips = RecordListPanel(PayslipModel(), context, order="month")
        self.hours = RecordListPanel(HoursModel(), context, order="day")
        super().__init__(context, [
            (N_("Contracts"), self.contracts), (N_("Payslips"), self.payslips), (N_("Hours worked"), self.hours),
        ], parent)
