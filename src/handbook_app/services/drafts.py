"""Drafts of open forms, kept inside the vault when it locks and offered back after unlock."""

from __future__ import annotations

from handbook_app.core import records as r
from handbook_app.services.handbook import Handbook
from handbook_app.vault import drafts as store
from handbook_app.vault.drafts import Draft

__all__ = ["Draft", "delete_draft", "drafts", "record_class", "save_draft"]


def save_draft(handbook: Handbook, kind: str, record_id: int | None, title: str, state: dict) -> int:
    return store.add(handbook.vault, kind, record_id, title, state)


def drafts(handbook: Handbook) -> list[Draft]:
    """Drafts whose record kind is known and whose record (when editing one) still exists."""
    out = []
    for draft in store.all_drafts(handbook.vault):
        cls = record_class(draft.kind)
        if cls is None or (draft.record_id is not None and handbook.record(cls, draft.record_id) is None):
            store.delete(handbook.vault, draft.id)  # nothing left to go back to
            continue
        out.append(draft)
    return out


def delete_draft(handbook: Handbook, draft_id: int) -> None:
    store.delete(handbook.vault, draft_id)


def record_class(kind: str) -> type[r.Record] | None:
    return r.RECORD_TYPES.get(kind)
