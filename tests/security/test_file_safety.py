"""Medium 3, 4 and 7: the file alone is complete after every commit, a replaced file stops writes, read-only
vaults open for reading, verify/export never modify the file, a full disk says so, partial files are cleaned."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from handbook_app import cli
from handbook_app.core import records as r
from handbook_app.partial_files import clean_partial_files
from handbook_app.services import session
from handbook_app.services.export_json import export_json
from handbook_app.vault.connection import Vault, VaultNotWritable, VaultReadOnly, VaultReplaced
from tests.conftest import PASSPHRASE


def titles(path: Path) -> list[str]:
    hb, _ = session.unlock(path, PASSPHRASE, read_only=True)
    try:
        return [i.title for i in hb.records(r.Incident)]
    finally:
        hb.lock()


def add_ten(hb) -> None:
    for n in range(10):
        hb.add(r.Incident(title=f"n{n}", category="other"))


def test_a_copy_taken_while_open_has_every_saved_record(handbook, vault_path, tmp_path):
    add_ten(handbook)
    copy = tmp_path / "copy.vault"
    shutil.copyfile(vault_path, copy)  # the app is still open: a plain cp, as a user would do
    assert len(titles(copy)) == 10


def test_a_vault_moved_while_open_keeps_its_records_and_further_writes_stop(handbook, vault_path, tmp_path):
    add_ten(handbook)
    moved = tmp_path / "moved.vault"
    os.rename(vault_path, moved)
    with pytest.raises(VaultReplaced):
        handbook.add(r.Incident(title="lost?", category="other"))
    handbook.lock()
    assert len(titles(moved)) == 10


def test_an_older_copy_put_over_an_open_vault_is_not_damaged(handbook, vault_path, tmp_path):
    handbook.add(r.Incident(title="old", category="other"))
    older = tmp_path / "older.vault"
    shutil.copyfile(vault_path, older)
    handbook.add(r.Incident(title="newer", category="other"))
    shutil.copyfile(older, vault_path)  # "restore" over the open vault (same inode, new content)
    with pytest.raises(VaultReplaced, match="moved, replaced or changed"):
        handbook.add(r.Incident(title="would corrupt", category="other"))
    handbook.lock()
    hb, _ = session.unlock(vault_path, PASSPHRASE)
    assert [i.title for i in hb.records(r.Incident)] == ["old"] and hb.verify().ok
    hb.lock()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_verify_and_export_never_modify_the_vault_file(handbook, vault_path, tmp_path, monkeypatch):
    add_ten(handbook)
    handbook.lock()
    before = sha(vault_path)
    monkeypatch.setenv("HANDBOOK_PASSPHRASE", PASSPHRASE)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert cli.main(["verify", str(vault_path)]) == 0
        assert cli.main(["export-json", str(vault_path), str(tmp_path / "out.json")]) == 0
    assert sha(vault_path) == before
    assert sorted(p.name for p in vault_path.parent.iterdir()) == ["my.vault", "out.json"]


def test_a_read_only_vault_opens_for_reading_with_edits_off(handbook, vault_path, monkeypatch, tmp_path):
    add_ten(handbook)
    handbook.lock()
    before = sha(vault_path)
    # A locked stick: neither the file nor its folder can be written (simulated: tests may run as root).
    monkeypatch.setattr("handbook_app.vault.connection.writable", lambda _p: False)
    hb, _info = session.unlock(vault_path, PASSPHRASE)
    assert session.edits_off(hb) and len(hb.records(r.Incident)) == 10 and hb.verify().ok
    with pytest.raises(VaultReadOnly, match="edits are off"):
        hb.add(r.Incident(title="x", category="other"))
    assert not export_json(hb, tmp_path / "o.json").unreadable
    hb.lock()
    assert sha(vault_path) == before


@pytest.mark.skipif(os.geteuid() != 0 if hasattr(os, "geteuid") else True, reason="mounting a small disk needs root")
def test_a_full_disk_during_creation_says_disk_full_and_leaves_nothing(tmp_path):
    disk = tmp_path / "small"
    disk.mkdir()
    for size in ("32k", "96k", "128k"):
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)],
                                 capture_output=True)
        if mounted.returncode != 0:
            pytest.skip("cannot mount a small disk here")
        try:
            with pytest.raises(VaultNotWritable, match="disk is full"):
                session.create(disk / "a.vault", PASSPHRASE)
            assert list(disk.iterdir()) == []
        finally:
            subprocess.run(["umount", str(disk)], check=True)


def test_leftovers_of_killed_exports_and_rekeys_are_named_findably_and_cleaned(handbook, vault_path, tmp_path):
    stale = time.time() - 3600
    leftovers = [tmp_path / "out.json.handbook-part", tmp_path / "my.vault.rekey.handbook-part",
                 tmp_path / ".old.json.part", tmp_path / ".my.vault.rekey"]
    for path in leftovers:
        path.write_bytes(b"plaintext of every record")
        os.utime(path, (stale, stale))
    fresh = tmp_path / "running.json.handbook-part"  # an export still running in another window
    fresh.write_bytes(b"x")
    foreign = tmp_path / ".download.zip.part"  # another program's: never touched
    foreign.write_bytes(b"x")
    os.utime(foreign, (stale, stale))
    export_json(handbook, tmp_path / "new.json")
    assert not any(p.exists() for p in leftovers) and fresh.exists() and foreign.exists()
    for path in leftovers:
        path.write_bytes(b"x")
        os.utime(path, (stale, stale))
    handbook.lock()
    session.unlock(vault_path, PASSPHRASE)[0].lock()  # the next start cleans the vault's folder too
    assert not any(p.exists() for p in leftovers)
    assert clean_partial_files(tmp_path / "missing") == []


def test_the_rekey_history_entry_survives_a_kill_right_after_the_swap(handbook, vault_path, monkeypatch):
    handbook.add(r.Incident(title="x", category="other"))

    class Killed(BaseException):
        pass

    real_connect = __import__("handbook_app.vault.connection", fromlist=["_connect"])._connect
    calls = {"n": 0}

    def die_on_reopen(path, passphrase, exclusive=True, read_only=False):
        if exclusive and Path(path) == vault_path:
            raise Killed  # the process dies after os.replace, before reopening
        calls["n"] += 1
        return real_connect(path, passphrase, exclusive, read_only)

    monkeypatch.setattr("handbook_app.vault.connection._connect", die_on_reopen)
    with pytest.raises(Killed):
        handbook.change_passphrase("a brand new passphrase for me")
    monkeypatch.undo()
    vault = Vault.open(vault_path, "a brand new passphrase for me")
    actions = [row[0] for row in vault.conn.execute("SELECT action FROM audit ORDER BY seq")]
    vault.close()
    assert actions == ["insert", "rekey"]


def test_a_pdf_from_a_read_only_vault_works_and_leaves_the_file_as_it_was(handbook, vault_path, monkeypatch, tmp_path):
    from handbook_app.reports.model import ReportOptions
    from handbook_app.services import reports

    add_ten(handbook)
    handbook.lock()
    before = sha(vault_path)
    monkeypatch.setattr("handbook_app.vault.connection.writable", lambda _p: False)
    hb, _info = session.unlock(vault_path, PASSPHRASE)
    reports.build_evidence_pack(hb, tmp_path / "pack.pdf", ReportOptions(langs=("vi", "ja")))
    hb.lock()
    assert (tmp_path / "pack.pdf").stat().st_size > 0 and sha(vault_path) == before


@pytest.mark.skipif(os.geteuid() != 0 if hasattr(os, "geteuid") else True, reason="mounting a small disk needs root")
def test_a_full_disk_still_opens_the_vault_and_each_edit_says_disk_full(tmp_path):
    disk = tmp_path / "small"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("cannot mount a small disk here")
    try:
        hb = session.create(disk / "a.vault", PASSPHRASE)
        add_ten(hb)
        hb.lock()
        with contextlib.suppress(OSError), open(disk / "fill", "wb") as fill:
            while True:
                fill.write(b"x" * 4096)
        hb, _info = session.unlock(disk / "a.vault", PASSPHRASE)  # before: "The disk is full", nothing readable
        try:
            assert len(hb.records(r.Incident)) == 10
            with pytest.raises(VaultNotWritable, match="disk is full"):
                hb.add(r.Incident(title="x", category="other"))
            assert len(hb.records(r.Incident)) == 10 and hb.verify().ok
        finally:
            hb.lock()
    finally:
        subprocess.run(["umount", str(disk)], check=True)
