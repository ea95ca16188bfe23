"""An error nobody expected: the windowed app saves a report and says so (never silently)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from handbook_app import app_paths
from handbook_app.ui import crash_report


@pytest.fixture
def reports(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "diagnostics"
    monkeypatch.setattr(app_paths, "diagnostics_dir", lambda *a, **k: folder)
    old_hook = sys.excepthook
    yield folder
    sys.excepthook = old_hook
    for box in list(crash_report._showing):
        box.close()
    crash_report._showing.clear()


def _crash_box() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == "crashBox" and widget.isVisible():
            return widget
    return None


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_saves_a_report_and_shows_a_message(qtbot, reports: Path) -> None:
    crash_report.install()
    record = "Nguyễn Thị Lan"  # what a record holds: the message must stay out of the report

    def broken_slot() -> None:
        raise KeyError(record)

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: _crash_box() is not None, timeout=5000)
    box = _crash_box()
    saved = sorted(reports.glob("crash-*.txt"))
    assert len(saved) == 1
    text = saved[0].read_text(encoding="utf-8")
    assert "builtins.KeyError" in text and "broken_slot" in text and "Lan" not in text
    assert str(saved[0]) in box.informativeText()
    assert {b.text() for b in box.buttons()} >= {"Save a copy…", "Close"}

    QTimer.singleShot(0, broken_slot)  # a second error while the message is up: saved, not a second box
    qtbot.waitUntil(lambda: len(list(reports.glob("crash-*.txt"))) == 2, timeout=5000)
    assert sum(1 for w in QApplication.topLevelWidgets() if w.objectName() == "crashBox" and w.isVisible()) == 1


def test_save_a_copy_writes_the_report_where_the_user_chose(qtbot, reports: Path, tmp_path: Path,
                                                            monkeypatch) -> None:
    target = tmp_path / "stick" / "report.txt"
    target.parent.mkdir()
    monkeypatch.setattr("handbook_app.ui.file_dialogs.save_file", lambda *a, **k: str(target))
    box = crash_report.crash_box("the report text\n", None)
    qtbot.addWidget(box)
    assert "could not be saved" in box.informativeText()
    save = next(b for b in box.buttons() if b.text() == "Save a copy…")
    box.show()
    save.click()
    assert target.read_text(encoding="utf-8") == "the report text\n"
    assert box.isVisible()  # still open: the user may also want to read it
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600


STARTUP_FAILS = """import sys
from PySide6.QtWidgets import QMessageBox
from handbook_app.ui import app, main_window
shown = []
QMessageBox.exec = lambda self: shown.append(self.text()) or 0
def broken(*args, **kwargs):
    raise RuntimeError("could not start")
main_window.MainWindow = broken
code = app.main(["--lang", "en"])
print("MESSAGE:" + shown[0] if shown else "NO MESSAGE")
sys.exit(code)
"""


def test_a_failure_at_startup_is_reported_not_silent(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "portable").write_text("")
    (bundle / "run.py").write_text(STARTUP_FAILS, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src"),
           "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, str(bundle / "run.py"), "--lang", "en"], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1
    assert "MESSAGE:Trainee Handbook ran into a problem" in done.stdout
    saved = list((bundle / "data" / "diagnostics").glob("crash-*.txt"))
    assert len(saved) == 1 and "where: startup" in saved[0].read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in saved[0].read_text(encoding="utf-8")
