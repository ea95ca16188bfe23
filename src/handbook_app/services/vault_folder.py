"""Where vaults live: one fixed, documented folder, so a new vault is never lost.

New vaults go to `Documents/TraineeHandbook`, or to the `vault` folder beside the program when the
app runs from a USB stick (portable use: that folder exists). The start screen offers the vaults
found in these folders; no list of opened files is kept anywhere else.

Qt-free on purpose: the CLI and tests use it too. The portable-mode detection here is small and
may later point at the app-data/paths module (`default_vault_dir()` is the one entry point).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_FOLDER = "TraineeHandbook"
PORTABLE_FOLDER = "vault"
SUFFIX = ".vault"


def program_dirs() -> list[Path]:
    """The folders the program runs from (the script or frozen executable, and the interpreter)."""
    found: list[Path] = []
    for base in (sys.argv[0] if sys.argv and sys.argv[0] else "", sys.executable):
        if base:
            found.append(Path(base).resolve().parent)
    return list(dict.fromkeys(found))


def portable_dir(candidates: list[Path] | None = None) -> Path | None:
    """The `vault` folder beside the program, if there is one (portable use from a stick)."""
    for folder in candidates if candidates is not None else [d / PORTABLE_FOLDER for d in program_dirs()]:
        try:
            if folder.is_dir():
                return folder
        except OSError:
            continue
    return None


def documents_dir() -> Path:
    """The user's Documents folder (Windows known folder, XDG on Linux), or the home folder's `Documents`."""
    if os.name == "nt":
        found = _windows_documents()
        if found is not None:
            return found
    else:
        found = _xdg_documents()
        if found is not None:
            return found
    return Path.home() / "Documents"


def default_vault_dir() -> Path:
    """Where a new vault is saved unless the user picks another folder (it may not exist yet)."""
    return portable_dir() or documents_dir() / APP_FOLDER


def app_folders() -> list[Path]:
    """The folders whose vaults the start screen offers: the portable folder first, then Documents."""
    folders = [documents_dir() / APP_FOLDER]
    portable = portable_dir()
    if portable is not None:
        folders.insert(0, portable)
    return list(dict.fromkeys(folders))


def vaults_in(folder: Path) -> list[Path]:
    """Vault files in one folder, by name (hidden files, journals and side files left out)."""
    try:
        return sorted((p for p in folder.iterdir()
                       if p.is_file() and p.suffix == SUFFIX and not p.name.startswith(".")),
                      key=lambda p: p.name.casefold())
    except OSError:
        return []


def known_vaults(folders: list[Path] | None = None) -> list[Path]:
    """Every vault in the app's own folders."""
    found: list[Path] = []
    for folder in folders if folders is not None else app_folders():
        found.extend(vaults_in(folder))
    return list(dict.fromkeys(found))


def resolve_new_vault(text: str, folder: Path | None = None) -> Path:
    """The full path for what the user typed: a name (or any relative path) goes into the vault folder, never
    into whatever folder the program was started from; `.vault` is added when the name has no suffix."""
    text = text.strip()
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = (folder or default_vault_dir()) / path
    if path.name and not path.suffix and not path.is_dir():
        path = path.with_name(path.name + SUFFIX)
    return path


def _xdg_documents() -> Path | None:
    """XDG_DOCUMENTS_DIR from ~/.config/user-dirs.dirs (a localised name like ~/Tài liệu)."""
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "user-dirs.dirs"
    try:
        lines = config.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for line in lines:
        if line.startswith("XDG_DOCUMENTS_DIR="):
            value = line.split("=", 1)[1].strip().strip('"').replace("$HOME", str(Path.home()))
            path = Path(value)
            if path.is_absolute() and path != Path.home():
                return path
    return None


def _windows_documents() -> Path | None:  # pragma: no cover - Windows only
    """The Documents known folder (it may be redirected, e.g. to OneDrive)."""
    try:
        import ctypes
        from ctypes import wintypes
        from uuid import UUID

        folder_id = UUID("{FDD39AD0-238F-46AF-ADB4-6C85480369C7}")  # FOLDERID_Documents
        guid = (ctypes.c_byte * 16).from_buffer_copy(folder_id.bytes_le)
        out = ctypes.c_wchar_p()
        shell32 = ctypes.windll.shell32  # type: ignore[attr-defined]
        if shell32.SHGetKnownFolderPath(ctypes.byref(guid), 0, wintypes.HANDLE(0), ctypes.byref(out)) != 0:
            return None
        try:
            return Path(out.value) if out.value else None
        finally:
            ctypes.windll.ole32.CoTaskMemFree(out)  # type: ignore[attr-defined]
    except (OSError, AttributeError, ValueError):
        return None
