"""Issue 16 item 10: Home's one-click actions: a repayment in 2 clicks plus typing, forms prefilled, keys shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget

from handbook_app.core import records as r
from handbook_app.core.money import Money
from handbook_app.ui.widgets.home_actions import QUICK_ACTIONS, SHORTCUTS, ShortcutsDialog
from tests.ui.conftest import unlock


def _home(window):
    window.go_to(0)
    return window.workspace.screens["home"].actions_row


def test_repayment_takes_two_clicks_and_the_amount(qtbot, window, demo_path: Path):
    unlock(qtbot, window, demo_path)
    hb = window.context.handbook
    last = hb.records(r.Repayment)[-1]
    before = len(hb.records(r.Repayment))
    actions = _home(window)
    qtbot.mouseClick(actions.buttons["repayment"], Qt.MouseButton.LeftButton)  # click 1
    dialog = actions.dialog
    assert dialog is not None and dialog.isVisible()
    paid = dialog.editors["paid"]
    assert QApplication.focusWidget() is paid.focus_widget() or dialog.focusWidget() is paid.focus_widget()
    assert dialog.editors["loan_id"].value() == last.loan_id  # the last-used loan
    assert paid.currency() == last.paid.currency  # and currency
    if last.rate is not None:
        assert dialog.editors["rate"].value() == last.rate  # and the rate it was paid at
    qtbot.keyClicks(paid.focus_widget(), "1500000" if last.paid.currency == "VND" else "15000")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # click 2
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    rows = hb.records(r.Repayment)
    assert len(rows) == before + 1
    assert rows[-1].loan_id == last.loan_id and rows[-1].paid.currency == last.paid.currency


def test_each_action_opens_its_form_with_the_amount_focused(qtbot, window, demo_path: Path):
    unlock(qtbot, window, demo_path)
    hb = window.context.handbook
    last_remittance = hb.records(r.Remittance)[-1]
    actions = _home(window)
    for spec in QUICK_ACTIONS:
        actions.buttons[spec.key].click()
        dialog = actions.dialog
        assert dialog.cls is spec.cls
        qtbot.waitUntil(lambda d=dialog, s=spec: d.focusWidget() is d.editors[s.focus].focus_widget(), timeout=2_000)
        if spec.cls is r.Remittance:
            assert dialog.editors["recipient"].value() == last_remittance.recipient
            assert dialog.editors["sent"].currency() == last_remittance.sent.currency
        if spec.cls is r.Payslip:
            assert dialog.editors["month"].value() is not None  # a month to go with the amount
        dialog.reject()


def test_first_repayment_uses_the_only_loan_in_its_currency(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    hb = window.context.handbook
    hb.add(r.Loan(lender="Công ty", principal=Money(100_000_000, "VND")))
    actions = _home(window)
    actions.buttons["repayment"].click()
    dialog = actions.dialog
    assert dialog.editors["paid"].currency() == "VND"
    assert dialog.editors["loan_id"].value() == hb.records(r.Loan)[0].id
    dialog.reject()


def test_shortcuts_work_and_are_shown_in_tooltips_and_the_help_list(qtbot, window, demo_path: Path):
    unlock(qtbot, window, demo_path)
    actions = _home(window)
    for spec in QUICK_ACTIONS:
        assert spec.shortcut.split("+")[-1] in actions.buttons[spec.key].toolTip()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    modal = QApplication.activeModalWidget()
    assert modal is not None and modal.property("quickAction") == "repayment"
    modal.reject()
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget)
    keys = [table.item(row, 1).text() for row in range(table.rowCount())]
    assert len(keys) == len(SHORTCUTS)
    assert any("F12" in k for k in keys) and any("Ctrl+N" in k for k in keys)
    help_now = window.show_help_now()
    assert help_now.shortcuts_button.isVisible()


def test_actions_do_nothing_while_locked(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.activeModalWidget() is None
