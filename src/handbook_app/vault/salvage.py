"""Read what can be read from a damaged vault, and name what cannot.

SQLCipher checks every page's HMAC, so a damaged page is never read as wrong data: the query that
reaches it fails. A table is read in key order; when a read fails, the next readable key is found by
probing further keys (one by one, then doubling, then halving the step), the range in between is reported
as a gap and reading goes on after it. One damaged leaf page costs the rows on that page and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

import sqlcipher3.dbapi2 as sqlite
from sqlcipher3.dbapi2 import DatabaseError

MIN_KEY = -(2**63)
MAX_KEY = 2**63 - 1
LINEAR_PROBES = 40

__all__ = ["DatabaseError", "Gap", "scan"]


@dataclass(frozen=True)
class Gap:
    """Rows of `table` with keys in [first, last] could not be read (last None: to the end of the table)."""

    table: str
    first: int
    last: int | None

    def describe(self) -> str:
        first = "…" if self.first <= MIN_KEY else str(self.first)
        last = "…" if self.last is None else str(self.last)
        return f"{self.table} {first}–{last}"


def _select(table: str, cols: Sequence[str], key: str) -> str:
    names = ", ".join(f'"{c}"' for c in cols)
    return f'SELECT {names} FROM "{table}" WHERE "{key}" >= ? ORDER BY "{key}"'


class Source(Protocol):
    """What scan reads from: a connection, and a way to get a fresh one (an open Vault is one)."""

    @property
    def conn(self) -> sqlite.Connection: ...

    def recover(self) -> bool: ...


def scan(source: Source, table: str, cols: Sequence[str], key: str = "id") -> Iterator[tuple | Gap]:
    """Every readable row of `table` (all of `cols`, which include `key`) in key order, with a Gap where
    rows could not be read. On a sound table this is one plain query.

    After a failed read SQLite may refuse every later read on that connection, so each failure is followed
    by source.recover() (a fresh read-only connection)."""
    sql = _select(table, cols, key)
    conn = _Reader(source)
    at = cols.index(key)
    low = MIN_KEY
    while True:
        try:
            for row in source.conn.execute(sql, (low,)):
                yield row
                low = row[at] + 1
            return
        except sqlite.DatabaseError:
            source.recover()
        # The driver reads one row ahead, so the failure may belong to the row after the last one given:
        # go on one row per query (LIMIT 1 reads nothing beyond) up to the row that really fails.
        while True:
            try:
                rows = conn.rows(sql + " LIMIT 1", (low,))
            except sqlite.DatabaseError:
                break
            if not rows:
                return
            yield rows[0]
            low = rows[0][at] + 1
        resume = _next_readable(conn, sql, low)
        yield Gap(table, low, None if resume is None else resume - 1)
        if resume is None:
            return
        low = resume


class _Reader:
    """rows() on the source's current connection; a failure recovers the source, then re-raises."""

    def __init__(self, source: Source) -> None:
        self.source = source

    def rows(self, sql: str, args: tuple) -> list[tuple]:
        try:
            return self.source.conn.execute(sql, args).fetchall()
        except sqlite.DatabaseError:
            self.source.recover()
            raise


def _readable_from(conn: _Reader, sql: str, key: int) -> bool:
    try:
        conn.rows(sql + " LIMIT 1", (key,))
        return True
    except sqlite.DatabaseError:
        return False


def _next_readable(conn: _Reader, sql: str, low: int) -> int | None:
    """The smallest key above `low` from which reading works again, or None if none is found.

    Keys one by one first (a damaged leaf page holds at most a few dozen rows, and ids are dense), so a
    readable page between two damaged ones is not jumped over; then doubling steps for a wide gap."""
    start = max(low, 0) if low < 0 else low
    for key in range(start + 1, start + 1 + LINEAR_PROBES):
        if _readable_from(conn, sql, key):
            return key
    bad, step = start + LINEAR_PROBES, 1
    while True:
        probe = min(MAX_KEY, bad + step)
        if _readable_from(conn, sql, probe):
            break
        bad = probe
        if probe >= MAX_KEY:
            return None
        step *= 2
    good = probe
    while good - bad > 1:  # the first readable key lies in (bad, good]
        mid = (bad + good) // 2
        if _readable_from(conn, sql, mid):
            good = mid
        else:
            bad = mid
    return good
