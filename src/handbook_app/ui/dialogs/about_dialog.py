"""About: what the app is, its version, its own licence (the GNU GPL, full text) and the bundled fonts
with their licences.

The overview tab is in the UI language; the licence texts are shown as their authors published them
(in English; the IPA licence also in Japanese), which is normal for licences.
"""

from __future__ import annotations

import html

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from handbook_app import __version__
from handbook_app.i18n import _
from handbook_app.resources import facts_label, resource_path
from handbook_app.ui.lang import translate_buttons

GPL_FILE = ("LICENSE-GPL-3.0.txt",)  # under resources/ (the wheel carries it); a copy of the top-level LICENSE
GPL_NAME = "GNU GPL 3.0"
GPL_URL = "https://www.gnu.org/licenses/gpl-3.0.txt"
# (licence name shown on the tab, file under resources/)
FONT_LICENCES = (
    ("SIL OFL 1.1", ("fonts", "LICENSE-OFL.txt")),
    ("IPA", ("fonts", "LICENSE-IPA.txt")),
)


def _read(*parts: str) -> str:
    try:
        return resource_path(*parts).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def gpl_text() -> str:
    """The GNU GPL version 3, as bundled; in a checkout without the copy, the top-level LICENSE."""
    text = _read(*GPL_FILE)
    if not text:
        try:
            text = (resource_path().parent / "LICENSE").read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""
    return text or GPL_URL


def bundled_licences() -> str:
    """In a portable bundle: the list of every bundled component with its licence, then the texts.

    make bundle (packaging/build_bundle.py) collects them into resources/licenses; a checkout has none.
    """
    folder = resource_path("licenses")
    index = _read("licenses", "THIRD-PARTY.txt")
    if not index:
        return ""
    parts = [index, f"All licence texts are in: {folder}", ""]
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "system" not in p.relative_to(folder).parts
                       and p.name != "THIRD-PARTY.txt"):
        parts += ["=" * 78, path.relative_to(folder).as_posix(), "=" * 78,
                  path.read_text(encoding="utf-8", errors="replace")]
    return "\n".join(parts)


def _licence_view(parent: QWidget, name: str, text: str) -> QPlainTextEdit:
    view = QPlainTextEdit(parent)
    view.setObjectName("licenceText")
    view.setReadOnly(True)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))  # the texts align with spaces
    view.setPlainText(text)
    view.setProperty("licenceName", name)
    return view


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setOpenExternalLinks(False)
        self.tabs = QTabWidget(self)
        self.tabs.setUsesScrollButtons(True)
        self.overview = QTextBrowser(self)
        self.overview.setObjectName("aboutOverview")
        self.overview.setOpenLinks(False)
        self.overview.setOpenExternalLinks(False)
        self.tabs.addTab(self.overview, "")
        self.gpl_view = _licence_view(self, GPL_NAME, gpl_text())
        self.gpl_view.setObjectName("gplText")
        self.tabs.addTab(self.gpl_view, "")
        self.font_views: list[QPlainTextEdit] = []
        for name, parts in FONT_LICENCES:
            view = _licence_view(self, name, _read(*parts))
            self.font_views.append(view)
            self.tabs.addTab(view, "")
        bundled = bundled_licences()  # only in a bundle: Qt, Python, SQLCipher, OpenSSL, CLDR…
        self.bundled_view = _licence_view(self, "bundled", bundled) if bundled else None
        if self.bundled_view is not None:
            self.tabs.addTab(self.bundled_view, "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(680, 560)
        self.retranslate()

    def _overview_html(self) -> str:
        esc = html.escape
        rows = (
            ("Noto Sans", "NotoSans-Regular.ttf, NotoSans-Bold.ttf",
             _("Latin letters, including every Vietnamese letter and tone mark"), "SIL Open Font License 1.1"),
            ("IPAex Gothic", "ipaexg.ttf", _("Japanese (kana and kanji) and Latin letters"), "IPA Font License 1.0"),
            ("BIZ UDGothic Bold", "BIZUDGothic-Bold.ttf", _("Bold Japanese (headings and labels)"),
             "SIL Open Font License 1.1"),
        )
        body = "".join(
            f"<tr><td><b>{esc(face)}</b><br><small>{esc(files)}</small></td><td>{esc(covers)}</td>"
            f"<td>{esc(licence)}</td></tr>" for face, files, covers, licence in rows)
        head = "".join(f"<th align='left'>{esc(h)}</th>" for h in (_("Font"), _("Used for"), _("Licence")))
        program_heading = _("Licence of this program")
        program = _("This program is free software: you may share and change it under the GNU General Public "
                    "License, version 3 or (if you wish) any later version. It comes with no warranty. "
                    "The full text is in the tab “{tab}”.").format(tab=self._gpl_tab_text())
        fonts_heading = _("Bundled fonts")
        fonts = _("So that Vietnamese and Japanese show correctly on any computer, in the app and in PDFs, "
                  "the app brings its own fonts:")
        texts = _("Each licence text is in its own tab, as its authors published it (in English; the IPA "
                  "licence also in Japanese).")
        return (f"<h3>{esc(program_heading)}</h3><p>{esc(program)}</p>"
                f"<h3>{esc(fonts_heading)}</h3><p>{esc(fonts)}</p>"
                "<table cellspacing='0' cellpadding='4' border='1' style='border-collapse: collapse'>"
                f"<tr>{head}</tr>{body}</table>"
                f"<p>{esc(texts)}</p>")

    @staticmethod
    def _gpl_tab_text() -> str:
        return _("Program licence: {name}").format(name=GPL_NAME)

    def retranslate(self) -> None:
        self.setWindowTitle(_("About Trainee Handbook"))
        self.text.setText(
            "<h3>{title}</h3><p>{version}<br>{facts}</p><p>{what}</p>".format(
                title=_("Trainee Handbook — Sổ tay Thực tập sinh — 実習生ハンドブック"),
                version=_("Version {version}").format(version=__version__),
                facts=html.escape(_("Facts (guide, contacts, minimum wages, fee limits): {label}").format(
                    label=facts_label())),
                what=_("An offline, encrypted record for technical intern trainees in Japan. "
                       "Free software under the GNU GPL, version 3 or later."),
            ))
        self.tabs.setTabText(0, _("Licences"))
        self.overview.setHtml(self._overview_html())
        self.overview.setAccessibleName(_("Licences"))
        self.tabs.setTabText(1, self._gpl_tab_text())
        self.gpl_view.setAccessibleName(self._gpl_tab_text())
        for i, view in enumerate(self.font_views, start=2):
            label = _("Font licence: {name}").format(name=view.property("licenceName"))
            self.tabs.setTabText(i, label)
            view.setAccessibleName(label)
        if self.bundled_view is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.bundled_view), _("Bundled software"))
            self.bundled_view.setAccessibleName(_("Bundled software"))
        translate_buttons(self.buttons)
