"""Import remittances or repayments from a bank / transfer-company statement (CSV).

Steps, all free of side effects (the caller saves `plan.records` in one transaction, or nothing):

1. `preview(data)` decodes the bytes (UTF-8, UTF-8 with BOM, UTF-16, Shift_JIS/cp932), finds the
   delimiter, and returns the header, the first rows and a guessed column mapping.
2. The user confirms or changes the mapping (`ImportSettings.mapping`: field -> column index),
   the number/date style (`locale`, `date_order`) and the currencies.
3. `plan_import(data, settings, existing)` parses every row and returns an `ImportPlan`: the valid
   records, and the rejected rows with translated reasons (bad number, comma/period mix-up,
   bad date, duplicate of a saved record or of another line).

Numbers are read strictly in the chosen locale's style: a separator that would only make sense in
another style ("150,000" for yen in Vietnamese style, where the comma is the decimal mark) is
refused with a reason, never guessed. Dates follow one explicit order; an impossible date is
refused, day and month are never swapped.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from babel import Locale

from handbook_app.core.money import Money
from handbook_app.core.records import Remittance, Repayment
from handbook_app.i18n import _
from handbook_app.i18n.formatting import ParseError, currency_digits, parse_decimal, parse_money

KINDS = ("remittance", "repayment")

# field -> required?
FIELDS: dict[str, dict[str, bool]] = {
    "remittance": {"date": True, "sent": True, "fee": False, "received": True, "provider": False,
                   "recipient": False, "notes": False},
    "repayment": {"date": True, "paid": True, "rate": False, "notes": False},
}

# Header words that suggest a field (compared without case, accents or spaces), in vi / ja / en.
HEADER_HINTS: dict[str, tuple[str, ...]] = {
    "date": ("ngay", "ngaygiaodich", "thoigian", "日付", "取引日", "送金日", "年月日", "date", "transactiondate",
             "valuedate"),
    "sent": ("sotiengui", "tiengui", "sotienchuyen", "送金額", "送金金額", "出金", "出金額", "支払金額", "sent",
             "amountsent", "sendamount", "debit", "amount"),
    "fee": ("phi", "phichuyen", "phichuyentien", "手数料", "送金手数料", "fee", "fees", "charge", "charges"),
    "received": ("sotiennhan", "tiennhan", "thucnhan", "受取額", "受取金額", "受取", "received", "amountreceived",
                 "receiveamount", "payout"),
    "provider": ("nganhang", "congty", "dichvu", "送金会社", "銀行", "provider", "bank", "company", "service"),
    "recipient": ("nguoinhan", "受取人", "recipient", "beneficiary", "payee"),
    "notes": ("ghichu", "noidung", "diengiai", "備考", "摘要", "メモ", "notes", "note", "memo", "description",
              "reference"),
    "paid": ("sotientra", "tientra", "tragop", "sotien", "返済額", "支払額", "金額", "paid", "amountpaid",
             "payment", "amount", "repayment"),
    "rate": ("tygia", "tigia", "為替レート", "レート", "rate", "exchangerate", "fxrate"),
}

DATE_ORDERS = ("YMD", "DMY", "MDY")
_DEFAULT_ORDER = {"vi": "DMY", "ja": "YMD", "en": "MDY"}


class CsvImportError(ValueError):
    """The file as a whole cannot be read; the message is translated."""


# --------------------------------------------------------------------------- decoding


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name). Tries BOMs, UTF-16 without BOM, UTF-8, then cp932 (Shift_JIS)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    sample = data[:4000]
    if len(sample) >= 4 and sample.count(b"\x00") >= len(sample) // 4:
        enc = "utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be"
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            pass
    for enc in ("utf-8", "cp932"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise CsvImportError(_(
        "This file's text encoding could not be recognised. Save it as UTF-8 (or Shift_JIS) CSV and try again."))


def _rows(text: str) -> tuple[str, list[list[str]]]:
    lines = text.splitlines()
    sample = "\n".join(lines[:20])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    try:
        rows = [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error:  # a field over csv.field_size_limit() (131,072 characters), or a stray NUL
        raise CsvImportError(_("This file cannot be read as a table: one field is longer than {limit} characters "
                               "or holds characters a table cannot. Nothing was imported.").format(
            limit=f"{csv.field_size_limit():,}")) from None
    return delimiter, rows


def file_rows(data: bytes | str) -> list[list[str]]:
    """Every row of the file as the import reads it (line N is rows[N - 1])."""
    text = data if isinstance(data, str) else decode(data)[0]
    return _rows(text)[1]


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.strip().lower()).replace("đ", "d")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\s_\-()./:（）]", "", text)


def guess_mapping(headers: Sequence[str], kind: str) -> dict[str, int]:
    """A first guess of field -> column from header names (exact word first, then contained word)."""
    normed = [_norm(h) for h in headers]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for exact in (True, False):
        for fld in FIELDS[kind]:
            if fld in mapping:
                continue
            for hint in HEADER_HINTS.get(fld, ()):
                h = _norm(hint)
                hit = next((i for i, n in enumerate(normed) if i not in used and n and (
                    n == h if exact else (len(h) >= 2 and h in n))), None)
                if hit is not None:
                    mapping[fld] = hit
                    used.add(hit)
                    break
    return mapping


@dataclass(frozen=True)
class Preview:
    encoding: str
    delimiter: str
    headers: list[str]
    rows: list[list[str]]  # the first rows after the header
    row_count: int
    guess: dict[str, int]


def preview(data: bytes | str, kind: str = "remittance", limit: int = 20) -> Preview:
    text, enc = (data, "text") if isinstance(data, str) else decode(data)
    delimiter, rows = _rows(text)
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise CsvImportError(_("The file is empty."))
    headers, body = rows[0], rows[1:]
    return Preview(enc, delimiter, headers, body[:limit], len(body), guess_mapping(headers, kind))


# --------------------------------------------------------------------------- strict parsing


def _symbols(locale: str) -> tuple[str, str]:
    symbols = Locale.parse(locale).number_symbols
    symbols = symbols.get("latn", symbols)
    return symbols.get("decimal", "."), symbols.get("group", ",")


def parse_amount(text: str, currency: str, locale: str) -> int:
    """Minor units; refuses negative amounts and separators that suggest another number style."""
    raw = (text or "").strip()
    decimal_mark, group = _symbols(locale)
    digits = currency_digits(currency)
    numeric = re.sub(r"[^\d.,\-\u2212]", "", raw)
    if decimal_mark in numeric:
        after = numeric.rsplit(decimal_mark, 1)[1]
        n_after = len(re.sub(r"\D", "", after))
        if n_after > digits:
            raise ParseError(_(
                "'{text}': in the chosen number style '{mark}' is the decimal mark, but {currency} has "
                "{digits} decimal places, so this looks like a thousands separator from another style. "
                "Check the number style chosen for this file."
            ).format(text=raw, mark=decimal_mark, currency=currency, digits=digits))
    if group and group in numeric and decimal_mark not in numeric and re.search(
            re.escape(group) + r"\d{1,2}$", numeric):
        raise ParseError(_(
            "'{text}': '{mark}' separates thousands in the chosen number style, but here it looks like a "
            "decimal mark. Check the number style chosen for this file."
        ).format(text=raw, mark=group))
    minor = parse_money(raw, currency, locale)
    if minor < 0:
        raise ParseError(_("'{text}' is negative; enter amounts without a minus sign.").format(text=raw))
    return minor


_Y_FIRST = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_THREE = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$")


def parse_strict_date(text: str, order: str) -> dt.date:
    """A date in one explicit order (YMD, DMY or MDY); a time after the date is ignored.

    Year-first forms (2026-11-27, 2026/11/27, 2026年11月27日, 20261127) are read in any order setting.
    """
    raw = (text or "").strip()
    core = re.split(r"[\sT]+(?=\d{1,2}:\d{2})", raw)[0].strip()
    m = _Y_FIRST.match(core) or _COMPACT.match(core)
    try:
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = _THREE.match(core)
        if m and order in ("DMY", "MDY"):
            a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            day, month = (a, b) if order == "DMY" else (b, a)
            return dt.date(year, month, day)
    except ValueError:
        pass
    order_text = {"YMD": _("year/month/day"), "DMY": _("day/month/year"), "MDY": _("month/day/year")}[order]
    raise ParseError(_("'{text}' is not a date in {order} order.").format(text=raw, order=order_text))


# --------------------------------------------------------------------------- plan


@dataclass(frozen=True)
class ImportSettings:
    kind: str  # "remittance" or "repayment"
    mapping: dict[str, int]  # field -> column index
    locale: str = "vi"  # number style of the file
    date_order: str | None = None  # YMD / DMY / MDY; default from locale
    has_header: bool = True
    sent_currency: str = "JPY"  # remittance: sent and fee
    received_currency: str = "VND"
    paid_currency: str = "JPY"  # repayment
    loan_id: int = 0  # repayment: which loan
    loan_currency: str | None = None  # repayment: a rate is required when it differs from paid_currency
    channel: str = "bank"


@dataclass(frozen=True)
class RejectedRow:
    line: int  # 1-based line number in the file
    cells: list[str]
    reasons: list[str]  # translated
    duplicate: bool = False


@dataclass(frozen=True)
class ImportPlan:
    kind: str
    encoding: str
    records: list = field(default_factory=list)  # Remittance or Repayment values, id None
    lines: list[int] = field(default_factory=list)  # source line of each record
    rejected: list[RejectedRow] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected


def _key(rec) -> tuple:
    if isinstance(rec, Remittance):
        return ("r", rec.date, rec.sent, rec.fee, rec.received)
    return ("p", rec.loan_id, rec.date, rec.paid)


def plan_import(data: bytes | str, settings: ImportSettings, existing: Sequence = ()) -> ImportPlan:
    """Parse the whole file into records and rejected rows; touches nothing."""
    if settings.kind not in KINDS:
        raise ValueError(settings.kind)
    text, enc = (data, "text") if isinstance(data, str) else decode(data)
    _d, rows = _rows(text)
    order = settings.date_order or _DEFAULT_ORDER.get(settings.locale.split("_")[0], "YMD")
    missing = [f for f, req in FIELDS[settings.kind].items() if req and f not in settings.mapping]
    if missing:
        raise CsvImportError(_("Choose a column for: {fields}.").format(fields=", ".join(missing)))

    seen: dict[tuple, str] = {}
    for rec in existing:
        if isinstance(rec, Remittance | Repayment):
            seen.setdefault(_key(rec), _("a record already saved"))
    records, lines, rejected = [], [], []
    start = 1 if settings.has_header else 0
    for index, cells in enumerate(rows[start:], start=start + 1):
        if not any(c.strip() for c in cells):
            continue
        reasons: list[str] = []
        rec = _parse_row(cells, settings, order, reasons)
        if rec is None:
            rejected.append(RejectedRow(index, cells, reasons))
            continue
        key = _key(rec)
        if key in seen:
            rejected.append(RejectedRow(index, cells, [_("Same date and amounts as {other}.").format(
                other=seen[key])], duplicate=True))
            continue
        seen[key] = _("line {line} of this file").format(line=index)
        records.append(rec)
        lines.append(index)
    return ImportPlan(settings.kind, enc, records, lines, rejected)


def _parse_row(cells: list[str], s: ImportSettings, order: str, reasons: list[str]):
    def cell(fld: str) -> str | None:
        col = s.mapping.get(fld)
        if col is None:
            return None
        if col >= len(cells):
            reasons.append(_("The row has no column {column}.").format(column=col + 1))
            return None
        return cells[col].strip()

    def amount(fld: str, currency: str, required: bool) -> int | None:
        text = cell(fld)
        if text is None or text == "":
            if required and text == "":
                reasons.append(_("The amount is empty ({field}).").format(field=fld))
            return None if required else 0
        try:
            return parse_amount(text, currency, s.locale)
        except ParseError as exc:
            reasons.append(str(exc))
            return None

    date_text = cell("date")
    day = None
    if date_text:
        try:
            day = parse_strict_date(date_text, order)
        except ParseError as exc:
            reasons.append(str(exc))
    elif date_text == "":
        reasons.append(_("The date is empty."))
    notes = cell("notes") or ""
    if s.kind == "remittance":
        sent = amount("sent", s.sent_currency, True)
        fee = amount("fee", s.sent_currency, False)
        received = amount("received", s.received_currency, True)
        if sent == 0:
            reasons.append(_("The amount sent is zero."))
        if reasons or day is None or sent is None or received is None:
            return None
        return Remittance(date=day, sent=Money(sent, s.sent_currency), fee=Money(fee or 0, s.sent_currency),
                          received=Money(received, s.received_currency), channel=s.channel,
                          provider=cell("provider") or "", recipient=cell("recipient") or "", notes=notes)
    paid = amount("paid", s.paid_currency, True)
    if paid == 0:
        reasons.append(_("The amount paid is zero."))
    rate = None
    rate_text = cell("rate")
    if rate_text:
        try:
            rate = parse_decimal(rate_text, s.locale)
            if rate <= 0:
                reasons.append(_("The exchange rate {rate} cannot be right.").format(rate=rate_text))
        except ParseError as exc:
            reasons.append(str(exc))
    if s.loan_currency and s.loan_currency != s.paid_currency and rate is None and not reasons:
        reasons.append(_("This loan is in {loan_currency}: the exchange rate is missing.").format(
            loan_currency=s.loan_currency))
    if reasons or day is None or paid is None:
        return None
    if s.loan_currency == s.paid_currency:
        rate = None
    return Repayment(loan_id=s.loan_id, date=day, paid=Money(paid, s.paid_currency),
                     rate=Decimal(rate) if rate is not None else None, notes=notes)
