"""Issue 16 #3 in the app: Back up to…, Restore (confirmation naming both dates), Home's gentle reminder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from handbook_app.core import records as r
from handbook_app.services import backup, session
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock
from tests.ui.test_recovery_sheet import answer_boxes


def test_back_up_from_settings_then_restore_with_both_dates(qtbot, window, closed_vault: Path, tmp_path: Path):
    stick = tmp_path / "usb"
    stick.mkdir()
    unlock(qtbot, window, closed_vault)
    hb = window.context.handbook
    hb.add(r.Loan(lender="in the backup", principal=r.Money(1_000_000, "VND")))
    settings = window.workspace.show_key("settings")
    assert "No backup" in settings.safety_box.last.text()
    settings.safety_box.backup_button.click()
    dialog = window.safety.backup_dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert dialog.isVisible() and dialog.folder_error.isVisibleTo(dialog)  # no folder chosen yet
    dialog.folder.setText(str(stick))
    seen: list[str] = []
    answer_boxes(["OK"], seen)
    ok.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=15_000)
    copies = backup.files.backups_of(closed_vault, stick)
    assert len(copies) == 1 and str(copies[0]) in seen[0]
    assert "Last backup" in settings.safety_box.last.text()
    handovers = [e for e in window.context.handbook.audit_entries() if e.action == "handover"]
    assert handovers and handovers[-1].kind == "backup"

    window.context.handbook.add(r.Loan(lender="added later", principal=r.Money(2_000_000, "VND")))
    ask = window.safety.restore(str(copies[0]))
    ask.passphrase.setText("wrong")
    ask.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert ask.isVisible() and ask.error.isVisibleTo(ask)
    assert len(window.context.handbook.records(r.Loan)) == 2
    ask.passphrase.setText(PASSPHRASE)
    questions: list[str] = []
    answer_boxes(["Replace with the backup", "OK"], questions)
    ask.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: len(questions) == 2, timeout=15_000)
    assert closed_vault.name in questions[0] and copies[0].name in questions[0]
    assert questions[0].count("last change") == 2  # both dates named
    restored = window.context.handbook
    assert restored is not None and [x.lender for x in restored.records(r.Loan)] == ["in the backup"]
    kept = [p for p in closed_vault.parent.iterdir() if "before restore" in p.name]
    assert len(kept) == 1 and kept[0].name in questions[1]


def test_refusing_the_restore_changes_nothing(qtbot, window, closed_vault: Path, tmp_path: Path):
    unlock(qtbot, window, closed_vault)
    written = backup.back_up(window.context.handbook, tmp_path)
    window.context.handbook.add(r.Loan(lender="kept", principal=r.Money(1, "VND")))
    ask = window.safety.restore(str(written.path))
    ask.passphrase.setText(PASSPHRASE)
    seen: list[str] = []
    answer_boxes(["Cancel"], seen)
    ask.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert window.context.handbook is not None and len(window.context.handbook.records(r.Loan)) == 1
    assert not [p for p in closed_vault.parent.iterdir() if "before restore" in p.name]


def test_home_reminds_gently_when_the_last_backup_is_old(qtbot, window, tmp_path: Path):
    path = tmp_path / "old.vault"
    hb = session.create(path, PASSPHRASE)
    hb.add(r.Incident(title="Giữ hộ chiếu"))
    hb.set_meta(backup.LAST_BACKUP_META, (dt.datetime.now(dt.UTC) - dt.timedelta(days=60)).isoformat())
    hb.lock()
    unlock(qtbot, window, path)
    home = window.workspace.show_key("home")
    assert home.backup_hint.isVisible() and "60 days" in home.backup_hint.text.text()
    home.backup_hint.button.click()
    assert window.safety.backup_dialog.isVisible()
    window.safety.backup_dialog.reject()


def test_a_backup_is_listed_among_the_handovers_in_words(qtbot, window, closed_vault: Path, tmp_path: Path):
    unlock(qtbot, window, closed_vault)
    backup.back_up(window.context.handbook, tmp_path)
    reports = window.workspace.show_key("reports")
    reports._load_handovers()
    item = reports.handover_list.topLevelItem(0)
    assert item.text(1) == "Encrypted backup" and item.text(4) == "Yes"
