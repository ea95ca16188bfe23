"""Recovery sheet dialogs: ask the passphrase, show and print the sheet, and open a vault with its code.

The code is shown in large letters and cannot be selected or copied (the clipboard is another copy).
Printing goes through Qt's printer from a document held in memory; a PDF is saved only when the
user asks, after a warning.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core.recovery_code import FORGOT_BUTTON, STEPS, TITLE, VOID, WARNING
from handbook_app.i18n import _
from handbook_app.ui.lang import translate_buttons
from handbook_app.ui.widgets.field import error_label
from handbook_app.ui.widgets.natural_size import grow_to_fit, open_at_natural_size
from handbook_app.ui.widgets.passphrase import NewPassphrase, password_edit

WARNING_STYLE = "background: #fff6d6; color: #1a1a1a; border: 1px solid #d9b945; border-radius: 4px; padding: 6px;"


def code_font(size: int = 18) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(size)
    font.setBold(True)
    return font


class AskPassphraseDialog(QDialog):
    """One passphrase, asked for one purpose (the sheet, opening a backup); errors show beside it."""

    submitted = Signal(str)

    def __init__(self, title: str, intro: str, label: str, ok_text: str, parent: QWidget | None = None,
                 name: str = "askPassphraseDialog") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.passphrase, toggle = password_edit(self, "askedPassphrase")
        toggle.hide()
        self.passphrase.setAccessibleName(label)
        self.error = error_label(self, "askedPassphraseError")
        self.passphrase.textChanged.connect(lambda _t: self.error.hide())
        form = QFormLayout()
        form.addRow(QLabel(label, self), self.passphrase)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        translate_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        open_at_natural_size(self, 480)

    def _accept(self) -> None:
        if not self.passphrase.text():
            self.show_error(_("Please enter the passphrase."))
            return
        self.submitted.emit(self.passphrase.text())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        grow_to_fit(self)

    def done(self, result: int) -> None:
        self.passphrase.clear()
        super().done(result)


def SheetPassphraseDialog(parent: QWidget | None = None) -> AskPassphraseDialog:  # noqa: N802 (a dialog maker)
    """The current passphrase, asked again before the key is shown (someone may have found the app unlocked)."""
    return AskPassphraseDialog(
        _(TITLE), _("The recovery sheet opens this vault if the passphrase is ever forgotten. Type the current "
                    "passphrase to make it."),
        _("Current passphrase"), _("Make the sheet"), parent, "sheetPassphraseDialog")


def sheet_html(sheet) -> str:
    """The sheet as rich text in the current language, for the printer (kept in memory)."""
    esc = html.escape
    steps = "".join(f"<li>{esc(_(s).format(button=_(FORGOT_BUTTON)))}</li>" for s in STEPS)
    code = "<br/>".join(f"<span style='color:#555'>{n}</span>&nbsp;&nbsp;{esc(line)}"
                        for n, line in enumerate(sheet.lines, start=1))
    vault_file = _("Vault file: {path}").format(path=sheet.vault_name)
    return (f"<h1>{esc(_(TITLE))}</h1>"
            f"<p>{esc(vault_file)}</p>"
            f"<p style='background:#fff6d6'>{esc(_(WARNING))}</p>"
            f"<p style='font-family:monospace; font-size:20pt; font-weight:bold'>{code}</p>"
            f"<ol>{steps}</ol><p>{esc(_(VOID))}</p>"
            f"<p style='font-size:7pt'>PRAGMA key = \"{esc(sheet.sqlcipher_key)}\";</p>")


class RecoverySheetDialog(QDialog):
    """The sheet on screen, with Print… and Save as PDF…; closing it forgets the code."""

    print_requested = Signal()
    save_requested = Signal()

    def __init__(self, sheet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoverySheetDialog")
        self.sheet = sheet
        self.setWindowTitle(_(TITLE))
        self.heading = QLabel("<h2>" + html.escape(_(TITLE)) + "</h2>", self)
        self.file = QLabel(_("Vault file: {path}").format(path=sheet.vault_path), self)
        self.file.setWordWrap(True)
        self.warning = QLabel(_(WARNING), self)
        self.warning.setObjectName("sheetWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.code = QLabel(self)
        self.code.setObjectName("recoveryCode")
        self.code.setFont(code_font())
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)  # no copy to the clipboard
        self.code.setText("\n".join(f"{n}   {line}" for n, line in enumerate(sheet.lines, start=1)))
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.steps = QLabel(self)
        self.steps.setWordWrap(True)
        self.steps.setText("<ol>" + "".join(
            f"<li>{html.escape(_(s).format(button=_(FORGOT_BUTTON)))}</li>" for s in STEPS) + "</ol>"
            + "<p>" + html.escape(_(VOID)) + "</p>")
        self.print_button = QPushButton(_("Print…"), self)
        self.print_button.setObjectName("printSheet")
        self.print_button.clicked.connect(self.print_requested.emit)
        self.save_button = QPushButton(_("Save as PDF…"), self)
        self.save_button.setObjectName("saveSheet")
        self.save_button.clicked.connect(self.save_requested.emit)
        self.close_button = QPushButton(_("Close"), self)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        for widget in (self.heading, self.file, self.warning, self.code, self.steps):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)
        open_at_natural_size(self, 720)

    def print_to(self, printer) -> None:
        document = QTextDocument()
        document.setHtml(sheet_html(self.sheet))
        document.print_(printer)
        document.clear()

    def done(self, result: int) -> None:
        self.code.clear()
        self.sheet = None
        super().done(result)


class RecoverWithCodeDialog(QDialog):
    """Forgot the passphrase: type the code from the recovery sheet and choose a new passphrase."""

    submitted = Signal(str, str)  # code, new passphrase

    def __init__(self, vault_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoverDialog")
        self.setWindowTitle(_(FORGOT_BUTTON))
        self.intro = QLabel(_("If you printed a recovery sheet for this vault, type its code here. You then "
                              "choose a new passphrase. Without a sheet (or a backup with a passphrase you "
                              "know) nobody can open the vault."), self)
        self.intro.setWordWrap(True)
        self.file = QLabel(_("Vault file: {path}").format(path=vault_path), self)
        self.file.setWordWrap(True)
        self.code = QPlainTextEdit(self)
        self.code.setObjectName("recoveryCodeInput")
        self.code.setFont(code_font(13))
        self.code.setPlaceholderText("ABCD EFGH IJKL MNOP QRST UVWX\n…")
        self.code.setTabChangesFocus(True)
        self.code.setFixedHeight(self.code.fontMetrics().lineSpacing() * 5 + 12)
        self.code_label = QLabel(_("Code from the sheet (4 lines)"), self)
        self.code_label.setBuddy(self.code)
        self.code_error = error_label(self, "codeError")
        self.code.textChanged.connect(self.code_error.hide)
        self.fields = NewPassphrase(self, replacing=True)
        self.status = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        translate_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Open and set the new passphrase"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        for widget in (self.intro, self.file, self.code_label, self.code, self.code_error):
            layout.addWidget(widget)
        layout.addSpacing(6)
        layout.addWidget(self.fields)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.buttons)
        layout.addLayout(row)
        open_at_natural_size(self, 600)

    def _accept(self) -> None:
        from handbook_app.services.recovery import code_problem

        bad = False
        problem = code_problem(self.code.toPlainText())
        if problem:
            self.show_code_error(problem)
            bad = True
        if self.fields.check():
            bad = True
        if bad:
            grow_to_fit(self)
            return
        self.submitted.emit(self.code.toPlainText(), self.fields.passphrase())

    def show_code_error(self, message: str) -> None:
        self.code_error.setText(message)
        self.code_error.show()
        self.code.setFocus()
        grow_to_fit(self)

    def set_busy(self, busy: bool) -> None:
        for widget in (self.code, self.fields, self.buttons):
            widget.setEnabled(not busy)
        self.status.setText(_("Opening…") if busy else "")

    def done(self, result: int) -> None:
        self.code.clear()
        self.fields.clear()
        super().done(result)
