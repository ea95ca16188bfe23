"""Where vaults live: one fixed, documented folder, so a new vault is never lost.

New vaults go to `Documents/TraineeHandbook`, or to the `vault` folder beside the program when the
app runs from a USB stick (portable use: that folder exists). The start screen offers the vaults
found in these folders; no list of opened files is kept anywhere else.

Qt-free on purpose: the CLI and tests use it too. Where the program and the Documents folder are comes
from `handbook_app.app_paths` (one place for every platform rule).
"""

from __future__ import annotations

from pathlib import Path

from handbook_app import app_paths

APP_FOLDER = app_paths.APP_DIR_NAME
PORTABLE_FOLDER = app_paths.PORTABLE_VAULTS  # with or without the `portable` marker, a `vault` folder is used
SUFFIX = ".vault"


def program_dirs() -> list[Path]:
    """The folder the program runs from (the frozen executable's, or the script's)."""
    return [app_paths.program_dir()]


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
    return app_paths.documents_dir()


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
