"""Issue 17 in the app: a damaged vault's message, the read-only banner, the support worker's witness button,
and the guard for errors in Qt slots."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from handbook_app.core import records as r
from handbook_app.services import session
from handbook_app.services.witness import generate_key
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock

KEY_PASS = "nhóm hỗ trợ Tokyo bảo mật"


def test_a_damaged_vault_shows_a_translated_damage_message_not_sqlites_english(qtbot, window, closed_vault: Path):
    data = bytearray(closed_vault.read_bytes())
    data[200] ^= 0x10  # page 1
    closed_vault.write_bytes(bytes(data))
    window.open_unlock(closed_vault)
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: "damaged" in window.unlock_screen.message.text(), timeout=20_000)
    assert "file is not a database" not in window.unlock_screen.message.text()


def test_a_read_only_vault_shows_the_edits_off_banner(qtbot, window, closed_vault: Path, monkeypatch):
    monkeypatch.setattr("handbook_app.vault.connection.writable", lambda _p: False)
    unlock(qtbot, window, closed_vault)
    banner = window.read_only_banner
    assert banner.isVisibleTo(window) and "edits are off" in banner.text()
    window.lock("manual")
    monkeypatch.undo()
    unlock(qtbot, window, closed_vault)
    assert not window.read_only_banner.isVisibleTo(window)


def test_the_support_worker_witnesses_from_the_app(qtbot, window, closed_vault: Path, tmp_path: Path):
    key = tmp_path / "org.key"
    generate_key(key, "Support NGO", KEY_PASS)
    hb, _ = session.unlock(closed_vault, PASSPHRASE)
    hb.add(r.Incident(title="x", category="other"))
    hb.lock()
    unlock(qtbot, window, closed_vault)
    window.witness()
    dialog = window.witness_dialog
    dialog.key_path.setText(str(key))
    dialog.key_passphrase.setText("wrong passphrase here")
    dialog.sign_button.click()
    assert dialog.isVisible() and "passphrase is wrong" in dialog.error.text()
    assert dialog.key_passphrase.text() == ""  # never kept in the field
    dialog.key_passphrase.setText(KEY_PASS)
    dialog.worker.setText("Lan")
    dialog.sign_button.click()
    assert not dialog.isVisible() and dialog.checkpoint is not None
    assert [c.organisation for c in window.context.handbook.store.checkpoints()] == ["Support NGO"]


def test_an_error_in_a_slot_becomes_one_message_box(qtbot, window):
    from handbook_app.ui import crash_report

    crash_report.install()
    try:
        raise ZeroDivisionError("bug")
    except ZeroDivisionError as exc:
        import sys

        sys.excepthook(type(exc), exc, exc.__traceback__)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes and boxes[-1].objectName() == "crashBox" and "Traceback" not in boxes[-1].text()
    for box in boxes:
        box.close()
    import sys

    sys.excepthook = sys.__excepthook__
