"""Fast daily hours entry: the day (today first), start, end, break, holiday; Enter saves and moves
to the next day with the same shift filled in, so a day takes a few seconds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core import records as r
from handbook_app.core.hours import day_hours
from handbook_app.core.validation import ValidationError, validate
from handbook_app.i18n import _
from handbook_app.i18n.formatting import ParseError, format_date, format_decimal
from handbook_app.services.errors import VaultError
from handbook_app.ui.context import AppContext
from handbook_app.ui.lang import follow_language, translate_buttons
from handbook_app.ui.widgets.date_edit import DateEdit
from handbook_app.ui.widgets.editors import ClockEditor, IntEditor, TextEditor
from handbook_app.ui.widgets.field import error_label


class QuickHoursDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, day: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickHoursDialog")
        self.context = context
        self.saved: list[r.HoursEntry] = []
        self.day = DateEdit()
        self.day.setObjectName("field_day")
        self.start = ClockEditor()
        self.start.setObjectName("field_start")
        self.end = ClockEditor()
        self.end.setObjectName("field_end")
        self.break_minutes = IntEditor()
        self.break_minutes.setObjectName("field_break_minutes")
        self.holiday = QCheckBox(self)
        self.holiday.setObjectName("field_holiday")
        self.notes = TextEditor()
        self.notes.setObjectName("field_notes")
        self.day.set_value(day or dt.date.today())
        last = self._last_entry()
        self.start.set_value(last.start if last else "08:00")
        self.end.set_value(last.end if last else "17:00")
        self.break_minutes.set_value(last.break_minutes if last else 60)

        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.labels = {k: QLabel(self) for k in ("day", "start", "end", "break", "holiday", "notes")}
        for key, editor in (("day", self.day), ("start", self.start), ("end", self.end),
                            ("break", self.break_minutes), ("holiday", self.holiday), ("notes", self.notes)):
            form.addRow(self.labels[key], editor)
        layout.addLayout(form)
        self.error = error_label(self, "generalError")
        layout.addWidget(self.error)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setObjectName("saveNext")
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.save_button.clicked.connect(self.save_and_next)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.day.focus_widget(), self.start.focus_widget())
        context.track(self)
        follow_language(self, self.retranslate)
        self.retranslate()
        self.resize(460, 380)
        self.start.focus_widget().setFocus()

    def _last_entry(self) -> r.HoursEntry | None:
        hb = self.context.handbook
        if hb is None or not hb.is_open:
            return None
        entries = hb.records(r.HoursEntry, order="day")
        return entries[-1] if entries else None

    def retranslate(self, *_args) -> None:
        self.setWindowTitle(_("Log hours quickly"))
        self.intro.setText(_("Type the times and press Enter: the day is saved and the next day comes up with "
                             "the same times."))
        for key, text in (("day", _("Day")), ("start", _("Start time")), ("end", _("End time")),
                          ("break", _("Break (minutes)")), ("holiday", _("Holiday work")), ("notes", _("Notes"))):
            self.labels[key].setText(text)
        self.holiday.setAccessibleName(_("Holiday work"))
        for editor in (self.day, self.start, self.end, self.break_minutes, self.notes):
            editor.retranslate()
        self.save_button.setText(_("Save and next day (Enter)"))
        translate_buttons(self.buttons)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save_and_next()
            return
        super().keyPressEvent(event)

    def entry(self) -> r.HoursEntry | None:
        for editor in (self.day, self.start, self.end, self.break_minutes, self.notes):
            editor.set_error(None)
        self.error.hide()
        try:
            record = r.HoursEntry(day=self.day.value(), start=self.start.value(), end=self.end.value(),
                                  break_minutes=self.break_minutes.value() or 0, holiday=self.holiday.isChecked(),
                                  notes=self.notes.value())
        except ParseError:
            return None
        problems = validate(record)
        editors = {"day": self.day, "start": self.start, "end": self.end, "break_minutes": self.break_minutes}
        for problem in problems:
            target = editors.get(problem.field)
            if target is not None:
                target.set_error(problem.message)
            else:
                self._general(problem.message)
        return None if problems else record

    def _general(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def save_and_next(self) -> bool:
        record = self.entry()
        if record is None:
            return False
        try:
            hb = self.context.require()
            if any(h.day == record.day for h in hb.records_where(r.HoursEntry, "day", record.day.isoformat())):
                self.day.set_error(_("This day is already logged. Change it in the list (Edit…)."))
                return False
            changes = hb.add(record)
        except ValidationError as exc:
            self._general("\n".join(p.message for p in exc.problems))
            return False
        except VaultError as exc:
            self._general(str(exc))
            return False
        self.saved.append(record)
        worked = Decimal(day_hours(record).worked_minutes) / 60
        self.status.setText(_("Saved {day}: {start}–{end}, {hours} hours worked.").format(
            day=format_date(record.day), start=record.start, end=record.end,
            hours=format_decimal(worked.quantize(Decimal("0.01")), max_digits=2)))
        self.day.set_value(record.day + dt.timedelta(days=1))
        self.holiday.setChecked(False)
        self.notes.set_value("")
        self.context.notify(changes)
        self.start.focus_widget().setFocus()
        self.start.edit.selectAll()
        return True
