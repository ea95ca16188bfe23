"""Hours from the daily log, worked by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from handbook_app.core.hours import day_hours, month_hours
from handbook_app.core.records import HoursEntry

DAY = dt.date(2025, 3, 3)


def test_day_shift_with_break():
    # 08:00-17:00 is 540 min, less a 60 min break = 480 min = 8 h; no overtime, no night.
    d = day_hours(HoursEntry(day=DAY, start="08:00", end="17:00", break_minutes=60))
    assert (d.worked_minutes, d.night_minutes, d.overtime_minutes) == (480, 0, 0)


def test_long_day_into_the_night():
    # 08:00-23:30 = 930 min - 60 break = 870 min (14.5 h): 6.5 h overtime; 22:00-23:30 = 90 min night.
    d = day_hours(HoursEntry(day=DAY, start="08:00", end="23:30", break_minutes=60))
    assert (d.worked_minutes, d.night_minutes, d.overtime_minutes) == (870, 90, 390)


def test_night_shift_crossing_midnight():
    # 21:00-06:00 = 540 min; night = 22:00-05:00 = 420 min; 60 min break taken from the 120 daytime min.
    d = day_hours(HoursEntry(day=DAY, start="21:00", end="06:00", break_minutes=60))
    assert (d.worked_minutes, d.night_minutes) == (480, 420)


def test_month_totals_and_holiday():
    entries = [
        HoursEntry(day=dt.date(2025, 3, d), start="08:00", end="18:00", break_minutes=60) for d in range(3, 8)
    ] + [HoursEntry(day=dt.date(2025, 3, 9), start="08:00", end="12:00", holiday=True),
         HoursEntry(day=dt.date(2025, 4, 1), start="08:00", end="17:00", break_minutes=60)]
    m = month_hours(entries, dt.date(2025, 3, 1))
    # 5 days x 9 h = 45 h (5 h overtime beyond 8 h/day) + 4 h on the holiday; April not counted.
    assert m.days == 6
    assert (m.worked, m.regular, m.overtime, m.holiday) == (Decimal("49.00"), Decimal("40.00"), Decimal("5.00"),
                                                            Decimal("4.00"))
