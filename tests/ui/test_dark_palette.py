"""Issue 16 item 9: under a dark palette (Windows 11 dark mode) every label stays readable.

Labels are rendered offscreen and measured from their pixels: the commonest colour is the background, the
pixel farthest from it is the text; their WCAG contrast must be at least 4.5:1 (3:1 for bold or large text).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from handbook_app.ui.palette import DARK, LIGHT, contrast, dark_palette, is_dark, tone
from handbook_app.ui.workspace import NAV
from tests.ui.conftest import unlock

AA = 4.5
AA_LARGE = 3.0


@pytest.fixture
def dark(qapp):
    before = QApplication.palette()
    qapp.setPalette(dark_palette())
    yield
    qapp.setPalette(before)


def rendered_contrast(widget: QWidget) -> float:
    image = widget.grab().toImage()
    counts: Counter[int] = Counter()
    step = max(1, image.width() * image.height() // 40_000)
    for y in range(0, image.height(), 1):
        for x in range(0, image.width(), step):
            counts[image.pixel(x, y)] += 1
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    return max(contrast(background, QColor.fromRgb(pixel)) for pixel in counts)


def _unreadable(root: QWidget) -> list[str]:
    bad = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip() or label.width() < 4 or label.height() < 4:
            continue
        need = AA_LARGE if label.font().bold() or label.font().pointSizeF() >= 14 else AA
        ratio = rendered_contrast(label)
        if ratio < need:
            bad.append(f"{label.objectName() or label.text()[:40]!r}: {ratio:.1f}")
    return bad


def test_tones_keep_their_contrast_in_both_palettes():
    dark, light = dark_palette(), QPalette(QColor("#f0f0f0"))
    assert is_dark(dark) and not is_dark(light)
    for palette, tones in ((dark, DARK), (light, LIGHT)):
        text = palette.color(QPalette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        base = palette.color(QPalette.ColorRole.Base)
        for name in ("error", "ok", "warn", "muted", "intro"):
            assert contrast(tones[name], window) >= AA, name
            assert contrast(tones[name], base) >= AA, name
        for name in ("info_bg", "error_bg", "warn_bg", "quote_bg", "grid_bad", "grid_done", "intro_bg",
                     *(f"strength{i}" for i in range(5))):
            assert contrast(text, tones[name]) >= AA, name  # palette text on our band
        assert contrast(tones["intro"], tones["intro_bg"]) >= AA
        assert contrast(tones["error"], tones["error_bg"]) >= AA


def test_main_screens_are_readable_under_a_dark_palette(qtbot, dark, window, demo_path: Path):
    assert tone("error") == DARK["error"]
    bad = [f"start: {x}" for x in _unreadable(window)]
    window.open_unlock(demo_path)
    bad += [f"unlock: {x}" for x in _unreadable(window)]
    unlock(qtbot, window, demo_path)
    assert window.workspace.banner.isVisible()
    for index, item in enumerate(NAV):
        window.go_to(index)
        QApplication.processEvents()
        bad += [f"{item.key}: {x}" for x in _unreadable(window)]
    coming = window.workspace.screens["home"].coming  # coloured by urgency
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    bad += [f"coming up: {coming.item(i).text()[:30]}" for i in range(coming.count())
            if contrast(coming.item(i).foreground().color(), base) < AA]
    assert bad == []


def test_unprotected_pdf_warning_and_month_grid_under_a_dark_palette(qtbot, dark, window, demo_path: Path):
    unlock(qtbot, window, demo_path)
    reports = window.workspace.show_key("reports")
    QApplication.processEvents()
    assert reports.warning.isVisible()
    assert rendered_contrast(reports.warning) >= AA
    grid = window.workspace.show_key("contract").open_month_grid()
    qtbot.waitExposed(grid)
    assert _unreadable(grid) == []
    text = QApplication.palette().color(QPalette.ColorRole.Text)
    from PySide6.QtWidgets import QTableWidget

    table = grid.findChild(QTableWidget)
    backgrounds = {table.item(r, c).background().color().name()
                   for r in range(table.rowCount()) for c in range(table.columnCount())
                   if table.item(r, c) is not None and table.item(r, c).background().style() != 0}
    assert all(contrast(text, QColor(bg)) >= AA for bg in backgrounds), backgrounds


def test_passphrase_strength_text_is_readable_in_both_palettes(qtbot, qapp):
    from handbook_app.ui.widgets.passphrase import NewPassphrase

    before = QApplication.palette()
    try:
        for palette in (dark_palette(), before):
            qapp.setPalette(palette)
            widget = NewPassphrase()
            qtbot.addWidget(widget)
            widget.show()
            for typed in ("abc", "correct horse battery staple 42"):
                widget.first.setText(typed)
                sheet = widget.strength.styleSheet()
                fill = sheet.split("background-color:")[1].split(";")[0].strip()
                text = palette.color(QPalette.ColorRole.Text)
                assert contrast(text, fill) >= AA, (typed, fill)
                assert rendered_contrast(widget.strength) >= AA_LARGE
    finally:
        qapp.setPalette(before)
