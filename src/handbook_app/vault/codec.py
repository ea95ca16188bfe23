"""Records <-> SQL rows, derived from the dataclass fields so schema and code cannot drift apart.

Money `x` is two columns `x_minor` (INTEGER) and `x_currency` (TEXT); Decimal is TEXT (exact);
dates are ISO TEXT; dicts and lists are canonical JSON TEXT; bool is INTEGER 0/1.
The same flat row dict is what the audit chain and the JSON export record.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
import typing
from decimal import Decimal
from functools import cache
from typing import Any

from handbook_app.core.audit import canonical_json
from handbook_app.core.money import Money
from handbook_app.core.records import Record

SHARED_TEXT_MAX = 16  # short texts (currency codes, choice keys) are interned when read


@cache
def _hints(cls: type[Record]) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _base(tp: Any) -> Any:
    """int | None -> int; list[...] -> list."""
    args = typing.get_args(tp)
    if type(None) in args:
        tp = next(a for a in args if a is not type(None))
    return typing.get_origin(tp) or tp


@cache
def columns(cls: type[Record]) -> tuple[str, ...]:
    cols = ["id"]
    for f in dataclasses.fields(cls):
        if f.name == "id":
            continue
        if _base(_hints(cls)[f.name]) is Money:
            cols += [f"{f.name}_minor", f"{f.name}_currency"]
        else:
            cols.append(f.name)
    return tuple(cols)


@cache
def _plan(cls: type[Record]) -> tuple[tuple[str, Any], ...]:
    """(field name, base type) for every field but id, worked out once per record type."""
    return tuple((f.name, _base(_hints(cls)[f.name])) for f in dataclasses.fields(cls) if f.name != "id")


def to_row(record: Record) -> dict[str, Any]:
    row: dict[str, Any] = {"id": record.id}
    for name, base in _plan(type(record)):
        value = getattr(record, name)
        if base is Money:
            row[f"{name}_minor"] = value.minor
            row[f"{name}_currency"] = value.currency
        elif value is None:
            row[name] = None
        elif base is Decimal:
            row[name] = str(value)
        elif base is dt.date:
            row[name] = value.isoformat()
        elif base in (dict, list):
            row[name] = canonical_json(value)
        elif base is bool:
            row[name] = int(value)
        else:
            row[name] = value
    return row


def from_row(cls: type[Record], row: dict[str, Any]) -> Record:
    kwargs: dict[str, Any] = {"id": row["id"]}
    for name, base in _plan(cls):
        if base is Money:
            kwargs[name] = Money(row[f"{name}_minor"], sys.intern(row[f"{name}_currency"]))
            continue
        value = row[name]
        if base is str and value is not None and len(value) <= SHARED_TEXT_MAX:
            kwargs[name] = sys.intern(value)  # one shared copy of "JPY", "bank", "open"… across 10,000 rows
        elif value is None or base is str or base is int:
            kwargs[name] = value
        elif base is Decimal:
            kwargs[name] = Decimal(value)
        elif base is dt.date:
            kwargs[name] = dt.date.fromisoformat(value)
        elif base is dict:
            kwargs[name] = json.loads(value)
        elif base is list:
            kwargs[name] = [tuple(x) if isinstance(x, list) else x for x in json.loads(value)]
        elif base is bool:
            kwargs[name] = bool(value)
        else:
            kwargs[name] = value
    return cls(**kwargs)


def sql_type(cls: type[Record], column: str) -> str:
    if column == "id":
        return "INTEGER PRIMARY KEY"
    for f in dataclasses.fields(cls):
        base = _base(_hints(cls)[f.name])
        if base is Money and column in (f"{f.name}_minor", f"{f.name}_currency"):
            return "INTEGER NOT NULL" if column.endswith("_minor") else "TEXT NOT NULL"
        if f.name == column:
            return {int: "INTEGER", bool: "INTEGER"}.get(base, "TEXT")
    raise KeyError(column)
