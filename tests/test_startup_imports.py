"""A cold start loads only what the start screen shows (bench/bench_startup.py measures the time)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")

START = """
import sys
from handbook_app.ui import app
qapp = app.make_app([])
from handbook_app.ui.main_window import MainWindow
from handbook_app.ui.settings import AppSettings
window = MainWindow(AppSettings())
window.show()
qapp.processEvents()
print(" ".join(sorted(sys.modules)))
"""

NOT_AT_START = ("sqlcipher3", "babel", "reportlab", "pypdf", "pypdfium2",
                "handbook_app.services.handbook", "handbook_app.services.session", "handbook_app.core.records",
                "handbook_app.vault.connection", "handbook_app.ui.screens.unlock_screen", "handbook_app.ui.icons")


def test_the_start_screen_loads_no_vault_services_babel_or_reports(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": SRC, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", START], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert "handbook_app.ui.screens.start_screen" in loaded  # the check itself works
    assert sorted(m for m in NOT_AT_START if m in loaded) == []

