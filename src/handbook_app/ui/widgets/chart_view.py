"""Draws a core.charts.Chart with QPainter (no QtCharts): balance lines, dashed projections, monthly bars.

The chart data comes from core.charts (the PDF reports draw the same data with ReportLab). Amounts on
the axis and in the hover tooltip are formatted for the current locale; `clear()` forgets the chart,
so nothing personal stays in the widget after a lock.
"""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from handbook_app.core.charts import Chart, Series
from handbook_app.i18n import _
from handbook_app.i18n.formatting import currency_digits, format_date, format_money, format_month

PALETTE = ("#1f6fb2", "#d9822b", "#2e9e5b", "#b8336a", "#7a5cc2", "#8c6d1f", "#3a9fb0", "#c94f3d")
BAR_PALETTE = ("#1f6fb2", "#d9822b", "#2e9e5b")


def nice_step(span: float, ticks: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 x 10^n) giving about `ticks` intervals over `span`."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for mult in (1, 2, 2.5, 5, 10):
        if raw <= mult * power:
            return mult * power
    return 10 * power


class ChartView(QWidget):
    """Paints one Chart. Bars when every series is a bar series, lines otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None
        # hover areas -> (series, date, value, monthly), rebuilt on paint; texts formatted only when asked
        self._hits: list[tuple[QRectF, tuple[Series, dt.date, int, bool]]] = []
        self.setMouseTracking(True)
        self.setMinimumSize(280, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setObjectName("chartView")

    # --- content --------------------------------------------------------------------------------
    def set_chart(self, chart: Chart | None) -> None:
        self.chart = chart
        self._hits = []
        self.setAccessibleName(chart.title if chart is not None else "")
        self.update()

    def clear(self) -> None:
        self.set_chart(None)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, 260)

    def is_bars(self) -> bool:
        return self.chart is not None and bool(self.chart.series) and all(s.kind == "bar" for s in self.chart.series)

    def hit_texts(self) -> list[str]:
        """The tooltip texts of every painted point or bar (for tests and accessibility)."""
        return [self._tooltip(*hit) for _rect, hit in self._hits]

    # --- drawing --------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.base())
        self._hits = []
        chart = self.chart
        fm = QFontMetrics(self.font())
        text_color = pal.text().color()
        if chart is None or not any(s.points for s in chart.series):
            painter.setPen(text_color)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("Nothing to show yet."))
            painter.end()
            return
        # title
        title_font = self.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text_color)
        top = 4
        painter.drawText(QRectF(8, top, self.width() - 16, fm.height() + 2), Qt.AlignmentFlag.AlignLeft, chart.title)
        painter.setFont(self.font())
        top += fm.height() + 6
        # legend (wraps)
        bars = self.is_bars()
        x = 8.0
        palette = BAR_PALETTE if bars else PALETTE
        colors = self._colors(chart.series, palette)
        for series, color in zip(chart.series, colors, strict=True):
            label = series.name
            w = 22 + fm.horizontalAdvance(label) + 14
            if x + w > self.width() - 8 and x > 8:
                x = 8.0
                top += fm.height() + 4
            y_mid = top + fm.height() / 2
            pen = QPen(color, 2.5)
            if series.kind == "projected":
                pen.setStyle(Qt.PenStyle.DashLine)
            if bars:
                painter.fillRect(QRectF(x, y_mid - 5, 14, 10), color)
            else:
                painter.setPen(pen)
                painter.drawLine(QPointF(x, y_mid), QPointF(x + 16, y_mid))
            painter.setPen(text_color)
            painter.drawText(QRectF(x + 20, top, w, fm.height() + 2), Qt.AlignmentFlag.AlignLeft, label)
            x += w
        top += fm.height() + 8

        # value range
        values = [v for s in chart.series for _d, v in s.points]
        lo, hi = min(0, min(values)), max(0, max(values))
        if hi == lo:
            hi = lo + 10 ** currency_digits(chart.currency)
        step = nice_step(hi - lo)
        lo_t = math.floor(lo / step) * step
        hi_t = math.ceil(hi / step) * step
        ticks = []
        v = lo_t
        while v <= hi_t + step / 2:
            ticks.append(v)
            v += step
        labels = [format_money(int(round(t)), chart.currency) for t in ticks]
        left = 10 + max(fm.horizontalAdvance(t) for t in labels)
        bottom = self.height() - fm.height() - 10
        right = self.width() - 12
        plot = QRectF(left, top, max(10.0, right - left), max(10.0, bottom - top))

        def y_of(value: float) -> float:
            return plot.bottom() - (value - lo_t) / (hi_t - lo_t) * plot.height()

        grid = QColor(text_color)
        grid.setAlpha(40)
        for t, label in zip(ticks, labels, strict=True):
            y = y_of(t)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_color)
            painter.drawText(QRectF(0, y - fm.height() / 2, left - 6, fm.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        painter.setPen(QPen(text_color, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())

        if bars:
            self._paint_bars(painter, chart, plot, y_of, colors, fm)
        else:
            self._paint_lines(painter, chart, plot, y_of, colors, fm)
        painter.end()

    def _colors(self, series: list[Series], palette: tuple[str, ...]) -> list[QColor]:
        """A projected series takes the colour of the actual series it continues."""
        out: list[QColor] = []
        index = 0
        for s in series:
            if s.kind == "projected" and out:
                out.append(out[-1])
            else:
                out.append(QColor(palette[index % len(palette)]))
                index += 1
        return out

    def _tooltip(self, series: Series, day: dt.date, value: int, monthly: bool) -> str:
        when = format_month(day) if monthly else format_date(day)
        return _("{series} · {date}: {amount}").format(
            series=series.name, date=when, amount=format_money(value, series.currency))

    def _x_labels(self, painter: QPainter, first: dt.date, last: dt.date, x_of, plot: QRectF, fm) -> None:
        months = (last.year - first.year) * 12 + last.month - first.month
        painter.setPen(self.palette().text().color())
        if months > 30:
            step = max(1, math.ceil((last.year - first.year + 1) / 10))
            candidates = [dt.date(y, 1, 1) for y in range(first.year + 1, last.year + 1, step)]
            texts = [format_date(d, fmt="y") for d in candidates]
        else:
            step = max(1, math.ceil((months + 1) / 8))
            candidates, texts = [], []
            y, m = first.year, first.month
            for k in range(0, months + 1, step):
                idx = y * 12 + m - 1 + k
                d = dt.date(idx // 12, idx % 12 + 1, 1)
                candidates.append(d)
                texts.append(format_month(d))
        last_right = -1e9
        for d, text in zip(candidates, texts, strict=True):
            x = x_of(d)
            if x < plot.left() - 1 or x > plot.right() + 1:
                continue
            w = fm.horizontalAdvance(text)
            if x - w / 2 < last_right + 6:
                continue
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            painter.drawText(QRectF(x - w / 2 - 2, plot.bottom() + 5, w + 4, fm.height()),
                             Qt.AlignmentFlag.AlignCenter, text)
            last_right = x + w / 2

    def _paint_lines(self, painter, chart: Chart, plot: QRectF, y_of, colors, fm) -> None:
        days = [d for s in chart.series for d, _v in s.points]
        first, last = min(days), max(days)
        span = max(1, (last - first).days)

        def x_of(day: dt.date) -> float:
            return plot.left() + (day - first).days / span * plot.width()

        self._x_labels(painter, first, last, x_of, plot, fm)
        for series, color in zip(chart.series, colors, strict=True):
            if not series.points:
                continue
            pen = QPen(color, 2.2 if series.kind != "projected" else 1.8)
            if series.kind == "projected":
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            path = QPainterPath()
            for i, (day, value) in enumerate(series.points):
                point = QPointF(x_of(day), y_of(value))
                if i == 0:
                    path.moveTo(point)
                else:
                    path.lineTo(point)
                self._hits.append((QRectF(point.x() - 5, point.y() - 5, 10, 10), (series, day, value, False)))
            painter.drawPath(path)
            if series.kind != "projected":  # mark where the actual line ends (today)
                day, value = series.points[-1]
                painter.setBrush(color)
                painter.drawEllipse(QPointF(x_of(day), y_of(value)), 3, 3)
                painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_bars(self, painter, chart: Chart, plot: QRectF, y_of, colors, fm) -> None:
        months = sorted({d.replace(day=1) for s in chart.series for d, _v in s.points})
        first, last = months[0], months[-1]
        n = (last.year - first.year) * 12 + last.month - first.month + 1
        slot = plot.width() / n
        per = max(1, len(chart.series))
        bar_w = max(1.0, slot * 0.8 / per)

        def index_of(day: dt.date) -> int:
            return (day.year - first.year) * 12 + day.month - first.month

        def x_of(day: dt.date) -> float:
            return plot.left() + (index_of(day) + 0.5) * slot

        self._x_labels(painter, first, last, x_of, plot, fm)
        zero = y_of(0)
        painter.setPen(Qt.PenStyle.NoPen)
        for k, (series, color) in enumerate(zip(chart.series, colors, strict=True)):
            for day, value in series.points:
                x = plot.left() + index_of(day) * slot + slot * 0.1 + k * bar_w
                y = y_of(value)
                rect = QRectF(x, min(y, zero), bar_w, max(1.0, abs(zero - y)))
                painter.fillRect(rect, color)
                hit = QRectF(plot.left() + index_of(day) * slot, plot.top(), slot, plot.height())
                self._hits.append((hit, (series, day, value, True)))

    # --- hover ----------------------------------------------------------------------------------
    def text_at(self, x: float, y: float) -> str:
        texts = [self._tooltip(*hit) for rect, hit in self._hits if rect.contains(QPointF(x, y))]
        return "\n".join(dict.fromkeys(texts))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position()
        text = self.text_at(pos.x(), pos.y())
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)
