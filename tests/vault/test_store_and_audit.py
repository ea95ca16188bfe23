"""Records round-trip, every change is in the audit chain, and tampering is detected."""

from __future__ import annotations

import datetime as dt
import io
import tracemalloc
from dataclasses import replace
from decimal import Decimal

import pytest
import sqlcipher3.dbapi2 as sqlite

from handbook_app.core import records as r
from handbook_app.core.money import Money
from handbook_app.core.validation import ValidationError
from handbook_app.vault.attachments import Cancelled
from tests.conftest import PASSPHRASE

ONE_OF_EACH = [
    r.Contract(employer="株式会社ヤマダ", prefecture=23, start=dt.date(2024, 1, 1), end=dt.date(2026, 12, 31),
               wage=Money(1077, "JPY"), hours_per_month=Decimal("160.5"), housing=Money(20000, "JPY")),
    r.Payslip(month=dt.date(2024, 11, 1), regular_hours=Decimal("160"), base_pay=Money(164320, "JPY"),
              gross=Money(164320, "JPY"), deductions={"housing": 20000, "income_tax": 3000}, net=Money(141320, "JPY")),
    r.Loan(lender="Agribank", principal=Money(190_000_000, "VND"), start=dt.date(2023, 7, 1),
           interest_model="declining", monthly_rate=Decimal("0.008"), term_months=36),
    r.Remittance(date=dt.date(2024, 1, 27), sent=Money(100000, "JPY"), fee=Money(1500, "JPY"),
                 received=Money(16_800_000, "VND")),
    r.RecruitmentFee(date=dt.date(2023, 6, 1), item="deposit", amount=Money(60_000_000, "VND")),
    r.Incident(started=dt.date(2024, 6, 3), category="safety_injury", title="Tai nạn máy ép",
               description="Ngón tay bị kẹp", translation="指を挟まれた", translation_lang="ja"),
    r.HoursEntry(day=dt.date(2024, 6, 3), start="08:00", end="19:30", break_minutes=60),
    r.Reminder(due=dt.date(2026, 12, 1), title="Gia hạn thẻ"),
]


@pytest.mark.parametrize("record", ONE_OF_EACH, ids=lambda rec: rec.KIND)
def test_each_kind_round_trips_and_is_audited(handbook, record):
    saved = handbook.add(record).record
    assert saved.id is not None
    assert handbook.record(type(record), saved.id) == saved
    history = handbook.history(record.KIND, saved.id)
    assert [h.action for h in history] == ["insert"]
    assert history[0].who == "Minh"


def test_repayment_links_to_loan(handbook):
    loan = handbook.add(ONE_OF_EACH[2]).record
    rep = handbook.add(r.Repayment(loan_id=loan.id, date=dt.date(2024, 2, 1), paid=Money(60000, "JPY"),
                                   rate=Decimal("171.35"))).record
    assert handbook.record(r.Repayment, rep.id).rate == Decimal("171.35")


def test_update_and_delete_stay_in_history_with_who_did_it(handbook):
    inc = handbook.add(r.Incident(title="first words", category="other")).record
    handbook.set_actor(r.Actor("support", "Lan", "Nagoya support group"))
    handbook.update(replace(inc, title="better words", status="reported"))
    handbook.delete(r.Incident, inc.id)
    assert handbook.record(r.Incident, inc.id) is None
    history = handbook.history("incident", inc.id)
    assert [h.action for h in history] == ["insert", "update", "delete"]
    assert history[1].who == "Lan (Nagoya support group)"
    assert ("title", "first words", "better words") in history[1].changes
    assert handbook.verify().ok


def test_invalid_records_are_refused_with_field_messages(handbook):
    with pytest.raises(ValidationError) as info:
        handbook.add(r.Loan(principal=Money(0, "VND"), interest_model="flat", monthly_rate=Decimal("0")))
    fields = {p.field for p in info.value.problems}
    assert {"principal", "monthly_rate"} <= fields
    with pytest.raises(ValidationError):
        handbook.add(r.Contract(employer="X", start=dt.date(2025, 1, 1), end=dt.date(2024, 1, 1)))
    assert handbook.records(r.Loan) == [] and handbook.records(r.Contract) == []


def test_add_many_is_all_or_nothing(handbook):
    good = r.Remittance(date=dt.date(2024, 1, 1), sent=Money(1000, "JPY"), received=Money(170000, "VND"))
    bad = r.Remittance(date=dt.date(2024, 1, 2), sent=Money(0, "JPY"), received=Money(0, "VND"))
    with pytest.raises(ValidationError):
        handbook.add_many([good, bad])
    assert handbook.records(r.Remittance) == []


def _tamper(vault_path, sql, args=()):
    conn = sqlite.connect(str(vault_path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute(sql, args)
    conn.commit()
    conn.close()


def _reopen(vault_path):
    from handbook_app.services import session

    return session.unlock(vault_path, PASSPHRASE)[0]


def test_a_record_changed_behind_the_apps_back_is_detected(handbook, vault_path):
    slip = handbook.add(ONE_OF_EACH[1]).record
    handbook.add(ONE_OF_EACH[5])
    handbook.lock()
    _tamper(vault_path, "UPDATE payslip SET base_pay_minor = 200000 WHERE id = ?", (slip.id,))
    hb = _reopen(vault_path)
    report = hb.verify()
    hb.lock()
    assert not report.ok
    assert [(p.kind, p.row_id, p.reason) for p in report.rows] == [("payslip", slip.id, "changed")]


def test_rows_added_or_removed_behind_the_apps_back_are_detected(handbook, vault_path):
    inc = handbook.add(ONE_OF_EACH[5]).record
    handbook.lock()
    _tamper(vault_path, "DELETE FROM incident WHERE id = ?", (inc.id,))
    _tamper(vault_path, "INSERT INTO reminder (kind, due, title, done) VALUES ('custom', '2026-01-01', 'x', 0)")
    hb = _reopen(vault_path)
    reasons = sorted(p.reason for p in hb.verify().rows)
    hb.lock()
    assert reasons == ["missing", "unrecorded"]


def test_a_rewritten_history_entry_names_the_first_broken_entry(handbook, vault_path):
    for n in range(5):
        handbook.add(r.Incident(title=f"n{n}", category="other"))
    handbook.lock()
    _tamper(vault_path, "UPDATE audit SET actor_name = 'someone else' WHERE seq = 3")
    hb = _reopen(vault_path)
    report = hb.verify()
    hb.lock()
    assert report.chain is not None and report.chain.seq == 3


def test_deleting_a_history_entry_breaks_the_chain(handbook, vault_path):
    for n in range(4):
        handbook.add(r.Incident(title=f"n{n}", category="other"))
    handbook.lock()
    _tamper(vault_path, "DELETE FROM audit WHERE seq = 2")
    hb = _reopen(vault_path)
    report = hb.verify()
    hb.lock()
    assert report.chain is not None and report.chain.seq == 3


def test_attachment_streams_in_and_out_with_its_hash(handbook):
    import hashlib

    inc = handbook.add(ONE_OF_EACH[5]).record
    data = bytes(range(256)) * 20_000  # 5 MB
    seen = []
    att = handbook.add_attachment(inc, io.BytesIO(data), "photo.jpg", total=len(data),
                                  progress=lambda done, total: seen.append(done)).record
    assert att.sha256 == hashlib.sha256(data).hexdigest() and att.size == len(data)
    assert att.media_type == "image/jpeg"
    assert seen[-1] == len(data) and len(seen) > 10
    assert b"".join(handbook.attachment_chunks(att.id)) == data
    assert handbook.attachments(inc) == [att]
    assert handbook.verify().ok


def test_cancelled_attachment_leaves_nothing(handbook):
    inc = handbook.add(ONE_OF_EACH[5]).record
    calls = {"n": 0}

    def cancel_after_three():
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(Cancelled):
        handbook.add_attachment(inc, io.BytesIO(b"x" * 5_000_000), "big.bin", cancelled=cancel_after_three)
    assert handbook.attachments(inc) == []
    assert handbook.vault.conn.execute("SELECT count(*) FROM attachment_chunk").fetchone()[0] == 0
    assert handbook.verify().ok


def test_attachment_content_tampering_is_detected(handbook, vault_path):
    inc = handbook.add(ONE_OF_EACH[5]).record
    att = handbook.add_attachment(inc, io.BytesIO(b"original photo bytes"), "a.png").record
    handbook.lock()
    _tamper(vault_path, "UPDATE attachment_chunk SET data = ? WHERE attachment_id = ?", (b"edited", att.id))
    hb = _reopen(vault_path)
    rows = hb.verify().rows
    hb.lock()
    assert [(p.kind, p.reason) for p in rows] == [("attachment", "content")]


def test_streaming_memory_does_not_grow_with_file_size(handbook):
    inc = handbook.add(ONE_OF_EACH[5]).record

    class Zeros(io.RawIOBase):
        def __init__(self, size):
            self.left = size

        def readable(self):
            return True

        def read(self, n=-1):
            n = min(n, self.left)
            self.left -= n
            return b"\0" * n

    peaks = []
    for size in (4_000_000, 32_000_000):
        tracemalloc.start()
        handbook.add_attachment(inc, Zeros(size), f"{size}.bin")
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    assert peaks[1] < 8 * 1024 * 1024  # 32 MB in, a few chunks held at most
    assert peaks[1] < peaks[0] * 3


def test_repayment_in_another_currency_needs_a_rate(handbook):
    loan = handbook.add(ONE_OF_EACH[2]).record  # a VND loan
    with pytest.raises(ValidationError) as info:
        handbook.add(r.Repayment(loan_id=loan.id, date=dt.date(2024, 2, 1), paid=Money(60000, "JPY")))
    assert [p.field for p in info.value.problems] == ["rate"]
    with pytest.raises(ValidationError):
        handbook.add(r.Repayment(loan_id=loan.id, date=dt.date(2020, 1, 1), paid=Money(1000, "VND")))
    assert handbook.records(r.Repayment) == []


def test_locking_during_a_long_upload_cancels_it_and_loses_nothing_saved(handbook, vault_path):
    import threading
    import time

    from handbook_app.services import session

    inc = handbook.add(ONE_OF_EACH[5]).record

    class Slow(io.RawIOBase):
        """A big file arriving slowly (a USB stick): 256 KiB every 20 ms, for ever."""

        def readable(self):
            return True

        def readinto(self, buffer):
            time.sleep(0.02)
            buffer[:] = b"\0" * len(buffer)
            return len(buffer)

    outcome = {}

    def upload():
        try:
            handbook.add_attachment(inc, Slow(), "huge.mp4")
        except Exception as exc:  # noqa: BLE001 - the test records what the worker saw
            outcome["error"] = exc

    worker = threading.Thread(target=upload)
    worker.start()
    time.sleep(0.3)  # several chunks are in
    started = time.monotonic()
    handbook.lock()
    worker.join(5)
    assert time.monotonic() - started < 2  # the lock did not wait for the file to finish
    assert isinstance(outcome.get("error"), Cancelled)
    hb, _info = session.unlock(vault_path, PASSPHRASE)
    try:
        assert hb.records(r.Attachment) == []
        assert [i.id for i in hb.records(r.Incident)] == [inc.id]
        assert hb.verify().ok
    finally:
        hb.lock()


def test_absurd_amounts_are_refused_with_a_message_not_a_crash(handbook):
    with pytest.raises(ValidationError) as info:
        handbook.add(r.Remittance(date=dt.date(2024, 1, 1), sent=Money(10**20, "JPY"), received=Money(1, "VND")))
    assert [p.field for p in info.value.problems] == ["sent"]
    assert handbook.records(r.Remittance) == []


def test_changing_the_passphrase_asks_for_the_current_one(handbook, vault_path):
    from handbook_app.vault.connection import VaultError, WrongPassphraseOrNotVault

    with pytest.raises(WrongPassphraseOrNotVault):
        handbook.change_passphrase("a brand new passphrase", current_passphrase="not the one")
    with pytest.raises(VaultError):
        handbook.change_passphrase("short", current_passphrase=PASSPHRASE)  # too short: refused
    handbook.change_passphrase("a brand new passphrase", current_passphrase=PASSPHRASE)
    assert handbook.passphrase_matches("a brand new passphrase")
