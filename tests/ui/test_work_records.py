"""Work records through the real widgets: a contract and a payslip the checks flag, an incident with a
photo (thumbnail and viewer from memory, nothing written outside the vault), the hours log (quick
entry and month grid), formatted history, the timeline filters, F1 and the guide's start_incident."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt

from handbook_app.core import records as r
from handbook_app.core.money import Money
from handbook_app.i18n import tr
from handbook_app.i18n.formatting import format_money
from handbook_app.services.demo import png_bytes
from handbook_app.ui.dialogs.history_dialog import HistoryDialog
from handbook_app.ui.dialogs.record_dialog import RecordDialog
from handbook_app.ui.widgets.help_now import HelpNowDialog
from tests.ui.conftest import unlock
from tests.ui.test_flows import fill, panel

AICHI = 23


def add(qtbot, win, screen: str, attribute: str, values: dict, prefecture: int | None = None) -> RecordDialog:
    pnl = panel(win, screen, attribute)
    before = pnl.model.rowCount()
    pnl.add_button.click()
    dialog = pnl.dialog
    assert isinstance(dialog, RecordDialog) and dialog.isVisible()
    fill(dialog, values)
    if prefecture is not None:
        combo = dialog.editors["prefecture"].combo
        combo.setCurrentIndex(combo.findData(prefecture))
    dialog.save_button.click()
    assert dialog.errors() == {}, dialog.errors()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert pnl.model.rowCount() == before + 1
    return dialog


def add_contract_and_flagged_payslip(qtbot, win) -> None:
    add(qtbot, win, "contract", "contracts", {
        "employer": "Yamada Seikō", "start": "2024-04-01", "end": "2027-03-31", "wage": "1,027",
        "hours_per_month": "160"}, prefecture=AICHI)
    # November 2024: 160 h x 1,027 yen = 164,320 yen; Aichi's minimum from 1 Oct 2024 is 1,077 yen,
    # so 160 h x 1,077 = 172,320 yen was owed: 8,000 yen short.
    add(qtbot, win, "contract", "payslips", {
        "month": "2024-11", "regular_hours": "160", "base_pay": "164,320", "gross": "164,320", "net": "164,320"})


def test_payslip_below_aichi_minimum_is_flagged_with_its_shortfall(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    add_contract_and_flagged_payslip(qtbot, window)
    screen = window.workspace.screens["contract"]
    payslips = screen.payslips
    assert payslips.model.text(0, payslips.model.CHECK) == f"short {format_money(8000, 'JPY')}"
    icon = payslips.model.data(payslips.model.index(0, payslips.model.CHECK), Qt.ItemDataRole.DecorationRole)
    assert icon is not None and not icon.isNull()  # the flag
    payslips.select_row(0)
    text = screen.findings.toPlainText()
    assert "Estimated shortfall this month: ¥8,000" in text
    assert "1,077" in text and "1,027" in text  # the finding explains itself with its numbers
    assert "8,000" in screen.total.text()


def test_no_minimum_wage_data_is_said_honestly(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    hb = window.context.handbook
    contract = hb.add(r.Contract(employer="X", prefecture=AICHI, start=dt.date(2010, 1, 1),
                                 wage=Money(700, "JPY"))).record
    window.context.notify(hb.add(r.Payslip(month=dt.date(2010, 5, 1), contract_id=contract.id,
                                           regular_hours=160, gross=Money(112_000, "JPY"),
                                           base_pay=Money(112_000, "JPY"), net=Money(112_000, "JPY"))))
    screen = window.workspace.show_key("contract")
    screen.tabs.setCurrentWidget(screen.payslips)
    assert screen.payslips.model.text(0, screen.payslips.model.CHECK) == "not checked"
    screen.payslips.select_row(0)
    text = screen.findings.toPlainText()
    assert "Not checked against the minimum wage" in text
    assert "No problem found" not in text


def _tmp_listing() -> set[str]:
    return set(os.listdir(tempfile.gettempdir()))


def test_incident_with_photo_thumbnail_sha_and_viewer_from_memory(qtbot, window, closed_vault: Path, tmp_path):
    photo = tmp_path / "wall.png"
    photo.write_bytes(png_bytes(40, 30, (200, 60, 60), (240, 240, 240)))
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    unlock(qtbot, window, closed_vault)
    tmp_before = _tmp_listing()
    here_before = set(os.listdir(tmp_path))

    pnl = panel(window, "incidents", "incidents")
    pnl.add_button.click()
    dialog = pnl.dialog
    fill(dialog, {"title": "Tường nứt ở ký túc xá", "description": "Tường phòng ngủ bị nứt."})
    assert not dialog.attachments.add_button.isEnabled()  # a new record: save first
    dialog.save_first_button.click()
    assert dialog.errors() == {}
    assert dialog.attachments.add_button.isEnabled() and dialog.isVisible()
    dialog.attachments.add_files([photo])
    qtbot.waitUntil(lambda: dialog.attachments.list.count() == 1, timeout=10_000)
    assert dialog.attachments.has_thumbnail(0)
    dialog.attachments.list.setCurrentRow(0)
    assert digest in dialog.attachments.details.text()
    dialog.attachments.view_selected()
    viewer = dialog.attachments.viewer
    assert viewer.isVisible() and viewer.image is not None and viewer.image.width() == 40
    viewer.reject()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    hb = window.context.handbook
    incident = hb.records(r.Incident)[0]
    assert [a.sha256 for a in hb.attachments(incident)] == [digest]
    assert pnl.model.rowCount() == 1

    assert _tmp_listing() == tmp_before  # no temporary file, no thumbnail cache
    assert set(os.listdir(tmp_path)) - here_before <= {"mine.vault-wal", "mine.vault-shm", "mine.vault-journal"}


def test_quick_hours_entry_saves_and_moves_to_the_next_day(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    screen = window.workspace.show_key("contract")
    dialog = screen.open_quick_hours()
    dialog.day.edit.setText("2024-11-04")
    dialog.start.edit.setText("08:00")
    dialog.end.edit.setText("17:30")
    dialog.break_minutes.edit.setText("60")
    qtbot.keyClick(dialog.end.edit, Qt.Key.Key_Return)
    assert dialog.day.value() == dt.date(2024, 11, 5)
    assert "8.5" in dialog.status.text()
    qtbot.keyClick(dialog.start.edit, Qt.Key.Key_Return)  # same shift, next day
    assert dialog.day.value() == dt.date(2024, 11, 6)
    days = [h.day for h in window.context.handbook.records(r.HoursEntry, order="day")]
    assert days == [dt.date(2024, 11, 4), dt.date(2024, 11, 5)]
    assert screen.hours.model.rowCount() == 2
    dialog.day.edit.setText("2024-11-04")  # already logged: refused beside the day
    dialog.save_and_next()
    assert "already logged" in dialog.day.error()


def test_month_grid_saves_all_or_nothing(qtbot, window, closed_vault: Path):
    from handbook_app.ui.dialogs.month_grid import BREAK, END, HOLIDAY, START

    unlock(qtbot, window, closed_vault)
    hb = window.context.handbook
    screen = window.workspace.show_key("contract")
    grid = screen.open_month_grid()
    grid.month_edit.edit.setText("2024-12")
    grid.show_month()
    assert grid.table.rowCount() == 31
    grid.set_cell(2, START, "08:00")
    grid.set_cell(2, END, "17:00")
    grid.set_cell(2, BREAK, "60")
    grid.set_cell(3, START, "25:00")  # wrong
    grid.set_cell(3, END, "17:00")
    grid.set_cell(7, START, "9:00")
    grid.set_cell(7, END, "15:00")
    grid.set_cell(7, HOLIDAY, "x")
    assert not grid.save()
    assert grid.isVisible() and "Nothing was saved" in grid.error.text()
    assert grid.table.item(2, START).toolTip()  # the cell says why
    assert hb.count(r.HoursEntry) == 0
    grid.set_cell(3, START, "08:00")
    assert grid.save()
    entries = hb.records(r.HoursEntry, order="day")
    assert [e.day.day for e in entries] == [2, 3, 7]
    assert entries[2].holiday and entries[2].start == "09:00"


def test_history_shows_who_and_formatted_before_after(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    add(qtbot, window, "contract", "contracts", {"employer": "Yamada", "wage": "1,027", "start": "2024-04-01"},
        prefecture=AICHI)
    hb = window.context.handbook
    contract = hb.records(r.Contract)[0]
    from dataclasses import replace

    hb.set_actor(r.Actor("support", "Lan", "Hỗ trợ TTS"))
    # (a monthly wage of ¥1,100 is now refused as implausible: issue 11, item 4)
    window.context.notify(hb.update(replace(contract, wage=Money(180_000, "JPY"), wage_kind="monthly",
                                            start=dt.date(2024, 5, 1))))
    dialog = HistoryDialog(window.context, r.Contract, contract.id, window)
    rows = dialog.rows()
    changed = {row[3]: row for row in rows if row[2] == "Changed"}
    assert changed["Promised wage"][4:] == ("¥1,027", "¥180,000")
    assert changed["Wage paid"][4:] == ("Hourly", "Monthly")
    assert changed["Start"][4:] == ("Apr 1, 2024", "May 1, 2024")
    assert changed["Promised wage"][1] == "Lan (Hỗ trợ TTS) (support worker)"
    added = {row[3]: row for row in rows if row[2] == "Added"}
    assert added["Prefecture"][5] == "Aichi"
    dialog.reject()


def test_timeline_filters_by_category_and_shows_every_kind(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    hb = window.context.handbook
    hb.add_many([
        r.Incident(started=dt.date(2024, 3, 1), category="harassment", title="Bị quát mắng"),
        r.Incident(started=dt.date(2024, 1, 5), category="documents_withheld", title="Giữ hộ chiếu"),
        r.Incident(started=dt.date(2024, 6, 9), category="harassment", title="Lại bị quát"),
        r.Remittance(date=dt.date(2024, 2, 1), sent=Money(50_000, "JPY")),
    ])
    screen = window.workspace.show_key("incidents")
    timeline = screen.open_timeline()
    assert timeline.model.rowCount() == 3
    assert [it.date for it in timeline.model.items] == sorted(it.date for it in timeline.model.items)
    timeline.category.setCurrentIndex(timeline.category.findData("harassment"))
    assert [it.title for it in timeline.model.items] == ["Bị quát mắng", "Lại bị quát"]
    timeline.set_date_range(dt.date(2024, 5, 1), None)
    assert [it.title for it in timeline.model.items] == ["Lại bị quát"]
    timeline.reject()
    everything = screen.open_timeline(everything=True)
    assert {it.kind for it in everything.model.items} == {"incident", "remittance"}
    everything.text.setText("ho chieu")  # no diacritics needed
    assert [it.title for it in everything.model.items] == ["Giữ hộ chiếu"]
    everything.reject()


def test_f1_opens_help_now_and_start_incident_presets_a_dialog(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    window.help_action.trigger()
    help_now = window.findChild(HelpNowDialog, "helpNowDialog")
    assert help_now is not None and help_now.isVisible()
    assert window.show_help_now() is help_now  # one window, wired once
    help_now.close()
    guide = window.workspace.show_key("guide")
    guide.start_incident.emit("documents_withheld", "Công ty giữ hộ chiếu")
    dialog = window.workspace.screens["incidents"].incidents.dialog
    assert isinstance(dialog, RecordDialog) and dialog.isVisible()
    assert dialog.editors["category"].value() == "documents_withheld"
    assert dialog.editors["title"].value() == "Công ty giữ hộ chiếu"
    dialog.reject()


def test_verify_button_on_incidents_screen(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    screen = window.workspace.show_key("incidents")
    screen.verify_bar.button.click()
    qtbot.waitUntil(lambda: screen.verify_bar.ok is not None, timeout=10_000)
    assert screen.verify_bar.ok and "intact" in screen.verify_bar.result.text()


def test_a_second_payslip_for_the_same_month_asks_first(qtbot, window, demo_path):
    from tests.ui.conftest import answer_next_box

    unlock(qtbot, window, demo_path)
    screen = window.workspace.show_key("contract")
    screen.tabs.setCurrentWidget(screen.payslips)
    before = screen.payslips.model.rowCount()
    screen.payslips.add_button.click()
    dialog = screen.payslips.dialog
    dialog.editors["month"].edit.setText("2025-06")  # the demo already has June 2025
    dialog.editors["gross"].edit.setText("200000")
    seen: list[str] = []
    answer_next_box(tr("en", "Go back"), seen)
    dialog.save_button.click()
    assert dialog.isVisible() and "already a payslip" in seen[0]
    answer_next_box(tr("en", "Save anyway"), seen)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert screen.payslips.model.rowCount() == before + 1
