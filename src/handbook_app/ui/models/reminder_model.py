"""Table model for the user's own reminders."""

from __future__ import annotations

from PySide6.QtCore import Qt

from handbook_app.core import records as r
from handbook_app.i18n import N_
from handbook_app.ui.models.record_model import Column, RecordTableModel, choice, date, yes_no


class ReminderModel(RecordTableModel):
    RECORD_TYPE = r.Reminder
    DUE, TITLE, KIND, DONE = range(4)
    STRETCH = TITLE
    DEFAULT_SORT = (0, Qt.SortOrder.AscendingOrder)  # soonest first
    COLUMNS = (
        Column(N_("Due"), lambda x, lk: date(x.due), lambda x: x.due),
        Column(N_("Reminder"), lambda x, lk: x.title),
        Column(N_("Kind"), lambda x, lk: choice(r.REMINDER_KINDS, x.kind)),
        Column(N_("Done"), lambda x, lk: yes_no(x.done)),
    )
