"""Debts and remittances through the real widgets: dialogs with live figures, the overview, projections,
CSV import and the charts (offscreen)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from PySide6.QtGui import QColor

from handbook_app.core import records as r
from handbook_app.core.charts import loan_balance_series, remittance_charts
from handbook_app.core.loans import LoanLedger
from handbook_app.core.money import Money
from handbook_app.core.projection import Plan, project_payoff
from handbook_app.i18n import _, set_locale
from handbook_app.i18n.formatting import format_money
from handbook_app.services.debts import loan_state_on
from handbook_app.ui.context import AppContext
from handbook_app.ui.dialogs.csv_import_dialog import CsvImportDialog
from handbook_app.ui.dialogs.money_dialogs import RemittanceDialog, RepaymentDialog
from handbook_app.ui.dialogs.projection_dialog import ProjectionDialog
from handbook_app.ui.screens.debts_screen import DebtsScreen
from handbook_app.ui.screens.remittances_screen import RemittancesScreen
from handbook_app.ui.widgets.chart_view import ChartView
from tests.ui.conftest import unlock
from tests.ui.test_flows import fill, panel


def _open_add(win, screen: str, attribute: str):
    pnl = panel(win, screen, attribute)
    pnl.add_button.click()
    return pnl, pnl.dialog


def _save(qtbot, pnl, dialog, before: int) -> None:
    dialog.save_button.click()
    assert dialog.errors() == {}, dialog.errors()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert pnl.model.rowCount() == before + 1


def test_loan_repayments_in_yen_and_remittances_give_the_right_balance(qtbot, window, closed_vault: Path):
    unlock(qtbot, window, closed_vault)  # English: "190,000,000" and "0.8" typed the English way
    hb = window.context.handbook

    # a VND loan, declining balance 0.8 % per month
    pnl, dialog = _open_add(window, "debts", "loans")
    fill(dialog, {"lender": "Agribank", "principal": "190,000,000", "start": "2025-01-15", "monthly_rate": "0.8"})
    dialog.editors["principal"].set_currency("VND")
    dialog.editors["interest_model"].combo.setCurrentIndex(dialog.editors["interest_model"].combo.findData("declining"))
    _save(qtbot, pnl, dialog, 0)
    loan = hb.records(r.Loan)[0]
    assert loan.principal == Money(190_000_000, "VND") and loan.monthly_rate == Decimal("0.008")

    # three remittances; the dialog shows the rate got and the fee share as it is typed
    for day, sent, received in (("2025-02-27", "100,000", "16,500,000"), ("2025-03-27", "90,000", "14,900,000"),
                                ("2025-04-27", "80,000", "13,300,000")):
        pnl, dialog = _open_add(window, "remittances", "remittances")
        assert isinstance(dialog, RemittanceDialog)
        fill(dialog, {"date": day, "sent": sent, "fee": "1,500", "received": received})
        dialog.editors["received"].set_currency("VND")
        if day == "2025-02-27":
            assert "1 JPY = 165 VND" in dialog.figures.text()
            assert "1.5%" in dialog.figures.text()
        _save(qtbot, pnl, dialog, pnl.model.rowCount())
    remittances = hb.records(r.Remittance, order="date")
    assert len(remittances) == 3

    # two repayments in yen with a rate; the conversion is shown both ways while typing
    for day, paid, rate, rem_index in (("2025-02-28", "60,000", "171.35", 1), ("2025-03-28", "50,000", "170.5", 2)):
        pnl, dialog = _open_add(window, "debts", "repayments")
        assert isinstance(dialog, RepaymentDialog)
        assert dialog.editors["paid"].currency() == "VND"  # a new repayment starts in the loan's currency
        assert not dialog.form.isRowVisible(dialog.editors["rate"])
        dialog.editors["paid"].set_currency("JPY")  # paid in yen
        fill(dialog, {"loan_id": 0, "date": day, "paid": paid, "remittance_id": rem_index})
        if rate == "171.35":  # without the rate it is refused, with the reason beside the field
            dialog.save_button.click()
            assert "exchange rate" in dialog.errors().get("rate", "")
        fill(dialog, {"rate": rate})
        assert dialog.form.isRowVisible(dialog.editors["rate"])  # JPY paid on a VND loan: rate needed
        if rate == "171.35":
            text = dialog.conversion.text()
            assert "1 JPY = 171.35 VND · 1 VND = 0.005836 JPY" in text
            assert format_money(10_281_000, "VND") in text  # 60,000 x 171.35 credited to the loan
        _save(qtbot, pnl, dialog, pnl.model.rowCount())
    reps = hb.records(r.Repayment, order="date")
    assert [x.rate for x in reps] == [Decimal("171.35"), Decimal("170.5")]
    assert reps[0].remittance_id is not None

    # By hand, to the end of 2025-03-31:
    #   190,000,000 borrowed 2025-01-15
    #   2025-02-15 interest 190,000,000 x 0.008 = 1,520,000              -> 191,520,000
    #   2025-02-28 paid 60,000 JPY x 171.35 = 10,281,000 VND              -> 181,239,000 (principal 181,239,000)
    #   2025-03-15 interest 181,239,000 x 0.008 = 1,449,912              -> 182,688,912
    #   2025-03-28 paid 50,000 JPY x 170.5 = 8,525,000 VND                -> 174,163,912
    state = loan_state_on(hb, loan.id, dt.date(2025, 3, 31))
    assert state.balance == Money(174_163_912, "VND")
    assert state.interest_paid == Money(1_520_000 + 1_449_912, "VND")

    # today's figure on the Debts screen matches an independent ledger
    today = dt.date.today()
    expected = LoanLedger(loan, reps, max(today, loan.start)).state(today)
    debts = window.workspace.show_key("debts")
    model = debts.overview.model
    assert model.rowCount() == 1
    shown_balance = model.text(0, model.BALANCE)
    if expected.balance.minor > 0:
        assert shown_balance == format_money(expected.balance.minor, "VND")
    assert model.text(0, model.INTEREST_PAID) == format_money(expected.interest_paid.minor, "VND")
    assert format_money(max(expected.balance.minor, 0), "VND") in debts.overview.totals.text()
    assert debts.overview.chart.view.chart is not None

    # the remittances screen: totals in both currencies with the derived rate, and the family/debt split
    rem_screen = window.workspace.show_key("remittances")
    rem_screen.tabs.setCurrentIndex(1)
    assert rem_screen.totals_model.rowCount() == 3
    rem_screen.yearly.setChecked(True)
    assert rem_screen.totals_model.rowCount() == 1
    assert rem_screen.totals_model.text(0, rem_screen.totals_model.SENT) == format_money(270_000, "JPY")
    rem_screen.tabs.setCurrentWidget(rem_screen.split_page)  # the split loads when its tab is shown
    splits = rem_screen.split_model.rows()
    february = next(s for s in splits if s.remittance.date == dt.date(2025, 2, 27))
    assert february.to_debt == Money(10_281_000, "VND")
    assert february.family == Money(16_500_000 - 10_281_000, "VND")
    rem_screen.what_if_rate.edit.setText("180")
    assert format_money(270_000 * 180, "VND") in rem_screen.what_if_result.text()

    # locking forgets everything shown
    window.lock_button.click()
    assert debts.overview.model.rowCount() == 0 and debts.overview.chart.view.chart is None
    assert rem_screen.totals_model.rowCount() == 0 and rem_screen.split_model.rowCount() == 0


def _context(handbook) -> AppContext:
    ctx = AppContext()
    ctx.handbook = handbook
    return ctx


def test_projection_says_when_a_payment_never_pays_off(qtbot, demo):
    ctx = _context(demo)
    bank = next(x for x in demo.records(r.Loan) if x.interest_model == "declining")
    dialog = ProjectionDialog(ctx, bank.id)
    qtbot.addWidget(dialog)
    assert dialog.current_loan().id == bank.id
    dialog.plan_a.amount.set_currency("VND")
    dialog.plan_a.amount.edit.setText("1,000")  # far below a month's interest
    assert not dialog.plan_a.form.isRowVisible(dialog.plan_a.rate)  # same currency: no rate asked
    proj = dialog.plan_a.projection
    assert proj is not None and proj.never_pays_off
    assert proj.message() in dialog.plan_a.result.text()
    assert "does not cover the interest: this debt never gets paid off" in dialog.plan_a.result.text()

    # plan B in yen at a rate: paid off, compared side by side
    dialog.plan_b.amount.set_currency("JPY")
    dialog.plan_b.amount.edit.setText("60,000")
    dialog.plan_b.rate.edit.setText("170")
    assert dialog.plan_b.form.isRowVisible(dialog.plan_b.rate)
    assert "1 JPY = 170 VND" in dialog.plan_b.conversion.text()
    pb = dialog.plan_b.projection
    assert pb is not None and not pb.never_pays_off and pb.payment == Money(60_000 * 170, "VND")
    dialog.plan_a.amount.edit.setText("5,000,000")
    assert "sooner" in dialog.comparison.text()

    # all loans from one budget: too small says so; the custom order follows the arrows
    dialog.tabs.setCurrentIndex(1)
    dialog.budget.set_currency("VND")
    dialog.budget.edit.setText("1,000")
    assert "never get paid off" in dialog.budget_result.text()
    dialog.budget.edit.setText("20,000,000")
    first = dialog.custom_order()
    dialog.order.setCurrentRow(1)
    dialog.down.click()
    assert dialog.custom_order() == first
    dialog.up.click()
    assert dialog.custom_order() == list(reversed(first))
    proj_all = dialog.budget_projection
    assert proj_all is not None and proj_all.order[0] == 1  # the second loan is now paid first
    assert dialog.outcomes.rowCount() == 2
    dialog.strategy.setCurrentIndex(dialog.strategy.findData("snowball"))
    assert not dialog.order.isEnabled()
    assert dialog.strategies_table.item(1, 1).text()
    dialog.reject()


CSV_ONE_BAD = (
    "日付,送金額,手数料,受取額,備考\n"
    "2026/01/27,\"100,000\",\"1,500\",\"16,500,000\",1月分\n"
    "2026/02/27,\"90,000\",\"1,500\",abc,2月分\n"
    "2026/03/27,\"80,000\",\"1,500\",\"13,200,000\",3月分\n"
).encode("cp932")

CSV_ALL_BAD = (
    "日付,送金額,手数料,受取額\n"
    "2026/13/27,\"100,000\",\"1,500\",\"16,500,000\"\n"
    "2026/02/27,xyz,\"1,500\",\"14,000,000\"\n"
).encode("cp932")


def test_csv_import_saves_good_rows_and_explains_bad_ones(qtbot, handbook):
    ctx = _context(handbook)
    dialog = CsvImportDialog(ctx, "remittance")
    qtbot.addWidget(dialog)
    dialog.number_style.setCurrentIndex(dialog.number_style.findData("ja"))
    dialog.date_order.setCurrentIndex(dialog.date_order.findData("YMD"))
    dialog.load_bytes(CSV_ONE_BAD, "statement.csv")
    assert "Shift_JIS" in dialog.file_label.text()
    assert dialog.map_combos["received"].currentData() == 3  # guessed from 受取額
    plan = dialog.plan
    assert plan is not None and len(plan.records) == 2 and len(plan.rejected) == 1
    assert dialog.rejected.rowCount() == 1 and dialog.rejected.item(0, 0).text() == "3"
    assert "abc" in dialog.rejected.item(0, 1).text()
    assert dialog.import_button.isEnabled()
    seen = []
    ctx.changed.connect(seen.append)
    assert dialog.do_import()
    saved = handbook.records(r.Remittance, order="date")
    assert [x.received for x in saved] == [Money(16_500_000, "VND"), Money(13_200_000, "VND")]
    assert saved[0].notes == "1月分"
    assert seen and seen[0].touches(r.Remittance.KIND)

    # the same file again: both good rows are now duplicates, nothing new to import
    again = CsvImportDialog(ctx, "remittance")
    qtbot.addWidget(again)
    again.number_style.setCurrentIndex(again.number_style.findData("ja"))
    again.load_bytes(CSV_ONE_BAD, "statement.csv")
    assert again.plan is not None and not again.plan.records
    assert sum(1 for x in again.plan.rejected if x.duplicate) == 2
    assert not again.import_button.isEnabled()
    again.reject()

    # a file where every row is bad imports nothing
    bad = CsvImportDialog(ctx, "remittance")
    qtbot.addWidget(bad)
    bad.number_style.setCurrentIndex(bad.number_style.findData("ja"))
    bad.load_bytes(CSV_ALL_BAD, "bad.csv")
    assert bad.plan is not None and not bad.plan.records and len(bad.plan.rejected) == 2
    assert not bad.import_button.isEnabled()
    assert not bad.do_import()
    assert "Nothing will be imported" in bad.summary.text()
    assert handbook.count(r.Remittance) == 2

    # the Vietnamese number style on a yen file with thousands commas: the mix-up is explained
    bad.number_style.setCurrentIndex(bad.number_style.findData("vi"))
    bad.load_bytes(CSV_ONE_BAD, "statement.csv")
    reasons = " ".join(bad.rejected.item(i, 1).text() for i in range(bad.rejected.rowCount()))
    assert "decimal mark" in reasons
    bad.reject()


def test_csv_import_of_repayments_needs_the_rate_for_another_currency(qtbot, handbook):
    loan = handbook.add(r.Loan(lender="Agribank", principal=Money(190_000_000, "VND"), start=dt.date(2025, 1, 1),
                               interest_model="none")).record
    ctx = _context(handbook)
    dialog = CsvImportDialog(ctx, "repayment")
    qtbot.addWidget(dialog)
    dialog.number_style.setCurrentIndex(dialog.number_style.findData("en"))
    data = b"date,amount,rate\n2025-02-28,\"60,000\",171.35\n2025-03-28,\"50,000\",\n"
    dialog.load_bytes(data, "repay.csv")
    assert dialog.selected_loan().id == loan.id
    assert dialog.plan is not None and len(dialog.plan.records) == 1 and len(dialog.plan.rejected) == 1
    assert "exchange rate is missing" in dialog.rejected.item(0, 1).text()
    assert dialog.do_import()
    assert handbook.records(r.Repayment)[0].paid == Money(60_000, "JPY")


def test_broken_file_is_explained_and_nothing_kept(qtbot, handbook):
    ctx = _context(handbook)
    dialog = CsvImportDialog(ctx, "remittance")
    qtbot.addWidget(dialog)
    dialog.load_bytes(b"", "empty.csv")
    assert dialog.data is None and dialog.file_label.text() == _("The file is empty.")
    assert not dialog.import_button.isEnabled()
    dialog.reject()


def _distinct_colours(image, step: int = 7) -> int:
    colours = set()
    for x in range(0, image.width(), step):
        for y in range(0, image.height(), step):
            colours.add(QColor(image.pixel(x, y)).name())
    return len(colours)


def test_chart_widget_paints_in_vietnamese_and_japanese(qtbot):
    loan = r.Loan(id=1, lender="Agribank", principal=Money(190_000_000, "VND"), start=dt.date(2024, 1, 15),
                  interest_model="declining", monthly_rate=Decimal("0.008"))
    reps = [r.Repayment(loan_id=1, date=dt.date(2024, m, 28), paid=Money(6_500_000, "VND")) for m in range(2, 12)]
    today = dt.date(2024, 12, 1)
    rems = [r.Remittance(date=dt.date(2024, m, 27), sent=Money(100_000, "JPY"), fee=Money(1_500, "JPY"),
                         received=Money(16_500_000, "VND")) for m in range(1, 12)]
    for lang in ("vi", "ja"):
        set_locale(lang)
        proj = project_payoff(loan, reps, Plan(Money(6_500_000, "VND")), today)
        from handbook_app.core.charts import Chart

        chart = Chart(_("Still owed ({currency})").format(currency="VND"), "VND",
                      loan_balance_series(loan, reps, today, proj))
        view = ChartView()
        qtbot.addWidget(view)
        view.resize(640, 320)
        view.set_chart(chart)
        view.show()
        image = view.grab().toImage()
        assert _distinct_colours(image) > 4, lang  # not blank: axes, lines, text
        texts = view.hit_texts()
        assert texts and any(format_money(190_000_000, "VND") in t for t in texts)
        assert any(s.kind == "projected" for s in chart.series)
        bars = ChartView()
        qtbot.addWidget(bars)
        bars.resize(640, 320)
        bars.set_chart(remittance_charts(rems)[0])
        bars.show()
        assert bars.is_bars() and _distinct_colours(bars.grab().toImage()) > 4
        hover = bars.text_at(bars.width() / 2, bars.height() / 2)
        assert format_money(100_000, "JPY") in hover
        bars.clear()
        assert bars.chart is None and bars.hit_texts() == []


def test_screens_open_on_the_demo_vault_in_both_languages(qtbot, demo):
    ctx = _context(demo)
    for lang in ("vi", "ja"):
        set_locale(lang)
        debts = DebtsScreen(ctx)
        qtbot.addWidget(debts)
        debts.refresh()
        debts.retranslate()
        assert debts.overview.model.rowCount() == 2
        assert debts.fee_report.model.rowCount() > 0
        assert debts.overview.banner.isVisibleTo(debts) == bool(debts.data.debt_trap)
        rem = RemittancesScreen(ctx)
        qtbot.addWidget(rem)
        rem.refresh()
        rem.retranslate()
        assert rem.sent_chart.chart is not None and rem.received_chart.chart is not None
        assert rem.totals_model.rowCount() > 12
        debts.clear()
        rem.clear()
        assert debts.overview.model.rowCount() == 0 and rem.sent_chart.chart is None


def test_switching_language_rebuilds_the_debt_chart_and_fee_findings(qtbot, demo):
    """Chart titles and fee findings are made in the language of the moment: a switch must remake them."""
    ctx = _context(demo)
    set_locale("vi")
    debts = DebtsScreen(ctx)
    qtbot.addWidget(debts)
    debts.refresh()
    vi_title = debts.overview.chart.charts[0].title
    vi_message = debts.fee_report.model.text(0, 1)
    set_locale("ja")
    debts.retranslate()
    ja_title = debts.overview.chart.charts[0].title
    assert ja_title != vi_title
    assert ja_title == _("Still owed ({currency})").format(currency=debts.overview.chart.charts[0].currency)
    assert debts.fee_report.model.text(0, 1) != vi_message
    set_locale("vi")


def test_a_repayment_without_its_rate_is_reported_not_fatal(qtbot, handbook):
    loan = handbook.add(r.Loan(lender="Bác Hùng", principal=Money(50_000_000, "VND"), start=dt.date(2025, 1, 1),
                               interest_model="none")).record
    handbook.add(r.Repayment(loan_id=loan.id, date=dt.date(2025, 2, 1), paid=Money(5_000_000, "VND")))
    # saved before repayments were checked against their loan (the service refuses this today)
    with handbook.vault.transaction():
        handbook.store.insert(r.Repayment(loan_id=loan.id, date=dt.date(2025, 3, 1), paid=Money(30_000, "JPY")),
                              handbook.actor)
    debts = DebtsScreen(_context(handbook))
    qtbot.addWidget(debts)
    debts.refresh()
    debts.retranslate()
    model = debts.overview.model
    assert model.text(0, model.BALANCE) == format_money(45_000_000, "VND")
    assert "has no exchange rate" in debts.overview.problems.text()


# --- issue 17 #8: the preview applies the import's own validation; huge fields are a message ----------------
CSV_VALIDATION_BAD = (
    b"date,sent,fee,received\n"
    b"2026-01-27,10000,20000,1700000\n"  # fee above the amount sent
    b"0001-02-27,10000,500,1700000\n"  # year 0001
    b"2026-03-27,10000000000000000,500,1700000\n"  # over 10^15
    b"2026-04-27,10000,500,1700000\n"  # fine
)


def test_csv_preview_refuses_what_the_import_would_refuse(qtbot, handbook):
    ctx = _context(handbook)
    dialog = CsvImportDialog(ctx, "remittance")
    qtbot.addWidget(dialog)
    dialog.date_order.setCurrentIndex(dialog.date_order.findData("YMD"))
    dialog.load_bytes(CSV_VALIDATION_BAD, "bank.csv")
    plan = dialog.plan
    assert plan is not None and plan.lines == [5], [(x.line, x.reasons) for x in plan.rejected]
    assert sorted(x.line for x in plan.rejected) == [2, 3, 4]
    assert all(x.reasons and x.cells for x in plan.rejected)
    assert dialog.do_import() and handbook.count(r.Remittance) == 1


def test_csv_with_a_huge_field_is_a_message_not_a_crash(qtbot, handbook):
    ctx = _context(handbook)
    dialog = CsvImportDialog(ctx, "remittance")
    qtbot.addWidget(dialog)
    huge = ("date,sent,fee,received,notes\n2026-01-27,10000,0,1700000,\"" + "x" * 200_000 + "\"\n").encode()
    dialog.load_bytes(huge, "huge.csv")
    assert dialog.plan is None or not dialog.plan.records
    assert "longer than" in dialog.summary.text() or "longer than" in dialog.file_label.text()
    dialog.reject()
