"""Debts review, core and services: the recent pace of a loan (zero when nothing was paid lately, and then no
payoff date), lists and sentences joined the language's way, fee sources in the trainee's language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from handbook_app.core import records as r
from handbook_app.core.fees import check_fees, load_limits
from handbook_app.core.money import Money
from handbook_app.core.projection import Plan, project_payoff
from handbook_app.i18n import set_locale
from handbook_app.i18n.formatting import format_list, join_sentences
from handbook_app.services.debts import PACE_MONTHS, debt_screen, recent_pace

TODAY = dt.date(2026, 11, 27)


def _vnd(amount: int) -> Money:
    return Money(amount, "VND")


def _contract(hb) -> None:
    hb.add(r.Contract(employer="Yamada", start=dt.date(2024, 1, 1), end=dt.date(2026, 12, 31),
                      wage=Money(1100, "JPY"), wage_kind="hourly"))


def _outlook(data, lender: str):
    return next(o for o in data.outlooks if o.view.loan.lender == lender)


def test_no_payment_in_the_last_six_months_is_a_zero_pace_and_no_payoff_date(handbook):
    """The demo's Agribank case: paid until April, nothing since; the instalment due is no pace.

    1,200,000 ₫ at 1 % a month on the declining balance from 10 Jan 2026, 12 months; three payments of 110,000 ₫
    (Feb–Apr). On 27 Nov 2026 the six-month window (27 May – 27 Nov) holds no payment: paid per month lately
    = 0 ₫, and at 0 ₫ a month the loan is never paid off — the contract ends 31 Dec 2026: a debt trap.
    Before, the screen projected the scheduled instalment instead and showed a payoff month.
    """
    _contract(handbook)
    loan = handbook.add(r.Loan(lender="Bank", principal=_vnd(1_200_000), start=dt.date(2026, 1, 10),
                               interest_model="declining", monthly_rate=Decimal("0.01"), term_months=12)).record
    for month in (2, 3, 4):
        handbook.add(r.Repayment(loan_id=loan.id, date=dt.date(2026, month, 10), paid=_vnd(110_000)))
    reps = handbook.records(r.Repayment, order="date")
    assert recent_pace(loan, reps, TODAY) == _vnd(0)

    data = debt_screen(handbook, TODAY)
    bank = _outlook(data, "Bank")
    assert bank.view.state.balance.minor > 0  # still owed, and growing with the interest
    assert bank.view.next_due is not None and bank.view.next_due.amount is not None  # an instalment is due...
    assert bank.pace == _vnd(0)  # ...but nothing was paid lately
    assert bank.pace_months == PACE_MONTHS == 6
    assert bank.last_paid == dt.date(2026, 4, 10)
    assert bank.projection is not None
    assert bank.projection.never_pays_off and bank.projection.payoff_date is None
    assert bank.projection.debt_trap
    assert [o.view.loan.lender for o in data.debt_trap] == ["Bank"]


def test_the_pace_of_a_young_loan_averages_over_the_months_it_has_run(handbook):
    """300,000 ₫ without interest from 27 Sep 2026, 50,000 ₫ paid on 27 Oct and 27 Nov: two months, two payments,
    50,000 ₫ a month (not 100,000 / 6 = 16,667). The 200,000 ₫ left take 4 more months: paid off 27 Mar 2027."""
    _contract(handbook)
    loan = handbook.add(r.Loan(lender="Cousin", principal=_vnd(300_000), start=dt.date(2026, 9, 27),
                               interest_model="none")).record
    for day in (dt.date(2026, 10, 27), dt.date(2026, 11, 27)):
        handbook.add(r.Repayment(loan_id=loan.id, date=day, paid=_vnd(50_000)))
    cousin = _outlook(debt_screen(handbook, TODAY), "Cousin")
    assert cousin.pace == _vnd(50_000)
    assert cousin.pace_months == 2
    assert cousin.projection is not None and cousin.projection.payoff_date == dt.date(2027, 3, 27)
    assert cousin.projection.months == 4
    # a loan less than a month old with nothing paid yet has no pace at all ("No payments yet to project from")
    friend = handbook.add(r.Loan(lender="Friend", principal=_vnd(100_000), start=dt.date(2026, 11, 20),
                                 interest_model="none")).record
    assert recent_pace(friend, [], TODAY) is None
    young = _outlook(debt_screen(handbook, TODAY), "Friend")
    assert young.pace is None and young.projection is None


def test_lists_are_joined_the_languages_way_and_a_name_with_a_comma_stays_one_name():
    names = ["Agribank – chi nhánh Diễn Châu, Nghệ An", "Bác Hùng"]
    assert format_list(names, "vi", quoted=True) == "“Agribank – chi nhánh Diễn Châu, Nghệ An” và “Bác Hùng”"
    assert format_list(names, "ja", quoted=True) == "「Agribank – chi nhánh Diễn Châu, Nghệ An」、「Bác Hùng」"
    assert format_list(names, "en", quoted=True) == "“Agribank – chi nhánh Diễn Châu, Nghệ An” and “Bác Hùng”"
    assert format_list(["A", "B", "C"], "ja") == "A、B、C"
    assert format_list([], "vi") == ""


def test_sentences_are_joined_without_a_space_in_japanese():
    assert join_sentences(["完済します。", "この日付は後です。"], "ja") == "完済します。この日付は後です。"
    assert join_sentences(["Paid off.", "", "This is late."], "en") == "Paid off. This is late."
    assert join_sentences(["Trả hết.", "Muộn."], "vi") == "Trả hết. Muộn."
    assert join_sentences(["Untranslated.", "Next."], "ja") == "Untranslated. Next."  # not after a 「。」


def test_a_projection_message_in_japanese_has_no_space_after_the_full_stop():
    loan = r.Loan(id=1, lender="Bank", principal=_vnd(1_000_000), start=dt.date(2026, 1, 1), interest_model="none")
    proj = project_payoff(loan, [], Plan(_vnd(100_000)), TODAY, deadline=dt.date(2026, 12, 31))
    assert proj.debt_trap
    set_locale("ja")
    text = proj.message("ja")
    assert "。" in text and "。 " not in text


def test_fee_findings_in_japanese_join_the_caveat_without_a_space():
    set_locale("ja")
    fees = [r.RecruitmentFee(date=dt.date(2023, 6, 1), item="deposit", amount=_vnd(60_000_000))]
    report = check_fees(fees, contract_months=36, monthly_wage=Money(170_000, "JPY"))
    unverified = [f for f in report.findings if not f.verified]
    assert unverified and all("。 " not in f.message for f in report.findings)


def test_fee_sources_are_titled_in_the_trainees_language_with_the_document_numbers_kept():
    limits = {lim.id: lim for lim in load_limits()}
    law = limits["law69_service_fee"]
    assert law.title("en").startswith("Law 69/2020/QH14")
    assert law.title("vi").startswith("Luật 69/2020/QH14") and "21/2021/TT-BLĐTBXH" in law.title("vi")
    assert "69/2020/QH14" in law.title("ja") and "施行" in law.title("ja")
    for lim in limits.values():  # every row has all three, and the same source behind them
        assert lim.title("vi") != lim.source_title and lim.title("ja") != lim.source_title, lim.id
        assert lim.source_url.startswith("https://"), lim.id
    fees = [r.RecruitmentFee(date=dt.date(2023, 6, 1), item="deposit", amount=_vnd(60_000_000))]
    set_locale("vi")
    vi = check_fees(fees)
    assert all("summarised" not in f.source_title and "in force" not in f.source_title for f in vi.findings)
    assert any(f.source_title.startswith("Bản ghi nhớ hợp tác") for f in vi.findings)
    set_locale("en")
    en = check_fees(fees)
    assert any("Memorandum of Cooperation" in f.source_title for f in en.findings)
