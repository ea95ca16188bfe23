"""What every report shares: styles, the bilingual building blocks, the page frame with
"page X of Y", document metadata, progress/cancel, atomic writing and the optional password.

A report module builds a list of flowables with a `Kit` (fonts + labels + styles) and hands it
to `render_pdf`, which writes the PDF into a binary stream. `write_report` puts that stream
into a file the safe way: a temporary name in the same folder, `os.replace` at the very end,
removed on any failure or cancel, so a half-written PDF never exists under the chosen name.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import BinaryIO

from handbook_app import __version__
from handbook_app.i18n import N_
from handbook_app.private_files import open_private
from handbook_app.reports.fonts import (
    JAPANESE,
    PIECE_CHARS,
    SANS,
    SANS_BOLD,
    RunSplitter,
    describe_missing,
    split_long,
)
from handbook_app.reports.labels import Labels
from handbook_app.reports.line_rules import plan_lines, use_for_reportlab

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

PRODUCER = f"Trainee Handbook {__version__} (ReportLab)"
APP_NAME = N_("Trainee Handbook")

MM = 72 / 25.4
PAGE_MARGIN = 16 * MM
INK = "#1a1a1a"
MUTED = "#555555"
RULE = "#9a9a9a"
HEAD_BG = "#e6eaf0"
FLAG_BG = "#fde2dc"
NOTE_BG = "#fff6d6"


class ReportCancelled(Exception):
    """The user cancelled; no file was left behind."""


class ReportWriteError(OSError):
    """The PDF could not be written (unwritable folder, disk full); no file was left behind."""


@dataclass(frozen=True)
class RenderInfo:
    pages: int
    missing_glyphs: tuple[str, ...]  # "U+1F600 GRINNING FACE", ...
    # files embedded in the PDF (name, bytes, description): the data behind the figures, as CSV
    embedded: tuple[tuple[str, bytes, str], ...] = ()


def make_styles():
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    use_for_reportlab()  # the "CJK" paragraphs below break lines by the same rules as break_lines
    ink = colors.HexColor(INK)
    base = ParagraphStyle("hb-body", fontName=SANS, fontSize=9, leading=12.2, textColor=ink, spaceAfter=3)
    styles = {
        "body": base,
        "small": ParagraphStyle("hb-small", base, fontSize=7.6, leading=10, spaceAfter=1),
        "muted": ParagraphStyle("hb-muted", base, fontSize=8, leading=10.5, textColor=colors.HexColor(MUTED)),
        "cell": ParagraphStyle("hb-cell", base, fontSize=7.8, leading=9.8, spaceAfter=0),
        "head": ParagraphStyle("hb-head", base, fontName=SANS_BOLD, fontSize=7.6, leading=9.4, spaceAfter=0),
        "title": ParagraphStyle("hb-title", base, fontName=SANS_BOLD, fontSize=21, leading=28, spaceAfter=6,
                                alignment=TA_CENTER),
        "subtitle": ParagraphStyle("hb-subtitle", base, fontSize=11.5, leading=16, alignment=TA_CENTER,
                                   textColor=colors.HexColor(MUTED)),
        "h1": ParagraphStyle("hb-h1", base, fontName=SANS_BOLD, fontSize=14, leading=18.5, spaceBefore=4,
                             spaceAfter=7, keepWithNext=1),
        "h2": ParagraphStyle("hb-h2", base, fontName=SANS_BOLD, fontSize=10.5, leading=14, spaceBefore=8,
                             spaceAfter=3, keepWithNext=1),
        "note": ParagraphStyle("hb-note", base, backColor=colors.HexColor(NOTE_BG), borderPadding=5,
                               spaceBefore=6, spaceAfter=8),
        # The second language at the same size and colour as the first: the reader's language is never a footnote.
        "second": ParagraphStyle("hb-second", base, leftIndent=9, spaceAfter=4),
        "second-small": ParagraphStyle("hb-second-small", base, fontSize=7.6, leading=10, leftIndent=9,
                                       spaceAfter=3),
        "hash": ParagraphStyle("hb-hash", base, fontSize=10, leading=13.5, spaceAfter=4),
        # a month's heading above its findings: never left alone at the foot of a page
        "month": ParagraphStyle("hb-month", base, fontName=SANS_BOLD, spaceBefore=5, spaceAfter=2, keepWithNext=1),
        # a command to type: one line, small enough for the full 64-character hash
        "command": ParagraphStyle("hb-command", base, fontSize=7.4, leading=10, backColor=colors.HexColor(NOTE_BG),
                                  borderPadding=4, spaceBefore=4, spaceAfter=8),
    }
    # Japanese-heavy text has no spaces to break at: the same styles wrapping at any character.
    for key in list(styles):
        styles[key + ":cjk"] = ParagraphStyle(styles[key].name + "-cjk", styles[key], wordWrap="CJK")
    return styles


@dataclass
class Kit:
    """Fonts, labels and styles for one report being built."""

    labels: Labels
    splitter: RunSplitter = field(default_factory=RunSplitter)

    def __post_init__(self) -> None:
        self.styles = make_styles()
        self.refs = PageRefs()

    # -- paragraphs
    def p(self, text: str, style: str = "body", bold: bool = False):
        from reportlab.platypus import Paragraph

        name = style + ":cjk" if self.splitter.is_japanese_heavy(text) else style
        if len(text) > PIECE_CHARS:  # long texts in bounded pieces: layout time linear in length (issue 17 #6)
            from handbook_app.reports.long_text import LongText

            return LongText([Paragraph(self.splitter.markup(t, bold), self.styles[name]) for t in split_long(text)])
        return Paragraph(self.splitter.markup(text, bold), self.styles[name])

    def rich(self, parts: Sequence[tuple[str, bool]], style: str = "body"):
        """A paragraph of (text, bold) pieces, e.g. a label in bold followed by its value."""
        from reportlab.platypus import Paragraph

        plain = "".join(t for t, _b in parts)
        name = style + ":cjk" if self.splitter.is_japanese_heavy(plain) else style
        markup = "".join(
            f"<b>{self.splitter.markup(t, True)}</b>" if b else self.splitter.markup(t)
            for t, b in parts
        )
        return Paragraph(markup, self.styles[name])

    def lines(self, texts: Sequence[str], style: str = "body", bold: bool = False) -> list:
        """One line per language: each wraps its own way (Japanese at any character, Vietnamese at spaces),
        so a short Japanese word is never broken to leave one kana alone on a line. A line that fits is drawn
        as it is (no paragraph parsing or line breaking: most table cells of a long pack)."""
        return [self.line(t, style, bold) for t in texts if t]

    def line(self, text: str, style: str = "body", bold: bool = False, clip: bool = False):
        """`text` on one line when it fits, else a wrapping paragraph; `clip`: cut it with "…" instead."""
        if "\n" in text:
            return self.p(text, style, bold)
        return _line_class()(self, ((text, False),), style, bold, clip)

    def text(self, text: str, style: str = "body", bold: bool = False):
        """A block of free text (a description, a translation): laid out by a plain line breaker when one
        face shows it all, else as a paragraph. Most evidence text is one language, so a long pack is not
        held up by ReportLab's paragraph parser and CJK line breaking."""
        runs = self.splitter.runs(text, bold)
        if len(runs) != 1 or not text.strip():
            return self.p(text, style, bold)
        return _text_class()(self.styles[style], runs[0].font, runs[0].text)

    def labelled(self, label: str, text: str, style: str = "body"):
        """A label line above a block of free text, never parted from it: a short block moves to the next page
        whole, a long one keeps at least two lines under its label."""
        head = self.label_line(label)
        body = self.text(text, style)
        if isinstance(body, _text_class()):
            body.label = head
            return body
        from reportlab.platypus import KeepTogether

        return KeepTogether([head, body])

    def label_line(self, text: str, style: str = "small"):
        """A label on its own line (bold in every language), drawn as it is when it fits."""
        return _line_class()(self, ((text, True),), style, False, False)

    def field_lines(self, pairs: Sequence[tuple[str, str]], style: str = "small") -> list:
        """"Label: value" lines, each drawn as it is when it fits (fast) and wrapped as a paragraph if not."""
        out = []
        for label, value in pairs:
            if "\n" in value:
                out.append(self.rich([(label + ": ", True), (value, False)], style))
            else:
                out.append(_line_class()(self, ((label + ": ", True), (value, False)), style, False, False))
        return out

    def label(self, message: str, style: str = "body", **values: object):
        """A label in both languages, "Tiếng Việt / 日本語"."""
        return self.p(self.labels.inline(message, **values), style, bold=style in ("h1", "h2", "head"))

    def h1(self, message: str):
        return self.label(message, "h1")

    def h2(self, message: str):
        return self.label(message, "h2")

    def both(self, message: str, style: str = "body", **values: object) -> list:
        """A sentence in each language, one paragraph each (long texts read better apart)."""
        return [self.p(text, style) for text in self.labels.each(message, **values)]

    def note(self, message: str, **values: object):
        return self.p("\n".join(self.labels.each(message, **values)), "note")

    # -- tables
    def head(self, message: str):
        return self.lines(self.labels.each(message), "head", bold=True)

    def choice(self, message: str, style: str = "cell") -> list:
        """A translated word in a table cell, one line per language."""
        return self.lines(self.labels.each(message), style)

    def cell(self, text: str):
        """A table cell: plain text when one face shows it all (fast), else a wrapping paragraph."""
        if not text:
            return ""
        runs = self.splitter.runs(text)
        if len(runs) == 1 and len(text) <= 40 and "\n" not in text:
            return _Plain(runs[0].text, runs[0].font)
        return self.p(text, "cell")

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float],
              align_right: Sequence[int] = (), flagged_rows: Sequence[int] = (), head_is_label: bool = True):
        """A table that splits across pages and repeats its header row."""
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        data: list[list[object]] = [[self.head(h) if head_is_label else self.p(h, "head") for h in headers]]
        commands: list[tuple] = [
            ("FONTNAME", (0, 1), (-1, -1), SANS),
            ("FONTSIZE", (0, 1), (-1, -1), 7.8),
            ("LEADING", (0, 1), (-1, -1), 9.8),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEAD_BG)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor(RULE)),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#d0d0d0")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ]
        for col in align_right:
            commands.append(("ALIGN", (col, 1), (col, -1), "RIGHT"))
        column_fonts: dict[int, set[str]] = {}
        for row in rows:
            for c_index, value in enumerate(row):
                if isinstance(value, _Plain):
                    column_fonts.setdefault(c_index, set()).add(value.font)
            data.append(list(row))
        for c_index, fonts in column_fonts.items():
            if fonts == {SANS}:
                continue
            if len(fonts) == 1:
                commands.append(("FONTNAME", (c_index, 1), (c_index, -1), next(iter(fonts))))
            else:
                for r_index in range(1, len(data)):
                    value = data[r_index][c_index]
                    if isinstance(value, _Plain) and value.font != SANS:
                        commands.append(("FONTNAME", (c_index, r_index), (c_index, r_index), value.font))
        for r_index in flagged_rows:
            commands.append(("BACKGROUND", (0, r_index + 1), (-1, r_index + 1), colors.HexColor(FLAG_BG)))
        table = Table([[str(v) if isinstance(v, _Plain) else v for v in row] for row in data],
                      colWidths=list(widths), repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        return table

    def facts(self, pairs: Sequence[tuple[str, str]], widths: tuple[float, float] = (55 * MM, 123 * MM)):
        """A two-column table of bilingual labels and their values (values may be long and wrap)."""
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        data = [[self.lines(self.labels.each(k), "cell", bold=True),
                 self.p(v or "—", "cell")] for k, v in pairs]
        table = Table(data, colWidths=list(widths), hAlign="LEFT")
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d0d0d0")),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]))
        return table

    def spacer(self, height_mm: float = 4):
        from reportlab.platypus import Spacer

        return Spacer(1, height_mm * MM)


@cache
def _line_class():
    from reportlab.lib.colors import toColor
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus.flowables import Flowable

    class Line(Flowable):
        """One line of text in the style's size and colour, split into font runs; a paragraph only when it
        does not fit (or, clipped, cut with "…"). `parts` are (text, is_label) pieces: labels are bold."""

        def __init__(self, kit: Kit, parts: Sequence[tuple[str, bool]], key: str, bold: bool, clip: bool) -> None:
            super().__init__()
            self.kit, self.parts, self.key, self.bold, self.clip = kit, parts, key, bold, clip
            self.style = kit.styles[key]
            ink = toColor(self.style.textColor)
            self.runs: list[tuple[str, str, object]] = []  # (font, text, colour)
            for text, is_label in parts:
                # labels are bold in every language (Japanese in BIZ UDGothic Bold): neither looks lighter
                self.runs += [(r.font, r.text, ink) for r in kit.splitter.runs(text, bold or is_label)]
            size = self.style.fontSize
            self.text_width = sum(stringWidth(t, f, size) for f, t, _c in self.runs)
            self.para = None

        def wrap(self, aw, ah):
            self._avail = aw
            if self.text_width <= aw:
                self.para = None
                self.width, self.height = self.text_width, self.style.leading
                return self.width, self.height
            if self.clip:
                self.runs = self._clipped(aw)
                self.text_width = aw
                self.width, self.height = aw, self.style.leading
                return self.width, self.height
            if self.para is None:
                if len(self.parts) == 1 and not self.parts[0][1]:
                    self.para = self.kit.text(self.parts[0][0], self.key, self.bold)
                else:
                    self.para = self.kit.rich(self.parts, self.key)
            return self.para.wrap(aw, ah)

        def _clipped(self, aw):
            size, out = self.style.fontSize, []
            used = stringWidth("…", SANS, size)
            for font, text, colour in self.runs:
                kept = ""
                for ch in text:
                    w = stringWidth(ch, font, size)
                    if used + w > aw:
                        if kept:
                            out.append((font, kept, colour))
                        out.append((SANS, "…", colour))
                        return out
                    kept += ch
                    used += w
                out.append((font, kept, colour))
            return out

        def draw(self):
            if self.para is not None:
                self.para.drawOn(self.canv, 0, 0)
                return
            canv, style = self.canv, self.style
            if style.backColor is not None:  # a note: its background as a paragraph would draw it
                pad = style.borderPadding or 0
                canv.saveState()
                canv.setFillColor(style.backColor)
                canv.rect(-pad, -pad, self._avail + 2 * pad, self.height + 2 * pad, stroke=0, fill=1)
                canv.restoreState()
            # one text object for the whole line: the runs follow each other (no per-run drawString)
            text = canv.beginText(0, style.leading - style.fontSize * 0.8)
            colour = None
            for font, part, ink in self.runs:
                if ink is not colour:
                    text.setFillColor(ink)
                    colour = ink
                text.setFont(font, style.fontSize)
                text.textOut(part)
            canv.drawText(text)

    return Line


def break_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Line breaking of single-face text by the rules of `line_rules` (shared with ReportLab's CJK
    paragraphs): at spaces, between Japanese characters (never starting a line with closing punctuation,
    "：" or a small kana), never inside a number or between a currency sign or unit and its number; a word
    wider than the line is cut into balanced pieces, and no block ends with one character alone."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    known: dict[str, float] = {}

    def width_of(ch: str) -> float:
        w = known.get(ch)
        if w is None:
            w = known[ch] = stringWidth(ch, font, size)
        return w

    out: list[str] = []
    for block in text.split("\n"):
        widths = [width_of(ch) for ch in block]
        out += [block[a:b] for a, b in plan_lines(block, widths, lambda _n: width)] or [""]
    return out


@cache
def _text_class():
    from reportlab.platypus.flowables import Flowable

    class Text(Flowable):
        """Single-face text broken into lines without a paragraph parser; splits across pages by lines.
        With a `label` (a flowable drawn above the lines), a block of up to KEEP_WHOLE lines is never split and
        a longer one keeps two lines with its label and two on the next page (no widows or orphans)."""

        KEEP_WHOLE = 6

        def __init__(self, style, font: str, text: str, lines: list[str] | None = None, label=None) -> None:
            super().__init__()
            self.style, self.font, self.text = style, font, text
            self.lines = lines
            self.label = label
            self._width = None
            self._label_height = 0.0

        def getSpaceBefore(self):  # noqa: N802 (ReportLab's name)
            return self.label.getSpaceBefore() if self.label is not None else self.style.spaceBefore

        def getSpaceAfter(self):  # noqa: N802
            return self.style.spaceAfter

        def wrap(self, aw, ah):
            if self.lines is None or self._width != aw:
                if self._width is None or self.text:
                    usable = aw - self.style.leftIndent - self.style.rightIndent
                    self.lines = break_lines(self.text, self.font, self.style.fontSize, usable)
                self._width = aw
            if self.label is not None:
                _w, height = self.label.wrap(aw, ah)
                self._label_height = height + self.label.getSpaceAfter()
            self.width, self.height = aw, self._label_height + len(self.lines) * self.style.leading
            return self.width, self.height

        def split(self, aw, ah):
            self.wrap(aw, ah)
            count = len(self.lines)
            fit = int((ah - self._label_height) // self.style.leading)
            if fit >= count:
                return [self]
            if self.label is not None and count <= self.KEEP_WHOLE:
                return []
            if fit < 2 or count - fit < 2:  # no widow or orphan line
                fit = min(fit, count - 2)
                if fit < 2:
                    return []
            head = type(self)(self.style, self.font, "", self.lines[:fit], self.label)
            tail = type(self)(self.style, self.font, "", self.lines[fit:])
            head._width = tail._width = aw
            return [head, tail]

        def draw(self):
            canv, size, leading = self.canv, self.style.fontSize, self.style.leading
            if self.label is not None:
                self.label.drawOn(canv, 0, self.height - self.label.height)
            text = canv.beginText(self.style.leftIndent, self.height - self._label_height - size)
            text.setFillColor(self.style.textColor)
            text.setFont(self.font, size, leading)
            for line in self.lines:
                text.textLine(line)
            canv.drawText(text)

    return Text


class _Plain(str):
    """A short cell value that one face shows entirely (drawn as a plain string, no Paragraph)."""

    font: str

    def __new__(cls, text: str, font: str):
        obj = super().__new__(cls, text)
        obj.font = font
        return obj


# --------------------------------------------------------------------------- the page frame


@dataclass(frozen=True)
class PageFrame:
    """What the header and footer of every page say."""

    title: str  # both languages, short
    generated: dt.datetime
    footer_note: str = ""  # "Not password-protected" / "Password-protected"
    owner: str = ""  # the trainee's name, or initials when it is withheld
    doc_id: str = ""  # a short id of this document (also in its metadata)
    head: str = ""  # the short head hash of the audit chain the document was made from


class PageRefs:
    """Where anchors landed (for the contents list, the summary's "page N" and the PDF outline).

    A pack is laid out once: flowables record their anchor's page while drawing, and page numbers
    that point forward are written onto the pages when the document is saved (every page is held
    until then for "page X of Y" anyway), so no second layout pass is needed."""

    def __init__(self) -> None:
        self.pages: dict[str, int] = {}
        self.marks: dict[int, list[tuple[str, str, int, float]]] = {}  # page -> (key, title, level, y): the outline
        self.late: dict[int, list[tuple[float, float, str, float]]] = {}  # page -> (x, y, key, size): numbers to draw

    def outline_for(self, page: int) -> list[tuple[str, str, int, float]]:
        return self.marks.get(page, [])


def current_page(canv) -> int:
    pages = getattr(canv, "_pages", None)
    return len(pages) + 1 if pages is not None else canv.getPageNumber()


def _anchor_class():
    from reportlab.platypus.flowables import Flowable

    class Anchor(Flowable):
        """Zero-size marker: records its page (and an outline entry when it has a title). It keeps with what
        follows: when that moves to the next page, the anchor (and so every "page N" that points to it) moves too."""

        keepWithNext = 1  # noqa: N815 (ReportLab's name)

        def __init__(self, refs: PageRefs, key: str, title: str = "", level: int = 0) -> None:
            super().__init__()
            self.refs, self.key, self.title, self.level = refs, key, title, level
            self.width = self.height = 0

        def wrap(self, _aw, _ah):
            return 0, 0

        def draw(self):
            page = current_page(self.canv)
            self.refs.pages.setdefault(self.key, page)
            if self.title:
                _x, y = self.canv.absolutePosition(0, 0)
                self.refs.marks.setdefault(page, []).append((self.key, self.title, self.level, y))

    class RefLine(Flowable):
        """A line of text (a paragraph) with the page number of `key` right-aligned beside it."""

        def __init__(self, refs: PageRefs, para, key: str, size: float = 9, gap: float = 16 * MM) -> None:
            super().__init__()
            self.refs, self.para, self.key, self.size, self.gap = refs, para, key, size, gap

        def wrap(self, aw, ah):
            self.avail = aw
            _w, h = self.para.wrap(aw - self.gap, ah)
            self.height = h
            return aw, h

        def draw(self):
            self.para.drawOn(self.canv, 0, 0)
            x, y = self.canv.absolutePosition(self.avail, self.height - self.size)
            self.refs.late.setdefault(current_page(self.canv), []).append((x, y, self.key, self.size))

    return Anchor, RefLine


def anchor(kit: Kit, key: str, title: str = "", level: int = 0):
    return _anchor_class()[0](kit.refs, key, title, level)


def ref_line(kit: Kit, para, key: str, size: float = 9):
    return _anchor_class()[1](kit.refs, para, key, size)


def embed_files(canv, files: Sequence[tuple[str, bytes, str]]) -> None:
    """Attach `files` (name, bytes, description) to the document as PDF embedded files (the catalogue's
    /EmbeddedFiles name tree, each a compressed stream with its size and MD5 as the PDF format asks), written
    with the rest of the document: no second pass over a finished file of hundreds of pages."""
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString, PDFZCompress

    doc = canv._doc
    names: list[object] = []
    for name, content, description in sorted(files, key=lambda f: f[0]):  # a name tree is sorted by key
        params = PDFDictionary({"Size": len(content), "CheckSum": PDFString(hashlib.md5(content).digest(),
                                                                              enc="raw")})
        stream = PDFStream(PDFDictionary({"Type": PDFName("EmbeddedFile"), "Params": params}), content,
                           filters=[PDFZCompress])
        spec = PDFDictionary({"Type": PDFName("Filespec"), "F": PDFString(name), "UF": PDFString(name),
                              "Desc": PDFString(description), "EF": PDFDictionary({"F": doc.Reference(stream)})})
        names += [PDFString(name), doc.Reference(spec)]
    if names:
        tree = PDFDictionary({"Names": PDFArray(names)})
        doc.Catalog.Names = PDFDictionary({"EmbeddedFiles": doc.Reference(tree)})


def _canvas_class(kit: Kit, frame: PageFrame, embedded: Sequence[tuple[str, bytes, str]] = ()):
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    labels = kit.labels
    refs = kit.refs
    # language-free, so it fits beside the protection note: "Nguyễn Văn Minh · ID 1D10D91B · SHA-256 102f1e133682"
    ident = [x for x in (frame.owner, f"ID {frame.doc_id}" if frame.doc_id else "",
                         f"SHA-256 {frame.head}" if frame.head else "") if x]
    second_line = "  ·  ".join(ident) or labels.inline(N_("Generated {date}"), date=labels.datetime(frame.generated))

    class NumberedCanvas(Canvas):
        """Holds every page until the end so each footer can say "page X of Y"."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 (ReportLab's name)
            # a page's drawing operators as one string (ReportLab joins them with newlines when it writes the
            # page): hundreds of held pages cost far less memory than as lists of short strings
            self._code = ["\n".join(self._code)]
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            outlined = False
            last_level = -1
            for number in range(1, total + 1):
                state, self._pages[number - 1] = self._pages[number - 1], {}  # written below: no longer held
                self.__dict__.update(state)
                del state
                for key, title, level, y in refs.outline_for(number):
                    level = min(level, last_level + 1)
                    self.bookmarkPage(key, fit="XYZ", left=0, top=y + 20)
                    self.addOutlineEntry(title, key, level=level, closed=level > 0)
                    last_level, outlined = level, True
                self._late_numbers(number)
                self._footer(number, total)
                Canvas.showPage(self)
            if outlined:
                self.showOutline()
            embed_files(self, embedded)
            Canvas.save(self)

        def _late_numbers(self, number: int) -> None:
            for x, y, key, size in refs.late.get(number, []):
                if key in refs.pages:
                    self.setFont(SANS, size)
                    self.setFillColor(colors.HexColor(INK))
                    self.drawRightString(x, y, str(refs.pages[key]))

        def _footer(self, number: int, total: int) -> None:
            width, _height = self._pagesize
            self.saveState()
            self.setStrokeColor(colors.HexColor(RULE))
            self.setLineWidth(0.4)
            self.line(PAGE_MARGIN, 12 * MM, width - PAGE_MARGIN, 12 * MM)
            self.setFillColor(colors.HexColor(MUTED))
            kit.splitter.draw(self, PAGE_MARGIN, 8.5 * MM, frame.title, 7)
            kit.splitter.draw(self, PAGE_MARGIN, 5.2 * MM, second_line, 6.6)
            page = labels.inline(N_("Page {page} of {total}"), sep="  ·  ", page=number, total=total)
            kit.splitter.draw(self, width - PAGE_MARGIN, 8.5 * MM, page, 7.5, bold=True, align="right")
            if frame.footer_note:
                kit.splitter.draw(self, width - PAGE_MARGIN, 5.2 * MM, frame.footer_note, 6.6, align="right")
            self.restoreState()

    return NumberedCanvas


@dataclass(frozen=True)
class DocMeta:
    title: str
    subject: str
    author: str = ""
    keywords: tuple[str, ...] = ()


def render_pdf(kit: Kit, story: list, out: BinaryIO, frame: PageFrame, meta: DocMeta,
               progress: Progress | None = None, cancelled: Cancelled | None = None,
               progress_span: tuple[int, int] = (0, 100),
               embedded: Sequence[tuple[str, bytes, str]] = ()) -> RenderInfo:
    """Lay out `story` into `out`. Raises ReportCancelled when `cancelled()` turns true.
    `embedded` files are attached to the PDF as it is written (`embed_files`)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Frame, PageTemplate
    from reportlab.platypus.doctemplate import BaseDocTemplate

    flowables = keep_headings_with_blocks(story + _missing_note(kit))
    story.clear()  # ReportLab drops each flowable once it is on a page: no other list may keep them all alive
    doc = BaseDocTemplate(
        out, pagesize=A4, leftMargin=PAGE_MARGIN, rightMargin=PAGE_MARGIN, topMargin=PAGE_MARGIN,
        bottomMargin=18 * MM, title=meta.title, subject=meta.subject, author=meta.author or "",
        creator=PRODUCER, producer=PRODUCER, keywords=list(meta.keywords), lang=kit.labels.primary,
        initialFontName=SANS, displayDocTitle=1,
    )
    body = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[body])])
    low, high = progress_span
    state = {"total": max(1, len(flowables)), "last": -1}

    def on_progress(kind: str, value: int) -> None:
        if cancelled is not None and cancelled():
            raise ReportCancelled()
        if kind == "SIZE_EST":
            state["total"] = max(1, value)
        elif kind == "PROGRESS" and progress is not None:
            pct = low + (high - low) * min(value, state["total"]) // state["total"]
            if pct != state["last"]:
                state["last"] = pct
                progress(pct, 100)

    doc.setProgressCallBack(on_progress)
    doc.build(flowables, canvasmaker=_canvas_class(kit, frame, embedded))
    if cancelled is not None and cancelled():
        raise ReportCancelled()
    return RenderInfo(pages=doc.page, missing_glyphs=tuple(describe_missing(kit.splitter.missing)),
                      embedded=tuple(embedded))


def keep_headings_with_blocks(story: list) -> list:
    """Put keep-with-next flowables (headings, anchors) that come right before a KeepTogether block inside it.
    ReportLab never joins a KeepTogether to a keep-with-next group, so such a heading could be left alone at the
    foot of a page with its block on the next one."""
    from reportlab.platypus import KeepTogether

    out: list = []
    pending: list = []
    for flowable in story:
        if not isinstance(flowable, KeepTogether) and flowable.getKeepWithNext():
            pending.append(flowable)
            continue
        if pending and isinstance(flowable, KeepTogether):
            flowable._content = pending + list(flowable._content)
        else:
            out += pending
        pending = []
        out.append(flowable)
    return out + pending


def _missing_note(kit: Kit) -> list:
    if not kit.splitter.missing:
        return []
    codes = ", ".join(describe_missing(kit.splitter.missing))
    return [kit.spacer(4), kit.note(N_("Some characters in the records could not be shown with the fonts of this "
                                        "PDF and appear as \ufffd: {codes}. The vault keeps them unchanged."),
                                    codes=codes)]


# --------------------------------------------------------------------------- writing


def finish_pdf(data: bytes, password: str | None = None) -> bytes:
    """Apply the password, with pypdf, on the finished file (embedded files are already in it).

    AES-256 (ReportLab's own AES output is rejected by Poppler). AES-256 with revision 6 belongs to
    PDF 2.0, so a protected file's header says %PDF-2.0 (ReportLab writes 1.4)."""
    if not password:
        return data
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    owner = hashlib.sha256(os.urandom(32)).hexdigest()
    writer.encrypt(user_password=password, owner_password=owner, algorithm="AES-256")
    writer.pdf_header = b"%PDF-2.0"
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def protect_pdf(data: bytes, password: str) -> bytes:
    return finish_pdf(data, password)


@dataclass(frozen=True)
class Written:
    path: Path
    sha256: str
    pages: int
    missing_glyphs: tuple[str, ...]
    size: int


def render_bytes(render: Callable[[BinaryIO], RenderInfo], password: str | None = None) -> tuple[bytes, RenderInfo]:
    buffer = io.BytesIO()
    info = render(buffer)
    data = finish_pdf(buffer.getvalue(), password)
    return data, info


def write_report(dest: str | os.PathLike, render: Callable[[BinaryIO], RenderInfo],
                 password: str | None = None, cancelled: Cancelled | None = None) -> Written:
    """Render into memory, then write `dest` atomically. Cancelled or failed: no file is left."""
    dest = Path(dest)
    data, info = render_bytes(render, password)
    if cancelled is not None and cancelled():
        raise ReportCancelled()
    tmp = dest.with_name(f".{dest.name}.part")
    try:
        with open_private(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if cancelled is not None and cancelled():
            raise ReportCancelled()
        os.replace(tmp, dest)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ReportWriteError(exc.errno, exc.strerror or str(exc), str(dest)) from None
        raise
    return Written(dest, hashlib.sha256(data).hexdigest(), info.pages, info.missing_glyphs, len(data))


__all__ = [
    "JAPANESE", "MM", "PAGE_MARGIN", "DocMeta", "Kit", "PageFrame", "PageRefs", "RenderInfo", "ReportCancelled",
    "ReportWriteError", "Written", "anchor", "finish_pdf", "protect_pdf", "ref_line", "render_bytes", "render_pdf",
    "write_report",
]
