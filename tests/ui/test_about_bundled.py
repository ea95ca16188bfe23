"""About lists the licences of everything a bundle carries (Qt, Python, SQLCipher…), when it carries them."""

from __future__ import annotations

from pathlib import Path

from handbook_app.ui.dialogs import about_dialog


def _tabs(dialog) -> list[str]:
    return [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]


def test_a_bundle_shows_its_third_party_licences(qtbot, tmp_path: Path, monkeypatch) -> None:
    licences = tmp_path / "licenses"
    (licences / "system").mkdir(parents=True)
    (licences / "THIRD-PARTY.txt").write_text("PySide6_Essentials 6.11: LGPL-3.0-only\n", encoding="utf-8")
    (licences / "Qt.txt").write_text("Qt is used under the LGPL 3\n", encoding="utf-8")
    (licences / "system" / "libfoo.copyright.txt").write_text("huge Debian file\n", encoding="utf-8")
    monkeypatch.setattr(about_dialog, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    dialog = about_dialog.AboutDialog()
    qtbot.addWidget(dialog)
    assert "Bundled software" in _tabs(dialog)
    text = dialog.bundled_view.toPlainText()
    assert "PySide6_Essentials 6.11: LGPL-3.0-only" in text and "Qt is used under the LGPL 3" in text
    assert str(licences) in text and "huge Debian file" not in text  # listed by folder, not pasted


def test_a_checkout_has_no_bundled_tab(qtbot) -> None:
    dialog = about_dialog.AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.bundled_view is None and "Bundled software" not in _tabs(dialog)
