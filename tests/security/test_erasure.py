"""Low: a record deleted on purpose can be erased from history and exports; the chain still verifies."""

from __future__ import annotations

import io
import json

import pytest
import sqlcipher3.dbapi2 as sqlite

from handbook_app.core import records as r
from handbook_app.services import session
from handbook_app.services.export_json import export_json
from handbook_app.vault.connection import VaultError
from tests.conftest import PASSPHRASE

FRIEND = "Trần Thị Hoa (bạn cùng phòng)"


def test_erasing_a_deleted_record_removes_it_from_history_and_exports(handbook, vault_path, tmp_path):
    keep = handbook.add(r.Incident(title="kept", category="other")).record
    inc = handbook.add(r.Incident(title="wrong", people=FRIEND, category="other")).record
    handbook.add_attachment(inc, io.BytesIO(b"\xff\xd8 photo of " + FRIEND.encode()), "by-mistake.jpg")
    handbook.update(r.Incident(id=inc.id, title="wrong", people=FRIEND + "!", category="other"))
    with pytest.raises(VaultError, match="Delete the record first"):
        handbook.erase(r.Incident, inc.id)
    handbook.delete(r.Incident, inc.id)
    handbook.erase(r.Incident, inc.id)
    assert handbook.verify().ok
    out = export_json(handbook, tmp_path / "all.json").path
    text = out.read_text(encoding="utf-8")
    assert FRIEND not in text and "by-mistake.jpg" not in text and "kept" in text
    erase = [e for e in json.loads(text)["audit"] if e["action"] == "erase"]
    assert len(erase) == 2 and all(len(x["payload_sha256"]) == 64 for e in erase for x in e["after"]["entries"])
    assert [i.id for i in handbook.records(r.Incident)] == [keep.id]


def test_faking_an_erasure_without_its_erase_entry_breaks_the_chain(handbook, vault_path):
    inc = handbook.add(r.Incident(title="evidence", category="other")).record
    handbook.add(r.Incident(title="later", category="other"))
    handbook.lock()
    conn = sqlite.connect(str(vault_path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("UPDATE audit SET after = '{\"erased_by\":5}' WHERE row_id = ?", (inc.id,))
    conn.execute("DELETE FROM incident WHERE id = ?", (inc.id,))
    conn.commit()
    conn.close()
    hb, _ = session.unlock(vault_path, PASSPHRASE)
    report = hb.verify()
    hb.lock()
    assert not report.ok and report.chain is not None and report.chain.seq == 1
