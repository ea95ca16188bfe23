"""What every workspace screen offers the main window: refresh, clear, retranslate, new record."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from handbook_app.i18n import _
from handbook_app.services.changes import Changes
from handbook_app.ui.context import AppContext
from handbook_app.ui.widgets.record_list import RecordListPanel


class Screen(QWidget):
    TITLE = ""  # English message id of the navigation label

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        context.changed.connect(self.on_changed)

    def refresh(self) -> None:
        """Load from the open vault (after unlock)."""

    def clear(self) -> None:
        """Forget everything shown (on lock)."""

    def retranslate(self) -> None:
        """Re-set every visible text in the current language."""

    def on_changed(self, changes: Changes) -> None:
        """Refresh when `changes` touches what this screen shows (panels refresh themselves)."""

    def new_record(self) -> None:
        """Ctrl+N: add a record of the kind in view."""

    def panels(self) -> list[RecordListPanel]:
        return []


class TabbedRecordScreen(Screen):
    """Screens made of one or more record lists, as tabs (Contract & pay, Debts) or alone."""

    def __init__(self, context: AppContext, panels: list[tuple[str, RecordListPanel]],
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._panels = panels
        self.layout_ = QVBoxLayout(self)
        self.header = QWidget(self)  # subclasses put summaries here
        self.header_layout = QVBoxLayout(self.header)
        self.header_layout.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.header)
        if len(panels) == 1:
            self.tabs = None
            self.layout_.addWidget(panels[0][1], 1)
        else:
            self.tabs = QTabWidget(self)
            self.tabs.setObjectName("tabs")
            for _title, panel in panels:
                self.tabs.addTab(panel, "")
            self.layout_.addWidget(self.tabs, 1)

    def panels(self) -> list[RecordListPanel]:
        return [panel for _title, panel in self._panels]

    def current_panel(self) -> RecordListPanel:
        if self.tabs is None:
            return self._panels[0][1]
        return self._panels[self.tabs.currentIndex()][1]

    def refresh(self) -> None:
        for panel in self.panels():
            panel.refresh()

    def clear(self) -> None:
        for panel in self.panels():
            panel.clear()

    def retranslate(self) -> None:
        for index, (title, panel) in enumerate(self._panels):
            panel.retranslate()
            if self.tabs is not None:
                self.tabs.setTabText(index, _(title))

    def new_record(self) -> None:
        self.current_panel().new_record()
