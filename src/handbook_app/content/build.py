"""Building and signing a content pack from a folder laid out like resources/ (for publishers).

The folder holds the fact files to ship (any of guide/<lang>/*.md, guide/*.json, data/*.csv) and a
`pack.json` with the pack's id, version, publisher and what changed in vi, ja and en. The private key
is read from its own file and never written anywhere.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from handbook_app.content.keys import fingerprint
from handbook_app.content.manifest import (
    FILES_PREFIX,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    Manifest,
    PackError,
    PackFile,
    is_fact_path,
    parse_manifest,
)
from handbook_app.i18n import _

PACK_INFO = "pack.json"
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # the same folder and key always make the same bytes


def fact_files(folder: Path) -> dict[str, bytes]:
    """Every fact file under `folder`, keyed by its path in the facts tree."""
    found = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and is_fact_path(rel):
            found[rel] = path.read_bytes()
    return found


def read_pack_info(folder: Path) -> dict:
    try:
        info = json.loads((folder / PACK_INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise PackError(_("{name} is missing or is not valid JSON.").format(name=folder / PACK_INFO)) from None
    return info


def build_pack(folder: Path, out: Path, key: Ed25519PrivateKey, *, published: dt.date | None = None) -> Manifest:
    """Sign the fact files of `folder` into the pack file `out`; returns its manifest."""
    folder, out = Path(folder), Path(out)
    info = read_pack_info(folder)
    files = fact_files(folder)
    if not files:
        raise PackError(_("{folder} holds no fact files (guide/, data/).").format(folder=folder))
    publisher = info.get("publisher")
    if published is None:
        try:
            published = dt.date.fromisoformat(info["published"]) if info.get("published") else dt.date.today()
        except (TypeError, ValueError):
            raise PackError(_("{name}: 'published' is not an ISO date (YYYY-MM-DD).").format(name=PACK_INFO)) from None
    manifest = Manifest(
        pack_id=str(info.get("id", "")),
        version=info.get("version") if isinstance(info.get("version"), int) else -1,
        published=published,
        publisher=str(publisher or ""),
        key_fingerprint=fingerprint(key.public_key()),
        changes={k: str(v) for k, v in (info.get("changes") or {}).items()},
        files=tuple(PackFile(p, hashlib.sha256(b).hexdigest(), len(b)) for p, b in files.items()),
    )
    manifest_bytes = manifest.to_bytes()
    parse_manifest(manifest_bytes)  # the same checks an installing app makes (id, version, changes...)
    tmp = out.with_name(out.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        _add(archive, MANIFEST_NAME, manifest_bytes)
        _add(archive, SIGNATURE_NAME, key.sign(manifest_bytes))
        for path, data in files.items():
            _add(archive, FILES_PREFIX + path, data)
    tmp.replace(out)
    return manifest


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, _FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)
