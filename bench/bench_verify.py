"""Issue 17 #2: verify streams the history, so its memory stays flat however many entries there are.

Before: the whole chain was loaded as a list (1,000,000 entries used 3.5 GiB). Prints the Python peak
during verify for growing histories; BENCH_VERIFY_ENTRIES sets the largest (default 200,000; `make torture`
runs 1,000,000).
"""

from __future__ import annotations

import os
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

from bench.synthetic import PASSPHRASE
from handbook_app.core.audit import GENESIS, AuditEntry, canonical_json
from handbook_app.services import session


def fill(hb, entries: int) -> None:
    """`entries` history entries on 100 reminder rows (updates), hashed as the app hashes them."""
    conn = hb.vault.conn
    conn.execute("BEGIN")
    rows = {}
    for n in range(1, 101):
        conn.execute("INSERT INTO reminder (id, kind, due, title, done) VALUES (?, 'custom', '2026-01-01', ?, 0)",
                     (n, f"r{n}"))
        rows[n] = {"id": n, "kind": "custom", "due": "2026-01-01", "title": f"r{n}", "done": 0}
    prev, batch = GENESIS, []
    for seq in range(1, entries + 1):
        row_id = (seq - 1) % 100 + 1
        before = None if seq <= 100 else dict(rows[row_id])
        rows[row_id] = {**rows[row_id], "title": f"r{row_id}-{seq}"}
        e = AuditEntry(seq, f"2026-01-01T00:00:00.{seq:09d}Z", "+09:00", "trainee", "", "",
                       "insert" if before is None else "update", "reminder", row_id, before, rows[row_id], prev)
        e = replace(e, hash=e.compute_hash())
        prev = e.hash
        batch.append((e.seq, e.at, e.utc_offset, e.actor_kind, e.actor_name, e.actor_org, e.action, e.kind,
                       e.row_id, None if before is None else canonical_json(before), canonical_json(rows[row_id]),
                       e.prev_hash, e.hash))
        if len(batch) >= 10_000:
            conn.executemany("INSERT INTO audit VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)
            batch.clear()
    conn.executemany("INSERT INTO audit VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)
    for row_id, row in rows.items():
        conn.execute("UPDATE reminder SET title = ? WHERE id = ?", (row["title"], row_id))
    conn.execute("COMMIT")


def main() -> None:
    largest = int(os.environ.get("BENCH_VERIFY_ENTRIES", "200000"))
    print("Verify (issue 17 #2) — streamed chain: Python peak memory during verify")
    for entries in sorted({largest // 10, largest}):
        with tempfile.TemporaryDirectory() as tmp:
            hb = session.create(Path(tmp) / "chain.vault", PASSPHRASE)
            fill(hb, entries)
            tracemalloc.start()
            t0 = time.perf_counter()
            report = hb.verify()
            seconds = time.perf_counter() - t0
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
            hb.lock()
            state = "intact" if report.ok else "NOT intact"
            print(f"  {entries:>9,} entries ({state})   {seconds:7.1f} s   peak {peak:6.1f} MB   target: flat")


if __name__ == "__main__":
    main()
