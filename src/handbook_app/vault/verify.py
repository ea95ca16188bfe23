"""Verification of one open vault, streamed so memory stays flat however long the history is.

Checks: SQLCipher's page HMACs and SQLite's integrity check; the hash chain entry by entry (and that
time never runs backwards); every record against its latest history entry (a merge of two sorted
streams, no table held in memory); every attachment's content hash and that every chunk belongs to
an attachment; the meta table; every witnessed checkpoint. A part that cannot be read is named, never
taken as sound.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import sqlcipher3.dbapi2 as sqlite

from handbook_app.core.audit import (
    GENESIS,
    AuditEntry,
    ChainChecker,
    ChainProblem,
    StoredEntry,
    canonical_json,
    stored_json,
)
from handbook_app.core.records import RECORD_TYPES
from handbook_app.core.witness import Checkpoint
from handbook_app.vault.codec import columns, to_row
from handbook_app.vault.connection import Vault
from handbook_app.vault.salvage import Gap, scan

AUDIT_COLUMNS = ("seq", "at", "utc_offset", "actor_kind", "actor_name", "actor_org", "action", "kind", "row_id",
                 "before", "after", "prev_hash", "hash")
CHECKPOINT_COLUMNS = ("id", "vault_id", "seq", "head_hash", "signed_at", "organisation", "public_key", "signature")
META_DATES = ("created", "last_opened")


@dataclass(frozen=True)
class RowProblem:
    kind: str
    row_id: int
    reason: str  # "changed", "unrecorded", "missing", "content", "unreadable", "orphan"


@dataclass(frozen=True)
class CheckpointResult:
    checkpoint: Checkpoint
    problem: str | None  # None (holds), "signature", "vault", "rewritten", "unreadable"

    @property
    def holds(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class VerifyReport:
    integrity: list[str]
    chain: ChainProblem | None
    rows: list[RowProblem]
    entries: int
    head_hash: str
    unreadable: list[str] = field(default_factory=list)  # parts that could not be read ("incident 40–52")
    time_backwards: list[int] = field(default_factory=list)  # entries dated before the entry they follow
    meta: list[str] = field(default_factory=list)  # meta keys with a bad value
    checkpoints: list[CheckpointResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (not self.integrity and self.chain is None and not self.rows and not self.unreadable
                and not self.time_backwards and not self.meta and all(c.holds for c in self.checkpoints))


def entry_from_row(row: tuple) -> AuditEntry:
    return AuditEntry(
        seq=row[0], at=row[1], utc_offset=row[2], actor_kind=row[3], actor_name=row[4], actor_org=row[5],
        action=row[6], kind=row[7], row_id=row[8], before=stored_json(row[9]), after=stored_json(row[10]),
        prev_hash=row[11], hash=row[12],
    )


def audit_stream(vault: Vault) -> Iterator[AuditEntry | Gap]:
    for item in scan(vault, "audit", AUDIT_COLUMNS, "seq"):
        yield item if isinstance(item, Gap) else entry_from_row(item)


def stored_stream(vault: Vault) -> Iterator[StoredEntry | Gap]:
    """The history as stored (JSON parsed only when needed): what verification and reports read."""
    for item in scan(vault, "audit", AUDIT_COLUMNS, "seq"):
        yield item if isinstance(item, Gap) else StoredEntry(*item)


def verify(vault: Vault, check_content: bool = True,
           on_entry: Callable[[StoredEntry], None] | None = None) -> VerifyReport:
    """`on_entry` sees every readable history entry in order (a report reads the history in the same pass)."""
    integrity = vault.integrity_check()
    unreadable: list[str] = []
    checker = ChainChecker()
    head = GENESIS
    after_gap = False
    hashes: dict[int, str] = {}
    wanted = _checkpoint_seqs(vault, unreadable)
    for item in stored_stream(vault):
        if isinstance(item, Gap):
            unreadable.append(item.describe())
            after_gap = True
            continue
        checker.feed(item, after_gap)
        if on_entry is not None:
            on_entry(item)
        after_gap = False
        head = item.hash
        if item.seq in wanted:
            hashes[item.seq] = item.hash
    if not unreadable:  # with a gap, the erase entry may be among the unreadable ones
        checker.finish()
    rows = list(_row_problems(vault, unreadable))
    if check_content:
        rows += _attachment_problems(vault, unreadable)
    return VerifyReport(
        integrity, checker.problem, rows, checker.count, head, unreadable, checker.time_problems,
        _meta_problems(vault, unreadable), _checkpoint_results(vault, hashes, unreadable),
    )


def _row_problems(vault: Vault, unreadable: list[str]) -> Iterator[RowProblem]:
    """Merge each table (by id) with its history (by row id, latest entry last): both streams are sorted."""
    for kind, cls in RECORD_TYPES.items():
        cols = columns(cls)
        defaults = to_row(cls())  # what a migration gives a column it adds to rows already written
        try:
            latest = _latest_entries(vault.conn, kind)
            rows = (item for item in scan(vault, kind, cols) if not _gap(item, unreadable))
            want = next(latest, None)
            for raw in rows:
                row = dict(zip(cols, raw, strict=True))
                while want is not None and want[0] < row["id"]:
                    if want[1] is not None:
                        yield RowProblem(kind, want[0], "missing")
                    want = next(latest, None)
                if want is None or want[0] != row["id"]:
                    yield RowProblem(kind, row["id"], "unrecorded")
                    continue
                if want[1] is None or not _matches(row, want[1], defaults):
                    yield RowProblem(kind, row["id"], "changed")
                want = next(latest, None)
            while want is not None:
                if want[1] is not None:
                    yield RowProblem(kind, want[0], "missing")
                want = next(latest, None)
        except sqlite.Error:  # the history's index is damaged, or a gap above reopened the connection
            unreadable.append(f"{kind} / audit")
            vault.recover()


def _latest_entries(conn: sqlite.Connection, kind: str) -> Iterator[tuple[int, str | None]]:
    """(row id, the row as last recorded, as stored JSON text — None when deleted) in row-id order."""
    current: int | None = None
    after: str | None = None
    sql = ("SELECT row_id, after FROM audit WHERE kind = ? AND row_id IS NOT NULL AND action != 'erase'"
           " ORDER BY row_id, seq")
    for row_id, text in conn.execute(sql, (kind,)):
        if row_id != current and current is not None:
            yield current, after
        current, after = row_id, text
    if current is not None:
        yield current, after


def _matches(row: dict, recorded_text: str, defaults: dict) -> bool:
    """Whether a table row is what its last history entry recorded. The app records canonical JSON, so the
    row's own canonical JSON is compared with the stored text first; only when they differ is the text parsed
    (it may be written another way, or older than a column a later schema version added)."""
    text = canonical_json(row)
    if text == recorded_text:
        return True
    recorded = stored_json(recorded_text)
    if recorded is not None and len(recorded) < len(row):
        # A column added by a later schema version, still holding its default, is no change.
        row = {k: v for k, v in row.items() if k in recorded or v != defaults.get(k)}
    return canonical_json(row) == canonical_json(recorded)


def _gap(item: tuple | Gap, unreadable: list[str]) -> bool:
    if isinstance(item, Gap):
        unreadable.append(item.describe())
        return True
    return False


def _attachment_problems(vault: Vault, unreadable: list[str]) -> list[RowProblem]:
    from handbook_app.vault.attachments import content_sha256

    problems: list[RowProblem] = []
    for item in scan(vault, "attachment", ("id", "sha256")):
        if _gap(item, unreadable):
            continue
        att_id, digest = item
        try:
            if content_sha256(vault, att_id) != digest:
                problems.append(RowProblem("attachment", att_id, "content"))
        except sqlite.Error:
            problems.append(RowProblem("attachment", att_id, "unreadable"))
            vault.recover()
    try:
        sql = ("SELECT DISTINCT attachment_id FROM attachment_chunk"
               " WHERE attachment_id NOT IN (SELECT id FROM attachment)")
        problems += [RowProblem("attachment_chunk", row[0], "orphan") for row in vault.conn.execute(sql)]
    except sqlite.Error:
        vault.recover()
        unreadable.append("attachment_chunk")
    return problems


def _meta_problems(vault: Vault, unreadable: list[str]) -> list[str]:
    bad: list[str] = []
    try:
        meta = dict(vault.conn.execute("SELECT key, value FROM meta"))
    except sqlite.Error:
        vault.recover()
        unreadable.append("meta")
        return bad
    for key in META_DATES:
        if key in meta:
            try:
                dt.datetime.fromisoformat(meta[key])
            except (TypeError, ValueError):
                bad.append(key)
    vault_id = meta.get("vault_id")
    if vault_id is not None and (len(vault_id) != 32 or any(c not in "0123456789abcdef" for c in vault_id)):
        bad.append("vault_id")
    return bad


def _checkpoint_seqs(vault: Vault, unreadable: list[str]) -> set[int]:
    try:
        return {row[0] for row in vault.conn.execute("SELECT seq FROM checkpoint")}
    except sqlite.Error:
        vault.recover()
        unreadable.append("checkpoint")
        return set()


def read_checkpoints(conn: sqlite.Connection) -> list[Checkpoint]:
    names = ", ".join(f'"{c}"' for c in CHECKPOINT_COLUMNS)
    return [Checkpoint(*row[1:], id=row[0]) for row in conn.execute(f"SELECT {names} FROM checkpoint ORDER BY id")]


def _checkpoint_results(vault: Vault, hashes: dict[int, str], unreadable: list[str]) -> list[CheckpointResult]:
    try:
        checkpoints = read_checkpoints(vault.conn)
        vault_id = (vault.conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone() or (None,))[0]
    except sqlite.Error:
        vault.recover()
        return []  # already named as unreadable
    results = []
    for cp in checkpoints:
        if not cp.signature_valid():
            problem: str | None = "signature"
        elif cp.vault_id != vault_id:
            problem = "vault"
        elif cp.seq not in hashes:
            problem = "unreadable" if unreadable else "rewritten"
        elif hashes[cp.seq] != cp.head_hash:
            problem = "rewritten"
        else:
            problem = None
        results.append(CheckpointResult(cp, problem))
    return results
