"""Issue 11 in the app: the Home wage card, the hours-basis helper, a month that was not checked."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from handbook_app.core import records as r
from handbook_app.core.money import Money
from tests.ui.conftest import unlock
from tests.ui.test_flows import fill, panel
from tests.ui.test_work_records import AICHI, add


def _contract_and_two_payslips(qtbot, window) -> None:
    add(qtbot, window, "contract", "contracts", {
        "employer": "Yamada", "start": "2025-04-01", "end": "2028-03-31", "wage": "1,100"}, prefecture=AICHI)
    # November 2025 (Aichi 1,140): 160 h × 40 = 6,400 short. November 2026 (after the table): at least 6,400.
    for month in ("2025-11", "2026-11"):
        add(qtbot, window, "contract", "payslips", {
            "month": month, "regular_hours": "160", "base_pay": "176,000", "gross": "176,000", "net": "176,000"})


def test_home_wage_card_counts_months_not_fully_checked_apart(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    home = window.workspace.show_key("home")
    assert home.wage_card.value.text() == "No payslips yet"
    _contract_and_two_payslips(qtbot, window)
    home = window.workspace.show_key("home")
    home.refresh()
    assert home.wage_card.title.text() == "Unpaid wages (estimate)"
    assert home.wage_card.value.text() == "at least ¥12,800"
    detail = home.wage_card.detail.text()
    assert "2 of 2 months with a probable shortfall" in detail
    assert "1 month checked only against the last known minimum wage" in detail


def test_a_month_not_checked_never_reads_as_clean(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    hb = window.context.handbook
    # A monthly wage with no scheduled hours on the contract: not checked (the divisor is unknown).
    contract = hb.add(r.Contract(employer="X", prefecture=AICHI, start=dt.date(2025, 1, 1), wage_kind="monthly",
                                 wage=Money(190_000, "JPY"))).record
    window.context.notify(hb.add(r.Payslip(month=dt.date(2025, 11, 1), contract_id=contract.id,
                                           regular_hours=168, base_pay=Money(190_000, "JPY"),
                                           gross=Money(190_000, "JPY"), net=Money(190_000, "JPY"))))
    screen = window.workspace.show_key("contract")
    screen.tabs.setCurrentWidget(screen.payslips)
    assert screen.payslips.model.text(0, screen.payslips.model.CHECK) == "not checked"
    screen.payslips.select_row(0)
    text = screen.findings.toPlainText()
    assert "scheduled hours" in text and "No problem found" not in text
    assert "not checked" in screen.total.text()
    home = window.workspace.show_key("home")
    home.refresh()
    assert home.wage_card.value.text() == "Not checked"


def test_hours_basis_helper_fills_the_average_scheduled_hours(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    pnl = panel(window, "contract", "contracts")
    pnl.add_button.click()
    dialog = pnl.dialog
    helper = dialog.findChild(type(dialog.helpers[0]), "hoursBasis")
    assert not helper.use.isEnabled()
    fill(dialog, {"employer": "Y", "hours_per_day": "8", "days_per_year": "245"})
    # 8 × 245 ÷ 12 = 163.33
    assert "163.33" in helper.result.text() and helper.use.isEnabled()
    helper.use.click()
    assert dialog.editors["hours_per_month"].value() == Decimal("163.33")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    saved = window.context.handbook.records(r.Contract)[0]
    assert str(saved.hours_per_month) == "163.33" and str(saved.days_per_year) == "245"


def test_an_absurd_contract_figure_is_refused_beside_its_field(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    pnl = panel(window, "contract", "contracts")
    pnl.add_button.click()
    dialog = pnl.dialog
    fill(dialog, {"employer": "Y", "hours_per_month": "1633"})
    dialog.save_button.click()
    assert "hours_per_month" in dialog.errors() and dialog.isVisible()
    assert "Check this figure" in dialog.errors()["hours_per_month"]


def test_the_timeline_says_at_least_for_a_lower_bound_and_not_checked_for_an_unchecked_month(
        qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)
    _contract_and_two_payslips(qtbot, window)
    hb = window.context.handbook
    # a payslip from before the contract (none to compare with): nothing is claimed either way
    window.context.notify(hb.add(r.Payslip(month=dt.date(2025, 2, 1), regular_hours=160,
                                           base_pay=Money(176_000, "JPY"), gross=Money(176_000, "JPY"),
                                           net=Money(176_000, "JPY"))))
    screen = window.workspace.show_key("incidents")
    timeline = screen.open_timeline(everything=True)
    model = timeline.model
    titles = {it.end: model.text(row, 2) for row, it in enumerate(model.items) if it.kind == "payslip"}
    timeline.reject()
    assert titles[dt.date(2025, 11, 1)] == "Payslip for Nov 2025 — short ¥6,400"
    assert titles[dt.date(2026, 11, 1)] == "Payslip for Nov 2026 — short at least ¥6,400"
    assert titles[dt.date(2025, 2, 1)] == "Payslip for Feb 2025 — not checked"
