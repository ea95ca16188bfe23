"""Issue 17, Low: each a clear message, never a traceback."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from handbook_app import cli
from handbook_app.core import records as r
from handbook_app.core.validation import ValidationError
from handbook_app.services import session
from tests.conftest import PASSPHRASE


def run(argv: list[str], monkeypatch, passphrase: str | None = PASSPHRASE) -> tuple[int, str]:
    if passphrase is None:
        monkeypatch.delenv("HANDBOOK_PASSPHRASE", raising=False)
    else:
        monkeypatch.setenv("HANDBOOK_PASSPHRASE", passphrase)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli.main(argv)
    return code, out.getvalue()


def test_expect_with_a_30_digit_entry_number_is_a_usage_message(handbook, vault_path, monkeypatch):
    handbook.lock()
    code, text = run(["verify", str(vault_path), "--expect", "1" * 30 + ":" + "a" * 64], monkeypatch)
    assert code == cli.EXIT_USAGE and "--expect takes ENTRY:HASH" in text and "Traceback" not in text


def test_ctrl_d_at_the_passphrase_prompt_cancels(handbook, vault_path, monkeypatch):
    handbook.lock()

    def eof(_prompt=""):
        raise EOFError

    monkeypatch.setattr("getpass.getpass", eof)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    code, text = run(["verify", str(vault_path)], monkeypatch, passphrase=None)
    assert code == cli.EXIT_CANCELLED and "Cancelled." in text


def test_a_lone_surrogate_or_nan_through_the_services_api_is_refused_with_a_message(handbook):
    with pytest.raises(ValidationError, match="broken character"):
        handbook.add(r.Incident(title="bad \ud83d half emoji", category="other"))
    with pytest.raises(ValidationError, match="Enter a number"):
        handbook.add(r.Contract(employer="A", hours_per_month=Decimal("NaN")))
    with pytest.raises(ValidationError, match="Enter a number"):
        handbook.add(r.Contract(employer="A", hours_per_month=Decimal("Infinity")))
    assert handbook.count(r.Incident) == 0 and handbook.count(r.Contract) == 0 and handbook.verify().ok


def test_an_unexpected_error_in_a_command_is_one_message_not_a_traceback(handbook, vault_path, monkeypatch):
    handbook.lock()

    def boom(*_a, **_k):
        raise ZeroDivisionError("bug")

    monkeypatch.setattr("handbook_app.services.verification.describe_report", boom)
    code, text = run(["verify", str(vault_path)], monkeypatch)
    assert code == cli.EXIT_INTERNAL and "ZeroDivisionError" in text and "Traceback" not in text


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_says_cannot_be_read(handbook, vault_path, monkeypatch):
    handbook.lock()
    vault_path.chmod(0)
    try:
        code, text = run(["verify", str(vault_path)], monkeypatch)
    finally:
        vault_path.chmod(0o600)
    assert code == cli.EXIT_VAULT and "cannot be read" in text and "written" not in text


def test_an_unreadable_file_says_cannot_be_read_even_as_root(handbook, vault_path, monkeypatch):
    handbook.lock()
    real_access = os.access
    monkeypatch.setattr("handbook_app.vault.connection.os.access",
                        lambda p, mode: False if mode == os.R_OK and Path(p) == vault_path else real_access(p, mode))
    code, text = run(["verify", str(vault_path)], monkeypatch)
    assert code == cli.EXIT_VAULT and "cannot be read" in text and "written" not in text


def test_argparse_own_words_follow_lang(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--lang", "vi", "verify"])
    err = capsys.readouterr().err
    assert "usage:" not in err and "error:" not in err
    assert "cách dùng" in err.lower() or "lỗi" in err.lower()


def test_launching_the_app_with_no_display_says_so(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(HANDBOOK_LANG="en", QT_QPA_PLATFORM="xcb")
    result = subprocess.run([sys.executable, "-c", "import sys; from handbook_app.ui.app import main; sys.exit(main())"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "no screen was found" in result.stderr.lower()


def test_services_create_uses_the_policy_even_for_the_demo_command(tmp_path, monkeypatch):
    code, text = run(["demo", str(tmp_path / "d.vault")], monkeypatch, passphrase="abc")
    assert code == cli.EXIT_VAULT and not (tmp_path / "d.vault").exists()
    assert session.passphrase_strength("abc") <= 1


def test_a_damaged_page_met_while_browsing_is_named_as_damage():
    import sqlcipher3.dbapi2 as sqlite

    from handbook_app.services.crash import report_unexpected

    text = report_unexpected(sqlite.DatabaseError("database disk image is malformed"))
    assert "damaged" in text and "malformed" not in text
    assert "ValueError" in report_unexpected(ValueError("x"))
