"""Issue 16 items 5–7: quick exit (F12, Ctrl+Shift+Q) and Lock (Ctrl+L) from every window and dialog.

Every dialog the app opens is opened on the demo vault, each of the three keys is pressed in it (as the
user would: on the widget that has the keyboard), and afterwards no window may show record text and,
with the neutral-title option on, no title may name the app.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from handbook_app.core import records as r
from handbook_app.i18n import LOCALES, tr
from handbook_app.services import session
from handbook_app.ui import file_dialogs, messages
from handbook_app.ui.neutral_identity import NEUTRAL_CLASS, start_identity
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock

APP_NAMES = {tr(lang, "Trainee Handbook") for lang in LOCALES} | {"TraineeHandbook", "Trainee Handbook"}
KEYS = {
    "F12": (Qt.Key.Key_F12, Qt.KeyboardModifier.NoModifier),
    "Ctrl+Shift+Q": (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    "Ctrl+L": (Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier),
}


@pytest.fixture(scope="module")
def markers(tmp_path_factory) -> list[str]:
    """Texts only a record holds: incident titles and descriptions, people, lenders."""
    from handbook_app.services.demo import build_demo

    path = tmp_path_factory.mktemp("markers") / "m.vault"
    hb = session.create(path, PASSPHRASE)
    try:
        build_demo(hb)
        found = []
        for inc in hb.records(r.Incident):
            found += [inc.title, inc.description[:30], inc.people, inc.witnesses]
        found += [loan.lender for loan in hb.records(r.Loan)]
        return [m for m in found if m and len(m) >= 5]
    finally:
        hb.lock()


def _texts(root: QWidget) -> list[str]:
    out = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel | QAbstractButton | QLineEdit):
            out.append(w.text())
        elif isinstance(w, QTextEdit | QPlainTextEdit):
            out.append(w.toPlainText())
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount()
            except TypeError:  # a list model
                columns = 1
            for row in range(min(model.rowCount(), 50)):
                for col in range(columns):
                    out.append(str(model.index(row, col).data() or ""))
    return out


def _ptr(widget: QWidget) -> int:
    return shiboken6.getCppPointer(widget)[0]  # id() of a wrapper is not stable


def _visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def _record_text_shown(markers: list[str]) -> list[str]:
    shown = "\n".join(t for w in _visible_windows() for t in _texts(w))
    return [m for m in markers if m in shown]


def _top_window(window) -> QWidget:
    popup = QApplication.activePopupWidget()
    if popup is not None:
        return popup
    modal = QApplication.activeModalWidget()
    if modal is not None:
        return modal
    others = [w for w in _visible_windows() if w is not window]
    return others[-1] if others else window


def _press(qtbot, window, key: str) -> None:
    target = _top_window(window)
    focus = target.focusWidget() or target
    qtbot.keyClick(focus, *KEYS[key])


# --- the dialogs: each opener leaves one more window (or menu) on screen --------------------------------
def _later(func: Callable[[], object]) -> None:
    """Dialogs that run their own event loop (exec) are opened from the event loop, as a click would."""
    QTimer.singleShot(0, func)


def _incidents(window):
    screen = window.workspace.show_key("incidents")
    screen.incidents.select_row(0)
    return screen


def _edit_incident(window):
    screen = _incidents(window)
    screen.incidents.edit_selected()
    return screen.incidents.dialog


def _file_dialog_over_incident(window):
    dialog = _edit_incident(window)
    _later(dialog.attachments.add_button.click)  # the form first, then the file dialog over it


def _context_menu_in_incident(window):
    dialog = _edit_incident(window)
    field = dialog.findChild(QLineEdit)
    field.setFocus()
    menu = field.createStandardContextMenu()
    menu.setParent(dialog, menu.windowFlags())
    menu.popup(field.mapToGlobal(field.rect().center()))


def _attachment_viewer(window):
    hb = window.context.handbook
    for inc in hb.records(r.Incident):
        if hb.attachments(inc):
            screen = _incidents(window)
            screen.incidents.select_id(inc.id)
            screen.incidents.edit_selected()
            panel = screen.incidents.dialog.attachments
            panel.list.setCurrentRow(0)
            panel.view_selected()
            return
    raise AssertionError("the demo has an attachment")


def _report_preview(window):
    window.workspace.show_key("reports").preview()  # rendered on a worker thread; see READY


def _preview_shown(window) -> bool:
    dialog = window.workspace.show_key("reports").preview_dialog
    return dialog is not None and dialog.isVisible()


def _guide(window):
    return window.workspace.show_key("guide")


def _official_view(window):
    guide = _guide(window)
    guide.open_article("passport-and-residence-card" if guide.guide.has("passport-and-residence-card", "ja")
                       else guide.guide.slugs[0])
    guide.show_official()


OPENERS: dict[str, Callable] = {
    "incident form": _edit_incident,
    "new payslip form": lambda w: w.workspace.show_key("contract").payslips.new_record(),
    "delete question (message box)": lambda w: _incidents(w).incidents.delete_selected(),
    "message box with record text": lambda w: messages.inform(
        w, "x", w.context.handbook.records(r.Incident)[0].title),
    "Qt file dialog over a form": _file_dialog_over_incident,
    "Qt file dialog": lambda w: file_dialogs.open_file(w, "x", str(Path.home())),
    "context menu in a form": _context_menu_in_incident,
    "attachment viewer": _attachment_viewer,
    "report preview": _report_preview,
    "timeline": lambda w: w.workspace.show_key("incidents").open_timeline(everything=True),
    "history": lambda w: _incidents(w).incidents.history_selected(),
    "debt statement": lambda w: w.workspace.show_key("debts").open_statement(),
    "payoff planner": lambda w: w.workspace.show_key("debts").open_projection(),
    "CSV import": lambda w: w.workspace.show_key("remittances").open_import(),
    "hours entry": lambda w: w.workspace.show_key("contract").open_quick_hours(),
    "month grid": lambda w: w.workspace.show_key("contract").open_month_grid(),
    "self-check": lambda w: _guide(w).open_selfcheck(),
    "official view": _official_view,
    "help now": lambda w: w.show_help_now(),
    "about": lambda w: w.show_about(),
    "who is entering (exec)": lambda w: w.switch_actor(),
    "change passphrase": lambda w: w.change_passphrase(),
}


READY = {"report preview": _preview_shown}


def _open_and_press(qtbot, window, opener: Callable[[], object], key: str, markers: list[str],
                    ready: Callable[[], bool] = lambda: True) -> bool:
    """Open a window with `opener`, and once it (and any window it opens itself) is on screen, press `key`
    there. Both run from the event loop: a dialog with its own loop (exec) blocks until the key closes it.
    Returns whether record text was on screen just before the key."""
    before = {_ptr(w) for w in _visible_windows()}
    state = {"seen": None, "stable": 0, "shown": False, "done": False}

    def new_windows() -> tuple:
        popup = QApplication.activePopupWidget()
        return tuple(_ptr(w) for w in _visible_windows() if _ptr(w) not in before) + ((_ptr(popup),) if popup else ())

    def poll() -> None:
        now = new_windows()
        state["stable"] = state["stable"] + 1 if now and now == state["seen"] else 0
        state["seen"] = now
        if state["stable"] < 5 or not ready():
            QTimer.singleShot(20, poll)
            return
        state["shown"] = bool(_record_text_shown(markers))
        _press(qtbot, window, key)
        state["done"] = True

    _later(opener)
    QTimer.singleShot(20, poll)
    qtbot.waitUntil(lambda: state["done"], timeout=30_000)
    return state["shown"]


def _check_after(window, markers: list[str], key: str) -> None:
    extra = [w for w in _visible_windows() if w is not window]
    assert extra == [], [f"{type(w).__name__}: {w.windowTitle()}" for w in extra]
    assert QApplication.activePopupWidget() is None
    assert window.context.handbook is None
    assert _record_text_shown(markers) == []
    if key == "Ctrl+L":
        assert window.pages.currentWidget() is window.unlock_screen
    else:
        assert window.pages.currentWidget() is window.neutral
    # Neutral title option on: the title, the name Qt appends to titles and the icon say nothing.
    for w in _visible_windows():
        assert not any(name in w.windowTitle() for name in APP_NAMES), w.windowTitle()
    assert not any(name in QGuiApplication.applicationDisplayName() for name in APP_NAMES)


NO_RECORD_TEXT = {"new payslip form", "Qt file dialog", "help now", "about", "who is entering (exec)",
                  "change passphrase", "self-check", "official view", "hours entry", "month grid", "CSV import",
                  "report preview", "payoff planner", "debt statement"}


@pytest.mark.parametrize("key", list(KEYS))
def test_each_key_from_every_dialog_hides_all_record_text(qtbot, window, demo_path: Path, markers, key: str):
    window.set_neutral_title(True)
    failures = []
    for name, opener in OPENERS.items():
        if window.context.handbook is None:
            unlock(qtbot, window, demo_path)
        ready = READY.get(name)
        shown = _open_and_press(qtbot, window, lambda o=opener: o(window), key, markers,
                                (lambda r=ready: r(window)) if ready else (lambda: True))
        if not shown and name not in NO_RECORD_TEXT:
            failures.append(f"{name}: showed no record text before the key (the test would prove nothing)")
        try:
            qtbot.waitUntil(lambda: window.context.handbook is None, timeout=5_000)
            _check_after(window, markers, key)
        except AssertionError as exc:
            failures.append(f"{name}: {exc}")
            window.lock("quick")
    assert failures == []


@pytest.mark.parametrize("key", ["F12", "Ctrl+Shift+Q"])
def test_quick_exit_from_windows_open_before_unlocking(qtbot, window, key: str):
    from handbook_app.ui.screens.guide_screen import open_guide_window

    for opener in (lambda: open_guide_window(window, None), window.show_help_now, window.create_vault,
                   window.open_file):
        window.show_start()
        _open_and_press(qtbot, window, opener, key, [])
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.neutral, timeout=5_000)
        assert [w for w in _visible_windows() if w is not window] == []


def test_ctrl_l_does_nothing_while_locked_and_the_key_reaches_nothing_twice(qtbot, window, closed_vault, monkeypatch):
    calls = []
    monkeypatch.setattr(window, "lock", lambda reason="manual": calls.append(reason))
    window.show_start()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert calls == []  # nothing to lock: the action is disabled
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert calls == ["quick"]  # once, not once from the shortcut map and once from the filter


def test_lock_empties_the_dialogs_it_closes(qtbot, window, demo_path: Path, markers):
    unlock(qtbot, window, demo_path)
    dialog = _edit_incident(window)
    def typed() -> list[str]:
        return [e.text() for e in dialog.findChildren(QLineEdit)] + \
            [e.toPlainText() for e in dialog.findChildren(QPlainTextEdit)] + \
            [e.toPlainText() for e in dialog.findChildren(QTextEdit)]

    assert any(m in t for t in typed() for m in markers)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert not [t for t in typed() for m in markers if m in t]


def test_neutral_title_before_and_after_unlock(qtbot, window, demo_path: Path):
    window.set_neutral_title(True)
    for page in (window.show_start, lambda: window.open_unlock(demo_path)):
        page()
        assert window.windowTitle() == "Documents"
        assert QGuiApplication.applicationDisplayName() == "Documents"
    unlock(qtbot, window, demo_path)
    assert window.windowTitle() == "Documents"
    window.show_about()
    about = QApplication.activeModalWidget() or window.findChild(QDialog)
    assert about is not None
    window.set_neutral_title(False)
    assert window.windowTitle() == "Trainee Handbook"
    assert QGuiApplication.applicationDisplayName() == "Trainee Handbook"
    window.quick_exit()  # the neutral screen is neutral even with the option off
    assert window.windowTitle() == "Documents"
    assert QGuiApplication.applicationDisplayName() == "Documents"


def test_window_class_is_neutral_when_the_option_is_on(qtbot, monkeypatch):
    app = QApplication.instance()
    monkeypatch.delenv("RESOURCE_NAME", raising=False)
    name = app.applicationName()
    with start_identity(app, True):
        seen = (app.applicationName(), __import__("os").environ.get("RESOURCE_NAME"))
    assert seen == (NEUTRAL_CLASS, "documents")
    assert app.applicationName() == name  # data folders keep their place
    with start_identity(app, False):
        assert app.applicationName() == name


def test_file_dialog_and_message_box_are_closed_and_the_code_that_opened_them_carries_on(qtbot, window):
    """The two kinds Qt runs in their own event loop."""
    results = []
    _open_and_press(qtbot, window, lambda: results.append(file_dialogs.open_file(window, "x")), "F12", [])
    qtbot.waitUntil(lambda: results == [""], timeout=5_000)
    window.show_start()
    _open_and_press(qtbot, window, lambda: results.append(messages.ask(window, "t", "q", yes="Yes")),
                    "Ctrl+Shift+Q", [])
    qtbot.waitUntil(lambda: results == ["", False], timeout=5_000)
    assert _visible_windows() == [window]
