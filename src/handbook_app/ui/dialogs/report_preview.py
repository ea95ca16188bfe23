"""The in-app preview of a report: one page at a time, drawn in memory (nothing written to disk).

Pages are images drawn by PDFium (services.report_preview); should it fail to load, the
dialog says so and shows the text of each page, which is exactly what a reader can copy out of it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from handbook_app.i18n import _, ngettext
from handbook_app.services.report_preview import PreviewDocument, RenderError
from handbook_app.ui.lang import follow_language, translate_buttons
from handbook_app.ui.widgets.field import ERROR_STYLE

PREVIEW_DPI = 80


class ReportPreviewDialog(QDialog):
    def __init__(self, document: PreviewDocument, title: str, parent: QWidget | None = None,
                 print_callback: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportPreview")
        self.document = document
        self.title = title
        self.index = 0
        self.print_callback = print_callback
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(760, 860)

        self.info = QLabel(self)
        self.info.setObjectName("previewInfo")
        self.info.setWordWrap(True)
        self.missing = QLabel(self)
        self.missing.setObjectName("previewMissing")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(ERROR_STYLE)
        self.missing.setVisible(bool(document.missing_glyphs))

        self.image = QLabel()
        self.image.setObjectName("pageImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("pageText")
        self.text.setReadOnly(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.scroll)
        self.stack.addWidget(self.text)

        self.prev_button = QPushButton(self)
        self.prev_button.setObjectName("previousPage")
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("nextPage")
        self.page_label = QLabel(self)
        self.page_spin = QSpinBox(self)
        self.page_spin.setObjectName("pageNumber")
        self.page_spin.setRange(1, max(1, document.pages))
        self.page_label.setBuddy(self.page_spin)
        self.of_label = QLabel(self)
        self.prev_button.clicked.connect(lambda: self.show_page(self.index - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.index + 1))
        self.page_spin.valueChanged.connect(lambda value: self.show_page(value - 1))
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addStretch(1)
        nav.addWidget(self.page_label)
        nav.addWidget(self.page_spin)
        nav.addWidget(self.of_label)
        nav.addStretch(1)
        nav.addWidget(self.next_button)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.print_button = None
        if print_callback is not None:
            self.print_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
            self.print_button.setObjectName("previewPrint")
            self.print_button.clicked.connect(print_callback)

        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.missing)
        layout.addWidget(self.stack, 1)
        layout.addLayout(nav)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, activated=lambda: self.show_page(self.index + 1))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, activated=lambda: self.show_page(self.index - 1))
        follow_language(self, self.retranslate)
        self.finished.connect(lambda _result: self._forget())
        self.retranslate()
        self.show_page(0)

    def _forget(self) -> None:
        self.image.clear()
        self.text.clear()
        self.document.forget()

    def retranslate(self, *_args: object) -> None:
        self.setWindowTitle(_("Preview: {title}").format(title=self.title))
        pages = ngettext("{count} page", "{count} pages", self.document.pages).format(count=self.document.pages)
        if self.document.can_render:
            text = _("{pages}. This preview is kept in memory only: nothing has been saved or recorded.")
        else:
            text = _("{pages}. Page images cannot be drawn on this computer (PDFium did not load), so the "
                     "text of each page is shown instead. Nothing has been saved or recorded.")
        self.info.setText(text.format(pages=pages))
        if self.document.missing_glyphs:
            self.missing.setText(_("Some characters have no font and show as “�” in the PDF: {chars}").format(
                chars=", ".join(self.document.missing_glyphs)))
        self.prev_button.setText(_("Previous page"))
        self.next_button.setText(_("Next page"))
        self.prev_button.setAccessibleName(_("Previous page"))
        self.next_button.setAccessibleName(_("Next page"))
        self.prev_button.setToolTip(_("Previous page (Page Up)"))
        self.next_button.setToolTip(_("Next page (Page Down)"))
        self.page_label.setText(_("Page"))
        self.page_spin.setAccessibleName(_("Page number"))
        self.of_label.setText(_("of {pages}").format(pages=self.document.pages))
        self.scroll.setAccessibleName(_("Page image"))
        self.text.setAccessibleName(_("Text of the page"))
        if self.print_button is not None:
            self.print_button.setText(_("Print…"))
            self.print_button.setAccessibleName(_("Print this report"))
        translate_buttons(self.buttons)

    def show_page(self, index: int) -> None:
        if not 0 <= index < self.document.pages:
            return
        self.index = index
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(index + 1)
        self.page_spin.blockSignals(False)
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.document.pages - 1)
        if self.document.can_render:
            try:
                png = self.document.page_image(index, PREVIEW_DPI)
            except RenderError as exc:
                self._show_text(index, str(exc))
                return
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            self.image.setPixmap(pixmap)
            self.image.setAccessibleDescription(
                _("Page {page} of {pages}").format(page=index + 1, pages=self.document.pages))
            self.stack.setCurrentWidget(self.scroll)
        else:
            self._show_text(index)

    def _show_text(self, index: int, note: str = "") -> None:
        text = self.document.page_text(index)
        self.text.setPlainText(f"{note}\n\n{text}" if note else text)
        self.stack.setCurrentWidget(self.text)

    def showing_image(self) -> bool:
        pixmap = self.image.pixmap()
        return self.stack.currentWidget() is self.scroll and pixmap is not None and not pixmap.isNull()
