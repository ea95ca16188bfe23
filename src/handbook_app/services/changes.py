"""What an edit changed, so each screen refreshes only when the change concerns it (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[str] = field(default_factory=frozenset)
    ids: tuple[int, ...] = ()
    record: object | None = None  # the saved record, when one was saved

    def touches(self, *kinds: str) -> bool:
        return bool(self.kinds.intersection(kinds))

    @classmethod
    def of(cls, kind: str, row_id: int | None, record: object | None = None) -> Changes:
        return cls(frozenset({kind}), (row_id,) if row_id is not None else (), record)
