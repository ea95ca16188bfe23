"""Hours from the daily log: worked time, late-night time (22:00-05:00) and monthly totals.

A shift whose end is at or before its start ends the next day (a night shift, 22:00-06:00).
Breaks are taken off the worked time, from the daytime part first: we do not know when the
break was, and assuming it was at night would understate the night premium owed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from handbook_app.core.records import HoursEntry

_NIGHT = ((0, 5 * 60), (22 * 60, 24 * 60))  # minutes of the day that are late-night
_DAY_MINUTES = 24 * 60


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _overlap(start: int, end: int, lo: int, hi: int) -> int:
    return max(0, min(end, hi) - max(start, lo))


@dataclass(frozen=True)
class DayHours:
    day: dt.date
    worked_minutes: int
    night_minutes: int
    holiday: bool

    @property
    def overtime_minutes(self) -> int:
        """Beyond the statutory 8 hours a day (weekly 40-hour overtime is counted per month below)."""
        return 0 if self.holiday else max(0, self.worked_minutes - 8 * 60)


def day_hours(entry: HoursEntry) -> DayHours:
    start, end = _minutes(entry.start), _minutes(entry.end)
    if end <= start:
        end += _DAY_MINUTES
    span = end - start
    night = sum(
        _overlap(start, end, lo + offset, hi + offset) for offset in (0, _DAY_MINUTES) for lo, hi in _NIGHT
    )
    worked = max(0, span - entry.break_minutes)
    day_part = span - night
    night_worked = night - max(0, entry.break_minutes - day_part)
    return DayHours(entry.day, worked, max(0, min(night_worked, worked)), entry.holiday)


@dataclass(frozen=True)
class MonthHours:
    month: dt.date
    days: int
    worked: Decimal  # hours
    regular: Decimal
    overtime: Decimal
    late_night: Decimal
    holiday: Decimal


def month_hours(entries: Iterable[HoursEntry], month: dt.date) -> MonthHours:
    """Totals for the calendar month starting at `month` (hours as exact Decimals)."""
    days = [day_hours(e) for e in entries if (e.day.year, e.day.month) == (month.year, month.month)]
    worked = sum(d.worked_minutes for d in days)
    holiday = sum(d.worked_minutes for d in days if d.holiday)
    overtime = sum(d.overtime_minutes for d in days)
    regular = worked - holiday - overtime
    night = sum(d.night_minutes for d in days)

    def h(minutes: int) -> Decimal:
        return (Decimal(minutes) / 60).quantize(Decimal("0.01"))

    return MonthHours(month, len(days), h(worked), h(regular), h(overtime), h(night), h(holiday))
