"""The wage screenshots of issue 11 (run under Xvfb or QT_QPA_PLATFORM=offscreen):

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/wage_screenshots.py

Opens a demo vault in a temporary folder, adds a payslip for November 2026 (a month after the bundled
minimum-wage table ends, so it is checked only against the last known rate), and writes beside this
script: home-wages-vi.png / home-wages-ja.png (Home with the wage card) and payslip-not-checked-vi.png /
payslip-not-checked-ja.png (that payslip's check). Settings go to a temporary folder, never the user's.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from shot_window import open_window  # noqa: E402

HERE = Path(__file__).resolve().parent


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    tmp = Path(tempfile.mkdtemp())
    QStandardPaths.setTestModeEnabled(True)
    from handbook_app.core import records as r
    from handbook_app.core.money import Money
    from handbook_app.i18n import set_locale

    app, win, pump = open_window(tmp, 1366, 768)
    added = False
    for lang in ("vi", "ja"):
        set_locale(lang)
        win.show_start()
        pump(0.2)
        win.open_demo(tmp / "demo.vault")
        while win.unlock_screen._busy:
            pump(0.05)
        win.unlock_screen.passphrase.setText("demo")
        win.unlock_screen.unlock_button.click()
        while win.context.handbook is None:
            pump(0.05)
        hb = win.context.handbook
        if not added:
            contract = hb.records(r.Contract)[0]
            hours = Decimal(160)
            base = 1100 * 160  # ¥1,100 an hour; the last known Aichi minimum is ¥1,140
            win.context.notify(hb.add(r.Payslip(
                month=dt.date(2026, 11, 1), contract_id=contract.id, regular_hours=hours,
                base_pay=Money(base, "JPY"), gross=Money(base, "JPY"), net=Money(base, "JPY"))))
            added = True
        win.go_to(0)
        home = win.workspace.screens["home"]
        home.refresh()
        pump(0.4)
        win.grab().save(str(out / f"home-wages-{lang}.png"))
        contract_screen = win.workspace.show_key("contract")
        contract_screen.tabs.setCurrentWidget(contract_screen.payslips)
        pump(0.3)
        model = contract_screen.payslips.model
        row = next(i for i in range(model.rowCount()) if model.record_at(i).month == dt.date(2026, 11, 1))
        contract_screen.payslips.select_row(row)
        pump(0.4)
        win.grab().save(str(out / f"payslip-not-checked-{lang}.png"))
        win.lock("manual")
        pump(0.2)
    win.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
