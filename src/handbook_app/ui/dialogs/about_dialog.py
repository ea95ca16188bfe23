"""About: what the app is, its version, and the licences of the bundled fonts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from handbook_app import __version__
from handbook_app.i18n import _
from handbook_app.resources import resource_path
from handbook_app.ui.lang import translate_buttons

LICENCE_FILES = ("README.md", "LICENSE-OFL.txt", "LICENSE-IPA.txt")


def _read(name: str) -> str:
    try:
        return resource_path("fonts", name).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setOpenExternalLinks(False)
        self.tabs = QTabWidget(self)
        for name in LICENCE_FILES:
            view = QPlainTextEdit(self)
            view.setReadOnly(True)
            view.setPlainText(_read(name))
            self.tabs.addTab(view, name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(680, 520)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("About Trainee Handbook"))
        self.text.setText(
            "<h3>{title}</h3><p>{version}</p><p>{what}</p><p>{fonts}</p>".format(
                title=_("Trainee Handbook — Sổ tay Thực tập sinh — 実習生ハンドブック"),
                version=_("Version {version}").format(version=__version__),
                what=_("An offline, encrypted record for technical intern trainees in Japan. "
                       "Free software under the GNU GPL, version 3 or later."),
                fonts=_("Bundled fonts: Noto Sans (SIL Open Font License 1.1) and IPAex Gothic "
                        "(IPA Font License 1.0). Their licences follow."),
            ))
        translate_buttons(self.buttons)
