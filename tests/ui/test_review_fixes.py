"""Fixes from the hands-on UX review (/tmp/review/ux.md): each test names the finding it covers."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from handbook_app.core import records as r
from handbook_app.core.money import Money
from handbook_app.i18n import set_locale
from handbook_app.services import session
from handbook_app.services.errors import VaultError
from handbook_app.services.reports import ReportResult
from handbook_app.ui.dialogs.history_dialog import HistoryDialog, _when
from handbook_app.ui.dialogs.passphrase_dialog import ChangePassphraseDialog
from handbook_app.ui.widgets.money_edit import MoneyEdit
from handbook_app.ui.widgets.record_list import elide
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock
from tests.ui.test_flows import fill, panel

NEW_PASSPHRASE = "bốn con mèo đen"


def ok(dialog):
    return dialog.buttons.button(dialog.buttons.StandardButton.Ok)


# --- #1 a huge amount, and any unexpected error, shows in the dialog ----------------------------------
def test_huge_amount_shows_inline_and_dialog_stays_open(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    pnl = panel(window, "remittances", "remittances")
    pnl.add_button.click()
    dialog = pnl.dialog
    fill(dialog, {"sent": "99999999999999999999", "received": "1"})
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "sent" in dialog.errors()
    assert dialog.editors["sent"].text() == "99999999999999999999"  # nothing typed is lost
    assert window.context.handbook.records(r.Remittance) == []


def test_unexpected_error_on_save_is_shown_not_swallowed(qtbot, window, closed_vault: Path, monkeypatch):
    unlock(qtbot, window, closed_vault)
    pnl = panel(window, "remittances", "remittances")
    pnl.add_button.click()
    dialog = pnl.dialog
    fill(dialog, {"sent": "100", "received": "1"})

    def boom(_record):
        raise OverflowError("Python int too large to convert to SQLite INTEGER")

    monkeypatch.setattr(window.context.handbook, "add", boom)
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "too large" in dialog.errors()[""]
    assert dialog.editors["sent"].text() == "100"


# --- #2 My details ---------------------------------------------------------------------------------
def test_my_details_from_home_sets_the_greeting(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    home = window.workspace.show_key("home")
    assert "Lan" not in home.greeting.text()
    home.profile_button.click()
    dialog = home.profile_dialog
    assert dialog is not None and dialog.isVisible() and dialog.cls is r.Profile
    fill(dialog, {"display_name": "Lan", "full_name": "Trần Thị Lan", "birth_date": "2002-03-04",
                  "home_province": "Nghệ An"})
    dialog.save_button.click()
    assert dialog.errors() == {}
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert "Lan" in home.greeting.text()
    profile = window.context.handbook.profile()
    assert profile.full_name == "Trần Thị Lan" and profile.birth_date == dt.date(2002, 3, 4)

    settings = window.workspace.show_key("settings")
    settings.profile_button.click()
    again = settings.profile_dialog
    assert again.editors["display_name"].text() == "Lan"  # edits the one profile, not a second one
    fill(again, {"display_name": "Lan Anh"})
    again.save_button.click()
    qtbot.waitUntil(lambda: not again.isVisible())
    assert len(window.context.handbook.records(r.Profile)) == 1
    window.workspace.show_key("home")
    assert "Lan Anh" in home.greeting.text()


# --- #3 #25 weak passphrases refused, red bar, the dialog grows ---------------------------------------
def test_create_refuses_weak_passphrase_and_colours_the_bar(qtbot, window, tmp_path: Path):
    window.start.create_button.click()
    dialog = window.create_dialog
    dialog.path.setText(str(tmp_path / "a.vault"))
    dialog.passphrase.first.setText("abc")
    dialog.passphrase.second.setText("abc")
    bar = dialog.passphrase.strength
    from handbook_app.ui.palette import tone

    assert bar.value() > 0 and tone("strength0") in bar.styleSheet()  # very weak: a visible red bar
    assert QColor(tone("strength0")).hue() in range(0, 15)  # red (light or deep with the palette)
    height = dialog.height()
    ok(dialog).click()
    assert dialog.isVisible() and dialog.passphrase.error_label.isVisibleTo(dialog)
    assert "8" in dialog.passphrase.error_label.text()
    assert dialog.height() >= height
    error = dialog.passphrase.error_label
    assert error.geometry().bottom() <= dialog.passphrase.height()  # shown inside, not clipped
    assert window.context.handbook is None and not (tmp_path / "a.vault").exists()
    dialog.passphrase.first.setText("aaaaaaaaaa")
    dialog.passphrase.second.setText("aaaaaaaaaa")
    ok(dialog).click()
    assert dialog.isVisible() and "guess" in dialog.passphrase.error_label.text()
    dialog.reject()


# --- #4 change passphrase asks for the current one -------------------------------------------------
def test_change_passphrase_needs_the_current_one(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    dialog = window.change_passphrase()
    assert isinstance(dialog, ChangePassphraseDialog) and dialog.isVisible()
    assert dialog.current.geometry().top() < dialog.fields.geometry().top()  # current first
    dialog.current.setText("not the passphrase")
    dialog.fields.first.setText(NEW_PASSPHRASE)
    dialog.fields.second.setText(NEW_PASSPHRASE)
    ok(dialog).click()
    qtbot.waitUntil(lambda: dialog.current_error.isVisibleTo(dialog), timeout=10_000)
    assert dialog.isVisible() and "Nothing was changed" in dialog.current_error.text()
    window.lock("manual")
    unlock(qtbot, window, closed_vault)  # the old passphrase still opens it

    dialog = window.change_passphrase()
    dialog.current.setText(PASSPHRASE)
    dialog.fields.first.setText("x")
    dialog.fields.second.setText("x")
    ok(dialog).click()
    assert dialog.isVisible() and dialog.fields.error_label.isVisibleTo(dialog)  # weak new one refused
    dialog.fields.first.setText(NEW_PASSPHRASE)
    dialog.fields.second.setText(NEW_PASSPHRASE)
    from tests.ui.conftest import answer_next_box

    seen: list[str] = []
    answer_next_box("OK", seen)
    ok(dialog).click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    window.lock("manual")
    unlock(qtbot, window, closed_vault, NEW_PASSPHRASE)


# --- #5 a language switch re-formats what was typed ------------------------------------------------
def test_language_switch_reformats_money_and_dates(qtbot, window, closed_vault: Path):
    set_locale("vi")
    unlock(qtbot, window, closed_vault)
    pnl = panel(window, "contract", "payslips")
    pnl.add_button.click()
    dialog = pnl.dialog
    fill(dialog, {"month": "2026-10", "gross": "245.100", "net": "190.000", "paid_on": "25/11/2026",
                  "regular_hours": "160,5"})
    dialog.editors["deductions"].edits["housing"].setText("20.000")
    window.set_language("ja")
    assert dialog.editors["gross"].text() == "245,100"
    assert dialog.editors["net"].text() == "190,000"
    assert dialog.editors["paid_on"].text() == "2026/11/25"
    assert dialog.editors["regular_hours"].text() == "160.5"
    assert dialog.editors["deductions"].edits["housing"].text() == "20,000"
    dialog.save_button.click()
    assert dialog.errors() == {}, dialog.errors()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    slip = window.context.handbook.records(r.Payslip)[0]
    assert slip.gross == Money(245100, "JPY") and slip.paid_on == dt.date(2026, 11, 25)
    assert slip.deductions == {"housing": 20000}


def test_language_switch_leaves_unreadable_text_as_typed(qtbot, window, closed_vault: Path):
    set_locale("vi")
    unlock(qtbot, window, closed_vault)
    pnl = panel(window, "remittances", "remittances")
    pnl.add_button.click()
    dialog = pnl.dialog
    fill(dialog, {"sent": "12abc", "date": "31/02/2026"})
    window.set_language("ja")
    assert dialog.editors["sent"].text() == "12abc"
    assert dialog.editors["date"].text() == "31/02/2026"
    dialog.reject()


# --- #6 the support worker is still credited after a lock; forgotten after quick exit -----------------
def test_actor_kept_after_lock_in_memory_and_forgotten_after_quick_exit(qtbot, window, closed_vault: Path):
    window.open_unlock(closed_vault)
    picker = window.unlock_screen.actor_picker
    picker.support.setChecked(True)
    picker.name.setText("田中 由紀")
    picker.organisation.setText("NPO ひまわり")
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: window.context.handbook is not None, timeout=10_000)
    for reason in ("manual", "auto"):
        window.lock(reason)
        assert picker.support.isChecked() and picker.name.text() == "田中 由紀"
        assert picker.organisation.text() == "NPO ひまわり"
        window.unlock_screen.passphrase.setText(PASSPHRASE)
        window.unlock_screen.unlock_button.click()
        qtbot.waitUntil(lambda: window.context.handbook is not None, timeout=10_000)
        assert window.context.handbook.actor == r.Actor("support", "田中 由紀", "NPO ひまわり")
    store = window.settings.store
    store.sync()
    assert "田中" not in "".join(str(store.value(k)) for k in store.allKeys())  # memory only
    window.quick_exit()
    window.open_unlock(closed_vault)
    assert picker.trainee.isChecked() and picker.name.text() == ""


# --- #7 #9 the create dialog checks the path and never loses what was typed -----------------------------
def test_create_dialog_checks_the_path_inline(qtbot, window, tmp_path: Path):
    existing = tmp_path / "old.vault"
    existing.write_bytes(b"x")
    window.start.create_button.click()
    dialog = window.create_dialog
    dialog.passphrase.first.setText(NEW_PASSPHRASE)
    dialog.passphrase.second.setText(NEW_PASSPHRASE)
    messages = {}
    for key, path in (("exists", existing), ("folder", tmp_path), ("nofolder", tmp_path / "nope" / "x.vault")):
        dialog.path.setText(str(path))
        ok(dialog).click()
        assert dialog.isVisible() and dialog.path_error.isVisibleTo(dialog), key
        messages[key] = dialog.path_error.text()
    assert len(set(messages.values())) == 3  # a folder is not called "a file that exists"
    assert "nope" in messages["nofolder"]
    dialog.path.setText(str(tmp_path / "ghichep"))
    ok(dialog).click()
    qtbot.waitUntil(lambda: window.context.handbook is not None, timeout=10_000)
    assert (tmp_path / "ghichep.vault").is_file()


def test_failed_create_reopens_the_dialog_filled_in(qtbot, window, tmp_path: Path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise VaultError("The disk is full.")

    monkeypatch.setattr(session, "create", refuse)
    window.start.create_button.click()
    dialog = window.create_dialog
    dialog.path.setText(str(tmp_path / "mine.vault"))
    dialog.passphrase.first.setText(NEW_PASSPHRASE)
    dialog.passphrase.second.setText(NEW_PASSPHRASE)
    dialog.actor_picker.support.setChecked(True)
    dialog.actor_picker.name.setText("Yuki")
    ok(dialog).click()
    qtbot.waitUntil(lambda: window.create_dialog is not dialog and window.create_dialog.isVisible(), timeout=10_000)
    again = window.create_dialog
    assert again.path.text() == str(tmp_path / "mine.vault")
    assert again.actor_picker.support.isChecked() and again.actor_picker.name.text() == "Yuki"
    assert "disk is full" in again.path_error.text() and again.path_error.isVisibleTo(again)
    again.reject()


# --- #33 the banner after creating ---------------------------------------------------------------
def test_banner_after_create_says_created(qtbot, window, tmp_path: Path):
    window.start.create_button.click()
    dialog = window.create_dialog
    dialog.path.setText(str(tmp_path / "n.vault"))
    dialog.passphrase.first.setText(NEW_PASSPHRASE)
    dialog.passphrase.second.setText(NEW_PASSPHRASE)
    ok(dialog).click()
    qtbot.waitUntil(lambda: window.context.handbook is not None, timeout=10_000)
    text = window.workspace.banner_label.text()
    assert "created" in text and "failed" not in text


# --- #13 #15 #20 #22 record dialog details --------------------------------------------------------
def test_payslip_dialog_details(qtbot, window, closed_vault: Path):
    hb = session.unlock(closed_vault, PASSPHRASE)[0]
    today = dt.date.today()
    hb.add(r.Contract(employer="Old", start=dt.date(2020, 1, 1), end=dt.date(2021, 1, 1)))
    current = hb.add(r.Contract(employer="Now", start=today.replace(day=1) - dt.timedelta(days=40),
                                end=today + dt.timedelta(days=400))).ids[0]
    hb.lock()
    unlock(qtbot, window, closed_vault)
    pnl = panel(window, "contract", "payslips")
    pnl.add_button.click()
    dialog = pnl.dialog
    assert dialog.editors["contract_id"].value() == current  # #15
    gross = dialog.editors["gross"]
    assert isinstance(gross, MoneyEdit) and not gross.currency_box.isVisibleTo(dialog)  # #22
    assert gross.currency() == "JPY"
    dialog.save_button.click()
    assert dialog.errors()["month"] == "This field is required."  # #13
    dialog.reject()
    contract_panel = panel(window, "contract", "contracts")
    contract_panel.add_button.click()
    assert not contract_panel.dialog.editors["wage"].currency_box.isVisibleTo(contract_panel.dialog)
    contract_panel.dialog.reject()


def test_only_contract_is_preselected(qtbot, window, closed_vault: Path):
    hb = session.unlock(closed_vault, PASSPHRASE)[0]
    only = hb.add(r.Contract(employer="Only")).ids[0]
    hb.lock()
    unlock(qtbot, window, closed_vault)
    pnl = panel(window, "contract", "payslips")
    pnl.add_button.click()
    assert pnl.dialog.editors["contract_id"].value() == only
    pnl.dialog.reject()


def test_new_record_attachments_collapsed_until_saved(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    pnl = panel(window, "incidents", "incidents")
    pnl.add_button.click()
    dialog = pnl.dialog
    assert not dialog.attachments_box.isVisibleTo(dialog)
    assert dialog.save_first_button.isVisibleTo(dialog)
    fill(dialog, {"title": "Giữ hộ chiếu"})
    dialog.save_first_button.click()
    assert dialog.attachments_box.isVisibleTo(dialog) and not dialog.save_first_button.isVisibleTo(dialog)
    dialog.reject()


# --- #21 #30 history lists attachments, four-digit years -------------------------------------------
def test_history_lists_attachments_with_four_digit_years(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    hb = window.context.handbook
    incident = hb.add(r.Incident(title="Nứt tường")).record
    hb.add_attachment(incident, io.BytesIO(b"photo bytes"), "wall.png")
    attachment = hb.attachments(incident)[0]
    hb.delete(r.Attachment, attachment.id)
    dialog = HistoryDialog(window.context, r.Incident, incident.id, window)
    rows = dialog.rows()
    attachment_rows = [row for row in rows if "wall.png" in row[-1]]
    assert [row[2] for row in attachment_rows] == ["Attachment added", "Attachment removed"]
    assert attachment.sha256 in attachment_rows[0][-1]
    year = str(dt.date.today().year)
    assert all(year in row[0] for row in rows)
    assert "2026" in _when("2026-11-27T04:59:00+00:00")
    dialog.reject()


# --- #17 #18 neutral screen and unlock messages ------------------------------------------------------
def test_neutral_screen_hides_the_status_bar(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    window.quick_exit()
    assert window.pages.currentWidget() is window.neutral
    assert not window.language_box.isVisibleTo(window) and not window.quick_button.isVisibleTo(window)
    window.neutral.continue_requested.emit()
    assert window.language_box.isVisibleTo(window) and window.quick_button.isVisibleTo(window)


def test_unlock_clears_a_stale_error(qtbot, window, closed_vault: Path):
    window.open_unlock(closed_vault)
    screen = window.unlock_screen
    screen.show_error("The passphrase is wrong or the file is not a vault.")
    screen.passphrase.setText("something")
    screen.actor_picker.support.setChecked(True)
    screen.unlock_button.click()
    assert not screen.message.isVisibleTo(screen)
    assert screen.actor_picker.error_label.isVisibleTo(screen)


# --- #19 reports: a saved file with a password says so ---------------------------------------------
def test_reports_status_says_the_file_is_protected(qtbot, window, closed_vault: Path, tmp_path: Path):
    unlock(qtbot, window, closed_vault)
    screen = window.workspace.show_key("reports")
    screen._saving_protected = True
    screen._saved(ReportResult(tmp_path / "x.pdf", "ab" * 32, 3, ()))
    assert "protected with the password" in screen.status.text()
    screen._saved(ReportResult(tmp_path / "y.pdf", "ab" * 32, 3, ()))
    assert "protected with the password" not in screen.status.text()


# --- #29 #31 -----------------------------------------------------------------------------------------
def test_delete_label_is_elided():
    assert len(elide("x" * 1600)) == 80 and elide("x" * 1600).endswith("…")
    assert elide("short\ntitle") == "short title"


@pytest.mark.parametrize("lang", ["vi", "ja"])
def test_selfcheck_says_not_saved_once(qtbot, lang):
    from handbook_app.ui.dialogs.selfcheck_dialog import SelfCheckDialog

    set_locale(lang)
    dialog = SelfCheckDialog()
    qtbot.addWidget(dialog)
    assert not hasattr(dialog, "privacy")
    QApplication.processEvents()


# --- issue 16 #14: the meter uses the services' policy and explains its rating -------------------------
@pytest.mark.parametrize("weak", ["Password123!", "Matkhau@2024"])
def test_strength_meter_rates_common_patterns_weak_and_says_why(qtbot, window, tmp_path: Path, weak):
    window.start.create_button.click()
    dialog = window.create_dialog
    dialog.passphrase.first.setText(weak)
    assert dialog.passphrase.score() <= 1 and dialog.passphrase.strength.format() in ("Very weak", "Weak")
    why = dialog.passphrase.why
    assert why.isVisibleTo(dialog) and "try first" in why.text()
    dialog.passphrase.first.setText("cơm tấm sườn bì chả 7 giờ")
    assert dialog.passphrase.score() >= 3 and "Hard to guess" in why.text()
    dialog.reject()
