"""Drawn icons (no image files to ship): the app's icon, a small green notebook, and the sidebar's section
icons."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPainterPath, QPen, QPixmap, QTransform

from handbook_app.ui.app_icon import app_icon

__all__ = ["NAV_ICON_KEYS", "app_icon", "nav_icon"]


# --- navigation icons ---------------------------------------------------------------------------------
# Each is drawn on a 24 x 24 grid in at most two flat colours (INK and PAPER), by an icon engine that paints
# at whatever size and device-pixel ratio Qt asks for, so they stay crisp on high-DPI screens.

PAPER = QColor("#ffffff")
_COLOURS = {
    "home": "#1f7a5a",
    "contract": "#1f5fa8",
    "debts": "#a86a00",
    "remittances": "#00838f",
    "incidents": "#c0392b",
    "guide": "#6a3d9a",
    "reports": "#b03a2e",
    "settings": "#4a5560",
}
_DISABLED = QColor("#9aa0a6")


def _pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _house_path(x: float, y: float, w: float, h: float) -> QPainterPath:
    """A house outline: a roof over a box, (x, y) its top-left, w x h its size."""
    roof = h * 0.45
    path = QPainterPath()
    path.moveTo(x + w / 2, y)
    path.lineTo(x + w, y + roof)
    path.lineTo(x + w * 0.86, y + roof)
    path.lineTo(x + w * 0.86, y + h)
    path.lineTo(x + w * 0.14, y + h)
    path.lineTo(x + w * 0.14, y + roof)
    path.lineTo(x, y + roof)
    path.closeSubpath()
    return path


def _draw_home(p: QPainter, ink: QColor) -> None:
    p.setPen(_pen(ink, 1.2))
    p.setBrush(ink)
    p.drawPath(_house_path(2, 2.5, 20, 19))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(PAPER)
    p.drawRoundedRect(QRectF(9.7, 13.5, 4.6, 8), 0.8, 0.8)


def _page(p: QPainter, ink: QColor, rect: QRectF) -> None:
    """A sheet of paper with a folded corner."""
    fold = 5.0
    path = QPainterPath()
    path.moveTo(rect.left(), rect.top())
    path.lineTo(rect.right() - fold, rect.top())
    path.lineTo(rect.right(), rect.top() + fold)
    path.lineTo(rect.right(), rect.bottom())
    path.lineTo(rect.left(), rect.bottom())
    path.closeSubpath()
    p.setPen(_pen(ink, 1.6))
    p.setBrush(PAPER)
    p.drawPath(path)
    corner = QPainterPath()
    corner.moveTo(rect.right() - fold, rect.top())
    corner.lineTo(rect.right() - fold, rect.top() + fold)
    corner.lineTo(rect.right(), rect.top() + fold)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(corner)


def _draw_contract(p: QPainter, ink: QColor) -> None:
    _page(p, ink, QRectF(3, 1.8, 15, 20.4))
    p.setPen(_pen(ink, 1.6))
    for y, right in ((7, 11.5), (10.5, 14.5), (14, 9)):
        p.drawLine(QPointF(6, y), QPointF(right, y))
    # a yen badge over the bottom-right corner
    p.setPen(_pen(PAPER, 1.4))
    p.setBrush(ink)
    p.drawEllipse(QPointF(16.5, 16.5), 6.6, 6.6)
    p.setPen(_pen(PAPER, 1.6))
    p.drawLine(QPointF(13.9, 12.6), QPointF(16.5, 16.4))
    p.drawLine(QPointF(19.1, 12.6), QPointF(16.5, 16.4))
    p.drawLine(QPointF(16.5, 16.4), QPointF(16.5, 20.8))
    p.setPen(_pen(PAPER, 1.3))
    p.drawLine(QPointF(14.2, 17.0), QPointF(18.8, 17.0))
    p.drawLine(QPointF(14.2, 19.1), QPointF(18.8, 19.1))


def _coin_layer(p: QPainter, ink: QColor, cx: float, top: float, rx: float, ry: float, depth: float) -> None:
    """One coin seen from the side: an ellipse top over a short band."""
    body = QPainterPath()
    body.moveTo(cx - rx, top)
    body.lineTo(cx - rx, top + depth)
    body.arcTo(QRectF(cx - rx, top + depth - ry, 2 * rx, 2 * ry), 180, 180)
    body.lineTo(cx + rx, top)
    body.arcTo(QRectF(cx - rx, top - ry, 2 * rx, 2 * ry), 0, -180)
    body.closeSubpath()
    p.setPen(_pen(PAPER, 1.1))
    p.setBrush(ink)
    p.drawPath(body)
    p.drawEllipse(QPointF(cx, top), rx, ry)


def _draw_debts(p: QPainter, ink: QColor) -> None:
    for top in (18.5, 14.5, 10.5, 6.5):
        _coin_layer(p, ink, 9.5, top, 7.5, 2.7, 3.0)
    # a minus on a front coin: money owed
    p.setPen(_pen(PAPER, 1.4))
    p.setBrush(ink)
    p.drawEllipse(QPointF(17.2, 16.2), 6.0, 6.0)
    p.setPen(_pen(PAPER, 2.2))
    p.drawLine(QPointF(14.3, 16.2), QPointF(20.1, 16.2))


def _draw_remittances(p: QPainter, ink: QColor) -> None:
    # the house (home, far away) on the right, drawn as an outline so the arrow shows inside it
    p.setPen(_pen(ink, 2.0))
    p.setBrush(PAPER)
    p.drawPath(_house_path(8.5, 2.5, 14.5, 19))
    # a bold arrow coming in from the left, its point inside the house; a paper halo keeps it apart
    arrow = QPainterPath()
    arrow.moveTo(1.0, 13.9)
    arrow.lineTo(11.0, 13.9)
    arrow.lineTo(11.0, 10.4)
    arrow.lineTo(18.6, 15.9)
    arrow.lineTo(11.0, 21.4)
    arrow.lineTo(11.0, 17.9)
    arrow.lineTo(1.0, 17.9)
    arrow.closeSubpath()
    p.setPen(_pen(PAPER, 1.6))
    p.setBrush(ink)
    p.drawPath(arrow)


def _draw_incidents(p: QPainter, ink: QColor) -> None:
    tri = QPainterPath()
    tri.moveTo(12, 2.5)
    tri.lineTo(22.5, 21)
    tri.lineTo(1.5, 21)
    tri.closeSubpath()
    p.setPen(_pen(ink, 2.4))
    p.setBrush(ink)
    p.drawPath(tri)
    p.setPen(_pen(PAPER, 2.6))
    p.drawLine(QPointF(12, 9), QPointF(12, 14.5))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(PAPER)
    p.drawEllipse(QPointF(12, 18.1), 1.5, 1.5)


def _draw_guide(p: QPainter, ink: QColor) -> None:
    p.setPen(_pen(ink, 1.2))
    p.setBrush(ink)
    for sign in (-1, 1):
        page = QPainterPath()
        page.moveTo(12, 6)
        page.cubicTo(12 + sign * 3, 3.5, 12 + sign * 7, 3.5, 12 + sign * 10.5, 4.5)
        page.lineTo(12 + sign * 10.5, 19)
        page.cubicTo(12 + sign * 7, 18, 12 + sign * 3, 18, 12, 20.5)
        page.closeSubpath()
        p.drawPath(page)
    p.setPen(_pen(PAPER, 1.3))
    for sign in (-1, 1):
        for y in (8.5, 11.5, 14.5):
            p.drawLine(QPointF(12 + sign * 2.6, y), QPointF(12 + sign * 8, y - 0.6))
    p.setPen(_pen(PAPER, 1.0))
    p.drawLine(QPointF(12, 6.5), QPointF(12, 20))


def _draw_reports(p: QPainter, ink: QColor) -> None:
    _page(p, ink, QRectF(4, 1.8, 16, 20.4))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ink)
    p.drawRoundedRect(QRectF(1, 10.5, 22, 9), 1.5, 1.5)
    # "PDF" in strokes (no font needed): three letters in 18 x 5.6 units
    p.setPen(_pen(PAPER, 1.5))
    p.setBrush(Qt.BrushStyle.NoBrush)
    top, bottom = 12.4, 17.6
    mid = (top + bottom) / 2
    letter_p = QPainterPath()
    letter_p.moveTo(3.6, bottom)
    letter_p.lineTo(3.6, top)
    letter_p.lineTo(5.6, top)
    letter_p.arcTo(QRectF(4.4, top, 2.6, mid - top + 0.3), 90, -180)
    letter_p.lineTo(3.6, mid + 0.3)
    p.drawPath(letter_p)
    letter_d = QPainterPath()
    letter_d.moveTo(9.6, top)
    letter_d.lineTo(9.6, bottom)
    letter_d.lineTo(11.2, bottom)
    letter_d.arcTo(QRectF(9.0, top, 5.0, bottom - top), -90, 180)
    letter_d.closeSubpath()
    p.drawPath(letter_d)
    p.drawLine(QPointF(16.6, bottom), QPointF(16.6, top))
    p.drawLine(QPointF(16.6, top), QPointF(20.2, top))
    p.drawLine(QPointF(16.6, mid), QPointF(19.4, mid))


def _draw_settings(p: QPainter, ink: QColor) -> None:
    gear = QPainterPath()
    gear.addEllipse(QPointF(12, 12), 7.2, 7.2)
    teeth = 8
    for i in range(teeth):
        tooth = QPainterPath()
        tooth.addRoundedRect(QRectF(-2.2, -11, 4.4, 6), 0.8, 0.8)
        transform = QTransform().translate(12, 12).rotate(i * 360 / teeth)
        gear = gear.united(transform.map(tooth))
    hole = QPainterPath()
    hole.addEllipse(QPointF(12, 12), 3.2, 3.2)
    gear = gear.subtracted(hole)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ink)
    p.drawPath(gear)


_DRAW = {
    "home": _draw_home,
    "contract": _draw_contract,
    "debts": _draw_debts,
    "remittances": _draw_remittances,
    "incidents": _draw_incidents,
    "guide": _draw_guide,
    "reports": _draw_reports,
    "settings": _draw_settings,
}
NAV_ICON_KEYS: tuple[str, ...] = tuple(_DRAW)


class _DrawnIconEngine(QIconEngine):
    """Paints one drawn icon at any size (vector drawing, so it is sharp at every device-pixel ratio)."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self._name = key

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ink = _DISABLED if mode == QIcon.Mode.Disabled else QColor(_COLOURS[self._name])
        side = min(rect.width(), rect.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2)
        painter.scale(side / 24, side / 24)
        _DRAW[self._name](painter, ink)
        painter.restore()

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        scale = max(1.0, scale)
        pixmap = QPixmap(QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale))))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, pixmap.rect(), mode, state)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def clone(self) -> QIconEngine:
        return _DrawnIconEngine(self._name)


def nav_icon(key: str) -> QIcon:
    """The sidebar icon for a section ("home", "contract", "debts", "remittances", "incidents", "guide",
    "reports", "settings")."""
    if key not in _DRAW:
        raise KeyError(key)
    return QIcon(_DrawnIconEngine(key))
