"""Render the SVG master into the PNG sizes and the Windows .ico (run after changing the SVG).

    QT_QPA_PLATFORM=offscreen python packaging/icons/make_icons.py
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def main() -> None:
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(HERE / "trainee-handbook.svg"))
    pngs = {size: render(renderer, size) for size in SIZES}
    for size, data in pngs.items():
        (HERE / f"trainee-handbook-{size}.png").write_bytes(data)
    largest = Image.open(io.BytesIO(pngs[256]))
    largest.save(HERE / "trainee-handbook.ico", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[Image.open(io.BytesIO(pngs[s])) for s in ICO_SIZES if s != 256])


if __name__ == "__main__":
    main()
