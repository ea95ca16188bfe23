"""The app's icon, a small green notebook, drawn at every size (packaging/icons/trainee-handbook.svg is
the same drawing as files). Its own module so a cold start does not load the sidebar's icon engines."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap


@cache
def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = size / 64
        p.setBrush(QColor("#1f7a5a"))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(QRectF(10 * s, 6 * s, 44 * s, 52 * s), 6 * s, 6 * s)
        p.setBrush(QColor("#f4f1e8"))
        p.drawRoundedRect(QRectF(18 * s, 12 * s, 32 * s, 40 * s), 3 * s, 3 * s)
        pen = QPen(QColor("#1f7a5a"))
        pen.setWidthF(max(1.0, 2.5 * s))
        p.setPen(pen)
        for y in (22, 30, 38):
            p.drawLine(int(23 * s), int(y * s), int(45 * s), int(y * s))
        p.end()
        icon.addPixmap(pixmap)
    return icon
