"""Numbered schema migrations: NNNN_name.sql files applied in order, each in one transaction.

The applied version is kept in the `schema_version` table. A vault made by any earlier
version of the app is brought up to date when it is opened.
"""

from __future__ import annotations

import contextlib
import re
from functools import cache
from importlib import resources

import sqlcipher3.dbapi2 as sqlite

_NAME = re.compile(r"^(\d{4})_\w+\.sql$")


@cache
def available() -> tuple[tuple[int, str], ...]:
    found = []
    for entry in resources.files(__name__).iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    return tuple(sorted(found))


def latest_version() -> int:
    return available()[-1][0]


def current_version(conn: sqlite.Connection) -> int:
    """The vault's schema version; 0 for a new file. Reads only (a read-only vault must not be written)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_version'").fetchone():
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0] or 0


def migrate(conn: sqlite.Connection) -> int:
    """Apply every migration newer than the vault's version; returns the version reached."""
    version = current_version(conn)
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)")
    for number, sql in available():
        if number <= version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version(version, applied_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
                (number,),
            )
            conn.execute("COMMIT")
        except BaseException:
            # A full disk can end the transaction by itself: the original error is the one to report.
            with contextlib.suppress(sqlite.Error):
                conn.execute("ROLLBACK")
            raise
        version = number
    return version


def _statements(sql: str) -> list[str]:
    text = "\n".join(line for line in sql.splitlines() if not line.strip().startswith("--"))
    return [s.strip() for s in text.split(";") if s.strip()]
