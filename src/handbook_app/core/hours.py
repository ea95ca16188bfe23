"""Hours from the daily log: worked time, late-night time (22:00-05:00), overtime and monthly totals.

Overtime follows the Labour Standards Act art. 32: hours beyond 8 in a day, and hours beyond 40
in a week that were not already counted as daily overtime (six 8-hour days: the sixth day's 8
hours are overtime). The week runs Sunday to Saturday (the calendar week, which applies unless
the work rules say otherwise); its overtime belongs to the day on which the 40 hours are passed,
so a week that straddles two months gives each month its own part. Hours on the statutory rest
day ("holiday") are holiday work, counted in neither rule.

A shift whose end is at or before its start ends the next day (a night shift, 22:00-06:00).
Breaks are taken off the worked time, from the daytime part first: we do not know when the
break was, and assuming it was at night would understate the night premium owed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

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
    worked, night = _worked_and_night(entry.start, entry.end, entry.break_minutes)
    return DayHours(entry.day, worked, night, entry.holiday)


@lru_cache(maxsize=4096)
def _worked_and_night(start_clock: str, end_clock: str, break_minutes: int) -> tuple[int, int]:
    """(worked, night) minutes of one shift; cached, as a log repeats the same few shifts thousands of times."""
    start, end = _minutes(start_clock), _minutes(end_clock)
    if end <= start:
        end += _DAY_MINUTES
    span = end - start
    night = sum(
        _overlap(start, end, lo + offset, hi + offset) for offset in (0, _DAY_MINUTES) for lo, hi in _NIGHT
    )
    worked = max(0, span - break_minutes)
    day_part = span - night
    night_worked = night - max(0, break_minutes - day_part)
    return worked, max(0, min(night_worked, worked))


WEEK_LIMIT_MINUTES = 40 * 60
DAY_LIMIT_MINUTES = 8 * 60


def week_start(day: dt.date) -> dt.date:
    """The Sunday that starts `day`'s calendar week."""
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def merge_days(entries: Iterable[HoursEntry]) -> dict[dt.date, DayHours]:
    """One DayHours per day (a split shift logged as two entries is one day's work), by date."""
    days: dict[dt.date, DayHours] = {}
    for entry in entries:
        d = day_hours(entry)
        if d.day in days:
            old = days[d.day]
            d = DayHours(d.day, old.worked_minutes + d.worked_minutes, old.night_minutes + d.night_minutes,
                         old.holiday or d.holiday)
        days[d.day] = d
    return days


def weekly_overtime(days: Mapping[dt.date, DayHours]) -> dict[dt.date, int]:
    """Minutes of weekly (40-hour) overtime per day, beyond what the daily 8-hour rule already counts."""
    out: dict[dt.date, int] = {}
    counted: dict[dt.date, int] = {}  # week start -> minutes within the daily limit so far
    for day in sorted(days):
        d = days[day]
        if d.holiday:
            continue
        start = week_start(day)
        within = min(d.worked_minutes, DAY_LIMIT_MINUTES)
        before = counted.get(start, 0)
        over = max(0, before + within - WEEK_LIMIT_MINUTES) - max(0, before - WEEK_LIMIT_MINUTES)
        counted[start] = before + within
        if over:
            out[day] = over
    return out


@dataclass(frozen=True)
class MonthHours:
    month: dt.date
    days: int
    worked: Decimal  # hours
    regular: Decimal  # within 8 h a day and 40 h a week, not on the rest day
    overtime: Decimal  # daily + weekly overtime
    late_night: Decimal
    holiday: Decimal
    weekly_overtime: Decimal = Decimal("0.00")  # the part of `overtime` from the 40-hour week
    regular_minutes_by_day: Mapping[dt.date, int] = field(default_factory=dict)


def _h(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"))


class HoursLog:
    """The whole log, read once; months are then summed without re-reading every entry."""

    def __init__(self, entries: Iterable[HoursEntry]) -> None:
        self.days = merge_days(entries)
        self.weekly = weekly_overtime(self.days)
        self.by_month: dict[tuple[int, int], list[DayHours]] = {}
        for day in sorted(self.days):
            self.by_month.setdefault((day.year, day.month), []).append(self.days[day])

    def has_month(self, month: dt.date) -> bool:
        return (month.year, month.month) in self.by_month

    def month(self, month: dt.date) -> MonthHours:
        days = self.by_month.get((month.year, month.month), [])
        worked = sum(d.worked_minutes for d in days)
        holiday = sum(d.worked_minutes for d in days if d.holiday)
        daily = sum(d.overtime_minutes for d in days)
        weekly = sum(self.weekly.get(d.day, 0) for d in days)
        regular_by_day = {
            d.day: d.worked_minutes - d.overtime_minutes - self.weekly.get(d.day, 0) for d in days if not d.holiday
        }
        night = sum(d.night_minutes for d in days)
        return MonthHours(month, len(days), _h(worked), _h(worked - holiday - daily - weekly), _h(daily + weekly),
                          _h(night), _h(holiday), _h(weekly), regular_by_day)


def month_hours(entries: Iterable[HoursEntry], month: dt.date) -> MonthHours:
    """Totals for the calendar month starting at `month` (hours as exact Decimals). Pass the entries of
    the weeks around the month too (all entries will do): the 40-hour week needs them."""
    return HoursLog(entries).month(month)
