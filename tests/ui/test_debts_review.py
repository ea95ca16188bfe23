"""Debts review (screenshots of the demo vault): what a trainee sees on Debts, Remittances, the timeline and
Reports after the fixes — offscreen, real widgets. Each test names the finding it covers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from handbook_app.core import records as r
from handbook_app.core.money import Money
from handbook_app.i18n import _
from handbook_app.i18n.formatting import format_date, format_money
from handbook_app.ui.widgets.table_fit import ColumnFitter, WrappingHeader
from tests.ui.conftest import unlock

AGRIBANK = "Agribank – chi nhánh Diễn Châu, Nghệ An"


def _settle(qtbot, rounds: int = 3) -> None:
    for _round in range(rounds):  # fits run on zero timers after each resize
        QApplication.processEvents()
        qtbot.wait(20)


def _open(qtbot, window, demo_path: Path, lang: str = "en", size: tuple[int, int] = (1280, 800)):
    window.resize(*size)
    window.set_language(lang)
    unlock(qtbot, window, demo_path)
    _settle(qtbot)


def _full_rows(table: QTableView) -> int:
    """Rows the user sees whole, without scrolling."""
    height = table.viewport().height()
    model = table.model()
    return sum(1 for row in range(model.rowCount())
               if table.rowViewportPosition(row) >= 0
               and table.rowViewportPosition(row) + table.rowHeight(row) <= height)


# --- 1. Agribank: nothing paid since April, the balance growing — no payoff month ---------------------------
def test_a_loan_with_no_recent_payment_says_so_and_claims_no_payoff_month(qtbot, window, demo_path: Path):
    _open(qtbot, window, demo_path)
    overview = window.workspace.show_key("debts").overview
    model = overview.model
    row = next(i for i in range(model.rowCount()) if model.row_at(i).view.loan.lender == AGRIBANK)
    assert model.text(row, model.PACE) == "None in the last 6 months"  # was blank
    assert model.text(row, model.PAYOFF) == "Never, at this pace"  # was "Feb 2027", out of reach at 0 ₫ a month
    tip = model.data(model.index(row, model.PACE), Qt.ItemDataRole.ToolTipRole)
    assert "Last payment on this loan: " + format_date(dt.date(2026, 4, 28)) in tip
    assert model.foreground(row, model.PACE) is not None  # shown in red, like the payoff
    # and the warning names it
    assert AGRIBANK in overview.banner.text() and overview.banner.isVisibleTo(overview)


# --- 2. the debt-trap banner: a lender name with commas stays one name; Japanese lists with 「、」 ----------
@pytest.mark.parametrize(("lang", "names"), [
    ("en", f"“{AGRIBANK}” and “Bác Hùng”"),
    ("vi", f"“{AGRIBANK}” và “Bác Hùng”"),
    ("ja", f"「{AGRIBANK}」、「Bác Hùng」"),
])
def test_the_debt_trap_banner_lists_lenders_unambiguously(qtbot, window, demo_path: Path, lang: str, names: str):
    _open(qtbot, window, demo_path, lang)
    banner = window.workspace.show_key("debts").overview.banner
    assert names in banner.text()
    assert f"{AGRIBANK}, Bác Hùng" not in banner.text()


# --- 3. Japanese sentences follow 「。」 without a space ---------------------------------------------------
def test_plan_payments_budget_message_in_japanese_has_no_space_after_the_full_stop(qtbot, window,
                                                                                     demo_path: Path):
    _open(qtbot, window, demo_path, "ja")
    debts = window.workspace.show_key("debts")
    debts.open_projection()
    dialog = debts.dialog
    dialog.tabs.setCurrentIndex(1)
    dialog.budget.set_currency("JPY")
    for cur, editor in dialog.rate_edits.items():  # the suggested rate may be empty on a fresh vault
        if cur != "JPY" and not editor.text():
            editor.edit.setText("170")
    dialog.budget.set_value(Money(30_000, "JPY"))
    _settle(qtbot)
    text = dialog.budget_result.text()
    assert dialog.budget_projection is not None and dialog.budget_projection.debt_trap, text
    assert "。" in text and "。 " not in text
    dialog.reject()


# --- 4. the recruitment-fee tab has room for the fee list and the comparison ----------------------------
@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_the_recruitment_fee_tab_shows_the_fees_and_the_comparison(qtbot, window, demo_path: Path, size):
    _open(qtbot, window, demo_path, "vi", size)
    debts = window.workspace.show_key("debts")
    debts.tabs.setCurrentIndex(2)
    _settle(qtbot, 5)
    assert window.height() == size[1]  # the window did not have to grow
    assert _full_rows(debts.fees.table) >= 5, size  # was 1–1.5
    assert _full_rows(debts.fee_report.table) >= 3, size  # every finding of the demo (was 1–2)
    assert not debts.overview.table.isVisibleTo(debts)  # the loan table and chart make way...
    assert debts.overview.banner.isVisibleTo(debts)  # ...the warning and the totals stay
    debts.tabs.setCurrentIndex(0)
    _settle(qtbot)
    assert debts.overview.table.isVisibleTo(debts) and debts.overview.table.height() > 100  # back as it was


# --- 5. fee sources in the trainee's language ---------------------------------------------------------
@pytest.mark.parametrize(("lang", "start"), [("vi", "Luật 69/2020/QH14"), ("ja", "ベトナム法 69/2020/QH14")])
def test_fee_sources_are_shown_in_the_users_language(qtbot, window, demo_path: Path, lang: str, start: str):
    _open(qtbot, window, demo_path, lang)
    report = window.workspace.show_key("debts").fee_report
    model = report.model
    sources = [model.text(row, model.SOURCE) for row in range(model.rowCount())]
    assert any(s.startswith(start) for s in sources), sources
    for english in ("in force", "summary by", "as summarised by", "Memorandum of Cooperation"):
        assert not any(english in s for s in sources), (english, sources)
    window.set_language("en")
    _settle(qtbot)
    assert any(model.text(row, model.SOURCE).startswith("Law 69/2020/QH14") for row in range(model.rowCount()))


# --- 6. a number column never takes the spare width -----------------------------------------------------
def _right_edge(table: QTableView) -> int:
    header = table.horizontalHeader()
    last = max(c for c in range(table.model().columnCount()) if not header.isSectionHidden(c))
    return header.sectionViewportPosition(last) + header.sectionSize(last)


def test_the_statement_keeps_its_figures_together(qtbot, window, demo_path: Path):
    _open(qtbot, window, demo_path, "ja")
    debts = window.workspace.show_key("debts")
    debts.open_statement()
    dialog = debts.dialog
    _settle(qtbot)
    table, model = dialog.table, dialog.model
    closing = model.CLOSING
    assert table.columnWidth(closing) >= table.sizeHintForColumn(closing)  # the figure is whole...
    assert table.columnWidth(closing) < table.sizeHintForColumn(closing) + 40  # ...and not 500 px wide
    assert _right_edge(table) < table.viewport().width() - 100  # the spare width stays at the right
    dialog.reject()


def test_the_remittance_totals_keep_the_rate_beside_the_other_figures(qtbot, window, demo_path: Path):
    _open(qtbot, window, demo_path, "ja")
    screen = window.workspace.show_key("remittances")
    screen.tabs.setCurrentIndex(1)
    _settle(qtbot)
    table, model = screen.totals_table, screen.totals_model
    assert table.columnWidth(model.RATE) < table.sizeHintForColumn(model.RATE) + 40  # was ~600 px
    assert _right_edge(table) < table.viewport().width() - 100


def test_a_fitted_table_never_stretches_a_right_aligned_column(qtbot):
    model = QStandardItemModel(1, 3)
    for column, (text, right) in enumerate((("Jan 2026", False), ("₫1,000", True), ("₫2,000", True))):
        item = QStandardItem(text)
        if right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        model.setItem(0, column, item)
    table = QTableView()
    qtbot.addWidget(table)
    table.setHorizontalHeader(WrappingHeader(table))
    table.setModel(model)
    fitter = ColumnFitter(table)  # no stretch column chosen: the last one would take the rest...
    table.resize(800, 200)
    table.show()
    fitter.refit()
    _settle(qtbot)
    assert table.columnWidth(2) < 200  # ...but it holds a figure: the spare width stays empty
    widths = fitter.widths(700)
    assert sum(widths.values()) < 700


# --- 7. the timeline of everything: labelled filters; amounts say what they are ---------------------------
def test_the_timeline_filters_are_labelled_and_amounts_say_what_they_are(qtbot, window, demo_path: Path):
    _open(qtbot, window, demo_path)
    incidents = window.workspace.show_key("incidents")
    dialog = incidents.open_timeline(everything=True)
    _settle(qtbot)
    assert dialog.kind_label.text() == "Record type:" and dialog.kind_label.buddy() is dialog.kind
    assert dialog.kind.itemText(0) == "All record types"
    # incident-only filters are offered only when the list shows incidents
    assert not dialog.category.isVisibleTo(dialog) and not dialog.status.isVisibleTo(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("incident"))
    assert dialog.category.isVisibleTo(dialog) and dialog.category_label.text() == "Incident category:"
    assert dialog.status_label.text() == "Incident status:"
    assert dialog.category.itemText(0) == "All incident categories"
    assert {it.kind for it in dialog.model.items} == {"incident"}
    dialog.category.setCurrentIndex(1)
    dialog.kind.setCurrentIndex(0)  # back to everything: the hidden category no longer filters
    assert dialog.category.currentIndex() == 0 and len(dialog.model.items) == len(dialog.all_items)

    details = {}  # the first row of each kind
    for n, it in enumerate(dialog.model.items):
        details.setdefault(it.kind, (it, dialog.model.text(n, 3)))
    payslip, text = details.pop("payslip")
    assert text.startswith("Gross pay: " + format_money(payslip.amount.minor, "JPY"))  # was the bare amount
    details = {kind: text for kind, (_it, text) in details.items()}
    assert details["contract_start"].startswith("Wage: " + format_money(1027, "JPY") + " an hour")
    assert details["repayment"].startswith("Repaid: ") and details["remittance"].startswith("Sent: ")
    assert details["loan"].startswith("Borrowed: ")
    dialog.reject()


def test_a_monthly_wage_shows_per_month(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    window.context.handbook.add(r.Contract(employer="Sato", start=dt.date(2026, 1, 1), wage_kind="monthly",
                                           wage=Money(185_000, "JPY")))
    dialog = window.workspace.show_key("incidents").open_timeline(everything=True)
    _settle(qtbot)
    assert dialog.model.text(0, 3) == "Wage: " + format_money(185_000, "JPY") + " a month"
    dialog.reject()


def test_the_incident_timeline_keeps_its_incident_filters(qtbot, window, demo_path: Path):
    _open(qtbot, window, demo_path)
    dialog = window.workspace.show_key("incidents").open_timeline()
    assert not dialog.kind.isVisibleTo(dialog) and not dialog.kind_label.isVisibleTo(dialog)
    assert dialog.category.isVisibleTo(dialog) and dialog.status.isVisibleTo(dialog)
    dialog.reject()


# --- 8. the privacy note points at the record list by name, not "below" -----------------------------------
def test_the_privacy_note_names_the_record_list_instead_of_a_direction(qtbot, window, demo_path: Path):
    _open(qtbot, window, demo_path)
    reports = window.workspace.show_key("reports")
    note = reports.free_text_note.text()
    assert "below" not in note and "above" not in note
    assert f"“{_('Records in the report')}”" in note
    assert reports.records_group.title() == "Records in the report"


@pytest.mark.parametrize("lang", ["vi", "ja"])
def test_every_screen_fits_a_1366x768_laptop_with_a_taskbar(qtbot, window, demo_path: Path, lang: str):
    """768 px less a taskbar and a title bar leaves about 690 px: no screen may need more than that."""
    _open(qtbot, window, demo_path, lang, size=(1366, 690))
    for key in ("home", "contract", "debts", "remittances", "incidents", "guide", "reports", "settings"):
        window.workspace.show_key(key)
        _settle(qtbot)
        assert window.minimumSizeHint().height() <= 690, key
        assert window.height() <= 690, key
