"""Issue 17 (Low): SQLCipher's cipher_memory_security (wipe freed memory) measured against the monthly-totals target.

The setting is process-wide and cannot be turned off again, so each mode runs in its own process.
Result when measured (2 shared cores): warm monthly totals 38 ms off, 108 ms on (target ≤ 50 ms) — it stays off.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import statistics, sys, time
import sqlcipher3.dbapi2 as sqlite
from bench.bench_vault import MONTHLY_TOTALS
from bench.synthetic import PASSPHRASE
path, mode = sys.argv[1], sys.argv[2]
conn = sqlite.connect(path)
conn.execute(f"PRAGMA cipher_memory_security = {mode}")
conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
conn.execute("PRAGMA cache_size = -8192")
conn.execute(MONTHLY_TOTALS).fetchall()
times = []
for _ in range(15):
    t0 = time.perf_counter()
    conn.execute(MONTHLY_TOTALS).fetchall()
    times.append((time.perf_counter() - t0) * 1000)
print(statistics.median(times))
"""


def main() -> None:
    from bench.synthetic import build

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mem.vault"
        build(path, attachments=10, attachment_bytes=100_000)
        print("cipher_memory_security (issue 17) — monthly totals, median of 15 (target ≤ 50 ms)")
        for mode in ("OFF", "ON"):
            t0 = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", CHILD, str(path), mode], capture_output=True, text=True,
                                 check=True).stdout
            ms = statistics.fmean([float(out.strip())])
            print(f"  {mode:<4} {ms:8.1f} ms   (child ran {time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
