"""The "Help now" panel: emergency numbers and where to call, reachable from every screen (F1).

`HelpNowPanel` is a plain widget (one card per contact from the guide's contacts.json);
`HelpNowDialog` wraps it in a non-modal window; `show_help_now(parent)` opens (or raises)
the one dialog of a window. Needs no unlocked vault. Each card shows, in the UI language,
what the contact is for, the number (or "no single number"), the hours (or "not verified"),
and the Japanese name beside so the trainee can say or show it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from handbook_app.guide import Contact, Guide, freshness_warning
from handbook_app.i18n import LANGUAGE_NAMES, _, current_locale
from handbook_app.i18n.formatting import format_date
from handbook_app.services import guide as guide_service
from handbook_app.ui.lang import notifier, translate_buttons
from handbook_app.ui.palette import tone

HELP_KEY = QKeySequence(Qt.Key.Key_F1)
CARD_STYLE = "QFrame#contactCard { border: 1px solid #c8c8c8; border-radius: 6px; background: palette(base); }"


def urgent_style() -> str:
    return (f"QFrame#contactCard[urgent=\"true\"] {{ border: 2px solid {tone('error_border')}; "
            f"background: {tone('error_bg')}; }}")


def _esc(text: str) -> str:
    return html.escape(text)


def languages_text(contact: Contact, lang: str | None = None) -> str:
    """Which languages the line answers in, said in the reader's language; "not recorded" when unknown."""
    lang = lang or current_locale()
    if contact.languages is None:
        return _("Languages: not recorded")
    names = ", ".join(LANGUAGE_NAMES.get(code, code) for code in contact.languages)
    if lang not in contact.languages and contact.languages == ("ja",):
        return _("Answered in Japanese only")
    return _("Languages: {names}").format(names=names)


def hours_text(contact: Contact, lang: str | None = None) -> str:
    """Opening hours; without hours, why (a verified entry is not called "not verified")."""
    lang = lang or current_locale()
    if contact.hours:
        return _("Hours: {hours}").format(hours=contact.hours.get(lang, contact.hours["en"]))
    if not contact.verified:
        return _("Hours: not verified")
    if contact.number is None:
        return _("Hours: those of the office you contact")
    return _("Hours: not given by the source")


def contact_line_html(contact: Contact, lang: str | None = None) -> str:
    """One "who to call" line for a guide card: name, number, its languages and hours."""
    lang = lang or current_locale()
    # Only a real number gets the big type; "no single number" is an explanation, in body text.
    number = (f"<span style='font-size:14pt'>{_esc(contact.number)}</span>" if contact.number
              else _esc(_("No single number: check the local office")))
    languages = languages_text(contact, lang)
    only_ja = contact.languages == ("ja",) and lang != "ja"
    languages_html = f"<b style='color:{tone('warn')}'>{_esc(languages)}</b>" if only_ja else _esc(languages)
    return (f"<li><b>{_esc(contact.name.get(lang, contact.name['en']))}</b>: {number}"
            f"<br><span style='font-size:small'>{languages_html} · {_esc(hours_text(contact, lang))}</span></li>")


class ContactCard(QFrame):
    """One contact. Text is selectable so a number can be copied."""

    open_article = Signal(str)

    def __init__(self, contact: Contact, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contact = contact
        self.setObjectName("contactCard")
        self.setProperty("urgent", "true" if contact.urgent else "false")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        self.label = QLabel(self)
        self.label.setObjectName("contactText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        layout.addWidget(self.label)
        self.more = QPushButton(self)
        self.more.setObjectName("contactArticle")
        self.more.setVisible(bool(contact.article))
        self.more.clicked.connect(lambda: self.open_article.emit(self.contact.article or ""))
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    def number_text(self) -> str:
        c = self.contact
        return c.number if c.number else _("No single number: check the local office")

    def retranslate(self) -> None:
        c, lang = self.contact, current_locale()
        name = c.name.get(lang, c.name["en"])
        parts = [f"<b style='font-size:13pt'>{_esc(name)}</b>"]
        if lang != "ja":
            parts.append(f"<br><span lang='ja'>{_esc(c.name['ja'])}</span>")
        if c.number:
            size = "26pt" if c.urgent else "18pt"
            parts.append(f"<p style='margin:4px 0'><span style='font-size:{size}; font-weight:bold'>"
                         f"{_esc(c.number)}</span></p>")
        else:
            parts.append(f"<p style='margin:4px 0'><b>{_esc(self.number_text())}</b></p>")
        parts.append(f"<p style='margin:2px 0'>{_esc(c.purpose.get(lang, c.purpose['en']))}</p>")
        languages = languages_text(c, lang)
        if c.languages == ("ja",) and lang != "ja":  # someone in crisis must know before dialling
            parts.append(f"<p style='margin:2px 0; color:{tone('warn')}'><b>{_esc(languages)}</b></p>")
        else:
            parts.append(f"<p style='margin:2px 0'>{_esc(languages)}</p>")
        parts.append(f"<p style='margin:2px 0'>{_esc(hours_text(c, lang))}</p>")
        if c.note:
            parts.append(f"<p style='margin:2px 0; color:{tone('muted')}'>{_esc(c.note.get(lang, c.note['en']))}</p>")
        check = _("Checked on {date}").format(date=format_date(c.checked_on))
        if not c.verified:
            check += " · " + _("not verified: confirm before relying on it")
        warning = freshness_warning(c.checked_on)
        parts.append(f"<p style='margin:2px 0; color:{tone('muted')}; font-size:small'>{_esc(check)}</p>")
        if warning:
            parts.append(f"<p style='margin:2px 0; color:{tone('error')}'>{_esc(warning)}</p>")
        self.label.setText("".join(parts))
        self.setAccessibleName(f"{name}: {self.number_text()}")
        self.label.setAccessibleName(f"{name}: {self.number_text()}")
        self.more.setText(_("Read more in the guide"))
        self.more.setAccessibleName(_("Read more in the guide: {name}").format(name=name))


class HelpNowPanel(QWidget):
    """Every contact of the guide, the urgent ones (110, 119) first. Emits open_article(slug)."""

    open_article = Signal(str)

    def __init__(self, parent: QWidget | None = None, guide: Guide | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpNowPanel")
        self.guide = guide or guide_service.guide()
        self.setStyleSheet(CARD_STYLE + urgent_style())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        self.heading.setObjectName("helpNowHeading")
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self.scroll)
        self.cards_layout = QVBoxLayout(body)
        self.cards_layout.setSpacing(8)
        contacts = sorted(self.guide.contacts, key=lambda c: not c.urgent)  # stable: file order otherwise
        self.cards: list[ContactCard] = []
        for contact in contacts:
            card = ContactCard(contact, body)
            card.open_article.connect(self.open_article)
            self.cards.append(card)
            self.cards_layout.addWidget(card)
        self.cards_layout.addStretch(1)
        self.scroll.setWidget(body)
        outer.addWidget(self.scroll, 1)
        notifier().changed.connect(self.retranslate)
        self.retranslate()

    def numbers(self) -> list[str]:
        return [c.number for c in self.guide.contacts if c.number]

    def retranslate(self, *_args: object) -> None:
        self.heading.setText("<h2 style='margin:0'>{}</h2><p>{}</p>".format(
            _esc(_("Help now")),
            _esc(_("In danger or hurt: call 110 (police) or 119 (fire and ambulance). "
                   "Both are free, day and night, from any phone."))))
        self.setAccessibleName(_("Help now: emergency numbers and where to ask for help"))
        for card in self.cards:
            card.retranslate()


class HelpNowDialog(QDialog):
    """A non-modal window around the panel; Esc closes it."""

    open_article = Signal(str)

    def __init__(self, parent: QWidget | None = None, guide: Guide | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpNowDialog")
        self.setModal(False)
        self.resize(560, 720)
        layout = QVBoxLayout(self)
        self.panel = HelpNowPanel(self, guide)
        self.panel.open_article.connect(self._open_article)
        layout.addWidget(self.panel, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.shortcuts_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.HelpRole)
        self.shortcuts_button.setObjectName("shortcutsList")
        self.shortcuts_button.clicked.connect(self._show_shortcuts)
        layout.addWidget(self.buttons)
        notifier().changed.connect(self.retranslate)
        self.retranslate()

    def _open_article(self, slug: str) -> None:
        """To whoever opened the dialog and connected open_article (the main window, the guide screen,
        or the start/unlock screen's guide window). This widget knows no screen: no import circle."""
        self.open_article.emit(slug)
        self.close()

    def _show_shortcuts(self) -> None:
        from handbook_app.ui.widgets.home_actions import show_shortcuts

        show_shortcuts(self)

    def retranslate(self, *_args: object) -> None:
        self.setWindowTitle(_("Help now"))
        translate_buttons(self.buttons)
        self.shortcuts_button.setText(_("Keyboard shortcuts"))


def show_help_now(parent: QWidget, guide: Guide | None = None) -> HelpNowDialog:
    """Open the Help-now window of `parent`'s top-level window, or raise it if already open."""
    window = parent.window()
    dialog = window.findChild(HelpNowDialog, "helpNowDialog")
    if dialog is None:
        dialog = HelpNowDialog(window, guide)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
