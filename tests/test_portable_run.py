"""Portable mode end to end: the CLI and the app run with HOME read-only and write nothing there.

A folder with the `portable` marker and a launcher script stands in for the bundle (the frozen
bundle gets the same check in packaging/smoke_test.py). As root a read-only folder is still
writable, so the test compares what HOME holds before and after instead of trusting a refusal.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

CLI_LAUNCHER = "import sys\nfrom handbook_app.launcher import main\nsys.exit(main())\n"
# The app, closed by a timer after two seconds the way a user closes it (settings are written then);
# before that, Qt's own settings are written the way its file dialog writes them (the registry on Windows).
GUI_LAUNCHER = """import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from handbook_app.ui import app
make_app = app.make_app
def like_the_file_dialog():
    qt_own = QSettings(QSettings.Scope.UserScope, "QtProject")
    qt_own.setValue("FileDialog/history", ["/somewhere"])
    qt_own.sync()
def make_and_schedule(argv=None):
    qapp = make_app(argv)
    QTimer.singleShot(1500, like_the_file_dialog)
    QTimer.singleShot(2000, QApplication.closeAllWindows)
    return qapp
app.make_app = make_and_schedule
sys.exit(app.main(sys.argv[1:]))
"""


def _snapshot(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "Trainee Handbook ổ"  # a stick's folder with spaces and Vietnamese letters
    folder.mkdir()
    (folder / "portable").write_text("")
    (folder / "handbook-app.py").write_text(CLI_LAUNCHER, encoding="utf-8")
    (folder / "handbook-app-gui.py").write_text(GUI_LAUNCHER, encoding="utf-8")
    return folder


@pytest.fixture
def read_only_home(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o555)
    yield home
    home.chmod(0o755)


def _env(home: Path) -> dict[str, str]:
    keep = {k: os.environ[k] for k in ("PATH", "SYSTEMROOT") if k in os.environ}
    return {**keep, "HOME": str(home), "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen",
            "PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8"}


def _run(bundle: Path, script: str, *args: str, env: dict[str, str], timeout: int = 120):
    return subprocess.run([sys.executable, str(bundle / script), *args], cwd=bundle, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_cli_and_app_in_portable_mode_leave_home_untouched(bundle: Path, read_only_home: Path) -> None:
    env = _env(read_only_home)
    vault = bundle / "vault" / "mine.vault"
    vault.parent.mkdir()
    before = _snapshot(read_only_home)

    made = _run(bundle, "handbook-app.py", "demo", str(vault), env={**env, "HANDBOOK_PASSPHRASE": "demo pass"})
    assert made.returncode == 0, made.stderr
    checked = _run(bundle, "handbook-app.py", "verify", str(vault), env={**env, "HANDBOOK_PASSPHRASE": "demo pass"})
    assert checked.returncode == 0, checked.stderr
    wrong = _run(bundle, "handbook-app.py", "verify", str(vault), env={**env, "HANDBOOK_PASSPHRASE": "wrong one"})
    assert wrong.returncode == 3
    gui = _run(bundle, "handbook-app-gui.py", "--lang", "ja", env=env)
    assert gui.returncode == 0, gui.stderr

    assert _snapshot(read_only_home) == before == []
    assert (bundle / "data" / "settings.ini").is_file()  # the app's settings went beside the program
    assert (bundle / "data" / "QtProject.conf").is_file()  # and Qt's own
    assert "geometry" in (bundle / "data" / "settings.ini").read_text(encoding="utf-8")


READY_LAUNCHER = """import sys
from PySide6.QtCore import QTimer
from handbook_app.ui import app
make_app = app.make_app
def make_and_report(argv=None):
    qapp = make_app(argv)
    QTimer.singleShot(0, lambda: print("ready", flush=True))  # the event loop runs: the window is up
    return qapp
app.make_app = make_and_report
sys.exit(app.main(sys.argv[1:]))
"""


def test_sigterm_closes_the_app_like_its_close_button(bundle: Path, read_only_home: Path) -> None:
    """A logout or `kill` locks and saves settings instead of dying mid-write (and still beside the program)."""
    import signal

    (bundle / "ready.py").write_text(READY_LAUNCHER, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(bundle / "ready.py"), "--lang", "vi"], cwd=bundle,
                            env=_env(read_only_home), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output: list[str] = []
    settings = bundle / "data" / "settings.ini"
    try:
        for line in proc.stdout:  # waits however slow the machine is; Qt's warnings come first
            output.append(line)
            if line.strip() == "ready":
                break
        assert output and output[-1].strip() == "ready", "".join(output)
        assert not settings.exists()  # nothing written yet: settings are saved when the window closes
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "geometry" in settings.read_text(encoding="utf-8")
    assert _snapshot(read_only_home) == []
