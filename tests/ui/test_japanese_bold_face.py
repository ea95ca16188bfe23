"""Bold Japanese in the app: a real bold face (BIZ UDGothic Bold) under IPAex Gothic's family name, so bold
labels are not IPAex outlines thickened by Qt, and regular Japanese text never turns bold."""

from __future__ import annotations

import struct

import pytest
from PySide6.QtGui import QFont, QTextLayout

from handbook_app.resources import resource_path
from handbook_app.ui.app import register_fonts
from handbook_app.ui.font_family import _checksum, _names, _tables, as_bold_of, family_names


@pytest.fixture(scope="module")
def renamed() -> bytes:
    return as_bold_of(resource_path("fonts", "BIZUDGothic-Bold.ttf").read_bytes(),
                      resource_path("fonts", "ipaexg.ttf").read_bytes())


def test_the_bold_face_takes_the_japanese_family_name_and_keeps_its_notices(renamed):
    regular = resource_path("fonts", "ipaexg.ttf").read_bytes()
    assert family_names(renamed) == family_names(regular) == {0x409: "IPAexGothic", 0x411: "IPAexゴシック"}
    _version, tables = _tables(renamed)
    names = {(nid, lid): raw.decode("utf-16-be") for pid, _e, lid, nid, raw in _names(tables[b"name"][1])
             if pid == 3}
    assert names[(2, 0x409)] == "Bold" and names[(4, 0x409)] == "IPAexGothic Bold"
    assert "BIZ UDGothic Project Authors" in names[(0, 0x409)]  # copyright kept
    assert "SIL Open Font License" in names[(13, 0x409)]  # licence kept
    assert names[(6, 0x409)] == "BIZUDGothic-Bold"  # its own PostScript name
    assert b"DSIG" not in tables  # the signature no longer matches: left out


def test_the_renamed_font_is_valid_truetype(renamed, tmp_path):
    from reportlab.pdfbase.ttfonts import TTFontFile

    _version, tables = _tables(renamed)
    for tag, (checksum, data) in tables.items():
        if tag != b"head":
            assert checksum == _checksum(data), tag
    assert _checksum(renamed) == 0xB1B0AFBA  # the head's whole-file checksum adjustment
    path = tmp_path / "renamed.ttf"
    path.write_bytes(renamed)
    font = TTFontFile(str(path), validate=1)  # checks every table's checksum
    original = TTFontFile(str(resource_path("fonts", "BIZUDGothic-Bold.ttf")))
    assert font.familyName == b"IPAexGothic" and font.styleName == b"Bold"
    assert font.charToGlyph == original.charToGlyph  # same glyphs


def test_a_damaged_font_is_refused():
    regular = resource_path("fonts", "ipaexg.ttf").read_bytes()
    with pytest.raises((ValueError, struct.error)):
        as_bold_of(b"\0\1\0\0" + b"\0" * 8, regular)


def faces(font: QFont, text: str) -> dict[str, str]:
    """Style of the face Qt draws each run of `text` in, by its first character's family."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName(): run.rawFont().styleName() for run in layout.glyphRuns()}


def test_bold_japanese_labels_use_the_real_bold_and_regular_text_stays_regular(qapp):
    before = QFont(qapp.font())
    try:
        register_fonts(qapp)
        regular = QFont(qapp.font())
        regular.setPointSize(13)
        bold = QFont(regular)
        bold.setBold(True)
        text = "確認結果の要約 Tóm tắt"
        plain = faces(regular, text)
        strong = faces(bold, text)
    finally:
        qapp.setFont(before)
    ja_plain = [style for family, style in plain.items() if family.startswith("IPAexGothic")]
    ja_bold = [style for family, style in strong.items() if family.startswith("IPAexGothic")]
    assert ja_plain == ["Regular"], plain  # IPAex Gothic itself, not the bold face
    assert ja_bold == ["Bold"], strong  # a real bold face, not IPAex thickened (which reports "Regular")
    assert strong.get("Noto Sans") == "Bold" and plain.get("Noto Sans") == "Regular"


def test_about_lists_the_bold_face_with_its_copyright_and_licence(qtbot):
    from handbook_app.i18n import set_locale
    from handbook_app.i18n.catalog import current_locale
    from handbook_app.ui.dialogs.about_dialog import AboutDialog

    previous = current_locale()
    set_locale("ja")
    try:
        dialog = AboutDialog()
        qtbot.addWidget(dialog)
        overview = dialog.overview.toPlainText()
        ofl = next(v for v in dialog.font_views if v.property("licenceName") == "SIL OFL 1.1").toPlainText()
    finally:
        set_locale(previous)
    assert "BIZ UDGothic Bold" in overview and "BIZUDGothic-Bold.ttf" in overview
    assert "日本語の太字" in overview  # what it is for, in the reader's language
    assert "Copyright 2022 The BIZ UDGothic Project Authors" in ofl and "SIL OPEN FONT LICENSE" in ofl.upper()
