"""Creating a vault from the create dialog: its folder, the vault, and the trainee's name in the profile."""

from __future__ import annotations

import os
from pathlib import Path

from handbook_app.core import records as r
from handbook_app.i18n import _
from handbook_app.services import session
from handbook_app.services.handbook import Handbook
from handbook_app.services.vault_folder import default_vault_dir
from handbook_app.vault.connection import VaultError


def create_vault(path: str | os.PathLike, passphrase: str, actor: r.Actor | None = None,
                 trainee_name: str = "") -> Handbook:
    """Create the vault (making the app's own vault folder when it is the one chosen) and keep the
    trainee's name, when given, in the profile: the evidence pack's cover and handovers name them."""
    path = Path(path)
    if not path.parent.exists() and path.parent == default_vault_dir():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise VaultError(_("The folder {folder} could not be made: {reason}").format(
                folder=str(path.parent), reason=exc.strerror or exc)) from None
    handbook = session.create(path, passphrase, actor)
    name = " ".join(trainee_name.split())
    if name:
        try:
            handbook.save_profile(r.Profile(full_name=name, display_name=name.split()[-1]))
        except BaseException:
            handbook.lock()
            raise
    return handbook
