"""The wheel works installed, not only from the checkout: resources, fonts, translations and migrations ride along."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    wheel = next(out.glob("trainee_handbook-*.whl"))
    target = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(target)  # what `pip install` puts in site-packages
    return target


def _run(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HANDBOOK_")}
    env.update(PYTHONPATH=str(site), HANDBOOK_PASSPHRASE="wheel test", HANDBOOK_LANG="vi")
    return subprocess.run([sys.executable, "-m", "handbook_app", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=120)


def test_wheel_carries_its_data(installed):
    pkg = installed / "handbook_app"
    for rel in ("resources/fonts/ipaexg.ttf", "resources/fonts/BIZUDGothic-Bold.ttf", "resources/fonts/LICENSE-IPA.txt",
                "resources/fonts/LICENSE-OFL.txt", "resources/data/minimum_wage.csv",
                "translations/vi/LC_MESSAGES/messages.mo", "vault/migrations/0001_initial.sql"):
        assert (pkg / rel).is_file(), rel


def test_installed_cli_demo_verify_export(installed, tmp_path):
    check = subprocess.run(
        [sys.executable, "-c", "import handbook_app, handbook_app.resources as r; "
                               "print(handbook_app.__file__); print(r.resource_path('data'))"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(installed)}, cwd=tmp_path,
    )
    module_file, data_dir = check.stdout.split()
    assert module_file.startswith(str(installed)) and data_dir.startswith(str(installed))
    vault = tmp_path / "w.vault"
    assert _run(installed, "demo", str(vault), cwd=tmp_path).returncode == 0
    verified = _run(installed, "verify", str(vault), cwd=tmp_path)
    assert verified.returncode == 0, verified.stderr
    out = tmp_path / "w.json"
    assert _run(installed, "export-json", str(vault), str(out), cwd=tmp_path).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["records"]["incident"]
