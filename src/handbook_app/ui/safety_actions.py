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
        self.backup_folder: str | None = None  # the folder last backed up to, in memory only
        self._offering = False

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

    # --- drafts of forms open when the vault locked ---------------------------------------------------
    def offer_drafts(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from handbook_app.i18n.formatting import format_datetime
        from handbook_app.services import drafts

        hb = self.context.handbook
        if hb is None or self._offering:
            return
        try:
            pending = drafts.drafts(hb)
        except VaultError:
            return
        self._offering = True
        try:
            for draft in pending:
                if self.context.handbook is not hb:
                    return
                box = QMessageBox(self.window)
                box.setObjectName("draftQuestion")
                box.setIcon(QMessageBox.Icon.Question)
                box.setWindowTitle(_("A form was kept"))
                box.setText(_("When the vault locked, this form was open and not saved: {title} ({when}).").format(
                    title=draft.title, when=format_datetime(draft.saved_at.astimezone(), fmt="short")))
                box.setInformativeText(_("It was kept inside the vault. Open it to finish it?"))
                open_button = box.addButton(_("Open the form"), QMessageBox.ButtonRole.AcceptRole)
                delete_button = box.addButton(_("Delete it"), QMessageBox.ButtonRole.DestructiveRole)
                later = box.addButton(_("Later"), QMessageBox.ButtonRole.RejectRole)
                box.setDefaultButton(open_button)
                box.setEscapeButton(later)
                self.context.track(box)
                box.exec()
                if self.context.handbook is not hb:
                    return
                if box.clickedButton() is open_button:
                    self.open_draft(draft)
                    return  # one form at a time; the others are offered at the next unlock
                if box.clickedButton() is delete_button:
                    drafts.delete_draft(hb, draft.id)
        finally:
            self._offering = False


    def open_draft(self, draft):
        from handbook_app.services import drafts
        from handbook_app.ui.dialogs.form_guard import apply
        from handbook_app.ui.dialogs.money_dialogs import DIALOGS
        from handbook_app.ui.dialogs.record_dialog import RecordDialog

        hb = self.context.handbook
        cls = drafts.record_class(draft.kind)
        if hb is None or cls is None:
            return None
        record = hb.record(cls, draft.record_id) if draft.record_id is not None else None
        dialog = DIALOGS.get(cls, RecordDialog)(cls, record, self.context, self.window)
        dialog.open()
        apply(dialog.editors, draft.state.get("fields", {}))
        drafts.delete_draft(hb, draft.id)  # it lives in the open form now (a new lock keeps it again)
        self.draft_dialog = dialog
        return dialog

    # --- backups -------------------------------------------------------------------------------------
    def back_up(self):
        from handbook_app.services import backup
        from handbook_app.ui.dialogs.backup_dialog import BackupDialog

        hb = self.context.handbook
        if hb is None:
            return None
        dialog = BackupDialog(self.backup_folder or "", backup.KEEP, self.window)
        self.context.track(dialog)

        def submitted(folder: str, new_passphrase: str | None) -> None:
            if self.context.handbook is not hb:
                dialog.reject()
                return
            dialog.set_busy(True)

            def done(written) -> None:
                dialog.set_busy(False)
                self.backup_folder = folder  # for this session only, never in settings
                if dialog.isVisible():
                    dialog.accept()
                self.window.context.notify(_audit_changes())
                messages.inform(self.window, _("Backup saved"),
                                _("The copy was written and checked by opening it: {path}").format(
                                    path=str(written.path)))

            def failed(exc: Exception) -> None:
                dialog.set_busy(False)
                if dialog.isVisible():
                    dialog.show_folder_error(str(exc) if isinstance(exc, VaultError) else
                                             _("The backup could not be written: {reason}").format(reason=exc))

            run_async(lambda: backup.back_up(hb, folder, new_passphrase), done, failed)

        dialog.submitted.connect(submitted)
        dialog.open()
        self.backup_dialog = dialog
        return dialog

    def restore(self, path: str | None = None):
        """Choose a backup, type its passphrase, confirm with both dates, then swap (the old vault is kept)."""
        from handbook_app.services.vault_folder import default_vault_dir
        from handbook_app.ui.dialogs.recovery_dialog import AskPassphraseDialog

        hb = self.context.handbook
        if hb is None:
            return None
        if path is None:
            start = self.backup_folder or str(default_vault_dir())
            path = file_dialogs.open_file(self.window, _("Restore from a backup"), start,
                                          _("Vaults (*.vault);;All files (*)"))
        if not path or self.context.handbook is not hb:
            return None
        dialog = AskPassphraseDialog(
            _("Restore from a backup"),
            _("Type the passphrase of the backup {name}. It is opened to check it; nothing changes yet.").format(
                name=Path(path).name),
            _("Passphrase of the backup"), _("Open the backup"), self.window, "restorePassphraseDialog")
        self.context.track(dialog)

        def submitted(passphrase: str) -> None:
            from handbook_app.services import backup

            if self.context.handbook is not hb:
                dialog.reject()
                return
            try:
                info = backup.inspect_backup(path, passphrase)
            except VaultError as exc:
                dialog.show_error(str(exc))
                return
            dialog.accept()
            if not messages.ask(self.window, _("Replace the vault with this backup?"),
                                restore_question(hb, info), yes=_("Replace with the backup")):
                return
            if self.context.handbook is not hb:
                return
            try:
                result = backup.restore_backup(hb, path, passphrase)
            except VaultError as exc:
                self.window.lock("manual")
                messages.error(self.window, str(exc))
                return
            self.window.lock("manual")  # clears every screen of the replaced vault
            self.window.enter(result.handbook, result.info)
            messages.inform(self.window, _("Backup restored"),
                            _("The vault now holds the backup. The vault as it was before is kept in the same "
                              "folder as {name}.").format(name=result.kept.name))

        dialog.submitted.connect(submitted)
        dialog.open()
        self.restore_dialog = dialog
        return dialog


def _audit_changes():
    from handbook_app.services.changes import Changes

    return Changes(frozenset({"audit"}))


def _when(value) -> str:
    from handbook_app.i18n.formatting import format_datetime

    return format_datetime(value.astimezone(), fmt="medium") if value is not None else _("unknown")


def restore_question(hb, info) -> str:
    """The confirmation names both dates: what is open now and what the backup holds."""
    import datetime as dt

    last = hb.audit_entry(hb.audit_head()[0])
    current = dt.datetime.fromisoformat(last.at.replace("Z", "+00:00")) if last is not None else None
    return _("The open vault {vault} (last change {current}) will be replaced by the backup {backup} (last "
             "change {backup_date}). What was added after {backup_date} is not in the backup. The open vault "
             "is first kept in its folder under a new name, so you can go back to it.").format(
        vault=hb.path.name, current=_when(current), backup=info.path.name, backup_date=_when(info.last_change))

