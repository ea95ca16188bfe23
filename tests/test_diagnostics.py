"""Crash reports say where the code failed, never what the trainee wrote or where their vault is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from handbook_app import __version__, diagnostics


def _failing_open(path: str, note: str) -> None:
    try:
        open(path, encoding="utf-8")  # noqa: SIM115 - it fails
    except OSError as exc:
        raise ValueError(note + path) from exc


def test_report_names_version_platform_and_code_but_no_message_or_path(tmp_path: Path) -> None:
    secret = str(tmp_path / "Nguyễn Thị Lan" / "nợ.vault")
    note = "Nguyễn Thị Lan owes 1.200.000 ₫ to the broker; see "  # a record's text in a message
    with pytest.raises(ValueError) as caught:
        _failing_open(secret, note)
    report = diagnostics.format_report(caught.value, "saving a loan")
    assert f"Trainee Handbook {__version__}" in report
    assert "platform:" in report and "python:" in report and "where: saving a loan" in report
    assert "builtins.ValueError" in report and "builtins.FileNotFoundError (errno 2)" in report
    assert "test_diagnostics.py" in report and "_failing_open" in report
    for private in ("Nguyễn", "Lan", "nợ.vault", "1.200.000", str(tmp_path), "broker"):
        assert private not in report, private


def test_frames_inside_the_package_show_a_package_path_not_the_folders_around_it(tmp_path: Path) -> None:
    from handbook_app import app_paths

    blocker = tmp_path / "Tài liệu của Lan"
    blocker.write_text("")
    with pytest.raises(OSError) as caught:
        app_paths.ensure_dir(blocker / "sub")
    report = diagnostics.format_report(caught.value)
    assert "handbook_app/app_paths.py:" in report and "in ensure_dir" in report
    assert "Lan" not in report and str(tmp_path) not in report
    src = str(Path(app_paths.__file__).resolve().parents[1])
    assert src not in report  # the checkout's or the bundle's own folder is not shown either


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_reports_are_owner_only_and_only_the_newest_are_kept(tmp_path: Path) -> None:
    paths = [diagnostics.write_report(f"report {n}\n", tmp_path) for n in range(diagnostics.KEEP_REPORTS + 3)]
    assert all(p is not None for p in paths)
    kept = sorted(tmp_path.glob("crash-*.txt"))
    assert len(kept) == diagnostics.KEEP_REPORTS
    assert kept[-1].read_text(encoding="utf-8") == f"report {diagnostics.KEEP_REPORTS + 2}\n"
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in kept)


def test_an_unwritable_folder_gives_none_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert diagnostics.write_report("x", blocker / "sub") is None


def test_native_crash_log_is_removed_when_nothing_crashed(tmp_path: Path) -> None:
    path = diagnostics.enable_native_crash_log(tmp_path)
    try:
        assert path is not None and path.exists()
    finally:
        diagnostics.disable_native_crash_log()
    assert not path.exists()
