"""Attachments of one saved record: thumbnails made in memory, SHA-256 shown, add by file or drop,
view inside the app, export a copy only on purpose (with a plain warning).

Nothing here writes plaintext to disk: thumbnails come from `QImage.fromData` on bytes read from
the vault and live only in the list; the one file ever written is the copy the user asks for.
Large files are streamed into the vault off the GUI thread with progress and a Cancel button.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core import records as r
from handbook_app.i18n import _
from handbook_app.i18n.formatting import format_date, format_decimal
from handbook_app.services.errors import VaultError
from handbook_app.services.handbook import MAX_ATTACHMENT_BYTES
from handbook_app.services.work import THUMBNAIL_LIMIT, AttachmentCancelled, is_image
from handbook_app.ui import file_dialogs, messages
from handbook_app.ui.context import AppContext
from handbook_app.ui.worker import run_async

THUMB = 72
ATTACHMENT_ROLE = Qt.ItemDataRole.UserRole + 10


def format_size(size: int) -> str:
    from decimal import Decimal

    if size < 1024:
        return _("{count} bytes").format(count=size)
    if size < 1024**2:
        return _("{size} KB").format(size=format_decimal(Decimal(size / 1024).quantize(Decimal("0.1"))))
    if size < 1024**3:
        return _("{size} MB").format(size=format_decimal(Decimal(size / 1024**2).quantize(Decimal("0.1"))))
    return _("{size} GB").format(size=format_decimal(Decimal(size / 1024**3).quantize(Decimal("0.01"))))


def thumbnail(data: bytes, size: int = THUMB) -> QPixmap | None:
    """A thumbnail from bytes in memory (None when Qt cannot read them as an image)."""
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return QPixmap.fromImage(image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))


def export_copy(parent: QWidget, context: AppContext, attachment: r.Attachment) -> bool:
    """Write a plaintext copy where the user chooses, after saying plainly that it is not protected."""
    if not messages.ask(
        parent, _("Export a copy?"),
        _("The copy of “{name}” will NOT be encrypted: anyone who can open that folder can read it.").format(
            name=attachment.name),
        yes=_("Export a copy…"),
        detail=_("The original stays safe inside the vault. Delete the copy when you no longer need it."),
    ):
        return False
    dest = file_dialogs.save_file(parent, _("Export a copy"), attachment.name)
    if not dest:
        return False
    try:
        hb = context.require()
        hb.export_attachment(attachment.id, dest)
        hb.record_event("export", r.Attachment.KIND, {"attachment": attachment.id, "sha256": attachment.sha256})
    except VaultError as exc:
        messages.error(parent, str(exc))
        return False
    return True


class _Progress(QObject):
    moved = Signal(object, object)  # done bytes, total bytes (Python ints: may exceed 2**31)


class AttachmentsPanel(QWidget):
    """The attachments of `owner` (a saved record of a kind in ATTACHMENT_OWNERS), or a note to save first."""

    changed = Signal()

    def __init__(self, context: AppContext, owner: r.Record | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachments")
        self.context = context
        self.owner: r.Record | None = None
        self.adding = False
        self.progress: QProgressDialog | None = None
        self.last_error = ""
        self.setAcceptDrops(True)

        self.note = QLabel(self)
        self.note.setObjectName("attachmentsNote")
        self.note.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("attachmentList")
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(lambda _row: self._selection_changed())
        self.list.itemDoubleClicked.connect(lambda _item: self.view_selected())
        self.details = QLabel(self)
        self.details.setObjectName("attachmentDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addAttachment")
        self.add_button.clicked.connect(self.choose_files)
        self.view_button = QPushButton(self)
        self.view_button.setObjectName("viewAttachment")
        self.view_button.clicked.connect(self.view_selected)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportAttachment")
        self.export_button.clicked.connect(self.export_selected)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("removeAttachment")
        self.remove_button.clicked.connect(self.remove_selected)
        # One row while there is nothing to show: the note and Add (the form keeps the room). With the first
        # attachment the list appears, as tall as its rows (two at most), with its buttons beside it.
        top = QHBoxLayout()
        top.addWidget(self.note, 1)
        top.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.view_button, self.export_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.buttons_column = QWidget(self)
        self.buttons_column.setLayout(buttons)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 1)
        middle.addWidget(self.buttons_column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(middle)
        layout.addWidget(self.details)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.retranslate()
        self.set_owner(owner)

    # --- content -------------------------------------------------------------------------------
    def set_owner(self, owner: r.Record | None) -> None:
        self.owner = owner if owner is not None and owner.id is not None else None
        self.refresh()

    def enabled(self) -> bool:
        return self.owner is not None and self.context.handbook is not None and not self.adding

    def refresh(self) -> None:
        self.list.clear()
        self.details.clear()
        hb = self.context.handbook
        if self.owner is not None and hb is not None and hb.is_open:
            try:
                for att in hb.attachments(self.owner):
                    self._add_item(att)
            except VaultError as exc:
                self.details.setText(str(exc))
        self._update()

    def clear(self) -> None:
        self.list.clear()
        self.details.clear()
        self.owner = None
        self._update()

    def attachments(self) -> list[r.Attachment]:
        return [self.list.item(i).data(ATTACHMENT_ROLE) for i in range(self.list.count())]

    def _icon_for(self, att: r.Attachment) -> QIcon:
        hb = self.context.handbook
        if is_image(att) and att.size <= THUMBNAIL_LIMIT and hb is not None:
            try:
                pixmap = thumbnail(hb.attachment_bytes(att.id, limit=THUMBNAIL_LIMIT))
            except (VaultError, KeyError):
                pixmap = None
            if pixmap is not None:
                return QIcon(pixmap)
        style = self.style()
        if att.media_type.startswith("audio/"):
            return style.standardIcon(QStyle.StandardPixmap.SP_MediaVolume)
        return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def _add_item(self, att: r.Attachment) -> None:
        item = QListWidgetItem(self._icon_for(att), self._item_text(att))
        item.setData(ATTACHMENT_ROLE, att)
        item.setToolTip(f"{att.name}\nSHA-256: {att.sha256}")
        self.list.addItem(item)

    def _item_text(self, att: r.Attachment) -> str:
        return f"{att.name}\n{format_size(att.size)} · SHA-256 {att.sha256[:16]}…"

    def selected(self) -> r.Attachment | None:
        item = self.list.currentItem()
        return item.data(ATTACHMENT_ROLE) if item is not None else None

    def has_thumbnail(self, row: int = 0) -> bool:
        item = self.list.item(row)
        if item is None:
            return False
        att = item.data(ATTACHMENT_ROLE)
        return is_image(att) and not item.icon().isNull() and item.icon().cacheKey() != self.style().standardIcon(
            QStyle.StandardPixmap.SP_FileIcon).cacheKey()

    def _selection_changed(self) -> None:
        att = self.selected()
        if att is None:
            if self.list.count():
                self.details.setText("")
        else:
            added = format_date(att.captured) if att.captured else ""
            self.details.setText(_("{name} — {type}, {size}{added}\nSHA-256: {sha}").format(
                name=att.name, type=att.media_type, size=format_size(att.size),
                added=(", " + added) if added else "", sha=att.sha256))
        self._update()

    def is_compact(self) -> bool:
        """Nothing attached: one row (the note and Add) instead of an empty list and greyed-out buttons."""
        return self.list.count() == 0

    def _update(self) -> None:
        on = self.enabled()
        self.add_button.setEnabled(on)
        has = on and self.selected() is not None
        for button in (self.view_button, self.export_button, self.remove_button):
            button.setEnabled(has)
        self.list.setEnabled(self.owner is not None)
        empty = self.is_compact()
        self.list.setVisible(not empty)
        self.buttons_column.setVisible(not empty)
        self.details.setVisible(bool(self.details.text()))
        if not empty:
            rows = sum(self.list.sizeHintForRow(i) for i in range(min(self.list.count(), 2)))
            frame = 2 * self.list.frameWidth()
            self.list.setFixedHeight(max(rows, THUMB + 8) + frame + 4)
        if self.owner is None:
            self.note.setText(_("Save the record first; then you can add photos, PDF files and recordings here."))
        elif self.list.count() == 0:
            self.note.setText(_("No attachments yet. Add a photo, a PDF or a recording, or drop files here."))
        else:
            self.note.setText(_("Kept encrypted inside the vault. The SHA-256 fingerprint shows the file was not "
                                "changed later."))

    def retranslate(self) -> None:
        self.add_button.setText(_("Add a file…"))
        self.add_button.setToolTip(_("Add photos, PDF files or recordings (or drop them on this list)"))
        self.view_button.setText(_("View"))
        self.export_button.setText(_("Export a copy…"))
        self.export_button.setToolTip(_("Write an unencrypted copy to a folder you choose"))
        self.remove_button.setText(_("Delete…"))
        self.list.setAccessibleName(_("Attachments"))
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setText(self._item_text(item.data(ATTACHMENT_ROLE)))
        self._selection_changed()

    # --- adding --------------------------------------------------------------------------------
    def choose_files(self) -> None:
        if not self.enabled():
            return
        paths = file_dialogs.open_files(
            self, _("Add attachments"), "",
            _("Photos, PDF files and recordings (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.heic *.pdf *.mp3 *.m4a "
              "*.wav *.ogg *.aac *.amr);;All files (*)"))
        if paths:
            self.add_files(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.enabled() and event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.enabled():
            event.acceptProposedAction()
            self.add_files(paths)

    def add_files(self, paths: list[str | os.PathLike]) -> None:
        """Add each file in turn (streamed off the GUI thread, with progress and Cancel)."""
        queue = [Path(p) for p in paths]
        self._next(queue)

    def _next(self, queue: list[Path]) -> None:
        if not queue:
            return
        path = queue.pop(0)
        owner, hb = self.owner, self.context.handbook
        if owner is None or hb is None:
            return
        try:
            size = path.stat().st_size
        except OSError as exc:
            self._failed(_("The file could not be read: {reason}").format(reason=exc.strerror or exc))
            self._next(queue)
            return
        if path.is_dir():
            self._next(queue)
            return
        if size > MAX_ATTACHMENT_BYTES:
            try:  # the service says why, in its own words
                hb.add_attachment_file(owner, path)  # refused from the size alone, before any byte is read
            except VaultError as exc:
                self._failed(str(exc))
            self._next(queue)
            return
        stop = threading.Event()
        signals = _Progress(self)
        progress = QProgressDialog(self)
        progress.setObjectName("attachmentProgress")
        progress.setWindowTitle(_("Adding to the vault"))
        progress.setLabelText(_("Adding “{name}” ({size})…").format(name=path.name, size=format_size(size)))
        progress.setCancelButtonText(_("Cancel"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setRange(0, 1000)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(stop.set)
        signals.moved.connect(lambda done, total: progress.setValue(int(1000 * done / total) if total else 0))
        self.progress = progress
        self.adding = True
        self._update()

        def work():
            return hb.add_attachment_file(
                owner, path, progress=lambda done, total: signals.moved.emit(done, total), cancelled=stop.is_set)

        def finish() -> None:
            self.adding = False
            self.progress = None
            progress.close()
            progress.deleteLater()
            signals.deleteLater()

        def done(changes) -> None:
            finish()
            self.refresh()
            self.list.setCurrentRow(self.list.count() - 1)
            self.context.notify(changes)
            self.changed.emit()
            self._next(queue)

        def failed(exc: Exception) -> None:
            finish()
            if isinstance(exc, AttachmentCancelled):
                self.details.setText(_("Cancelled: “{name}” was not added.").format(name=path.name))
                self._update()
                return  # the rest of the queue is cancelled too
            self._failed(str(exc) if isinstance(exc, VaultError) else
                         _("“{name}” could not be added: {reason}").format(name=path.name, reason=exc))
            self._next(queue)

        run_async(work, done, failed)

    def _failed(self, text: str) -> None:
        self.last_error = text
        messages.error(self, text)

    # --- using ---------------------------------------------------------------------------------
    def view_selected(self) -> None:
        from handbook_app.ui.dialogs.attachment_viewer import AttachmentViewer

        att = self.selected()
        if att is None or self.context.handbook is None:
            return
        self.viewer = AttachmentViewer(self.context, att, self.window())
        self.viewer.open()

    def export_selected(self) -> None:
        att = self.selected()
        if att is not None:
            export_copy(self, self.context, att)

    def remove_selected(self) -> None:
        att = self.selected()
        hb = self.context.handbook
        if att is None or hb is None:
            return
        if not messages.ask(self, _("Delete this attachment?"),
                            _("“{name}” will be removed from the vault.").format(name=att.name), yes=_("Delete"),
                            detail=_("The record's history keeps its name and SHA-256, with who deleted it and when.")):
            return
        try:
            changes = hb.delete(r.Attachment, att.id)
        except VaultError as exc:
            messages.error(self, str(exc))
            return
        self.refresh()
        self.context.notify(changes)
        self.changed.emit()

    def cancel_adding(self) -> None:
        if self.progress is not None:
            with contextlib.suppress(RuntimeError):
                self.progress.cancel()
