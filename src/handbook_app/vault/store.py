"""Reading and writing records. Every change writes its audit entry in the same transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any, TypeVar

import sqlcipher3.dbapi2 as sqlite

from handbook_app.core.audit import GENESIS, AuditEntry, StoredEntry, canonical_json
from handbook_app.core.records import RECORD_TYPES, Actor, Record
from handbook_app.core.witness import Checkpoint
from handbook_app.vault.codec import columns, from_row, to_row
from handbook_app.vault.connection import Vault
from handbook_app.vault.salvage import Gap, scan
from handbook_app.vault.verify import (
    RowProblem,
    VerifyReport,
    audit_stream,
    entry_from_row,
    read_checkpoints,
)
from handbook_app.vault.verify import verify as verify_vault

R = TypeVar("R", bound=Record)


def _q(name: str) -> str:
    return f'"{name}"'


def now_utc() -> tuple[str, str]:
    """(UTC timestamp, the local UTC offset) for an audit entry."""
    local = dt.datetime.now().astimezone()
    offset = local.strftime("%z")
    return (
        local.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        f"{offset[:3]}:{offset[3:]}" if offset else "+00:00",
    )


class Store:
    """Repositories for every record kind over one open vault."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    # --- reading ---------------------------------------------------------------------------
    def all(self, cls: type[R], order: str = "id") -> list[R]:
        cols = columns(cls)
        sql = f"SELECT {', '.join(map(_q, cols))} FROM {cls.KIND} ORDER BY {_q(order)}, id"
        return [from_row(cls, dict(zip(cols, row, strict=True))) for row in self.vault.conn.execute(sql)]

    def where(self, cls: type[R], column: str, value: Any, order: str = "id") -> list[R]:
        cols = columns(cls)
        if column not in cols:
            raise KeyError(column)
        sql = (
            f"SELECT {', '.join(map(_q, cols))} FROM {cls.KIND} WHERE {_q(column)} = ? ORDER BY {_q(order)}, id"
        )
        return [from_row(cls, dict(zip(cols, row, strict=True))) for row in self.vault.conn.execute(sql, (value,))]

    def between(self, cls: type[R], column: str, low: Any, high: Any, order: str | None = None) -> list[R]:
        """Rows whose `column` lies in [low, high] (ISO dates compare as text)."""
        cols = columns(cls)
        if column not in cols:
            raise KeyError(column)
        sql = (
            f"SELECT {', '.join(map(_q, cols))} FROM {cls.KIND} WHERE {_q(column)} BETWEEN ? AND ?"
            f" ORDER BY {_q(order or column)}, id"
        )
        return [from_row(cls, dict(zip(cols, row, strict=True))) for row in self.vault.conn.execute(sql, (low, high))]

    def count_in(self, cls: type[Record], column: str, values: tuple) -> int:
        if column not in columns(cls):
            raise KeyError(column)
        marks = ", ".join("?" * len(values))
        sql = f"SELECT count(*) FROM {cls.KIND} WHERE {_q(column)} IN ({marks})"
        return self.vault.conn.execute(sql, values).fetchone()[0]

    def get(self, cls: type[R], row_id: int) -> R | None:
        cols = columns(cls)
        row = self.vault.conn.execute(
            f"SELECT {', '.join(map(_q, cols))} FROM {cls.KIND} WHERE id = ?", (row_id,)
        ).fetchone()
        return from_row(cls, dict(zip(cols, row, strict=True))) if row else None

    def count(self, cls: type[Record]) -> int:
        return self.vault.conn.execute(f"SELECT count(*) FROM {cls.KIND}").fetchone()[0]

    # --- writing (call inside vault.transaction()) --------------------------------------------
    def insert(self, record: R, actor: Actor, audit: bool = True) -> R:
        row = to_row(record)
        row.pop("id")
        cols = list(row)
        cur = self.vault.conn.execute(
            f"INSERT INTO {record.KIND} ({', '.join(map(_q, cols))}) VALUES ({', '.join('?' * len(cols))})",
            [row[c] for c in cols],
        )
        saved = replace(record, id=cur.lastrowid)
        if audit:
            self.append_audit(actor, "insert", record.KIND, saved.id, None, to_row(saved))
        return saved

    def update(self, record: R, actor: Actor, audit: bool = True) -> R:
        before = self.get(type(record), record.id) if record.id else None
        if before is None:
            raise KeyError(f"{record.KIND} {record.id} does not exist")
        row = to_row(record)
        cols = [c for c in row if c != "id"]
        self.vault.conn.execute(
            f"UPDATE {record.KIND} SET {', '.join(f'{_q(c)} = ?' for c in cols)} WHERE id = ?",
            [row[c] for c in cols] + [record.id],
        )
        if audit:
            self.append_audit(actor, "update", record.KIND, record.id, to_row(before), row)
        return record

    def delete(self, cls: type[Record], row_id: int, actor: Actor) -> None:
        before = self.get(cls, row_id)
        if before is None:
            raise KeyError(f"{cls.KIND} {row_id} does not exist")
        self.vault.conn.execute(f"DELETE FROM {cls.KIND} WHERE id = ?", (row_id,))
        self.append_audit(actor, "delete", cls.KIND, row_id, to_row(before), None)

    # --- audit -----------------------------------------------------------------------------
    def append_audit(
        self, actor: Actor, action: str, kind: str, row_id: int | None, before: dict | None, after: dict | None
    ) -> AuditEntry:
        last = self.vault.conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
        at, offset = now_utc()
        entry = AuditEntry(
            seq=seq, at=at, utc_offset=offset, actor_kind=actor.kind, actor_name=actor.name,
            actor_org=actor.organisation, action=action, kind=kind, row_id=row_id,
            before=before, after=after, prev_hash=prev,
        )
        entry = replace(entry, hash=entry.compute_hash())
        self.vault.conn.execute(
            "INSERT INTO audit (seq, at, utc_offset, actor_kind, actor_name, actor_org, action, kind, row_id,"
            " before, after, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                entry.seq, entry.at, entry.utc_offset, entry.actor_kind, entry.actor_name, entry.actor_org,
                entry.action, entry.kind, entry.row_id,
                None if before is None else canonical_json(before),
                None if after is None else canonical_json(after),
                entry.prev_hash, entry.hash,
            ),
        )
        return entry

    def audit_entries(self, kind: str | None = None, row_id: int | None = None) -> Iterator[AuditEntry]:
        where, args = "", ()
        if kind is not None:
            where = "WHERE kind = ?" + (" AND row_id = ?" if row_id is not None else "")
            args = (kind,) if row_id is None else (kind, row_id)
        return self._audit_rows(where, args)

    def _audit_rows(self, where: str, args: tuple) -> Iterator[AuditEntry]:
        sql = (
            "SELECT seq, at, utc_offset, actor_kind, actor_name, actor_org, action, kind, row_id, before, after,"
            f" prev_hash, hash FROM audit {where} ORDER BY seq"
        )
        for row in self.vault.conn.execute(sql, args):
            yield entry_from_row(row)

    def readable_rows(self, kind: str) -> Iterator[dict | Gap]:
        """Every row of `kind` that can be read, as its flat dict, with a Gap where a damaged part was skipped."""
        cols = columns(RECORD_TYPES[kind])
        for item in scan(self.vault, kind, cols):
            yield item if isinstance(item, Gap) else dict(zip(cols, item, strict=True))

    def readable_audit(self) -> Iterator[AuditEntry | Gap]:
        return audit_stream(self.vault)

    def audit_entry(self, seq: int) -> AuditEntry | None:
        return next((e for e in self._audit_rows("WHERE seq = ?", (seq,))), None)

    def audit_head(self) -> tuple[int, str]:
        row = self.vault.conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        return (row[0], row[1]) if row else (0, GENESIS)

    # --- witnessed checkpoints ------------------------------------------------------------------
    def add_checkpoint(self, cp: Checkpoint) -> None:
        self.vault.conn.execute(
            "INSERT INTO checkpoint (vault_id, seq, head_hash, signed_at, organisation, public_key, signature)"
            " VALUES (?,?,?,?,?,?,?)",
            (cp.vault_id, cp.seq, cp.head_hash, cp.signed_at, cp.organisation, cp.public_key, cp.signature),
        )

    def checkpoints(self) -> list[Checkpoint]:
        return read_checkpoints(self.vault.conn)

    # --- meta ------------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        """A setting kept in the vault; None when unset, or unreadable in a damaged vault (verify names that)."""
        try:
            row = self.vault.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite.DatabaseError:
            self.vault.recover()
            return None
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.vault.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # --- verification ----------------------------------------------------------------------
    def verify(self, check_content: bool = True,
               on_entry: Callable[[StoredEntry], None] | None = None) -> VerifyReport:
        """SQLCipher + SQLite integrity, the hash chain, every row against its last audit entry, attachments,
        meta and witnessed checkpoints (vault/verify.py). A row changed, added or removed behind the app's
        back no longer matches the chain."""
        return verify_vault(self.vault, check_content, on_entry)
__all__ = ["RowProblem", "Store", "VerifyReport", "now_utc"]
