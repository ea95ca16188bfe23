"""`handbook-app demo VAULT` works in a script with no passphrase set, as the README says."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")


def _run(*args: str, passphrase: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "HANDBOOK_PASSPHRASE"}
    env.update(PYTHONPATH=SRC, HANDBOOK_LANG="en")
    if passphrase is not None:
        env["HANDBOOK_PASSPHRASE"] = passphrase
    return subprocess.run([sys.executable, "-m", "handbook_app", *args], env=env, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=120)


def test_demo_without_a_passphrase_uses_demo_and_says_so(tmp_path: Path) -> None:
    vault = tmp_path / "demo.vault"
    made = _run("demo", str(vault))
    assert made.returncode == 0, made.stderr
    assert "passphrase is: demo" in made.stdout
    assert _run("verify", str(vault), passphrase="demo").returncode == 0


def test_demo_with_a_passphrase_set_uses_it(tmp_path: Path) -> None:
    vault = tmp_path / "demo.vault"
    made = _run("demo", str(vault), passphrase="my own phrase")
    assert made.returncode == 0, made.stderr
    assert "passphrase is" not in made.stdout
    assert _run("verify", str(vault), passphrase="demo").returncode == 3
    assert _run("verify", str(vault), passphrase="my own phrase").returncode == 0
