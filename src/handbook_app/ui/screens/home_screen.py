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
from handbook_app.core.money import Money
from handbook_app.i18n import N_, _, ngettext
from handbook_app.i18n.formatting import format_date, format_list
from handbook_app.services.changes import Changes
from handbook_app.services.errors import VaultError
from handbook_app.services.home import HomeSummary, ReminderItem, WageSummary, home_summary
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
        self.detail = QLabel(self)  # smaller lines under the figure (months not checked, a warning)
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.hide()
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def set_detail(self, html_text: str) -> None:
        self.detail.setText(html_text)
        self.detail.setVisible(bool(html_text))


def wage_card_texts(wages: WageSummary | None) -> tuple[str, str, bool]:
    """(figure, detail as rich text, alarming) for the wage card: the estimated unpaid wages so far, with
    the months not fully checked counted apart — never a clean "0" for months that were not checked."""
    if wages is None:
        return _("No payslips yet"), html.escape(_("Add your payslips in Contract & pay to check them.")), False
    lines = []
    total = money(Money(wages.total_yen, "JPY"))
    if wages.total_yen and wages.is_lower_bound:
        figure = _("at least {amount}").format(amount=total)
    elif wages.total_yen:
        figure = total
    elif wages.checked_months:
        figure = _("None found")
    else:
        figure = _("Not checked")
    if wages.flagged_months:
        lines.append(ngettext("{count} of {months} months with a probable shortfall.",
                              "{count} of {months} months with a probable shortfall.",
                              wages.flagged_months).format(count=wages.flagged_months, months=wages.months))
    elif wages.checked_months:
        lines.append(ngettext("No shortfall found in {count} month checked.",
                              "No shortfall found in {count} months checked.",
                              wages.checked_months).format(count=wages.checked_months))
    if wages.lower_bound_months:
        lines.append(ngettext(
            "{count} month checked only against the last known minimum wage: amounts there are “at least”.",
            "{count} months checked only against the last known minimum wage: amounts there are “at least”.",
            wages.lower_bound_months).format(count=wages.lower_bound_months))
    if wages.not_checked_months:
        lines.append("<b>" + html.escape(ngettext(
            "{count} month not checked against the minimum wage.",
            "{count} months not checked against the minimum wage.",
            wages.not_checked_months).format(count=wages.not_checked_months)) + "</b>")
    detail = "<br>".join(line if line.startswith("<b>") else html.escape(line) for line in lines)
    return figure, detail, wages.total_yen > 0


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
        self.wage_card = _Card(self)
        self.wage_card.setObjectName("wageCard")
        self.debt_card = _Card(self)
        self.sent_card = _Card(self)
        self.incident_card = _Card(self)
        cards = QGridLayout()
        cards.addWidget(self.wage_card, 0, 0)
        cards.addWidget(self.debt_card, 0, 1)
        cards.addWidget(self.sent_card, 0, 2)
        cards.addWidget(self.incident_card, 0, 3)
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
        from handbook_app.ui.widgets.backup_hint import BackupHint

        self.backup_hint = BackupHint(context, self)  # the gentle "last backup is old" line (issue 16 #3)
        layout.addWidget(self.backup_hint)
        from handbook_app.ui.widgets.facts_note import FactsNote

        self.facts_note = FactsNote(context, self)  # once, after a facts update: months whose review changed
        layout.addWidget(self.facts_note)
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
        self.backup_hint.refresh()
        self._show()

    def clear(self) -> None:
        self.backup_hint.clear()
        self.summary = None
        self._name = ""
        self.coming.clear()
        self.reminders.clear()
        for card in (self.wage_card, self.debt_card, self.sent_card, self.incident_card):
            card.value.clear()
            card.set_detail("")
        self.greeting.clear()

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(*KINDS) and self.context.handbook is not None:
            self.refresh()
        elif changes.touches("audit") and self.context.handbook is not None:
            self.backup_hint.refresh()  # a backup was made

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
        self.wage_card.title.setText(_("Unpaid wages (estimate)"))
        self.debt_card.title.setText(_("Still owed on loans"))
        self.incident_card.title.setText(_("Open incidents"))
        self.reminders.retranslate()
        if self.context.handbook is not None:
            self.backup_hint.refresh()
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
        figure, detail, alarming = wage_card_texts(s.wages)
        self.wage_card.value.setText(figure)
        self.wage_card.value.setStyleSheet(f"color: {tone(URGENCY_TONES[2])}" if alarming else "")
        self.wage_card.set_detail(detail)
        self.debt_card.value.setText("\n".join(money(m) for m in s.debt_remaining) or _("Nothing owed"))
        if s.debt_trap and s.deadline is not None:
            self.debt_card.set_detail(f"<b style='color:{tone(URGENCY_TONES[2])}'>" + html.escape(_(
                "Debt trap warning: at the pace of recent months, {loans} will not be paid off before {date}, "
                "when your contract or period of stay ends.").format(
                loans=format_list(s.debt_trap, quoted=True), date=format_date(s.deadline))) + "</b>")
        else:
            self.debt_card.set_detail("")
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
