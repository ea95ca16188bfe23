"""`handbook-app content …` as a publisher and a support worker use it (in-process, a throwaway trusted key)."""

from __future__ import annotations

import pytest

from handbook_app.cli import main
from handbook_app.content.keys import load_public_key


@pytest.fixture
def trusted(monkeypatch, tmp_path):
    """A publisher key made with `content keygen`, trusted as if a release had shipped it."""
    monkeypatch.setenv("HANDBOOK_DATA_DIR", str(tmp_path / "appdata"))
    assert main(["--lang", "en", "content", "keygen", str(tmp_path / "union.pem")]) == 0
    public = load_public_key(tmp_path / "union.pub.pem")
    monkeypatch.setattr("handbook_app.content.pack.trusted_keys", lambda: (public,))
    return tmp_path / "union.pem"


def test_build_verify_install_list_rollback(trusted, publisher_folder, tmp_path, capsys):
    pack = tmp_path / "update.thpack"
    assert main(["--lang", "en", "content", "build", str(publisher_folder), "--key", str(trusted),
                 "--out", str(pack)]) == 0
    assert (trusted.stat().st_mode & 0o077) == 0  # the private key is readable by its owner only

    assert main(["--lang", "en", "content", "verify", str(pack)]) == 0
    out = capsys.readouterr().out
    assert "Signed by Example Union" in out and "minimum wages for 47 prefectures from October 2026" in out

    assert main(["--lang", "en", "content", "install", str(pack)]) == 0
    assert "Facts in use: org.example.union 1 (2026-12-20)" in capsys.readouterr().out
    assert main(["--lang", "en", "content", "list"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].startswith("  Trainee Handbook (2026-12-05)") and listing[1].startswith("* org.example.union 1")

    assert main(["--lang", "en", "content", "install", str(pack)]) == 2  # the same version again
    assert "not newer" in capsys.readouterr().err
    assert main(["--lang", "en", "content", "rollback"]) == 0
    assert "Facts in use: Trainee Handbook (2026-12-05)" in capsys.readouterr().out
    assert main(["--lang", "en", "content", "rollback"]) == 0  # and forward again: one step back and forth
    assert "org.example.union 1" in capsys.readouterr().out


def test_a_bad_pack_is_one_translated_sentence(trusted, tmp_path, capsys):
    junk = tmp_path / "junk.thpack"
    junk.write_bytes(b"not a zip at all")
    assert main(["--lang", "vi", "content", "verify", str(junk)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert "junk.thpack" in err and "is not a facts update file" not in err  # said in Vietnamese


def test_nothing_to_roll_back(trusted, capsys):
    assert main(["--lang", "en", "content", "rollback"]) == 2
    assert "nothing to roll back" in capsys.readouterr().err
