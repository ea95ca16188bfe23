"""High 2: witnessed checkpoints. A passphrase holder can rewrite and re-hash the chain; a checkpoint signed
with an organisation's Ed25519 key makes that fail `verify`."""

from __future__ import annotations

import contextlib
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlite

from handbook_app import cli
from handbook_app.core import records as r
from handbook_app.core.audit import AuditEntry
from handbook_app.services import session
from handbook_app.services.verification import describe_report
from handbook_app.services.witness import WitnessKeyError, generate_key, witness
from handbook_app.vault.verify import AUDIT_COLUMNS, entry_from_row
from tests.conftest import PASSPHRASE

KEY_PASS = "nhóm hỗ trợ Tokyo bảo mật"


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "stick" / "org.key"
    path.parent.mkdir()
    generate_key(path, "Hỗ trợ TTS Tokyo", KEY_PASS)
    return path


def rewrite_history(path: Path, seq: int, title: str) -> None:
    """What someone with the passphrase can do: change an old entry and its record, then re-hash every entry
    after it so the unkeyed chain is consistent again."""
    conn = sqlite.connect(str(path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    entries = [entry_from_row(row) for row in conn.execute(f"SELECT {', '.join(AUDIT_COLUMNS)} FROM audit ORDER BY seq")]
    prev = entries[seq - 2].hash if seq > 1 else "0" * 64
    for e in entries[seq - 1:]:
        after = e.after
        if e.seq == seq:
            after = {**e.after, "title": title}
            conn.execute("UPDATE incident SET title = ? WHERE id = ?", (title, e.row_id))
        fixed: AuditEntry = replace(e, after=after, prev_hash=prev)
        fixed = replace(fixed, hash=fixed.compute_hash())
        conn.execute("UPDATE audit SET after = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                     (json.dumps(after, sort_keys=True, separators=(",", ":"), ensure_ascii=False) if after else None,
                      fixed.prev_hash, fixed.hash, e.seq))
        prev = fixed.hash
    conn.commit()
    conn.close()


def test_without_a_checkpoint_a_consistent_rewrite_passes_and_verify_says_what_that_means(handbook, vault_path):
    handbook.add(r.Incident(title="Bị giữ hộ chiếu", category="documents_withheld"))
    handbook.add(r.Incident(title="later", category="other"))
    handbook.lock()
    rewrite_history(vault_path, 1, "nothing happened")
    hb, _ = session.unlock(vault_path, PASSPHRASE)
    ok, lines = describe_report(hb.verify())
    hb.lock()
    assert ok and any("No witnessed checkpoint" in line for line in lines)


def test_a_rewrite_before_a_checkpoint_fails_verify(handbook, vault_path, key_file):
    handbook.add(r.Incident(title="Bị giữ hộ chiếu", category="documents_withheld"))
    cp = witness(handbook, key_file, KEY_PASS, worker="Lan")
    handbook.add(r.Incident(title="after the checkpoint", category="other"))
    ok, lines = describe_report(handbook.verify())
    assert ok and any(f"witnessed by Hỗ trợ TTS Tokyo (key {cp.fingerprint})" in line for line in lines)
    assert cp.seq == 1 and handbook.store.checkpoints()[0].signature == cp.signature
    handbook.lock()
    rewrite_history(vault_path, 1, "nothing happened")
    hb, _ = session.unlock(vault_path, PASSPHRASE)
    report = hb.verify()
    hb.lock()
    assert report.chain is None and not report.rows  # the unkeyed chain alone no longer notices
    ok, lines = describe_report(report)
    assert not ok and any("FAILS" in line and "rewritten" in line for line in lines)


def test_a_changed_checkpoint_or_one_from_another_vault_fails(handbook, vault_path, key_file, tmp_path):
    handbook.add(r.Incident(title="x", category="other"))
    witness(handbook, key_file, KEY_PASS)
    handbook.lock()
    conn = sqlite.connect(str(vault_path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("UPDATE checkpoint SET organisation = 'Another NGO'")
    conn.commit()
    conn.close()
    hb, _ = session.unlock(vault_path, PASSPHRASE)
    results = hb.verify().checkpoints
    hb.lock()
    assert [c.problem for c in results] == ["signature"]


def test_wrong_key_passphrase_or_not_a_key_is_a_clear_error(handbook, key_file, tmp_path):
    handbook.add(r.Incident(title="x", category="other"))
    with pytest.raises(WitnessKeyError, match="passphrase is wrong"):
        witness(handbook, key_file, "not the key passphrase")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(WitnessKeyError, match="not an organisation key"):
        witness(handbook, tmp_path / "photo.jpg", KEY_PASS)
    assert handbook.store.checkpoints() == []


def test_cli_witness_key_witness_and_verify(tmp_path, vault_path, monkeypatch):
    hb = session.create(vault_path, PASSPHRASE)
    hb.add(r.Incident(title="x", category="other"))
    hb.lock()
    monkeypatch.setenv("HANDBOOK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("HANDBOOK_WITNESS_KEY_PASSPHRASE", KEY_PASS)

    def run(*argv: str) -> tuple[int, str]:
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = cli.main(["--lang", "en", *argv])
        return code, out.getvalue()

    key = tmp_path / "org.key"
    code, text = run("witness-key", str(key), "--organisation", "Support NGO")
    assert code == 0 and "fingerprint" in text and "PRIVATE KEY" not in vault_path.read_bytes().decode("latin-1")
    code, text = run("witness", str(vault_path), "--key", str(key), "--worker", "Lan")
    assert code == 0 and "Witnessed: entry 1" in text
    code, text = run("verify", str(vault_path))
    assert code == 0 and "witnessed by Support NGO" in text
    code, text = run("witness", str(vault_path), "--key", str(tmp_path / "missing.key"))
    assert code == cli.EXIT_VAULT and "No key file" in text
