"""Statement CSV import: encodings, column guess, strict numbers and dates, duplicates, rejected rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from handbook_app.core.csv_import import (
    CsvImportError,
    ImportSettings,
    decode,
    guess_mapping,
    parse_amount,
    parse_strict_date,
    plan_import,
    preview,
)
from handbook_app.core.money import Money
from handbook_app.core.records import Remittance, Repayment
from handbook_app.i18n.formatting import ParseError

JA_STATEMENT = (
    "送金日,送金額,手数料,受取額,受取人,備考\r\n"
    "2025/01/10,\"100,000\",\"1,500\",\"17,000,000\",母,1月分\r\n"
    "2025/02/10,\"80,000\",\"1,500\",\"13,680,000\",母,2月分\r\n"
    "2025/02/10,\"80,000\",\"1,500\",\"13,680,000\",母,2月分（重複）\r\n"
    "2025/02/30,\"50,000\",0,\"8,500,000\",母,bad date\r\n"
    "2025/03/10,\"50.000\",0,\"8,500,000\",母,comma/period mix-up\r\n"
    "2025/04/10,\"60,000\",600,\"10,200,000\",父,\r\n"
)


def ja_settings(mapping):
    return ImportSettings(kind="remittance", mapping=mapping, locale="ja")


def test_cp932_file_with_japanese_headers():
    data = JA_STATEMENT.encode("cp932")
    text, enc = decode(data)
    assert enc == "cp932" and "送金額" in text
    pv = preview(data, "remittance")
    assert pv.encoding == "cp932" and pv.row_count == 6
    assert pv.guess == {"date": 0, "sent": 1, "fee": 2, "received": 3, "recipient": 4, "notes": 5}
    existing = [Remittance(date=dt.date(2025, 4, 10), sent=Money(60_000, "JPY"), fee=Money(600, "JPY"),
                           received=Money(10_200_000, "VND"), id=3)]
    before = list(existing)
    plan = plan_import(data, ja_settings(pv.guess), existing)
    assert existing == before  # no side effects
    assert [r.sent.minor for r in plan.records] == [100_000, 80_000]
    assert plan.records[0] == Remittance(date=dt.date(2025, 1, 10), sent=Money(100_000, "JPY"),
                                         fee=Money(1_500, "JPY"), received=Money(17_000_000, "VND"),
                                         recipient="母", notes="1月分")
    rejected = {r.line: r for r in plan.rejected}
    assert sorted(rejected) == [4, 5, 6, 7]
    assert rejected[4].duplicate and "line 3" in rejected[4].reasons[0]  # same as an earlier line
    assert "2025/02/30" in rejected[5].reasons[0]  # impossible date, not swapped or guessed
    assert "decimal mark" in rejected[6].reasons[0]  # 50.000 yen in ja style
    assert rejected[7].duplicate and "already saved" in rejected[7].reasons[0]
    assert not plan.ok


def test_other_encodings_and_unreadable_bytes():
    text = "Date,Amount\n2025-01-02,1000\n"
    for enc, name in (("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16")):
        assert decode(text.encode(enc)) == (text, name)
    assert decode(text.encode("utf-16-le"))[1] == "utf-16-le"
    with pytest.raises(CsvImportError):
        decode(b"\x81\x00\xff\xfe\x80\x81" * 3 + b"\xa0\xfd")


def test_vietnamese_style_numbers_and_mixups():
    assert parse_amount("1.500.000", "VND", "vi") == 1_500_000
    assert parse_amount("150.000 ₫", "VND", "vi") == 150_000
    with pytest.raises(ParseError, match="decimal mark"):
        parse_amount("150,000", "JPY", "vi")  # would silently be 150 yen; refused
    with pytest.raises(ParseError):
        parse_amount("1,500.000", "VND", "vi")
    with pytest.raises(ParseError, match="decimal mark"):
        parse_amount("1.500.000", "VND", "en")
    with pytest.raises(ParseError, match="thousands"):
        parse_amount("12,50", "USD", "en")
    assert parse_amount("12.50", "USD", "en") == 1250
    with pytest.raises(ParseError, match="negative"):
        parse_amount("-5,000", "JPY", "ja")


def test_dates_follow_one_order():
    assert parse_strict_date("05/03/2025", "DMY") == dt.date(2025, 3, 5)
    assert parse_strict_date("05/03/2025", "MDY") == dt.date(2025, 5, 3)
    assert parse_strict_date("2025年3月5日", "DMY") == dt.date(2025, 3, 5)
    assert parse_strict_date("2025/03/05 14:22", "YMD") == dt.date(2025, 3, 5)
    assert parse_strict_date("20250305", "DMY") == dt.date(2025, 3, 5)
    with pytest.raises(ParseError):
        parse_strict_date("13/25/2025", "DMY")  # not swapped into 25 Dec... or anything else
    with pytest.raises(ParseError):
        parse_strict_date("05/03/2025", "YMD")


def test_vietnamese_repayment_file_with_rejected_rows():
    csv_text = (
        "Ngày;Số tiền trả;Tỷ giá;Ghi chú\n"
        "15/01/2025;30.000;170,5;tháng 1\n"
        "15/02/2025;30.000;;thiếu tỷ giá\n"
        "15/03/2025;abc;170;\n"
        "15/04/2025;30,000;170;\n"
    )
    pv = preview(csv_text.encode("utf-8"), "repayment")
    assert pv.delimiter == ";"
    assert pv.guess == {"date": 0, "paid": 1, "rate": 2, "notes": 3}
    settings = ImportSettings(kind="repayment", mapping=pv.guess, locale="vi", paid_currency="JPY",
                              loan_id=4, loan_currency="VND")
    plan = plan_import(csv_text.encode("utf-8"), settings)
    assert plan.records == [Repayment(loan_id=4, date=dt.date(2025, 1, 15), paid=Money(30_000, "JPY"),
                                      rate=Decimal("170.5"), notes="tháng 1")]
    reasons = {r.line: r.reasons for r in plan.rejected}
    assert sorted(reasons) == [3, 4, 5]
    assert "rate" in reasons[3][0]
    assert "abc" in reasons[4][0]
    assert "decimal mark" in reasons[5][0]
    assert all(r for rs in reasons.values() for r in rs)


def test_missing_required_column_is_reported():
    with pytest.raises(CsvImportError, match="received"):
        plan_import("a,b\n1,2\n", ImportSettings(kind="remittance", mapping={"date": 0, "sent": 1}))


def test_english_header_guess():
    assert guess_mapping(["Transaction date", "Amount sent", "Fee", "Amount received", "Memo"], "remittance") == {
        "date": 0, "sent": 1, "fee": 2, "received": 3, "notes": 4}
