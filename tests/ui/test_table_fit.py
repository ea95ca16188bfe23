"""Tables at 1280×800 (offscreen, real widgets, the demo vault): no sideways scrollbar on Debts, Contract & pay
and Incidents in Vietnamese, Japanese and English; labels wrap instead of being cut and their tooltip shows
them whole; amounts and dates are never cut; the user's own column widths and sorting still work."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView, QToolTip

from handbook_app.ui.widgets.table_fit import ColumnFitter, WrappingHeader
from tests.ui.conftest import unlock

SCREENS = ("debts", "contract", "incidents")


def _settle(qtbot) -> None:
    for _ in range(3):  # fits run on a zero timer after each resize; the header height follows
        QApplication.processEvents()
        qtbot.wait(20)


def _visible_tables(screen) -> list[QTableView]:
    return [t for t in screen.findChildren(QTableView) if t.isVisible()]


def _tabs(screen) -> int:
    return screen.tabs.count() if screen.tabs is not None else 1


@pytest.mark.parametrize("lang", ["vi", "ja", "en"])
def test_tables_fit_1280x800_without_sideways_scrolling(qtbot, window, demo_path: Path, lang: str):
    window.resize(1280, 800)
    window.set_language(lang)
    unlock(qtbot, window, demo_path)
    for key in SCREENS:
        screen = window.workspace.show_key(key)
        for tab in range(_tabs(screen)):
            if screen.tabs is not None:
                screen.tabs.setCurrentIndex(tab)
            _settle(qtbot)
            tables = _visible_tables(screen)
            assert tables, (key, tab)
            for table in tables:
                where = (lang, key, tab, table.objectName())
                assert table.horizontalScrollBar().maximum() == 0, where
                header = table.horizontalHeader()
                assert isinstance(header, WrappingHeader), where
                for column in range(table.model().columnCount()):
                    # every label readable: on one line or wrapped, never cut
                    assert header.fits(column), (*where, header.label(column), header.sectionSize(column))
    # the overview: every loan in view, its labels on two lines rather than scrolled out of sight
    overview = window.workspace.show_key("debts").overview.table
    _settle(qtbot)
    assert overview.model().rowCount() == 2
    assert overview.horizontalHeader().height() > overview.horizontalHeader().fontMetrics().lineSpacing() * 2
    # amounts and the payoff month are never cut: their columns hold their widest cell
    for column in (1, 2, 4):
        assert overview.columnWidth(column) >= overview.sizeHintForColumn(column), column


def test_a_language_switch_refits_the_lists(qtbot, window, demo_path: Path):
    """Before, widths were measured once in the first language: 'Exchange rate' was cut after vi → en."""
    window.resize(1280, 800)
    window.set_language("vi")
    unlock(qtbot, window, demo_path)
    debts = window.workspace.show_key("debts")
    debts.tabs.setCurrentIndex(1)
    _settle(qtbot)
    table = debts.repayments.table
    for lang in ("ja", "en", "vi"):
        window.set_language(lang)
        _settle(qtbot)
        header = table.horizontalHeader()
        assert table.horizontalScrollBar().maximum() == 0, lang
        assert all(header.fits(c) for c in range(table.model().columnCount())), lang
        assert table.accessibleName() == debts.repayments.table.accessibleName()


def test_sorting_and_the_users_own_widths_are_kept(qtbot, window, demo_path: Path):
    window.resize(1280, 800)
    unlock(qtbot, window, demo_path)
    contract = window.workspace.show_key("contract")
    contract.tabs.setCurrentIndex(1)
    _settle(qtbot)
    panel = contract.payslips
    table, header = panel.table, panel.table.horizontalHeader()
    # a click on "Gross pay" sorts by it, as before
    gross = panel.model.GROSS
    x = header.sectionViewportPosition(gross) + header.sectionSize(gross) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert header.sortIndicatorSection() == gross
    amounts = [panel.model.record_at(r).gross.minor for r in range(panel.model.rowCount())]
    assert amounts in (sorted(amounts), sorted(amounts, reverse=True))
    # a column the user widened stays as they left it when the window is resized
    header._pressed = True  # as while dragging a column edge
    header.resizeSection(panel.model.CHECK, 400)
    header._pressed = False
    window.resize(1200, 800)
    _settle(qtbot)
    assert header.sectionSize(panel.model.CHECK) == 400
    # ...until the language changes: then every column fits again
    window.set_language("ja")
    _settle(qtbot)
    assert table.horizontalScrollBar().maximum() == 0


def test_a_cut_label_shows_whole_in_its_tooltip(qtbot):
    model = QStandardItemModel(1, 2)
    model.setHorizontalHeaderLabels(["Paid off at this pace", "Loan"])
    table = QTableView()
    table.setHorizontalHeader(WrappingHeader(table))
    table.setModel(model)
    qtbot.addWidget(table)
    ColumnFitter(table, compact=(0,), stretch=1)
    table.resize(400, 200)
    table.show()
    _settle(qtbot)
    header = table.horizontalHeader()
    assert header.fits(0)  # room enough: on one line
    header._pressed = True  # the user drags it far too narrow even for two lines
    header.resizeSection(0, 30)
    header._pressed = False
    _settle(qtbot)
    assert not header.fits(0)
    pos = QPoint(header.sectionViewportPosition(0) + 10, header.height() // 2)
    QApplication.sendEvent(header.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, header.viewport().mapToGlobal(pos)))
    assert QToolTip.text() == "Paid off at this pace"
    QToolTip.hideText()
