"""The summary of findings never shows an unchecked month as a clean result."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from handbook_app.core import records as r
from handbook_app.core.wage_checks import CheckStatus, Code, Finding, Severity
from handbook_app.i18n import tr, translator
from handbook_app.reports import findings
from handbook_app.reports.labels import Labels
from handbook_app.reports.model import ReportOptions
from handbook_app.reports.wages import MonthCheck, months_without_payslip
from handbook_app.services import reports
from tests.reports.test_pack_for_readers import read, squash


def month(day: dt.date, *found: Finding, status: CheckStatus = CheckStatus.CHECKED) -> MonthCheck:
    """A month as the wage check reports it; only its status matters here (core.wage_checks.MonthReview)."""
    return MonthCheck(r.Payslip(id=day.month, month=day), None, tuple(found), None, None,
                      SimpleNamespace(status=status))


def test_months_without_minimum_wage_data_are_listed_apart_never_as_clean():
    lab = Labels(("ja", "vi"))
    no_data = Finding(Code.NO_MINIMUM_WAGE_DATA, Severity.WARNING, "no data")
    unchecked_month = month(dt.date(2031, 1, 1), no_data, status=CheckStatus.NOT_CHECKED)
    lines = findings.wage_lines(lab, [unchecked_month, month(dt.date(2031, 2, 1))])
    assert all(line.severity != "info" for line in findings.wage_lines(lab, [unchecked_month]))  # nothing clean
    texts = [t for line in lines for t in line.texts]
    clean = translator("ja").ngettext("No wage shortfall was found in the {months} month checked.",
                                      "No wage shortfall was found in the {months} months checked.", 1).format(months=1)
    assert clean in texts  # the one month that was checked found nothing…
    unchecked = next(line for line in lines if line.severity == "warning")
    assert "2031-01" in unchecked.texts[0] and "2031-02" not in unchecked.texts[0]  # …and the one not checked says so


def test_a_lower_bound_month_makes_the_total_read_at_least():
    lab = Labels(("vi", "ja"))
    # checked only against the last known minimum wage (no rate for the month): the amount is a floor
    short = Finding(Code.BELOW_MINIMUM_WAGE, Severity.SHORTFALL, "short", 1000, category="minimum_wage",
                    status=CheckStatus.LOWER_BOUND)
    lower = month(dt.date(2026, 11, 1), short, status=CheckStatus.LOWER_BOUND)
    lines = findings.wage_lines(lab, [lower])
    assert "少なくとも" in lines[0].texts[1] and "ít nhất" in lines[0].texts[0]
    assert findings.category_sums([lower])["minimum"] == 1000
    exact = findings.wage_lines(lab, [month(dt.date(2025, 10, 1), short)])
    assert "少なくとも" not in exact[0].texts[1]  # a fully checked month is an exact figure


# --- the demo's packs as the reviewer read them (issue 12, findings content) ---------------------------------
TODAY = dt.datetime(2026, 12, 5, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


@pytest.fixture
def pdf(demo, tmp_path, monkeypatch):
    """Text of a demo PDF made on 2026-12-05 (the months without a payslip depend on the day it is made)."""
    monkeypatch.setattr(reports, "_now", lambda: TODAY)

    def build(langs=("vi", "ja"), kind="evidence", **kwargs) -> str:
        dest = tmp_path / f"{kind}-{'-'.join(langs)}-{len(list(tmp_path.iterdir()))}.pdf"
        reports.export_report(demo, kind, dest, ReportOptions(langs=langs, **kwargs))
        return squash("\n".join(read(dest)[1]))

    return build


def summary_of(text: str, langs=("ja", "vi")) -> str:
    """The summary-of-findings pages: from the section's title (after the contents list) to the next section's."""
    title, after = (squash(" / ".join(tr(x, m) for x in langs)) for m in ("Summary of findings", "Trainee and contract"))
    start = text.index(title, text.index(title) + 1)
    return text[start:text.index(after, start)]


def test_months_without_payslip_follow_the_contract_period_the_report_period_and_today():
    contract = r.Contract(start=dt.date(2023, 10, 15), end=dt.date(2026, 12, 31))
    slips = [r.Payslip(month=dt.date(2023, 10, 1)), r.Payslip(month=dt.date(2023, 12, 1))]
    today = dt.date(2024, 3, 5)  # March is still running: no payslip is due for it yet
    assert months_without_payslip([contract], slips, today) == [dt.date(2023, 11, 1), dt.date(2024, 1, 1),
                                                                dt.date(2024, 2, 1)]
    assert months_without_payslip([contract], slips, today, dt.date(2024, 1, 10), dt.date(2024, 1, 31)) == [
        dt.date(2024, 1, 1)]  # only the report's period
    ended = r.Contract(start=dt.date(2023, 10, 1), end=dt.date(2023, 11, 10))
    assert months_without_payslip([ended], slips, dt.date(2027, 1, 1)) == [dt.date(2023, 11, 1)]  # not after its end
    assert months_without_payslip([r.Contract(end=dt.date(2026, 1, 1))], [], today) == []  # no start: unknown period


def test_demo_months_inside_the_contract_without_payslip_are_listed_as_not_checked(pdf):
    # Hand-worked: the contract runs 2023-10-01 – 2026-12-31 and payslips are recorded for 2023-10 … 2026-09;
    # on 2026-12-05 October and November have ended without a payslip, December is still running.
    text = pdf(("ja", "vi"))
    summary = summary_of(text)
    assert squash("給与明細の記録がなく未確認（契約期間内の月。上記の額には含まれず、問題がないという意味ではありません）："
                  "2026-10, 2026-11。") in summary
    assert squash("Chưa có phiếu lương nên chưa kiểm tra") in summary
    assert "2026-12。" not in summary
    assert squash("未払賃金の推定額：少なくとも¥234,182") in summary  # a month not checked: the total is a lower bound
    assert squash("2026-10 給与明細の記録なし chưa có phiếu lương 未確認 / chưa kiểm tra") in text  # a table row
    assert squash("推定不足額の合計 / Tổng ước tính còn thiếu: 少なくとも¥234,182 / ít nhất ¥234,182") in text  # as in §4
    short = pdf(("en", "ja"), "shortfall")
    assert squash("No payslip recorded — not checked (inside the contract's period; not counted above, not a clean "
                  "result): 2026-10, 2026-11.") in short
    assert squash("2026-09 — — — ¥8,000 ¥8,000 2026-10 no payslip recorded 給与明細の記録なし not checked / 未確認 "
                  "2026-11 no payslip recorded 給与明細の記録なし not checked / 未確認 Total") in short  # rows of the table
    assert squash("Estimated total shortfall / 推定不足額の合計: at least ¥234,182") in short
    assert squash("¥1,027 (per hour / 時給)") in short  # the promised wage says what it is paid for
    # a pack of 2024 has a payslip for every month of its period
    assert "給与明細の記録がなく" not in pdf(("ja", "vi"), date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31))


def test_incident_counts_match_the_statuses_the_timeline_shows(pdf):
    # Hand-worked from the demo: 4 open, 2 reported, 1 resolved, 1 closed; in 2024: 1 open, 2 reported, 1 closed
    summary = summary_of(pdf(("ja", "vi")))
    assert squash("記録された事案は8件です（未解決4件、報告済み2件、解決済み1件、終了1件）。") in summary
    assert squash("Có 8 sự việc được ghi lại (Chưa giải quyết: 4, Đã báo: 2, Đã giải quyết: 1, Đã đóng: 1).") in summary
    year = summary_of(pdf(("ja", "vi"), date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31)))
    assert squash("記録された事案は4件です（未解決1件、報告済み2件、終了1件）。") in year


def test_count_sentences_use_plural_forms_and_name_the_missing_language(pdf):
    summary = summary_of(pdf(("en", "ja")), ("en", "ja"))
    assert squash("more than 45 hours in 1 month (up to 72 hours)") in summary
    assert "1months" not in summary
    # the 4 with no translation at all, and 1, 3 and 5 whose "actions taken" are only in Vietnamese: the count
    # matches the incidents that carry the marker
    assert squash("7 incidents have no Japanese translation") in summary
    assert squash("日本語訳のない事案が7件あります。") in summary
    assert squash("8 incidents have no English translation") in summary  # the 8 written in Vietnamese
    assert squash("What the app found when it checked the records, before anyone has reviewed them.") in summary


def test_merged_findings_give_each_month_its_amount_and_only_a_rule_true_for_all(pdf):
    text = pdf(("en", "ja"))
    findings_part = text[text.index(squash("Findings by month / 月別の確認結果")):]
    # The two identical late-night findings are one, with each month's amount
    assert squash("2024-10: ¥196 · 2025-03: ¥196 · Σ ¥392") in findings_part
    # 125% overtime in six months, each with its own amount; 2024-02 (72 hours) keeps the 60-hour rule to itself
    assert squash("2024-10: ¥747 · 2024-11: ¥2,739 · 2024-12: ¥1,743 · 2025-01: ¥2,739 · 2025-02: ¥747 · "
                  "2025-03: ¥2,241 · Σ ¥10,956") in findings_part
    sixty = squash("the first 60 hours need at least 125%")
    assert findings_part.count(sixty) == 1
    assert squash("February 2024 / 2024年2月■ Overtime pay ¥92,430 for 72 hours") in findings_part
    assert "2024-02:¥" not in findings_part  # 2024-02 is in no month list
    assert squash("Found in 21 months under the same rule (the figures above are 2025-01's). Each month's amount:") \
        in findings_part
    # The 2024 pack merges its three minimum-wage findings the same way, and so does the shortfall statement
    year = pdf(("ja", "vi"), date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31))
    assert squash("2024-10: ¥7,600 · 2024-11: ¥7,600 · 2024-12: ¥8,400 · Σ ¥23,600") in year
    assert squash("同じ基準による同じ指摘が3か月にあります（上記の数値は2024-10のものです）。各月の額：") in year
    short = pdf(("vi", "ja"), "shortfall")
    assert squash("2024-10: ¥196 · 2025-03: ¥196 · Σ ¥392") in short


def test_debt_trap_names_which_ends_when_and_the_pace_it_projects(pdf):
    summary = summary_of(pdf(("ja", "vi")))
    assert squash("債務の罠：直近6か月の返済ペース（2026/12/05時点）では") in summary
    assert squash("契約は2026/12/31に終了し、在留期間は2027/01/20に満了します。") in summary
    assert "契約または在留期間" not in summary
    assert squash("Hợp đồng kết thúc ngày 31 thg 12, 2026; thời hạn lưu trú hết ngày 20 thg 1, 2027.") in summary


def test_json_wage_review_lists_contract_months_without_payslip_as_not_checked(demo):
    from handbook_app.services.work import wage_review_export

    rows = wage_review_export(demo, dt.date(2026, 12, 5))
    gaps = [row for row in rows if row["payslip_id"] is None]
    assert [(g["month"], g["status"], g["not_checked_reason"]) for g in gaps] == [
        ("2026-10-01", "not_checked", "no_payslip"), ("2026-11-01", "not_checked", "no_payslip")]
    assert [row["month"] for row in rows] == sorted(row["month"] for row in rows)
