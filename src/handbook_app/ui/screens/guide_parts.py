"""Pieces of the rights guide screen that are not the screen itself: topic labels, roles and styles,
the article's reader HTML, and the list and tree delegates."""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import re
from urllib.parse import unquote

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QResizeEvent, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QListWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QWidget,
)

from handbook_app.guide import Article, freshness_warning
from handbook_app.i18n import N_, tr
from handbook_app.i18n.formatting import format_date
from handbook_app.resources import facts_meta
from handbook_app.ui.palette import article_css, tone

TOPIC_LABELS = {
    "status": N_("Your status and the programme"),
    "contract": N_("Contract"),
    "pay": N_("Wages and pay"),
    "hours": N_("Working hours"),
    "leave": N_("Leave"),
    "deductions": N_("Deductions and savings"),
    "housing": N_("Housing and freedom"),
    "documents": N_("Passport and documents"),
    "safety": N_("Safety and injury"),
    "health": N_("Health"),
    "harassment": N_("Harassment and violence"),
    "change": N_("Changing employer"),
    "debt": N_("Recruitment fees and debt"),
    "money": N_("Money and sending it home"),
    "stay": N_("Period of stay"),
    "legal": N_("Police and legal trouble"),
    "family": N_("Family and pregnancy"),
    "leaving": N_("Going home"),
    "help": N_("Getting help"),
}
SLUG_ROLE = Qt.ItemDataRole.UserRole
# Sizes that let the whole main window (sidebar included) fit a 1024-pixel-wide screen in every language.
LEFT_MIN_WIDTH = 190
TASK_COLUMN_MIN = 200
LANG_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2


def warning_style() -> str:
    return f"color: {tone('error')}; font-weight: bold;"


def article_stylesheet() -> str:
    """The reader's CSS for the palette in use (ui.palette.article_css: light or dark). The intro is set apart by
    size, a muted colour and a band, never by italics: slanted Japanese (synthetic oblique CJK) is hard to read."""
    # furigana: Qt's rich text has no <ruby>, so the reading follows the word, small and muted
    return article_css() + f" .rt {{ font-size: small; color: {tone('muted')}; }}"
# CJK ideographs, kana, fullwidth forms and Hangul: text that must never be italicised.
_CJK_RE = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_ITALIC_RE = re.compile(r"<i>(.*?)</i>", re.DOTALL)



def default_second_lang(primary: str) -> str:
    return "vi" if primary == "ja" else "ja"


def without_cjk_italics(text: str, lang: str) -> str:
    """`text` (HTML) with every <i>…</i> of a Japanese article, and any other one holding CJK characters,
    turned into bold emphasis: Qt has no italic CJK face and slants the glyphs, which is hard to read."""
    def upright(match: re.Match[str]) -> str:
        if lang == "ja" or _CJK_RE.search(match.group(1)):
            return f"<span class='em'>{match.group(1)}</span>"
        return match.group(0)

    return _ITALIC_RE.sub(upright, text)


def article_html(article: Article) -> str:
    """The article as shown in the reader: title, summary, body, then sources and "checked on".

    The foot is labelled in the article's own language, so a Japanese column reads as Japanese.
    """
    lang = article.lang
    sources = "".join(
        f"<li>{html.escape(s.title)}<br><a href=\"{html.escape(s.url, quote=True)}\">"
        f"{html.escape(unquote(s.url))}</a></li>" for s in article.sources)
    checked = tr(lang, N_("Checked on {date}")).format(date=format_date(article.checked_on, lang))
    warning = freshness_warning(article.checked_on)
    warn = f"<p class='warn'>{html.escape(warning)}</p>" if warning else ""
    facts = html.escape(facts_stamp(lang))
    return (f"<h1>{html.escape(article.title)}</h1>"
            f"<p class='intro'>{html.escape(article.summary)}</p>"
            f"{without_cjk_italics(article.html(), lang)}"
            f"<hr><div class='foot'><p><b>{html.escape(tr(lang, N_('Sources')))}</b></p><ul>{sources}</ul>"
            f"<p><b>{html.escape(checked)}</b></p><p class='facts'>{facts}</p>{warn}</div>")


def facts_stamp(lang: str) -> str:
    """Which facts the app uses, in `lang`: an installed update names its pack and version (docs/content-packs.md)."""
    published, source = facts_meta()
    day = format_date(dt.date.fromisoformat(published), lang)
    if source:
        return tr(lang, N_("Facts as of {date} (update {pack})")).format(date=day, pack=source)
    return tr(lang, N_("Facts as of {date} (bundled with the program)")).format(date=day)


def print_available() -> bool:
    """services.reports.print_guide_article needs the reports layer's guide_article module."""
    return importlib.util.find_spec("handbook_app.reports.guide_article") is not None


class HtmlItemDelegate(QStyledItemDelegate):
    """Draws a list item's HTML_ROLE (title + snippet with <b> matches), wrapped to the view's width."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(index.data(HTML_ROLE) or "")
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QListWidget) else option.rect.width()
        doc.setTextWidth(max(120, width - 8))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(ctx.palette.ColorRole.Text, opt.palette.highlightedText().color())
        painter.save()
        painter.translate(opt.rect.topLeft().x() + 4, opt.rect.topLeft().y() + 2)
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 6)


class WrappingTreeDelegate(QStyledItemDelegate):
    """Tree rows as tall as their wrapped text at the view's width (a long topic title is read in full)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        view = self.parent()
        opt = QStyleOptionViewItem(option)
        if isinstance(view, QTreeWidget):
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            indent = view.indentation() * (depth + (1 if view.rootIsDecorated() else 0))
            opt.rect = QRect(0, 0, max(40, view.viewport().width() - indent), 100_000)
            opt.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        return super().sizeHint(opt, index)


class TopicTree(QTreeWidget):
    """The topic tree: titles wrap at the tree's width (no sideways scrolling, nothing cut off)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setStretchLastSection(True)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setItemDelegate(WrappingTreeDelegate(self))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.scheduleDelayedItemsLayout()
