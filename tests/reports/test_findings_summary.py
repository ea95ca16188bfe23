"""The summary of findings never shows an unchecked month as a clean result."""

from __future__ import annotations

import datetime as dt

from handbook_app.core import records as r
from handbook_app.core.wage_checks import Code, Finding, Severity
from handbook_app.i18n import tr
from handbook_app.reports import findings
from handbook_app.reports.labels import Labels
from handbook_app.reports.wages import MonthCheck


def month(day: dt.date, *found: Finding) -> MonthCheck:
    return MonthCheck(r.Payslip(id=day.month, month=day), None, tuple(found), None, None)


def test_months_without_minimum_wage_data_are_listed_apart_never_as_clean():
    lab = Labels(("ja", "vi"))
    no_data = Finding(Code.NO_MINIMUM_WAGE_DATA, Severity.WARNING, "no data")
    lines = findings.wage_lines(lab, [month(dt.date(2031, 1, 1), no_data), month(dt.date(2031, 2, 1))])
    assert findings.wage_lines(lab, [month(dt.date(2031, 1, 1), no_data)])[0].severity != "info"  # nothing clean
    texts = [t for line in lines for t in line.texts]
    clean = tr("ja", "No wage shortfall was found in the {months} months checked.").format(months=1)
    assert clean in texts  # the one month that was checked found nothing…
    unchecked = next(line for line in lines if line.severity == "warning")
    assert "2031-01" in unchecked.texts[0] and "2031-02" not in unchecked.texts[0]  # …and the one not checked says so


def test_a_lower_bound_month_makes_the_total_read_at_least():
    lab = Labels(("vi", "ja"))
    short = Finding(Code.BELOW_MINIMUM_WAGE, Severity.SHORTFALL, "short", 1000)
    changed = Finding(Code.MINIMUM_WAGE_CHANGED, Severity.INFO, "changed")
    lines = findings.wage_lines(lab, [month(dt.date(2025, 10, 1), short, changed)])
    assert "少なくとも" in lines[0].texts[1] and "ít nhất" in lines[0].texts[0]
    assert findings.category_sums([month(dt.date(2025, 10, 1), short, changed)])["minimum"] == 1000
