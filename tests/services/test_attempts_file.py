"""The failed-unlock counter beside a vault is readable by its owner only, like the vault."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from handbook_app.services import session
from handbook_app.services.errors import WrongPassphraseOrNotVault


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_failed_attempts_file_is_created_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "my.vault"
    session.create(path, "correct horse battery").lock()
    old = os.umask(0o022)  # the usual default, which made it 0644
    try:
        with pytest.raises(WrongPassphraseOrNotVault):
            session.unlock(path, "wrong passphrase!")
    finally:
        os.umask(old)
    sidecar = path.with_name(".my.vault.attempts")
    assert sidecar.exists()
    assert sidecar.stat().st_mode & 0o777 == 0o600
    handbook, info = session.unlock(path, "correct horse battery")
    handbook.lock()
    assert info.failed_since == 1
    assert not sidecar.exists()
