"""The audit chain: every change is an entry whose hash covers the previous entry's hash.

hash = SHA-256( prev_hash || canonical JSON of the entry's fields ). Changing, removing or
reordering any entry changes every hash after it; `verify_chain` names the first that breaks.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    """Deterministic JSON: sorted keys, no spaces, UTF-8 kept (the same text on every machine)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


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


def erased_by(entry: AuditEntry) -> int | None:
    """The erasure entry's number when this entry's content was erased on purpose, else None."""
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

    def feed(self, entry: AuditEntry, after_gap: bool = False) -> None:
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
