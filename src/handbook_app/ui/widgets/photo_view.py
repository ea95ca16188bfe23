"""A photo shown from memory, fitted to its window, with zoom and pan (wheel, keys, buttons, drag).

Fitted until the user zooms: resizing the window keeps it fitted. Keys: + and - zoom, 0 fits, 1 shows
100 %, the arrow keys pan. The wheel zooms around the pointer; dragging pans. Nothing touches the disk.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPainter, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

STEP = 1.25
MIN_SCALE = 0.02
MAX_SCALE = 8.0


class PhotoView(QGraphicsView):
    zoom_changed = Signal(float)  # the scale now: 1.0 = 100 %

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoView")
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fitted = True

    # --- picture -----------------------------------------------------------------------------------
    def set_image(self, image: QImage) -> None:
        self.item.setPixmap(QPixmap.fromImage(image))
        self.scene().setSceneRect(QRectF(self.item.pixmap().rect()))
        self.fit()

    def clear(self) -> None:
        self.item.setPixmap(QPixmap())

    def has_image(self) -> bool:
        return not self.item.pixmap().isNull()

    # --- zoom --------------------------------------------------------------------------------------
    def scale_factor(self) -> float:
        return self.transform().m11()

    def fit(self) -> None:
        self.fitted = True
        if self.has_image():
            self.fitInView(self.item, Qt.AspectRatioMode.KeepAspectRatio)
            if self.scale_factor() > 1.0:  # a small picture is not blown up past 100 %
                self.resetTransform()
        self.zoom_changed.emit(self.scale_factor())

    def actual_size(self) -> None:
        self.fitted = False
        self.resetTransform()
        self.zoom_changed.emit(1.0)

    def zoom_by(self, factor: float) -> None:
        target = min(MAX_SCALE, max(MIN_SCALE, self.scale_factor() * factor))
        self.fitted = False
        self.scale(target / self.scale_factor(), target / self.scale_factor())
        self.zoom_changed.emit(self.scale_factor())

    def zoom_in(self) -> None:
        self.zoom_by(STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / STEP)

    # --- events ------------------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by(STEP if delta > 0 else 1 / STEP)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit()
        elif key == Qt.Key.Key_1:
            self.actual_size()
        else:
            super().keyPressEvent(event)  # arrow keys and Page Up/Down pan

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.fitted:
            self.fit()
