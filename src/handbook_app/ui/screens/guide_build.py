"""Building the rights guide screen: its widgets and layouts (no texts: see guide_texts)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from handbook_app.ui.screens.guide_parts import (
    LEFT_MIN_WIDTH,
    TASK_COLUMN_MIN,
    HtmlItemDelegate,
    TopicTree,
    article_stylesheet,
    warning_style,
)
from handbook_app.ui.widgets.wrapping import ColumnsLayout, FlowLayout, VerticalScroll, WrapButton


class GuideBuildMixin:
    """Building the rights guide screen: its widgets and layouts (no texts: see guide_texts). Mixed into GuideScreen, which holds the widgets and the state."""

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
        # Help now and the self-check first: with 22 tasks below, they would fall under the fold at 768 px.
        row = ColumnsLayout(None, columns=2, column_min=TASK_COLUMN_MIN, spacing=8)
        self.help_button = self._big_button(page, "guideHelpNow")
        self.help_button.setStyleSheet("QPushButton { color: white; background: #b00020; font-weight: bold; }")
        self.help_button.clicked.connect(self.open_help_now)
        self.selfcheck_button = self._big_button(page, "guideSelfCheck")
        self.selfcheck_button.clicked.connect(self.open_selfcheck)
        row.addWidget(self.help_button)
        row.addWidget(self.selfcheck_button)
        layout.addLayout(row)
        layout.addSpacing(12)
        # Two columns of task buttons when there is room, one on a narrow window; texts wrap.
        self.task_grid = ColumnsLayout(None, columns=2, column_min=TASK_COLUMN_MIN, spacing=8)
        self.task_buttons: dict[str, QPushButton] = {}
        for task in self.guide.tasks:
            button = self._big_button(page, f"task_{task.key}")
            button.clicked.connect(lambda _c=False, key=task.key: self.show_task(key))
            self.task_grid.addWidget(button)
            self.task_buttons[task.key] = button
        layout.addLayout(self.task_grid)
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
        self.stale_banner.setStyleSheet(warning_style())
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
        browser.document().setDefaultStyleSheet(article_stylesheet())
        browser.anchorClicked.connect(self._anchor_clicked)
        browser.highlighted.connect(self._link_hovered)
        browser.setFrameShape(QFrame.Shape.StyledPanel)
        return browser
