"""The rights guide screen: task-first entry points, articles by topic, instant offline search,
two languages side by side, "show this to the official", Help now and the private self-check.

Works without an unlocked vault: it reads only the bundled guide (handbook_app.services.guide).
Signals for the main window:
  start_incident(category, title)  a self-check "yes" asked to start an incident record.
"""

from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path
from urllib.parse import unquote

from PySide6.QtCore import (
    QEvent,
    QMetaMethod,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeySequence,
    QPainter,
    QResizeEvent,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from handbook_app.guide import LANGS, Article, Guide, GuideIndex, Hit, freshness_warning
from handbook_app.i18n import LANGUAGE_NAMES, N_, _, current_locale, ngettext, tr
from handbook_app.i18n.formatting import format_date
from handbook_app.services import guide as guide_service
from handbook_app.ui import file_dialogs, messages
from handbook_app.ui.context import AppContext
from handbook_app.ui.dialogs.official_view import OfficialView
from handbook_app.ui.dialogs.selfcheck_dialog import SelfCheckDialog
from handbook_app.ui.lang import notifier
from handbook_app.ui.palette import article_css, tone
from handbook_app.ui.screens.base import Screen
from handbook_app.ui.widgets.help_now import contact_line_html, show_help_now
from handbook_app.ui.widgets.wrapping import ColumnsLayout, FlowLayout, VerticalScroll, WrapButton

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
# Article colours (the intro set apart by size, a muted colour and a band, never by italics: slanted
# Japanese is hard to read) come from ui.palette.article_css(), per light or dark palette.
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
    return (f"<h1>{html.escape(article.title)}</h1>"
            f"<p class='intro'>{html.escape(article.summary)}</p>"
            f"{without_cjk_italics(article.html(), lang)}"
            f"<hr><div class='foot'><p><b>{html.escape(tr(lang, N_('Sources')))}</b></p><ul>{sources}</ul>"
            f"<p><b>{html.escape(checked)}</b></p>{warn}</div>")


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


class GuideScreen(Screen):
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
        self.retranslate()
        self.show_start(remember=False)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter, 1)

        # left: search + topic tree / results
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.search_box = QLineEdit(left)
        self.search_box.setObjectName("guideSearch")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._search)
        self.search_box.returnPressed.connect(self.open_first_result)
        self.search_box.installEventFilter(self)
        left_layout.addWidget(self.search_box)
        scope_row = QHBoxLayout()
        self.scope_label = QLabel(left)
        self.scope = QComboBox(left)
        self.scope.setObjectName("guideSearchScope")
        self.scope_label.setBuddy(self.scope)
        self.scope.currentIndexChanged.connect(lambda _i: self._search(self.search_box.text()))
        scope_row.addWidget(self.scope_label)
        scope_row.addWidget(self.scope, 1)
        left_layout.addLayout(scope_row)
        self.left_stack = QStackedWidget(left)
        self.topic_tree = TopicTree(left)
        self.topic_tree.setObjectName("guideTopics")
        self.topic_tree.itemActivated.connect(self._tree_activated)
        self.topic_tree.itemClicked.connect(self._tree_activated)
        self.left_stack.addWidget(self.topic_tree)
        results_page = QWidget(left)
        results_layout = QVBoxLayout(results_page)
        results_layout.setContentsMargins(0, 0, 0, 0)
        self.results_status = QLabel(results_page)
        self.results_status.setObjectName("guideResultsStatus")
        self.results_status.setWordWrap(True)
        results_layout.addWidget(self.results_status)
        self.results = QListWidget(results_page)
        self.results.setObjectName("guideResults")
        self.results.setWordWrap(True)
        self.results.setSpacing(3)
        self.results.setItemDelegate(HtmlItemDelegate(self.results))
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.itemActivated.connect(self._result_activated)
        self.results.itemClicked.connect(self._result_activated)
        results_layout.addWidget(self.results, 1)
        self.left_stack.addWidget(results_page)
        left_layout.addWidget(self.left_stack, 1)
        left.setMinimumWidth(LEFT_MIN_WIDTH)

        # right: start page / task page / article page
        self.pages = QStackedWidget(splitter)
        self.pages.addWidget(VerticalScroll(self._build_start(), self.pages))
        self.pages.addWidget(VerticalScroll(self._build_task(), self.pages))
        self.pages.addWidget(self._build_article())
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 900])

    def _big_button(self, parent: QWidget, name: str) -> WrapButton:
        button = WrapButton(parent, min_height=56)
        button.setObjectName(name)
        font = button.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        button.setFont(font)
        return button

    def _build_start(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.start_heading = QLabel(page)
        self.start_heading.setObjectName("guideStartHeading")
        self.start_heading.setWordWrap(True)
        layout.addWidget(self.start_heading)
        # Two columns of task buttons when there is room, one on a narrow window; texts wrap.
        self.task_grid = ColumnsLayout(None, columns=2, column_min=TASK_COLUMN_MIN, spacing=8)
        self.task_buttons: dict[str, QPushButton] = {}
        for task in self.guide.tasks:
            button = self._big_button(page, f"task_{task.key}")
            button.clicked.connect(lambda _c=False, key=task.key: self.show_task(key))
            self.task_grid.addWidget(button)
            self.task_buttons[task.key] = button
        layout.addLayout(self.task_grid)
        row = ColumnsLayout(None, columns=2, column_min=TASK_COLUMN_MIN, spacing=8)
        self.help_button = self._big_button(page, "guideHelpNow")
        self.help_button.setStyleSheet("QPushButton { color: white; background: #b00020; font-weight: bold; }")
        self.help_button.clicked.connect(self.open_help_now)
        self.selfcheck_button = self._big_button(page, "guideSelfCheck")
        self.selfcheck_button.clicked.connect(self.open_selfcheck)
        row.addWidget(self.help_button)
        row.addWidget(self.selfcheck_button)
        layout.addSpacing(12)
        layout.addLayout(row)
        self.start_hint = QLabel(page)
        self.start_hint.setWordWrap(True)
        self.start_hint.setObjectName("guideStartHint")
        layout.addWidget(self.start_hint)
        layout.addStretch(1)
        return page

    def _build_task(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        self.task_back = QPushButton(page)
        self.task_back.clicked.connect(self.back)
        top.addWidget(self.task_back)
        top.addStretch(1)
        layout.addLayout(top)
        self.task_title = QLabel(page)
        self.task_title.setObjectName("guideTaskTitle")
        self.task_title.setWordWrap(True)
        layout.addWidget(self.task_title)
        self.task_steps = QLabel(page)
        self.task_steps.setObjectName("guideTaskSteps")
        self.task_steps.setWordWrap(True)
        self.task_steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.task_steps)
        self.task_contacts = QLabel(page)
        self.task_contacts.setObjectName("guideTaskContacts")
        self.task_contacts.setWordWrap(True)
        self.task_contacts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.task_contacts)
        row = ColumnsLayout(None, columns=2, column_min=TASK_COLUMN_MIN, spacing=8)
        self.task_read = self._big_button(page, "guideTaskRead")
        self.task_read.clicked.connect(lambda: self.current_task and self.open_article(
            self.guide.task(self.current_task).article))
        self.task_help = self._big_button(page, "guideTaskHelp")
        self.task_help.clicked.connect(self.open_help_now)
        row.addWidget(self.task_read)
        row.addWidget(self.task_help)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _build_article(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = FlowLayout(None, spacing=6)  # wraps onto a second line on a narrow window
        self.article_back = QPushButton(page)
        self.article_back.clicked.connect(self.back)
        self.article_home = QPushButton(page)
        self.article_home.clicked.connect(lambda: self.show_start())
        self.side_by_side = QCheckBox(page)
        self.side_by_side.setObjectName("guideSideBySide")
        self.side_by_side.setChecked(True)
        self.side_by_side.toggled.connect(lambda _on: self._render_article())
        self.second_lang = QComboBox(page)
        self.second_lang.setObjectName("guideSecondLang")
        self.second_lang.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.second_lang.currentIndexChanged.connect(self._second_lang_chosen)
        self.official_button = QPushButton(page)
        self.official_button.setObjectName("guideOfficial")
        self.official_button.clicked.connect(self.show_official)
        self.print_button = QPushButton(page)
        self.print_button.setObjectName("guidePrintPdf")
        self.print_button.clicked.connect(self.print_article)
        for w in (self.article_back, self.article_home, self.side_by_side, self.second_lang, self.official_button):
            bar.addWidget(w)
        bar.addWidget(self.print_button)
        layout.addLayout(bar)
        self.stale_banner = QLabel(page)
        self.stale_banner.setObjectName("guideStaleWarning")
        self.stale_banner.setStyleSheet(f"color: {tone('error')}; font-weight: bold;")
        self.stale_banner.setWordWrap(True)
        self.stale_banner.hide()
        layout.addWidget(self.stale_banner)
        self.article_split = QSplitter(Qt.Orientation.Horizontal, page)
        self.primary_view = self._browser("guideArticlePrimary")
        self.second_view = self._browser("guideArticleSecond")
        self.article_split.addWidget(self.primary_view)
        self.article_split.addWidget(self.second_view)
        layout.addWidget(self.article_split, 1)
        self.link_status = QLabel(page)
        self.link_status.setObjectName("guideLinkStatus")
        self.link_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.link_status)
        return page

    def _browser(self, name: str) -> QTextBrowser:
        browser = QTextBrowser(self)
        browser.setObjectName(name)
        browser.setOpenLinks(False)
        browser.setOpenExternalLinks(False)
        browser.document().setDefaultStyleSheet(article_css())
        browser.anchorClicked.connect(self._anchor_clicked)
        browser.highlighted.connect(self._link_hovered)
        browser.setFrameShape(QFrame.Shape.StyledPanel)
        return browser

    # ------------------------------------------------------------------ texts
    def retranslate(self, *_args: object) -> None:
        lang = current_locale()
        self.search_box.setPlaceholderText(_("Search the guide (Ctrl+F)…"))
        self.search_box.setAccessibleName(_("Search the guide"))
        self.scope_label.setText(_("In:"))
        scope = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(LANGUAGE_NAMES[lang], "ui")
        self.scope.addItem(_("All languages"), "all")
        self.scope.setCurrentIndex(1 if scope == "all" else 0)
        self.scope.blockSignals(False)
        self.scope.setAccessibleName(_("Search in which language"))
        self.topic_tree.setAccessibleName(_("Articles by topic"))
        self.results.setAccessibleName(_("Search results"))
        self._fill_tree()
        # start page
        self.start_heading.setText("<h2>{}</h2>".format(html.escape(_("What happened? Choose what fits."))))
        for task in self.guide.tasks:
            button = self.task_buttons[task.key]
            button.setText(task.title.get(lang, task.title["en"]))
            button.setAccessibleName(task.title.get(lang, task.title["en"]))
        self.help_button.setText(_("Help now: emergency numbers (F1)"))
        self.help_button.setAccessibleName(_("Help now: emergency numbers"))
        self.selfcheck_button.setText(_("Private self-check"))
        self.selfcheck_button.setAccessibleName(_("Private self-check"))
        self.start_hint.setText(_("Or choose an article by topic on the left, or type in the search box. "
                                  "Vietnamese works without accents: “luong” finds “lương”."))
        # task page
        self.task_back.setText(_("Back"))
        self.task_read.setText(_("Read the full article"))
        self.task_help.setText(_("Help now (F1)"))
        # article page
        self.article_back.setText(_("Back"))
        self.article_home.setText(_("Guide start"))
        self.side_by_side.setText(_("Side by side with:"))
        self.side_by_side.setAccessibleName(_("Show a second language side by side"))
        self.second_lang.setAccessibleName(_("Second language"))
        self.official_button.setText(_("Show this to the official"))
        self.official_button.setToolTip(_("The Japanese text, large, on the whole screen. Esc closes."))
        self.print_button.setText(_("Print to PDF…"))
        self._update_print_button()
        if self._second == lang:
            self._second = default_second_lang(lang)
        self._fill_second_langs()
        self._search(self.search_box.text())
        page = self.pages.currentIndex()
        if page == 1 and self.current_task:
            self._render_task()
        elif page == 2 and self.current_slug:
            self._render_article()

    def _update_print_button(self) -> None:
        available = print_available()
        self.print_button.setEnabled(available)
        self.print_button.setAccessibleName(_("Print this article to PDF"))
        if not available:
            self.print_button.setToolTip(_("Printing guide articles is not available in this version yet."))
        else:
            self.print_button.setToolTip(_("Save this article as a PDF in one or two languages."))

    def _fill_second_langs(self) -> None:
        primary = current_locale()
        self.second_lang.blockSignals(True)
        self.second_lang.clear()
        for lang in LANGS:
            if lang != primary:
                self.second_lang.addItem(LANGUAGE_NAMES[lang], lang)
        self.second_lang.setCurrentIndex(max(0, self.second_lang.findData(self._second)))
        self.second_lang.blockSignals(False)

    def _fill_tree(self) -> None:
        lang = current_locale()
        expanded = {self.topic_tree.topLevelItem(i).data(0, SLUG_ROLE)
                    for i in range(self.topic_tree.topLevelItemCount())
                    if self.topic_tree.topLevelItem(i).isExpanded()}
        self.topic_tree.clear()
        for topic, slugs in self.guide.topics.items():
            label = _(TOPIC_LABELS.get(topic, topic))
            top = QTreeWidgetItem([label])
            top.setData(0, SLUG_ROLE, f"topic:{topic}")
            top.setToolTip(0, label)
            for slug in slugs:
                if not self.guide.has(slug, lang):
                    continue
                title = self.guide.article(slug, lang).title
                child = QTreeWidgetItem([title])
                child.setData(0, SLUG_ROLE, slug)
                child.setToolTip(0, f"{title}\n\n{self.guide.article(slug, lang).summary}")
                top.addChild(child)
            self.topic_tree.addTopLevelItem(top)
            top.setExpanded(f"topic:{topic}" in expanded)

    # ------------------------------------------------------------------ navigation
    def _remember(self) -> None:
        page = self.pages.currentIndex()
        entry = (("start", None), ("task", self.current_task), ("article", self.current_slug))[page]
        if not self._history or self._history[-1] != entry:
            self._history.append(entry)

    def back(self) -> None:
        if not self._history:
            self.show_start(remember=False)
            return
        kind, key = self._history.pop()
        if kind == "task" and key:
            self.show_task(key, remember=False)
        elif kind == "article" and key:
            self.open_article(key, remember=False)
        else:
            self.show_start(remember=False)

    def show_start(self, remember: bool = True) -> None:
        if remember:
            self._remember()
        self.pages.setCurrentIndex(0)

    def show_task(self, key: str, remember: bool = True) -> None:
        if remember:
            self._remember()
        self.current_task = key
        self._render_task()
        self.pages.setCurrentIndex(1)

    def open_article(self, slug: str, second: str | None = None, remember: bool = True) -> None:
        """Show an article in the UI language (and `second` beside it, when given)."""
        if not self.guide.has(slug):
            return
        if remember:
            self._remember()
        self.current_slug = slug
        if second and second != current_locale():
            self._second = second
            self._fill_second_langs()
            self.side_by_side.blockSignals(True)
            self.side_by_side.setChecked(True)
            self.side_by_side.blockSignals(False)
        self._render_article()
        self.pages.setCurrentIndex(2)

    def _render_task(self) -> None:
        lang = current_locale()
        task = self.guide.task(self.current_task or "")
        self.task_title.setText("<h2>{}</h2>".format(html.escape(task.title.get(lang, task.title["en"]))))
        steps = "".join(f"<li style='margin-bottom:6px'>{html.escape(s)}</li>" for s in task.steps[lang])
        self.task_steps.setText(f"<ol style='font-size:13pt'>{steps}</ol>")
        lines = []
        for key in task.contacts:  # each line with its languages and hours (ui.widgets.help_now)
            lines.append(contact_line_html(self.guide.contact(key), lang))
        self.task_contacts.setText(
            "<p style='font-size:13pt'><b>{}</b></p><ul>{}</ul>".format(html.escape(_("Who to call")), "".join(lines)) if lines else "")
        self.task_steps.setAccessibleName(_("Steps"))
        title = self.guide.article(task.article, lang).title if self.guide.has(task.article, lang) else ""
        self.task_read.setAccessibleName(_("Read the full article: {title}").format(title=title))

    def _second_lang_chosen(self, _index: int) -> None:
        lang = self.second_lang.currentData()
        if lang:
            self._second = lang
            self._render_article()

    def _render_article(self) -> None:
        slug = self.current_slug
        if not slug:
            return
        primary_lang = current_locale()
        if not self.guide.has(slug, primary_lang):
            primary_lang = next(lg for lg in LANGS if self.guide.has(slug, lg))
        primary = self.guide.article(slug, primary_lang)
        self._set_browser(self.primary_view, primary)
        show_second = (self.side_by_side.isChecked() and self._second != primary_lang
                       and self.guide.has(slug, self._second))
        self.second_lang.setEnabled(self.side_by_side.isChecked())
        if show_second:
            self._set_browser(self.second_view, self.guide.article(slug, self._second))
        self.second_view.setVisible(show_second)
        warning = freshness_warning(primary.checked_on)
        self.stale_banner.setText(warning or "")
        self.stale_banner.setVisible(bool(warning))
        self.official_button.setEnabled(self.guide.has(slug, "ja"))
        self.link_status.clear()

    def _set_browser(self, browser: QTextBrowser, article: Article) -> None:
        browser.setHtml(article_html(article))
        browser.document().setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, article.title)
        browser.setAccessibleName(_("Article in {language}: {title}").format(
            language=LANGUAGE_NAMES[article.lang], title=article.title))

    # ------------------------------------------------------------------ what tests and the main window use
    def article_title(self, which: str = "primary") -> str:
        view = self.primary_view if which == "primary" else self.second_view
        return view.documentTitle()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def refresh(self) -> None:
        """Nothing in the guide depends on the vault."""

    def clear(self) -> None:
        """On lock: forget the search words and any self-check answers (they may say a lot)."""
        if self.selfcheck_dialog is not None:
            self.selfcheck_dialog.close()
        self.search_box.clear()
        self._history.clear()
        self.show_start(remember=False)

    def new_record(self) -> None:
        """Ctrl+N in the guide: nothing to add; focus the search instead."""
        self.focus_search()

    # ------------------------------------------------------------------ search
    def _scope_lang(self) -> str | None:
        return None if self.scope.currentData() == "all" else current_locale()

    def _search(self, text: str) -> None:
        self.results.clear()
        self._hits = []
        if not text.strip():
            self.left_stack.setCurrentIndex(0)
            return
        self.left_stack.setCurrentIndex(1)
        self._hits = self.index.search(text, lang=self._scope_lang(), limit=30)
        for hit in self._hits:
            item = QListWidgetItem(f"{hit.title} — {hit.snippet}")
            tag = "" if hit.lang == current_locale() else f" <small>[{html.escape(hit.lang)}]</small>"
            item.setData(HTML_ROLE, f"<b>{html.escape(hit.title)}</b>{tag}<br>"
                                    f"<span style='color:#444'>{hit.snippet_html()}</span>")
            item.setData(SLUG_ROLE, hit.slug)
            item.setData(LANG_ROLE, hit.lang)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{hit.title}. {hit.snippet}")
            self.results.addItem(item)
        if self._hits:
            self.results_status.setText(ngettext("{count} article found", "{count} articles found",
                                                 len(self._hits)).format(count=len(self._hits)))
        else:
            self.results_status.setText(_("Nothing found for “{query}”. Try another word, "
                                          "or search in all languages.").format(query=text.strip()))

    def open_first_result(self) -> None:
        if self.results.count():
            self._result_activated(self.results.item(0))

    def _result_activated(self, item: QListWidgetItem) -> None:
        slug, lang = item.data(SLUG_ROLE), item.data(LANG_ROLE)
        self.open_article(slug, second=lang if lang != current_locale() else None)

    def _tree_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        slug = item.data(0, SLUG_ROLE)
        if slug and not slug.startswith("topic:"):
            self.open_article(slug)
        elif item.childCount():
            item.setExpanded(not item.isExpanded())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Down and self.results.count() and self.left_stack.currentIndex() == 1:
                self.results.setFocus()
                self.results.setCurrentRow(0)
                return True
            if key == Qt.Key.Key_Escape and self.search_box.text():
                self.search_box.clear()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ links
    def _anchor_clicked(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("guide:"):
            self.open_article(target.removeprefix("guide:"))
        elif target:
            self.show_external_link(target)

    def _link_hovered(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("guide:"):
            slug = target.removeprefix("guide:")
            lang = current_locale()
            title = self.guide.article(slug, lang).title if self.guide.has(slug, lang) else slug
            self.link_status.setText(_("Opens the article: {title}").format(title=title))
        elif target:
            self.link_status.setText(_("Web address (this app does not open it): {url}").format(url=target))
        else:
            self.link_status.clear()

    def show_external_link(self, url: str) -> None:
        """The app is offline: show the address and offer to copy it; never open a browser."""
        box = QMessageBox(self)
        box.setObjectName("externalLinkBox")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(_("Web address"))
        box.setText(_("This app works offline and does not open web pages. "
                      "Copy the address to open it on a phone or another computer."))
        box.setInformativeText(url)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        copy = box.addButton(_("Copy address"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Close"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is copy:
            QApplication.clipboard().setText(url)

    # ------------------------------------------------------------------ dialogs
    def show_official(self) -> None:
        if not self.current_slug or not self.guide.has(self.current_slug, "ja"):
            return
        self.official_view = OfficialView(self.current_slug, self, self.guide)
        self.official_view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.official_view.destroyed.connect(lambda *_a: setattr(self, "official_view", None))
        self.official_view.open_full_screen()

    def open_help_now(self) -> None:
        dialog = show_help_now(self, self.guide)
        if not dialog.property("guideScreenConnected"):
            dialog.open_article.connect(self._open_from_dialog)
            dialog.setProperty("guideScreenConnected", True)

    def _open_from_dialog(self, slug: str) -> None:
        if self.window() is not None:
            self.window().raise_()
        self.open_article(slug)

    def open_selfcheck(self) -> SelfCheckDialog:
        if self.selfcheck_dialog is None:
            dialog = SelfCheckDialog(self, self.guide)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open_article.connect(self._open_from_dialog)
            dialog.start_incident.connect(self.start_incident)
            dialog.destroyed.connect(lambda *_a: setattr(self, "selfcheck_dialog", None))
            self.selfcheck_dialog = dialog
        # Without a receiver (e.g. a guide window opened before unlocking) there is nowhere to record.
        self.selfcheck_dialog.set_can_start_incident(
            self.isSignalConnected(QMetaMethod.fromSignal(self.start_incident)))
        self.selfcheck_dialog.show()
        self.selfcheck_dialog.raise_()
        return self.selfcheck_dialog

    def print_languages(self) -> list[str]:
        """What the PDF holds: the languages on screen (one, or two side by side)."""
        if not self.current_slug:
            return []
        langs = [current_locale() if self.guide.has(self.current_slug, current_locale()) else "en"]
        if self.second_view.isVisibleTo(self) and self._second not in langs:
            langs.append(self._second)
        return langs

    def print_article(self) -> None:
        if not self.current_slug or not print_available():
            return
        from handbook_app.services.reports import ReportError, print_guide_article

        langs = self.print_languages()
        suggested = str(Path.home() / "{slug}-{langs}.pdf".format(slug=self.current_slug, langs="-".join(langs)))
        path = file_dialogs.save_file(self, _("Save the article as PDF"), suggested, _("PDF files (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        articles = [self.guide.article(self.current_slug, lang) for lang in langs]
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = print_guide_article(path, articles)
        except ReportError as exc:
            QApplication.restoreOverrideCursor()
            messages.error(self, str(exc))
            return
        QApplication.restoreOverrideCursor()
        self.last_pdf = result.path
        messages.inform(self, _("PDF saved"), _("The article was saved as {path} ({pages} pages).").format(
            path=result.path, pages=result.pages))


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
