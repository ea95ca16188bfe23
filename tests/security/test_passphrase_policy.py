"""Medium 5 + issue 16 #14: one passphrase policy in services for every face, and a meter that explains itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from handbook_app.i18n import set_locale
from handbook_app.services import session
from handbook_app.services.passphrase_policy import (
    generate_pdf_password,
    passphrase_problem,
    pdf_password_problem,
    strength,
)
from handbook_app.vault.connection import VaultError

COMMON = ["password", "12345678", "matkhau123", "Password123!", "Matkhau@2024", "anhyeuem1", "iloveyou",
          "qwerty123", "11111111", "abc12345", "aishiteru", "pasuwado1", "sakura2024", "Mật khẩu 2024!",
          "hanoi123", "123456789", "password1", "1q2w3e4r", "xinchao123", "vietnam2024"]


@pytest.mark.parametrize("weak", COMMON)
def test_common_english_vietnamese_and_romaji_passwords_are_refused(weak):
    assert passphrase_problem(weak) is not None
    assert strength(weak).score <= 1


@pytest.mark.parametrize("good", ["correct horse battery staple", "bốn con mèo đen", "cơm tấm sườn bì chả 7 giờ"])
def test_several_ordinary_words_are_accepted(good):
    assert passphrase_problem(good) is None and strength(good).score >= 3


def test_the_meter_says_why_in_plain_translated_words():
    reasons = strength("Matkhau@2024").reasons
    assert any("year" in r for r in reasons) and any("Vietnamese or Japanese" in r for r in reasons)
    set_locale("en")
    english = strength("Password123!").reasons
    set_locale("vi")
    assert any("năm" in r.lower() for r in strength("Matkhau@2024").reasons)
    set_locale("ja")
    japanese = strength("Password123!").reasons
    assert len(japanese) == len(english) and all(not j.isascii() for j in japanese)


def test_the_services_layer_refuses_a_weak_passphrase_for_every_face(tmp_path):
    with pytest.raises(VaultError):
        session.create(tmp_path / "a.vault", "x")
    with pytest.raises(VaultError):
        session.create(tmp_path / "a.vault", "matkhau123")
    assert not (tmp_path / "a.vault").exists()


def test_the_cli_refuses_a_one_character_passphrase(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HANDBOOK_")}
    env.update(HANDBOOK_PASSPHRASE="1", HANDBOOK_LANG="en", PYTHONPATH=os.environ.get("PYTHONPATH", ""))
    result = subprocess.run([sys.executable, "-m", "handbook_app", "demo", str(tmp_path / "d.vault")],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 3 and "at least 8 characters" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "d.vault").exists()


def test_pdf_passwords_need_a_minimum_or_a_generated_one():
    assert pdf_password_problem("1") is not None
    assert pdf_password_problem("matkhau123") is not None
    made = generate_pdf_password()
    assert pdf_password_problem(made) is None and made != generate_pdf_password()
