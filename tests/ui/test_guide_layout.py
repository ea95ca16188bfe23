"""What a trainee sees of the guide, Help now and About on a small screen (offscreen, real widgets):
the window fits 1024 px with the guide shown, long topic titles are readable, a contact without a number
is not shown as if it were one, Japanese is never slanted, the GPL is there, and Help now is one click
away before unlocking."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QRect, Qt  # noqa: E402
from PySide6.QtGui import QFont, QTextDocument  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton, QTextBrowser, QWidget  # noqa: E402

from handbook_app.guide import default_guide  # noqa: E402
from handbook_app.i18n import _, set_locale  # noqa: E402
from handbook_app.ui.app import register_fonts  # noqa: E402
from handbook_app.ui.dialogs.about_dialog import AboutDialog  # noqa: E402
from handbook_app.ui.screens.guide_screen import GuideScreen  # noqa: E402
from handbook_app.ui.screens.start_screen import StartScreen  # noqa: E402
from handbook_app.ui.widgets.help_now import HelpNowDialog  # noqa: E402
from tests.ui.conftest import unlock  # noqa: E402

SCREEN_W, SCREEN_H = 1024, 768
# A real window has a frame (about 8 px a side on Windows and most Linux desktops): on a 1024-px screen the
# window's inside must fit in about 1008 px.
FRAME = 16


@pytest.fixture(autouse=True)
def app_fonts(qapp):
    """The app's own fonts (Noto Sans, IPAex Gothic), as make_app() sets them: widths depend on them."""
    before = QFont(qapp.font())
    register_fonts(qapp)
    yield
    qapp.setFont(before)


def settle(qtbot) -> None:
    for _i in range(3):
        QApplication.processEvents()
        qtbot.wait(20)


def guide_in_window(qtbot, window, demo_path: Path, lang: str) -> GuideScreen:
    window.resize(SCREEN_W, SCREEN_H)
    window.set_language(lang)
    unlock(qtbot, window, demo_path)
    screen = window.workspace.show_key("guide")
    settle(qtbot)
    return screen


def fits(window) -> None:
    assert window.minimumSizeHint().width() <= SCREEN_W - FRAME
    assert window.width() <= SCREEN_W


@pytest.mark.parametrize("lang", ["vi", "ja", "en"])
def test_window_fits_a_1024_screen_with_every_guide_page(qtbot, window, demo_path, lang):
    screen = guide_in_window(qtbot, window, demo_path, lang)
    fits(window)
    screen.show_task(screen.guide.tasks[0].key)
    settle(qtbot)
    fits(window)
    screen.open_article(screen.guide.slugs[0])
    settle(qtbot)
    fits(window)
    for key in ("home", "contract", "debts", "remittances", "incidents", "reports", "settings", "guide"):
        window.workspace.show_key(key)
        settle(qtbot)
    fits(window)


def test_switching_language_on_an_article_keeps_the_window_inside_the_screen(qtbot, window, demo_path):
    screen = guide_in_window(qtbot, window, demo_path, "ja")
    screen.open_article(screen.guide.slugs[0], second="vi")
    settle(qtbot)
    for lang in ("vi", "en", "ja"):
        window.set_language(lang)
        settle(qtbot)
        fits(window)


def test_task_buttons_use_two_columns_when_wide_and_one_when_narrow(qtbot):
    set_locale("vi")
    screen = GuideScreen()
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    settle(qtbot)
    a, b = (screen.task_buttons[t.key] for t in screen.guide.tasks[:2])
    assert a.geometry().top() == b.geometry().top()  # side by side
    screen.resize(screen.minimumSizeHint().width(), 800)
    settle(qtbot)
    assert b.geometry().top() > a.geometry().bottom()  # one under the other
    assert a.width() >= a.minimumSizeHint().width()


def test_long_topic_title_wraps_in_the_tree(qtbot, window, demo_path):
    screen = guide_in_window(qtbot, window, demo_path, "vi")
    tree = screen.topic_tree
    item = tree.topLevelItem(0)
    title = item.text(0)
    assert title.startswith("Tư cách lưu trú")
    rect = tree.visualItemRect(item)
    metrics = tree.fontMetrics()
    assert metrics.horizontalAdvance(title) > rect.width(), "the test needs a title longer than the tree is wide"
    needed = metrics.boundingRect(QRect(0, 0, rect.width() - 8, 10_000), int(Qt.TextFlag.TextWordWrap), title)
    assert rect.height() >= needed.height()  # every line of the title has room: nothing is cut off
    assert item.toolTip(0) == title


def _fragments(html: str, font: QFont) -> list[tuple[str, float, bool]]:
    """(text, point size, italic) of each run of rich text, as a QLabel or QTextBrowser lays it out."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setHtml(html)
    runs = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            runs.append((fragment.text(), fmt.fontPointSize() or font.pointSizeF(), fmt.fontItalic()))
            it += 1
        block = block.next()
    return runs


@pytest.mark.parametrize("lang", ["vi", "ja"])
def test_contact_without_a_number_is_in_body_type_not_in_the_big_number_type(qtbot, lang):
    set_locale(lang)
    screen = GuideScreen()
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    screen.show_task("not_paid")  # labour hotline (a number) and the labour inspection office (none)
    label = screen.task_contacts
    runs = _fragments(label.text(), label.font())
    explanation = _("No single number: check the local office")
    sizes = [size for text, size, _i in runs if explanation in text]
    numbers = [size for text, size, _i in runs if "0120-811-610" in text]
    assert sizes and numbers
    assert sizes[0] == pytest.approx(label.font().pointSizeF())
    assert numbers[0] > sizes[0]


def _intro_runs(browser: QTextBrowser, summary: str) -> list[tuple[str, float, bool]]:
    doc = browser.document()
    block = doc.begin()
    while block.isValid():
        if summary[:20] in block.text():
            runs = []
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                runs.append((it.fragment().text(), fmt.fontPointSize(), fmt.fontItalic()))
                it += 1
            return runs
        block = block.next()
    raise AssertionError("intro paragraph not found")


@pytest.mark.parametrize(("ui", "view"), [("ja", "primary_view"), ("vi", "second_view")])
def test_japanese_intro_is_never_italic_but_still_set_apart(qtbot, ui, view):
    set_locale(ui)
    guide = default_guide()
    screen = GuideScreen()
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    slug = "changing-employer"
    screen.open_article(slug, second="ja" if ui != "ja" else None)
    browser = getattr(screen, view)
    summary = guide.article(slug, "ja").summary
    runs = _intro_runs(browser, summary)
    assert runs and not any(italic for _t, _s, italic in runs)
    # set apart another way: its block has a background band
    doc = browser.document()
    block = doc.findBlock(doc.toPlainText().index(summary[:20]))
    assert block.blockFormat().background().style() != Qt.BrushStyle.NoBrush
    # and nothing Japanese in the whole article is slanted
    for text, _s, italic in _fragments(browser.toHtml(), browser.font()):
        assert not italic, text


@pytest.mark.parametrize("lang", ["vi", "ja"])
def test_about_shows_the_gpl_and_no_raw_markdown(qtbot, lang):
    set_locale(lang)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    tabs = dialog.tabs
    gpl = [i for i in range(tabs.count()) if "GPL" in tabs.tabText(i)]
    assert gpl, [tabs.tabText(i) for i in range(tabs.count())]
    widget = tabs.widget(gpl[0])
    assert isinstance(widget, QPlainTextEdit | QTextBrowser)
    assert "GNU GENERAL PUBLIC LICENSE" in widget.toPlainText()
    for i in range(tabs.count()):
        text = tabs.widget(i).toPlainText()
        assert "|---" not in text and "`NotoSans" not in text, tabs.tabText(i)
        assert not tabs.tabText(i).endswith(".md")
    # the first tab names both fonts and their licences, and the program's licence
    first = tabs.widget(0).toPlainText()
    for name in ("Noto Sans", "IPAex Gothic", "BIZ UDGothic Bold", "SIL Open Font License 1.1", "IPA Font License 1.0",
                 "GNU"):
        assert name in first


def test_repository_and_bundle_carry_the_gpl_text():
    root = Path(__file__).resolve().parents[2]
    licence = (root / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in licence and "Version 3, 29 June 2007" in licence
    assert (root / "resources" / "LICENSE-GPL-3.0.txt").read_text(encoding="utf-8") == licence


def _help_dialog(window) -> HelpNowDialog | None:
    dialog = window.findChild(HelpNowDialog, "helpNowDialog")
    return dialog if dialog is not None and dialog.isVisible() else None


@pytest.mark.parametrize("lang", ["vi", "ja"])
def test_start_screen_has_a_help_now_button_that_opens_help_now(qtbot, window, lang):
    window.set_language(lang)
    window.show_start()
    button = window.start.findChild(QPushButton, "helpNowButton")
    assert button is not None and button.isVisible()
    assert "F1" in button.text()
    assert "F1" in window.start.findChild(type(window.start.note), "privacyNote").text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _help_dialog(window) is not None, timeout=3000)


def test_unlock_screen_has_a_help_now_button_that_opens_help_now(qtbot, window, closed_vault):
    window.open_unlock(closed_vault)
    button = window.unlock_screen.findChild(QPushButton, "helpNowButton")
    assert button is not None and button.isVisible() and "F1" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _help_dialog(window) is not None, timeout=3000)


def test_start_screen_asks_the_window_for_help_when_it_listens(qtbot):
    screen = StartScreen()
    qtbot.addWidget(screen)
    screen.show()
    button = screen.findChild(QPushButton, "helpNowButton")
    with qtbot.waitSignal(screen.help_requested, timeout=1000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert screen.findChild(HelpNowDialog) is None  # the window opens it (F1's own action), not the screen


def test_start_screen_opens_the_rights_guide_without_a_vault(qtbot, window):
    window.show_start()
    button = window.start.findChild(QPushButton, "rightsGuideButton")
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (g := window.findChild(GuideScreen, "guideWindow")) is not None and g.isVisible(),
                    timeout=3000)
    guide = window.findChild(GuideScreen, "guideWindow")
    assert guide.width() <= guide.screen().availableGeometry().width()
    guide.close()


def test_quick_exit_closes_a_guide_window_opened_before_unlocking(qtbot, window):
    """The neutral screen must not leave a rights-guide window behind (it tells an onlooker what the app is)."""
    window.show()
    window.start.guide_button.click()
    guide = window.findChild(QWidget, "guideWindow")
    assert guide is not None and guide.isVisible()
    window.quick_exit()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "guideWindow") is None or not guide.isVisible(), timeout=2000)


@pytest.mark.parametrize("lang", ["vi", "ja"])
def test_help_now_is_in_view_on_the_guide_start_page_without_scrolling(qtbot, window, demo_path, lang):
    """With 22 tasks, Help now and the self-check sat below the fold at 1366×740: they come first now."""
    screen = guide_in_window(qtbot, window, demo_path, lang)
    window.resize(1366, 740)
    settle(qtbot)
    button = screen.help_button
    assert button.isVisible()
    viewport = button.parentWidget().parentWidget()  # the start page's scroll viewport
    bottom = button.mapTo(viewport, button.rect().bottomLeft()).y()
    assert 0 <= bottom <= viewport.height()
