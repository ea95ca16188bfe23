"""Prefectural minimum wages (地域別最低賃金) and which one is in force on a given day.

The table lives in ``resources/data/minimum_wage.csv``: one row per prefecture and fiscal
year with the hourly amount, the date it took effect, whether that date is verified, its
primary source (MHLW's 地域別最低賃金の全国一覧) and what the row was actually checked against
(the MHLW list, a Labour Bureau page, or only a copy of the list: then said in the row; see
``resources/data/README.md``). A new fiscal year is added by
adding rows; no code changes.

Rules of the lookup (``minimum_wage_on``):

* The rate in force on a day is the verified row with the latest effective date on or
  before that day (until a prefecture's new rate takes effect, the previous year's applies).
* We never guess. The answer is ``None`` ("no data") when
  - the day is before the earliest verified row of that prefecture;
  - a later fiscal year's row exists whose effective date is unknown or unverified and the
    day is on or after 1 October of that fiscal year, so the new rate may already apply;
  - the day is on or after 1 October of the year after the latest fiscal year in the table
    for that prefecture: revisions are decided each summer and take effect from October
    onwards, so a newer rate we do not have may already be in force.
``minimum_wage_lookup`` returns the same answer together with the reason.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path

from handbook_app.core.prefectures import PREFECTURE_CODES
from handbook_app.resources import facts_path

# Each year's revision has taken effect on 1 October at the earliest (the table's earliest
# effective date in every fiscal year is 1 October); a day on or after this month/day of the
# following year may fall under a revision missing from the table.
NEXT_REVISION_EARLIEST = (10, 1)

_COLUMNS = (
    "prefecture", "fiscal_year", "yen_per_hour", "effective_date", "verified",
    "source_url", "source_title", "checked_on",
)


CHECKED_AGAINST = ("mhlw", "labour_bureau", "copy")


class MinimumWageDataError(ValueError):
    """The minimum-wage table is malformed (a packaging or editing error)."""


@dataclass(frozen=True, slots=True)
class MinimumWage:
    """One prefecture's minimum wage for one fiscal year.

    `effective` is None only on unverified rows whose date no source confirmed; such rows are
    kept in the table for the record but ``minimum_wage_on`` never returns them.
    """

    prefecture: int
    fiscal_year: int
    yen_per_hour: int
    effective: dt.date | None
    source_url: str
    source_title: str
    verified: bool
    checked_on: dt.date | None = None
    note: str = ""
    # What the row was actually checked against: "mhlw" (the MHLW list itself, the cited primary source),
    # "labour_bureau" (the prefectural Labour Bureau's own page) or "copy" (only a copy of the MHLW list was
    # available: copy_url / copy_title name it). The primary source stays source_url / source_title.
    checked_against: str = "mhlw"
    copy_url: str = ""
    copy_title: str = ""

    @property
    def primary_checked(self) -> bool:
        return self.checked_against == "mhlw"


class NoDataReason(StrEnum):
    """Why ``minimum_wage_lookup`` found no rate in force."""

    FOUND = "found"
    UNKNOWN_PREFECTURE = "unknown_prefecture"
    BEFORE_TABLE = "before_table"  # the day is before the earliest verified rate we hold
    DATE_UNVERIFIED = "date_unverified"  # a newer rate with an unknown date may already apply
    AFTER_TABLE = "after_table"  # a newer revision than the table holds may already apply


@dataclass(frozen=True, slots=True)
class MinimumWageLookup:
    wage: MinimumWage | None
    reason: NoDataReason


@dataclass(frozen=True, slots=True)
class MinimumWageTable:
    rows: tuple[MinimumWage, ...]
    # prefecture -> its rows, oldest first (built once: a review of ten years of payslips asks thousands of times)
    _index: dict[int, tuple[MinimumWage, ...]] = field(default_factory=dict, init=False, repr=False, compare=False,
                                                       hash=False)

    def __post_init__(self) -> None:
        index: dict[int, list[MinimumWage]] = {}
        for row in self.rows:
            index.setdefault(row.prefecture, []).append(row)
        object.__setattr__(self, "_index", {code: tuple(rows) for code, rows in index.items()})

    def for_prefecture(self, prefecture: int) -> tuple[MinimumWage, ...]:
        """The prefecture's rows, oldest fiscal year first."""
        return self._index.get(prefecture, ())

    def last_known(self, prefecture: int, day: dt.date) -> MinimumWage | None:
        """The latest verified rate that took effect on or before `day`, even when a newer one may apply.

        Minimum wages in Japan have only ever risen, so this rate is a lower bound of the rate in force.
        """
        found = None
        for row in self.for_prefecture(prefecture):
            if row.verified and row.effective is not None and row.effective <= day:
                found = row
        return found

    def change_days(self, prefecture: int, first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
        """Days in (first, last] on which the lookup's answer may change: a verified rate's effective date,
        or 1 October (the start of a revision season, when a newer rate than the table holds may apply)."""
        days = {r.effective for r in self.for_prefecture(prefecture) if r.effective is not None}
        days |= {dt.date(year, *NEXT_REVISION_EARLIEST) for year in range(first.year, last.year + 1)}
        return tuple(sorted(d for d in days if first < d <= last))

    def fiscal_years(self) -> tuple[int, ...]:
        return tuple(sorted({r.fiscal_year for r in self.rows}))

    def lookup(self, prefecture: int, day: dt.date) -> MinimumWageLookup:
        if prefecture not in PREFECTURE_CODES:
            return MinimumWageLookup(None, NoDataReason.UNKNOWN_PREFECTURE)
        rows = self.for_prefecture(prefecture)
        in_force = None
        for row in rows:
            if row.verified and row.effective is not None and row.effective <= day:
                in_force = row  # rows are in fiscal-year order with increasing verified dates
        if in_force is None:
            return MinimumWageLookup(None, NoDataReason.BEFORE_TABLE)
        # A later verified row has a date after `day` (else it would be in force); a later
        # unverified one may already have taken effect once its revision season has begun.
        if any(
            (not r.verified or r.effective is None) and day >= _earliest_possible(r.fiscal_year)
            for r in rows
            if r.fiscal_year > in_force.fiscal_year
        ):
            return MinimumWageLookup(None, NoDataReason.DATE_UNVERIFIED)
        if day >= _earliest_possible(rows[-1].fiscal_year + 1):
            return MinimumWageLookup(None, NoDataReason.AFTER_TABLE)
        return MinimumWageLookup(in_force, NoDataReason.FOUND)


def _earliest_possible(fiscal_year: int) -> dt.date:
    """The earliest day a revision of `fiscal_year` could take effect (see NEXT_REVISION_EARLIEST)."""
    month, day = NEXT_REVISION_EARLIEST
    return dt.date(fiscal_year, month, day)


def default_path() -> Path:
    return facts_path("data", "minimum_wage.csv")


def _parse_date(text: str) -> dt.date | None:
    text = (text or "").strip()
    return dt.date.fromisoformat(text) if text else None


def _parse_row(row: dict[str, str]) -> MinimumWage:
    verified_text = (row["verified"] or "").strip().lower()
    if verified_text not in ("yes", "no"):
        raise ValueError(f"verified must be 'yes' or 'no', not {row['verified']!r}")
    wage = MinimumWage(
        prefecture=int(row["prefecture"]),
        fiscal_year=int(row["fiscal_year"]),
        yen_per_hour=int(row["yen_per_hour"]),
        effective=_parse_date(row["effective_date"]),
        source_url=(row["source_url"] or "").strip(),
        source_title=(row["source_title"] or "").strip(),
        verified=verified_text == "yes",
        checked_on=_parse_date(row["checked_on"]),
        note=(row.get("note") or "").strip(),
        checked_against=(row.get("checked_against") or "mhlw").strip(),
        copy_url=(row.get("copy_url") or "").strip(),
        copy_title=(row.get("copy_title") or "").strip(),
    )
    if wage.prefecture not in PREFECTURE_CODES:
        raise ValueError(f"prefecture code {wage.prefecture} is not 1–47")
    if wage.yen_per_hour <= 0:
        raise ValueError("yen_per_hour must be positive")
    if wage.verified and wage.effective is None:
        raise ValueError("a verified row needs its effective_date")
    if not wage.source_url.startswith(("http://", "https://")):
        raise ValueError("source_url must be an http(s) address")
    if not wage.source_title:
        raise ValueError("source_title is empty")
    if wage.checked_against not in CHECKED_AGAINST:
        raise ValueError(f"checked_against must be one of {', '.join(CHECKED_AGAINST)}")
    if not wage.primary_checked and not wage.copy_url.startswith(("http://", "https://")):
        raise ValueError("a row not checked on the MHLW list itself needs the copy_url it was checked against")
    return wage


def parse_table(lines: Iterable[str], name: str = "minimum_wage.csv") -> MinimumWageTable:
    """Read and validate the CSV text; raises MinimumWageDataError naming the bad line."""
    reader = csv.DictReader(lines)
    missing = [c for c in _COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise MinimumWageDataError(f"{name}: missing columns {', '.join(missing)}")
    rows: list[MinimumWage] = []
    seen: set[tuple[int, int]] = set()
    for line_no, row in enumerate(reader, start=2):
        try:
            wage = _parse_row(row)
        except (TypeError, ValueError, AttributeError) as exc:
            raise MinimumWageDataError(f"{name}, line {line_no}: {exc}") from None
        key = (wage.prefecture, wage.fiscal_year)
        if key in seen:
            raise MinimumWageDataError(f"{name}, line {line_no}: duplicate row for {key}")
        seen.add(key)
        rows.append(wage)
    rows.sort(key=lambda r: (r.prefecture, r.fiscal_year))
    for code in PREFECTURE_CODES:
        dated = [r for r in rows if r.prefecture == code and r.verified]
        for earlier, later in zip(dated, dated[1:], strict=False):
            if later.effective <= earlier.effective:
                raise MinimumWageDataError(
                    f"{name}: prefecture {code} FY{later.fiscal_year} takes effect "
                    f"no later than FY{earlier.fiscal_year}"
                )
    return MinimumWageTable(tuple(rows))


@cache
def _load(path: Path) -> MinimumWageTable:
    with path.open(encoding="utf-8", newline="") as handle:
        return parse_table(handle, path.name)


def load_table(path: Path | None = None) -> MinimumWageTable:
    """The table from `path` (the bundled CSV by default); each file is read once."""
    return _load(Path(path) if path is not None else default_path())


def minimum_wage_lookup(prefecture: int, day: dt.date, path: Path | None = None) -> MinimumWageLookup:
    """The rate in force in `prefecture` on `day`, or why there is none (see the module notes)."""
    return load_table(path).lookup(prefecture, day)


def minimum_wage_on(prefecture: int, day: dt.date, path: Path | None = None) -> MinimumWage | None:
    """The minimum wage in force in `prefecture` (JIS code) on `day`; None when we do not know."""
    return minimum_wage_lookup(prefecture, day, path).wage
