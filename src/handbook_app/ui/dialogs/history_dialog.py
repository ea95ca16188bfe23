"""A record's history: who changed what and when (from the audit chain), deletions included."""

from __future__ import annotations

import contextlib
import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core import records as r
from handbook_app.i18n import N_, _
from handbook_app.i18n.formatting import format_datetime
from handbook_app.ui.context import AppContext
from handbook_app.ui.dialogs.forms import field_label
from handbook_app.ui.lang import notifier, translate_buttons

ACTIONS = {"insert": N_("Added"), "update": N_("Changed"), "delete": N_("Deleted")}
HEADERS = (N_("When"), N_("Who"), N_("What"), N_("Field"), N_("Before"), N_("After"))


def _when(at: str) -> str:
    try:
        return format_datetime(dt.datetime.fromisoformat(at).astimezone(), fmt="short")
    except ValueError:
        return at


def _value(value: object) -> str:
    if value is None or value == "":
        return "—"
    return str(value)


class HistoryDialog(QDialog):
    def __init__(self, context: AppContext, cls: type[r.Record], row_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.context = context
        self.cls = cls
        self.row_id = row_id
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(820, 420)
        context.track(self)
        notifier().changed.connect(self.retranslate)
        self.retranslate()

    def done(self, result: int) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            notifier().changed.disconnect(self.retranslate)
        self.table.setRowCount(0)
        super().done(result)

    def retranslate(self, *_args) -> None:
        self.setWindowTitle(_("History"))
        self.heading.setText(_("Every change to this record, oldest first. Deleted records keep their history."))
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.table.setAccessibleName(_("History"))
        translate_buttons(self.buttons)
        self.load()

    def rows(self) -> list[tuple[str, ...]]:
        hb = self.context.handbook
        if hb is None or not hb.is_open:
            return []
        out = []
        for item in hb.history(self.cls.KIND, self.row_id):
            action = _(ACTIONS.get(item.action, item.action))
            when = _when(item.at)
            if not item.changes or item.action == "delete":
                out.append((when, item.who, action, "", "", ""))
                continue
            for column, before, after in item.changes:
                out.append((when, item.who, action, _(field_label(self.cls.KIND, column)), _value(before), _value(after)))
        return out

    def load(self) -> None:
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                self.table.setItem(i, j, QTableWidgetItem(text))
