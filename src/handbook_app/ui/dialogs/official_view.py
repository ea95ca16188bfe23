""""Show this to the official": one article in Japanese, large, full screen. Esc closes."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from handbook_app.guide import Article, Guide
from handbook_app.i18n import N_, _, tr
from handbook_app.i18n.formatting import format_date
from handbook_app.services import guide as guide_service

OFFICIAL_LANG = "ja"
BASE_POINT_SIZE = 20
LINE_STYLE = "p, li { line-height: 150%; } h1 { font-size: 200%; } h2 { font-size: 140%; }"


def article_html_for_official(article: Article) -> str:
    """Title, summary, body and sources of one article (links shown as plain text)."""
    sources = "".join(f"<li>{html.escape(s.title)}</li>" for s in article.sources)
    checked = tr(article.lang, N_("Checked on {date}")).format(
        date=format_date(article.checked_on, article.lang))
    return (f"<h1>{html.escape(article.title)}</h1>"
            f"<p><b>{html.escape(article.summary)}</b></p>"
            f"{article.html()}"
            f"<hr><p><b>{html.escape(tr(article.lang, N_('Sources')))}</b></p><ul>{sources}</ul>"
            f"<p>{html.escape(checked)}</p>")


class OfficialView(QDialog):
    """Full-screen reading view of the Japanese article; the trainee hands the screen over."""

    def __init__(self, slug: str, parent: QWidget | None = None, guide: Guide | None = None,
                 lang: str = OFFICIAL_LANG) -> None:
        super().__init__(parent)
        self.setObjectName("officialView")
        self.guide = guide or guide_service.guide()
        self.article = self.guide.article(slug, lang)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        top = QHBoxLayout()
        self.hint = QLabel(self)
        self.hint.setObjectName("officialHint")
        top.addWidget(self.hint, 1)
        self.smaller = QPushButton("A−", self)
        self.larger = QPushButton("A+", self)
        self.close_button = QPushButton(self)
        for button in (self.smaller, self.larger, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            top.addWidget(button)
        layout.addLayout(top)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("officialText")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        font = QFont(self.browser.font())
        font.setPointSize(BASE_POINT_SIZE)
        self.browser.setFont(font)
        self.browser.document().setDefaultStyleSheet(LINE_STYLE)
        self.browser.setHtml(article_html_for_official(self.article))
        layout.addWidget(self.browser, 1)
        self.smaller.clicked.connect(lambda: self.browser.zoomOut(2))
        self.larger.clicked.connect(lambda: self.browser.zoomIn(2))
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, activated=lambda: self.browser.zoomIn(2))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, activated=lambda: self.browser.zoomOut(2))
        self.retranslate()
        self.browser.setFocus()

    def retranslate(self) -> None:
        # The hint is for the trainee (UI language) and for the official (Japanese).
        hint = _("Show this screen to the official. Esc closes.")
        ja_hint = tr(OFFICIAL_LANG, N_("Show this screen to the official. Esc closes."))
        self.hint.setText(hint if hint == ja_hint else f"{hint} / {ja_hint}")
        self.close_button.setText(_("Close"))
        self.close_button.setAccessibleName(_("Close the full-screen view"))
        self.smaller.setAccessibleName(_("Smaller text"))
        self.larger.setAccessibleName(_("Larger text"))
        self.browser.setAccessibleName(self.article.title)
        self.setWindowTitle(self.article.title)

    def open_full_screen(self) -> None:
        self.showFullScreen()
