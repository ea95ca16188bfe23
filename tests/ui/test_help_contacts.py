"""Issue 16 item 15: each Help-now line and each guide card line says its languages and hours; a verified
contact is never labelled "not verified"; a Japanese-only line says so to a Vietnamese reader."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from handbook_app.guide.articles import Contact, _languages
from handbook_app.i18n import set_locale, tr
from handbook_app.ui.widgets.help_now import HelpNowPanel, hours_text, languages_text


def _cards(qtbot, lang: str) -> dict[str, str]:
    set_locale(lang)
    panel = HelpNowPanel()
    qtbot.addWidget(panel)
    return {card.contact.key: card.label.text() for card in panel.cards}


def test_verified_contacts_never_say_not_verified(qtbot):
    for lang in ("vi", "ja", "en"):
        set_locale(lang)
        panel = HelpNowPanel()
        qtbot.addWidget(panel)
        not_verified = {tr(lang, "Hours: not verified"), tr(lang, "not verified: confirm before relying on it")}
        verified = [card for card in panel.cards if card.contact.verified]
        assert len(verified) >= 4
        for card in verified:
            assert not any(phrase in card.label.text() for phrase in not_verified), (lang, card.contact.key)


def test_every_line_shows_languages_and_hours(qtbot):
    cards = _cards(qtbot, "vi")
    assert tr("vi", "Answered in Japanese only") in cards["labour_hotline"]
    assert "Tiếng Việt" in cards["otit_vi"]
    shown = (tr("vi", "Languages: {names}").split("{")[0], tr("vi", "Answered in Japanese only"),
             tr("vi", "Languages: not recorded"))
    hours = tr("vi", "Hours: {hours}").split("{")[0].split(":")[0]
    for key, text in cards.items():
        assert any(word in text for word in shown), key
        assert hours in text, key
    ja = _cards(qtbot, "ja")
    assert tr("ja", "Answered in Japanese only") not in ja["labour_hotline"]  # nothing to warn a Japanese reader


def test_wage_card_says_the_hotline_is_japanese_only(qtbot, window, demo_path):
    from tests.ui.conftest import unlock

    window.set_language("vi")
    unlock(qtbot, window, demo_path)
    guide = window.workspace.show_key("guide")
    guide.show_task("not_paid")
    text = guide.findChild(QLabel, "guideTaskContacts").text()
    assert "0120-811-610" in text
    assert tr("vi", "Answered in Japanese only") in text
    assert tr("vi", "Hours: {hours}").split("{")[0] in text


def test_languages_are_read_defensively():
    assert _languages(["vi", "ja"]) == ("vi", "ja")
    assert _languages(None) is None and _languages("vi") is None and _languages([1]) is None and _languages([]) is None
    base = dict(key="x", name={"en": "X"}, purpose={"en": ""}, number="1", hours=None, source=None,
                checked_on=None, verified=True)
    set_locale("en")
    assert languages_text(Contact(**base)) == "Languages: not recorded"
    assert hours_text(Contact(**base)) == "Hours: not given by the source"
    assert hours_text(Contact(**{**base, "verified": False})) == "Hours: not verified"
    assert hours_text(Contact(**{**base, "number": None})) == "Hours: those of the office you contact"
