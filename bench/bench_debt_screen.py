"""Benchmark: opening the Debts and Remittances screens on the ten-year vault (target: Debts <= 300 ms).

"Opening" is what the app does when the screen is shown: build the widget, load every list, the overview
(balances, pace, projected payoff, charts) and the fee report, and paint once. Prints; asserts nothing.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=src:. .venv/bin/python -m bench bench_debt_screen
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS = 300


def _open(screen_cls, ctx, app) -> float:
    t0 = time.perf_counter()
    screen = screen_cls(ctx)
    screen.resize(1200, 800)
    screen.refresh()
    screen.retranslate()
    screen.show()
    app.processEvents()
    screen.grab()  # one full paint, the chart included
    elapsed = (time.perf_counter() - t0) * 1000
    screen.clear()
    screen.close()
    screen.deleteLater()
    app.processEvents()
    return elapsed


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from bench.synthetic import PASSPHRASE, build
    from handbook_app.core import records as r
    from handbook_app.i18n import set_locale
    from handbook_app.services import session
    from handbook_app.ui.context import AppContext
    from handbook_app.ui.screens.debts_screen import DebtsScreen
    from handbook_app.ui.screens.remittances_screen import RemittancesScreen

    app = QApplication.instance() or QApplication([])
    set_locale("vi")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ten-years.vault"
        build(path, attachments=0)
        hb, _info = session.unlock(path, PASSPHRASE)
        try:
            ctx = AppContext()
            ctx.handbook = hb
            print(f"ten-year vault: {hb.count(r.Loan)} loans, {hb.count(r.Repayment)} repayments, "
                  f"{hb.count(r.Remittance)} remittances")
            for label, cls in (("Debts screen", DebtsScreen), ("Remittances screen", RemittancesScreen)):
                first = _open(cls, ctx, app)
                runs = [_open(cls, ctx, app) for _ in range(3)]
                target = f"≤ {TARGET_MS} ms" if cls is DebtsScreen else "—"
                print(f"open {label}: first {first:.0f} ms, median of 3 more {statistics.median(runs):.0f} ms "
                      f"(target {target})")
        finally:
            hb.lock()


if __name__ == "__main__":
    main()
