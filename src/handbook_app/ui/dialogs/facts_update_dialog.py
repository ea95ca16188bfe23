"""Update facts from a file: shows who signed a pack and what it changes in plain words, then installs it.

Opened from Settings ("Update facts from a file…") or by dropping a pack file on the window. Nothing
changes until the user presses Install; a pack that cannot be trusted is one sentence and no button.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from handbook_app.i18n import _, current_locale
from handbook_app.services.content import FactsInfo, PackError, PreparedInstall, facts_store
from handbook_app.ui.widgets.natural_size import open_at_natural_size

PACK_SUFFIX = ".thpack"


class FactsUpdateDialog(QDialog):
    installed = Signal(object)  # FactsInfo

    def __init__(self, pack: Path, parent: QWidget | None = None, store=None) -> None:
        super().__init__(parent)
        self.setObjectName("factsUpdateDialog")
        self.setWindowTitle(_("Update facts from a file"))
        self.store = store or facts_store()
        self.prepared: PreparedInstall | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("factsHeading")
        self.heading.setWordWrap(True)
        self.body = QLabel(self)
        self.body.setObjectName("factsChanges")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(self)
        self.install_button = self.buttons.addButton(_("Install"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.install_button.setObjectName("installFacts")
        self.buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.install)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.buttons)
        self._read(Path(pack))
        open_at_natural_size(self, 560)

    def _read(self, pack: Path) -> None:
        try:
            self.prepared = self.store.prepare(pack)
        except (PackError, OSError) as exc:
            self.heading.setText(_("This file cannot be used to update the facts."))
            self.body.setText(str(exc))
            self.install_button.hide()
            return
        m = self.prepared.pack.manifest
        self.heading.setText(_("Facts update from {publisher}: {pack}, version {version}, published {date}.").format(
            publisher=m.publisher, pack=m.pack_id, version=m.version, date=m.published.isoformat()))
        lines = [m.change_text(current_locale()), "", _("Installing it changes:")]
        lines += [f"• {line}" for line in self.prepared.changes]
        if self.prepared.older:
            lines += ["", _("It is not newer than the facts in use ({label}). Install it only to go back to "
                            "these facts on purpose.").format(label=self.store.current().label())]
            self.install_button.setText(_("Install older facts"))
        self.body.setText("\n".join(lines))

    def install(self) -> None:
        if self.prepared is None:
            return
        try:
            info: FactsInfo = self.store.commit(self.prepared, allow_older=True)
        except (PackError, OSError) as exc:
            self.prepared = None
            self.heading.setText(_("The facts were not changed."))
            self.body.setText(str(exc))
            self.install_button.hide()
            return
        self.prepared = None
        self.installed.emit(info)
        self.accept()

    def done(self, result: int) -> None:
        if self.prepared is not None:  # closed without installing: nothing stays behind
            self.store.discard(self.prepared)
            self.prepared = None
        super().done(result)


def is_pack_file(path: str) -> bool:
    return path.lower().endswith(PACK_SUFFIX)
