"""The rights guide screen: task-first entry points, articles by topic, instant offline search,
two languages side by side, "show this to the official", Help now and the private self-check.

Works without an unlocked vault: it reads only the bundled guide (handbook_app.services.guide).
Signals for the main window:
  start_incident(category, title)  a self-check "yes" asked to start an incident record.

The screen is split by what changes together: guide_build (widgets), guide_texts (retranslation),
guide_actions (navigation, search, links, dialogs, printing); guide_parts holds what is not the screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from handbook_app.guide import Guide, GuideIndex, Hit
from handbook_app.i18n import N_, _, current_locale
from handbook_app.services import guide as guide_service
from handbook_app.ui.context import AppContext
from handbook_app.ui.dialogs.official_view import OfficialView
from handbook_app.ui.dialogs.selfcheck_dialog import SelfCheckDialog
from handbook_app.ui.lang import notifier
from handbook_app.ui.screens.base import Screen
from handbook_app.ui.screens.guide_actions import GuideActionsMixin
from handbook_app.ui.screens.guide_build import GuideBuildMixin
from handbook_app.ui.screens.guide_parts import (  # re-exported: tests and other screens use these names
    TOPIC_LABELS,
    article_html,
    article_stylesheet,
    default_second_lang,
    print_available,
    without_cjk_italics,
)
from handbook_app.ui.screens.guide_texts import GuideTextsMixin

__all__ = ["TOPIC_LABELS", "article_stylesheet", "GuideScreen", "article_html", "default_second_lang", "open_guide_window",
           "print_available",
           "without_cjk_italics"]


class GuideScreen(GuideBuildMixin, GuideTextsMixin, GuideActionsMixin, Screen):
    """The reader. Needs no open vault: `context` is only for symmetry with the other screens."""

    TITLE = N_("Rights guide")
    start_incident = Signal(str, str)

    def __init__(self, context: AppContext | None = None, parent: QWidget | None = None, *,
                 guide: Guide | None = None, index: GuideIndex | None = None) -> None:
        self._own_context = context or AppContext()
        super().__init__(self._own_context, parent)
        self.setObjectName("guideScreen")
        self.guide = guide or guide_service.guide()
        self.index = index or (guide_service.guide_index() if guide is None else GuideIndex(self.guide))
        self.current_slug: str | None = None
        self.current_task: str | None = None
        self._history: list[tuple[str, str | None]] = []
        self._second = default_second_lang(current_locale())
        self._hits: list[Hit] = []
        self.official_view: OfficialView | None = None
        self.selfcheck_dialog: SelfCheckDialog | None = None
        self.last_pdf: Path | None = None
        self._build()
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        notifier().changed.connect(self.retranslate)
        self._own_context.facts_changed.connect(self.reload_facts)
        self.retranslate()
        self.show_start(remember=False)

    def reload_facts(self, *_info: object) -> None:
        """An offline facts update replaced the guide: read it again and show the same place in it."""
        self.guide = guide_service.guide()
        self.index = guide_service.guide_index()
        slug = self.current_slug
        self.retranslate()
        if slug and self.guide.has(slug):
            self.open_article(slug, remember=False)
        else:
            self.show_start(remember=False)


def open_guide_window(parent: QWidget | None = None, slug: str | None = None) -> GuideScreen:
    """The guide in a window of its own (from the start or unlock screen: no vault needed).

    One per parent window; raised when already open. Its self-check cannot start incident records.
    """
    window = parent.window() if parent is not None else None
    screen = window.findChild(GuideScreen, "guideWindow") if window is not None else None
    if screen is None:
        screen = GuideScreen(None, window)
        screen.setObjectName("guideWindow")
        screen.setWindowFlag(Qt.WindowType.Window, True)
        screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        available = (window.screen() if window is not None else QApplication.primaryScreen()).availableGeometry()
        screen.resize(min(1100, available.width()), min(760, available.height()))
    screen.setWindowTitle(_("Rights guide"))
    if slug:
        screen.open_article(slug)
    screen.show()
    screen.raise_()
    screen.activateWindow()
    return screen
