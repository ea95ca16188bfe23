"""The demo vault tells one consistent story: an incident's dates agree with its own text and with the payslips."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from handbook_app.core import records as r


def test_no_incident_text_dates_an_event_outside_its_start_and_end(demo):
    incidents = demo.records(r.Incident, "started")
    assert incidents
    for inc in incidents:
        assert (inc.ended is None) == (inc.status == "open"), inc.title
        for text in (inc.description, inc.translation, inc.actions):
            for day in re.findall(r"\d{4}-\d{2}-\d{2}", text):
                day = dt.date.fromisoformat(day)
                assert inc.started <= day, (inc.title, day)
                assert inc.ended is None or day <= inc.ended, (inc.title, day, inc.ended)


def test_the_passport_incident_ends_the_day_the_passport_came_back(demo):
    passport = next(x for x in demo.records(r.Incident) if x.category == "documents_withheld")
    assert "2023-12-12" in passport.actions and passport.ended == dt.date(2023, 12, 12)


def test_the_unpaid_wage_incident_lasts_as_long_as_the_old_rate_was_paid(demo):
    wages = next(x for x in demo.records(r.Incident) if x.category == "unpaid_wages")
    old_rate = [p.month for p in demo.records(r.Payslip, "month")
                if p.month >= dt.date(2024, 10, 1) and Decimal(p.base_pay.minor) / p.regular_hours == 1027]
    assert old_rate and wages.ended is not None
    last = old_rate[-1]
    assert last <= wages.ended < dt.date(last.year + last.month // 12, last.month % 12 + 1, 1)
