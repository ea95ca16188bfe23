"""The windowed app never fails silently: an unexpected error saves a report and says so.

An exception that escapes a slot would otherwise only reach stderr, which a windowed program on
Windows does not have. The hook writes a report without personal data (handbook_app.diagnostics),
then shows a translated message that offers to save a copy for a support worker (on a USB stick,
say). A failure before the window exists (startup) gets the same message, shown modally.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer, qVersion
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from handbook_app import diagnostics
from handbook_app.i18n import _

_showing: list[QMessageBox] = []


def save_report(exc: BaseException, context: str) -> tuple[str, Path | None]:
    text = diagnostics.format_report(exc, context, extra={"qt": qVersion()})
    return text, diagnostics.write_report(text)


def crash_box(text: str, path: Path | None, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("crashBox")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("Something went wrong"))
    box.setText(_("Trainee Handbook ran into a problem it did not expect. Changes you had already saved are "
                  "safe in your vault."))
    if path is not None:
        detail = _("A short report was saved for a support worker. It holds no records and no file names: "
                   "{path}").format(path=path)
    else:
        detail = _("A short report for a support worker could not be saved on this computer. You can save a "
                   "copy somewhere else. It holds no records and no file names.")
    box.setInformativeText(detail)  # no setDetailedText: its "Show Details…" button is Qt's, untranslated in vi
    save = box.addButton(_("Save a copy…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(_("Close"), QMessageBox.ButtonRole.RejectRole)
    save.clicked.disconnect()  # keep the box open while the file dialog asks where
    save.clicked.connect(lambda: _save_copy(box, text))
    return box


def _save_copy(parent: QWidget, text: str) -> None:
    from handbook_app.private_files import open_private
    from handbook_app.ui import file_dialogs

    target = file_dialogs.save_file(parent, _("Save the report"), "trainee-handbook-report.txt",
                                    _("Text files (*.txt)"))
    if not target:
        return
    try:
        with open_private(Path(target), "w", encoding="utf-8") as out:
            out.write(text)
    except OSError as exc:
        from handbook_app.ui import messages

        messages.error(parent, _("The report could not be saved: {reason}").format(reason=exc.strerror or exc))


def _show(text: str, path: Path | None) -> None:
    if _showing:  # one message at a time: a burst of errors must not bury the screen
        return
    app = QApplication.instance()
    parent = app.activeWindow() if isinstance(app, QApplication) else None
    box = crash_box(text, path, parent)
    _showing.append(box)
    box.finished.connect(lambda _result: _showing.clear())
    box.open()


def _hook(exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> None:
    error = diagnostics.exc_info_exception(exc_type, exc, tb)
    if sys.stderr is not None:  # a developer's console still gets the full traceback
        with contextlib.suppress(Exception):
            traceback.print_exception(exc_type, error, tb)
    try:
        text, path = save_report(error, "event loop")
        _show(text, path)
    except Exception:  # the hook itself must never raise
        with contextlib.suppress(Exception):
            traceback.print_exc()


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit or args.exc_value is None:
        return
    text, path = save_report(diagnostics.exc_info_exception(args.exc_type, args.exc_value, args.exc_traceback),
                             f"thread {getattr(args.thread, 'name', '?')}")
    QTimer.singleShot(0, QApplication.instance(), lambda: _show(text, path))  # widgets only on the GUI thread


def install() -> None:
    """Route uncaught exceptions (event loop, threads) to a saved report and a message."""
    sys.excepthook = _hook
    threading.excepthook = _thread_hook


def report_startup_failure(exc: BaseException) -> None:
    """The app could not start: save the report and say so, modally (there is no window yet)."""
    text, path = save_report(exc, "startup")
    if sys.stderr is not None:
        with contextlib.suppress(Exception):
            traceback.print_exception(type(exc), exc, exc.__traceback__)
    app = QApplication.instance() or QApplication(sys.argv[:1] or ["handbook-app"])
    crash_box(text, path).exec()
    del app
