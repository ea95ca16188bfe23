"""The private self-check (ILO forced-labour indicators). Answers live only in this dialog's widgets:
nothing is saved, logged or sent; closing the dialog forgets them.

Each "yes" shows two actions: read the matching article (`open_article(slug)`) and start an
incident record with the category preset (`start_incident(category, title)`); the window that
opens the dialog connects them.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core.records import INCIDENT_CATEGORIES
from handbook_app.guide import Guide, SelfCheckQuestion
from handbook_app.i18n import _, current_locale, ngettext
from handbook_app.services import guide as guide_service
from handbook_app.ui.lang import follow_language, translate_buttons

YES, NO = 1, 0


def incident_title(category: str) -> str:
    """The preset title of an incident started from the self-check (the user can change it)."""
    return _(INCIDENT_CATEGORIES.get(category, INCIDENT_CATEGORIES["other"]))


class QuestionRow(QFrame):
    """One question with Yes / No, and the follow-up actions shown after a "yes"."""

    answered = Signal()
    open_article = Signal(str)
    start_incident = Signal(str, str)

    def __init__(self, number: int, question: SelfCheckQuestion, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.question = question
        self.guide = guide
        self.setObjectName(f"question_{question.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        answers = QHBoxLayout()
        self.yes = QRadioButton(self)
        self.no = QRadioButton(self)
        self.group = QButtonGroup(self)
        self.group.addButton(self.yes, YES)
        self.group.addButton(self.no, NO)
        answers.addWidget(self.yes)
        answers.addWidget(self.no)
        answers.addStretch(1)
        layout.addLayout(answers)
        self.follow_up = QWidget(self)
        follow = QHBoxLayout(self.follow_up)
        follow.setContentsMargins(0, 0, 0, 0)
        self.read_button = QPushButton(self.follow_up)
        self.read_button.setObjectName("readArticle")
        self.incident_button = QPushButton(self.follow_up)
        self.incident_button.setObjectName("startIncident")
        follow.addWidget(self.read_button)
        follow.addWidget(self.incident_button)
        follow.addStretch(1)
        layout.addWidget(self.follow_up)
        self.follow_up.hide()
        self.group.idToggled.connect(self._toggled)
        self.read_button.clicked.connect(lambda: self.open_article.emit(self.question.article))
        self.incident_button.clicked.connect(
            lambda: self.start_incident.emit(self.question.category, incident_title(self.question.category)))
        self.retranslate()

    def answer(self) -> bool | None:
        checked = self.group.checkedId()
        return None if checked == -1 else checked == YES

    def _toggled(self, button_id: int, checked: bool) -> None:
        if checked:
            self.follow_up.setVisible(button_id == YES)
            self.answered.emit()

    def retranslate(self) -> None:
        lang = current_locale()
        q = self.question
        self.text.setText(f"<b>{self.number}.</b> {html.escape(q.text.get(lang, q.text['en']))}")
        self.text.setAccessibleName(q.text.get(lang, q.text["en"]))
        self.yes.setText(_("Yes"))
        self.no.setText(_("No"))
        self.yes.setAccessibleName(_("Yes: question {number}").format(number=self.number))
        self.no.setAccessibleName(_("No: question {number}").format(number=self.number))
        title = self.guide.article(q.article, lang).title if self.guide.has(q.article, lang) else q.article
        self.read_button.setText(_("Read: {title}").format(title=title))
        self.incident_button.setText(_("Start an incident record"))
        self.incident_button.setToolTip(_("Opens a new incident record with the category “{category}”.").format(
            category=incident_title(q.category)))


class SelfCheckDialog(QDialog):
    """Private questionnaire. Signals: open_article(slug), start_incident(category, title)."""

    open_article = Signal(str)
    start_incident = Signal(str, str)

    def __init__(self, parent: QWidget | None = None, guide: Guide | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selfCheckDialog")
        self.guide = guide or guide_service.guide()
        self.resize(640, 760)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setObjectName("selfCheckIntro")
        layout.addWidget(self.intro)
        # The intro (from the guide data) already says that answers are not saved: no second line for it.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        rows = QVBoxLayout(body)
        self.rows: list[QuestionRow] = []
        for number, question in enumerate(self.guide.selfcheck.questions, start=1):
            row = QuestionRow(number, question, self.guide, body)
            row.open_article.connect(self.open_article)
            row.start_incident.connect(self.start_incident)
            row.answered.connect(self._update_summary)
            rows.addWidget(row)
            self.rows.append(row)
        rows.addStretch(1)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.summary = QLabel(self)
        self.summary.setObjectName("selfCheckSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.source)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        follow_language(self, self.retranslate)
        self.retranslate()

    def set_can_start_incident(self, can: bool) -> None:
        for row in self.rows:
            row.incident_button.setVisible(can)

    def row(self, key: str) -> QuestionRow:
        return next(r for r in self.rows if r.question.key == key)

    def yes_count(self) -> int:
        return sum(1 for r in self.rows if r.answer())

    def _update_summary(self) -> None:
        yes = self.yes_count()
        if yes:
            self.summary.setText(ngettext(
                "You answered “yes” once. Read the article shown under that question, "
                "and consider calling a help line (F1: Help now).",
                "You answered “yes” {count} times. Read the articles shown under those questions, "
                "and consider calling a help line (F1: Help now).", yes).format(count=yes))
        else:
            self.summary.setText("")

    def retranslate(self, *_args: object) -> None:
        lang = current_locale()
        sc = self.guide.selfcheck
        self.setWindowTitle(_("Private self-check"))
        self.intro.setText(sc.intro.get(lang, sc.intro["en"]))
        self.source.setText(_("Source: {title}").format(title=sc.source.title))
        for row in self.rows:
            row.retranslate()
        self._update_summary()
        translate_buttons(self.buttons)
