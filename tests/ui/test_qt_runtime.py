"""The Qt build the app runs on does not crash a long session.

PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call of a method that returns
nothing; after a few thousand such calls the process aborted ("none_dealloc"). pyproject.toml pins
below 6.12; this test keeps anyone from lifting the pin onto a build that still does it.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_qt_calls_do_not_leak_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for n in range(5000):
        label.setText(str(n))
        label.setToolTip("x")
    assert sys.getrefcount(None) - before < 100
