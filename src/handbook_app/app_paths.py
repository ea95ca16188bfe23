"""Where the app keeps its own files, and portable mode (Qt-free, usable from every layer).

Installed, the app's own files (settings, content packs, diagnostics, the demo vault) go to the
usual per-user place: `%APPDATA%\\TraineeHandbook` on Windows, `~/Library/Application Support/
TraineeHandbook` on macOS, `$XDG_DATA_HOME/TraineeHandbook` (default `~/.local/share/...`) elsewhere.

Portable: when a file named `portable` sits beside the program (the zip ships with it), everything
lives beside the program instead, in `data/`, and vaults are offered from `vault/`, so a USB stick
carries it all and the shared PC keeps nothing in HOME, AppData, the registry or recent lists.

Every function takes its inputs (platform, environment, program folder) as optional parameters, so
the Windows and macOS rules are tested on Linux without running there.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

APP_DIR_NAME = "TraineeHandbook"
PORTABLE_MARKER = "portable"
PORTABLE_DATA = "data"
PORTABLE_VAULTS = "vault"
SETTINGS_FILE = "settings.ini"


def program_dir() -> Path:
    """The folder of the running program: the bundle's executable, or the launching script."""
    if getattr(sys, "frozen", False):  # PyInstaller and similar freezers
        return Path(sys.executable).resolve().parent
    if sys.argv and sys.argv[0] and sys.argv[0] not in ("-c", "-m"):
        return Path(sys.argv[0]).resolve().parent
    return Path(sys.executable).resolve().parent


def is_portable(program: Path | None = None) -> bool:
    """True when the program's folder holds the `portable` marker file."""
    folder = program_dir() if program is None else program
    try:
        return (folder / PORTABLE_MARKER).is_file()
    except OSError:
        return False


def _home(env: Mapping[str, str], system: str) -> Path:
    if system == "win32":
        profile = env.get("USERPROFILE")
        if profile:
            return Path(profile)
    home = env.get("HOME")
    return Path(home) if home else Path.home()


def user_data_dir(env: Mapping[str, str] | None = None, system: str | None = None) -> Path:
    """The per-user folder for the app's files when it is installed (not portable)."""
    env = os.environ if env is None else env
    system = sys.platform if system is None else system
    if system == "win32":
        base = env.get("APPDATA")
        root = Path(base) if base else _home(env, system) / "AppData" / "Roaming"
    elif system == "darwin":
        root = _home(env, system) / "Library" / "Application Support"
    else:
        base = env.get("XDG_DATA_HOME")
        root = Path(base) if base and os.path.isabs(base) else _home(env, system) / ".local" / "share"
    return root / APP_DIR_NAME


def app_data_dir(program: Path | None = None, env: Mapping[str, str] | None = None,
                 system: str | None = None) -> Path:
    """Where settings, content packs, diagnostics and the demo vault go (not created here)."""
    folder = program_dir() if program is None else program
    if is_portable(folder):
        return folder / PORTABLE_DATA
    return user_data_dir(env, system)


def ensure_dir(path: Path) -> Path:
    """Create `path` (owner-only where the OS has permissions) and return it."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def settings_file(program: Path | None = None) -> Path | None:
    """The INI file for settings in portable mode; None when installed (the OS's usual place is used)."""
    folder = program_dir() if program is None else program
    return folder / PORTABLE_DATA / SETTINGS_FILE if is_portable(folder) else None


def packs_dir(program: Path | None = None, env: Mapping[str, str] | None = None,
              system: str | None = None) -> Path:
    """Installed content packs (fact updates)."""
    return app_data_dir(program, env, system) / "packs"


def diagnostics_dir(program: Path | None = None, env: Mapping[str, str] | None = None,
                    system: str | None = None) -> Path:
    """Crash reports (no personal data) for a support worker."""
    return app_data_dir(program, env, system) / "diagnostics"


def demo_vault_path(program: Path | None = None, env: Mapping[str, str] | None = None,
                    system: str | None = None) -> Path:
    return app_data_dir(program, env, system) / "demo.vault"


_XDG_LINE = re.compile(r'^\s*XDG_DOCUMENTS_DIR\s*=\s*"(?P<value>[^"]*)"\s*$', re.MULTILINE)


def _xdg_documents(env: Mapping[str, str], home: Path) -> Path | None:
    """The Documents folder named in `user-dirs.dirs` (it is localised: ~/Tài liệu, ~/ドキュメント)."""
    config = env.get("XDG_CONFIG_HOME")
    base = Path(config) if config and os.path.isabs(config) else home / ".config"
    try:
        match = _XDG_LINE.search((base / "user-dirs.dirs").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    if not match:
        return None
    value = match.group("value").replace("$HOME", str(home))
    path = Path(value)
    return path if path.is_absolute() and path != home else None


def _windows_documents() -> Path | None:  # pragma: no cover - runs on Windows only
    """The Documents known folder, which may be redirected (OneDrive, another drive)."""
    import ctypes
    import uuid
    from ctypes import wintypes

    folder_id = uuid.UUID("{FDD39AD0-238F-46AF-ADB4-6C85480369C7}")  # FOLDERID_Documents
    guid = (ctypes.c_byte * 16).from_buffer_copy(folder_id.bytes_le)
    out = ctypes.c_wchar_p()
    shell32 = ctypes.windll.shell32  # type: ignore[attr-defined]
    if shell32.SHGetKnownFolderPath(ctypes.byref(guid), wintypes.DWORD(0), None, ctypes.byref(out)) != 0:
        return None
    try:
        return Path(out.value) if out.value else None
    finally:
        ctypes.windll.ole32.CoTaskMemFree(out)  # type: ignore[attr-defined]


def documents_dir(env: Mapping[str, str] | None = None, system: str | None = None,
                  known_folder: Callable[[], Path | None] | None = None) -> Path:
    """The user's Documents folder (Windows known folder, XDG user dir, or ~/Documents)."""
    env = os.environ if env is None else env
    system = sys.platform if system is None else system
    home = _home(env, system)
    if system == "win32":
        lookup = _windows_documents if known_folder is None else known_folder
        try:
            found = lookup()
        except (OSError, AttributeError, ValueError):
            found = None
        return found or home / "Documents"
    if system != "darwin":
        found = _xdg_documents(env, home)
        if found:
            return found
    return home / "Documents"


def default_vault_dir(program: Path | None = None, env: Mapping[str, str] | None = None,
                      system: str | None = None) -> Path:
    """Where a new vault is offered: `vault/` beside the program when portable, else Documents/TraineeHandbook."""
    folder = program_dir() if program is None else program
    if is_portable(folder):
        return folder / PORTABLE_VAULTS
    return documents_dir(env, system) / APP_DIR_NAME
