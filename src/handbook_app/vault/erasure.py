"""Erase a deleted record's content from the history too (a friend's name, a photo taken by mistake).

Every history entry of that record keeps its number and hash, so the chain still links; its before/after
become {"erased_by": K}, and a new entry K ("erase") lists, for each erased entry, the SHA-256 of what was
erased. `verify` accepts an erased entry only when entry K names it. The erasure is itself in the history.
"""

from __future__ import annotations

import hashlib

from handbook_app.core.audit import ERASED, canonical_json
from handbook_app.core.records import Actor
from handbook_app.vault.store import Store


def erase_history(store: Store, actor: Actor, kind: str, row_id: int) -> int:
    """Inside a transaction: erase every entry about (kind, row_id); returns the erase entry's number."""
    conn = store.vault.conn
    targets = list(store.audit_entries(kind, row_id))
    erase_seq = store.audit_head()[0] + 1
    listed = []
    for entry in targets:
        if entry.before is None and entry.after is None:
            continue
        listed.append({"seq": entry.seq, "payload_sha256": hashlib.sha256(
            canonical_json(entry.payload()).encode("utf-8")).hexdigest()})
        marker = canonical_json({ERASED: erase_seq})
        conn.execute("UPDATE audit SET before = CASE WHEN before IS NULL THEN NULL ELSE ? END,"
                     " after = CASE WHEN after IS NULL THEN NULL ELSE ? END WHERE seq = ?",
                     (marker, marker, entry.seq))
    entry = store.append_audit(actor, "erase", kind, row_id, None, {"entries": listed})
    assert entry.seq == erase_seq
    return erase_seq
