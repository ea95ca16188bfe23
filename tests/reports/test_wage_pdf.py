"""Issue 11 in the PDFs: a month that was not checked never reads as "0 ¥"; a lower bound says "at least";
every rate's source is listed, with the copy it was checked against."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from handbook_app.core import records as r
from handbook_app.core.money import Money
from handbook_app.reports.model import ReportOptions
from handbook_app.services import reports
from tests.reports.test_evidence_pack import has, squash, text_of


def _vault(handbook):
    # Aichi, ¥1,100 an hour. November 2025: checked (1,140 → 160 × 40 = 6,400 short). November 2026: after the
    # table, at least 6,400. A second contract with no prefecture: its month is not checked at all.
    c = handbook.add(r.Contract(employer="Yamada", prefecture=23, wage=Money(1100, "JPY"),
                                start=dt.date(2025, 4, 1), end=dt.date(2026, 12, 31))).record
    other = handbook.add(r.Contract(employer="Other", wage=Money(1200, "JPY"), start=dt.date(2027, 1, 1))).record
    for month, contract, base in ((dt.date(2025, 11, 1), c, 176_000), (dt.date(2026, 11, 1), c, 176_000),
                                  (dt.date(2027, 1, 1), other, 192_000)):
        handbook.add(r.Payslip(month=month, contract_id=contract.id, regular_hours=Decimal(160),
                               base_pay=Money(base, "JPY"), gross=Money(base, "JPY"), net=Money(base, "JPY")))


def test_evidence_pack_says_not_checked_and_at_least(handbook, tmp_path):
    _vault(handbook)
    dest = tmp_path / "pack.pdf"
    result = reports.build_evidence_pack(handbook, dest, ReportOptions(langs=("en", "ja"), sections=frozenset(
        {"payslips"})))
    assert result.missing_glyphs == ()
    _reader, pages = text_of(dest)
    full = "\n".join(pages)
    assert has(full, "Estimated total shortfall / 推定不足額の合計: at least ¥12,800")
    assert has(full, "not checked / 未確認")
    assert has(full, "1,140 (lower bound / 下限)")
    assert has(full, "at least ¥6,400")
    assert has(full, "1 month not checked against the minimum wage")  # one month: singular
    assert has(full, "only a copy of this list was available and checked")
    assert has(full, "厚生労働省「地域別最低賃金の全国一覧」")
    # The month not checked: its minimum-wage and shortfall cells say "not checked", never "—" or a 0.
    row = squash(full[full.index("2027-01"):full.index("Estimated total shortfall")])
    assert row.count(squash("not checked / 未確認")) == 2
    assert not row.endswith("—") and "¥192,000¥0¥192,000—" not in row


def test_shortfall_statement_states_the_rounding_rule_and_not_checked_months(handbook, tmp_path):
    _vault(handbook)
    dest = tmp_path / "short.pdf"
    result = reports.build_shortfall_statement(handbook, dest, ReportOptions(langs=("en", "ja")))
    assert result.missing_glyphs == ()
    _reader, pages = text_of(dest)
    full = "\n".join(pages)
    assert has(full, "at least ¥12,800")
    assert has(full, "Months not checked (not counted in the total, not a clean result)")
    assert has(full, "Rounding: each amount owed is the least")
    assert "No shortfall was found in the payslips" not in full
