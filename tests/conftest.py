"""Shared fixtures: real SQLCipher vaults in temporary folders, English messages unless a test says otherwise."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handbook_app.core.records import Actor
from handbook_app.i18n import set_locale
from handbook_app.services import session

PASSPHRASE = "correct horse battery staple"
TRAINEE = Actor("trainee", "Minh", "")


@pytest.fixture(autouse=True)
def english():
    set_locale("en")
    yield
    set_locale("en")


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "my.vault"


@pytest.fixture
def handbook(vault_path: Path):
    hb = session.create(vault_path, PASSPHRASE, TRAINEE)
    yield hb
    hb.lock()


@pytest.fixture(scope="session")
def _demo_master(tmp_path_factory) -> Path:
    from handbook_app.services.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.vault"
    hb = session.create(path, PASSPHRASE)
    build_demo(hb)
    hb.lock()
    return path


@pytest.fixture
def demo_path(_demo_master: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo vault for each test (built once per run)."""
    path = tmp_path / "demo.vault"
    shutil.copyfile(_demo_master, path)
    return path


@pytest.fixture
def demo(demo_path: Path):
    hb, _info = session.unlock(demo_path, PASSPHRASE, TRAINEE)
    yield hb
    hb.lock()
