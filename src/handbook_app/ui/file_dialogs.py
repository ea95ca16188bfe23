"""File dialogs that leave no trace of which files the user opened or saved.

Qt's own file dialog remembers the last folder and its history in `QtProject.conf`, and native
dialogs feed the operating system's recent-file lists (the Windows registry, for example). On a
shared PC those paths say who keeps a vault and where their evidence is, so every dialog here is
Qt's non-native one and its history is wiped as soon as it closes.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

_PRIVATE = QFileDialog.Option.DontUseNativeDialog


def forget_history() -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.remove("FileDialog")
    settings.remove("Qt/filedialog")
    settings.sync()


def open_file(parent: QWidget | None, caption: str, directory: str = "", filter: str = "") -> str:
    try:
        path, _chosen = QFileDialog.getOpenFileName(parent, caption, directory, filter, options=_PRIVATE)
    finally:
        forget_history()
    return path


def open_files(parent: QWidget | None, caption: str, directory: str = "", filter: str = "") -> list[str]:
    try:
        paths, _chosen = QFileDialog.getOpenFileNames(parent, caption, directory, filter, options=_PRIVATE)
    finally:
        forget_history()
    return list(paths)


def save_file(parent: QWidget | None, caption: str, directory: str = "", filter: str = "") -> str:
    try:
        path, _chosen = QFileDialog.getSaveFileName(parent, caption, directory, filter, options=_PRIVATE)
    finally:
        forget_history()
    return path
