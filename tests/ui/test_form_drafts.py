"""Issue 16 #4: typed text is never thrown away without asking; Cancel undoes what the dialog added;
a lock keeps an unsaveable form as a draft inside the vault and offers it back after unlock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from handbook_app.core import records as r
from handbook_app.services import drafts
from tests.ui.conftest import unlock
from tests.ui.test_flows import fill, panel
from tests.ui.test_work_records import png_bytes


def answer(button_text: str, seen: list[str]) -> None:
    """Press `button_text` in the next message box (noting its text)."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text() + "\n" + box.informativeText())
            for button in box.buttons():
                if button.text() == button_text:
                    button.click()
                    return
            raise AssertionError([b.text() for b in box.buttons()])
        QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def new_incident(window):
    pnl = panel(window, "incidents", "incidents")
    pnl.add_button.click()
    return pnl, pnl.dialog


def test_esc_on_a_filled_form_asks_and_keep_editing_keeps_everything(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    _pnl, dialog = new_incident(window)
    fill(dialog, {"title": "Bị giữ hộ chiếu", "description": "Công ty giữ hộ chiếu từ tháng 3."})
    seen: list[str] = []
    answer("Keep editing", seen)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert seen and "lost" in seen[0]
    assert dialog.isVisible() and dialog.editors["title"].edit.text() == "Bị giữ hộ chiếu"
    answer("Discard", seen)
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert not dialog.isVisible() and window.context.handbook.records(r.Incident) == []


def test_an_unchanged_form_closes_without_a_question(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    _pnl, dialog = new_incident(window)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_cancel_removes_the_record_and_photo_the_dialog_added(qtbot, window, closed_vault: Path, tmp_path: Path):
    photo = tmp_path / "wall.png"
    photo.write_bytes(png_bytes(40, 30, (200, 60, 60), (240, 240, 240)))
    unlock(qtbot, window, closed_vault)
    hb = window.context.handbook
    _pnl, dialog = new_incident(window)
    fill(dialog, {"title": "Tường nứt"})
    dialog.save_first_button.click()
    dialog.attachments.add_files([photo])
    qtbot.waitUntil(lambda: dialog.attachments.list.count() == 1, timeout=10_000)
    seen: list[str] = []
    answer("Discard", seen)
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert "removed" in seen[0]
    assert hb.records(r.Incident) == [] and hb.records(r.Attachment) == []

    # An existing record: only the photo attached in this window goes.
    incident = hb.records(r.Incident) or [hb.add(r.Incident(title="Có sẵn")).record]
    pnl = panel(window, "incidents", "incidents")
    pnl._open_dialog(incident[0])
    dialog = pnl.dialog
    dialog.attachments.add_files([photo])
    qtbot.waitUntil(lambda: dialog.attachments.list.count() == 1, timeout=10_000)
    answer("Discard", seen)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert "attached in this window" in seen[-1]
    assert [x.title for x in hb.records(r.Incident)] == ["Có sẵn"] and hb.records(r.Attachment) == []


def test_auto_lock_keeps_an_unfinished_form_as_a_draft_and_offers_it_back(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    _pnl, dialog = new_incident(window)
    fill(dialog, {"people": "Quản lý Tanaka", "place": "Nhà máy số 2"})  # no title or story yet: cannot save
    window.lock("auto")
    assert not dialog.isVisible() and window.context.handbook is None
    seen: list[str] = []
    answer("Open the form", seen)
    unlock(qtbot, window, closed_vault)
    qtbot.waitUntil(lambda: getattr(window.safety, "draft_dialog", None) is not None, timeout=5_000)
    again = window.safety.draft_dialog
    assert again.isVisible() and again.editors["people"].edit.text() == "Quản lý Tanaka"
    assert again.editors["place"].edit.text() == "Nhà máy số 2"
    assert drafts.drafts(window.context.handbook) == []  # it lives in the open form now
    assert window.context.handbook.records(r.Incident) == []


def test_quick_exit_keeps_the_draft_and_later_keeps_offering_it(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    _pnl, dialog = new_incident(window)
    fill(dialog, {"witnesses": "Anh Hùng"})
    window.quick_exit()
    assert window.pages.currentWidget() is window.neutral and not dialog.isVisible()
    seen: list[str] = []
    answer("Later", seen)
    unlock(qtbot, window, closed_vault)
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    kept = drafts.drafts(window.context.handbook)
    assert len(kept) == 1 and kept[0].kind == "incident"
    answer("Delete it", seen)
    window.lock("manual")
    unlock(qtbot, window, closed_vault)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5_000)
    assert drafts.drafts(window.context.handbook) == []


def test_locking_with_an_untouched_new_form_open_saves_nothing_and_keeps_no_draft(qtbot, window,
                                                                                  closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    _pnl, dialog = new_incident(window)
    qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Ctrl+L in the form: lock now
    qtbot.waitUntil(lambda: window.context.handbook is None, timeout=5_000)
    assert not dialog.isVisible()
    unlock(qtbot, window, closed_vault)
    hb = window.context.handbook
    assert hb.records(r.Incident) == [] and drafts.drafts(hb) == []
