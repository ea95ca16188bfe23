"""The plain line breaker used for long single-language texts: Japanese kinsoku, Latin words, long words."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from handbook_app.reports.base import JAPANESE, break_lines
from handbook_app.reports.fonts import SANS, register_fonts
from handbook_app.reports.line_rules import NO_LINE_START


def test_japanese_lines_never_start_with_closing_punctuation_or_small_kana():
    register_fonts()
    text = "入社2日目、鈴木課長が「安全のため預かる」と言って、4人全員のパスポートを回収しました。" * 4
    for width in range(60, 200, 7):
        lines = break_lines(text, JAPANESE, 9, width)
        assert "".join(lines) == text  # nothing lost or added
        assert all(line and line[0] not in NO_LINE_START for line in lines[1:]), (width, lines)
        assert all(stringWidth(line, JAPANESE, 9) <= width + 9 for line in lines)


def test_latin_text_breaks_at_spaces_and_cuts_only_overlong_words():
    register_fonts()
    text = "Ngày thứ hai đi làm, ông Suzuki (trưởng bộ phận) thu hộ chiếu của cả nhóm 4 người " + "x" * 80
    lines = break_lines(text, SANS, 9, 150)
    assert " ".join(lines).replace("x ", "x").startswith("Ngày thứ hai đi làm,")
    assert all(stringWidth(line, SANS, 9) <= 150 for line in lines)
    assert lines[0].split()[-1] in text.split()  # whole words on the first line
    assert break_lines("a\nb", SANS, 9, 100) == ["a", "b"]
