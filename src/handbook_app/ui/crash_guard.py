"""The one guard for Qt slots: an exception nobody caught becomes a translated message box, not a traceback.

PySide6 hands an exception raised in a slot to sys.excepthook and carries on; by default that prints a
traceback to a console the user never sees, and the click seems to do nothing. The message names the
error's kind and place (services/crash.py), with no record contents.
"""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from handbook_app.i18n import _
from handbook_app.services.crash import report_unexpected

shown: list[str] = []  # the messages shown this session (tests read it)


def _hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    exc.__traceback__ = tb
    text = report_unexpected(exc)
    shown.append(text)
    print(text, file=sys.stderr)
    if QApplication.instance() is not None:
        box = QMessageBox(QMessageBox.Icon.Warning, _("Something went wrong"), text,
                          QMessageBox.StandardButton.Ok, QApplication.activeWindow())
        box.setObjectName("crashGuardMessage")
        box.open()


def install() -> None:
    sys.excepthook = _hook
