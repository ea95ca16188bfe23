"""Desktop figures for issue 3: cold start to the unlock window, unlock to a usable main window on the
ten-year vault, idle memory with a 10,000-row list open, and scrolling a 20,000-row list.

Each cold start is a fresh Python process (offscreen platform) timed from launch to its first painted
window, side by side with a bare PySide6 window made the same way.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_vault import report, rss_mib

APP = """
import sys
from PySide6.QtCore import QTimer
from handbook_app.ui.app import make_app
from handbook_app.ui.main_window import MainWindow
from handbook_app.ui.settings import AppSettings
app = make_app([])
w = MainWindow(AppSettings())
w.show()
QTimer.singleShot(0, lambda: (w.repaint(), print("ready", flush=True), app.quit()))
app.exec()
"""

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
w = QLabel("hello")
w.show()
QTimer.singleShot(0, lambda: (w.repaint(), print("ready", flush=True), app.quit()))
app.exec()
"""


def cold_start_ms(script: str, runs: int = 7) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
        if "ready" not in out.stdout:
            raise RuntimeError(out.stderr[-2000:])
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


IDLE_MEMORY = """
import sys, os
from PySide6.QtWidgets import QApplication
from handbook_app.services import session
from handbook_app.ui.app import make_app
from handbook_app.ui.main_window import MainWindow
from handbook_app.ui.settings import AppSettings
app = make_app([])
w = MainWindow(AppSettings())
w.resize(1280, 800)
w.show()
hb, info = session.unlock(sys.argv[1], sys.argv[2])
w.enter(hb, info)
w.workspace.show_key("remittances")
for _ in range(20):
    app.processEvents()
rows = max(v.model().rowCount() for v in w.findChildren(__import__("PySide6.QtWidgets").QtWidgets.QTableView)
           if v.model() is not None)
for line in open("/proc/self/status"):
    if line.startswith("VmRSS:"):
        print(rows, int(line.split()[1]) / 1024)
w.lock()
"""


# The floor under that figure, measured the same way: a bare PySide6 window of the same size, then the
# same window with the libraries no vault app can do without (SQLCipher with its OpenSSL, hashlib).
BARE_MEMORY = """
import sys
__import__("sqlcipher3.dbapi2"), __import__("hashlib").sha256() if sys.argv[1] == "libs" else None
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
w = QLabel("hello")
w.resize(1280, 800)
w.show()
for _ in range(20):
    app.processEvents()
for line in open("/proc/self/status"):
    if line.startswith("VmRSS:"):
        print(0, int(line.split()[1]) / 1024)
"""


def _fresh_rss(script: str, *args: str) -> tuple[int, float]:
    """(rows, MiB) printed by `script` run in a fresh process (offscreen)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env,
                         timeout=120)
    rows, rss = out.stdout.split()[-2:]
    return int(rows), float(rss)


def idle_memory(path: Path, passphrase: str) -> tuple[int, float]:
    return _fresh_rss(IDLE_MEMORY, str(path), passphrase)


def main() -> None:
    print("Desktop (issue 3)")
    report("cold start to the unlock window (median of 7)", cold_start_ms(APP), "≤ 400 ms")
    report("reference: bare PySide6 window, same way", cold_start_ms(BARE), "≈ 200 ms")

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from bench.synthetic import PASSPHRASE, build
    from handbook_app.services import session
    from handbook_app.ui.app import make_app
    from handbook_app.ui.main_window import MainWindow
    from handbook_app.ui.settings import AppSettings

    app = make_app([])
    with tempfile.TemporaryDirectory() as tmp:
        path = build(Path(tmp) / "ten-years.vault", attachments=20, attachment_bytes=200_000)
        window = MainWindow(AppSettings())
        window.resize(1280, 800)
        window.show()
        QApplication.processEvents()
        t0 = time.perf_counter()
        hb, info = session.unlock(path, PASSPHRASE)
        t_key = time.perf_counter()
        window.enter(hb, info)
        window.repaint()
        QApplication.processEvents()
        t1 = time.perf_counter()
        report("unlock: key derivation (worker thread in the app)", (t_key - t0) * 1000, "—")
        report("unlock to a usable main window (Home painted)", (t1 - t0) * 1000, "≤ 400 ms")
        rss_before = rss_mib()
        t0 = time.perf_counter()
        screen = window.workspace.show_key("remittances")
        window.repaint()
        QApplication.processEvents()
        report("open the Remittances list (9,940 rows)", (time.perf_counter() - t0) * 1000, "—")
        report("  growth of this process since unlock", rss_mib() - rss_before, "—", "MiB")
        views = [v for v in screen.findChildren(__import__("PySide6.QtWidgets").QtWidgets.QTableView)
                 if v.model() is not None and v.model().rowCount() > 1000]
        if views:
            view = views[0]
            t0 = time.perf_counter()
            bar = view.verticalScrollBar()
            for step in range(0, bar.maximum() + 1, max(1, bar.maximum() // 50)):
                bar.setValue(step)
                view.viewport().repaint()
            report(f"scroll a {view.model().rowCount():,}-row list top to bottom (50 steps)",
                   (time.perf_counter() - t0) * 1000, "smooth")
        window.lock()
        window.close()
        QApplication.processEvents()
        rows, rss = idle_memory(path, PASSPHRASE)
        report(f"idle memory: fresh app, {rows:,}-row list open", rss, "≤ 75 MiB", "MiB")
        report("reference: bare PySide6 window, same size and way", _fresh_rss(BARE_MEMORY, "bare")[1], "—", "MiB")
        report("reference: the same with SQLCipher and OpenSSL loaded", _fresh_rss(BARE_MEMORY, "libs")[1], "—",
               "MiB")
    app.quit()


if __name__ == "__main__":
    main()
