"""Tables whose columns fit the width they are given, in every language, without a sideways scrollbar.

`WrappingHeader` lets a header label wrap onto a second (or third) line when its column is narrower than the
label, grows the header to show every line, and shows the whole label as a tooltip when it still does not fit.

`ColumnFitter` sizes the columns of one table from their content and labels:
- each column first gets its natural width: the widest of its label on one line and its first rows (up to
  `limit` pixels);
- when the natural widths are wider than the table, the *compact* columns (amounts, dates, short choices) first
  give up what only their one-line label needed (the label wraps onto two lines, balanced; the figures are
  never cut), then the free-text columns shrink, each down to a floor of about a dozen characters, and their
  cells elide (the cell's tooltip carries the full text) or wrap when the table wraps its cells;
- the *stretch* column (one free-text column) takes whatever width is left over. A numeric (right-aligned)
  column never stretches: a table with no free-text column to stretch leaves the spare width empty at its
  right, so every figure stays beside the rest of its row instead of ~500 px away.
It refits when the rows are replaced, the language changes or the table is resized. Once the user drags a
column edge the widths are theirs until the language changes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QTextLayout, QTextOption
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView, QToolTip, QWidget

from handbook_app.i18n import current_locale

MAX_HEADER_LINES = 3  # beyond this a label is cut and its tooltip shows the rest
FLOOR_CHARS = 12  # a free-text column keeps room for about this many characters


def wrapped_size(metrics: QFontMetrics, text: str, width: int) -> QSize:
    """The size `text` takes when word-wrapped into `width` pixels (wider than `width` if a word is longer)."""
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    return metrics.boundingRect(QRect(0, 0, max(1, width), 100_000), flags, text).size()


def one_line_width(metrics: QFontMetrics, text: str) -> int:
    """The width `text` takes laid out on one line (a little more than its advance: bearings, rounding)."""
    return wrapped_size(metrics, text, 100_000).width()


def narrowest_width(metrics: QFontMetrics, text: str, lines: int) -> int:
    """The smallest width in which `text` wraps onto at most `lines` lines without cutting a word."""
    one_line = one_line_width(metrics, text)
    limit = lines * metrics.lineSpacing() + 1
    low, high = 1, max(1, one_line)
    while low < high:
        mid = (low + high) // 2
        size = wrapped_size(metrics, text, mid)
        if size.width() <= mid and size.height() <= limit:
            high = mid
        else:
            low = mid + 1
    return high


def is_numeric_column(model, column: int) -> bool:
    """True for a column of figures (right-aligned): declared by the model's COLUMNS (record models' `numeric`,
    derived models' third item), else read from the first row's alignment."""
    source = model
    while hasattr(source, "sourceModel") and source.sourceModel() is not None:  # through filter/sort proxies
        source = source.sourceModel()
    columns = getattr(source, "COLUMNS", None)
    if columns and 0 <= column < len(columns):
        spec = columns[column]
        numeric = getattr(spec, "numeric", None)
        if numeric is None and isinstance(spec, tuple) and len(spec) > 2:
            numeric = spec[2]
        if numeric is not None:
            return bool(numeric)
    if model is None or model.rowCount() == 0:
        return False
    align = model.data(model.index(0, column), Qt.ItemDataRole.TextAlignmentRole)
    try:
        return bool(int(align or 0) & int(Qt.AlignmentFlag.AlignRight))
    except (TypeError, ValueError):
        return False


class WrappingHeader(QHeaderView):
    """A horizontal header whose labels wrap instead of being cut; the full label is its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)  # as QTableView's own header
        self.setHighlightSections(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.user_resized = False  # the user dragged a column edge
        self._pressed = False
        self._cache: dict[tuple[str, int], int] = {}
        self._balanced: dict[tuple[str, int], str] = {}
        self._lines_cache: dict[tuple[str, int], int] = {}
        self._labels: dict[int, str] = {}
        self._overhead: dict[bool, int] = {}
        self.sectionResized.connect(self._section_resized)

    # --- measuring -------------------------------------------------------------------------------
    def label(self, section: int) -> str:
        text = self._labels.get(section)
        if text is None:
            model = self.model()
            value = model.headerData(section, self.orientation(), Qt.ItemDataRole.DisplayRole) if model else None
            text = self._labels[section] = "" if value is None else str(value)
        return text

    def overhead(self) -> int:
        """Pixels of a section that are not label: margins, and room for the sort arrow."""
        arrow = self.isSortIndicatorShown()
        extra = self._overhead.get(arrow)
        if extra is None:
            style = self.style()
            margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
            extra = 2 * margin + 2
            if arrow:
                extra += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, self) + margin
            self._overhead[arrow] = extra
        return extra

    def _forget_labels(self) -> None:
        self._labels.clear()
        self._cache.clear()
        self._balanced.clear()

    def setModel(self, model) -> None:  # noqa: N802
        old = self.model()
        if old is not None:
            for signal in (old.headerDataChanged, old.modelReset):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(self._labels_changed)
        self._forget_labels()
        super().setModel(model)
        if model is not None:  # (QHeaderView.headerDataChanged is no virtual: an override would not be called)
            model.headerDataChanged.connect(self._labels_changed)
            model.modelReset.connect(self._labels_changed)

    def label_width(self, section: int, lines: int = 1) -> int:
        """The section width the label needs on at most `lines` lines."""
        text = self.label(section)
        if not text:
            return self.overhead()
        key = (text, lines)
        width = self._cache.get(key)
        if width is None:
            metrics = self.fontMetrics()
            width = one_line_width(metrics, text) if lines == 1 else narrowest_width(metrics, text, lines)
            self._cache[key] = width
        return width + self.overhead()

    def lines_needed(self, section: int) -> int:
        text = self.label(section)
        if not text:
            return 1
        width = self.sectionSize(section) - self.overhead()
        key = (text, width)
        lines = self._lines_cache.get(key)
        if lines is None:
            metrics = self.fontMetrics()
            lines = max(1, -(-wrapped_size(metrics, text, width).height() // metrics.lineSpacing()))
            if len(self._lines_cache) > 2000:
                self._lines_cache.clear()
            self._lines_cache[key] = lines
        return lines

    def fits(self, section: int) -> bool:
        text = self.label(section)
        width = self.sectionSize(section) - self.overhead()
        size = wrapped_size(self.fontMetrics(), text, width)
        return size.width() <= width and size.height() <= self._lines() * self.fontMetrics().lineSpacing() + 1

    def _lines(self) -> int:
        model = self.model()
        count = model.columnCount() if model is not None else 0
        lines = 1
        for section in range(count):
            if not self.isSectionHidden(section) and self.sectionSize(section) > 0:
                lines = max(lines, self.lines_needed(section))
        return min(lines, MAX_HEADER_LINES)

    def balanced(self, text: str, width: int) -> str:
        """`text` broken into lines of even length for a label `width` pixels wide ("支払済み / の利息", not
        "支払済みの利 / 息"), or as it is when it fits on one line or cannot fit at all."""
        key = (text, -width)
        cached = self._balanced.get(key)
        if cached is not None:
            return cached
        metrics = self.fontMetrics()
        result = text
        if text and "\n" not in text and one_line_width(metrics, text) > width > 0:
            lines = -(-wrapped_size(metrics, text, width).height() // metrics.lineSpacing())
            narrow = narrowest_width(metrics, text, lines)
            if narrow <= width:
                layout = QTextLayout(text, self.font())
                option = QTextOption()
                option.setWrapMode(QTextOption.WrapMode.WordWrap)
                layout.setTextOption(option)
                layout.beginLayout()
                parts = []
                while True:
                    line = layout.createLine()
                    if not line.isValid():
                        break
                    line.setLineWidth(narrow)
                    parts.append(text[line.textStart():line.textStart() + line.textLength()].strip())
                layout.endLayout()
                result = "\n".join(p for p in parts if p)
        if len(self._balanced) > 500:
            self._balanced.clear()
        self._balanced[key] = result
        return result

    def initStyleOptionForIndex(self, option, section: int) -> None:  # noqa: N802
        super().initStyleOptionForIndex(option, section)
        option.text = self.balanced(option.text, self.sectionSize(section) - self.overhead())

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        lines = self._lines()
        if lines > 1:
            hint.setHeight(hint.height() + (lines - 1) * self.fontMetrics().lineSpacing())
        return hint

    # --- reacting --------------------------------------------------------------------------------
    def _section_resized(self, _section: int, _old: int, _new: int) -> None:
        if self._pressed:
            self.user_resized = True
        self.geometriesChanged.emit()  # the table asks sizeHint() again: one more line, or one less

    def _labels_changed(self, *_args) -> None:
        self._forget_labels()
        self.geometriesChanged.emit()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._pressed = True
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        self._pressed = True
        super().mouseDoubleClickEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        self._pressed = False

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            section = self.logicalIndexAt(event.pos())
            model = self.model()
            own = model.headerData(section, self.orientation(), Qt.ItemDataRole.ToolTipRole) \
                if model is not None and section >= 0 else None
            if section >= 0 and not own and not self.fits(section):
                QToolTip.showText(event.globalPos(), self.label(section), self)
                return True
        return super().viewportEvent(event)


class ColumnFitter(QObject):
    """Keeps `table`'s columns within its width (see the module's docstring). `refit()` to fit now."""

    def __init__(self, table: QTableView, compact: Sequence[int] = (), stretch: int | None = None,
                 limit: int = 320, follow_rows: bool = True) -> None:
        """`follow_rows` False: new rows are measured only if there were none (a list refilled by a filter
        as the user types keeps its columns still)."""
        super().__init__(table)
        self.table = table
        self.follow_rows = follow_rows
        self._measured_rows = 0
        self.compact = frozenset(compact)
        self.stretch = stretch
        self.limit = limit
        self._content: dict[int, int] | None = None  # measured widths of the first rows, per column
        self._locale = current_locale()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        model = table.model()
        if model is not None:
            model.modelReset.connect(self._reset)
            model.headerDataChanged.connect(lambda *_a: self.remeasure())
            model.dataChanged.connect(lambda *_a: self._forget())
        table.viewport().installEventFilter(self)

    def header(self) -> QHeaderView:
        return self.table.horizontalHeader()

    def _forget(self) -> None:
        self._content = None

    def _reset(self) -> None:
        if self.follow_rows or not self._measured_rows:
            self.remeasure()

    def remeasure(self) -> None:
        """The rows or the language changed: measure again and fit (soon, once)."""
        self._content = None
        self._timer.start()

    def refit(self) -> None:
        """Measure and fit now, whatever the user did to the widths (e.g. after a language change)."""
        self._content = None
        header = self.header()
        if isinstance(header, WrappingHeader):
            header.user_resized = False
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport() \
                and event.size().width() != event.oldSize().width():  # a taller header changes only the height
            self._timer.start()
        return False

    def _measure(self, count: int) -> dict[int, int]:
        if self._content is None:
            rows = self.table.model().rowCount() if self.table.model() is not None else 0
            self._content = {c: self.table.sizeHintForColumn(c) if rows else 0 for c in range(count)}
            self._measured_rows = rows
        return self._content

    def widths(self, available: int) -> dict[int, int]:
        """The width of each column for a table `available` pixels wide (the stretch column gets the rest)."""
        model = self.table.model()
        count = model.columnCount() if model is not None else 0
        header = self.header()
        wrapping = isinstance(header, WrappingHeader)
        content = self._measure(count)
        floor_text = header.fontMetrics().averageCharWidth() * FLOOR_CHARS
        smallest = header.minimumSectionSize()  # Qt never makes a section narrower
        columns = [c for c in range(count) if not header.isSectionHidden(c)]
        full: dict[int, int] = {}
        natural: dict[int, int] = {}
        floor: dict[int, int] = {}
        for c in columns:
            one_line = header.label_width(c) if wrapping else header.sectionSizeHint(c)
            wrapped = header.label_width(c, MAX_HEADER_LINES - 1) if wrapping else one_line
            full[c] = max(smallest, content[c], one_line)
            natural[c] = max(smallest, min(self.limit, full[c]))
            if c in self.compact:
                floor[c] = max(smallest, min(natural[c], max(content[c], wrapped)))
            else:
                floor[c] = max(smallest, min(natural[c], max(wrapped, floor_text)))
        excess = sum(natural.values()) - available
        widths = dict(natural)
        for group in ([c for c in columns if c in self.compact], [c for c in columns if c not in self.compact]):
            if excess <= 0:
                break
            room = sum(natural[c] - floor[c] for c in group)
            if room <= 0:
                continue
            take = min(excess, room)
            for c in group:  # each gives up its share of what it can give up
                widths[c] = natural[c] - (natural[c] - floor[c]) * take // room
            left = take - sum(natural[c] - widths[c] for c in group)  # pixels lost to rounding down
            for c in group:
                if left <= 0:
                    break
                give = min(left, widths[c] - floor[c])
                widths[c] -= give
                left -= give
            excess -= take - left
        stretch = self.stretch_column(columns)
        for c in columns:  # room to spare: a long text cut at `limit` is shown whole if it fits
            if excess >= 0:
                break
            if c != stretch and full[c] > widths[c]:
                grow = min(-excess, full[c] - widths[c])
                widths[c] += grow
                excess += grow
        if stretch is not None:
            others = sum(w for c, w in widths.items() if c != stretch)
            widths[stretch] = max(floor[stretch], available - others)
        return widths

    def stretch_column(self, columns: Sequence[int]) -> int | None:
        """The column that takes the spare width: the chosen one, else the last; never a numeric one."""
        model = self.table.model()
        stretch = self.stretch if self.stretch is not None and self.stretch in columns else (
            columns[-1] if columns else None)
        if stretch is not None and is_numeric_column(model, stretch):
            return None
        return stretch

    def fit(self) -> None:
        self._timer.stop()
        header = self.header()
        locale = current_locale()
        if locale != self._locale:  # a new language: new labels, new widths, the user's drag forgotten
            self._locale = locale
            self._content = None
            if isinstance(header, WrappingHeader):
                header.user_resized = False
        if isinstance(header, WrappingHeader) and header.user_resized:
            return
        available = self.table.viewport().width()
        if available < 50 or self.table.model() is None:
            return  # not laid out yet: the first resize fits it
        for column, width in self.widths(available).items():
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
