"""Report pages become images in memory with PDFium: no external program (Windows has no Poppler)."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from handbook_app.services.report_preview import PreviewDocument, RenderError, rasteriser_available


def _pdf(pages: int) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for n in range(pages):
        pdf.rect(72, 600, 200, 100 + 50 * n, fill=1)  # a black box, taller on each page
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _dark_rows(png: bytes) -> int:
    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    column = [image.getpixel((width // 4, y)) for y in range(height)]
    return sum(1 for v in column if v < 64)


def _near(size: tuple[int, int], expected: tuple[int, int]) -> bool:
    return all(abs(a - b) <= 1 for a, b in zip(size, expected, strict=True))


def test_pages_render_without_any_external_program(monkeypatch) -> None:
    monkeypatch.setenv("PATH", "")  # no pdftoppm, no anything
    assert rasteriser_available()
    document = PreviewDocument(_pdf(2), 2)
    assert document.can_render
    first, second = document.page_image(0, dpi=72), document.page_image(1, dpi=72)
    assert first.startswith(b"\x89PNG\r\n\x1a\n")
    assert _near(Image.open(io.BytesIO(first)).size, (595, 842))  # A4 at 72 dpi
    assert 90 <= _dark_rows(first) <= 110 and 140 <= _dark_rows(second) <= 160  # each page is itself
    bigger = document.page_image(0, dpi=144)
    assert _near(Image.open(io.BytesIO(bigger)).size, (1191, 1684))


def test_printing_draws_every_page_in_order_and_can_stop(monkeypatch) -> None:
    document = PreviewDocument(_pdf(3), 3)
    seen = [(i, _dark_rows(png)) for i, png in document.page_images(36)]
    assert [i for i, _rows in seen] == [0, 1, 2]
    assert seen[0][1] < seen[1][1] < seen[2][1]
    stop = iter([False, True])
    assert [i for i, _png in document.page_images(36, cancelled=lambda: next(stop))] == [0]


def test_a_broken_pdf_is_a_translated_error_not_a_crash() -> None:
    document = PreviewDocument(b"%PDF-1.4 this is not really a PDF", 1)
    with pytest.raises(RenderError, match="could not be drawn"):
        document.page_image(0)


def test_forget_drops_the_pdf_and_its_images() -> None:
    document = PreviewDocument(_pdf(1), 1)
    document.page_image(0, dpi=36)
    document.forget()
    assert document.data == b"" and document._images == {} and document._pdfium is None
