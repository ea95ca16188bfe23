"""The vault on real SQLCipher files: encryption, bad input, locking, re-keying, crash safety, migrations."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlite

from handbook_app.core.money import Money
from handbook_app.core.records import Contract, Incident, Profile
from handbook_app.services import session
from handbook_app.vault.connection import (
    Vault,
    VaultError,
    VaultExists,
    VaultInUse,
    VaultMissing,
    WrongPassphraseOrNotVault,
)
from handbook_app.vault.migrations import current_version, latest_version
from tests.conftest import PASSPHRASE

SECRET_TEXT = "Ông Suzuki giữ hộ chiếu của tôi"
DATA = Path(__file__).parent.parent / "data"


def test_raw_file_holds_none_of_the_stored_text(handbook, vault_path):
    handbook.add(Incident(title=SECRET_TEXT, description="パスポートを取り上げられた", category="documents_withheld"))
    handbook.save_profile(Profile(full_name="Nguyễn Văn Minh"))
    handbook.lock()
    raw = vault_path.read_bytes()
    for side_file in vault_path.parent.iterdir():
        raw += side_file.read_bytes()
    for text in (SECRET_TEXT, "パスポート", "Nguyễn Văn Minh", "Suzuki", "CREATE TABLE", "incident"):
        assert text.encode("utf-8") not in raw
    assert not raw.startswith(b"SQLite format 3")


def test_any_sqlcipher4_client_opens_the_file_with_the_passphrase(handbook, vault_path):
    handbook.add(Incident(title="hello", category="other"))
    handbook.lock()
    conn = sqlite.connect(str(vault_path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")  # plain SQLCipher 4 defaults, nothing else
    assert conn.execute("SELECT title FROM incident").fetchone() == ("hello",)
    conn.close()


def test_wrong_passphrase_fails_cleanly(handbook, vault_path):
    handbook.lock()
    with pytest.raises(WrongPassphraseOrNotVault) as info:
        Vault.open(vault_path, "not the passphrase")
    assert "passphrase is wrong or the file is not a vault" in str(info.value)
    assert Vault.open(vault_path, PASSPHRASE).integrity_check() == []


@pytest.mark.parametrize("content", [b"", b"hello, I am a text file\n", os.urandom(8192), b"SQLite format 3\x00" * 300])
def test_a_file_that_is_not_a_vault_gets_the_same_message(tmp_path, content):
    path = tmp_path / "foreign.vault"
    path.write_bytes(content)
    with pytest.raises(WrongPassphraseOrNotVault):
        Vault.open(path, PASSPHRASE)
    assert path.read_bytes() == content  # opening never changes a foreign file


def test_missing_path(tmp_path):
    with pytest.raises(VaultMissing):
        Vault.open(tmp_path / "nothing.vault", PASSPHRASE)
    assert not (tmp_path / "nothing.vault").exists()


def test_create_refuses_to_overwrite(tmp_path):
    path = tmp_path / "precious.vault"
    path.write_bytes(b"someone's data")
    with pytest.raises(VaultExists):
        Vault.create(path, PASSPHRASE)
    assert path.read_bytes() == b"someone's data"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(VaultError):
            Vault.create(folder / "x.vault", PASSPHRASE)
    finally:
        folder.chmod(0o755)


def test_read_only_folder_as_root_simulated(tmp_path, monkeypatch):
    """Root ignores permissions, so simulate the OS refusing the write."""
    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("handbook_app.vault.connection._link_without_overwrite", refuse)
    with pytest.raises(VaultError) as info:
        Vault.create(tmp_path / "x.vault", PASSPHRASE)
    assert "cannot be written" in str(info.value)
    assert list(tmp_path.iterdir()) == []  # no half-made vault left behind


def test_second_copy_of_the_app_is_refused(handbook, vault_path):
    script = textwrap.dedent(f"""
        from handbook_app.i18n import set_locale
        from handbook_app.vault.connection import Vault, VaultInUse
        set_locale("en")
        try:
            Vault.open({str(vault_path)!r}, {PASSPHRASE!r})
        except VaultInUse as exc:
            print("REFUSED", exc)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert "REFUSED" in result.stdout
    assert "already open" in result.stdout
    handbook.add(Incident(title="still writable", category="other"))


def test_second_open_in_the_same_process_is_refused(handbook, vault_path):
    with pytest.raises(VaultInUse):
        Vault.open(vault_path, PASSPHRASE)


def test_lock_forgets_the_connection(handbook):
    handbook.lock()
    with pytest.raises(VaultError):
        handbook.records(Incident)


def test_change_passphrase(handbook, vault_path):
    handbook.add(Incident(title="kept through rekey", category="other"))
    handbook.change_passphrase("a new and longer passphrase")
    assert [i.title for i in handbook.records(Incident)] == ["kept through rekey"]
    handbook.lock()
    with pytest.raises(WrongPassphraseOrNotVault):
        Vault.open(vault_path, PASSPHRASE)
    reopened = Vault.open(vault_path, "a new and longer passphrase")
    assert reopened.integrity_check() == []
    reopened.close()
    assert sorted(p.name for p in vault_path.parent.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
        vault_path.name
    ]


def test_failed_rekey_leaves_the_old_vault_usable(handbook, vault_path, monkeypatch):
    handbook.add(Incident(title="survives", category="other"))

    def disk_full(self, dest, passphrase):
        Path(dest).write_bytes(b"partial")
        raise VaultError("The disk is full.")

    monkeypatch.setattr(Vault, "export_copy", disk_full)
    with pytest.raises(VaultError):
        handbook.change_passphrase("new passphrase here")
    assert [i.title for i in handbook.records(Incident)] == ["survives"]
    handbook.lock()
    assert Vault.open(vault_path, PASSPHRASE).integrity_check() == []


def test_integrity_check_catches_a_damaged_page(handbook, vault_path):
    for n in range(200):
        handbook.add(Incident(title=f"incident {n}", description="x" * 500, category="other"))
    handbook.lock()
    data = bytearray(vault_path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # flip one byte in a page in the middle
    vault_path.write_bytes(bytes(data))
    try:
        vault = Vault.open(vault_path, PASSPHRASE)
    except VaultError:
        return  # refused outright: also a clear outcome
    try:
        assert vault.integrity_check() != []
    finally:
        vault.close()


def test_killed_process_loses_at_most_the_edit_in_progress(handbook, vault_path):
    handbook.add(Incident(title="saved before the crash", category="other"))
    handbook.lock()
    script = textwrap.dedent(f"""
        import os
        from handbook_app.core.records import Incident
        from handbook_app.services import session
        hb, _ = session.unlock({str(vault_path)!r}, {PASSPHRASE!r})
        with hb.vault.transaction():
            for n in range(50):
                hb.store.insert(Incident(title=f"half-done {{n}}", category="other"), hb.actor)
            os._exit(9)  # killed mid-write, before the commit
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == 9
    hb, _info = session.unlock(vault_path, PASSPHRASE)
    try:
        assert [i.title for i in hb.records(Incident)] == ["saved before the crash"]
        assert hb.verify().ok
    finally:
        hb.lock()


def test_vault_made_by_the_first_schema_opens_with_current_code(tmp_path):
    """tests/data/vault-schema-v1.vault was written by schema version 1 (passphrase 'fixture-v1')."""
    path = tmp_path / "old.vault"
    shutil.copyfile(DATA / "vault-schema-v1.vault", path)
    vault = Vault.open(path, "fixture-v1")
    try:
        assert current_version(vault.conn) == latest_version()
        from handbook_app.services.handbook import Handbook

        hb = Handbook(vault)
        contracts = hb.records(Contract)
        assert contracts[0].employer == "株式会社テスト"
        assert contracts[0].wage == Money(1050, "JPY")
        assert hb.verify().ok
    finally:
        vault.close()


def test_schema_matches_the_record_types(handbook):
    from handbook_app.core.records import RECORD_TYPES
    from handbook_app.vault.codec import columns

    for kind, cls in RECORD_TYPES.items():
        cols = [row[1] for row in handbook.vault.conn.execute(f"PRAGMA table_info({kind})")]
        assert tuple(cols) == columns(cls), kind


def test_newer_vault_is_refused(handbook, vault_path):
    with handbook.vault.transaction() as conn:
        conn.execute("INSERT INTO schema_version VALUES (9999, 'future')")
    handbook.lock()
    with pytest.raises(VaultError) as info:
        Vault.open(vault_path, PASSPHRASE)
    assert "newer version" in str(info.value)


def test_the_same_passphrase_typed_precomposed_or_decomposed_opens_the_vault(tmp_path):
    import unicodedata

    typed = "Mật khẩu của tôi ữ"
    path = tmp_path / "v.vault"
    Vault.create(path, unicodedata.normalize("NFC", typed)).close()
    Vault.open(path, unicodedata.normalize("NFD", typed)).close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_vault_and_exports_are_readable_by_their_owner_only(handbook, vault_path, tmp_path):
    from handbook_app.services.export_json import export_json

    out = export_json(handbook, tmp_path / "out.json").path
    assert vault_path.stat().st_mode & 0o077 == 0
    assert out.stat().st_mode & 0o077 == 0


def test_a_failed_swap_after_rekey_leaves_the_old_vault_open(handbook, vault_path, monkeypatch):
    handbook.add(Incident(title="still here", category="other"))

    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("handbook_app.vault.connection.os.replace", refuse)
    with pytest.raises(VaultError):
        handbook.change_passphrase("another long passphrase")
    monkeypatch.undo()
    assert [i.title for i in handbook.records(Incident)] == ["still here"]  # still open and usable
    handbook.lock()
    Vault.open(vault_path, PASSPHRASE).close()  # the old passphrase still opens it


def test_a_clock_set_back_does_not_demand_a_wait_of_years(vault_path, handbook):
    import json
    import time

    from handbook_app.services.session import wait_needed

    handbook.lock()
    sidecar = vault_path.with_name(f".{vault_path.name}.attempts")
    sidecar.write_text(json.dumps({"failed": 9, "last": time.time() + 10**9}))
    assert wait_needed(vault_path) <= 30


def test_counting_open_incidents_reads_only_the_status_index(handbook):
    """Home counts open incidents at every unlock; the count must not read every incident's text."""
    plan = " ".join(row[-1] for row in handbook.vault.conn.execute(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM incident WHERE status IN ('open', 'reported')"))
    assert "COVERING INDEX incident_status" in plan
