"""Medium 6: a long mixed vi/ja paragraph is laid out with work linear in its length (timings: bench_long_text)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from handbook_app.reports.base import SANS, Kit
from handbook_app.reports.fonts import split_long
from handbook_app.reports.labels import Labels

UNIT = "Quản lý la mắng tôi mỗi ngày. 監督者に毎日怒鳴られました。 "


def test_split_long_gives_the_text_back_in_bounded_pieces_at_sentence_ends():
    text = (UNIT * 500)[:20_011]
    pieces = split_long(text, 2000)
    assert "".join(pieces) == text
    assert all(len(p) <= 2000 for p in pieces) and len(pieces) <= 12
    assert all(p.endswith((" ", "。", "\n")) for p in pieces[:-1])
    assert split_long("short") == ["short"]
    assert "".join(split_long("x" * 5000, 2000)) == "x" * 5000  # no break anywhere: cut anyway


def characters_broken_into_lines(chars: int, monkeypatch) -> int:
    """How many characters ReportLab line-breaks in total to lay out one paragraph of `chars` characters."""
    kit = Kit(Labels(("vi", "ja")))  # registers the embedded fonts before ReportLab's styles are first imported
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    seen = {"n": 0}
    real_wrap = Paragraph.wrap

    def counting_wrap(self, aw, ah):
        seen["n"] += sum(len(getattr(f, "text", "")) for f in self.frags)
        return real_wrap(self, aw, ah)

    monkeypatch.setattr(Paragraph, "wrap", counting_wrap)
    text = (UNIT * (chars // len(UNIT) + 1))[:chars]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, initialFontName=SANS).build([kit.p(text)])
    monkeypatch.undo()
    pages = PdfReader(out).pages
    assert "監督者に毎日怒鳴られました" in pages[-1].extract_text()  # the end of the text is printed
    return seen["n"]


def test_layout_work_grows_linearly_with_the_length(monkeypatch):
    small = characters_broken_into_lines(20_000, monkeypatch)
    large = characters_broken_into_lines(80_000, monkeypatch)
    # Before: every page re-broke the whole rest of the paragraph (16× the work for 4× the text).
    assert large < 5 * small, (small, large)
    assert large < 4 * 80_000
