"""The 47 prefectures of Japan (JIS X 0401 codes 1–47) and their names in our three languages.

The table lives in ``resources/data/prefectures.csv`` (code, name_ja, name_en, name_vi) so a
name can be corrected without touching code. Vietnamese usually writes Japanese place names
in their romanised form ("Tokyo", "Osaka"), so ``name_vi`` mostly equals ``name_en``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from handbook_app.i18n import current_locale
from handbook_app.resources import resource_path

PREFECTURE_CODES = range(1, 48)


class PrefectureDataError(ValueError):
    """The bundled prefecture table is malformed (a packaging error, not a user error)."""


@dataclass(frozen=True, slots=True)
class Prefecture:
    code: int
    name_ja: str
    name_en: str
    name_vi: str

    def name(self, locale: str | None = None) -> str:
        """The name in `locale` ('ja' → 愛知県, 'vi'/'en' → Aichi); current language by default."""
        loc = locale or current_locale()
        if loc.startswith("ja"):
            return self.name_ja
        if loc.startswith("vi"):
            return self.name_vi
        return self.name_en


def default_path() -> Path:
    return resource_path("data", "prefectures.csv")


@cache
def _load(path: Path) -> tuple[Prefecture, ...]:
    rows: list[Prefecture] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line_no, row in enumerate(csv.DictReader(handle), start=2):
            try:
                code = int(row["code"])
                pref = Prefecture(code, row["name_ja"].strip(), row["name_en"].strip(), row["name_vi"].strip())
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise PrefectureDataError(f"{path.name}, line {line_no}: {exc}") from None
            if code not in PREFECTURE_CODES or not (pref.name_ja and pref.name_en and pref.name_vi):
                raise PrefectureDataError(f"{path.name}, line {line_no}: bad row {row!r}")
            rows.append(pref)
    codes = [p.code for p in rows]
    if sorted(codes) != list(PREFECTURE_CODES):
        raise PrefectureDataError(f"{path.name}: expected each code 1–47 exactly once")
    return tuple(sorted(rows, key=lambda p: p.code))


def prefectures(path: Path | None = None) -> tuple[Prefecture, ...]:
    """All 47 prefectures in JIS order (Hokkaido first, Okinawa last). Loaded once."""
    return _load(Path(path) if path is not None else default_path())


def prefecture(code: int, path: Path | None = None) -> Prefecture:
    """The prefecture with this JIS X 0401 code; KeyError for anything outside 1–47."""
    if not isinstance(code, int) or code not in PREFECTURE_CODES:
        raise KeyError(code)
    return prefectures(path)[code - 1]


def name(code: int, locale: str | None = None) -> str:
    """Name of prefecture `code` in `locale` (current language when None)."""
    return prefecture(code).name(locale)
