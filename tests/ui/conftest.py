"""GUI tests: real widgets, offscreen, settings in a temporary folder (never the user's)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, QStandardPaths, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from handbook_app.services import session  # noqa: E402
from handbook_app.ui.settings import AppSettings  # noqa: E402
from tests.conftest import PASSPHRASE  # noqa: E402

QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, settings):
    from handbook_app.ui.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1100, 720)
    win.show()
    yield win
    win.lock("close")


def unlock(qtbot, win, path: Path, passphrase: str = PASSPHRASE) -> None:
    win.open_unlock(path)
    win.unlock_screen.passphrase.setText(passphrase)
    win.unlock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: win.context.handbook is not None, timeout=10_000)


def answer_next_box(button_text: str, seen: list[str]) -> None:
    """When the next message box appears, note its text and press the button labelled `button_text`."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text() + "\n" + box.informativeText())
            for button in box.buttons():
                if button.text() == button_text:
                    button.click()
                    return
            box.reject()
            return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


@pytest.fixture
def closed_vault(tmp_path: Path) -> Path:
    path = tmp_path / "mine.vault"
    session.create(path, PASSPHRASE).lock()
    return path
