"""Installed content packs in the app's own data folder, switched atomically, with one step of rollback.

    <app data folder>/packs/
        active.json                    {"current": NAME or null, "previous": NAME or null}
        installed/NAME/                a complete facts tree (guide/, data/) + manifest.json + manifest.sig
        .staging-XXXX/                 an installation in progress (removed when it fails or on the next start)

An installation copies the bundled facts, lays the pack's files over them, checks the result, and only
then renames it into installed/ and replaces active.json (os.replace: atomic on one volume). A pack
therefore replaces the facts whole or not at all. Packs are public facts, never personal data, and
never live inside a vault: every vault on the PC uses the same facts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from handbook_app.content.manifest import MANIFEST_NAME, SIGNATURE_NAME, Manifest, PackError, parse_manifest
from handbook_app.i18n import _
from handbook_app.resources import FACT_FOLDERS, bundled_facts_root, resource_path, use_facts

if TYPE_CHECKING:  # reading and checking packs loads cryptography and every fact parser: only when installing
    from handbook_app.content.keys import PublisherKey
    from handbook_app.content.pack import VerifiedPack

STATE = "active.json"
INSTALLED = "installed"
PACK_COPY = "pack.thpack"  # the pack as received, kept to lay it again over a newer program's bundled facts
BASE = "base.txt"  # the key() of the bundled facts the installed folder was laid over
BUNDLED_INFO = "facts.json"  # resources/facts.json: the bundled facts' id, version and date ("pack zero")


@dataclass(frozen=True)
class FactsInfo:
    """Which facts are in use: the bundled ones (pack zero) or an installed pack."""

    pack_id: str
    version: int
    published: dt.date
    publisher: str
    bundled: bool
    folder: Path
    changes: dict[str, str]

    def key(self) -> str:
        """Identifies these facts exactly (a new program release changes the bundled version)."""
        return f"{self.pack_id} {self.version} {self.published.isoformat()}"

    def label(self) -> str:
        """ "org.example.union 3 (2026-10-20)"; the bundled facts: "Trainee Handbook (2026-12-05)"."""
        if self.bundled:
            return f"{self.publisher} ({self.published.isoformat()})"
        return f"{self.pack_id} {self.version} ({self.published.isoformat()})"


def bundled_info() -> FactsInfo:
    raw = json.loads(resource_path(BUNDLED_INFO).read_text(encoding="utf-8"))
    return FactsInfo(raw["id"], int(raw["version"]), dt.date.fromisoformat(raw["published"]), raw["publisher"],
                     True, bundled_facts_root(), raw.get("changes", {}))


def _info(folder: Path, manifest: Manifest) -> FactsInfo:
    return FactsInfo(manifest.pack_id, manifest.version, manifest.published, manifest.publisher, False, folder,
                     manifest.changes)


@dataclass
class PreparedInstall:
    """A verified pack laid out in a staging folder, with what it would change; commit() or discard()."""

    pack: VerifiedPack
    staging: Path
    changes: list[str]
    older: bool  # older than (or the same as) what is in use: installing it is a rollback


class FactsStore:
    def __init__(self, root: Path, keys: Iterable[PublisherKey] | None = None) -> None:
        self.root = Path(root)
        self.keys = None if keys is None else tuple(keys)

    # -- what is in use --------------------------------------------------------------------------------
    def _state(self) -> dict:
        try:
            state = json.loads((self.root / STATE).read_text(encoding="utf-8"))
            return state if isinstance(state, dict) else {}
        except (OSError, ValueError):
            return {}

    def _installed(self, name: str | None) -> FactsInfo | None:
        if not name or "/" in name or "\\" in name or name.startswith("."):
            return None
        folder = self.root / INSTALLED / name
        try:
            return _info(folder, parse_manifest((folder / MANIFEST_NAME).read_bytes()))
        except (OSError, PackError):
            return None

    def current(self) -> FactsInfo:
        """The facts in use: the installed pack, unless it is missing, damaged or older than the bundled facts."""
        bundled = bundled_info()
        installed = self._installed(self._state().get("current"))
        if installed is None or installed.published < bundled.published:
            return bundled  # a newer program brings newer facts than an old pack
        return installed

    def _relay(self, info: FactsInfo) -> FactsInfo:
        """The program was updated since the pack was installed: lay the same pack over the new bundled facts
        (new articles of the program stay visible); if that fails, the bundled facts are used."""
        base = info.folder / BASE
        try:
            if base.read_text(encoding="utf-8") == bundled_info().key():
                return info
            prepared = self.prepare(info.folder / PACK_COPY, base_on_bundled=True)
            return self.commit(prepared, allow_older=True, activate=False)
        except (OSError, PackError):
            return bundled_info()

    def previous(self) -> FactsInfo | None:
        state = self._state()
        if "previous" not in state:
            return None
        return self._installed(state["previous"]) or bundled_info()

    def installed(self) -> list[FactsInfo]:
        folder = self.root / INSTALLED
        found = [self._installed(p.name) for p in sorted(folder.iterdir())] if folder.is_dir() else []
        return [f for f in found if f is not None]

    def activate(self) -> FactsInfo:
        """Point every fact lookup at the facts in use and forget what was loaded from the old ones."""
        info = self.current()
        if not info.bundled:
            info = self._relay(info)
        use_facts(None if info.bundled else info.folder, info.label())
        forget_loaded_facts()
        return info

    # -- installing ------------------------------------------------------------------------------------
    def prepare(self, pack_path: Path, *, base_on_bundled: bool = False) -> PreparedInstall:
        """Verify a pack and lay it out beside the installed facts; nothing in use changes yet."""
        from handbook_app.content.facts_check import check_facts, describe_changes
        from handbook_app.content.pack import read_pack

        pack = read_pack(pack_path, self.keys)
        current = bundled_info() if base_on_bundled else self.current()
        m = pack.manifest
        older = (m.pack_id == current.pack_id and m.version <= current.version) or m.published < current.published
        self._sweep()
        self.root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.root))
        try:
            base = bundled_info()  # a pack lies over the program's own facts, never over another pack
            for folder in FACT_FOLDERS:
                shutil.copytree(base.folder / folder, staging / folder)
            for path, data in pack.files.items():
                target = staging.joinpath(*path.split("/"))
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            check_facts(staging)
            changes = describe_changes(current.folder, staging)
            (staging / MANIFEST_NAME).write_bytes(pack.manifest_bytes)
            (staging / SIGNATURE_NAME).write_bytes(pack.signature)
            shutil.copyfile(pack_path, staging / PACK_COPY)
            (staging / BASE).write_text(base.key(), encoding="utf-8")
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return PreparedInstall(pack, staging, changes, older)

    def commit(self, prepared: PreparedInstall, *, allow_older: bool = False, activate: bool = True) -> FactsInfo:
        if prepared.older and not allow_older:
            self.discard(prepared)
            raise PackError(_("This facts update is not newer than the facts in use ({label}). Choose roll back "
                              "to use older facts on purpose.").format(label=self.current().label()))
        m = prepared.pack.manifest
        base = hashlib.sha256((prepared.staging / BASE).read_bytes()).hexdigest()[:8]
        name = f"{m.pack_id}-{m.version}-{m.published.isoformat()}-{base}"  # one folder per pack and program
        target = self.root / INSTALLED / name
        target.parent.mkdir(parents=True, exist_ok=True)
        state = self._state()
        old_name = state.get("current") if not self.current().bundled else None
        if old_name and old_name.startswith(f"{m.pack_id}-{m.version}-{m.published.isoformat()}-"):
            old_name = state.get("previous")  # the same pack laid over a newer program: history is unchanged
        if target.exists():  # the very same pack over the same program facts, chosen again
            self.discard(prepared)
            return self.activate() if activate else _info(target, m)
        os.replace(prepared.staging, target)
        self._write_state({"current": name, "previous": old_name})
        self._prune()
        return self.activate() if activate else _info(target, prepared.pack.manifest)

    def discard(self, prepared: PreparedInstall) -> None:
        shutil.rmtree(prepared.staging, ignore_errors=True)

    def install(self, pack_path: Path, *, allow_older: bool = False) -> tuple[FactsInfo, list[str]]:
        prepared = self.prepare(pack_path)
        return self.commit(prepared, allow_older=allow_older), prepared.changes

    def rollback(self) -> FactsInfo:
        """Go back to the facts used before the last installation (the bundled ones when there were none)."""
        state = self._state()
        if "previous" not in state and not state.get("current"):
            raise PackError(_("There is nothing to roll back: the program's own facts are in use."))
        previous = state.get("previous")
        if previous and self._installed(previous) is None:
            previous = None  # its folder is gone: the bundled facts are what is left
        self._write_state({"current": previous, "previous": state.get("current")})
        return self.activate()

    # -- housekeeping ----------------------------------------------------------------------------------
    def _write_state(self, state: dict) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / (STATE + ".part")
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(state, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.root / STATE)

    def _sweep(self) -> None:
        """Remove what a killed installation left behind."""
        if self.root.is_dir():
            for leftover in self.root.glob(".staging-*"):
                shutil.rmtree(leftover, ignore_errors=True)

    def _prune(self) -> None:
        """Keep the pack in use and the one before it; older installs are removed."""
        state = self._state()
        keep = {state.get("current"), state.get("previous")}
        for folder in (self.root / INSTALLED).iterdir():
            if folder.name not in keep:
                shutil.rmtree(folder, ignore_errors=True)


def forget_loaded_facts() -> None:
    """Drop every cache that holds facts read from the old folder (guide, search index, tables)."""
    from handbook_app.core import minimum_wage
    from handbook_app.guide import search

    search.default_guide.cache_clear()
    search.default_index.cache_clear()
    minimum_wage._load.cache_clear()

