"""A record's history: who changed what and when (from the audit chain), deletions included.

Each change shows before → after as the rest of the app shows values: money and dates in the
user's locale, choices by their translated labels, links by the record they name.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

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
from handbook_app.core.money import Money
from handbook_app.core.prefectures import name as prefecture_name
from handbook_app.i18n import LANGUAGE_NAMES, N_, _
from handbook_app.i18n.formatting import (
    format_date,
    format_datetime,
    format_decimal,
    format_money,
    format_month,
    format_percent,
)
from handbook_app.services.work import AttachmentStep, attachment_history, typed_history
from handbook_app.ui.context import AppContext
from handbook_app.ui.dialogs.forms import FORMS, Field, field_label
from handbook_app.ui.lang import follow_language, translate_buttons

ACTIONS = {"insert": N_("Added"), "update": N_("Changed"), "delete": N_("Deleted")}
ATTACHMENT_ACTIONS = {"insert": N_("Attachment added"), "update": N_("Attachment changed"),
                      "delete": N_("Attachment removed")}
HEADERS = (N_("When"), N_("Who"), N_("What"), N_("Field"), N_("Before"), N_("After"))
TEXT_LIMIT = 160


def _when(at: str) -> str:
    """Local date with a four-digit year (as everywhere else in the app) and the time."""
    from handbook_app.ui.widgets.date_edit import input_pattern

    try:
        return format_datetime(dt.datetime.fromisoformat(at).astimezone(), fmt=input_pattern() + " HH:mm")
    except ValueError:
        return at


def who_text(name: str, actor_kind: str) -> str:
    if actor_kind == "support":
        return _("{name} (support worker)").format(name=name) if name else _("A support worker")
    return _("{name} (trainee)").format(name=name) if name else _("The trainee")


def format_value(value: object, spec: Field | None, refs: dict[str, dict[object, str]] | None = None) -> str:
    """One stored value as the forms show it."""
    if value is None or value == "" or value == {} or value == []:
        return "—"
    kind = spec.kind if spec is not None else ""
    if isinstance(value, Money):
        return format_money(value.minor, value.currency)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dt.date):
        return format_month(value) if kind in ("month", "month_opt") else format_date(value)
    if isinstance(value, Decimal):
        return format_percent(value) if kind == "percent" else format_decimal(value)
    if kind == "choice" and spec is not None:
        label = spec.options["choices"].get(value)
        return _(label) if label else str(value)
    if kind == "prefecture":
        try:
            return prefecture_name(int(value))
        except (KeyError, ValueError, TypeError):
            return str(value)
    if kind.startswith("language"):
        return LANGUAGE_NAMES.get(str(value), str(value))
    if kind.startswith("ref") and spec is not None and refs is not None:
        return refs.get(spec.options["kind"], {}).get(value, f"#{value}")
    if kind == "deductions" and isinstance(value, dict) and spec is not None:
        labels = spec.options["choices"]
        return "; ".join(f"{_(labels.get(k, k))}: {format_money(int(v), 'JPY')}" for k, v in value.items())
    if kind == "schedule" and isinstance(value, list):
        return "; ".join(f"{format_date(dt.date.fromisoformat(d))} {v}" for d, v in value)
    text = str(value).replace("\n", " ⏎ ")
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…"


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
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(900, 440)
        context.track(self)
        follow_language(self, self.retranslate)
        self.retranslate()

    def done(self, result: int) -> None:
        self.table.setRowCount(0)
        super().done(result)

    def retranslate(self, *_args) -> None:
        self.setWindowTitle(_("History"))
        self.heading.setText(_("Every change to this record and its attachments, oldest first, with who made it "
                               "and when (local time). Deleted records keep their history."))
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.table.setAccessibleName(_("History"))
        translate_buttons(self.buttons)
        self.load()

    def _refs(self) -> dict[str, dict[object, str]]:
        from handbook_app.ui.dialogs.record_dialog import ref_choices

        kinds = {f.options["kind"] for f in FORMS.get(self.cls, ()) if f.kind.startswith("ref")}
        return {kind: dict(ref_choices(self.context, kind)()) for kind in kinds}

    def rows(self) -> list[tuple[str, ...]]:
        hb = self.context.handbook
        if hb is None or not hb.is_open:
            return []
        specs = {f.name: f for f in FORMS.get(self.cls, ())}
        refs = self._refs()
        out: list[tuple[str, ...]] = []
        for step in self._merged_steps(hb):
            if isinstance(step, AttachmentStep):
                action = _(ATTACHMENT_ACTIONS.get(step.action, step.action))
                out.append((_when(step.at), who_text(step.who, step.actor_kind), action, _("File"), "",
                            _("{name} — SHA-256: {sha256}").format(name=step.name, sha256=step.sha256)))
                continue
            action = _(ACTIONS.get(step.action, step.action))
            when = _when(step.at)
            who = who_text(step.who, step.actor_kind)
            if not step.changes or step.action == "delete":
                out.append((when, who, action, "", "", ""))
                continue
            for change in step.changes:
                if step.action == "insert" and change.after in (None, "", {}, [], False):
                    continue  # a new record: only what was filled in
                spec = specs.get(change.field)
                before = "" if step.action == "insert" else format_value(change.before, spec, refs)
                out.append((when, who, action, _(field_label(self.cls.KIND, change.field)),
                            before, format_value(change.after, spec, refs)))
        return out

    def _merged_steps(self, hb) -> list:
        """The record's own audit steps and its attachments' steps, in the order they happened."""
        steps: list = list(typed_history(hb, self.cls, self.row_id))
        if self.cls.KIND in r.ATTACHMENT_OWNERS:
            steps += attachment_history(hb, self.cls.KIND, self.row_id)
        return sorted(steps, key=lambda s: s.seq)

    def load(self) -> None:
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                self.table.setItem(i, j, QTableWidgetItem(text))
