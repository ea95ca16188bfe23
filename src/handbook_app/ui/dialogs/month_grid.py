"""A month of hours on one table, for a support worker copying from a trainee's notebook.

One row per day: start, end, break (minutes), holiday. Saving is all or nothing (Handbook.add_many):
a wrong cell is marked in place with the reason, and nothing is saved until every filled row is right.
Days already logged are shown greyed and left as they are.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core import records as r
from handbook_app.core.validation import ValidationError, validate
from handbook_app.i18n import N_, _, ngettext
from handbook_app.i18n.formatting import ParseError, format_date, format_month, parse_decimal
from handbook_app.services.errors import VaultError
from handbook_app.services.work import hours_in_month, month_days
from handbook_app.ui.context import AppContext
from handbook_app.ui.lang import follow_language, translate_buttons
from handbook_app.ui.palette import tone
from handbook_app.ui.widgets.editors import MonthEditor
from handbook_app.ui.widgets.field import error_label

DAY, START, END, BREAK, HOLIDAY = range(5)
HEADERS = (N_("Day"), N_("Start time"), N_("End time"), N_("Break (minutes)"), N_("Holiday work"))


def _day_text(day: dt.date) -> str:
    return f"{format_date(day, fmt='EEE')}, {format_date(day, fmt='short')}"


class MonthGridDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, month: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthGridDialog")
        self.context = context
        self.month = (month or dt.date.today()).replace(day=1)
        self.days: list[dt.date] = []
        self.existing: dict[dt.date, r.HoursEntry] = {}
        self.saved_count = 0

        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        top = QHBoxLayout()
        self.month_label = QLabel(self)
        self.month_edit = MonthEditor()
        self.month_edit.setObjectName("month")
        self.month_edit.set_value(self.month)
        self.month_edit.edit.returnPressed.connect(self.show_month)
        self.show_button = QPushButton(self)
        self.show_button.setObjectName("showMonth")
        self.show_button.setAutoDefault(False)
        self.show_button.clicked.connect(self.show_month)
        top.addWidget(self.month_label)
        top.addWidget(self.month_edit)
        top.addWidget(self.show_button)
        top.addStretch(1)
        layout.addLayout(top)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("grid")
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.itemChanged.connect(self._cell_changed)
        layout.addWidget(self.table, 1)
        self.error = error_label(self, "generalError")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        context.track(self)
        follow_language(self, self.retranslate)
        self.resize(640, 720)
        self.load()
        self.retranslate()

    def done(self, result: int) -> None:
        self.table.setRowCount(0)
        super().done(result)

    def retranslate(self, *_args) -> None:
        self.setWindowTitle(_("Hours for a whole month"))
        self.intro.setText(_("Copy each day from the notebook: start, end, break in minutes, and tick holiday work. "
                             "Leave days off empty. Grey days are already logged. Nothing is saved until every "
                             "filled row is right."))
        self.month_label.setText(_("Month"))
        self.show_button.setText(_("Show"))
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        translate_buttons(self.buttons)
        self.table.blockSignals(True)
        for row, day in enumerate(self.days):
            item = self.table.item(row, DAY)
            if item is not None:
                item.setText(_day_text(day))
            if day in self.existing:
                for col in range(self.table.columnCount()):
                    cell = self.table.item(row, col)
                    if cell is not None:
                        cell.setToolTip(_("Already logged; change it in the list."))
        self.table.blockSignals(False)

    # --- content -------------------------------------------------------------------------------
    def show_month(self) -> None:
        try:
            self.month = self.month_edit.value().replace(day=1)
        except ParseError:
            return
        self.load()
        self.retranslate()

    def load(self) -> None:
        hb = self.context.handbook
        self.existing = {h.day: h for h in hours_in_month(hb, self.month)} if hb is not None and hb.is_open else {}
        self.days = month_days(self.month)
        self.error.hide()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.days))
        for row, day in enumerate(self.days):
            known = self.existing.get(day)
            day_item = QTableWidgetItem(_day_text(day))
            day_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, DAY, day_item)
            for col, text in ((START, known.start if known else ""), (END, known.end if known else ""),
                              (BREAK, str(known.break_minutes) if known else "")):
                self.table.setItem(row, col, QTableWidgetItem(text))
            holiday = QTableWidgetItem()
            holiday.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            holiday.setCheckState(Qt.CheckState.Checked if known and known.holiday else Qt.CheckState.Unchecked)
            self.table.setItem(row, HOLIDAY, holiday)
            if known is not None:
                for col in range(len(HEADERS)):
                    cell = self.table.item(row, col)
                    cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    cell.setBackground(QBrush(QColor(tone("grid_done"))))
        self.table.blockSignals(False)

    def set_cell(self, day: int, column: int, text: str) -> None:
        """Type into a cell (also for tests): `day` is the day of the month."""
        item = self.table.item(day - 1, column)
        if column == HOLIDAY:
            item.setCheckState(Qt.CheckState.Checked if text else Qt.CheckState.Unchecked)
        else:
            item.setText(text)

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self.days[item.row()] not in self.existing and item.column() != DAY:
            item.setBackground(QBrush())
            item.setToolTip("")

    def _mark(self, row: int, column: int, message: str) -> None:
        item = self.table.item(row, column)
        self.table.blockSignals(True)
        item.setBackground(QBrush(QColor(tone("grid_bad"))))
        item.setToolTip(message)
        self.table.blockSignals(False)

    # --- saving --------------------------------------------------------------------------------
    def entries(self) -> tuple[list[r.HoursEntry], list[tuple[int, int, str]]]:
        """The filled new rows as records, and every problem as (row, column, message)."""
        out: list[r.HoursEntry] = []
        problems: list[tuple[int, int, str]] = []
        columns = {"start": START, "end": END, "break_minutes": BREAK, "day": DAY}
        for row, day in enumerate(self.days):
            if day in self.existing:
                continue
            start, end = self.table.item(row, START).text().strip(), self.table.item(row, END).text().strip()
            pause = self.table.item(row, BREAK).text().strip()
            holiday = self.table.item(row, HOLIDAY).checkState() == Qt.CheckState.Checked
            if not (start or end or pause or holiday):
                continue
            minutes = 0
            if pause:
                try:
                    number = parse_decimal(pause)
                    if number != number.to_integral_value():
                        raise ParseError(_("Enter a whole number."))
                    minutes = int(number)
                except ParseError as exc:
                    problems.append((row, BREAK, str(exc)))
            if len(start) == 4 and start[1] == ":":
                start = "0" + start
            if len(end) == 4 and end[1] == ":":
                end = "0" + end
            record = r.HoursEntry(day=day, start=start, end=end, break_minutes=minutes, holiday=holiday)
            for problem in validate(record):
                problems.append((row, columns.get(problem.field, START), problem.message))
            out.append(record)
        return out, problems

    def save(self) -> bool:
        self.error.hide()
        records, problems = self.entries()
        for row, column, message in problems:
            self._mark(row, column, message)
        if problems:
            first_row = problems[0][0]
            self.error.setText(ngettext(
                "{count} cell needs fixing (marked in red; point at it to see why). Nothing was saved.",
                "{count} cells need fixing (marked in red; point at them to see why). Nothing was saved.",
                len(problems)).format(count=len(problems)) + "\n" + _("{day}: {problem}").format(
                day=format_date(self.days[first_row]), problem=problems[0][2]))
            self.error.show()
            self.table.setCurrentCell(first_row, problems[0][1])
            return False
        if not records:
            self.error.setText(_("Nothing to save: no day of {month} was filled in.").format(
                month=format_month(self.month)))
            self.error.show()
            return False
        try:
            changes = self.context.require().add_many(records)
        except ValidationError as exc:
            self.error.setText("\n".join(p.message for p in exc.problems))
            self.error.show()
            return False
        except VaultError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self.saved_count = len(records)
        self.context.notify(changes)
        self.accept()
        return True
