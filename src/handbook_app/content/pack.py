"""Reading a content pack file: a zip with manifest.json, manifest.sig and files/<facts path>.

Everything is checked before anything is used: the zip's shape (no path leaving the folder, no links,
no oversized or over-compressed members), the Ed25519 signature over the manifest with a trusted key,
and the SHA-256 of every file. A pack is read into memory: packs are small (the whole guide and all
minimum wages are under 1 MB), and the caps below keep a hostile file from being large.
"""

from __future__ import annotations

import hashlib
import stat
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from handbook_app.content.keys import PublisherKey, find_key, signature_ok, trusted_keys
from handbook_app.content.manifest import (
    FILES_PREFIX,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    Manifest,
    PackError,
    parse_manifest,
)
from handbook_app.i18n import _

MAX_PACK_BYTES = 64 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_TOTAL_BYTES = 48 * 1024 * 1024
MAX_RATIO = 200  # compressed -> uncompressed; text compresses ~5x, a bomb ~1000x


@dataclass(frozen=True)
class VerifiedPack:
    manifest: Manifest
    publisher_key: PublisherKey
    files: dict[str, bytes]  # facts path -> bytes whose SHA-256 matched the signed manifest
    manifest_bytes: bytes  # exactly as signed, kept with the installed facts so they can be checked again
    signature: bytes


def damaged() -> PackError:
    return PackError(_("This facts file is damaged or incomplete (perhaps it was not copied to the end). "
                       "Ask for the file again."))


def read_pack(path: Path, keys: Iterable[PublisherKey] | None = None) -> VerifiedPack:
    """Open and verify a pack; raises PackError with one translated sentence when it cannot be trusted."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        raise PackError(_("The facts file {name} cannot be read.").format(name=path.name)) from None
    if size > MAX_PACK_BYTES:
        raise PackError(_("This file is too large to be a facts update."))
    if not zipfile.is_zipfile(path):
        raise PackError(_("{name} is not a facts update file.").format(name=path.name))
    keys = tuple(trusted_keys() if keys is None else keys)
    try:
        with zipfile.ZipFile(path) as archive:
            return _verify(archive, keys)
    except PackError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError):
        raise damaged() from None


def _verify(archive: zipfile.ZipFile, keys: tuple[PublisherKey, ...]) -> VerifiedPack:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise PackError(_("This file is too large to be a facts update."))
    by_name: dict[str, zipfile.ZipInfo] = {}
    for info in members:
        _check_member(info)
        if info.is_dir():
            continue
        if info.filename in by_name:
            raise damaged()
        by_name[info.filename] = info
    if MANIFEST_NAME not in by_name or SIGNATURE_NAME not in by_name:
        raise PackError(_("This facts file is not signed, so it cannot be trusted."))
    manifest_bytes = _read(archive, by_name.pop(MANIFEST_NAME), 1024 * 1024)
    signature = _read(archive, by_name.pop(SIGNATURE_NAME), 64)
    manifest = parse_manifest(manifest_bytes)
    key = find_key(keys, manifest.key_fingerprint)
    if key is None:
        raise PackError(_("This facts file was signed by a publisher this program does not trust ({publisher}).")
                        .format(publisher=manifest.publisher))
    if len(signature) != 64 or not signature_ok(key, signature, manifest_bytes):
        raise PackError(_("The signature of this facts file does not match: it was changed after it was signed."))
    files: dict[str, bytes] = {}
    total = 0
    for entry in manifest.files:
        info = by_name.pop(FILES_PREFIX + entry.path, None)
        if info is None:
            raise PackError(_("This facts file is incomplete: {path} is missing.").format(path=entry.path))
        if entry.size > MAX_FILE_BYTES or info.file_size != entry.size:
            raise _changed(entry.path)
        total += entry.size
        if total > MAX_TOTAL_BYTES:
            raise PackError(_("This file is too large to be a facts update."))
        data = _read(archive, info, entry.size)
        if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
            raise _changed(entry.path)
        files[entry.path] = data
    if by_name:
        extra = sorted(by_name)[0]
        raise PackError(_("This facts file holds something that is not a fact file ({path}).").format(path=extra))
    return VerifiedPack(manifest, key, files, manifest_bytes, signature)


def _changed(path: str) -> PackError:
    return PackError(_("The file {path} inside this facts update was changed after it was signed.").format(path=path))


def _check_member(info: zipfile.ZipInfo) -> None:
    name = info.filename
    parts = PurePosixPath(name).parts
    if (not name or name.startswith(("/", "\\")) or "\\" in name or ":" in name
            or any(p in ("..", ".") for p in parts)):
        raise PackError(_("This facts file tries to write outside its own folder and was refused."))
    if stat.S_ISLNK(info.external_attr >> 16):
        raise PackError(_("This facts file tries to write outside its own folder and was refused."))
    if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
        raise PackError(_("This file is too large to be a facts update."))
    if info.file_size > MAX_FILE_BYTES:
        raise PackError(_("This file is too large to be a facts update."))


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """At most `limit` + 1 bytes: a member that inflates past what it declares is never read whole."""
    with archive.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise PackError(_("This file is too large to be a facts update."))
    return data
