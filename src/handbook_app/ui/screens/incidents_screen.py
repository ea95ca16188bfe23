"""Workplace incidents: what happened, when, where, who saw it, and what was done; a timeline with
filters (incidents alone or every record together) and a check that the record was not rewritten."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from handbook_app.core import records as r
from handbook_app.i18n import N_, _
from handbook_app.ui.context import AppContext
from handbook_app.ui.models.incident_model import IncidentModel
from handbook_app.ui.screens.base import TabbedRecordScreen
from handbook_app.ui.widgets.field import ERROR_STYLE
from handbook_app.ui.widgets.record_list import RecordListPanel
from handbook_app.ui.worker import run_async


class VerifyBar(QWidget):
    """'Verify the whole record': recomputes the audit chain off the GUI thread and says plainly what it found."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.button = QPushButton(self)
        self.button.setObjectName("verifyButton")
        self.button.clicked.connect(self.verify)
        self.result = QLabel(self)
        self.result.setObjectName("verifyResult")
        self.result.setWordWrap(True)
        self.ok: bool | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.result, 1)

    def verify(self) -> None:
        from handbook_app.services.verification import describe_report

        hb = self.context.handbook
        if hb is None:
            return
        self.button.setEnabled(False)
        self.ok = None
        self.result.setStyleSheet("")
        self.result.setText(_("Checking the whole record…"))

        def shown(ok: bool, lines: list[str]) -> None:
            self.button.setEnabled(True)
            if self.context.handbook is not hb:
                return  # locked meanwhile: show nothing
            self.ok = ok
            self.result.setStyleSheet("color: #1b5e20;" if ok else ERROR_STYLE)
            self.result.setText("\n".join(lines))

        run_async(lambda: describe_report(hb.verify()), lambda res: shown(*res), lambda exc: shown(False, [str(exc)]))

    def clear(self) -> None:
        self.ok = None
        self.result.clear()
        self.button.setEnabled(True)

    def retranslate(self) -> None:
        self.button.setText(_("Verify the whole record"))
        self.button.setToolTip(_("Recompute the history chain and check that no record was changed outside the app"))


class IncidentsScreen(TabbedRecordScreen):
    TITLE = N_("Incidents")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.incidents = RecordListPanel(IncidentModel(), context, order="started")
        super().__init__(context, [(N_("Incidents"), self.incidents)], parent)
        bar = QHBoxLayout()
        self.timeline_button = QPushButton(self.header)
        self.timeline_button.setObjectName("timelineButton")
        self.timeline_button.clicked.connect(lambda: self.open_timeline(False))
        self.everything_button = QPushButton(self.header)
        self.everything_button.setObjectName("timelineAllButton")
        self.everything_button.clicked.connect(lambda: self.open_timeline(True))
        bar.addWidget(self.timeline_button)
        bar.addWidget(self.everything_button)
        bar.addStretch(1)
        self.header_layout.addLayout(bar)
        self.verify_bar = VerifyBar(context, self.header)
        self.header_layout.addWidget(self.verify_bar)
        self.timeline = None

    def open_timeline(self, everything: bool = False):
        from handbook_app.ui.dialogs.timeline_dialog import TimelineDialog

        if self.context.handbook is None:
            return None
        self.timeline = TimelineDialog(self.context, self.window(), everything=everything)
        self.timeline.finished.connect(lambda _r, d=self.timeline: d.deleteLater())
        self.timeline.open()
        return self.timeline

    def new_incident(self, category: str = "", title: str = ""):
        """A new incident dialog with the category and title filled in (from the guide's self-check)."""
        from handbook_app.ui.dialogs.record_dialog import RecordDialog

        if self.context.handbook is None:
            return None
        preset = {"title": title} if title else {}
        if category in r.INCIDENT_CATEGORIES:
            preset["category"] = category
        panel = self.incidents
        dialog = RecordDialog(r.Incident, None, self.context, self.window(), preset=preset)
        dialog.finished.connect(lambda _res, d=dialog: panel._dialog_closed(d))
        panel.dialog = dialog
        dialog.open()
        return dialog

    def clear(self) -> None:
        super().clear()
        self.verify_bar.clear()

    def retranslate(self) -> None:
        super().retranslate()
        self.timeline_button.setText(_("Timeline…"))
        self.timeline_button.setToolTip(_("Incidents by date, with filters"))
        self.everything_button.setText(_("Everything on one timeline…"))
        self.everything_button.setToolTip(_("Contracts, payslips, incidents, loans, repayments and remittances by date"))
        self.verify_bar.retranslate()
