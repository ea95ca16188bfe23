"""Regenerate the README screenshots from the demo vault (run under Xvfb or QT_QPA_PLATFORM=offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_screenshots.py [OUT_DIR]

Writes every screen in vi and ja to OUT_DIR (default /tmp/shots), and home-vi.png / debts-ja.png beside
this script. Settings go to a temporary folder, never the user's.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from shot_window import open_window  # noqa: E402

HERE = Path(__file__).resolve().parent
SCREENS = ["home", "contract", "debts", "remittances", "incidents", "guide", "reports", "settings"]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/shots")
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    QStandardPaths.setTestModeEnabled(True)
    from handbook_app.i18n import set_locale

    app, win, pump = open_window(tmp, 1280, 800)
    for lang in ("vi", "ja"):
        set_locale(lang)
        win.show_start()
        pump(0.2)
        win.grab().save(str(out / f"start_{lang}.png"))
        win.open_demo(tmp / "demo.vault")
        while win.unlock_screen._busy:
            pump(0.05)
        win.unlock_screen.passphrase.setText("demo")
        win.grab().save(str(out / f"unlock_{lang}.png"))
        win.unlock_screen.unlock_button.click()
        while win.context.handbook is None:
            pump(0.05)
        for index, key in enumerate(SCREENS):
            win.go_to(index)
            pump(0.3)
            win.grab().save(str(out / f"{key}_{lang}.png"))
        contract = win.workspace.screens["contract"]
        contract.tabs.setCurrentIndex(1)
        win.go_to(1)
        contract.payslips.select_row(0)
        contract.payslips.edit_selected()
        pump(0.3)
        contract.payslips.dialog.grab().save(str(out / f"payslip_dialog_{lang}.png"))
        win.lock("manual")
        pump(0.2)
    shutil.copyfile(out / "home_vi.png", HERE / "home-vi.png")
    shutil.copyfile(out / "debts_ja.png", HERE / "debts-ja.png")
    win.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
