"""The manifest of a content pack: what it is, who published it, what changed, and the SHA-256 of every file.

The signature covers the manifest's exact bytes, and the manifest covers every file by hash, so one
Ed25519 signature vouches for the whole pack. Only public facts may travel in a pack: the paths are
checked against FACT_PATTERNS (no code, no fonts, no translations of the app itself).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from handbook_app.i18n import _

FORMAT = 1
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
FILES_PREFIX = "files/"
CHANGE_LANGUAGES = ("vi", "ja", "en")

# What a pack may carry, as paths inside the facts tree (the layout of resources/).
FACT_PATTERNS = (
    re.compile(r"^guide/(vi|ja|en)/[a-z0-9][a-z0-9-]{0,80}\.md$"),
    re.compile(r"^guide/(contacts|tasks|selfcheck)\.json$"),
    re.compile(r"^data/(minimum_wage|recruitment_fee_limits)\.csv$"),
)
_ID = re.compile(r"^[a-z0-9][a-z0-9.-]{2,80}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class PackError(Exception):
    """A pack that cannot be trusted or used; the message is one translated sentence for the user."""


def is_fact_path(path: str) -> bool:
    return any(p.match(path) for p in FACT_PATTERNS)


@dataclass(frozen=True)
class PackFile:
    path: str  # inside the facts tree, e.g. "data/minimum_wage.csv"
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    pack_id: str
    version: int
    published: dt.date
    publisher: str
    key_fingerprint: str
    changes: dict[str, str]  # language -> what changed, in plain words
    files: tuple[PackFile, ...]

    def change_text(self, lang: str) -> str:
        return self.changes.get(lang) or self.changes.get("en") or ""

    def label(self) -> str:
        """How a report or the About box names these facts: "vn.example.facts 3 (2026-11-01)"."""
        return f"{self.pack_id} {self.version} ({self.published.isoformat()})"

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "id": self.pack_id,
            "version": self.version,
            "published": self.published.isoformat(),
            "publisher": {"name": self.publisher, "key": self.key_fingerprint},
            "changes": dict(sorted(self.changes.items())),
            "files": {f.path: {"sha256": f.sha256, "size": f.size} for f in sorted(self.files, key=lambda f: f.path)},
        }

    def to_bytes(self) -> bytes:
        return (json.dumps(self.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def parse_manifest(data: bytes) -> Manifest:
    """Read manifest bytes strictly; every problem is a PackError saying the pack is malformed."""
    def bad(detail: str) -> PackError:
        return PackError(_("This facts file is damaged or not a facts update ({detail}).").format(detail=detail))

    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise bad("manifest.json") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise bad("format")
    pack_id = raw.get("id")
    version = raw.get("version")
    publisher = raw.get("publisher")
    changes = raw.get("changes")
    files = raw.get("files")
    if not isinstance(pack_id, str) or not _ID.match(pack_id):
        raise bad("id")
    if not isinstance(version, int) or isinstance(version, bool) or not 0 <= version < 10**9:
        raise bad("version")
    try:
        published = dt.date.fromisoformat(str(raw.get("published")))
    except ValueError:
        raise bad("published") from None
    if (not isinstance(publisher, dict) or not isinstance(publisher.get("name"), str)
            or not publisher["name"].strip() or not _HEX64.match(str(publisher.get("key", "")))):
        raise bad("publisher")
    if not isinstance(changes, dict) or not all(
            isinstance(changes.get(lang), str) and changes[lang].strip() for lang in CHANGE_LANGUAGES):
        raise bad("changes")
    if not isinstance(files, dict) or not files:
        raise bad("files")
    entries = []
    for path, meta in files.items():
        if not is_fact_path(path):
            raise PackError(_("This facts file holds something that is not a fact file ({path}).").format(path=path))
        if (not isinstance(meta, dict) or not _HEX64.match(str(meta.get("sha256", "")))
                or not isinstance(meta.get("size"), int) or meta["size"] < 0):
            raise bad(path)
        entries.append(PackFile(path, meta["sha256"], meta["size"]))
    return Manifest(pack_id, version, published, publisher["name"].strip(), publisher["key"],
                    {lang: changes[lang].strip() for lang in CHANGE_LANGUAGES}, tuple(entries))
