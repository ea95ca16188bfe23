"""File dialogs leave no folder or file history behind (QtProject.conf) on a shared PC."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from handbook_app.ui import file_dialogs


def _qt_history() -> str:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    return " ".join(f"{k}={settings.value(k)}" for k in settings.allKeys())


def test_file_dialogs_are_private_and_forget_where_they_were(qtbot, tmp_path, monkeypatch):
    secret = tmp_path / "Nguyen-evidence"
    seen = {}

    def qt_dialog(parent, caption, directory, filter, options):
        # What Qt's own dialog does when it closes: remember the folder and the history.
        settings = QSettings(QSettings.Scope.UserScope, "QtProject")
        settings.setValue("FileDialog/lastVisited", f"file://{secret}")
        settings.setValue("FileDialog/history", [f"file://{secret}"])
        settings.sync()
        seen["options"] = options
        return str(secret / "photo.png"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(qt_dialog))
    assert file_dialogs.save_file(None, "Save", str(secret)) == str(secret / "photo.png")
    assert "Nguyen-evidence" not in _qt_history()
    # Never the native dialog: it would feed the operating system's recent-file lists.
    assert seen["options"] & QFileDialog.Option.DontUseNativeDialog
