"""The window's safety commands: the recovery sheet, opening a vault with its code, backups and restore.

Kept out of main_window.py (which many hands edit); the window creates one `SafetyActions` and
calls it. Every dialog is tracked by the context, so a lock or quick exit closes it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from handbook_app.i18n import _
from handbook_app.services import recovery
from handbook_app.services.errors import VaultError, WrongPassphraseOrNotVault
from handbook_app.ui import file_dialogs, messages
from handbook_app.ui.worker import run_async


class SafetyActions:
    def __init__(self, window) -> None:
        self.window = window
        self.sheet_dialog = None
        self.recover_dialog = None

    @property
    def context(self):
        return self.window.context

    # --- the recovery sheet ----------------------------------------------------------------------
    def recovery_sheet(self):
        """Ask the current passphrase, then show the sheet."""
        from handbook_app.ui.dialogs.recovery_dialog import SheetPassphraseDialog

        hb = self.context.handbook
        if hb is None:
            return None
        dialog = SheetPassphraseDialog(self.window)
        self.context.track(dialog)

        def submitted(passphrase: str) -> None:
            if self.context.handbook is not hb:
                dialog.reject()
                return
            try:
                sheet = recovery.make_sheet(hb, passphrase)
            except WrongPassphraseOrNotVault as exc:
                dialog.show_error(str(exc))
                return
            except VaultError as exc:
                dialog.show_error(str(exc))
                return
            dialog.accept()
            self.show_sheet(sheet)

        dialog.submitted.connect(submitted)
        dialog.open()
        self.passphrase_dialog = dialog
        return dialog

    def show_sheet(self, sheet):
        from handbook_app.ui.dialogs.recovery_dialog import RecoverySheetDialog

        dialog = RecoverySheetDialog(sheet, self.window)
        self.context.track(dialog)
        dialog.print_requested.connect(lambda: self.print_sheet(dialog))
        dialog.save_requested.connect(lambda: self.save_sheet(dialog))
        dialog.open()
        self.sheet_dialog = dialog
        return dialog

    def print_sheet(self, dialog) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        chooser = QPrintDialog(printer, dialog)
        self.context.track(chooser)
        if chooser.exec() == QDialog.DialogCode.Accepted and dialog.sheet is not None:
            dialog.print_to(printer)

    def save_sheet(self, dialog) -> None:
        sheet = dialog.sheet
        if sheet is None:
            return
        if not messages.ask(
            dialog, _("Save the sheet as a file?"),
            _("The file opens your vault just like the paper does. Print it, then delete the file. Never keep it "
              "beside the vault or on the same USB stick."),
            yes=_("Save as PDF…")):
            return
        path = file_dialogs.save_file(dialog, _("Save as PDF…"), str(Path.home() / "recovery-sheet.pdf"),
                                      _("PDF files (*.pdf)"))
        if not path or dialog.sheet is None:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            recovery.save_sheet_pdf(sheet, path)
        except VaultError as exc:
            messages.error(dialog, str(exc))

    def after_passphrase_change(self, hb, new_passphrase: str) -> None:
        """A changed passphrase voids the old sheet: say so and offer a new one at once."""
        if recovery.sheet_state(hb) != "void" or self.context.handbook is not hb:
            return
        if messages.ask(self.window, _("Your recovery sheet no longer works"),
                        _("The passphrase changed, so the recovery sheet you printed before cannot open this "
                          "vault any more. Destroy it and make a new one."),
                        yes=_("Make a new sheet"), no=_("Later")) and self.context.handbook is hb:
            try:
                self.show_sheet(recovery.make_sheet(hb, new_passphrase))
            except VaultError as exc:
                messages.error(self.window, str(exc))

    # --- forgot the passphrase -------------------------------------------------------------------------
    def recover_with_code(self):
        from handbook_app.ui.dialogs.recovery_dialog import RecoverWithCodeDialog

        window = self.window
        path = window.vault_path
        if path is None:
            return None
        dialog = RecoverWithCodeDialog(str(path), window)
        self.context.track(dialog)
        actor = window.unlock_screen.actor()

        def submitted(code: str, new_passphrase: str) -> None:
            dialog.set_busy(True)

            def work():
                hb, info = recovery.unlock_with_code(path, code, actor)
                try:
                    recovery.set_new_passphrase(hb, new_passphrase)
                except BaseException:
                    hb.lock()  # never left open without a passphrase the user knows
                    raise
                return hb, info

            def done(result) -> None:
                hb, info = result
                if not dialog.isVisible():  # locked or closed meanwhile
                    hb.lock()
                    return
                dialog.set_busy(False)
                dialog.accept()
                window.enter(hb, info)
                self.after_passphrase_change(hb, new_passphrase)

            def failed(exc: Exception) -> None:
                dialog.set_busy(False)
                if dialog.isVisible():
                    dialog.show_code_error(str(exc) if isinstance(exc, VaultError) else
                                           _("The vault could not be opened: {reason}").format(reason=exc))

            run_async(work, done, failed)

        dialog.submitted.connect(submitted)
        dialog.open()
        self.recover_dialog = dialog
        return dialog
