"""The bundled minimum-wage and prefecture tables, and the in-force lookup."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from handbook_app.core.minimum_wage import (
    MinimumWageDataError,
    NoDataReason,
    load_table,
    minimum_wage_lookup,
    minimum_wage_on,
    parse_table,
)
from handbook_app.core.prefectures import name, prefecture, prefectures
from handbook_app.resources import resource_path

CSV = resource_path("data", "minimum_wage.csv")
HEADER = "prefecture,fiscal_year,yen_per_hour,effective_date,verified,source_url,source_title,checked_on,note\n"


def rows() -> list[dict[str, str]]:
    with CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- the data ------------------------------------------------------------------------------

@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_every_prefecture_has_a_verified_row(year: int) -> None:
    codes = sorted(int(r["prefecture"]) for r in rows() if int(r["fiscal_year"]) == year and r["verified"] == "yes")
    assert codes == list(range(1, 48))


def test_rows_have_http_sources_and_checked_dates() -> None:
    for r in rows():
        assert r["source_url"].startswith(("https://", "http://")), r
        assert r["source_title"].strip(), r
        dt.date.fromisoformat(r["checked_on"])


def test_effective_dates_fall_in_the_revision_season() -> None:
    # Revisions take effect from October of the fiscal year; FY2025 ran into 2026
    # (Akita 2026-03-31 is the latest, per the facts file).
    for r in rows():
        if not r["effective_date"]:
            assert r["verified"] == "no"
            continue
        year = int(r["fiscal_year"])
        day = dt.date.fromisoformat(r["effective_date"])
        assert dt.date(year, 8, 1) <= day <= dt.date(year, 12, 31) or (
            year == 2025 and dt.date(2026, 1, 1) <= day <= dt.date(2026, 3, 31)
        ), r


def test_amounts_rise_year_on_year() -> None:
    table = load_table()
    for code in range(1, 48):
        amounts = [r.yen_per_hour for r in table.for_prefecture(code)]
        assert amounts == sorted(amounts) and len(set(amounts)) == len(amounts), (code, amounts)


def test_known_amounts_from_the_facts_file() -> None:
    table = load_table()
    by_key = {(r.prefecture, r.fiscal_year): r for r in table.rows}
    assert by_key[13, 2025].yen_per_hour == 1226  # Tokyo, highest FY2025
    assert by_key[23, 2025].yen_per_hour == 1140 and by_key[23, 2025].effective == dt.date(2025, 10, 18)
    assert by_key[5, 2025].effective == dt.date(2026, 3, 31)  # Akita, latest
    assert by_key[5, 2024].yen_per_hour == 951  # Akita, lowest FY2024
    assert by_key[3, 2023].yen_per_hour == 893  # Iwate, lowest FY2023
    assert by_key[47, 2024].effective == dt.date(2024, 10, 9)  # Okinawa: found after the facts file


def test_prefectures_table() -> None:
    all_prefs = prefectures()
    assert [p.code for p in all_prefs] == list(range(1, 48))
    assert prefecture(23).name_ja == "愛知県" and prefecture(23).name_en == "Aichi"
    assert prefecture(13).name_vi == "Tokyo"
    assert name(1, "ja") == "北海道" and name(47, "en") == "Okinawa" and name(27, "vi") == "Osaka"
    with pytest.raises(KeyError):
        prefecture(48)


# --- the lookup ----------------------------------------------------------------------------

def test_rate_in_force_changes_on_the_effective_date() -> None:
    # Aichi: FY2024 1,077 from 2024-10-01; FY2025 1,140 from 2025-10-18.
    assert minimum_wage_on(23, dt.date(2025, 10, 17)).yen_per_hour == 1077
    assert minimum_wage_on(23, dt.date(2025, 10, 18)).yen_per_hour == 1140
    assert minimum_wage_on(23, dt.date(2024, 9, 30)).yen_per_hour == 1027  # FY2023
    # Akita's FY2025 rate only from 2026-03-31: the whole winter is still FY2024's 951.
    assert minimum_wage_on(5, dt.date(2026, 3, 30)).yen_per_hour == 951
    assert minimum_wage_on(5, dt.date(2026, 3, 31)).yen_per_hour == 1031


def test_no_data_before_the_table_starts() -> None:
    # Aichi FY2023 took effect 2023-10-01; FY2022 is not in the table.
    assert minimum_wage_on(23, dt.date(2023, 9, 30)) is None
    assert minimum_wage_lookup(23, dt.date(2023, 9, 30)).reason is NoDataReason.BEFORE_TABLE


def test_no_data_once_a_newer_revision_may_apply() -> None:
    # The table ends with FY2025; FY2026 revisions may apply from 2026-10-01.
    assert minimum_wage_on(13, dt.date(2026, 9, 30)).yen_per_hour == 1226
    assert minimum_wage_lookup(13, dt.date(2026, 10, 1)).reason is NoDataReason.AFTER_TABLE
    assert minimum_wage_lookup(99, dt.date(2025, 1, 1)).reason is NoDataReason.UNKNOWN_PREFECTURE


def test_unverified_row_means_no_data_not_a_guess(tmp_path: Path) -> None:
    path = tmp_path / "mw.csv"
    path.write_text(
        HEADER
        + "44,2024,954,2024-10-05,yes,https://example.org/a,A,2026-11-27,\n"
        + "44,2025,1035,,no,https://example.org/b,B,2026-11-27,date not found\n",
        encoding="utf-8",
    )
    assert minimum_wage_on(44, dt.date(2025, 9, 30), path).yen_per_hour == 954
    # From 1 October 2025 the FY2025 rate may apply on a date we do not know: say so.
    assert minimum_wage_on(44, dt.date(2025, 10, 1), path) is None
    assert minimum_wage_lookup(44, dt.date(2025, 12, 1), path).reason is NoDataReason.DATE_UNVERIFIED


@pytest.mark.parametrize(
    "body, message",
    [
        ("23,2025,1140,2025-10-18,yes,ftp://x,T,2026-11-27,\n", "http"),
        ("23,2025,1140,,yes,https://x,T,2026-11-27,\n", "effective_date"),
        ("48,2025,1140,2025-10-18,yes,https://x,T,2026-11-27,\n", "1–47"),
        ("23,2025,1140,2025-10-18,maybe,https://x,T,2026-11-27,\n", "verified"),
        ("23,2025,1140,2025-10-18,yes,https://x,T,2026-11-27,\n" * 2, "duplicate"),
        (
            "23,2024,1077,2024-10-01,yes,https://x,T,2026-11-27,\n23,2025,1140,2024-09-01,yes,https://x,T,2026-11-27,\n",
            "no later",
        ),
    ],
)
def test_bad_tables_are_refused(body: str, message: str) -> None:
    with pytest.raises(MinimumWageDataError, match=message):
        parse_table((HEADER + body).splitlines(keepends=True))


def test_every_row_cites_the_mhlw_list_and_says_when_only_a_copy_was_checked() -> None:
    # Issue 11: the primary source of every row is MHLW's 地域別最低賃金の全国一覧 on mhlw.go.jp; a third-party copy
    # is only a cross-check, and a row checked against a copy alone says so (checked_against = copy + its address).
    for r in rows():
        assert r["source_url"].startswith("https://www.mhlw.go.jp/"), r
        assert "地域別最低賃金の全国一覧" in r["source_title"], r
        assert r["checked_against"] in ("mhlw", "labour_bureau", "copy"), r
        if r["checked_against"] != "mhlw":
            assert r["copy_url"].startswith(("http://", "https://")) and r["copy_title"], r
    table = load_table()
    assert all(row.checked_against == "copy" for row in table.for_prefecture(23))  # Aichi: copies only
