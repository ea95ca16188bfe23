"""Back up to…: the folder (a USB stick or any folder), and the same passphrase or a new one for the copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from handbook_app.i18n import _, ngettext
from handbook_app.ui import file_dialogs
from handbook_app.ui.lang import translate_buttons
from handbook_app.ui.widgets.field import error_label
from handbook_app.ui.widgets.natural_size import grow_to_fit, open_at_natural_size
from handbook_app.ui.widgets.passphrase import NewPassphrase


def choose_folder(parent: QWidget | None, caption: str, directory: str = "") -> str:
    """Qt's own folder dialog, its history wiped afterwards (like every file dialog of the app)."""
    try:
        return QFileDialog.getExistingDirectory(
            parent, caption, directory,
            QFileDialog.Option.ShowDirsOnly | QFileDialog.Option.DontUseNativeDialog)
    finally:
        file_dialogs.forget_history()


class BackupDialog(QDialog):
    submitted = Signal(str, object)  # folder, new passphrase or None (the vault's own)

    def __init__(self, folder: str = "", keep: int = 5, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle(_("Back up to…"))
        self.intro = QLabel(ngettext(
            "An encrypted copy of the vault goes into the folder you choose, for example on a USB stick. The "
            "copy is checked by opening it. The last {count} copy is kept there; older ones are deleted.",
            "An encrypted copy of the vault goes into the folder you choose, for example on a USB stick. The "
            "copy is checked by opening it. The last {count} copies are kept there; older ones are deleted.",
            keep).format(count=keep), self)
        self.intro.setWordWrap(True)
        self.folder = QLineEdit(folder, self)
        self.folder.setObjectName("backupFolder")
        self.folder.setAccessibleName(_("Folder for the backup"))
        self.browse = QPushButton(_("Choose…"), self)
        self.browse.clicked.connect(self._browse)
        self.folder_error = error_label(self, "backupFolderError")
        self.folder.textChanged.connect(lambda _t: self.folder_error.hide())
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(QLabel(_("Folder"), self), row)
        self.same = QRadioButton(_("The same passphrase as the vault"), self)
        self.same.setObjectName("samePassphrase")
        self.same.setChecked(True)
        self.new = QRadioButton(_("A new passphrase for this copy"), self)
        self.new.setObjectName("newPassphrase")
        self.fields = NewPassphrase(self, replacing=True)
        self.fields.setVisible(False)
        self.new.toggled.connect(self._toggle_new)
        self.status = QLabel(self)
        self.status.setObjectName("backupStatus")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        translate_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Back up"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.folder_error)
        layout.addWidget(self.same)
        layout.addWidget(self.new)
        layout.addWidget(self.fields)
        layout.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        open_at_natural_size(self, 560)

    def _toggle_new(self, on: bool) -> None:
        self.fields.setVisible(on)
        grow_to_fit(self)

    def _browse(self) -> None:
        chosen = choose_folder(self, self.windowTitle(), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _accept(self) -> None:
        bad = False
        folder = Path(self.folder.text().strip()).expanduser() if self.folder.text().strip() else None
        if folder is None or not folder.is_dir():
            self.show_folder_error(_("Choose a folder that exists, for example on your USB stick."))
            bad = True
        if self.new.isChecked() and self.fields.check():
            bad = True
        if bad:
            grow_to_fit(self)
            return
        self.submitted.emit(str(folder), self.fields.passphrase() if self.new.isChecked() else None)

    def show_folder_error(self, message: str) -> None:
        self.folder_error.setText(message)
        self.folder_error.show()
        grow_to_fit(self)

    def set_busy(self, busy: bool) -> None:
        for widget in (self.folder, self.browse, self.same, self.new, self.fields, self.buttons):
            widget.setEnabled(not busy)
        self.status.setText(_("Writing and checking the copy…") if busy else "")

    def done(self, result: int) -> None:
        self.fields.clear()
        super().done(result)
