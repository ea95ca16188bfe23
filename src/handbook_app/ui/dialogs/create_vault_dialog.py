"""Create a new vault (name, where it will be saved, passphrase twice, the trainee's name, who is
entering), or save a rescue copy. A bare name goes into the app's own folder, shown in full."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from handbook_app.core.records import Actor
from handbook_app.i18n import _
from handbook_app.services.vault_folder import default_vault_dir, resolve_new_vault
from handbook_app.ui import file_dialogs
from handbook_app.ui.lang import translate_buttons
from handbook_app.ui.widgets.actor_picker import ActorPicker
from handbook_app.ui.widgets.field import error_label
from handbook_app.ui.widgets.natural_size import grow_to_fit, open_at_natural_size
from handbook_app.ui.widgets.passphrase import NewPassphrase

SUFFIX = ".vault"


class CreateVaultDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, start_dir: str = "", copy_mode: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("createVaultDialog")
        self.copy_mode = copy_mode
        self.start_dir = start_dir
        self.folder = Path(start_dir) if start_dir else default_vault_dir()
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.path = QLineEdit(self)
        self.path.setObjectName("path")
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._browse)
        self.path_label = QLabel(self)
        self.path_label.setBuddy(self.path)
        self.path_error = error_label(self, "pathError")
        self.path.textChanged.connect(lambda _t: self.path_error.hide())
        self.path.textChanged.connect(lambda _t: self._show_where())
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.where = QLabel(self)
        self.where.setObjectName("savedAt")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.path_label, row)
        # The trainee's own name, optional: the evidence pack's cover and the handovers name who kept the record.
        self.trainee_name = QLineEdit(self)
        self.trainee_name.setObjectName("traineeName")
        self.trainee_label = QLabel(self)
        self.trainee_label.setBuddy(self.trainee_name)
        self.trainee_why = QLabel(self)
        self.trainee_why.setObjectName("traineeNameWhy")
        self.trainee_why.setWordWrap(True)
        name_form = QFormLayout()
        name_form.addRow(self.trainee_label, self.trainee_name)
        name_form.setContentsMargins(0, 0, 0, 0)
        self.name_box = QWidget(self)
        name_column = QVBoxLayout(self.name_box)
        name_column.setContentsMargins(0, 0, 0, 0)
        name_column.addLayout(name_form)
        name_column.addWidget(self.trainee_why)  # wrapped text in a plain column: no gap above it
        self.name_box.setVisible(not copy_mode)
        self.passphrase = NewPassphrase(self)
        self.actor_picker = ActorPicker(self)
        self.actor_picker.setVisible(not copy_mode)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.where)
        layout.addWidget(self.path_error)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.name_box)
        layout.addWidget(self.actor_picker)
        layout.addStretch(1)  # spare height below the fields, never between a field and its error
        layout.addWidget(self.buttons)
        self.retranslate()
        open_at_natural_size(self, 560)

    def _align_labels(self) -> None:
        """The file row and the passphrase rows are two form layouts: give them one label column."""
        labels = (self.path_label, self.passphrase.first_label, self.passphrase.second_label,
                  self.passphrase.strength_label, self.trainee_label)
        for label in labels:
            label.setMinimumWidth(0)
        widest = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(widest)

    def retranslate(self) -> None:
        if self.copy_mode:
            self.setWindowTitle(_("Save a copy of the vault"))
            self.intro.setText(_("Everything in the open vault is written, encrypted, to a new file with the "
                                 "passphrase you choose here."))
        else:
            self.setWindowTitle(_("Create a new vault"))
            self.intro.setText(_("A vault is one encrypted file. Choose a name that does not say what it is "
                                 "(other people may see the file name), and a passphrase only you know."))
        self.path_label.setText(_("File"))
        self.path.setAccessibleName(_("Where to save the vault"))
        self.path.setPlaceholderText(_("A name, for example: notes"))
        self.trainee_label.setText(_("Trainee's name"))
        self.trainee_name.setPlaceholderText(_("optional"))
        self.trainee_name.setAccessibleName(_("Trainee's name (optional)"))
        self.trainee_why.setText(_("Optional. It is kept inside the vault and printed on the evidence PDF's cover "
                                   "and in its handover list, so a reader knows whose record it is. You can add "
                                   "or change it later in the profile."))
        self._show_where()
        self.browse.setText(_("Choose…"))
        self.passphrase.retranslate()
        self.actor_picker.retranslate()
        translate_buttons(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Save copy") if self.copy_mode else _("Create"))
        self._align_labels()

    def _browse(self) -> None:
        # Start in the vault folder (or the nearest folder that exists), never the program's start folder.
        typed = Path(self.with_suffix()) if self.path.text().strip() else None
        folder = typed.parent if typed is not None else self.folder
        while not folder.is_dir() and folder != folder.parent:
            folder = folder.parent
        path = file_dialogs.save_file(self, self.windowTitle(), str(folder / typed.name) if typed else str(folder),
                                      _("Vaults (*.vault);;All files (*)"))
        if path:
            if not path.endswith(SUFFIX) and "." not in path.rsplit("/", 1)[-1]:
                path += SUFFIX
            self.path.setText(path)

    def _show_where(self) -> None:
        """The full path the vault will have, always in sight (a bare name is never resolved against
        whatever folder the program was started from)."""
        text = self.path.text().strip()
        if text:
            self.where.setText(_("It will be saved as: {path}").format(path=str(resolve_new_vault(text, self.folder))))
        else:
            self.where.setText(_("Vaults are saved in {folder} unless you choose another place.").format(
                folder=str(self.folder)))

    def with_suffix(self) -> str:
        """The full path for the typed text: a bare name goes into the vault folder, ".vault" is added
        when the name has no suffix (so "Open" and the start screen find it later)."""
        text = self.path.text().strip()
        if not text:
            return text
        return str(resolve_new_vault(text, self.folder))

    def path_problem(self) -> str | None:
        """Why the vault cannot be written at the typed path, checked before anything else happens."""
        text = self.with_suffix()
        if not text:
            return _("Choose where to save the vault.")
        path = Path(text).expanduser()
        if path.parent == self.folder and not path.parent.exists():
            return None  # the app's own folder is made when the vault is created
        if path.is_dir():
            return _("This is a folder. Add a file name at the end, for example {example}.").format(
                example=str(path / ("notes" + SUFFIX)))
        if path.exists():
            return _("A file with this name already exists, and it is never overwritten. Choose another name.")
        if not path.parent.is_dir():
            return _("The folder {folder} does not exist. Choose a folder that exists.").format(
                folder=str(path.parent))
        return None

    def show_path_error(self, message: str) -> None:
        self.path_error.setText(message)
        self.path_error.show()
        grow_to_fit(self)

    def prefill(self, path: str, actor: Actor | None, error: str = "") -> None:
        """Open again after a failed creation: the path and who is entering stay; the error shows inline."""
        self.path.setText(path)
        if actor is not None:
            self.actor_picker.set_actor(actor)
        if error:
            self.show_path_error(error)

    def _accept(self) -> None:
        bad = False
        problem = self.path_problem()
        if problem:
            self.show_path_error(problem)
            bad = True
        if self.passphrase.check():
            bad = True
        if not self.copy_mode and self.actor_picker.check():
            bad = True
        if bad:
            grow_to_fit(self)
        else:
            self.accept()

    def values(self) -> tuple[str, str, Actor]:
        return self.with_suffix(), self.passphrase.passphrase(), self.actor_picker.actor()

    def trainee(self) -> str:
        """The trainee's name as typed ("" when left empty: it is optional)."""
        return " ".join(self.trainee_name.text().split()) if not self.copy_mode else ""
