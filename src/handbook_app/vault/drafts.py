"""The `draft` table: the typed state of a form kept when the vault locked (inside the encrypted vault)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from handbook_app.vault.connection import Vault


@dataclass(frozen=True)
class Draft:
    id: int
    kind: str
    record_id: int | None
    title: str
    state: dict
    saved_at: dt.datetime


def add(vault: Vault, kind: str, record_id: int | None, title: str, state: dict) -> int:
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with vault.transaction() as conn:
        cursor = conn.execute(
            'INSERT INTO draft("kind", "record_id", "title", "state", "saved_at") VALUES (?, ?, ?, ?, ?)',
            (kind, record_id, title, json.dumps(state, ensure_ascii=False), now))
        return int(cursor.lastrowid)


def all_drafts(vault: Vault) -> list[Draft]:
    rows = vault.conn.execute('SELECT "id", "kind", "record_id", "title", "state", "saved_at" FROM draft ORDER BY "id"')
    out = []
    for row in rows:
        try:
            state = json.loads(row[4])
        except ValueError:
            state = {}
        out.append(Draft(row[0], row[1], row[2], row[3], state if isinstance(state, dict) else {},
                         dt.datetime.fromisoformat(row[5])))
    return out


def delete(vault: Vault, draft_id: int) -> None:
    with vault.transaction() as conn:
        conn.execute('DELETE FROM draft WHERE "id" = ?', (draft_id,))
