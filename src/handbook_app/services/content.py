"""The facts in use and their offline updates, for both faces (see handbook_app.content).

Packs live in the app's own data folder (beside the program in portable mode), never in a vault and
never in the user's documents: they are public facts, but their presence shows that the app is used.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from handbook_app.content.manifest import PackError
from handbook_app.content.store import FactsInfo, FactsStore, PreparedInstall, bundled_info
from handbook_app.resources import use_facts

__all__ = ["FactsInfo", "PackError", "PreparedInstall", "activate_facts", "data_dir", "facts_store"]


def data_dir() -> Path:
    """The app's own data folder ($HANDBOOK_DATA_DIR overrides it, e.g. for tests or a portable copy)."""
    override = os.environ.get("HANDBOOK_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "TraineeHandbook"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "TraineeHandbook"


def facts_store(root: Path | None = None) -> FactsStore:
    return FactsStore(root or data_dir())


def activate_facts(store: FactsStore | None = None) -> FactsInfo:
    """Use the installed facts if there are good ones; otherwise (or on any problem) the bundled facts."""
    try:
        return (store or facts_store()).activate()
    except (OSError, ValueError, PackError):
        use_facts(None)
        return bundled_info()
