"""View an attachment inside the app: images from bytes in memory (never a temporary file);
for PDF files, recordings and anything else, what is known about it and "Export a copy" only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QScrollArea,
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

VIEW_LIMIT = 64 * 1024 * 1024


class AttachmentViewer(QDialog):
    def __init__(self, context: AppContext, attachment: r.Attachment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentViewer")
        self.context = context
        self.attachment = attachment
        self.image: QImage | None = None
        layout = QVBoxLayout(self)
        self.picture = QLabel(self)
        self.picture.setObjectName("picture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.picture)
        self.scroll.setWidgetResizable(True)
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
        layout.addWidget(self.message)
        layout.addWidget(info)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("exportCopy")
        self.export_button.clicked.connect(lambda: export_copy(self, self.context, self.attachment))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._load()
        self.resize(760, 640 if self.image is not None else 300)
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
        shown = image if image.width() <= 1600 else image.scaledToWidth(1600, Qt.TransformationMode.SmoothTransformation)
        self.picture.setPixmap(QPixmap.fromImage(shown))

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
        translate_buttons(self.buttons)

    def done(self, result: int) -> None:
        self.picture.clear()
        self.image = None
        super().done(result)
