"""Issue 16 item 11: money typed either way for yen and đồng (and saying how it was read), error lines that
keep their room, Enter confirming the support worker's name."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from handbook_app.i18n import set_locale
from handbook_app.i18n.formatting import ParseError, parse_money, reading_note
from handbook_app.ui.widgets.actor_picker import ActorPicker
from handbook_app.ui.widgets.field import error_label
from handbook_app.ui.widgets.money_edit import MoneyEdit


@pytest.mark.parametrize("lang", ["vi", "ja", "en"])
@pytest.mark.parametrize("text", ["20,000", "20.000", "¥20,000", "20.000 ₫"])
def test_whole_amounts_in_either_grouping_style(lang, text):
    currency = "VND" if "₫" in text else "JPY"
    assert parse_money(text, currency, lang) == 20_000


def test_reading_note_says_how_an_ambiguous_number_was_read():
    assert reading_note("20,000", "JPY", "vi") is not None and "20.000" in reading_note("20,000", "JPY", "vi")
    assert reading_note("20.000", "JPY", "vi") is None  # the Vietnamese way in Vietnamese: nothing to say
    assert reading_note("1.500", "JPY", "ja") is not None  # "1.500" in Japanese: read as 1,500, and said
    assert reading_note("20,000", "USD", "vi") is None  # dollars have cents: not read this way


@pytest.mark.parametrize(("text", "currency", "lang"), [
    ("1,500.000", "VND", "vi"),  # two kinds of separator: still refused
    ("20,00", "JPY", "vi"),  # not groups of three
    ("20,000", "USD", "vi"),  # a currency with cents: the comma is the decimal mark in vi
])
def test_still_refused(text, currency, lang):
    with pytest.raises(ParseError):
        parse_money(text, currency, lang)


def test_money_field_accepts_a_japanese_payslip_amount_in_vietnamese(qtbot):
    set_locale("vi")
    field = MoneyEdit("JPY")
    qtbot.addWidget(field)
    field.show()
    qtbot.keyClicks(field.edit, "20,000")
    assert field.value().minor == 20_000
    assert field.note.isVisible() and "20.000" in field.note.text()
    field.edit.setText("20.000")
    assert not field.note.isVisible()


def test_an_error_line_does_not_move_what_is_below(qtbot):
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    error = error_label(host)
    below = QLineEdit(host)
    layout.addWidget(error)
    layout.addWidget(below)
    host.show()
    qtbot.waitExposed(host)
    top = below.y()
    error.setText("A one-line error")
    error.show()
    qtbot.wait(10)
    assert below.y() == top
    error.hide()
    qtbot.wait(10)
    assert below.y() == top


def test_enter_in_the_support_workers_name_unlocks(qtbot, window, closed_vault: Path):
    window.open_unlock(closed_vault)
    screen = window.unlock_screen
    screen.passphrase.setText(__import__("tests.conftest", fromlist=["PASSPHRASE"]).PASSPHRASE)
    screen.actor_picker.support.setChecked(True)
    qtbot.keyClick(screen.actor_picker.name, Qt.Key.Key_Return)  # no name yet: the error shows
    assert screen.actor_picker.error_label.isVisible()
    qtbot.keyClicks(screen.actor_picker.name, "Pham")
    assert not screen.actor_picker.error_label.isVisible()  # the old error goes as the name is typed
    screen.actor_picker.name.setText("Phạm Thu Trang")
    qtbot.keyClick(screen.actor_picker.organisation, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.context.handbook is not None, timeout=10_000)
    assert window.context.handbook.actor.name == "Phạm Thu Trang"


def test_actor_picker_signals_enter(qtbot):
    picker = ActorPicker()
    qtbot.addWidget(picker)
    picker.support.setChecked(True)
    with qtbot.waitSignal(picker.submitted, timeout=1000):
        qtbot.keyClick(picker.organisation, Qt.Key.Key_Enter)


def test_payslip_form_adds_its_own_totals_and_says_when_they_differ(qtbot, handbook):
    from handbook_app.core import records as r
    from handbook_app.ui.context import AppContext
    from handbook_app.ui.dialogs.record_dialog import RecordDialog

    set_locale("en")
    context = AppContext()
    context.handbook = handbook
    dialog = RecordDialog(r.Payslip, None, context)
    qtbot.addWidget(dialog)
    dialog.show()
    editors = dialog.editors
    editors["base_pay"].focus_widget().setText("184,800")
    editors["overtime_pay"].focus_widget().setText("22,500")
    assert "¥207,300" in dialog.totals.text()
    editors["gross"].focus_widget().setText("207,300")
    assert "differs" not in dialog.totals.text()
    next(iter(editors["deductions"].edits.values())).setText("20,000")
    editors["net"].focus_widget().setText("180,000")
    text = dialog.totals.text()
    assert "¥187,300" in text and "¥7,300" in text and "net pay typed differs" in text
    editors["gross"].focus_widget().setText("210,000")
    assert "gross pay typed differs from that by ¥2,700" in dialog.totals.text()
    dialog.reject()
