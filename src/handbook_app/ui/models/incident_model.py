"""Table model for workplace incidents."""

from __future__ import annotations

from PySide6.QtCore import Qt

from handbook_app.core import records as r
from handbook_app.i18n import N_
from handbook_app.ui.models.record_model import Column, RecordTableModel, choice, date, first_line


class IncidentModel(RecordTableModel):
    RECORD_TYPE = r.Incident
    STARTED, CATEGORY, TITLE, PLACE, STATUS = range(5)
    COMPACT = (STARTED, STATUS)  # sized to their content; the label wraps if need be
    STRETCH = TITLE
    DEFAULT_SORT = (0, Qt.SortOrder.DescendingOrder)  # newest first
    COLUMNS = (
        Column(N_("When"), lambda x, lk: date(x.started), lambda x: x.started),
        Column(N_("Category"), lambda x, lk: choice(r.INCIDENT_CATEGORIES, x.category)),
        Column(N_("What happened"), lambda x, lk: x.title or first_line(x.description)),
        Column(N_("Where"), lambda x, lk: x.place),
        Column(N_("Status"), lambda x, lk: choice(r.INCIDENT_STATUSES, x.status)),
    )
