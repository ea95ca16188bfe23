"""Fonts for the PDFs and the run splitter that keeps every character in a font that has it.

Four TrueType faces ship in ``resources/fonts/`` and are embedded as subsets: Noto Sans
(regular and bold; Latin with every Vietnamese letter and tone), IPAex Gothic (Japanese) and
BIZ UDGothic Bold (the bold of the Japanese text: IPAex Gothic has no bold, and a heading or
label must be as strong in Japanese as in Vietnamese). No single face covers Vietnamese *and*
Japanese, so text is split into runs by glyph coverage, read from each font's own cmap, and
each run is wrapped in ``<font name=...>``.

* Letters go to the first face that has them (Noto first, then the Japanese face), so a
  Vietnamese word never mixes faces mid-word; digits, punctuation and spaces stay in the face
  of the run they are in when it has them (``2024年10月`` stays in one face).
* Bold Japanese is set in BIZ UDGothic Bold; the few characters it lacks (some radicals,
  ``彐``, …) fall back to regular IPAex Gothic rather than being lost.
* A character no face has (an emoji, Thai, …) is shown as U+FFFD "�" and *collected* in
  ``RunSplitter.missing`` so the caller can report it; nothing raises.
* Text is NFC-normalised first: decomposed Vietnamese (base letter + combining tone mark) is
  turned into the precomposed letters the fonts carry.

``rl_config.canvas_basefontname`` is set to the embedded Noto face so that no page ever
references an unembedded Helvetica.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from xml.sax.saxutils import escape

from handbook_app.resources import resource_path

SANS = "HB-NotoSans"
SANS_BOLD = "HB-NotoSans-Bold"
JAPANESE = "HB-IPAexGothic"
JAPANESE_BOLD = "HB-BIZUDGothic-Bold"
PLACEHOLDER = "\ufffd"

_FILES = {
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
    JAPANESE: "ipaexg.ttf",
    JAPANESE_BOLD: "BIZUDGothic-Bold.ttf",
}
# Invisible characters that only modify their neighbour (emoji variation selectors, joiners):
# dropped silently when no face has them; the visible character they modify is reported.
_SILENT = frozenset({"\u200d", "\u200c", "\u2060", "\ufeff"} | {chr(c) for c in range(0xFE00, 0xFE10)})


@dataclass(frozen=True)
class FontSet:
    regular: str
    bold: str
    japanese: str
    japanese_bold: str
    coverage: dict[str, frozenset[int]]


@cache
def register_fonts() -> FontSet:
    """Register the bundled faces with ReportLab once per process and make Noto the base font."""
    from reportlab import rl_config
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    coverage: dict[str, frozenset[int]] = {}
    for name, filename in _FILES.items():
        font = TTFont(name, str(resource_path("fonts", filename)))
        pdfmetrics.registerFont(font)
        coverage[name] = frozenset(font.face.charToGlyph)
    # <b> inside a paragraph maps to the bold face of its family. ReportLab reads a <font name=...>'s weight
    # back from the last mapping made to that name, so each face's own (bold, 0) mapping comes last.
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)
    addMapping(SANS, 0, 1, SANS)
    addMapping(SANS, 1, 1, SANS_BOLD)
    addMapping(SANS_BOLD, 0, 0, SANS_BOLD)
    addMapping(SANS_BOLD, 1, 0, SANS_BOLD)
    addMapping(JAPANESE, 0, 1, JAPANESE)
    addMapping(JAPANESE, 1, 1, JAPANESE_BOLD)
    addMapping(JAPANESE, 1, 0, JAPANESE_BOLD)
    addMapping(JAPANESE, 0, 0, JAPANESE)
    rl_config.canvas_basefontname = SANS
    return FontSet(SANS, SANS_BOLD, JAPANESE, JAPANESE_BOLD, coverage)


@dataclass(frozen=True)
class Run:
    font: str
    text: str


# Printable ASCII (and line breaks, tabs): Noto Sans has every one, so such text is one run in the Latin face.
_PLAIN_ASCII = re.compile(r"[\x20-\x7e\n\t]*\Z")
# Short texts recur thousands of times in a long pack (labels, dates, amounts, statuses): split once.
_CACHED_CHARS = 200


@lru_cache(maxsize=8192)
def _split_cached(text: str, bold: bool) -> tuple[tuple[Run, ...], frozenset[str]]:
    missing: set[str] = set()
    return tuple(_joined(_split(text, bold, missing))), frozenset(missing)


def _joined(runs: list[Run]) -> list[Run]:
    """A text that starts with digits or punctuation ("3番ライン…", "2024年…") takes the face of its first
    letters for them when that face has them: one run, so the text is laid out by the plain line breaker."""
    if len(runs) < 2:
        return runs
    first, second = runs[0], runs[1]
    if any(unicodedata.category(ch)[0] in "LM" for ch in first.text):
        return runs
    coverage = register_fonts().coverage.get(second.font, frozenset())
    if all(ord(ch) in coverage or ch in "\n\t " for ch in first.text):
        return [Run(second.font, first.text + second.text), *runs[2:]]
    return runs


def _split(text: str, bold: bool, missing: set[str]) -> list[Run]:
    """The runs of `text`, each in the first face that has its letters (bold: a character the bold Japanese
    face lacks is set in the regular one); characters no face has are added to `missing` and shown as U+FFFD."""
    fonts = register_fonts()
    latin = fonts.bold if bold else fonts.regular
    if text.isascii() and _PLAIN_ASCII.match(text):
        return [Run(latin, text)] if text else []
    japanese = fonts.japanese_bold if bold else fonts.japanese
    cov_latin = fonts.coverage[latin]
    cov_ja = fonts.coverage[japanese]
    # regular Japanese as the last resort of bold text (empty when not bold: the same test as cov_ja)
    cov_ja_fallback = fonts.coverage[fonts.japanese] if bold else frozenset()
    # BIZ UDGothic sets Latin at half an em (a space twice Noto's): after bold Japanese, spaces, digits and
    # Latin punctuation go back to Noto Sans Bold ("事案4 · Bị" keeps its normal spacing).
    half_em = fonts.japanese_bold if bold else None
    out: list[Run] = []
    current: str | None = None
    buf: list[str] = []

    def flush() -> None:
        if buf:
            out.append(Run(current or latin, "".join(buf)))
            buf.clear()

    for ch in unicodedata.normalize("NFC", text):
        code = ord(ch)
        if ch in "\n\t ":
            if current == half_em:
                flush()
                current = latin
            buf.append(ch)
            continue
        category = unicodedata.category(ch)
        if category == "Cc":
            continue
        is_letter = category[0] in "LM"
        if not is_letter and current is not None and code in fonts.coverage[current] and (
                code >= 0x100 or current != half_em):
            font = current  # digits, punctuation, symbols stay in the run's face
        elif code in cov_latin:
            font = latin
        elif code in cov_ja:
            font = japanese
        elif code in cov_ja_fallback:
            font = fonts.japanese
        elif ch in _SILENT:
            continue
        else:
            missing.add(ch)
            ch, font = PLACEHOLDER, latin
        if font != current:
            flush()
            current = font
        buf.append(ch)
    flush()
    return out


@dataclass
class RunSplitter:
    """Splits text into single-font runs and remembers every character no font could show."""

    missing: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.fonts = register_fonts()

    # -- splitting
    def runs(self, text: str, bold: bool = False) -> list[Run] | tuple[Run, ...]:
        text = text or ""
        if len(text) <= _CACHED_CHARS:
            runs, missing = _split_cached(text, bold)
            if missing:
                self.missing |= missing
            return runs
        return _joined(_split(text, bold, self.missing))

    def markup(self, text: str, bold: bool = False) -> str:
        """Paragraph markup: XML-escaped runs, each in its face; newlines become <br/>."""
        parts = []
        for run in self.runs(text, bold):
            body = escape(run.text).replace("\t", "    ").replace("\n", "<br/>")
            parts.append(f'<font name="{run.font}">{body}</font>')
        return "".join(parts)

    def is_japanese_heavy(self, text: str) -> bool:
        """True when a good share of the letters are Japanese (wrap at any character, not only at spaces)."""
        cov_latin = self.fonts.coverage[self.fonts.regular]
        letters = ja = 0
        for ch in text or "":
            if ch.isalpha():
                letters += 1
                if ord(ch) not in cov_latin:
                    ja += 1
        return letters > 0 and ja * 4 >= letters

    # -- drawing straight on a canvas (page headers and footers)
    def width(self, text: str, size: float, bold: bool = False) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return sum(stringWidth(r.text, r.font, size) for r in self.runs(text, bold))

    def draw(self, canvas, x: float, y: float, text: str, size: float, bold: bool = False,
             align: str = "left") -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        runs = self.runs(text.replace("\n", " "), bold)
        if align != "left":
            total = sum(stringWidth(r.text, r.font, size) for r in runs)
            x -= total if align == "right" else total / 2
        for run in runs:
            canvas.setFont(run.font, size)
            canvas.drawString(x, y, run.text)
            x += stringWidth(run.text, run.font, size)


def describe_missing(chars: set[str] | frozenset[str]) -> list[str]:
    """'U+1F600 GRINNING FACE' for each character no font could show, in code-point order."""
    return [
        f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".rstrip() for ch in sorted(chars)
    ]


# A paragraph longer than this is laid out in pieces: ReportLab re-breaks a paragraph's whole remaining
# text on every page it spills onto, so one 400,000-character description took minutes (time grew with
# the square of the length). Pieces of about this size keep every page's work bounded: linear overall.
PIECE_CHARS = 2000
_BREAKS = ("\n", "。", ". ", "! ", "? ", "！", "？", " ")


def split_long(text: str, piece: int = PIECE_CHARS) -> list[str]:
    """Cut `text` into pieces of at most about `piece` characters, at a line end, a sentence end or a space
    when one is near (else anywhere), in one pass. Joined again they give `text` back unchanged."""
    if len(text) <= piece:
        return [text]
    out: list[str] = []
    start = 0
    while len(text) - start > piece:
        end = start + piece
        window_start = start + piece // 2
        cut = -1
        for mark in _BREAKS:
            found = text.rfind(mark, window_start, end)
            if found != -1:
                cut = found + len(mark)
                break
        if cut == -1:
            cut = end
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out
