"""Start: vaults beside the program (USB stick use) first, then those in the app's own folder
(Documents/TraineeHandbook), recent vaults if turned on, then create, open or try the demo. Help now (F1) and the rights guide are one click away, before any vault is open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMetaMethod, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from handbook_app.i18n import _
from handbook_app.services import vault_folder

PATH_ROLE = Qt.ItemDataRole.UserRole + 10
HELP_BUTTON_STYLE = ("QPushButton { color: white; background: #b00020; font-weight: bold; "
                     "border-radius: 4px; padding: 6px 14px; } "
                     "QPushButton:focus { border: 2px solid #1a1a1a; }")


def help_buttons(owner: QWidget) -> tuple[QPushButton, QPushButton]:
    """The "Help now (F1)" and "Rights guide" buttons of the start and unlock screens."""
    help_button = QPushButton(owner)
    help_button.setObjectName("helpNowButton")
    help_button.setStyleSheet(HELP_BUTTON_STYLE)
    help_button.setMinimumHeight(36)
    guide_button = QPushButton(owner)
    guide_button.setObjectName("rightsGuideButton")
    guide_button.setMinimumHeight(36)
    return help_button, guide_button


def help_row(help_button: QPushButton, guide_button: QPushButton) -> QHBoxLayout:
    """The two help buttons side by side, left-aligned."""
    row = QHBoxLayout()
    row.addWidget(help_button)
    row.addWidget(guide_button)
    row.addStretch(1)
    return row


def centre_in(screen: QWidget, box: QWidget, weight: int) -> None:
    """Put `box` in the middle of `screen`, a little above centre, `weight` parts wide beside one part of margin on each side."""
    outer = QVBoxLayout(screen)
    outer.addStretch(1)
    center = QHBoxLayout()
    center.addStretch(1)
    center.addWidget(box, weight)
    center.addStretch(1)
    outer.addLayout(center)
    outer.addStretch(2)


def request_help(owner: QWidget, signal: Signal) -> None:
    """Emit `signal` for the main window (F1's own action); with no receiver, open Help now directly."""
    if owner.isSignalConnected(QMetaMethod.fromSignal(signal)):
        signal.emit()
        return
    from handbook_app.ui.widgets.help_now import show_help_now

    dialog = show_help_now(owner)
    if not dialog.property("guideWindowConnected"):  # its article links open a guide window of their own
        dialog.open_article.connect(lambda slug: _open_guide_window(owner, slug))
        dialog.setProperty("guideWindowConnected", True)


def _open_guide_window(owner: QWidget, slug: str | None = None) -> None:
    from handbook_app.ui.screens.guide_screen import open_guide_window

    open_guide_window(owner, slug)


def request_guide(owner: QWidget, signal: Signal) -> None:
    """Emit `signal`; with no receiver, open the rights guide in a window of its own (no vault needed)."""
    if owner.isSignalConnected(QMetaMethod.fromSignal(signal)):
        signal.emit()
        return
    from handbook_app.ui.screens.guide_screen import open_guide_window

    open_guide_window(owner)


def portable_vaults(candidates: list[Path] | None = None) -> list[Path]:
    """Vault files in a folder named `vault` next to the program (sys.argv[0] and the executable)."""
    folder = vault_folder.portable_dir(candidates)
    return vault_folder.vaults_in(folder) if folder is not None else []


class StartScreen(QWidget):
    create_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    vault_chosen = Signal(str)
    help_requested = Signal()  # "Help now (F1)" clicked; with no receiver the screen opens Help now itself
    guide_requested = Signal()  # "Rights guide" clicked; with no receiver the screen opens a guide window

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        self.title = QLabel(self)
        self.title.setObjectName("appTitle")
        self.tagline = QLabel(self)
        self.tagline.setWordWrap(True)
        self.list_label = QLabel(self)
        self.vaults = QListWidget(self)
        self.vaults.setObjectName("vaultList")
        self.vaults.itemActivated.connect(lambda item: self.vault_chosen.emit(item.data(PATH_ROLE)))
        self.create_button = QPushButton(self)
        self.create_button.setObjectName("createButton")
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openButton")
        self.demo_button = QPushButton(self)
        self.demo_button.setObjectName("demoButton")
        self.create_button.clicked.connect(self.create_requested.emit)
        self.open_button.clicked.connect(self.open_requested.emit)
        self.demo_button.clicked.connect(self.demo_requested.emit)
        self.help_button, self.guide_button = help_buttons(self)
        self.help_button.clicked.connect(self.open_help_now)
        self.guide_button.clicked.connect(self.open_guide)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setObjectName("privacyNote")

        box = QFrame(self)
        box.setMaximumWidth(620)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addWidget(self.tagline)
        inner.addSpacing(12)
        inner.addWidget(self.list_label)
        inner.addWidget(self.vaults)
        buttons = QHBoxLayout()
        for b in (self.create_button, self.open_button, self.demo_button):
            b.setMinimumHeight(36)
            buttons.addWidget(b)
        inner.addLayout(buttons)
        inner.addSpacing(8)
        inner.addLayout(help_row(self.help_button, self.guide_button))
        inner.addSpacing(8)
        inner.addWidget(self.note)
        centre_in(self, box, 4)
        self._portable: list[Path] = []
        self._recent: list[str] = []
        self._found: list[Path] = []
        self.retranslate()

    def open_help_now(self) -> None:
        request_help(self, self.help_requested)

    def open_guide(self) -> None:
        request_guide(self, self.guide_requested)

    def set_vaults(self, portable: list[Path], recent: list[str], found: list[Path] | None = None) -> None:
        """`portable`: vaults beside the program; `found`: those in the app's folder; `recent`: opt-in list."""
        self._portable, self._recent, self._found = portable, recent, list(found or [])
        self._fill()

    def _fill(self) -> None:
        self.vaults.clear()
        for path in self._portable:
            item = QListWidgetItem(_("{name} (on this drive)").format(name=path.name))
            item.setData(PATH_ROLE, str(path))
            self.vaults.addItem(item)
        for path in self._found:
            item = QListWidgetItem(path.stem)  # the name the user gave it
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            self.vaults.addItem(item)
        for path in self._recent:
            if str(path) in {str(p) for p in (*self._portable, *self._found)}:
                continue
            item = QListWidgetItem(str(path))
            item.setData(PATH_ROLE, str(path))
            self.vaults.addItem(item)
        shown = self.vaults.count() > 0
        self.vaults.setVisible(shown)
        self.list_label.setVisible(shown)
        if shown:
            self.vaults.setCurrentRow(0)
            self.vaults.setMaximumHeight(min(200, 28 * self.vaults.count() + 8))

    def retranslate(self) -> None:
        self.title.setText("<h1>" + _("Trainee Handbook") + "</h1>")
        self.tagline.setText(_("An encrypted record of your contract, pay, debts, money sent home and problems at "
                               "work — and a guide to your rights in Japan. Everything stays on this computer."))
        self.list_label.setText(_("Open a vault:"))
        self.vaults.setAccessibleName(_("Vaults"))
        self.create_button.setText(_("Create a new vault…"))
        self.open_button.setText(_("Open a vault file…"))
        self.demo_button.setText(_("Try the demo"))
        self.help_button.setText(_("Help now (F1)"))
        self.help_button.setAccessibleName(_("Help now: emergency numbers"))
        self.help_button.setToolTip(_("Help now: emergency numbers and where to ask for help"))
        self.guide_button.setText(_("Rights guide"))
        self.note.setText(_("On a shared computer, lock the app when you leave it (Ctrl+L). "
                            "F12 locks at once and shows a neutral screen. "
                            "F1 shows emergency numbers and where to ask for help."))
        self._fill()
