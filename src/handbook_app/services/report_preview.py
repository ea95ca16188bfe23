"""What the Reports screen needs besides making the PDF: page images and page texts for the in-app
preview and for printing (all in memory), the list of earlier handovers, and recording a printed copy.

Page images come from PDFium (the pypdfium2 wheel, which ships the library for Windows, Linux and
macOS): the PDF is read from bytes in memory and each page comes back as a PNG, so no temporary file
is written and no external program (such as Poppler's pdftoppm, which Windows lacks) is needed.
Should PDFium fail to load, the preview falls back to the text layer of each page (pypdf) and
printing is not offered.
"""

from __future__ import annotations

import datetime as dt
import io
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from handbook_app.i18n import _
from handbook_app.reports.model import SECTIONS, ReportOptions
from handbook_app.services.handbook import Handbook

__all__ = [
    "HANDOVER_ACTIONS", "HandoverRow", "PreviewDocument", "RenderError", "handovers", "rasteriser_available",
    "record_print",
]

HANDOVER_ACTIONS = ("handover", "export")
# PDFium is not thread-safe: pages are drawn on worker threads (preview, printing), one at a time.
_PDFIUM_LOCK = threading.Lock()


class RenderError(Exception):
    """A page could not be turned into an image; str() is a translated one-line message."""


@cache
def rasteriser_available() -> bool:
    """True when PDFium loads (it ships inside the pypdfium2 wheel, so normally always)."""
    try:
        import pypdfium2  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def _render_png(document, index: int, dpi: int) -> bytes:
    """One page of an open PDFium document as PNG bytes (fast compression: the image lives briefly)."""
    with _PDFIUM_LOCK:
        page = document[index]
        try:
            image = page.render(scale=dpi / 72).to_pil()
        finally:
            page.close()
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)
    return out.getvalue()


class PreviewDocument:
    """A PDF held in memory: page images (PDFium) or, failing that, page texts, drawn on demand."""

    def __init__(self, data: bytes, pages: int, missing_glyphs: tuple[str, ...] = ()) -> None:
        self.data = data
        self.pages = pages
        self.missing_glyphs = missing_glyphs
        self.can_render = rasteriser_available()
        self._images: dict[tuple[int, int], bytes] = {}
        self._texts: dict[int, str] = {}
        self._reader = None
        self._pdfium = None

    def _open_pdfium(self):
        if self._pdfium is None:
            try:
                import pypdfium2
            except (ImportError, OSError) as exc:
                raise RenderError(_("The page could not be drawn: {reason}").format(reason=exc)) from None
            try:
                with _PDFIUM_LOCK:
                    self._pdfium = pypdfium2.PdfDocument(self.data)
            except pypdfium2.PdfiumError as exc:
                raise RenderError(_("The page could not be drawn: {reason}").format(reason=exc)) from None
        return self._pdfium

    def _draw(self, index: int, dpi: int) -> bytes:
        document = self._open_pdfium()
        try:
            return _render_png(document, index, dpi)
        except Exception as exc:  # PdfiumError and Pillow's errors: one translated line, never a crash
            raise RenderError(_("The page could not be drawn: {reason}").format(reason=exc)) from None

    def page_image(self, index: int, dpi: int = 80) -> bytes:
        """PNG bytes of page `index` (0-based). Raises RenderError."""
        if not 0 <= index < self.pages:
            raise IndexError(index)
        key = (index, dpi)
        if key not in self._images:
            if len(self._images) > 24:  # keep memory flat when paging through a long pack
                self._images.clear()
            self._images[key] = self._draw(index, dpi)
        return self._images[key]

    def page_images(self, dpi: int, cancelled: Callable[[], bool] | None = None,
                    progress: Callable[[int, int], None] | None = None):
        """Yield (index, PNG bytes) for every page, one at a time (for printing)."""
        for index in range(self.pages):
            if cancelled is not None and cancelled():
                return
            yield index, self._draw(index, dpi)
            if progress is not None:
                progress(index + 1, self.pages)

    def page_text(self, index: int) -> str:
        """The text layer of page `index` (0-based), as a reader's copy-and-paste would give it."""
        if index not in self._texts:
            if self._reader is None:
                from pypdf import PdfReader

                self._reader = PdfReader(io.BytesIO(self.data))
            try:
                text = self._reader.pages[index].extract_text() or ""
            except Exception as exc:  # a page pypdf cannot read: say so instead of failing
                text = _("The text of this page could not be read: {reason}").format(reason=exc)
            self._texts[index] = text
        return self._texts[index]

    def forget(self) -> None:
        """Drop the PDF and everything drawn from it (on lock or when the preview closes)."""
        self.data = b""
        self._images.clear()
        self._texts.clear()
        self._reader = None
        if self._pdfium is not None:
            with _PDFIUM_LOCK:
                self._pdfium.close()
            self._pdfium = None


# --------------------------------------------------------------------------- handover log


@dataclass(frozen=True)
class HandoverRow:
    seq: int
    at: dt.datetime  # local time of the writer
    who: str
    action: str  # handover (PDF saved or printed), export (JSON)
    kind: str  # pdf, print, json
    report: str  # evidence, debt-summary, shortfall, or ""
    file: str
    pages: int | None
    sha256: str
    recipient: str
    langs: tuple[str, ...]
    sections: tuple[str, ...]
    password: bool


def _local(at: str, offset: str) -> dt.datetime:
    when = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    try:
        sign = -1 if offset.startswith("-") else 1
        hours, minutes = offset.lstrip("+-").split(":")
        tz = dt.timezone(sign * dt.timedelta(hours=int(hours), minutes=int(minutes)))
    except (ValueError, AttributeError):
        return when.astimezone()
    return when.astimezone(tz)


def handovers(handbook: Handbook) -> list[HandoverRow]:
    """Every PDF handed over (saved or printed) and every JSON export, newest first."""
    rows = []
    for e in handbook.audit_entries():
        if e.action not in HANDOVER_ACTIONS:
            continue
        det = dict(e.after or {})
        who = e.actor_name or (_("Trainee") if e.actor_kind == "trainee" else _("Support worker"))
        if e.actor_org:
            who = f"{who} ({e.actor_org})"
        pages = det.get("pages")
        rows.append(HandoverRow(
            seq=e.seq, at=_local(e.at, e.utc_offset), who=who, action=e.action, kind=e.kind or "",
            report=str(det.get("report") or ""), file=str(det.get("file") or ""),
            pages=int(pages) if isinstance(pages, int) else None, sha256=str(det.get("sha256") or ""),
            recipient=str(det.get("recipient") or ""), langs=tuple(det.get("langs") or ()),
            sections=tuple(det.get("sections") or ()), password=bool(det.get("password")),
        ))
    rows.reverse()
    return rows


def record_print(handbook: Handbook, kind: str, options: ReportOptions, pdf: bytes, pages: int):
    """A printed copy is a handover too: record it like a saved PDF (the hash is of the PDF printed)."""
    import hashlib

    details = {
        "report": kind,
        "file": "",
        "sha256": hashlib.sha256(pdf).hexdigest(),
        "pages": pages,
        "langs": list(options.langs),
        "sections": [s for s in SECTIONS if s in options.sections] if kind == "evidence" else [],
        "period": [d.isoformat() if d else None for d in (options.date_from, options.date_to)],
        "excluded": len(options.exclude),
        "masked": options.mask_third_parties,
        "password": False,
        "recipient": options.recipient.strip(),
    }
    return handbook.record_event("handover", "print", details)
