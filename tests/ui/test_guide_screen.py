"""The rights guide screen, Help now and the self-check, driven through their widgets (offscreen)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, QPoint, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QFontDatabase, QKeyEvent, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QTextBrowser, QWidget  # noqa: E402

from handbook_app.guide import default_guide  # noqa: E402
from handbook_app.guide import freshness_warning as real_freshness_warning  # noqa: E402
from handbook_app.i18n import set_locale, tr  # noqa: E402
from handbook_app.resources import resource_path  # noqa: E402
from handbook_app.ui import messages  # noqa: E402
from handbook_app.ui.app import FONT_FILES, add_japanese_bold  # noqa: E402
from handbook_app.ui.screens import guide_actions, guide_parts  # noqa: E402
from handbook_app.ui.screens.guide_screen import GuideScreen, print_available  # noqa: E402
from handbook_app.ui.widgets.help_now import HelpNowDialog, HelpNowPanel  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _fonts(qapp):
    """The bundled faces, so screenshots taken from these widgets show Vietnamese and kana (bold kana too)."""
    for name in FONT_FILES:
        QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
    assert add_japanese_bold()


@pytest.fixture
def guide():
    return default_guide()


def make_screen(qtbot, lang: str = "vi") -> GuideScreen:
    set_locale(lang)
    screen = GuideScreen()
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def type_text(widget, text: str) -> None:
    """Type into a widget one character at a time, as an input method commits it (QTest.keyClicks
    aborts on characters outside Latin-1)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def click_result(qtbot, screen: GuideScreen, row: int = 0) -> None:
    item = screen.results.item(row)
    rect = screen.results.visualItemRect(item)
    qtbot.mouseClick(screen.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_link(qtbot, browser: QTextBrowser, href: str) -> None:
    """Click the first anchor whose href is `href`, where it is drawn."""
    doc = browser.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(doc)
                cursor.setPosition(fragment.position() + 1)
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                rect = browser.cursorRect(cursor)
                pos = QPoint(rect.left(), rect.center().y())
                qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=pos)
                return
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href} in the article")


def test_search_vietnamese_without_accents_opens_wages(qtbot, guide):
    screen = make_screen(qtbot, "vi")
    qtbot.keyClicks(screen.search_box, "luong")
    assert screen.left_stack.currentIndex() == 1
    assert screen.results.count() > 0
    assert screen.results.item(0).data(guide_parts.SLUG_ROLE) == "wages-minimum-wage"
    assert "<b>" in screen.results.item(0).data(guide_parts.HTML_ROLE)  # the match is highlighted
    click_result(qtbot, screen)
    assert screen.pages.currentIndex() == 2
    title = guide.article("wages-minimum-wage", "vi").title
    assert screen.article_title() == title
    assert screen.primary_view.toPlainText().startswith(title)


def test_search_japanese_substring_and_enter_opens_first_result(qtbot, guide):
    screen = make_screen(qtbot, "ja")
    type_text(screen.search_box, "パスポート")
    assert screen.search_box.text() == "パスポート"
    assert screen.results.count() > 0
    first = screen.results.item(0).data(guide_parts.SLUG_ROLE)
    assert first == "passport-residence-card"
    qtbot.keyClick(screen.search_box, Qt.Key.Key_Return)
    assert screen.article_title() == guide.article(first, "ja").title


def test_search_in_all_languages_and_nothing_found(qtbot):
    screen = make_screen(qtbot, "vi")
    qtbot.keyClicks(screen.search_box, "zzzqqq")
    assert screen.results.count() == 0
    assert "zzzqqq" in screen.results_status.text()
    screen.search_box.clear()
    assert screen.left_stack.currentIndex() == 0  # back to the topic list
    screen.scope.setCurrentIndex(screen.scope.findData("all"))
    type_text(screen.search_box, "賃金")
    langs = {screen.results.item(i).data(guide_parts.LANG_ROLE) for i in range(screen.results.count())}
    assert "ja" in langs


def test_task_button_leads_to_steps_then_the_passport_article(qtbot, guide):
    screen = make_screen(qtbot, "vi")
    button = screen.task_buttons["passport_taken"]
    assert button.text() == guide.task("passport_taken").title["vi"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert screen.pages.currentIndex() == 1
    assert guide.task("passport_taken").steps["vi"][1] in screen.task_steps.text()
    assert "110" in screen.task_contacts.text()
    qtbot.mouseClick(screen.task_read, Qt.MouseButton.LeftButton)
    assert screen.current_slug == "passport-residence-card"
    assert screen.article_title() == guide.article("passport-residence-card", "vi").title
    qtbot.mouseClick(screen.article_back, Qt.MouseButton.LeftButton)
    assert screen.pages.currentIndex() == 1  # back to the steps


def test_guide_link_navigates_inside_the_app(qtbot, guide):
    screen = make_screen(qtbot, "vi")
    screen.open_article("passport-residence-card")
    click_link(qtbot, screen.primary_view, "guide:where-to-get-help")
    assert screen.current_slug == "where-to-get-help"
    assert screen.article_title() == guide.article("where-to-get-help", "vi").title


def test_external_links_are_shown_not_opened(qtbot, monkeypatch):
    screen = make_screen(qtbot, "vi")
    shown: list[str] = []
    monkeypatch.setattr(screen, "show_external_link", shown.append)
    screen.open_article("passport-residence-card")
    screen.primary_view.anchorClicked.emit(QUrl("https://example.org/x"))
    assert shown == ["https://example.org/x"]
    assert screen.current_slug == "passport-residence-card"
    assert not screen.primary_view.openExternalLinks() and not screen.primary_view.openLinks()


def test_side_by_side_shows_japanese_and_a_chosen_second_language(qtbot, guide):
    screen = make_screen(qtbot, "vi")
    screen.open_article("paid-leave")
    assert screen.second_view.isVisible()
    assert screen.article_title("second") == guide.article("paid-leave", "ja").title
    assert guide.article("paid-leave", "ja").title in screen.second_view.toPlainText()
    screen.second_lang.setCurrentIndex(screen.second_lang.findData("en"))
    assert screen.article_title("second") == guide.article("paid-leave", "en").title
    screen.side_by_side.setChecked(False)
    assert not screen.second_view.isVisible()


def test_language_switch_retranslates_the_open_article(qtbot, guide):
    screen = make_screen(qtbot, "vi")
    screen.open_article("paid-leave")
    set_locale("ja")
    assert screen.article_title() == guide.article("paid-leave", "ja").title
    assert screen.article_title("second") == guide.article("paid-leave", "vi").title  # ja beside ja is no use
    assert screen.task_buttons["not_paid"].text() == guide.task("not_paid").title["ja"]


def test_sources_and_checked_on_at_the_foot(qtbot, guide):
    screen = make_screen(qtbot, "en")
    screen.open_article("work-injury")
    article = guide.article("work-injury", "en")
    text = screen.primary_view.toPlainText()
    assert "Sources" in text
    for source in article.sources:
        assert source.title in text
    assert "Checked on" in text
    assert str(article.checked_on.year) in text
    assert not screen.stale_banner.isVisible()  # the content is fresh


def test_old_article_shows_a_warning(qtbot, monkeypatch):
    def old(checked_on):
        return real_freshness_warning(checked_on, today=date(2100, 1, 1))

    monkeypatch.setattr(guide_actions, "freshness_warning", old)  # the banner
    monkeypatch.setattr(guide_parts, "freshness_warning", old)  # the article's foot
    screen = make_screen(qtbot, "en")
    screen.open_article("work-injury")
    assert screen.stale_banner.isVisible()
    assert "Last checked on" in screen.stale_banner.text()
    assert "Last checked on" in screen.primary_view.toPlainText()


def test_ctrl_f_focuses_search(qtbot):
    screen = make_screen(qtbot, "vi")
    with qtbot.waitActive(screen):
        screen.raise_()
        screen.activateWindow()
    screen.open_article("paid-leave")
    screen.primary_view.setFocus()
    qtbot.keyClick(screen.primary_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is screen.search_box


def test_show_to_official_is_japanese_full_screen_and_esc_closes(qtbot, guide):
    screen = make_screen(qtbot, "vi")
    screen.open_article("passport-residence-card")
    qtbot.mouseClick(screen.official_button, Qt.MouseButton.LeftButton)
    view = screen.official_view
    assert view is not None and view.isVisible() and view.isFullScreen()
    assert view.browser.toPlainText().startswith(guide.article("passport-residence-card", "ja").title)
    assert view.browser.font().pointSize() >= 18
    qtbot.keyClick(view.browser, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: screen.official_view is None or not screen.official_view.isVisible())


def test_help_panel_lists_emergency_numbers_first(qtbot):
    set_locale("vi")
    panel = HelpNowPanel()
    qtbot.addWidget(panel)
    texts = [card.label.text() for card in panel.cards]
    assert "110" in texts[0] and "119" in texts[1]
    assert "警察" in texts[0]  # the Japanese name beside
    assert {"110", "119"} <= set(panel.numbers())
    inspection = next(c for c in panel.cards if c.contact.key == "labour_inspection")
    assert inspection.number_text() != ""  # no single number: says so
    otit = next(c for c in panel.cards if c.contact.key == "otit_vi")
    # The reachable route in an emergency: the card shows the OTIT line's hours from OTIT's own handbook.
    assert "0120-250-168" in otit.label.text() and "11:00–19:00" in otit.label.text()
    assert "Thứ 2–6" in otit.label.text()
    assert tr("vi", "Hours: not verified") not in otit.label.text()
    houterasu = next(c for c in panel.cards if c.contact.key == "embassy_vn")
    assert tr("vi", "Hours: not verified") in houterasu.label.text()  # unknown hours still say so


def test_help_now_opens_from_the_guide_and_links_back(qtbot, guide):
    screen = make_screen(qtbot, "vi")
    qtbot.mouseClick(screen.help_button, Qt.MouseButton.LeftButton)
    dialog = screen.window().findChild(HelpNowDialog, "helpNowDialog")
    assert dialog is not None and dialog.isVisible()
    police = dialog.panel.cards[0]
    qtbot.mouseClick(police.more, Qt.MouseButton.LeftButton)
    assert screen.current_slug == police.contact.article
    assert not dialog.isVisible()


def test_selfcheck_yes_offers_article_and_emits_start_incident(qtbot):
    screen = make_screen(qtbot, "en")
    started: list[tuple[str, str]] = []
    screen.start_incident.connect(lambda category, title: started.append((category, title)))  # the main window
    qtbot.mouseClick(screen.selfcheck_button, Qt.MouseButton.LeftButton)
    dialog = screen.selfcheck_dialog
    assert dialog is not None and dialog.isVisible()
    row = dialog.row("documents_kept")
    assert not row.follow_up.isVisible()
    row.yes.click()
    assert row.follow_up.isVisible()
    assert dialog.yes_count() == 1
    with qtbot.waitSignal(screen.start_incident, timeout=1000) as blocker:
        qtbot.mouseClick(row.incident_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["documents_withheld", "Documents withheld"]
    assert started == [("documents_withheld", "Documents withheld")]
    qtbot.mouseClick(row.read_button, Qt.MouseButton.LeftButton)
    assert screen.current_slug == "passport-residence-card"
    row.no.click()
    assert not row.follow_up.isVisible() and dialog.yes_count() == 0


def test_selfcheck_without_a_vault_offers_no_incident_record(qtbot):
    screen = make_screen(qtbot, "vi")  # nobody connected start_incident: e.g. before unlocking
    dialog = screen.open_selfcheck()
    row = dialog.rows[0]
    row.yes.click()
    assert row.read_button.isVisible() and not row.incident_button.isVisible()


def test_help_now_without_a_guide_screen_opens_a_guide_window(qtbot):
    """Before unlocking (no main window listening), the start screen's F1 path wires Help now's article
    links to a guide window of its own; Help now itself knows no screen (no guide_screen<->help_now circle)."""
    from handbook_app.ui.screens.start_screen import request_help
    from handbook_app.ui.widgets import help_now

    assert "guide_screen" not in Path(help_now.__file__).read_text(encoding="utf-8")
    set_locale("vi")
    host = QWidget()
    qtbot.addWidget(host)
    host.show()
    request_help(host, host.destroyed)  # a signal nobody listens to: the fallback path
    dialog = host.window().findChild(HelpNowDialog, "helpNowDialog")
    qtbot.mouseClick(dialog.panel.cards[0].more, Qt.MouseButton.LeftButton)
    window = host.findChild(GuideScreen, "guideWindow")
    assert window is not None and window.isVisible() and window.isWindow()
    assert window.current_slug == dialog.panel.cards[0].contact.article
    window.close()


def test_lock_forgets_search_and_selfcheck(qtbot):
    screen = make_screen(qtbot, "en")
    qtbot.keyClicks(screen.search_box, "passport")
    dialog = screen.open_selfcheck()
    dialog.rows[0].yes.click()
    screen.clear()
    qtbot.waitUntil(lambda: screen.selfcheck_dialog is None)
    assert screen.search_box.text() == "" and screen.pages.currentIndex() == 0


@pytest.mark.skipif(not print_available(), reason="the reports layer has no guide article yet")
def test_print_article_in_two_languages(qtbot, tmp_path, monkeypatch):
    screen = make_screen(qtbot, "vi")
    screen.open_article("passport-residence-card")
    target = tmp_path / "article.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(messages, "inform", lambda *a, **k: None)
    monkeypatch.setattr(messages, "error", lambda *a, **k: pytest.fail(f"error: {a}"))
    assert screen.print_button.isEnabled()
    assert screen.print_languages() == ["vi", "ja"]
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")


def test_expired_dated_fact_is_a_box_at_the_top_of_the_article(qtbot, guide):
    """December 2026: the FY2025 minimum wages have expired, so the reader warns before the body, in each column."""
    screen = make_screen(qtbot, "vi")
    screen.open_article("wages-minimum-wage", second="ja")
    vi, ja = screen.primary_view.toPlainText(), screen.second_view.toPlainText()
    warning_vi = guide.article("wages-minimum-wage", "vi").dated[0].warning
    assert warning_vi[:40] in vi and vi.index(warning_vi[:40]) < vi.index("Làm ngay")
    assert tr("ja", "This may be out of date") in ja
    assert ja.index("令和7年度(2025年度)の額で") < ja.index("今すぐすること")


def test_japanese_article_shows_the_easy_japanese_box_with_furigana(qtbot):
    screen = make_screen(qtbot, "ja")
    screen.open_article("passport-residence-card")
    text = screen.primary_view.toPlainText()
    assert "やさしい にほんご" in text
    assert "在留(ざいりゅう)カード" in text  # the reading follows the word (Qt has no <ruby>)
    assert "{" not in text and "|" not in text
