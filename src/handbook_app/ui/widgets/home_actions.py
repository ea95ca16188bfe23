"""One-click actions for the commonest records (Home's row of buttons and their keyboard shortcuts).

Each opens its form with the amount (or, for an incident, the title) already focused and the last-used
loan, currency and recipient filled in: recording a repayment is one click, the amount, and Save.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core import records as r
from handbook_app.i18n import N_, _
from handbook_app.services import quick_entry
from handbook_app.ui.context import AppContext
from handbook_app.ui.lang import notifier, translate_buttons
from handbook_app.ui.widgets.wrapping import FlowLayout


@dataclass(frozen=True)
class QuickAction:
    key: str
    label: str
    tooltip: str
    shortcut: str
    cls: type[r.Record]
    focus: str  # the field that has the keyboard when the form opens


QUICK_ACTIONS = (
    QuickAction("repayment", N_("Record a repayment"), N_("Record a payment on a loan, with the last loan used"),
                "Ctrl+Shift+R", r.Repayment, "paid"),
    QuickAction("remittance", N_("Money sent home"), N_("Record money sent home, like the last time"),
                "Ctrl+Shift+M", r.Remittance, "sent"),
    QuickAction("incident", N_("What happened today"), N_("Write down what happened today, while you remember"),
                "Ctrl+Shift+I", r.Incident, "title"),
    QuickAction("payslip", N_("Add a payslip"), N_("Add this month's payslip"), "Ctrl+Shift+P", r.Payslip,
                "base_pay"),
)

# Every keyboard shortcut of the app, for the list in Help (label, keys).
SHORTCUTS: tuple[tuple[str, str], ...] = (
    (N_("Quick exit: lock and show a neutral screen"), "F12 / Ctrl+Shift+Q"),
    (N_("Lock"), "Ctrl+L"),
    (N_("Help now"), "F1"),
    (N_("About…"), "Shift+F1"),
    (N_("New record on the current screen"), "Ctrl+N"),
    (N_("Go to screen 1–8 (Home … Settings)"), "Ctrl+1 … Ctrl+8"),
    *((a.label, a.shortcut) for a in QUICK_ACTIONS),
)


def shortcut_text(keys: str) -> str:
    """Keys as the platform writes them (Ctrl+Shift+R); a range like "Ctrl+1 … Ctrl+8" stays as written."""
    if " " in keys.strip():
        return keys
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) or keys


def open_quick(action: QuickAction, context: AppContext, parent: QWidget | None) -> QDialog | None:
    """The add form of `action`, prefilled from the last record of its kind, its amount field focused."""
    from handbook_app.ui.dialogs.money_dialogs import DIALOGS
    from handbook_app.ui.dialogs.record_dialog import RecordDialog

    hb = context.handbook
    if hb is None or not hb.is_open:
        return None
    if action.cls is r.Incident:
        dialog = RecordDialog(r.Incident, None, context, parent, preset={"started": dt.date.today()})
    elif action.cls is r.Payslip:
        dialog = RecordDialog(r.Payslip, None, context, parent, preset={"month": quick_entry.payslip_month(hb)})
    else:
        dialog = DIALOGS.get(action.cls, RecordDialog)(action.cls, None, context, parent)
        start = quick_entry.repayment_start(hb) if action.cls is r.Repayment else quick_entry.remittance_start(hb)
        _prefill(dialog, start)
    dialog.setProperty("quickAction", action.key)
    dialog.open()
    focus = dialog.editors[action.focus].focus_widget()
    focus.setFocus(Qt.FocusReason.OtherFocusReason)
    QTimer.singleShot(0, lambda: focus.setFocus(Qt.FocusReason.OtherFocusReason) if dialog.isVisible() else None)
    return dialog


def _prefill(dialog, start: dict) -> None:
    editors = dialog.editors
    for name in ("loan_id", "channel", "provider", "recipient"):
        if name in start and name in editors:
            editors[name].set_value(start[name])
    money_field = "paid" if "paid" in editors else "sent"
    if "currency" in start and hasattr(editors[money_field], "set_currency"):
        editors[money_field].set_currency(start["currency"])
    if "rate" in start and "rate" in editors:
        editors["rate"].set_value(start["rate"])
    if "received_currency" in start and "received" in editors:
        editors["received"].set_currency(start["received_currency"])


class HomeActions(QWidget):
    """Home's row of one-click buttons (shortcut in the text's tooltip)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeActions")
        self.context = context
        self.dialog: QDialog | None = None
        self.buttons: dict[str, QPushButton] = {}
        layout = FlowLayout(self, spacing=6)  # wraps onto a second line on a narrow window (1024 px)
        for action in QUICK_ACTIONS:
            button = QPushButton(self)
            button.setObjectName(f"quick_{action.key}")
            button.clicked.connect(lambda _c=False, a=action: self.open(a))
            self.buttons[action.key] = button
            layout.addWidget(button)
        self.shortcuts_button = QPushButton(self)
        self.shortcuts_button.setObjectName("shortcutsList")
        self.shortcuts_button.setFlat(True)
        self.shortcuts_button.clicked.connect(lambda: show_shortcuts(self.window()))
        layout.addWidget(self.shortcuts_button)
        self.retranslate()

    def open(self, action: QuickAction) -> QDialog | None:
        self.dialog = open_quick(action, self.context, self.window())
        return self.dialog

    def retranslate(self) -> None:
        for action in QUICK_ACTIONS:
            button = self.buttons[action.key]
            button.setText(_(action.label) + "…")
            button.setToolTip(f"{_(action.tooltip)} ({shortcut_text(action.shortcut)})")
        self.shortcuts_button.setText(_("Keyboard shortcuts"))


class _ActionTexts(QObject):
    def __init__(self, actions: list[QAction], context: AppContext, parent: QObject) -> None:
        super().__init__(parent)
        self.actions = actions
        self.context = context

    def update(self, *_args: object) -> None:
        for action, spec in zip(self.actions, QUICK_ACTIONS, strict=True):
            action.setEnabled(self.context.handbook is not None)
            action.setText(_(spec.label))


def install_quick_actions(window: QWidget, context: AppContext,
                          parent_for: Callable[[], QWidget] | None = None) -> list[QAction]:
    """The one-click actions as window-wide shortcuts (enabled while a vault is open)."""
    made = []
    for spec in QUICK_ACTIONS:
        action = QAction(window)
        action.setObjectName(f"quickAction_{spec.key}")
        action.setShortcut(QKeySequence(spec.shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _c=False, s=spec: open_quick(s, context, window))
        action.setEnabled(context.handbook is not None)
        window.addAction(action)
        made.append(action)

    updater = _ActionTexts(made, context, window)  # a QObject: its connections end with the window
    context.unlocked.connect(updater.update)
    context.locked.connect(updater.update)
    notifier().changed.connect(updater.update)
    updater.update()
    return made


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.table = QTableWidget(len(SHORTCUTS), 2, self)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.retranslate()
        self.resize(560, 380)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([_("What"), _("Keys")])
        for row, (label, keys) in enumerate(SHORTCUTS):
            self.table.setItem(row, 0, QTableWidgetItem(_(label)))
            self.table.setItem(row, 1, QTableWidgetItem(" / ".join(shortcut_text(k.strip())
                                                                    for k in keys.split("/"))))
        self.table.resizeColumnToContents(0)
        translate_buttons(self.buttons)


def show_shortcuts(parent: QWidget | None = None) -> ShortcutsDialog:
    dialog = ShortcutsDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
