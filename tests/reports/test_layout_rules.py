"""Page-break rules every report shares: a heading is never left alone at the foot of a page, a label never
parted from its text."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from handbook_app.reports.base import MM, DocMeta, Kit, PageFrame, render_pdf
from handbook_app.reports.labels import Labels

FRAME_HEIGHT = 297 * MM - 16 * MM - 18 * MM  # A4 less the top and bottom margins


def _pages(story_for) -> list[str]:
    kit = Kit(Labels(("vi", "ja")))  # registers the bundled fonts before ReportLab's platypus is imported
    out = io.BytesIO()
    frame = PageFrame("Test", dt.datetime(2026, 12, 5, tzinfo=dt.UTC))
    render_pdf(kit, story_for(kit), out, frame, DocMeta("Test", "Test"))
    return [page.extract_text() for page in PdfReader(io.BytesIO(out.getvalue())).pages]


def test_a_heading_before_a_block_that_moves_on_moves_with_it():
    def story(kit):
        from reportlab.platypus import KeepTogether, Spacer

        block = KeepTogether([kit.p(f"Dòng {n} của khối / ブロックの{n}行目") for n in range(6)])
        # the page is full but for the heading's height: the block cannot follow it on this page
        return [Spacer(1, FRAME_HEIGHT - 40), kit.p("Tiêu đề nhóm / グループの見出し", "h2"), block]

    pages = _pages(story)
    assert len(pages) == 2
    assert "Tiêu đề nhóm" not in pages[0]
    assert "Tiêu đề nhóm" in pages[1] and "Dòng 0" in pages[1]


def test_a_label_is_never_parted_from_its_text():
    def story(kit):
        from reportlab.platypus import Spacer

        text = " ".join(["Quản lý la mắng tôi mỗi ngày trước mặt mọi người."] * 4)  # a few lines, one face
        return [Spacer(1, FRAME_HEIGHT - 30), kit.labelled("Những việc đã làm / これまでの対応", text)]

    pages = _pages(story)
    assert "Những việc đã làm" not in pages[0] and "Những việc đã làm" in pages[1]
