"""Issue 16 #3: backups are checked copies, keep the last few, restore keeps a way back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handbook_app.core import records as r
from handbook_app.services import backup, recovery, session
from handbook_app.services.errors import VaultError, WrongPassphraseOrNotVault
from handbook_app.vault import backup as files
from tests.conftest import PASSPHRASE, TRAINEE


def loan(name: str) -> r.Loan:
    return r.Loan(lender=name, principal=r.Money(50_000_000, "VND"))


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_backup_opens_with_the_same_passphrase_and_sheet_and_is_a_handover(handbook, stick: Path):
    handbook.add(loan("Môi giới A"))
    sheet = recovery.make_sheet(handbook, PASSPHRASE)
    written = backup.back_up(handbook, stick)
    assert written.path.parent == stick and written.path.name.startswith("my backup ")
    assert written.path.suffix == ".vault" and not [p for p in stick.iterdir() if p.name.startswith(".")]
    entry = handbook.audit_entries()[-1]
    assert (entry.action, entry.kind) == ("handover", "backup") and entry.after["sha256"] == written.sha256
    assert backup.last_backup(handbook) is not None

    copy, _info = session.unlock(written.path, PASSPHRASE)
    assert [x.lender for x in copy.records(r.Loan)] == ["Môi giới A"]
    copy.lock()
    by_code, _info = recovery.unlock_with_code(written.path, "\n".join(sheet.lines))  # same key and salt
    by_code.lock()


def test_backup_with_a_new_passphrase(handbook, stick: Path):
    written = backup.back_up(handbook, stick, new_passphrase="mật khẩu riêng cho bản sao")
    with pytest.raises(WrongPassphraseOrNotVault):
        session.unlock(written.path, PASSPHRASE)
    copy, _info = session.unlock(written.path, "mật khẩu riêng cho bản sao")
    copy.lock()
    with pytest.raises(VaultError):
        backup.back_up(handbook, stick, new_passphrase="abc")  # a weak one is refused, nothing written


def test_only_the_last_copies_are_kept_and_nothing_else_is_touched(handbook, stick: Path):
    (stick / "photos.zip").write_bytes(b"mine")
    (stick / "other backup 2020-01-01 000000.vault").write_bytes(b"another vault's backup")
    start = dt.datetime(2026, 1, 1, 8, 0, 0)
    made = [files.write_backup(handbook.vault, stick, when=start + dt.timedelta(days=i), keep=3).path
            for i in range(5)]
    assert files.backups_of(handbook.path, stick) == made[2:]
    assert (stick / "photos.zip").exists() and (stick / "other backup 2020-01-01 000000.vault").exists()


def test_restore_replaces_only_after_moving_the_current_vault_aside(vault_path: Path, stick: Path):
    hb = session.create(vault_path, PASSPHRASE, TRAINEE)
    hb.add(loan("before the backup"))
    written = backup.back_up(hb, stick)
    hb.add(loan("after the backup"))

    with pytest.raises(WrongPassphraseOrNotVault):
        backup.restore_backup(hb, written.path, "not the passphrase")
    assert hb.is_open and len(hb.records(r.Loan)) == 2  # nothing was locked or moved

    info = backup.inspect_backup(written.path, PASSPHRASE)
    assert info.last_change is not None and info.entries > 0
    result = backup.restore_backup(hb, written.path, PASSPHRASE)
    restored = result.handbook
    assert [x.lender for x in restored.records(r.Loan)] == ["before the backup"]
    assert restored.audit_entries()[-1].action == "restore"
    assert result.kept.parent == vault_path.parent and "before restore" in result.kept.name
    restored.lock()
    old, _info = session.unlock(result.kept, PASSPHRASE)  # the way back
    assert len(old.records(r.Loan)) == 2
    old.lock()


def test_a_damaged_backup_is_refused_and_the_vault_stays(handbook, stick: Path):
    written = backup.back_up(handbook, stick)
    data = bytearray(written.path.read_bytes())
    data[5000:5100] = bytes(100)
    written.path.write_bytes(bytes(data))
    with pytest.raises(VaultError):
        backup.restore_backup(handbook, written.path, PASSPHRASE)
    assert handbook.is_open


def test_reminder_is_gentle(handbook):
    now = dt.datetime.now(dt.UTC)
    assert backup.backup_reminder(handbook, now) is None  # a new, empty vault: no nagging
    handbook.set_meta("created", (now - dt.timedelta(days=20)).isoformat())
    handbook.add(r.Incident(title="Giữ hộ chiếu"))
    assert "No backup" in backup.backup_reminder(handbook, now)
    handbook.set_meta(backup.LAST_BACKUP_META, (now - dt.timedelta(days=3)).isoformat())
    assert backup.backup_reminder(handbook, now) is None
    handbook.set_meta(backup.LAST_BACKUP_META, (now - dt.timedelta(days=45)).isoformat())
    assert "45 days" in backup.backup_reminder(handbook, now)
