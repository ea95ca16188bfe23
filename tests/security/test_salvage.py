"""High 1: a damaged vault never crashes verify or export-json; everything readable is exported.

Seeded random byte flips and truncations of a small vault (the long run is `make torture`).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import re
import shutil
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlite

from handbook_app import cli
from handbook_app.core.records import RECORD_TYPES
from tests.security.damage import build_small_vault, raw_key

TRIALS = int(os.environ.get("HANDBOOK_TORTURE_TRIALS", "200"))  # `make torture` runs thousands


@pytest.fixture(scope="module")
def master(tmp_path_factory) -> tuple[Path, dict]:
    path = tmp_path_factory.mktemp("salvage") / "small.vault"
    build_small_vault(path)
    conn = sqlite.connect(str(path))
    conn.execute(f"PRAGMA key = \"{raw_key(path)}\"")
    original = {}
    for kind in [*RECORD_TYPES, "audit"]:
        cur = conn.execute(f"SELECT * FROM {kind}")
        names = [d[0] for d in cur.description]
        original[kind] = {row[0]: dict(zip(names, row, strict=True)) for row in cur}
    conn.close()
    return path, original


def run_cli(argv: list[str], key: str, monkeypatch) -> tuple[int, str]:
    monkeypatch.setenv("HANDBOOK_PASSPHRASE", key)
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = cli.main(argv)
    return code, out.getvalue() + err.getvalue()


def point_readable(path: Path, key: str, kind: str, row_id: int) -> bool:
    """An independent check: can this one row be read from the damaged file by its key?"""
    try:
        conn = sqlite.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"{key}\"")
        pk = "seq" if kind == "audit" else "id"
        row = conn.execute(f"SELECT * FROM {kind} WHERE {pk} = ?", (row_id,)).fetchone()
        conn.close()
        return row is not None
    except sqlite.DatabaseError:
        return False


def damage(data: bytes, rng: random.Random) -> bytes:
    if rng.random() < 0.25:
        return data[: rng.randrange(0, len(data))]
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 3))):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def test_random_damage_never_gives_a_traceback_and_exports_every_readable_record(master, tmp_path, monkeypatch):
    path, original = master
    key = raw_key(path)
    data = path.read_bytes()
    rng = random.Random(20261205)
    outcomes = {"complete": 0, "incomplete": 0, "unopenable": 0}
    for trial in range(TRIALS):
        damaged = tmp_path / f"d{trial}.vault"
        damaged.write_bytes(damage(data, rng))
        code, text = run_cli(["verify", str(damaged)], key, monkeypatch)
        assert "Traceback" not in text and code in (cli.EXIT_OK, cli.EXIT_FAILED, cli.EXIT_VAULT), (trial, text)
        if code == cli.EXIT_OK:
            assert damaged.read_bytes() == data, trial  # "intact" only for an undamaged file
        out = tmp_path / f"d{trial}.json"
        code, text = run_cli(["export-json", str(damaged), str(out)], key, monkeypatch)
        assert "Traceback" not in text and code in (cli.EXIT_OK, cli.EXIT_FAILED, cli.EXIT_VAULT), (trial, text)
        if code == cli.EXIT_VAULT:
            assert not out.exists()
            outcomes["unopenable"] += 1
            continue
        doc = json.loads(out.read_text(encoding="utf-8"))
        assert doc["complete"] == (code == cli.EXIT_OK) == (not doc["unreadable"]), trial
        outcomes["complete" if doc["complete"] else "incomplete"] += 1
        exported = {kind: {row["id"]: row for row in doc["records"][kind]} for kind in RECORD_TYPES}
        exported["audit"] = {e["seq"]: e for e in doc["audit"]}
        for kind, rows in original.items():
            for row_id, row in rows.items():
                got = exported[kind].get(row_id)
                if got is None:
                    # Lost only if it really cannot be read, and the export says it is incomplete.
                    assert not doc["complete"], (trial, kind, row_id)
                    assert not point_readable(damaged, key, kind, row_id), (trial, kind, row_id)
                elif kind != "audit":
                    assert got == row, (trial, kind, row_id)  # never a damaged value passed off as data
        for part in doc["unreadable"]:
            assert re.match(r"^\w+( [-…\d]+–[…\d]+)?$| / ", part) or part in ("meta", "schema_version"), part
        damaged.unlink()
        out.unlink()
    shutil.rmtree(tmp_path, ignore_errors=True)
    # The trials must really have exercised each path.
    assert outcomes["incomplete"] > TRIALS // 12 and outcomes["unopenable"] > TRIALS // 24, outcomes
