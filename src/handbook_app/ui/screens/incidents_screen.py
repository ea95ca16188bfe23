"""Workplace incidents: what happened, when, where, who saw it, and what was done."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from handbook_app.i18n import N_
from handbook_app.ui.context import AppContext
from handbook_app.ui.models.incident_model import IncidentModel
from handbook_app.ui.screens.base import TabbedRecordScreen
from handbook_app.ui.widgets.record_list import RecordListPanel


class IncidentsScreen(TabbedRecordScreen):
    TITLE = N_("Incidents")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.incidents = RecordListPanel(IncidentModel(), context, order="started")
        super().__init__(context, [(N_("Incidents"), self.incidents)], parent)
