"""The window's side of offline fact updates: choose or drop a pack, install it, roll back, and tell the user
(and every screen, through `context.facts_changed`) what changed — including the open vault's wage review."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from handbook_app.i18n import _
from handbook_app.services.changes import Changes
from handbook_app.services.content import PackError, describe_wage_effect, facts_store, wage_snapshot
from handbook_app.ui import file_dialogs
from handbook_app.ui.context import AppContext
from handbook_app.ui.dialogs.facts_update_dialog import FactsUpdateDialog, is_pack_file

# What new facts change: the wage review (minimum wages) and the fee checks (limits) run again on every screen.
FACT_DEPENDENT = Changes(frozenset({"contract", "payslip", "hours", "recruitment_fee", "loan"}))


def _announce(context: AppContext, info, effect: list[str] | None = None) -> None:
    context.facts_changed.emit(info)
    if context.handbook is not None:
        context.notify(FACT_DEPENDENT)
        context.facts_effect.emit(effect or [])


def dropped_pack(mime) -> Path | None:
    """The one facts-update file among dropped URLs, if any."""
    if not mime.hasUrls():
        return None
    paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
    packs = [p for p in paths if is_pack_file(p)]
    return Path(packs[0]) if len(packs) == 1 and len(paths) == 1 else None


def choose_pack(parent: QWidget) -> Path | None:
    path = file_dialogs.open_file(parent, _("Update facts from a file"), "",
                                  _("Facts update (*.thpack)"))
    return Path(path) if path else None


def open_update(parent: QWidget, context: AppContext, pack: Path) -> FactsUpdateDialog:
    """Show what the pack changes; on Install, tell every screen and say what changed for the open vault."""
    handbook = context.handbook
    before = wage_snapshot(handbook) if handbook is not None else None
    dialog = FactsUpdateDialog(pack, parent)
    context.track(dialog)

    def installed(info) -> None:
        effect = describe_wage_effect(before, wage_snapshot(handbook)) \
            if before is not None and context.handbook is handbook else []
        _announce(context, info, effect)
        QMessageBox.information(parent, _("Facts updated"), "\n".join(
            [_("Facts in use: {label}.").format(label=info.label()), *effect]))

    dialog.installed.connect(installed)
    dialog.open()
    return dialog


def roll_back(parent: QWidget, context: AppContext) -> None:
    handbook = context.handbook
    before = wage_snapshot(handbook) if handbook is not None else None
    try:
        info = facts_store().rollback()
    except (PackError, OSError) as exc:
        QMessageBox.warning(parent, _("Facts"), str(exc))
        return
    effect = describe_wage_effect(before, wage_snapshot(handbook)) if before is not None else []
    _announce(context, info, effect)
    QMessageBox.information(parent, _("Facts"), "\n".join(
        [_("Facts in use: {label}.").format(label=info.label()), *effect]))
