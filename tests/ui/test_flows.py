"""The main flows through the real widgets: create, add every kind, lock, unlock, auto-lock, delete, quick exit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from handbook_app.core import records as r
from handbook_app.i18n import _, tr
from handbook_app.services import session
from handbook_app.services.errors import WrongPassphraseOrNotVault
from handbook_app.ui.dialogs.history_dialog import HistoryDialog
from handbook_app.ui.dialogs.record_dialog import RecordDialog
from tests.conftest import PASSPHRASE
from tests.ui.conftest import answer_next_box, unlock

# (screen, panel attribute, record class, {field: typed text or choice index})
ENTRIES = [
    ("contract", "contracts", r.Contract, {"employer": "Yamada Seikō", "wage": "1.100", "start": "2026-01-05"}),
    ("contract", "payslips", r.Payslip, {"month": "2026-10", "gross": "245.100", "net": "190.000"}),
    ("contract", "hours", r.HoursEntry, {"day": "20/11/2026", "start": "08:00", "end": "17:30", "break_minutes": "60"}),
    ("debts", "loans", r.Loan, {"lender": "Agribank", "principal": "190.000.000"}),
    ("debts", "repayments", r.Repayment, {"loan_id": 0, "paid": "6.500.000"}),
    ("debts", "fees", r.RecruitmentFee, {"amount": "95.000.000", "paid_to": "Hà Thành"}),
    ("remittances", "remittances", r.Remittance, {"sent": "100.000", "fee": "1.500", "received": "16.500.000"}),
    ("incidents", "incidents", r.Incident, {"title": "Giữ hộ chiếu", "description": "Công ty giữ hộ chiếu."}),
    ("home", "reminders", r.Reminder, {"title": "Gia hạn thẻ", "due": "10/12/2026"}),
]


def fill(dialog: RecordDialog, values: dict) -> None:
    for name, value in values.items():
        editor = dialog.editors[name]
        if isinstance(value, int):
            editor.combo.setCurrentIndex(value)
        elif hasattr(editor, "edit"):
            editor.edit.setText(value) if hasattr(editor.edit, "setText") else editor.edit.setPlainText(value)
        else:
            raise AssertionError(name)


def panel(win, screen: str, attribute: str):
    scr = win.workspace.show_key(screen)
    pnl = getattr(scr, attribute)
    if getattr(scr, "tabs", None) is not None:
        scr.tabs.setCurrentWidget(pnl)
    return pnl


def add_through_dialog(qtbot, win, screen: str, attribute: str, values: dict) -> None:
    pnl = panel(win, screen, attribute)
    before = pnl.model.rowCount()
    pnl.add_button.click()
    dialog = pnl.dialog
    assert isinstance(dialog, RecordDialog) and dialog.isVisible()
    fill(dialog, values)
    dialog.save_button.click()
    assert dialog.errors() == {}, dialog.errors()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert pnl.model.rowCount() == before + 1


def test_create_add_every_kind_lock_unlock(qtbot, window, tmp_path: Path):
    from handbook_app.i18n import set_locale

    set_locale("vi")  # amounts and dates typed the Vietnamese way
    window.start.create_button.click()
    dialog = window.create_dialog
    dialog.path.setText(str(tmp_path / "sổ-tay.vault"))
    dialog.passphrase.first.setText("ba con mèo nhỏ")
    dialog.passphrase.second.setText("ba con mèo khác")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.passphrase.error_label.isVisibleTo(dialog)  # mismatch refused
    dialog.passphrase.second.setText("ba con mèo nhỏ")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.context.handbook is not None, timeout=10_000)
    assert window.pages.currentWidget() is window.workspace

    for screen, attribute, _cls, values in ENTRIES:
        add_through_dialog(qtbot, window, screen, attribute, values)
    hb = window.context.handbook
    assert hb.records(r.Repayment)[0].paid.minor == 6_500_000  # "6.500.000" read the Vietnamese way
    assert hb.records(r.Loan)[0].principal == r.Money(190_000_000, "VND")

    window.lock_button.click()
    assert window.context.handbook is None and not hb.is_open
    assert window.pages.currentWidget() is window.unlock_screen
    for screen, attribute, _cls, _values in ENTRIES:
        scr = window.workspace.screens[screen]
        assert getattr(scr, attribute).model.rowCount() == 0

    unlock(qtbot, window, tmp_path / "sổ-tay.vault", "ba con mèo nhỏ")
    for screen, attribute, cls, _values in ENTRIES:
        pnl = panel(window, screen, attribute)
        assert pnl.model.rowCount() == 1, cls
        assert pnl.proxy.rowCount() == 1
    contract_row = window.workspace.screens["contract"].contracts.model.text(0, 0)
    assert contract_row == "Yamada Seikō"


def test_wrong_passphrase_message_and_growing_delay(qtbot, window, closed_vault: Path):
    screen = window.unlock_screen
    window.open_unlock(closed_vault)
    waits = []
    for attempt in range(4):
        qtbot.waitUntil(lambda: screen.unlock_button.isEnabled(), timeout=10_000)
        screen.passphrase.setText(f"wrong {attempt}")
        screen.unlock_button.click()
        assert not screen.message.isVisibleTo(screen)
        qtbot.waitUntil(lambda: screen.message.isVisibleTo(screen), timeout=10_000)
        assert "passphrase is wrong or the file is not a vault" in screen.message.text()
        waits.append(session.wait_needed(closed_vault))
    assert waits[0] == 0 and waits[1] == 0
    assert 0 < waits[2] < waits[3]  # the delay grows
    assert not screen.unlock_button.isEnabled()
    assert "Wait" in screen.status.text()
    assert window.context.handbook is None


def test_second_copy_is_refused_with_a_message(qtbot, window, closed_vault: Path):
    other, _info = session.unlock(closed_vault, PASSPHRASE)  # "another copy of the app" holds it
    try:
        window.open_unlock(closed_vault)
        window.unlock_screen.passphrase.setText(PASSPHRASE)
        window.unlock_screen.unlock_button.click()
        qtbot.waitUntil(lambda: window.unlock_screen.message.isVisibleTo(window.unlock_screen), timeout=10_000)
        assert "already open" in window.unlock_screen.message.text()
        assert window.context.handbook is None
    finally:
        other.lock()


def test_auto_lock_clears_models_and_closes_dialogs(qtbot, window, demo_path: Path):
    unlock(qtbot, window, demo_path)
    incidents = panel(window, "incidents", "incidents")
    assert incidents.model.rowCount() > 0
    incidents.select_row(0)
    incidents.history_button.click()
    incidents.add_button.click()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert len(dialogs) >= 2
    window.idle.set_timeout(1.2, tick_ms=100)
    qtbot.waitUntil(lambda: window.countdown_label.isVisibleTo(window), timeout=3000)  # the last-minute countdown
    qtbot.waitUntil(lambda: window.context.handbook is None, timeout=5000)
    assert window.last_lock_reason == "auto"
    assert window.pages.currentWidget() is window.unlock_screen
    assert incidents.model.rowCount() == 0
    assert window.workspace.screens["home"].reminders.model.rowCount() == 0
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert not window.countdown_label.isVisibleTo(window)


def test_invalid_amount_is_explained_inline_and_text_kept(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    pnl = panel(window, "remittances", "remittances")
    pnl.add_button.click()
    dialog = pnl.dialog
    dialog.editors["sent"].edit.setText("12abc")
    dialog.editors["date"].edit.setText("31/31/2026")
    dialog.save_button.click()
    assert dialog.isVisible()
    errors = dialog.errors()
    assert "sent" in errors and "12abc" in errors["sent"]
    assert "date" in errors
    assert dialog.editors["sent"].edit.text() == "12abc"  # never loses what was typed
    assert dialog.editors["date"].edit.text() == "31/31/2026"
    assert window.context.handbook.count(r.Remittance) == 0
    # a number that parses but is refused by the rules: shown beside its field too
    dialog.editors["sent"].edit.setText("0")
    dialog.editors["date"].edit.setText("2026-11-27")
    dialog.save_button.click()
    assert dialog.errors().get("sent") == _("Enter an amount greater than zero.")
    dialog.editors["sent"].edit.setText("100,000")  # English locale in tests
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.context.handbook.records(r.Remittance)[0].sent == r.Money(100_000, "JPY")


def test_delete_asks_first_and_stays_in_history(qtbot, window, demo_path: Path):
    unlock(qtbot, window, demo_path)
    pnl = panel(window, "incidents", "incidents")
    count = pnl.model.rowCount()
    pnl.select_row(0)
    victim = pnl.selected_record()
    seen: list[str] = []
    answer_next_box(_("Cancel"), seen)
    pnl.delete_button.click()
    assert seen and "stays in the record's history" in seen[0]
    assert pnl.model.rowCount() == count
    answer_next_box(_("Delete"), seen)
    pnl.delete_button.click()
    assert pnl.model.rowCount() == count - 1
    assert pnl.model.row_of(victim.id) == -1
    history = HistoryDialog(window.context, r.Incident, victim.id, window)
    actions = [row[2] for row in history.rows()]
    assert actions[0] == _("Added") and actions[-1] == _("Deleted")
    history.reject()


def test_quick_exit_saves_pending_edit_then_locks_to_a_neutral_screen(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    pnl = panel(window, "home", "reminders")
    pnl.add_button.click()
    fill(pnl.dialog, {"title": "Gọi cho chị Lan", "due": "2026-12-01"})
    window.quick_action.trigger()
    assert window.context.handbook is None
    assert window.pages.currentWidget() is window.neutral
    assert window.windowTitle() == _("Documents")
    assert pnl.model.rowCount() == 0
    hb, _info = session.unlock(closed_vault, PASSPHRASE)
    try:
        assert [x.title for x in hb.records(r.Reminder)] == ["Gọi cho chị Lan"]
    finally:
        hb.lock()


def test_unlock_banner_names_failed_attempts_and_actor_in_status_bar(qtbot, window, closed_vault: Path):
    with pytest.raises(WrongPassphraseOrNotVault):
        session.unlock(closed_vault, "not it")
    window.open_unlock(closed_vault)
    screen = window.unlock_screen
    screen.actor_picker.support.setChecked(True)
    screen.passphrase.setText(PASSPHRASE)
    screen.unlock_button.click()
    assert screen.actor_picker.error_label.isVisibleTo(screen)  # a support worker must give a name
    screen.actor_picker.name.setText("Trần Thị Lan")
    screen.actor_picker.organisation.setText("Hội hỗ trợ")
    screen.unlock_button.click()
    qtbot.waitUntil(lambda: window.context.handbook is not None, timeout=10_000)
    banner = window.workspace.banner_label.text()
    assert "1 failed attempt" in banner
    assert "Trần Thị Lan (Hội hỗ trợ)" in window.actor_label.text()
    assert window.context.handbook.actor == r.Actor("support", "Trần Thị Lan", "Hội hỗ trợ")


def test_lock_on_minimise(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    window.showMinimized()
    qtbot.waitUntil(lambda: window.context.handbook is None, timeout=3000)


def test_a_vault_moved_while_open_is_noticed_and_nothing_is_lost(qtbot, window, closed_vault, tmp_path):
    unlock(qtbot, window, closed_vault)
    hb = window.context.handbook
    hb.add(r.Incident(title="written before the move", category="other"))
    moved = tmp_path / "moved-away.vault"
    closed_vault.rename(moved)  # someone moves the file (or pulls the stick's folder) while it is open
    # The open connection still reaches the data: a copy can be saved before anything is lost.
    rescue = tmp_path / "rescue.vault"
    hb.save_copy(rescue, "a rescue passphrase")
    seen: list[str] = []
    answer_next_box(tr("en", "Lock now"), seen)
    window._check_file()
    assert seen and "moved or deleted" in seen[0]
    assert window.context.handbook is None  # locked, nothing left on screen
    copy, _info = session.unlock(rescue, "a rescue passphrase")
    try:
        assert [i.title for i in copy.records(r.Incident)] == ["written before the move"]
        assert copy.verify().ok
    finally:
        copy.lock()
