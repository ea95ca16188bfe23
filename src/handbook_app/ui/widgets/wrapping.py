"""Widgets and layouts that wrap instead of widening the window: a push button whose label wraps, rows of
equal columns that drop to one column when narrow, a toolbar that continues on the next line, and a
scroll area that only scrolls up and down. Made for the rights guide, usable by any screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTextBoundaryFinder
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLayout,
    QLayoutItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)


class WrapButton(QPushButton):
    """A push button whose text wraps onto more lines instead of widening the button (and the window).

    text() stays the whole label (tests, accessibility); the button only paints it wrapped.
    """

    PAD_X = 12
    PAD_Y = 8
    MAX_MIN_WIDTH = 200

    def __init__(self, parent: QWidget | None = None, min_height: int = 56) -> None:
        super().__init__(parent)
        self._min_height = min_height
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumHeight(min_height)

    @staticmethod
    def _flags() -> int:
        return int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)

    def _text_height(self, width: int) -> int:
        bounds = QRect(0, 0, max(1, width - 2 * self.PAD_X), 100_000)
        return self.fontMetrics().boundingRect(bounds, self._flags(), self.text()).height() + 2 * self.PAD_Y

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return max(self._min_height, self._text_height(width))

    def longest_unbreakable(self) -> int:
        """Width of the widest piece of the text that cannot be split across lines (a word; one CJK character)."""
        text, fm = self.text(), self.fontMetrics()
        finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
        widest, start = 0, 0
        while True:
            end = finder.toNextBoundary()
            if end < 0:
                break
            widest = max(widest, fm.horizontalAdvance(text[start:end].strip()))
            start = end
        return widest

    def sizeHint(self) -> QSize:  # noqa: N802
        width = self.fontMetrics().horizontalAdvance(self.text()) + 2 * self.PAD_X + 2
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        width = min(self.longest_unbreakable(), self.MAX_MIN_WIDTH) + 2 * self.PAD_X + 2
        return QSize(width, self._min_height)

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        text = option.text
        option.text = ""
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        area = self.rect().adjusted(self.PAD_X, self.PAD_Y // 2, -self.PAD_X, -self.PAD_Y // 2)
        painter.drawItemText(area, self._flags(), option.palette, self.isEnabled(), text,
                             QPalette.ColorRole.ButtonText)


class _WrappingLayout(QLayout):
    """The item bookkeeping both layouts share; a subclass places the items in `_arrange`, which returns
    the height they take at the rect's width (so height-for-width and setGeometry are one computation)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    # QLayout's item protocol
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, apply: bool) -> int:
        raise NotImplementedError


class ColumnsLayout(_WrappingLayout):
    """Items in rows of up to `columns` equal columns; fewer columns when each would be narrower than
    `column_min` (one column on a narrow window). Heights follow the items' height-for-width."""

    def __init__(self, parent: QWidget | None = None, columns: int = 2, column_min: int = 220,
                 spacing: int = 8) -> None:
        super().__init__(parent, spacing)
        self._columns = columns
        self._column_min = column_min

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation.Horizontal

    def _min_item_width(self) -> int:
        return max((item.minimumSize().width() for item in self._visible()), default=0)

    def columns_for(self, width: int) -> int:
        margins = self.contentsMargins()
        usable = width - margins.left() - margins.right()
        column_min = max(self._column_min, self._min_item_width())
        for n in range(self._columns, 1, -1):
            if usable >= n * column_min + (n - 1) * self._spacing:
                return n
        return 1

    def sizeHint(self) -> QSize:  # noqa: N802
        margins = self.contentsMargins()
        column = max([self._column_min] + [item.sizeHint().width() for item in self._visible()])
        width = self._columns * column + (self._columns - 1) * self._spacing + margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:  # noqa: N802
        # The height that matters is height-for-width; as a minimum, one row (a scroll area around
        # the page would otherwise always scroll to the one-column height).
        margins = self.contentsMargins()
        width = self._min_item_width() + margins.left() + margins.right()
        height = max((item.minimumSize().height() for item in self._visible()), default=0)
        return QSize(width, height + margins.top() + margins.bottom())

    @staticmethod
    def _item_height(item: QLayoutItem, width: int) -> int:
        height = item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()
        return max(height, item.minimumSize().height())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        items = self._visible()
        n = self.columns_for(rect.width())
        usable = rect.width() - margins.left() - margins.right()
        column = max(1, (usable - (n - 1) * self._spacing) // n)
        y = rect.y() + margins.top()
        for start in range(0, len(items), n):
            row = items[start:start + n]
            height = max(self._item_height(item, column) for item in row)
            if apply:
                for k, item in enumerate(row):
                    x = rect.x() + margins.left() + k * (column + self._spacing)
                    item.setGeometry(QRect(x, y, column, height))
            y += height + self._spacing
        if items:
            y -= self._spacing
        return y + margins.bottom() - rect.y()


class FlowLayout(_WrappingLayout):
    """Widgets left to right, continuing on the next line when the width runs out (a toolbar that wraps)."""

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def sizeHint(self) -> QSize:  # noqa: N802
        items = self._visible()
        width = sum(item.sizeHint().width() for item in items) + self._spacing * max(0, len(items) - 1)
        margins = self.contentsMargins()
        width += margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:  # noqa: N802
        items = self._visible()
        margins = self.contentsMargins()
        width = max((item.minimumSize().width() for item in items), default=0)
        height = max((item.sizeHint().expandedTo(item.minimumSize()).height() for item in items), default=0)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        left, right = rect.x() + margins.left(), rect.x() + rect.width() - margins.right()
        x, y, line_height = left, rect.y() + margins.top(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint().expandedTo(item.minimumSize())
            width = min(hint.width(), max(1, right - left))
            if x > left and x + width > right:
                x, y, line_height = left, y + line_height + self._spacing, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height + margins.bottom() - rect.y()


class VerticalScroll(QScrollArea):
    """Scrolls up and down only. Its minimum width is its content's, so nothing is cut at the side,
    while its minimum height is small: a tall page scrolls instead of making the window taller."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        content = self.widget()
        width = content.minimumSizeHint().width() if content is not None else 0
        return QSize(width + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth(), 120)
