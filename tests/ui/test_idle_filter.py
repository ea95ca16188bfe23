"""Input resets the idle countdown while a vault is open; while locked nothing listens to every event."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from handbook_app.ui import autolock


def test_input_counts_only_while_the_countdown_runs(qtbot, monkeypatch) -> None:
    clock = [1000.0]
    monkeypatch.setattr(autolock, "_now", lambda: clock[0])
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    lock = autolock.IdleLock(timeout_s=300)
    clock[0] = 1100.0
    QTest.keyClick(edit, Qt.Key.Key_A)
    assert lock._last == 1000.0  # not started: the key went unseen (no app-wide filter at start-up)

    lock.start()
    clock[0] = 1200.0
    QTest.keyClick(edit, Qt.Key.Key_B)
    assert lock._last == 1200.0

    lock.stop()
    clock[0] = 1300.0
    QTest.keyClick(edit, Qt.Key.Key_C)
    assert lock._last == 1200.0  # stopped (locked): the filter is gone again
    lock.start()
    lock.start()  # twice: still one filter, removed by one stop
    lock.stop()
    clock[0] = 1400.0
    QTest.keyClick(edit, Qt.Key.Key_D)
    assert lock._last == 1300.0  # the touch() of start, not the key
