"""The audit chain: every change is an entry whose hash covers the previous entry's hash.

hash = SHA-256( prev_hash || canonical JSON of the entry's fields ). Changing, removing or
reordering any entry changes every hash after it; `verify_chain` names the first that breaks.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from json.encoder import encode_basestring  # the string encoder json.dumps uses with ensure_ascii=False
from typing import Any

GENESIS = "0" * 64


# json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False), without making a new encoder
# on every call (a long history is tens of thousands of calls)
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(value: Any) -> str:
    """Deterministic JSON: sorted keys, no spaces, UTF-8 kept (the same text on every machine)."""
    return _CANONICAL.encode(value)


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str  # UTC, ISO 8601 with Z
    utc_offset: str  # the writer's local offset, e.g. +09:00
    actor_kind: str
    actor_name: str
    actor_org: str
    action: str  # insert, update, delete, export, rekey, ...
    kind: str  # record kind / table
    row_id: int | None
    before: dict | None
    after: dict | None
    prev_hash: str
    hash: str = ""

    def payload(self) -> dict:
        return {
            "seq": self.seq, "at": self.at, "utc_offset": self.utc_offset,
            "actor_kind": self.actor_kind, "actor_name": self.actor_name, "actor_org": self.actor_org,
            "action": self.action, "kind": self.kind, "row_id": self.row_id,
            "before": self.before, "after": self.after,
        }

    def compute_hash(self) -> str:
        digest = hashlib.sha256()
        digest.update(self.prev_hash.encode("ascii"))
        digest.update(canonical_json(self.payload()).encode("utf-8"))
        return digest.hexdigest()


# canonical_json(entry.payload()) with its keys in sorted order: the texts of `before` and `after` go in as stored
_PAYLOAD = ('{"action":%s,"actor_kind":%s,"actor_name":%s,"actor_org":%s,"after":%s,"at":%s,"before":%s,'
            '"kind":%s,"row_id":%s,"seq":%s,"utc_offset":%s}')


def stored_json(text: str | None) -> dict | None:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:  # written by something else than this app: kept as text, and its hash will not match
        return {"unreadable_text": text}


class StoredEntry:
    """An audit entry as read from the vault, `before` and `after` still the JSON text the app wrote.

    Reading a long history (verification, a report's provenance) is mostly parsing and re-serialising that
    JSON. Here it is parsed only when asked for, and the hash is first computed over the stored text itself:
    the app writes canonical JSON, so for an entry it wrote those are the very bytes it hashed. Only when that
    does not match is the entry parsed and re-serialised — so `compute_hash` gives what AuditEntry's does."""

    __slots__ = ("seq", "at", "utc_offset", "actor_kind", "actor_name", "actor_org", "action", "kind", "row_id",
                 "before_text", "after_text", "prev_hash", "hash", "_parsed")

    def __init__(self, seq: int, at: str, utc_offset: str, actor_kind: str, actor_name: str, actor_org: str,
                 action: str, kind: str, row_id: int | None, before_text: str | None, after_text: str | None,
                 prev_hash: str, hash: str) -> None:  # noqa: A002 (the column's name)
        self.seq, self.at, self.utc_offset = seq, at, utc_offset
        self.actor_kind, self.actor_name, self.actor_org = actor_kind, actor_name, actor_org
        self.action, self.kind, self.row_id = action, kind, row_id
        self.before_text, self.after_text = before_text, after_text
        self.prev_hash, self.hash = prev_hash, hash
        self._parsed: AuditEntry | None = None

    def parsed(self) -> AuditEntry:
        if self._parsed is None:
            self._parsed = AuditEntry(
                self.seq, self.at, self.utc_offset, self.actor_kind, self.actor_name, self.actor_org, self.action,
                self.kind, self.row_id, stored_json(self.before_text), stored_json(self.after_text), self.prev_hash,
                self.hash)
        return self._parsed

    @property
    def before(self) -> dict | None:
        return self.parsed().before

    @property
    def after(self) -> dict | None:
        return self.parsed().after

    def payload(self) -> dict:
        return self.parsed().payload()

    def may_be_erased(self) -> bool:
        """False when neither text can be an erasure marker (so neither needs parsing to tell)."""
        return any(t is not None and ("erased_by" in t or "\\u" in t) for t in (self.before_text, self.after_text))

    def compute_hash(self) -> str:
        texts = (self.actor_kind, self.actor_name, self.actor_org, self.action, self.at, self.kind, self.utc_offset)
        if (all(type(t) is str for t in texts) and type(self.seq) is int and type(self.prev_hash) is str
                and (self.row_id is None or type(self.row_id) is int)
                and all(t is None or type(t) is str for t in (self.before_text, self.after_text))):
            text = _PAYLOAD % (
                encode_basestring(self.action), encode_basestring(self.actor_kind),
                encode_basestring(self.actor_name), encode_basestring(self.actor_org),
                "null" if self.after_text is None else self.after_text, encode_basestring(self.at),
                "null" if self.before_text is None else self.before_text, encode_basestring(self.kind),
                "null" if self.row_id is None else int.__repr__(self.row_id), int.__repr__(self.seq),
                encode_basestring(self.utc_offset))
            digest = hashlib.sha256(self.prev_hash.encode("ascii"))
            digest.update(text.encode("utf-8"))
            quick = digest.hexdigest()
            if quick == self.hash:
                return quick
        return self.parsed().compute_hash()


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    reason: str  # a stable key: "hash", "link", "sequence", "row"
    detail: str = ""


def verify_chain(entries: Iterable[AuditEntry]) -> ChainProblem | None:
    """The first broken entry, or None when the chain is whole."""
    prev = GENESIS
    expected_seq = 1
    for entry in entries:
        if entry.seq != expected_seq:
            return ChainProblem(entry.seq, "sequence", f"expected entry {expected_seq}")
        if entry.prev_hash != prev:
            return ChainProblem(entry.seq, "link")
        if entry.compute_hash() != entry.hash:
            return ChainProblem(entry.seq, "hash")
        prev = entry.hash
        expected_seq += 1
    return None


ERASED = "erased_by"  # before/after of an erased entry: {"erased_by": SEQ of the "erase" entry}


def erased_by(entry: AuditEntry | StoredEntry) -> int | None:
    """The erasure entry's number when this entry's content was erased on purpose, else None."""
    if isinstance(entry, StoredEntry) and not entry.may_be_erased():
        return None
    for part in (entry.before, entry.after):
        if isinstance(part, dict) and set(part) == {ERASED} and isinstance(part[ERASED], int):
            return part[ERASED]
    return None


class ChainChecker:
    """verify_chain one entry at a time, so a million entries are checked in flat memory.

    Also finds entries dated before the entry they follow (a clock set back, or an entry slipped in),
    and can step over a stretch that could not be read (the next readable entry starts a new stretch).
    """

    def __init__(self) -> None:
        self.prev = GENESIS
        self.expected_seq = 1
        self.last_at = ""
        self.count = 0
        self.problem: ChainProblem | None = None
        self.time_problems: list[int] = []  # entries dated before their predecessor
        # Erased entries keep their hash (the link to the next entry still checks) but their content cannot be
        # re-hashed: each must be named by the later "erase" entry it points to, which is itself hashed.
        self._erased_waiting: dict[int, int] = {}  # erased seq -> seq of the erase entry it names

    def feed(self, entry: AuditEntry | StoredEntry, after_gap: bool = False) -> None:
        self.count += 1
        if self.problem is None:
            if after_gap:
                self.prev, self.expected_seq = entry.prev_hash, entry.seq
            if entry.seq != self.expected_seq:
                self.problem = ChainProblem(entry.seq, "sequence", f"expected entry {self.expected_seq}")
            elif entry.prev_hash != self.prev:
                self.problem = ChainProblem(entry.seq, "link")
            elif (by := erased_by(entry)) is not None:
                if by <= entry.seq:
                    self.problem = ChainProblem(entry.seq, "hash")
                self._erased_waiting[entry.seq] = by
            elif entry.compute_hash() != entry.hash:
                self.problem = ChainProblem(entry.seq, "hash")
            elif entry.action == "erase" and isinstance(entry.after, dict):
                for item in entry.after.get("entries", []):
                    if self._erased_waiting.get(item.get("seq")) == entry.seq:
                        del self._erased_waiting[item["seq"]]
        if entry.at < self.last_at and not after_gap:
            self.time_problems.append(entry.seq)
        self.last_at = entry.at
        self.prev = entry.hash
        self.expected_seq = entry.seq + 1

    def finish(self) -> ChainProblem | None:
        """Call after the last entry: an erased entry that no erase entry accounts for breaks the chain."""
        if self.problem is None and self._erased_waiting:
            self.problem = ChainProblem(min(self._erased_waiting), "hash")
        return self.problem
