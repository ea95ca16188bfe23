"""Where the app keeps its own files: per platform, and portable mode beside the program."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

from handbook_app import app_paths


def test_installed_linux_uses_xdg_data_home_once_not_doubled(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    path = app_paths.app_data_dir(program=tmp_path / "bin", env=env, system="linux")
    assert path == tmp_path / "xdg" / "TraineeHandbook"
    assert path.parts.count("TraineeHandbook") == 1


def test_installed_linux_default_and_relative_xdg_ignored(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": "relative/not/allowed"}
    assert app_paths.user_data_dir(env, "linux") == tmp_path / ".local" / "share" / "TraineeHandbook"


def test_installed_windows_uses_appdata() -> None:
    env = {"APPDATA": r"C:\Users\Nguyễn\AppData\Roaming", "USERPROFILE": r"C:\Users\Nguyễn"}
    path = app_paths.user_data_dir(env, "win32")
    assert PureWindowsPath(path) == PureWindowsPath(r"C:\Users\Nguyễn\AppData\Roaming\TraineeHandbook")


def test_installed_windows_without_appdata_falls_back_to_profile() -> None:
    path = app_paths.user_data_dir({"USERPROFILE": r"C:\Users\Lan"}, "win32")
    assert PureWindowsPath(path) == PureWindowsPath(r"C:\Users\Lan\AppData\Roaming\TraineeHandbook")


def test_installed_macos(tmp_path: Path) -> None:
    path = app_paths.user_data_dir({"HOME": str(tmp_path)}, "darwin")
    assert path == tmp_path / "Library" / "Application Support" / "TraineeHandbook"


def test_portable_marker_puts_everything_beside_the_program(tmp_path: Path) -> None:
    program = tmp_path / "TraineeHandbook"
    program.mkdir()
    env = {"HOME": str(tmp_path / "home"), "APPDATA": str(tmp_path / "appdata")}
    assert not app_paths.is_portable(program)
    assert app_paths.settings_file(program) is None
    (program / "portable").write_text("")
    assert app_paths.is_portable(program)
    for system in ("linux", "win32", "darwin"):
        assert app_paths.app_data_dir(program, env, system) == program / "data"
        assert app_paths.packs_dir(program, env, system) == program / "data" / "packs"
        assert app_paths.diagnostics_dir(program, env, system) == program / "data" / "diagnostics"
        assert app_paths.demo_vault_path(program, env, system) == program / "data" / "demo.vault"
        assert app_paths.default_vault_dir(program, env, system) == program / "vault"
    assert app_paths.settings_file(program) == program / "data" / "settings.ini"


def test_a_folder_named_portable_is_not_the_marker(tmp_path: Path) -> None:
    (tmp_path / "portable").mkdir()
    assert not app_paths.is_portable(tmp_path)


def test_default_vault_dir_installed_is_documents_subfolder(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path)}
    assert app_paths.default_vault_dir(tmp_path / "bin", env, "linux") == tmp_path / "Documents" / "TraineeHandbook"


def test_documents_follows_localised_xdg_user_dirs(tmp_path: Path) -> None:
    (tmp_path / ".config").mkdir()
    (tmp_path / ".config" / "user-dirs.dirs").write_text(
        '# written by xdg-user-dirs-update\nXDG_DOCUMENTS_DIR="$HOME/Tài liệu"\n', encoding="utf-8")
    assert app_paths.documents_dir({"HOME": str(tmp_path)}, "linux") == tmp_path / "Tài liệu"


def test_documents_windows_known_folder_and_fallback() -> None:
    env = {"USERPROFILE": r"C:\Users\Lan"}
    redirected = Path("D:/OneDrive/Documents")
    assert app_paths.documents_dir(env, "win32", known_folder=lambda: redirected) == redirected

    def broken() -> Path | None:
        raise OSError("no shell32")

    assert PureWindowsPath(app_paths.documents_dir(env, "win32", known_folder=broken)) == PureWindowsPath(
        r"C:\Users\Lan\Documents")


def test_program_dir_of_a_frozen_bundle_is_the_executables_folder(tmp_path: Path, monkeypatch) -> None:
    exe = tmp_path / "bundle" / "handbook-app"
    exe.parent.mkdir()
    exe.write_text("")
    monkeypatch.setattr(app_paths.sys, "frozen", True, raising=False)
    monkeypatch.setattr(app_paths.sys, "executable", str(exe))
    assert app_paths.program_dir() == exe.parent


def test_program_dir_of_a_script_is_its_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delattr(app_paths.sys, "frozen", raising=False)
    monkeypatch.setattr(app_paths.sys, "argv", [str(tmp_path / "run.py")])
    assert app_paths.program_dir() == tmp_path


def test_ensure_dir_is_owner_only(tmp_path: Path) -> None:
    made = app_paths.ensure_dir(tmp_path / "a" / "b")
    assert made.is_dir()
    assert made.stat().st_mode & 0o077 == 0
