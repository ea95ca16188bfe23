"""Bold Japanese: headings and labels as strong in Japanese as in Vietnamese (BIZ UDGothic Bold), and a
character the bold face lacks set in regular IPAex Gothic rather than lost."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from handbook_app.reports.base import Kit, make_styles
from handbook_app.reports.fonts import JAPANESE, JAPANESE_BOLD, SANS, SANS_BOLD, RunSplitter, register_fonts
from handbook_app.reports.labels import Labels
from handbook_app.reports.model import ReportOptions
from handbook_app.services import reports

JA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
# In IPAex Gothic, not in BIZ UDGothic Bold (found by comparing the two cmaps).
ONLY_IN_REGULAR = "彐"


def segments(reader: PdfReader, pages=None) -> list[tuple[str, float, str]]:
    """(font name without the subset prefix, size, text) of every piece of text drawn."""
    out: list[tuple[str, float, str]] = []

    def visit(text, _cm, _tm, font, size):
        if text.strip() and font:
            out.append((str(font.get("/BaseFont")).split("+")[-1], round(size, 1), text))

    for page in reader.pages if pages is None else [reader.pages[i] for i in pages]:
        page.extract_text(visitor_text=visit)
    return out


def test_bold_japanese_uses_the_bold_face_and_falls_back_to_regular():
    fonts = register_fonts()
    code = ord(ONLY_IN_REGULAR)
    assert code in fonts.coverage[JAPANESE] and code not in fonts.coverage[JAPANESE_BOLD]
    s = RunSplitter()
    bold = s.runs(f"Sự việc 4 / 事案4 · {ONLY_IN_REGULAR}の字", bold=True)
    assert "".join(r.text for r in bold) == f"Sự việc 4 / 事案4 · {ONLY_IN_REGULAR}の字"
    assert [r.font for r in bold if JA.search(r.text)] == [JAPANESE_BOLD, JAPANESE, JAPANESE_BOLD]
    assert [r.text for r in bold if r.font == JAPANESE] == [ONLY_IN_REGULAR]
    assert bold[0].font == SANS_BOLD
    assert s.missing == set()
    # Regular text never uses the bold face.
    assert {r.font for r in s.runs(f"事案4 {ONLY_IN_REGULAR}の字")} == {JAPANESE}


def test_latin_marks_after_bold_japanese_keep_normal_spacing():
    """BIZ UDGothic sets Latin at half an em: the space, dot and digit after bold Japanese are in Noto Bold."""
    runs = RunSplitter().runs("事案4 · Bị quát", bold=True)
    assert [(r.font, r.text) for r in runs] == [(JAPANESE_BOLD, "事案"), (SANS_BOLD, "4 · Bị quát")]
    # Full-width Japanese punctuation stays in the Japanese face.
    assert [(r.font, r.text) for r in RunSplitter().runs("日時（4）", bold=True)] == [
        (JAPANESE_BOLD, "日時（"), (SANS_BOLD, "4"), (JAPANESE_BOLD, "）")]


def test_b_tag_over_japanese_text_selects_the_bold_face():
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    register_fonts()
    style = ParagraphStyle("t", fontName=JAPANESE, fontSize=9)
    para = Paragraph('<b>給与明細</b>と<font name="HB-IPAexGothic">最低賃金</font>', style)
    fonts = [(f.text, f.fontName) for f in para.frags]
    assert fonts == [("給与明細", JAPANESE_BOLD), ("と", JAPANESE), ("最低賃金", JAPANESE)]
    # A run already named bold stays bold inside a bold heading style; a regular one stays regular.
    heading = ParagraphStyle("h", fontName=SANS_BOLD, fontSize=10)
    para = Paragraph(f'<font name="{JAPANESE_BOLD}">事案</font><font name="{SANS}">x</font>', heading)
    assert [f.fontName for f in para.frags] == [JAPANESE_BOLD, SANS]


def test_a_rendered_bold_heading_keeps_a_character_only_the_regular_face_has():
    from reportlab.platypus import SimpleDocTemplate

    kit = Kit(Labels(("vi", "ja")))
    buf = io.BytesIO()
    SimpleDocTemplate(buf).build([kit.p(f"Chữ {ONLY_IN_REGULAR} / {ONLY_IN_REGULAR}の字", "h2", bold=True)])
    found = segments(PdfReader(io.BytesIO(buf.getvalue())))
    text = "".join(t for _f, _s, t in found)
    assert ONLY_IN_REGULAR in text and "\ufffd" not in text
    assert all(f == "IPAexGothic" for f, _s, t in found if ONLY_IN_REGULAR in t)
    assert any(f == "BIZUDGothic-Bold" and "の字" in t for f, _s, t in found)
    assert kit.splitter.missing == set()


@pytest.mark.parametrize("langs", [("vi", "ja"), ("ja", "vi")])
def test_headings_and_labels_are_bold_in_both_languages(demo, tmp_path, langs):
    dest = tmp_path / "pack.pdf"
    result = reports.build_evidence_pack(demo, dest, ReportOptions(langs=langs))
    assert result.missing_glyphs == ()
    reader = PdfReader(str(dest))
    found = segments(reader)
    styles = make_styles()
    heading_sizes = {styles["h1"].fontSize, styles["h2"].fontSize}
    headings = [(f, t) for f, size, t in found if size in heading_sizes]
    assert headings
    # every heading piece is in a bold face: Japanese in BIZ UDGothic Bold, Vietnamese in Noto Sans Bold
    assert {f for f, _t in headings} == {"BIZUDGothic-Bold", "NotoSans-Bold"}
    assert any(f == "BIZUDGothic-Bold" and "事案" in t for f, t in headings)  # "Sự việc 4 / 事案4 · …"
    assert any(f == "NotoSans-Bold" and "Sự việc" in t for f, t in headings)
    # the cover's labels: bold in both languages (no longer one weight told apart by colour)
    cover = segments(reader, [0])
    assert ("BIZUDGothic-Bold", "技能実習生") in {(f, t.strip()) for f, _s, t in cover}
    assert ("NotoSans-Bold", "Thực tập sinh") in {(f, t.strip()) for f, _s, t in cover}
    # the bold face is embedded (as a subset), like the others
    names = {f for f, _s, _t in found}
    assert {"NotoSans-Regular", "NotoSans-Bold", "IPAexGothic", "BIZUDGothic-Bold"} <= names
