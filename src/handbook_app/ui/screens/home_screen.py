"""Home: what is coming up (stay expiry, contract end, loan payments, own reminders), debt still owed,
money sent home this year, open incidents; and the user's own reminders to add or edit."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core import records as r
from handbook_app.i18n import N_, _, ngettext
from handbook_app.services.changes import Changes
from handbook_app.services.errors import VaultError
from handbook_app.services.home import HomeSummary, ReminderItem, home_summary
from handbook_app.ui.context import AppContext
from handbook_app.ui.models.record_model import date, money
from handbook_app.ui.models.reminder_model import ReminderModel
from handbook_app.ui.palette import tone
from handbook_app.ui.screens.base import Screen
from handbook_app.ui.widgets.record_list import RecordListPanel

URGENCY_TONES = ("ok", "warn", "error")  # ui.palette tones: readable on light and dark palettes
KINDS = (r.Contract.KIND, r.Reminder.KIND, r.Loan.KIND, r.Repayment.KIND, r.Remittance.KIND, r.Incident.KIND,
         r.Profile.KIND)


def days_text(days: int) -> str:
    if days == 0:
        return _("today")
    if days > 0:
        return ngettext("in {count} day", "in {count} days", days).format(count=days)
    return ngettext("{count} day ago", "{count} days ago", -days).format(count=-days)


def reminder_text(item: ReminderItem) -> str:
    label = _(r.REMINDER_KINDS.get(item.kind, r.REMINDER_KINDS["custom"]))
    parts = [f"{date(item.due)} ({days_text(item.days_left)})", label]
    if item.kind == "loan_due":
        parts.append(item.title)
        if item.amount is not None:
            parts.append(money(item.amount))
    elif item.kind == "custom" or item.source_kind == "reminder":
        parts.append(item.title)
    return " — ".join(p for p in parts if p)


class _Card(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setObjectName("cardTitle")
        self.value = QLabel(self)
        self.value.setObjectName("cardValue")
        self.value.setWordWrap(True)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.value.setFont(font)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addStretch(1)


class HomeScreen(Screen):
    TITLE = N_("Home")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.summary: HomeSummary | None = None
        self.greeting = QLabel(self)
        self.greeting.setObjectName("greeting")
        self.profile_button = QPushButton(self)
        self.profile_button.setObjectName("myDetails")
        self.profile_button.clicked.connect(self.open_profile)
        self.profile_dialog = None
        self.debt_card = _Card(self)
        self.sent_card = _Card(self)
        self.incident_card = _Card(self)
        cards = QGridLayout()
        cards.addWidget(self.debt_card, 0, 0)
        cards.addWidget(self.sent_card, 0, 1)
        cards.addWidget(self.incident_card, 0, 2)
        self.coming_title = QLabel(self)
        self.coming = QListWidget(self)
        self.coming.setObjectName("comingUp")
        self.coming.setMaximumHeight(170)
        self.own_title = QLabel(self)
        self.reminders = RecordListPanel(ReminderModel(), context, order="due")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.greeting, 1)
        top.addWidget(self.profile_button)
        layout.addLayout(top)
        self._add_quick_actions(layout)
        layout.addLayout(cards)
        layout.addWidget(self.coming_title)
        layout.addWidget(self.coming)
        layout.addWidget(self.own_title)
        layout.addWidget(self.reminders, 1)

    # --- one-click actions (issue 16 #10; kept apart from the cards) ------------------------------------
    def _add_quick_actions(self, layout: QVBoxLayout) -> None:
        from handbook_app.ui.widgets.home_actions import HomeActions

        self.actions_row = HomeActions(self.context, self)
        layout.addWidget(self.actions_row)

    def panels(self) -> list[RecordListPanel]:
        return [self.reminders]

    def refresh(self) -> None:
        hb = self.context.handbook
        if hb is None:
            self.clear()
            return
        try:
            self.summary = home_summary(hb)
            profile = hb.profile()
        except VaultError:
            self.summary, profile = None, None
        self._name = profile.display_name if profile else ""
        self.reminders.refresh()
        self._show()

    def clear(self) -> None:
        self.summary = None
        self._name = ""
        self.coming.clear()
        self.reminders.clear()
        for card in (self.debt_card, self.sent_card, self.incident_card):
            card.value.clear()
        self.greeting.clear()

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(*KINDS) and self.context.handbook is not None:
            self.refresh()

    def new_record(self) -> None:
        self.reminders.new_record()

    def open_profile(self):
        from handbook_app.ui.dialogs.record_dialog import open_profile

        self.profile_dialog = open_profile(self.context, self.window())
        return self.profile_dialog

    def retranslate(self) -> None:
        self.coming_title.setText("<b>" + _("Coming up") + "</b>")
        self.own_title.setText("<b>" + _("Your reminders") + "</b>")
        self.profile_button.setText(_("My details…"))
        self.profile_button.setToolTip(_("Your name and details, shown on the cover of the evidence pack"))
        self.coming.setAccessibleName(_("Coming up"))
        self.debt_card.title.setText(_("Still owed on loans"))
        self.incident_card.title.setText(_("Open incidents"))
        self.reminders.retranslate()
        self.actions_row.retranslate()
        self._show()

    def _show(self) -> None:
        s = self.summary
        if s is None:
            self.greeting.clear()
            return
        name = getattr(self, "_name", "")
        greeting = _("Hello, {name}").format(name=html.escape(name)) if name else _("Hello")
        self.greeting.setText("<h2>" + greeting + "</h2>")
        self.sent_card.title.setText(_("Sent home in {year}").format(year=s.today.year))
        self.debt_card.value.setText("\n".join(money(m) for m in s.debt_remaining) or _("Nothing owed"))
        sent = "\n".join(money(m) for m in s.sent_this_year)
        received = ", ".join(money(m) for m in s.received_this_year)
        self.sent_card.value.setText(
            (f"{sent}\n→ {received}" if received else sent) if sent else _("Nothing sent yet"))
        self.incident_card.value.setText(str(s.open_incidents))
        self.coming.clear()
        if not s.reminders:
            self.coming.addItem(_("Nothing due in the next weeks."))
        for item in s.reminders:
            entry = QListWidgetItem(reminder_text(item))
            entry.setForeground(QBrush(QColor(tone(URGENCY_TONES[item.urgency]))))
            self.coming.addItem(entry)
