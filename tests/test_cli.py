"""The headless CLI as a user runs it: installed entry point, passphrase from the environment."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
import sqlcipher3.dbapi2 as sqlite

from tests.conftest import PASSPHRASE


def run(*args, passphrase=PASSPHRASE, lang="en", stdin=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HANDBOOK_")}
    env["HANDBOOK_LANG"] = lang
    if passphrase is not None:
        env["HANDBOOK_PASSPHRASE"] = passphrase
    exe = shutil.which("handbook-app", path=os.path.dirname(sys.executable))
    cmd = [exe] if exe else [sys.executable, "-m", "handbook_app"]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, env=env, timeout=120, input=stdin)


def test_version():
    from handbook_app import __version__

    result = run("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_demo_verify_export_round(tmp_path):
    vault = tmp_path / "demo.vault"
    result = run("demo", str(vault))
    assert result.returncode == 0, result.stderr
    result = run("verify", str(vault))
    assert result.returncode == 0, result.stderr
    assert "intact" in result.stdout
    out = tmp_path / "export.json"
    result = run("export-json", str(vault), str(out))
    assert result.returncode == 0, result.stderr
    assert "NOT encrypted" in result.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "trainee-handbook-export" and doc["format_version"] == 1
    assert len(doc["records"]["payslip"]) == 36
    assert len(doc["records"]["incident"]) == 8
    assert doc["audit_head"]["count"] == len(doc["audit"])
    assert any("Suzuki" in i["description"] for i in doc["records"]["incident"])


def test_verify_names_the_first_broken_entry(demo_path):
    conn = sqlite.connect(str(demo_path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("UPDATE audit SET after = replace(after, 'Suzuki', 'Tanaka') WHERE seq = 120")
    conn.commit()
    conn.close()
    result = run("verify", str(demo_path))
    assert result.returncode == 1
    assert "entry 120" in result.stderr


@pytest.mark.parametrize("lang, expected", [("en", "passphrase is wrong"), ("vi", "mật khẩu"), ("ja", "パスフレーズ")])
def test_wrong_passphrase_is_one_translated_line(demo_path, lang, expected):
    result = run("verify", str(demo_path), passphrase="wrong", lang=lang)
    assert result.returncode == 3  # the vault cannot be opened (2 is kept for a wrong command)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert expected in result.stderr.lower() or expected in result.stderr


def test_create_over_existing_file_is_refused(tmp_path):
    target = tmp_path / "keep.txt"
    target.write_text("keep me")
    result = run("demo", str(target))
    assert result.returncode == 3 and "already exists" in result.stderr
    assert target.read_text() == "keep me"


def test_missing_path_and_foreign_file(tmp_path):
    result = run("verify", str(tmp_path / "none.vault"))
    assert result.returncode == 3 and "Traceback" not in result.stderr
    foreign = tmp_path / "photo.jpg"
    foreign.write_bytes(b"\xff\xd8\xff" + os.urandom(5000))
    result = run("verify", str(foreign))
    assert result.returncode == 3 and "not a vault" in result.stderr


def test_no_passphrase_without_terminal(tmp_path):
    result = run("verify", str(tmp_path / "x.vault"), passphrase=None, stdin="")
    assert result.returncode == 2 and "HANDBOOK_PASSPHRASE" in result.stderr


@pytest.mark.parametrize(
    ("argv", "gui"),
    [([], True), (["--demo"], True), (["--lang", "ja", "--demo"], True), (["--version"], False),
     (["verify", "x.vault"], False), (["--lang", "vi", "verify", "x.vault"], False), (["--help"], False)],
)
def test_no_command_opens_the_app_and_a_command_stays_headless(argv, gui):
    from handbook_app.launcher import wants_gui

    assert wants_gui(argv) is gui


def test_verify_expect_catches_a_rewritten_history(demo_path):
    from handbook_app.services import session

    hb, _info = session.unlock(demo_path, PASSPHRASE)
    seq, digest = hb.audit_head()  # what an earlier PDF printed
    hb.lock()
    assert run("verify", str(demo_path), "--expect", f"{seq}:{digest}").returncode == 0
    # Someone with the passphrase rewrites entry `seq` and recomputes the chain from there: the chain
    # itself is consistent again, but no longer matches the hash the PDF printed.
    conn = sqlite.connect(str(demo_path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("UPDATE audit SET hash = ? WHERE seq = ?", ("0" * 64, seq))
    conn.commit()
    conn.close()
    result = run("verify", str(demo_path), "--expect", f"{seq}:{digest}")
    assert result.returncode == 1 and f"entry {seq}" in result.stderr
    assert run("verify", str(demo_path), "--expect", "nonsense").returncode == 2


def test_recover_with_the_code_sets_a_new_passphrase(tmp_path):
    from handbook_app.services import recovery, session

    vault = tmp_path / "mine.vault"
    hb = session.create(vault, PASSPHRASE)
    code = " ".join(recovery.make_sheet(hb, PASSPHRASE).lines)
    hb.lock()
    new = "một mật khẩu mới"

    def recover(typed: str):
        env = {k: v for k, v in os.environ.items() if not k.startswith("HANDBOOK_")}
        env.update(HANDBOOK_LANG="en", HANDBOOK_PASSPHRASE=new, HANDBOOK_RECOVERY_CODE=typed)
        return subprocess.run([sys.executable, "-m", "handbook_app", "recover", str(vault)], capture_output=True,
                              text=True, env=env, timeout=120)

    typo = recover(code[:-1] + ("A" if code[-1] != "A" else "B"))
    assert typo.returncode == 2 and "Line 4" in typo.stderr
    result = recover(code.lower())
    assert result.returncode == 0, result.stderr
    assert run("verify", str(vault), passphrase=new).returncode == 0
    assert run("verify", str(vault)).returncode == 3  # the forgotten passphrase no longer opens it


def test_a_bug_names_a_missing_module_in_its_one_line():
    """A frozen bundle that lacks a module must say which (a program file, no personal data), never a traceback."""
    from handbook_app.services.crash import report_unexpected

    try:
        import handbook_app_missing_module  # noqa: F401
    except ImportError as exc:
        line = report_unexpected(exc)
    assert "ModuleNotFoundError handbook_app_missing_module" in line and "Traceback" not in line
