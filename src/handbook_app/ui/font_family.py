"""Give a bold TrueType face the family name of a regular one, in memory, so Qt treats it as that family's bold.

IPAex Gothic (the app's Japanese face) has no bold: Qt then thickens the regular outlines itself, and bold
Japanese looks smeared beside the real bold of Noto Sans. BIZ UDGothic Bold is a real bold, but under its own
family name Qt would never pick it for bold IPAex text, and listed before IPAex it would set *regular* Japanese
in bold too (a family's only style is used for every weight). So the copy handed to Qt names its family as the
regular face's ("IPAexGothic", style "Bold"): bold Japanese text gets the real bold, regular text is unchanged.

Only the naming records change (family, style and full name; copyright, licence, version and PostScript name
are kept); the file on disk is never rewritten. The outdated digital signature (DSIG) is left out; the
checksums of the new 'name' and 'head' tables and the head's whole-file adjustment are recomputed, as the
TrueType format asks (the other tables keep the checksums the file gives them: summing 4.6 MB again would
slow the app's start by about 0.1 s).
"""

from __future__ import annotations

import struct
import sys
from array import array

# name IDs replaced: family, style (subfamily), full name, typographic family and style
_RENAMED = frozenset({1, 2, 4, 16, 17})
_WINDOWS, _UNICODE_BMP = 3, 1
_HEAD_ADJUST = 0xB1B0AFBA


def _tables(font: bytes) -> tuple[int, dict[bytes, tuple[int, bytes]]]:
    """The sfnt version and each table's (checksum, bytes) by tag."""
    version, count = struct.unpack_from(">IH", font, 0)
    tables = {}
    for i in range(count):
        tag, checksum, offset, length = struct.unpack_from(">4sIII", font, 12 + 16 * i)
        tables[tag] = (checksum, font[offset:offset + length])
    return version, tables


def _names(table: bytes) -> list[tuple[int, int, int, int, bytes]]:
    """(platform, encoding, language, name id, raw string) of every record of a 'name' table."""
    _fmt, count, storage = struct.unpack_from(">HHH", table, 0)
    out = []
    for i in range(count):
        pid, eid, lid, nid, length, offset = struct.unpack_from(">HHHHHH", table, 6 + 12 * i)
        out.append((pid, eid, lid, nid, table[storage + offset:storage + offset + length]))
    return out


def family_names(font: bytes) -> dict[int, str]:
    """The family name (name id 1) by Windows language id, e.g. {0x409: "IPAexGothic", 0x411: "IPAexゴシック"}."""
    _version, tables = _tables(font)
    return {lid: raw.decode("utf-16-be") for pid, eid, lid, nid, raw in _names(tables[b"name"][1])
            if pid == _WINDOWS and eid == _UNICODE_BMP and nid == 1}


def _name_table(records: list[tuple[int, int, int, int, bytes]]) -> bytes:
    records = sorted(records, key=lambda r: r[:4])
    head = struct.pack(">HHH", 0, len(records), 6 + 12 * len(records))
    entries, storage = [], b""
    for pid, eid, lid, nid, raw in records:
        entries.append(struct.pack(">HHHHHH", pid, eid, lid, nid, len(raw), len(storage)))
        storage += raw
    return head + b"".join(entries) + storage


def _checksum(data: bytes) -> int:
    words = array("I", data + b"\0" * (-len(data) % 4))
    if sys.byteorder == "little":
        words.byteswap()
    return sum(words) & 0xFFFFFFFF


def _build(version: int, tables: dict[bytes, tuple[int, bytes]]) -> bytes:
    count = len(tables)
    selector = count.bit_length() - 1
    search = (1 << selector) * 16
    header = struct.pack(">IHHHH", version, count, search, selector, count * 16 - search)
    offset = 12 + 16 * count
    directory, body, head_offset = [], [], 0
    for tag in sorted(tables):
        checksum, data = tables[tag]
        directory.append(struct.pack(">4sIII", tag, checksum, offset, len(data)))
        if tag == b"head":
            head_offset = offset
        padded = data + b"\0" * (-len(data) % 4)
        body.append(padded)
        offset += len(padded)
    start = header + b"".join(directory)
    # the whole file's checksum: its header and directory plus every (4-byte aligned) table's checksum
    total = (_checksum(start) + sum(checksum for checksum, _data in tables.values())) & 0xFFFFFFFF
    font = bytearray(start + b"".join(body))
    struct.pack_into(">I", font, head_offset + 8, (_HEAD_ADJUST - total) & 0xFFFFFFFF)
    return bytes(font)


def as_bold_of(bold: bytes, regular: bytes) -> bytes:
    """`bold` renamed as the bold style of `regular`'s family (every language `regular` names it in)."""
    families = family_names(regular)
    if not families:
        raise ValueError("the regular face has no Windows family name")
    version, tables = _tables(bold)
    if b"head" not in tables or b"name" not in tables:
        raise ValueError("not a TrueType font")
    records = [r for r in _names(tables[b"name"][1]) if r[3] not in _RENAMED]
    for lid, family in families.items():
        for nid, text in ((1, family), (2, "Bold"), (4, f"{family} Bold")):
            records.append((_WINDOWS, _UNICODE_BMP, lid, nid, text.encode("utf-16-be")))
    tables = {tag: table for tag, table in tables.items() if tag != b"DSIG"}
    head = bytearray(tables[b"head"][1])
    head[8:12] = b"\0\0\0\0"  # the adjustment is recomputed over the whole new file
    name = _name_table(records)
    tables[b"head"] = (_checksum(bytes(head)), bytes(head))
    tables[b"name"] = (_checksum(name), name)
    return _build(version, tables)
