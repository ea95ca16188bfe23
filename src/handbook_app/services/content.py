"""The facts in use and their offline updates, for both faces (see handbook_app.content).

Packs live in the app's own data folder (beside the program in portable mode), never in a vault and
never in the user's documents: they are public facts, but their presence shows that the app is used.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from handbook_app.app_paths import packs_dir
from handbook_app.content.manifest import PackError
from handbook_app.content.store import FactsInfo, FactsStore, PreparedInstall, bundled_info
from handbook_app.i18n import ngettext
from handbook_app.resources import use_facts

if TYPE_CHECKING:
    from handbook_app.services.handbook import Handbook

__all__ = [
    "FactsInfo", "PackError", "PreparedInstall", "WageSnapshot", "activate_facts", "bundled_info", "packs_folder",
    "describe_wage_effect", "facts_store", "wage_snapshot",
]


def packs_folder() -> Path:
    """Installed packs: in the app's own data folder (beside the program in portable mode).

    $HANDBOOK_DATA_DIR overrides the data folder, for scripts and tests."""
    override = os.environ.get("HANDBOOK_DATA_DIR")
    return Path(override) / "packs" if override else packs_dir()


def facts_store(root: Path | None = None) -> FactsStore:
    return FactsStore(root or packs_folder())


def activate_facts(store: FactsStore | None = None) -> FactsInfo:
    """Use the installed facts if there are good ones; otherwise (or on any problem) the bundled facts."""
    try:
        return (store or facts_store()).activate()
    except (OSError, ValueError, PackError):
        use_facts(None)
        return bundled_info()


# --- what an update changes for the open vault's wage review (said once on Home) -------------------------
@dataclass(frozen=True)
class WageSnapshot:
    flagged: frozenset[dt.date]  # months with an estimated shortfall
    unchecked: frozenset[dt.date]  # months that could not be checked (no minimum wage known)


def wage_snapshot(handbook: Handbook) -> WageSnapshot:
    from handbook_app.services.work import review_payslips

    reviews = review_payslips(handbook)
    return WageSnapshot(
        frozenset(r.payslip.month for r in reviews if r.flagged),
        frozenset(r.payslip.month for r in reviews if not getattr(r, "checked", True)),
    )


def describe_wage_effect(before: WageSnapshot, after: WageSnapshot) -> list[str]:
    """Plain sentences for Home after the facts changed; empty when the wage review came out the same."""
    lines = []
    newly = len(after.flagged - before.flagged)
    if newly:
        lines.append(ngettext("{n} month now shows a shortfall with the new facts.",
                              "{n} months now show a shortfall with the new facts.", newly).format(n=newly))
    checked = len(before.unchecked - after.unchecked)
    if checked:
        lines.append(ngettext("{n} month that could not be checked is now checked.",
                              "{n} months that could not be checked are now checked.", checked).format(n=checked))
    cleared = len(before.flagged - after.flagged)
    if cleared:
        lines.append(ngettext("{n} month no longer shows a shortfall with the new facts.",
                              "{n} months no longer show a shortfall with the new facts.", cleared).format(n=cleared))
    return lines
