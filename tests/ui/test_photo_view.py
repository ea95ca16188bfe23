"""Issue 16 item 13: a 4000×3000 photo opens fitted to the viewer, with zoom and pan, from memory."""

from __future__ import annotations

import io

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QWheelEvent
from PySide6.QtWidgets import QApplication

from handbook_app.core import records as r
from handbook_app.ui.context import AppContext
from handbook_app.ui.dialogs.attachment_viewer import AttachmentViewer


def _photo_bytes(width: int = 4000, height: int = 3000) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#dde8f0"))
    painter = QPainter(image)
    painter.fillRect(width // 2 - 200, height // 2 - 100, 400, 200, QColor("#202020"))  # the "writing"
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def _viewer(qtbot, handbook) -> AttachmentViewer:
    incident = handbook.add(r.Incident(title="photo")).record
    handbook.add_attachment(incident, io.BytesIO(_photo_bytes()), "phone.png")
    att = handbook.attachments(incident)[0]
    context = AppContext()
    context.handbook = handbook
    viewer = AttachmentViewer(context, att)
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    return viewer


def _item_on_screen(view):
    return view.mapFromScene(view.item.sceneBoundingRect()).boundingRect()


def test_big_photo_opens_fitted_whole_in_the_window(qtbot, handbook):
    viewer = _viewer(qtbot, handbook)
    view = viewer.picture
    assert viewer.image.width() == 4000  # kept whole: readable at 100 %
    shown = _item_on_screen(view)
    viewport = view.viewport().rect().adjusted(-2, -2, 2, 2)
    assert viewport.contains(shown), (shown, viewport)
    assert shown.width() >= view.viewport().width() - 4 or shown.height() >= view.viewport().height() - 4
    assert view.scale_factor() < 0.5 and viewer.zoom_label.text().endswith("%")
    # the dark block in the middle is on screen (the old viewer showed a blank corner)
    grab = view.viewport().grab().toImage()
    centre = grab.pixelColor(grab.width() // 2, grab.height() // 2)
    assert centre.lightness() < 80
    screen = QApplication.primaryScreen().availableGeometry()
    assert viewer.width() <= screen.width() and viewer.height() <= screen.height()


def test_zoom_and_pan_with_buttons_keys_and_wheel(qtbot, handbook):
    viewer = _viewer(qtbot, handbook)
    view = viewer.picture
    fitted = view.scale_factor()
    viewer.zoom_in_button.click()
    assert view.scale_factor() > fitted
    viewer.zoom_out_button.click()
    assert abs(view.scale_factor() - fitted) < 1e-6
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert view.scale_factor() == 1.0 and viewer.zoom_label.text() == "100 %"
    bar = view.horizontalScrollBar()
    before = bar.value()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert bar.value() > before  # panned
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert abs(view.scale_factor() - fitted) < 1e-6
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(centre, view.mapToGlobal(centre.toPoint()), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.scale_factor() > fitted
    viewer.fit_button.click()
    viewer.resize(viewer.width() + 200, viewer.height())
    qtbot.wait(20)
    assert view.scale_factor() >= fitted  # still fitted after the window grows


def test_closing_drops_the_picture(qtbot, handbook):
    viewer = _viewer(qtbot, handbook)
    viewer.reject()
    assert viewer.image is None and not viewer.picture.has_image()
