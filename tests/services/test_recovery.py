"""Issue 16 #2: the recovery sheet opens a vault whose passphrase is forgotten; a passphrase change voids it."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlite

from handbook_app.core import records as r
from handbook_app.core.recovery_code import RecoveryCodeError, RecoveryKey, decode, encode_lines
from handbook_app.services import recovery, session
from handbook_app.services.errors import WrongPassphraseOrNotVault
from tests.conftest import PASSPHRASE, TRAINEE

NEW = "một mật khẩu mới dài"


def test_code_round_trip_and_forgiving_reading():
    key = RecoveryKey(bytes(range(32)), bytes(range(100, 116)))
    lines = encode_lines(key)
    assert len(lines) == 4 and all(len(line.split()) == 6 for line in lines)
    assert all(len(group) == 4 for line in lines for group in line.split())
    typed = "\n".join(lines).lower().replace(" ", "-").replace("O", "0")
    assert decode(typed) == key
    assert decode(" ".join(lines).replace("I", "1").replace("B", "8")) == key


def test_a_typing_mistake_names_its_line():
    lines = encode_lines(RecoveryKey(b"\x07" * 32, b"\x09" * 16))
    third = lines[2]
    wrong = third[:5] + ("A" if third[5] != "A" else "B") + third[6:]
    with pytest.raises(RecoveryCodeError) as err:
        decode("\n".join([lines[0], lines[1], wrong, lines[3]]))
    assert err.value.line == 3
    with pytest.raises(RecoveryCodeError) as swapped:
        decode("\n".join([lines[1], lines[0], lines[2], lines[3]]))  # lines in the wrong order
    assert swapped.value.line == 1
    assert "Line 3" in recovery.code_problem("\n".join([lines[0], lines[1], wrong, lines[3]]))
    assert "24" in recovery.code_problem(" ".join(lines[:3]))


def test_sheet_needs_the_current_passphrase(handbook):
    with pytest.raises(WrongPassphraseOrNotVault):
        recovery.make_sheet(handbook, "not the passphrase")
    assert recovery.sheet_state(handbook) == "none"


def test_forgotten_passphrase_opened_with_the_code_and_rekeyed(vault_path: Path):
    hb = session.create(vault_path, PASSPHRASE, TRAINEE)
    hb.add(r.Loan(lender="Công ty môi giới", principal=r.Money(150_000_000, "VND")))
    sheet = recovery.make_sheet(hb, PASSPHRASE)
    assert recovery.sheet_state(hb) == "current"
    hb.lock()
    code = "\n".join(sheet.lines)

    # Any SQLCipher 4 client opens the file with the raw key printed on the sheet.
    conn = sqlite.connect(str(vault_path))
    conn.execute(f'PRAGMA key = "{sheet.sqlcipher_key}"')
    assert conn.execute("SELECT lender FROM loan").fetchone() == ("Công ty môi giới",)
    conn.close()

    # The passphrase is forgotten: the code opens the vault, a new passphrase is set.
    opened, _info = recovery.unlock_with_code(vault_path, code.lower())
    assert opened.records(r.Loan)[0].lender == "Công ty môi giới"
    recovery.set_new_passphrase(opened, NEW)
    assert recovery.sheet_state(opened) == "void"  # the app can say the old sheet no longer works
    actions = [e.action for e in opened.audit_entries()]
    assert "recovery" in actions and actions[-1] == "rekey"
    opened.lock()

    again, _info = session.unlock(vault_path, NEW)
    assert again.records(r.Loan)[0].lender == "Công ty môi giới"
    again.lock()
    with pytest.raises(recovery.RecoveryError, match="void"):
        recovery.unlock_with_code(vault_path, code)  # the old sheet is void
    with pytest.raises(WrongPassphraseOrNotVault):
        session.unlock(vault_path, PASSPHRASE)


def test_nothing_of_the_key_is_kept_in_the_vault(vault_path: Path):
    hb = session.create(vault_path, PASSPHRASE, TRAINEE)
    sheet = recovery.make_sheet(hb, PASSPHRASE)
    key_hex = sheet.sqlcipher_key[2:66].lower()
    rows = hb.vault.conn.execute("SELECT key, value FROM meta").fetchall()
    dump = repr(rows) + repr([e.after for e in hb.audit_entries()])
    hb.lock()
    assert key_hex not in dump.lower() and sheet.lines[0] not in dump
    assert not [p for p in vault_path.parent.iterdir() if p != vault_path and not p.name.startswith(".")]


def test_sheet_pdf_has_the_code_and_both_languages(handbook, tmp_path: Path):
    import io

    from pypdf import PdfReader

    sheet = recovery.make_sheet(handbook, PASSPHRASE)
    dest = recovery.save_sheet_pdf(sheet, tmp_path / "sheet.pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(dest.read_bytes())).pages)
    assert len(PdfReader(io.BytesIO(recovery.sheet_pdf(sheet))).pages) == 1
    for group in sheet.lines[0].split() + sheet.lines[3].split():
        assert group in text
    assert "Phiếu khôi phục" in text and "復旧シート" in text
    assert sheet.sqlcipher_key in text.replace("\n", "")
