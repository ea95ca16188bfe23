"""What the Reports screen does: run the export off the GUI thread, preview, save, print, report the outcome."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QProgressDialog,
)

from handbook_app.i18n import N_, _
from handbook_app.i18n.formatting import (
    join_sentences,
)
from handbook_app.services.changes import Changes
from handbook_app.services.errors import VaultError
from handbook_app.services.report_preview import (
    PreviewDocument,
    RenderError,
    rasteriser_available,
    record_print,
)
from handbook_app.services.reports import (
    REPORT_KINDS,
    ReportCancelled,
    ReportOptions,
    ReportResult,
    export_report,
    preview_report,
)
from handbook_app.ui import file_dialogs, messages
from handbook_app.ui.screens.reports_screen_build import PRINT_DPI
from handbook_app.ui.worker import run_async


class ReportActions:
    """Mixed into ReportsScreen: preview, save and print, with progress, cancel and a status line."""

    # ------------------------------------------------------------------ running work
    def _start(self, label: str, work, on_done) -> None:
        """Run `work(progress, cancelled)` off the GUI thread with a progress dialog and Cancel."""
        if self._busy:
            return
        self._busy = True
        self._cancel = False
        generation = self._generation
        self._set_buttons_enabled(False)
        dialog = QProgressDialog(label, _("Cancel"), 0, 100, self)
        dialog.setObjectName("reportProgress")
        dialog.setWindowTitle(_("Reports"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        dialog.setValue(0)
        self.progress_dialog = dialog  # not context-tracked: it is deleted when the work ends; clear() closes it
        bridge = self._bridge

        def progress(done: int, total: int) -> None:  # worker thread
            bridge.progress.emit(done, total)

        def finish() -> bool:
            self._busy = False
            self._set_buttons_enabled(True)
            if self.progress_dialog is dialog:
                self.progress_dialog = None
            dialog.canceled.disconnect(self.cancel)
            dialog.close()
            dialog.deleteLater()
            return generation == self._generation

        def done(result) -> None:
            if finish():
                on_done(result)

        def failed(exc: Exception) -> None:
            if finish():
                self._failed(exc)

        run_async(lambda: work(progress, lambda: self._cancel), done, failed)

    def busy(self) -> bool:
        return self._busy

    def cancel(self) -> None:
        self._cancel = True
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(_("Stopping…"))

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress_dialog is not None and total:
            self.progress_dialog.setValue(max(0, min(100, round(100 * done / total))))

    def _set_buttons_enabled(self, on: bool) -> None:
        self.preview_button.setEnabled(on)
        self.save_button.setEnabled(on)
        self.print_button.setEnabled(on and rasteriser_available())

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ReportCancelled):
            self._set_status(N_("Cancelled. No file was written and nothing was recorded."))
        elif isinstance(exc, (VaultError, RenderError)):
            self._set_status(None)
            messages.error(self, str(exc))
        elif isinstance(exc, ValueError):  # options the reports layer refused
            self._set_status(None)
            messages.error(self, _("These choices cannot be used: {reason}").format(reason=exc))
        else:
            self._set_status(None)
            messages.error(self, _("The PDF could not be made: {reason}").format(reason=exc))

    # ------------------------------------------------------------------ preview
    def preview(self) -> None:
        hb = self.context.handbook
        options = self.build_options(with_password=False)  # the preview never leaves memory
        if hb is None or options is None:
            return
        kind = self.kind()
        self._set_status(None)
        self._start(_("Preparing the preview…"),
                    lambda progress, cancelled: preview_report(hb, kind, options, progress, cancelled),
                    lambda pv: self._show_preview(kind, pv))

    def _show_preview(self, kind: str, pv) -> None:
        from handbook_app.ui.dialogs.report_preview import ReportPreviewDialog

        document = PreviewDocument(pv.data, pv.pages, pv.missing_glyphs)
        self.last_preview = document
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        dialog = ReportPreviewDialog(document, _(REPORT_KINDS[kind]), self,
                                     print_callback=self.print_report if document.can_render else None)
        self.preview_dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._preview_closed(d))
        self.context.track(dialog)
        dialog.show()

    def _preview_closed(self, dialog) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None
        if self.last_preview is dialog.document:
            self.last_preview = None

    # ------------------------------------------------------------------ save
    def suggested_name(self) -> str:
        # File names in the user's language (translators: short, without any of / \\ : * ? " < > |).
        names = {"evidence": _("evidence-pack"), "debt-summary": _("debt-summary"), "shortfall": _("wage-shortfall")}
        return "{name}-{day}.pdf".format(name=names.get(self.kind(), _("report")), day=dt.date.today().isoformat())

    def save(self) -> None:
        hb = self.context.handbook
        if hb is None or self._busy:
            return
        options = self.build_options()
        if options is None:
            return
        path = file_dialogs.save_file(
            self, _("Save the report as PDF"), str(Path.home() / self.suggested_name()), _("PDF files (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        kind = self.kind()
        self._set_status(None)
        self._saving_protected = bool(options.password)
        self._start(_("Making the PDF…"),
                    lambda progress, cancelled: export_report(hb, kind, path, options, progress, cancelled),
                    self._saved)

    def _saved(self, result: ReportResult) -> None:
        self.last_result = result
        self.password.clear()
        self.password_again.clear()
        protected = getattr(self, "_saving_protected", False)
        self._saving_protected = False
        # The password boxes are empty again, so the banner above says "not protected" for the next file:
        # say plainly that this one has its password.
        extra = (N_("This file is protected with the password you chose."),) if protected else ()
        values = {"path": str(result.path), "pages": result.pages, "sha256": result.sha256}
        if result.missing_glyphs:
            values["chars"] = ", ".join(result.missing_glyphs)
            self._set_status(N_("Saved {path} — {pages} pages. SHA-256: {sha256}. The handover was recorded in "
                                "the history. Some characters have no font and show as “�”: {chars}"), values, extra)
        else:
            self._set_status(N_("Saved {path} — {pages} pages. SHA-256: {sha256}. The handover was recorded in "
                                "the history."), values, extra)
        self.context.notify(Changes(frozenset({"audit"})))

    # ------------------------------------------------------------------ print
    def print_report(self) -> None:
        hb = self.context.handbook
        if hb is None or self._busy or not rasteriser_available():
            return
        options = self.build_options(with_password=False)  # paper has no password
        if options is None:
            return
        kind = self.kind()
        if self.last_preview is not None and self.preview_dialog is not None and self.last_preview.data:
            self._choose_printer(kind, options, self.last_preview)
            return
        self._start(_("Preparing the pages…"),
                    lambda progress, cancelled: preview_report(hb, kind, options, progress, cancelled),
                    lambda pv: self._choose_printer(kind, options,
                                                    PreviewDocument(pv.data, pv.pages, pv.missing_glyphs)))

    def _choose_printer(self, kind: str, options: ReportOptions, document: PreviewDocument) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(_(REPORT_KINDS[kind]))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print the report"))
        self.context.track(dialog)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer, kind, options, document)

    def print_to(self, printer, kind: str, options: ReportOptions, document: PreviewDocument) -> int:
        """Draw each page image on `printer`; record the handover. Returns the pages printed."""
        from PySide6.QtGui import QImage, QPainter
        from PySide6.QtPrintSupport import QPrinter

        hb = self.context.handbook
        if hb is None:
            return 0
        progress = QProgressDialog(_("Printing…"), _("Cancel"), 0, document.pages, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self.context.track(progress)
        painter = QPainter()
        if not painter.begin(printer):
            progress.close()
            messages.error(self, _("The printer could not be started."))
            return 0
        printed = 0
        dpi = min(PRINT_DPI, max(72, printer.resolution()))
        try:
            for index, png in document.page_images(dpi, cancelled=progress.wasCanceled):
                if index:
                    printer.newPage()
                image = QImage.fromData(png, "PNG")
                area = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
                area.moveTo(0, 0)
                scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                x = (area.width() - scaled.width()) // 2
                painter.drawImage(QPoint(x, 0), image.scaled(
                    scaled, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
                printed += 1
                progress.setValue(printed)
                QApplication.processEvents()
        except RenderError as exc:
            painter.end()
            progress.close()
            messages.error(self, str(exc))
            return 0
        cancelled = progress.wasCanceled()
        if cancelled:
            printer.abort()
        painter.end()
        progress.close()
        if cancelled:
            self._set_status(N_("Printing was cancelled. Nothing was recorded."))
            return 0
        try:
            changes = record_print(hb, kind, options, document.data, printed)
        except VaultError as exc:
            messages.error(self, str(exc))
            return printed
        self._set_status(N_("Sent {pages} pages to the printer. The handover was recorded in the history."),
                         {"pages": printed})
        self.context.notify(changes)
        return printed

    # ------------------------------------------------------------------ status line
    def _set_status(self, message: str | None, values: dict | None = None, extra: tuple[str, ...] = ()) -> None:
        """`message` and any `extra` sentences are English msgids, translated when shown (and on a switch)."""
        self._status = (message, values or {}, extra) if message else None
        self._show_status()

    def _show_status(self) -> None:
        if self._status is None:
            self.status.clear()
            self.status.hide()
            return
        message, values, extra = self._status
        self.status.setText(join_sentences(_(m).format(**values) for m in (message, *extra)))
        self.status.show()
