"""Verification reads the history as stored and parses its JSON only when it must (a long vault is checked in
half the time); what it finds must be exactly what parsing every entry would find."""

from __future__ import annotations

import json

import sqlcipher3.dbapi2 as sqlite
from hypothesis import given, settings
from hypothesis import strategies as st

from handbook_app.core import records as r
from handbook_app.core.audit import GENESIS, AuditEntry, ChainChecker, StoredEntry, canonical_json
from tests.conftest import PASSPHRASE
from tests.vault.test_store_and_audit import _reopen, _tamper


def _verify(vault_path):
    hb = _reopen(vault_path)
    try:
        return hb.verify()
    finally:
        hb.lock()


def _after_text(vault_path, seq):
    conn = sqlite.connect(str(vault_path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    try:
        return conn.execute("SELECT after FROM audit WHERE seq = ?", (seq,)).fetchone()[0]
    finally:
        conn.close()


def test_history_text_written_another_way_but_saying_the_same_is_not_tampering(handbook, vault_path):
    inc = handbook.add(r.Incident(title="Bị giữ hộ chiếu", category="other", description="「返して」と言った")).record
    handbook.lock()
    seq = 1
    stored = json.loads(_after_text(vault_path, seq))
    # the same content, indented and with its keys in another order: not what the app writes, but not a change
    rewritten = json.dumps(dict(reversed(list(stored.items()))), indent=2, ensure_ascii=True)
    _tamper(vault_path, "UPDATE audit SET after = ? WHERE seq = ?", (rewritten, seq))
    report = _verify(vault_path)
    assert report.ok, report
    assert inc.id == stored["id"]


def test_a_changed_value_in_the_history_text_breaks_the_chain_at_that_entry(handbook, vault_path):
    handbook.add(r.Incident(title="một", category="other"))
    handbook.add(r.Incident(title="hai", category="other"))
    handbook.lock()
    text = _after_text(vault_path, 2)
    _tamper(vault_path, "UPDATE audit SET after = ? WHERE seq = 2", (text.replace('"hai"', '"ba"'),))
    report = _verify(vault_path)
    assert report.chain is not None and report.chain.seq == 2
    # the table row no longer matches what its (altered) history says either
    assert [(p.kind, p.reason) for p in report.rows] == [("incident", "changed")]


_text = st.text(st.characters(codec="utf-8"), max_size=12)
_value = st.recursive(st.none() | st.booleans() | st.integers(-2**63, 2**63 - 1) | _text,
                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text, inner, max_size=3),
                      max_leaves=6)
_part = st.none() | st.dictionaries(_text, _value, max_size=4)


@st.composite
def _entries(draw):
    return AuditEntry(
        seq=draw(st.integers(1, 10**9)), at=draw(_text), utc_offset=draw(_text), actor_kind=draw(_text),
        actor_name=draw(_text), actor_org=draw(_text), action=draw(st.sampled_from(["insert", "update", "erase"])),
        kind=draw(_text), row_id=draw(st.none() | st.integers(0, 2**63 - 1)), before=draw(_part),
        after=draw(_part), prev_hash=GENESIS,
    )


def _stored(entry: AuditEntry, texts: tuple[str | None, str | None], hash_: str) -> StoredEntry:
    return StoredEntry(entry.seq, entry.at, entry.utc_offset, entry.actor_kind, entry.actor_name, entry.actor_org,
                       entry.action, entry.kind, entry.row_id, texts[0], texts[1], entry.prev_hash, hash_)


@settings(max_examples=300, deadline=None)
@given(_entries(), st.booleans())
def test_the_hash_over_stored_text_is_the_hash_over_parsed_values(entry, canonical):
    """Canonical text (what the app writes) takes the quick path; any other spelling gives the same answer."""
    def text(part):
        if part is None:
            return None
        return canonical_json(part) if canonical else json.dumps(part, indent=1, ensure_ascii=True)

    expected = entry.compute_hash()
    stored = _stored(entry, (text(entry.before), text(entry.after)), expected)
    assert stored.compute_hash() == expected
    wrong = _stored(entry, (text(entry.before), text(entry.after)), "f" * 64)
    assert wrong.compute_hash() == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_entries(), st.sampled_from(["keep", "erased", "escaped-erased", "altered"])),
                min_size=1, max_size=5))
def test_the_chain_checker_finds_the_same_problem_in_stored_and_parsed_entries(items):
    """Erasure markers (also spelled with \\u escapes), altered texts and intact entries: same verdict."""
    parsed_checker, stored_checker = ChainChecker(), ChainChecker()
    prev = GENESIS
    for seq, (entry, how) in enumerate(items, start=1):
        entry = AuditEntry(**{**entry.__dict__, "seq": seq, "prev_hash": prev, "hash": ""})
        good = entry.compute_hash()
        before, after = entry.before, entry.after
        before_text = None if before is None else canonical_json(before)
        after_text = None if after is None else canonical_json(after)
        if how == "erased":
            after = {"erased_by": seq + 1}
            after_text = canonical_json(after)
        elif how == "escaped-erased":
            after = {"erased_by": seq + 1}
            after_text = '{"\\u0065rased_by":' + str(seq + 1) + '}'
        elif how == "altered":
            after = {"changed": True}
            after_text = canonical_json(after)
        parsed = AuditEntry(**{**entry.__dict__, "before": before, "after": after, "hash": good})
        parsed_checker.feed(parsed)
        stored_checker.feed(_stored(entry, (before_text, after_text), good))
        prev = good
    assert stored_checker.finish() == parsed_checker.finish()
    assert stored_checker.count == parsed_checker.count
