"""Issue 16 #1: a new vault is never lost — one fixed folder, the full path shown, back to the same vault."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from handbook_app.core import records as r
from handbook_app.services import session, vault_folder
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock

NEW_PASSPHRASE = "ba con mèo nhỏ trắng"


@pytest.fixture
def docs(tmp_path: Path, monkeypatch) -> Path:
    """The user's Documents folder, in a temporary place; no portable folder beside the program."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(vault_folder, "documents_dir", lambda: folder)
    monkeypatch.setattr(vault_folder, "program_dirs", lambda: [tmp_path / "program"])
    return folder


def test_bare_name_goes_to_documents_folder_and_the_path_is_shown(qtbot, window, docs: Path, tmp_path: Path,
                                                                   monkeypatch):
    monkeypatch.chdir(tmp_path)  # the folder the program was started from must not matter
    window.start.create_button.click()
    dialog = window.create_dialog
    expected = docs / "TraineeHandbook" / "so tay cua toi.vault"
    assert str(docs / "TraineeHandbook") in dialog.where.text()  # said before anything is typed
    dialog.path.setText("so tay cua toi")
    assert str(expected) in dialog.where.text()
    dialog.passphrase.first.setText(NEW_PASSPHRASE)
    dialog.passphrase.second.setText(NEW_PASSPHRASE)
    dialog.trainee_name.setText("  Nguyễn  Thị Lan ")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.context.handbook is not None, timeout=10_000)
    assert expected.is_file() and not (tmp_path / "so tay cua toi.vault").exists()
    assert str(expected) in window.workspace.banner_label.text()
    profile = window.context.handbook.profile()
    assert profile is not None and profile.full_name == "Nguyễn Thị Lan" and profile.display_name == "Lan"

    # locked: the unlock screen names the whole path
    window.lock("manual")
    shown = window.unlock_screen.file_label.text().replace("\u200b", "")
    assert str(expected) in shown

    # a fresh start offers it by the name the user gave, from the app's own folder
    window.show_start()
    names = [window.start.vaults.item(i).text() for i in range(window.start.vaults.count())]
    assert names == ["so tay cua toi"] and window.start.vaults.isVisible()


def test_trainee_name_is_optional_and_explained(qtbot, window, docs: Path):
    window.start.create_button.click()
    dialog = window.create_dialog
    assert "cover" in dialog.trainee_why.text() and dialog.trainee_name.isVisibleTo(dialog)
    dialog.path.setText("notes")
    dialog.passphrase.first.setText(NEW_PASSPHRASE)
    dialog.passphrase.second.setText(NEW_PASSPHRASE)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.context.handbook is not None, timeout=10_000)
    assert window.context.handbook.records(r.Profile) == []  # nothing invented when left empty


def test_quick_exit_returns_to_the_vault_that_was_open(qtbot, window, docs: Path, tmp_path: Path):
    path = tmp_path / "elsewhere" / "mine.vault"
    path.parent.mkdir()
    session.create(path, PASSPHRASE).lock()
    unlock(qtbot, window, path)
    window.quick_exit()
    assert window.pages.currentWidget() is window.neutral
    window.neutral.continue_requested.emit()
    assert window.pages.currentWidget() is window.unlock_screen
    assert window.unlock_screen.path == path
    assert window.settings.recent() == []  # remembered in memory, not in settings


def test_portable_folder_is_the_default_when_present(tmp_path: Path, monkeypatch):
    program = tmp_path / "stick"
    (program / "vault").mkdir(parents=True)
    monkeypatch.setattr(vault_folder, "program_dirs", lambda: [program])
    assert vault_folder.default_vault_dir() == program / "vault"
    assert vault_folder.resolve_new_vault("ghi chep") == program / "vault" / "ghi chep.vault"
    assert vault_folder.resolve_new_vault("2026/so.vault") == program / "vault" / "2026" / "so.vault"
    (program / "vault" / "a.vault").write_bytes(b"x")
    (program / "vault" / ".a.vault.attempts").write_bytes(b"x")
    (program / "vault" / "a.vault-wal").write_bytes(b"x")
    assert vault_folder.known_vaults([program / "vault"]) == [program / "vault" / "a.vault"]


def test_documents_folder_follows_xdg_user_dirs(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "user-dirs.dirs").write_text('XDG_DOCUMENTS_DIR="$HOME/Tài liệu"\n', encoding="utf-8")
    assert vault_folder.documents_dir() == tmp_path / "Tài liệu"
    (tmp_path / "user-dirs.dirs").unlink()
    assert vault_folder.documents_dir() == Path.home() / "Documents"
