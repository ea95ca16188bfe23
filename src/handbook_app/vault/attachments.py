"""Attachment bytes live inside the vault, in fixed-size chunks, so memory never grows with file size.

(sqlcipher3 has no incremental blob API; one row per 256 KiB chunk gives the same flat memory.)
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

from handbook_app.vault.connection import Vault

CHUNK = 256 * 1024


class Cancelled(Exception):
    pass


def write_chunks(
    vault: Vault,
    attachment_id: int,
    source: BinaryIO,
    total: int | None = None,
    progress: Callable[[int, int | None], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[int, str]:
    """Stream `source` into the vault (inside the caller's transaction); returns (size, sha256)."""
    digest = hashlib.sha256()
    size = 0
    seq = 0
    while True:
        block = source.read(CHUNK)
        if not block:
            break
        if cancelled and cancelled():
            raise Cancelled
        digest.update(block)
        vault.conn.execute(
            "INSERT INTO attachment_chunk(attachment_id, seq, data) VALUES (?, ?, ?)", (attachment_id, seq, block)
        )
        size += len(block)
        seq += 1
        if progress:
            progress(size, total)
    return size, digest.hexdigest()


def read_chunks(vault: Vault, attachment_id: int) -> Iterator[bytes]:
    """The attachment's bytes, one chunk at a time (nothing written to disk)."""
    seq = 0
    while True:
        row = vault.conn.execute(
            "SELECT data FROM attachment_chunk WHERE attachment_id = ? AND seq = ?", (attachment_id, seq)
        ).fetchone()
        if row is None:
            return
        yield bytes(row[0])
        seq += 1


def content_sha256(vault: Vault, attachment_id: int) -> str:
    digest = hashlib.sha256()
    for block in read_chunks(vault, attachment_id):
        digest.update(block)
    return digest.hexdigest()


def delete_chunks(vault: Vault, attachment_id: int) -> None:
    vault.conn.execute("DELETE FROM attachment_chunk WHERE attachment_id = ?", (attachment_id,))
