"""Money sent home (charts and what-if rates come beside this list later)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from handbook_app.i18n import N_
from handbook_app.ui.context import AppContext
from handbook_app.ui.models.remittance_model import RemittanceModel
from handbook_app.ui.screens.base import TabbedRecordScreen
from handbook_app.ui.widgets.record_list import RecordListPanel


class RemittancesScreen(TabbedRecordScreen):
    TITLE = N_("Remittances")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.remittances = RecordListPanel(RemittanceModel(), context, order="date")
        super().__init__(context, [(N_("Remittances"), self.remittances)], parent)
