"""View an attachment inside the app: images from bytes in memory (never a temporary file);
for PDF files, recordings and anything else, what is known about it and "Export a copy" only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core import records as r
from handbook_app.i18n import _
from handbook_app.services.errors import VaultError
from handbook_app.services.work import is_image
from handbook_app.ui.context import AppContext
from handbook_app.ui.lang import follow_language, translate_buttons
from handbook_app.ui.widgets.attachments import export_copy, format_size
from handbook_app.ui.widgets.photo_view import PhotoView

VIEW_LIMIT = 64 * 1024 * 1024
MAX_SIDE = 4096  # pixels kept in memory for a photo (a 4000×3000 phone photo stays whole)


class AttachmentViewer(QDialog):
    def __init__(self, context: AppContext, attachment: r.Attachment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentViewer")
        self.context = context
        self.attachment = attachment
        self.image: QImage | None = None
        layout = QVBoxLayout(self)
        # The photo, fitted to the window, with zoom and pan; the zoom buttons beside it.
        self.picture = PhotoView(self)
        self.zoom_bar = QWidget(self)
        bar = QHBoxLayout(self.zoom_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.zoom_out_button = QPushButton("−", self.zoom_bar)
        self.zoom_in_button = QPushButton("+", self.zoom_bar)
        self.fit_button = QPushButton(self.zoom_bar)
        self.actual_button = QPushButton(self.zoom_bar)
        self.zoom_label = QLabel(self.zoom_bar)
        self.zoom_label.setObjectName("zoomLevel")
        for button, slot, name in ((self.zoom_out_button, self.picture.zoom_out, "zoomOut"),
                                   (self.zoom_in_button, self.picture.zoom_in, "zoomIn"),
                                   (self.fit_button, self.picture.fit, "zoomFit"),
                                   (self.actual_button, self.picture.actual_size, "zoomActual")):
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addWidget(self.zoom_label)
        bar.addStretch(1)
        self.picture.zoom_changed.connect(lambda scale: self.zoom_label.setText(f"{round(scale * 100)} %"))
        self.scroll = self.picture  # hidden when there is no picture to show
        self.message = QLabel(self)
        self.message.setObjectName("viewerMessage")
        self.message.setWordWrap(True)
        info = QWidget(self)
        form = QFormLayout(info)
        self.labels = {k: QLabel(info) for k in ("name", "type", "size", "sha")}
        self.values = {k: QLabel(info) for k in self.labels}
        for key in self.labels:
            self.values[key].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key].setWordWrap(True)
            form.addRow(self.labels[key], self.values[key])
        self.values["name"].setText(attachment.name)
        self.values["type"].setText(attachment.media_type)
        self.values["sha"].setText(attachment.sha256)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.zoom_bar)
        layout.addWidget(self.message)
        layout.addWidget(info)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("exportCopy")
        self.export_button.clicked.connect(lambda: export_copy(self, self.context, self.attachment))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._load()
        self.zoom_bar.setVisible(self.image is not None)
        available = (self.screen() or QApplication.primaryScreen()).availableGeometry()
        if self.image is not None:  # as large as the screen allows, so the fitted photo is readable
            self.resize(min(1100, available.width() - 40), min(860, available.height() - 80))
        else:
            self.resize(min(760, available.width() - 40), 300)
        context.track(self)
        follow_language(self, self.retranslate)
        self.retranslate()

    def _load(self) -> None:
        att = self.attachment
        if not is_image(att):
            self.scroll.hide()
            return
        try:
            data = self.context.require().attachment_bytes(att.id, limit=VIEW_LIMIT)
        except (VaultError, KeyError):
            self.scroll.hide()
            return
        image = QImage.fromData(data)
        del data
        if image.isNull():
            self.scroll.hide()
            return
        self.image = image
        if max(image.width(), image.height()) > MAX_SIDE:  # enough to read a document at 100 %
            image = image.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
            self.image = image
        self.picture.set_image(image)

    def retranslate(self, *_args) -> None:
        self.setWindowTitle(self.attachment.name)
        self.labels["name"].setText(_("Name"))
        self.labels["type"].setText(_("Type"))
        self.labels["size"].setText(_("Size"))
        self.labels["sha"].setText("SHA-256")
        self.values["size"].setText(format_size(self.attachment.size))
        if self.image is not None:
            self.message.setText(_("Shown from the vault without writing it to disk."))
        elif is_image(self.attachment):
            self.message.setText(_("This picture cannot be shown here (too large or unreadable). "
                                   "You can export a copy to open it with another program."))
        else:
            self.message.setText(_("This kind of file is not shown inside the app. To open it, export a copy "
                                   "(the copy is not encrypted)."))
        self.export_button.setText(_("Export a copy…"))
        self.zoom_out_button.setToolTip(_("Zoom out (−)"))
        self.zoom_in_button.setToolTip(_("Zoom in (+)"))
        self.fit_button.setText(_("Fit"))
        self.fit_button.setToolTip(_("Show the whole picture (0)"))
        self.actual_button.setText("100 %")
        self.actual_button.setToolTip(_("Actual size (1); drag or use the arrow keys to move around"))
        translate_buttons(self.buttons)

    def done(self, result: int) -> None:
        self.picture.clear()
        self.image = None
        super().done(result)
