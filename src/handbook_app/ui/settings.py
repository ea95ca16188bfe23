"""Non-personal preferences in QSettings: no names, no paths (unless the user opts into recent vaults)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from handbook_app.i18n import LOCALES
from handbook_app.ui.storage import app_settings_store

ORGANISATION = "TraineeHandbook"
APPLICATION = "TraineeHandbook"
DEFAULT_AUTOLOCK_MINUTES = 5
MAX_RECENT = 5


class AppSettings:
    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or app_settings_store(ORGANISATION, APPLICATION)

    def _get(self, key: str, default, kind=str):
        value = self.store.value(key, default)
        try:
            if kind is bool:
                return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
            return kind(value)
        except (TypeError, ValueError):
            return default

    @property
    def language(self) -> str:
        value = self._get("language", "vi")
        return value if value in LOCALES else "vi"

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("language", value)

    @property
    def autolock_minutes(self) -> int:
        return max(1, min(120, self._get("autolock_minutes", DEFAULT_AUTOLOCK_MINUTES, int)))

    @autolock_minutes.setter
    def autolock_minutes(self, value: int) -> None:
        self.store.setValue("autolock_minutes", int(value))

    @property
    def neutral_title(self) -> bool:
        return self._get("neutral_title", False, bool)

    @neutral_title.setter
    def neutral_title(self, value: bool) -> None:
        self.store.setValue("neutral_title", bool(value))

    @property
    def remember_recent(self) -> bool:
        return self._get("remember_recent", False, bool)

    @remember_recent.setter
    def remember_recent(self, value: bool) -> None:
        self.store.setValue("remember_recent", bool(value))
        if not value:
            self.store.remove("recent")  # turning it off forgets the list at once

    def recent(self) -> list[str]:
        if not self.remember_recent:
            return []
        value = self.store.value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v]

    def add_recent(self, path: str) -> None:
        if not self.remember_recent:
            return
        items = [path] + [p for p in self.recent() if p != path]
        self.store.setValue("recent", items[:MAX_RECENT])

    def geometry(self) -> QByteArray | None:
        value = self.store.value("geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self.store.setValue("geometry", value)

    def sync(self) -> None:
        self.store.sync()
