"""The summary of findings never shows an unchecked month as a clean result."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from handbook_app.core import records as r
from handbook_app.core.wage_checks import CheckStatus, Code, Finding, Severity
from handbook_app.i18n import tr
from handbook_app.reports import findings
from handbook_app.reports.labels import Labels
from handbook_app.reports.wages import MonthCheck


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
    clean = tr("ja", "No wage shortfall was found in the {months} months checked.").format(months=1)
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
