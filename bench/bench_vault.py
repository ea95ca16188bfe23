"""Vault figures for issue 2: unlock, monthly totals, one insert, read overhead, attachment streaming memory."""

from __future__ import annotations

import datetime as dt
import io
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

import sqlcipher3.dbapi2 as sqlite

from bench.synthetic import PASSPHRASE, build
from handbook_app.core import records as r
from handbook_app.core.money import Money
from handbook_app.services import session
from handbook_app.vault.connection import CACHE_KIB, Vault

# Every money row (remittances and repayments), totalled per month and currency.
MONTHLY_TOTALS = (
    "SELECT month, currency, sum(amount) FROM ("
    " SELECT substr(date, 1, 7) AS month, sent_currency AS currency, sent_minor AS amount FROM remittance"
    " UNION ALL SELECT substr(date, 1, 7), received_currency, received_minor FROM remittance"
    " UNION ALL SELECT substr(date, 1, 7), paid_currency, paid_minor FROM repayment"
    ") GROUP BY month, currency ORDER BY month"
)


def _median_ms(fn, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def report(name: str, value: float, target: str, unit: str = "ms") -> None:
    print(f"  {name:<48} {value:10.1f} {unit:<4} target {target}")


class Zeros(io.RawIOBase):
    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = min(len(buffer), self.left)
        buffer[:n] = b"\0" * n
        self.left -= n
        return n


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ten-years.vault"
        t0 = time.perf_counter()
        build(path, attachments=200, attachment_bytes=500_000)
        print(f"Vault (issue 2) — ten-year synthetic vault built in {time.perf_counter() - t0:.1f} s, "
              f"{path.stat().st_size / 1e6:.0f} MB")

        def unlock():
            v = Vault.open(path, PASSPHRASE)
            v.close()

        report("unlock incl. key derivation (median)", _median_ms(unlock, 5), "≤ 200 ms")
        hb, _ = session.unlock(path, PASSPHRASE)
        conn = hb.vault.conn
        conn.execute(MONTHLY_TOTALS).fetchall()  # warm the page cache, as an open app has
        encrypted = _median_ms(lambda: conn.execute(MONTHLY_TOTALS).fetchall(), 15)
        report("monthly totals over all money rows (median)", encrypted, "≤ 50 ms")
        report("insert one record (median)", _median_ms(lambda: hb.add(r.Remittance(
            date=dt.date(2026, 1, 1), sent=Money(10_000, "JPY"), received=Money(1_700_000, "VND"))), 15), "—")
        plain_path = Path(tmp) / "plain.db"
        conn.execute(f"ATTACH DATABASE '{plain_path}' AS plain KEY ''")
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
        plain = sqlite.connect(str(plain_path))
        plain.execute("PRAGMA cache_size = -65536")
        plain.execute(MONTHLY_TOTALS).fetchall()
        plain_ms = _median_ms(lambda: plain.execute(MONTHLY_TOTALS).fetchall(), 15)
        report("read overhead vs plain SQLite (same query)", encrypted / plain_ms, "≤ 1.1 ×", "×")
        plain.close()
        incident = hb.records(r.Incident)[0]
        for size in (10_000_000, 50_000_000):
            tracemalloc.start()
            t0 = time.perf_counter()
            att = hb.add_attachment(incident, Zeros(size), f"{size}.bin", total=size).record
            write_s = time.perf_counter() - t0
            write_peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.reset_peak()
            rss_before = rss_mib()
            t0 = time.perf_counter()
            for _block in hb.attachment_chunks(att.id):
                pass
            read_s = time.perf_counter() - t0
            read_peak = tracemalloc.get_traced_memory()[1]
            rss_growth = rss_mib() - rss_before
            tracemalloc.stop()
            report(f"stream {size // 1_000_000} MB in: time", write_s * 1000, "—")
            report(f"stream {size // 1_000_000} MB in: peak Python memory", write_peak / 1e6, "flat", "MB")
            report(f"stream {size // 1_000_000} MB out: time", read_s * 1000, "—")
            report(f"stream {size // 1_000_000} MB out: peak Python memory", read_peak / 1e6, "flat", "MB")
            # Decrypted pages stay in SQLite's page cache: bounded by CACHE_KIB, not by the file's size.
            report(f"stream {size // 1_000_000} MB out: resident growth", rss_growth,
                   f"≤ {CACHE_KIB // 1024} MiB cache", "MiB")
        hb.lock()
    compare_journal_modes()


def compare_journal_modes() -> None:
    """Issue 17 #3: the file must be complete after every commit. Rollback journal (chosen) vs WAL with a
    checkpoint after each transaction, on the same disk as the temp folder."""
    from handbook_app.vault import connection

    print("Journal (issue 17 #3) — insert one record, median of 25; 10 MB attachment in")
    for mode in ("DELETE", "WAL"):
        connection.JOURNAL_MODE = mode
        with tempfile.TemporaryDirectory() as tmp:
            hb = session.create(Path(tmp) / "j.vault", PASSPHRASE)
            inc = hb.add(r.Incident(title="x", category="other")).record
            one = _median_ms(lambda hb=hb: hb.add(r.Remittance(date=dt.date(2026, 1, 1), sent=Money(10_000, "JPY"),
                                                               received=Money(1_700_000, "VND"))), 25)
            t0 = time.perf_counter()
            hb.add_attachment(inc, Zeros(10_000_000), "10.bin", total=10_000_000)
            attach_ms = (time.perf_counter() - t0) * 1000
            hb.lock()
        label = "rollback journal (chosen)" if mode == "DELETE" else "WAL + checkpoint after each commit"
        report(f"{label}: insert", one, "—")
        report(f"{label}: 10 MB attachment", attach_ms, "—")
    connection.JOURNAL_MODE = "DELETE"


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


if __name__ == "__main__":
    main()
