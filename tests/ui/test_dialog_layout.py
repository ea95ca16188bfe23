"""Dialog layout fixes from the screenshot review (offscreen, real widgets): what a user would notice.

Squashed inputs in the create-vault and change-passphrase dialogs, the new passphrase labelled as new, Notes
beside its box, edit dialogs that show their fields (a compact attachments row), languages as names, loan
fields that apply to the interest model, the CSV import's currency following the loan, the month shown the
locale's way.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QLineEdit, QProgressBar, QScrollArea, QWidget

from handbook_app.core import records as r
from handbook_app.core.money import Money
from handbook_app.i18n import _, set_locale
from handbook_app.i18n.formatting import format_month
from handbook_app.ui.context import AppContext
from handbook_app.ui.dialogs.create_vault_dialog import CreateVaultDialog
from handbook_app.ui.dialogs.csv_import_dialog import CsvImportDialog
from handbook_app.ui.dialogs.money_dialogs import DIALOGS
from handbook_app.ui.dialogs.passphrase_dialog import ChangePassphraseDialog
from handbook_app.ui.dialogs.record_dialog import RecordDialog
from handbook_app.ui.widgets.editors import MonthEditor

LANGS = ("vi", "ja", "en")


def _context(handbook) -> AppContext:
    ctx = AppContext()
    ctx.handbook = handbook
    return ctx


def _open(qtbot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _record_dialog(qtbot, handbook, cls: type[r.Record], record: r.Record | None) -> RecordDialog:
    dialog_cls = DIALOGS.get(cls, RecordDialog)
    return _open(qtbot, dialog_cls(cls, record, _context(handbook)))  # type: ignore[return-value]


def _squashed(dialog: QWidget) -> list[str]:
    """Visible inputs shorter than their natural height."""
    return [f"{w.objectName() or type(w).__name__}: {w.height()} < {w.sizeHint().height()}"
            for w in dialog.findChildren(QWidget)
            if isinstance(w, QLineEdit | QProgressBar) and w.isVisible() and w.height() < w.sizeHint().height()]


def _form(dialog: RecordDialog) -> QWidget:
    return dialog.findChild(QScrollArea).widget()


def _top(widget: QWidget, ancestor: QWidget) -> int:
    return widget.mapTo(ancestor, QPoint(0, 0)).y()


def _shown_in_scroll(dialog: RecordDialog, name: str) -> bool:
    """The field's input lies wholly inside the visible part of the form (no scrolling needed)."""
    widget = dialog.editors[name].focus_widget()
    viewport = dialog.findChild(QScrollArea).viewport()
    rect = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    return widget.isVisible() and viewport.rect().contains(rect)


# --- 1 create-vault and change-passphrase dialogs open with whole inputs --------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_create_vault_dialog_inputs_keep_their_height(qtbot, lang: str):
    set_locale(lang)
    for copy_mode in (False, True):
        dialog = _open(qtbot, CreateVaultDialog(copy_mode=copy_mode))
        assert _squashed(dialog) == []
        dialog.actor_picker.support.setChecked(True)
        assert _squashed(dialog) == []  # the support worker's name and organisation boxes too
        dialog.reject()


@pytest.mark.parametrize("lang", LANGS)
def test_change_passphrase_dialog_inputs_keep_their_height(qtbot, lang: str):
    set_locale(lang)
    dialog = _open(qtbot, ChangePassphraseDialog())
    assert _squashed(dialog) == []
    dialog.show_current_error(_("Please enter the current passphrase."))
    qtbot.wait(10)
    assert _squashed(dialog) == []
    dialog.reject()


def test_create_vault_dialog_is_never_squashed_when_made_narrow(qtbot):
    set_locale("ja")
    dialog = _open(qtbot, CreateVaultDialog())
    dialog.resize(dialog.width(), 50)
    qtbot.wait(10)
    assert _squashed(dialog) == []


# --- 2 the new passphrase is labelled as the new one (only in the change dialog) ------------------------
def test_change_dialog_labels_the_new_passphrase_and_create_keeps_its_wording(qtbot):
    change = _open(qtbot, ChangePassphraseDialog())
    assert change.current_label.text() == "Current passphrase"
    assert change.fields.first_label.text() == "New passphrase"
    assert change.fields.second_label.text() == "Repeat the new passphrase"
    assert change.fields.first.accessibleName() == "New passphrase"
    create = _open(qtbot, CreateVaultDialog())
    assert create.passphrase.first_label.text() == "Passphrase"
    assert create.passphrase.second_label.text() == "The same again"


# --- 3 Notes: the label beside its box ------------------------------------------------------------------
@pytest.mark.parametrize("cls", [r.RecruitmentFee, r.Repayment, r.Remittance, r.Profile, r.Payslip, r.Loan])
def test_notes_label_sits_beside_its_box(qtbot, demo, cls):
    record = demo.profile() if cls is r.Profile else demo.records(cls)[0]
    dialog = _record_dialog(qtbot, demo, cls, record)
    label, box = dialog.labels["notes"], dialog.editors["notes"].focus_widget()
    host = _form(dialog)
    assert abs(_top(label, host) - _top(box, host)) <= 12
    assert box.height() >= 3 * box.fontMetrics().lineSpacing()  # still a few lines to write in


def test_notes_box_takes_spare_height_right_beside_its_label(qtbot, demo):
    dialog = _record_dialog(qtbot, demo, r.RecruitmentFee, demo.records(r.RecruitmentFee)[0])
    box = dialog.editors["notes"].focus_widget()
    before = box.height()
    dialog.resize(dialog.width(), dialog.height() + 200)
    qtbot.wait(10)
    assert box.height() > before
    assert abs(_top(dialog.labels["notes"], _form(dialog)) - _top(box, _form(dialog))) <= 12


# --- 4 edit dialogs show their fields; an empty attachments panel is one row ----------------------------
def _bare(demo, cls):
    return next(x for x in demo.records(cls) if not demo.attachments(x))


@pytest.mark.parametrize("lang", LANGS)
def test_incident_edit_shows_what_was_done_without_scrolling(qtbot, demo, lang: str):
    set_locale(lang)
    dialog = _record_dialog(qtbot, demo, r.Incident, _bare(demo, r.Incident))
    assert dialog.height() <= 800 - 70  # a 1280×800 screen, less a taskbar and the title bar
    for name in ("description", "translation", "actions"):
        assert _shown_in_scroll(dialog, name), name
    assert dialog.attachments_box.height() <= 100
    assert dialog.attachments.add_button.isVisible() and not dialog.attachments.list.isVisible()


@pytest.mark.parametrize("cls, names", [
    (r.Payslip, ("deductions", "net", "paid_on")),
    (r.Contract, ("other_deductions",)),
])
def test_payslip_and_contract_edit_show_pay_without_scrolling(qtbot, demo, cls, names):
    dialog = _record_dialog(qtbot, demo, cls, _bare(demo, cls))
    assert dialog.height() <= 800 - 70
    for name in names:
        assert _shown_in_scroll(dialog, name), name


def test_record_dialogs_fit_a_1024x768_screen(qtbot, demo, monkeypatch):
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, 1024, 728))  # 40 px taskbar
    for cls in (r.Incident, r.Payslip, r.Contract):
        dialog = _record_dialog(qtbot, demo, cls, demo.records(cls)[0])
        assert dialog.height() + 30 <= 728, cls  # with its title bar


def test_attachments_panel_grows_with_the_first_attachment(qtbot, demo):
    incident = _bare(demo, r.Incident)
    dialog = _record_dialog(qtbot, demo, r.Incident, incident)
    compact = dialog.attachments_box.height()
    demo.add_attachment(incident, io.BytesIO(b"%PDF-1.4 a letter"), "letter.pdf")
    dialog.attachments.refresh()
    qtbot.wait(10)
    panel = dialog.attachments
    assert panel.list.isVisible() and panel.list.count() == 1 and panel.view_button.isVisible()
    assert panel.list.height() <= 2 * (72 + 20)  # as tall as its rows, not a fixed empty box
    assert dialog.attachments_box.sizeHint().height() > compact


# --- 5 languages by name --------------------------------------------------------------------------------
def test_profile_languages_are_check_boxes_with_names_stored_as_codes(qtbot, demo):
    profile = demo.profile()
    assert profile.languages == "vi,ja"
    dialog = _record_dialog(qtbot, demo, r.Profile, profile)
    editor = dialog.editors["languages"]
    boxes = {code: box for code, box in editor.boxes.items()}
    assert {code: box.text() for code, box in boxes.items()} == {"vi": "Tiếng Việt", "ja": "日本語", "en": "English"}
    assert boxes["vi"].isChecked() and boxes["ja"].isChecked() and not boxes["en"].isChecked()
    assert editor.value() == "vi,ja"
    boxes["ja"].setChecked(False)
    boxes["en"].setChecked(True)
    assert editor.value() == "vi,en"
    dialog.save_button.click()
    assert dialog.errors() == {}
    assert demo.profile().languages == "vi,en"


def test_unknown_stored_language_code_is_kept(qtbot, demo):
    from dataclasses import replace

    dialog = _record_dialog(qtbot, demo, r.Profile, replace(demo.profile(), languages="ja, ko"))
    editor = dialog.editors["languages"]
    assert editor.boxes["ko"].isChecked() and editor.boxes["ja"].isChecked()
    assert editor.value() == "ja, ko"  # unchanged: exactly as stored
    editor.boxes["vi"].setChecked(True)
    assert editor.value() == "ja,ko,vi"


# --- 6 loan fields that apply to the interest model -----------------------------------------------------
def _choose(dialog: RecordDialog, name: str, key: str) -> None:
    combo = dialog.editors[name].combo  # type: ignore[attr-defined]
    combo.setCurrentIndex(combo.findData(key))


def test_loan_dialog_shows_only_the_fields_of_the_interest_model(qtbot, handbook):
    dialog = _record_dialog(qtbot, handbook, r.Loan, None)
    rate, term, schedule = (dialog.editors[n] for n in ("monthly_rate", "term_months", "schedule"))
    assert dialog.editors["interest_model"].value() == "none"
    assert not rate.isVisible() and not schedule.isVisible() and term.isVisible()
    assert not dialog.labels["monthly_rate"].isVisible()
    _choose(dialog, "interest_model", "declining")
    assert rate.isVisible() and term.isVisible() and not schedule.isVisible()
    rate.edit.setText("0.8")
    _choose(dialog, "interest_model", "none")
    assert not rate.isVisible()
    _choose(dialog, "interest_model", "declining")
    assert rate.isVisible() and rate.edit.text() == "0.8"  # nothing typed is lost
    _choose(dialog, "interest_model", "schedule")
    assert schedule.isVisible() and not rate.isVisible() and not term.isVisible()


def test_loan_saved_without_interest_ignores_a_hidden_rate(qtbot, handbook):
    dialog = _record_dialog(qtbot, handbook, r.Loan, None)
    dialog.editors["lender"].edit.setText("Bác Hùng")
    dialog.editors["principal"].edit.setText("50,000,000")
    _choose(dialog, "interest_model", "declining")
    dialog.editors["monthly_rate"].edit.setText("abc")  # would be an error if it applied
    _choose(dialog, "interest_model", "none")
    dialog.save_button.click()
    assert dialog.errors() == {}
    loan = handbook.records(r.Loan)[0]
    assert loan.interest_model == "none" and loan.monthly_rate == Decimal(0)


# --- 7 CSV import: the currency paid follows the loan ---------------------------------------------------
def test_csv_repayments_currency_follows_the_loan_until_chosen(qtbot, handbook):
    vnd = handbook.add(r.Loan(lender="Agribank", principal=Money(190_000_000, "VND"),
                              start=dt.date(2024, 1, 1))).record
    jpy = handbook.add(r.Loan(lender="Senpai", principal=Money(100_000, "JPY"), start=dt.date(2025, 1, 1))).record
    dialog = _open(qtbot, CsvImportDialog(_context(handbook), "repayment"))
    assert dialog.selected_loan().id == vnd.id
    assert dialog.paid_currency.currentData() == "VND"
    dialog.loan.setCurrentIndex(dialog.loan.findData(jpy.id))
    assert dialog.paid_currency.currentData() == "JPY"
    dialog.load_bytes(b"date,amount\n2025-02-28,\"10,000\"\n", "repay.csv")
    assert dialog.settings().paid_currency == "JPY"
    # the user picks a currency: it stays when the loan changes
    dialog.paid_currency.setCurrentIndex(dialog.paid_currency.findData("USD"))
    dialog.loan.setCurrentIndex(dialog.loan.findData(vnd.id))
    assert dialog.paid_currency.currentData() == "USD"
    dialog.reject()


def test_csv_repayments_from_a_vnd_statement_import_as_vnd(qtbot, handbook):
    handbook.add(r.Loan(lender="Agribank", principal=Money(190_000_000, "VND"), start=dt.date(2024, 1, 1)))
    dialog = _open(qtbot, CsvImportDialog(_context(handbook), "repayment"))
    dialog.number_style.setCurrentIndex(dialog.number_style.findData("vi"))
    dialog.date_order.setCurrentIndex(dialog.date_order.findData("DMY"))
    dialog.load_bytes("Ngày,Số tiền\n28/02/2025,6.500.000\n".encode(), "tra-no.csv")
    assert dialog.plan is not None and len(dialog.plan.records) == 1 and not dialog.plan.rejected
    assert dialog.plan.records[0].paid == Money(6_500_000, "VND")
    dialog.reject()


# --- 8 the month shown the locale's way, ISO still accepted --------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_month_editor_shows_the_lists_month_and_reads_it_back(qtbot, lang: str):
    set_locale(lang)
    editor = MonthEditor()
    qtbot.addWidget(editor)
    month = dt.date(2026, 9, 1)
    editor.set_value(month)
    assert editor.text() == format_month(month)  # as the lists write it: thg 9 2026, 2026年9月, Sep 2026
    assert editor.value() == month
    for typed in ("2026-09", "9/2026", "2026/9", "2026年9月", "thg 9 2026", "Tháng 09/2026", "Sep 2026",
                  "September 2026"):
        editor.edit.setText(typed)
        assert editor.value() == month, typed


def test_month_editor_follows_a_language_switch(qtbot):
    set_locale("vi")
    editor = MonthEditor()
    qtbot.addWidget(editor)
    editor.set_value(dt.date(2026, 9, 1))
    set_locale("ja")
    editor.retranslate()
    assert editor.text() == "2026年9月"


def test_payslip_month_in_the_dialog_is_the_lists_month(qtbot, demo, tmp_path: Path):
    set_locale("ja")
    payslip = demo.records(r.Payslip)[0]
    dialog = _record_dialog(qtbot, demo, r.Payslip, payslip)
    assert dialog.editors["month"].text() == format_month(payslip.month)
    dialog.save_button.click()  # unchanged: saves nothing, no error
    assert dialog.errors() == {}


def test_loan_switched_to_no_interest_is_saved_without_the_old_rate(qtbot, handbook):
    loan = handbook.add(r.Loan(lender="Agribank", principal=Money(190_000_000, "VND"), start=dt.date(2024, 1, 1),
                               interest_model="declining", monthly_rate=Decimal("0.008"), term_months=36)).record
    dialog = _record_dialog(qtbot, handbook, r.Loan, loan)
    assert dialog.editors["monthly_rate"].isVisible()
    _choose(dialog, "interest_model", "none")
    dialog.save_button.click()
    assert dialog.errors() == {}
    saved = handbook.record(r.Loan, loan.id)
    assert saved.interest_model == "none" and saved.monthly_rate == 0 and saved.term_months == 36
