"""The Reports screen on the demo vault: save, cancel, password mismatch, preview, print, lock."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton

from handbook_app.core import records as r
from handbook_app.services import report_preview
from handbook_app.services.report_preview import handovers
from handbook_app.ui.context import AppContext
from handbook_app.ui.screens.reports_screen import ReportsScreen
from tests.ui.conftest import unlock


@pytest.fixture
def screen(qtbot, demo):
    ctx = AppContext()
    ctx.handbook = demo
    scr = ReportsScreen(ctx)
    qtbot.addWidget(scr)
    scr.resize(1000, 760)
    scr.refresh()
    scr.show()
    yield scr
    qtbot.waitUntil(lambda: not scr.busy(), timeout=20_000)
    scr.clear()


def save_to(monkeypatch, path: Path, calls: list | None = None) -> None:
    def fake(*args, **kwargs):
        if calls is not None:
            calls.append(args)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))


def test_the_workspace_shows_this_screen_and_saves_a_pack(qtbot, window, demo_path, tmp_path, monkeypatch):
    unlock(qtbot, window, demo_path)
    scr = window.workspace.show_key("reports")
    assert isinstance(scr, ReportsScreen)
    hb = window.context.handbook
    incident = hb.records(r.Incident, "id")[0]
    scr.set_langs("vi", "ja")
    scr.section_boxes["remittances"].setChecked(False)
    scr.set_record_included("incident", incident.id, False)
    scr.recipient.setText("Công đoàn Aichi")
    out = tmp_path / "pack.pdf"
    save_to(monkeypatch, out)
    scr.save_button.click()
    qtbot.waitUntil(lambda: scr.last_result is not None, timeout=20_000)
    result = scr.last_result
    assert out.exists() and result.pages > 0
    assert result.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert result.sha256 in scr.status.text() and str(result.pages) in scr.status.text()
    # recorded in the history with the choices, and shown in the list of handovers
    latest = handovers(hb)[0]
    assert latest.sha256 == result.sha256 and latest.recipient == "Công đoàn Aichi"
    assert latest.langs == ("vi", "ja") and "remittances" not in latest.sections and "incidents" in latest.sections
    rows = scr.handover_texts()
    assert rows and rows[0][3] == "Công đoàn Aichi" and rows[0][5] == result.sha256
    assert scr.handover_list.isVisibleTo(scr)
    # the left-out incident is not in the PDF
    from pypdf import PdfReader

    text = "".join(page.extract_text() or "" for page in PdfReader(out).pages)
    assert incident.title not in text
    assert hb.records(r.Incident, "id")[1].title in text


def test_cancel_during_export_leaves_no_file(qtbot, screen, tmp_path, monkeypatch):
    out = tmp_path / "cancelled.pdf"
    save_to(monkeypatch, out)
    before = len(handovers(screen.context.handbook))
    screen.save_button.click()
    assert screen.busy()
    screen.progress_dialog.findChild(QPushButton).click()  # the user presses Cancel in the progress dialog
    qtbot.waitUntil(lambda: not screen.busy(), timeout=20_000)
    assert not out.exists()
    assert list(tmp_path.glob("*.part")) == [] and list(tmp_path.glob(".*.part")) == []
    assert screen.last_result is None
    assert len(handovers(screen.context.handbook)) == before
    assert screen.status.isVisibleTo(screen) and screen.status.text()


def test_password_mismatch_is_shown_inline_and_nothing_is_written(qtbot, screen, tmp_path, monkeypatch):
    calls: list = []
    out = tmp_path / "secret.pdf"
    save_to(monkeypatch, out, calls)
    screen.password.setText("một hai ba")
    screen.password_again.setText("một hai bốn")
    assert "password" in screen.warning.text().lower() or screen.warning.text()
    screen.save_button.click()
    assert not screen.busy()
    assert screen.password_error.isVisibleTo(screen) and screen.password_error.text()
    assert calls == [] and not out.exists()
    screen.password_again.setText("một hai ba")  # typing again hides the message
    assert not screen.password_error.isVisibleTo(screen)


def test_a_password_protected_pdf_needs_its_password(qtbot, screen, tmp_path, monkeypatch):
    out = tmp_path / "protected.pdf"
    save_to(monkeypatch, out)
    screen.set_kind("debt-summary")
    screen.password.setText("mật khẩu dài")
    screen.password_again.setText("mật khẩu dài")
    screen.save_button.click()
    qtbot.waitUntil(lambda: screen.last_result is not None, timeout=20_000)
    from pypdf import PdfReader

    reader = PdfReader(out)
    assert reader.is_encrypted and reader.decrypt("mật khẩu dài")
    assert screen.password.text() == "" and screen.password_again.text() == ""  # not kept after use
    assert handovers(screen.context.handbook)[0].password


def test_preview_shows_the_pages_and_writes_nothing(qtbot, screen, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = sorted(tmp_path.iterdir())  # the vault (and its journal) only
    before = len(handovers(screen.context.handbook))
    screen.preview_button.click()
    qtbot.waitUntil(lambda: screen.preview_dialog is not None, timeout=20_000)
    dialog = screen.preview_dialog
    pages = dialog.document.pages
    assert pages > 1
    assert str(pages) in dialog.info.text() and dialog.of_label.text().endswith(str(pages))
    assert dialog.showing_image()  # PDFium ships in the pypdfium2 wheel: no external program needed
    dialog.next_button.click()
    assert dialog.index == 1 and dialog.showing_image()
    assert sorted(tmp_path.iterdir()) == files
    assert len(handovers(screen.context.handbook)) == before
    dialog.close()
    assert dialog.document.data == b""  # forgotten when closed


def test_preview_without_pdfium_shows_the_text_of_each_page(qtbot, screen, monkeypatch):
    monkeypatch.setattr(report_preview, "rasteriser_available", lambda: False)
    screen.preview()
    qtbot.waitUntil(lambda: screen.preview_dialog is not None, timeout=20_000)
    dialog = screen.preview_dialog
    assert not dialog.document.can_render and dialog.print_button is None
    assert "PDFium" in dialog.info.text()
    assert dialog.stack.currentWidget() is dialog.text and dialog.text.toPlainText().strip()
    dialog.close()


def test_print_draws_every_page_and_records_the_handover(qtbot, screen, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from handbook_app.services.report_preview import PreviewDocument
    from handbook_app.services.reports import preview_report

    options = screen.build_options(with_password=False)
    pv = preview_report(screen.context.handbook, "debt-summary", options)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printed = screen.print_to(printer, "debt-summary", options, PreviewDocument(pv.data, pv.pages))
    assert printed == pv.pages
    assert (tmp_path / "printed.pdf").stat().st_size > 0
    latest = handovers(screen.context.handbook)[0]
    assert latest.kind == "print" and latest.pages == pv.pages
    assert latest.sha256 == hashlib.sha256(pv.data).hexdigest()
    assert screen.handover_texts()[0][2] == str(pv.pages)


def test_lock_forgets_records_handovers_and_password(qtbot, screen):
    assert screen.records_tree.topLevelItemCount() > 0
    screen.password.setText("x")
    screen.password_again.setText("x")
    screen.recipient.setText("Luật sư")
    screen.clear()
    assert screen.records_tree.topLevelItemCount() == 0 and screen.handover_texts() == []
    assert screen.password.text() == screen.password_again.text() == screen.recipient.text() == ""


def test_language_change_retranslates(qtbot, screen):
    from handbook_app.i18n import _, set_locale

    try:
        set_locale("ja")
        screen.retranslate()
        assert screen.kind_combo.itemText(0) == _("Evidence pack")
        assert screen.save_button.text() == _("Save PDF…")
    finally:
        set_locale("vi")
        screen.retranslate()


def test_japanese_first_is_one_click_and_explained(qtbot, screen):
    assert screen.japanese_first.isVisible() and screen.japanese_first_hint.text()
    screen.japanese_first.click()
    options = screen.build_options()
    assert options.langs == ("ja", "vi")


def test_incidents_without_translation_are_listed_and_open_their_dialog(qtbot, screen, demo):
    from handbook_app.ui.dialogs.record_dialog import RecordDialog

    missing = [i for i in demo.records(r.Incident) if i.description and not i.translation]
    assert screen.untranslated_list.count() == len(missing) > 0
    assert str(len(missing)) in screen.untranslated_hint.text()
    item = screen.untranslated_list.item(0)
    rect = screen.untranslated_list.visualItemRect(item)
    from PySide6.QtCore import Qt

    qtbot.mouseClick(screen.untranslated_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = screen.edit_dialog
    assert isinstance(dialog, RecordDialog) and dialog.isVisible()
    assert dialog.original is not None and dialog.original.id == item.data(Qt.ItemDataRole.UserRole + 1)
    dialog.reject()


def test_incident_detail_and_transactions_reach_the_options(qtbot, screen):
    screen.detail_combo.setCurrentIndex(screen.detail_combo.findData("open"))
    screen.transactions_box.setChecked(True)
    options = screen.build_options()
    assert options.incident_detail == "open" and options.transactions


def test_chosen_incidents_are_ticked_in_their_own_column(qtbot, screen, demo):
    first, second = demo.records(r.Incident, "id")[:2]
    assert screen.records_tree.isColumnHidden(1)
    screen.detail_combo.setCurrentIndex(screen.detail_combo.findData("selected"))
    assert not screen.records_tree.isColumnHidden(1)
    screen.set_in_full(second.id, False)
    options = screen.build_options()
    assert options.incident_detail == "selected"
    assert first.id in options.detail_ids and second.id not in options.detail_ids
