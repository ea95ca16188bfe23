"""Updating facts from a file in the app: a payslip of November 2026 is checked against the new minimum wage."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from handbook_app.content.build import build_pack
from handbook_app.content.keys import PublisherKey
from handbook_app.core.money import Money
from handbook_app.core.records import Contract, Payslip
from handbook_app.i18n import set_locale
from handbook_app.services.work import review_payslips
from tests.content.conftest import fy2026_rows, write_info  # noqa: F401  (fixtures below reuse them)
from tests.ui.conftest import answer_next_box, unlock

TOKYO = 13


@pytest.fixture
def trusted_pack(tmp_path, monkeypatch):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from handbook_app.resources import bundled_facts_root

    key = Ed25519PrivateKey.generate()
    monkeypatch.setattr("handbook_app.content.pack.trusted_keys", lambda: (PublisherKey("t", key.public_key()),))
    monkeypatch.setenv("HANDBOOK_DATA_DIR", str(tmp_path / "appdata"))
    folder = tmp_path / "publisher"
    (folder / "data").mkdir(parents=True)
    table = (bundled_facts_root() / "data" / "minimum_wage.csv").read_text(encoding="utf-8")
    (folder / "data" / "minimum_wage.csv").write_text(fy2026_rows(table), encoding="utf-8")
    write_info(folder, version=1)
    pack = tmp_path / "update.thpack"
    build_pack(folder, pack, key)
    yield pack
    from handbook_app.content.store import forget_loaded_facts
    from handbook_app.resources import use_facts

    use_facts(None)
    forget_loaded_facts()


def november_payslip(handbook) -> None:
    """Tokyo, hourly, 160 h paid at FY2025's ¥1,226: above the old minimum, below FY2026's ¥1,286 (test pack)."""
    handbook.add(Contract(employer="Example KK", prefecture=TOKYO, start=dt.date(2026, 1, 1),
                          end=dt.date(2028, 12, 31), wage_kind="hourly", wage=Money(1226, "JPY"),
                          hours_per_month=Decimal("160")))
    pay = Money(1226 * 160, "JPY")
    handbook.add(Payslip(month=dt.date(2026, 11, 1), regular_hours=Decimal("160"), base_pay=pay, gross=pay, net=pay))


def drop(window, path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_dropping_a_pack_shows_changes_installs_and_rechecks_november(qtbot, window, closed_vault, trusted_pack):
    set_locale("en")
    unlock(qtbot, window, closed_vault)
    handbook = window.context.handbook
    november_payslip(handbook)
    assert not review_payslips(handbook)[0].flagged  # no FY2026 row: not a shortfall before the update

    drop(window, trusted_pack)
    dialog = next(d for d in window.context.open_dialogs() if d.objectName() == "factsUpdateDialog")
    assert "minimum wages for 47 prefectures from October 2026" in dialog.body.text()
    assert "Example Union" in dialog.heading.text()
    seen: list[str] = []
    answer_next_box("OK", seen)
    dialog.install_button.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)

    assert "org.example.union 1" in seen[0]
    assert "1 month now shows a shortfall with the new facts." in seen[0]
    review = review_payslips(handbook)[0]
    assert review.flagged and review.shortfall_yen == (1286 - 1226) * 160  # 60 yen × 160 h
    home = window.workspace.show_key("home")  # said once on Home, until closed
    assert home.facts_note.isVisible()
    assert "1 month now shows a shortfall with the new facts." in home.facts_note.text.text()
    home.facts_note.close_button.click()
    assert not home.facts_note.isVisible()


def test_a_foreign_file_is_one_sentence_and_no_install_button(qtbot, window, tmp_path, trusted_pack):
    set_locale("vi")
    junk = tmp_path / "not-facts.thpack"
    junk.write_bytes(b"hello")
    drop(window, junk)
    dialog = next(d for d in window.context.open_dialogs() if d.objectName() == "factsUpdateDialog")
    assert dialog.install_button.isHidden()
    assert "not-facts.thpack" in dialog.body.text() and "is not a facts update file" not in dialog.body.text()
    dialog.reject()


def test_about_names_the_facts_in_use(qtbot, window, trusted_pack):
    from handbook_app.services.content import facts_store
    from handbook_app.ui.dialogs.about_dialog import AboutDialog

    set_locale("en")
    assert "Trainee Handbook (2026-12-05)" in AboutDialog(window).text.text()
    facts_store().install(trusted_pack)
    about = AboutDialog(window)
    qtbot.addWidget(about)
    assert "Facts (guide, contacts, minimum wages, fee limits): org.example.union 1 (2026-12-20)" in about.text.text()


def test_the_guide_reloads_and_names_the_facts_at_the_foot_of_each_article(qtbot, window, closed_vault, tmp_path,
                                                                          monkeypatch, trusted_pack):
    from handbook_app.services.content import facts_store
    from handbook_app.ui.facts_updates import _announce

    set_locale("en")
    unlock(qtbot, window, closed_vault)
    guide = window.workspace.show_key("guide")
    guide.open_article("wages-minimum-wage")
    assert "(bundled with the program)" in guide.primary_view.toPlainText()

    before = guide.guide
    info, _changes = facts_store().install(trusted_pack)
    _announce(window.context, info)
    assert guide.guide is not before  # read again from the installed facts
    assert guide.current_slug == "wages-minimum-wage"
    assert "Facts as of Dec 20, 2026 (update org.example.union 1)" in guide.primary_view.toPlainText()
    assert guide.guide.has("wages-minimum-wage", "vi")


def test_the_pdf_checks_november_against_the_new_rate_and_names_the_facts(handbook, tmp_path, trusted_pack):
    from pypdf import PdfReader

    from handbook_app.reports.model import ReportOptions
    from handbook_app.services import reports
    from handbook_app.services.content import facts_store

    november_payslip(handbook)

    def statement(name: str) -> str:
        dest = tmp_path / name
        reports.export_report(handbook, "shortfall", dest, ReportOptions(langs=("en", "ja")))
        return "".join((p.extract_text() or "") for p in PdfReader(dest).pages).replace("\n", " ")

    before = statement("before.pdf")
    assert "¥9,600" not in before and "Trainee Handbook (2026-12-05)" in before  # checked only against FY2025
    facts_store().install(trusted_pack)
    after = statement("after.pdf")
    assert "¥9,600" in after  # (1,286 − 1,226) yen × 160 hours at the installed FY2026 rate
    assert "org.example.union 1 (2026-12-20)" in after
