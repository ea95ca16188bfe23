"""Where a line of a PDF may break, for both line breakers the reports use: our own (`base.break_lines`, the
`Text` flowable and long `Line`s) and ReportLab's wrapping of Japanese-heavy paragraphs (`wordWrap="CJK"`).

A Japanese labour inspector reads "不足額: ￥⏎3,081", "0.8⏎%", a line opening with "：" or one kana left alone
under a table cell as sloppy, and a lawyer reads a number cut in two as two numbers. So, in both breakers:

* a currency sign never ends a line before its number, a number (digits with "," "." "-" ":" "/" between
  them) is never split, and a unit after a number ("0.8 %", "181,000,000 ₫", "2024年") stays with it;
* a line never starts with closing punctuation, "：" or a small kana, never ends with an opening bracket;
* Latin words break only at spaces, or after "/ ? & = -" (URLs); a word longer than the line is cut into
  pieces of balanced width (no "2" alone under a SHA-256);
* a short Japanese word after a space ("Các lần trả nợ / 借入の返済") moves down whole rather than being cut, so
  does a label's second language after " / " when it fits on a line,
  a break after a particle is preferred to one inside a word, and the last line of a block never holds one
  character alone ("返⏎済").

ReportLab's own CJK wrapping (reportlab.platypus.paragraph.cjkFragSplit and lib.textsplit.wordSplit) only
lets one character of `ALL_CANNOT_START` hang in the margin and never looks at `ALL_CANNOT_END`, so extending
those sets cannot keep "￥" with its number or a word together. `use_for_reportlab()` therefore points the
two names `Paragraph.breakLinesCJK` calls at versions that choose the same breaks as `break_lines` (and build
the lines with ReportLab's own `cjkU`/`makeCJKParaLine`); it is called once, when the report styles are made.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

# These never start a line (kinsoku): closing punctuation and brackets, "：", small kana, prolonged sound marks.
NO_LINE_START = frozenset("、。，．・：；？！ー―…‥）」』】〕〉》”’ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻"
                          "゛゜ヽヾゝゞ％,.:;?!)]}%")
# These never end a line: opening brackets and quotes, and the currency signs written before their number.
NO_LINE_END = frozenset("（「『【〔〈《“‘([{¥￥$＄£€＃#")
# After a number, on the same line as it (also across one space: "0.8 %", "181,000,000 ₫", "1.027 ¥").
UNITS = frozenset("%％‰¥￥₫円年月日時分秒歳人件回")
# Between two digits these are part of the number: 3,081 · 0.8 · 2024-02 · 14:09 · 2025/10/18.
NUMBER_INSIDE = frozenset(",.-:/")
# Inside a Latin word (a URL, "A/B") a line may end after one of these.
BREAK_AFTER = frozenset("/?&=-")
# Japanese punctuation a line may well end after (a good place to break).
_CLAUSE_END = frozenset("、。，．）」』】〕〉》：；！？")
# A short Japanese word after a space or Latin text moves down whole ("… / 借入の返済") when it is this short.
SHORT_WORD = 8
# Spaces that join rather than separate ("102.700\u00a0¥" as CLDR writes Vietnamese money, `labels.glue_units`).
GLUE = frozenset("\u00a0\u202f\u2007\u2060\ufeff")
FUZZ = 1e-8


def _cjk(ch: str) -> bool:
    return ch >= "\u2e80"


def _space(ch: str) -> bool:
    """A space a line may break at (not a no-break space)."""
    return ch.isspace() and ch not in GLUE


def can_break(text: str, i: int) -> bool:
    """May a line end before text[i] (0 < i < len(text))? Spaces end the line they follow, never start one."""
    a, b = text[i - 1], text[i]
    if _space(b) or b in NO_LINE_START or a in GLUE or b in GLUE:
        return False
    if _space(a):
        # "0.8 %", "181,000,000 ₫": a unit after a space stays with its number; "¥ 1,000" likewise; the "/" between
        # a label's two languages stays at the end of the line ("Các lần trả nợ /⏎借入の返済")
        before = text[i - 2] if i >= 2 else ""
        return not ((b in UNITS and before.isdigit()) or (b.isdigit() and before in NO_LINE_END)
                    or (b == "/" and i + 1 < len(text) and _space(text[i + 1])))
    if a in NO_LINE_END:
        return False
    if a.isdigit():
        if b.isdigit() or b in UNITS:
            return False
        if b in NUMBER_INSIDE and i + 1 < len(text) and text[i + 1].isdigit():
            return False
    elif a in NUMBER_INSIDE and b.isdigit() and i >= 2 and text[i - 2].isdigit():
        return False
    if not _cjk(a) and not _cjk(b):  # inside a Latin word: only after / ? & = - (and never inside "://")
        return a in BREAK_AFTER and b not in BREAK_AFTER and text[max(0, i - 3):i] != "://"
    return True


def good_break(text: str, i: int) -> bool:
    """A break that does not cut a Japanese word: after a space or a clause's punctuation, after a particle
    (hiragana before kanji or katakana), or where Japanese meets Latin text."""
    a, b = text[i - 1], text[i]
    if _space(a) or a in _CLAUSE_END:
        return True
    if _cjk(a) != _cjk(b):
        return True
    return "\u3041" <= a <= "\u309f" and ("\u4e00" <= b <= "\u9fff" or "\u30a1" <= b <= "\u30ff")


def _visible(text: str, start: int, end: int) -> int:
    """Characters of text[start:end] that count as content (not spaces or closing punctuation)."""
    return sum(1 for ch in text[start:end] if not ch.isspace() and ch not in NO_LINE_START)


def plan_lines(text: str, widths: Sequence[float], line_width: Callable[[int], float]) -> list[tuple[int, int]]:
    """Break `text` (no newlines; widths[i] is the width of text[i]) into lines no wider than
    `line_width(n)` for line n where the rules allow. Returns (start, end) spans; spaces at a break are
    left out of both lines."""
    n = len(text)
    spans: list[tuple[int, int]] = []
    start = 0
    while start < n:
        limit = line_width(len(spans))
        used, i = 0.0, start
        while i < n and used + widths[i] <= limit + FUZZ:
            used += widths[i]
            i += 1
        if i >= n:
            spans.append((start, n))
            break
        if i == start:  # not even one character fits: it takes a line of its own
            i = start + 1
        brk = _choose_break(text, widths, start, i, limit)
        end = brk
        while end > start and _space(text[end - 1]):
            end -= 1
        spans.append((start, end))
        start = brk
        while start < n and _space(text[start]):  # a run of spaces at a forced cut
            start += 1
    _no_lone_last(text, widths, spans, line_width)
    return spans


def _choose_break(text: str, widths: Sequence[float], start: int, i: int, limit: float) -> int:
    """Where the line that starts at `start` ends, text[i] being the first character that does not fit."""
    n = len(text)
    if _space(text[i]):  # the line is full up to a space: break there unless the space is glued
        j = i
        while j < n and _space(text[j]):
            j += 1
        if j >= n or can_break(text, j):
            return j
    latest = next((p for p in range(i, start, -1) if can_break(text, p)), None)
    if latest is None:
        return _balanced_cut(text, widths, start, i, limit)
    # a label's second language after " / " moves down whole when it fits on a line ("借入の返済 /⏎Các lần trả nợ")
    sep = text.rfind(" / ", start, i)
    if sep > start and sep + 3 <= i:
        stop = min(n, 2 * i - start + 1)  # (a long text: never searched to its end for every line)
        after = text.find(" / ", sep + 3, stop)
        after = n if after < 0 and stop == n else after
        if after > 0 and sum(widths[sep + 3:after]) <= limit and can_break(text, sep + 3):
            return sep + 3
    if not _space(text[latest - 1]) and not _cjk(text[latest - 1]) and not _cjk(text[latest]):
        # inside a Latin word (after "/" of a URL): the whole word moves down if it fits on a line
        word = latest
        while word > start and not _space(text[word - 1]) and not _cjk(text[word - 1]):
            word -= 1
        end, reach = latest, latest + 4 * max(1, i - start)
        while end < min(n, reach) and not _space(text[end]) and not _cjk(text[end]):
            end += 1
        if word > start and can_break(text, word) and sum(widths[word:end]) <= limit:
            return word
    if _cjk(text[i]):  # a short Japanese word after a space or Latin text moves down whole
        word = i
        while word > start and _cjk(text[word - 1]):
            word -= 1
        end = i
        while end < n and _cjk(text[end]) and end - word <= SHORT_WORD:
            end += 1
        if (word > start and end - word <= SHORT_WORD and (end == n or not _cjk(text[end]))
                and sum(widths[word:end]) <= limit and i - word <= max(2, (i - start) // 3)
                and can_break(text, word)):
            return word
    # a break that does not cut a word, if one is close (a ragged edge of at most two characters)
    for p in range(latest, max(start, latest - 2) - 1, -1):
        if p > start and can_break(text, p) and good_break(text, p):
            return p
    return latest


def _balanced_cut(text: str, widths: Sequence[float], start: int, i: int, limit: float) -> int:
    """A word longer than the line: cut it into pieces of about equal width, the first ending here."""
    n = len(text)
    end, reach = i, min(n, start + 4 * max(1, i - start))
    while end < reach and not _space(text[end]) and not can_break(text, end):
        end += 1
    if end == reach < n:  # more than four lines' worth: full lines now, the last few balanced later
        return i
    total = sum(widths[start:end])
    pieces = -(-total // limit) if limit > 0 else 1
    target = total / max(1.0, pieces)
    used, p = 0.0, start
    while p < i and used + widths[p] <= target + FUZZ:
        used += widths[p]
        p += 1
    # the nearer of the two cuts around the target (never past the line's end)
    if p < i and used + widths[p] - target < target - used:
        p += 1
    return max(p, start + 1)


def _no_lone_last(text: str, widths: Sequence[float], spans: list[tuple[int, int]],
                  line_width: Callable[[int], float]) -> None:
    """Never one character alone on the last line: move characters down from the line before (at a break
    the rules allow) so that at least two end the block."""
    if len(spans) < 2:
        return
    (a, _b), (c, d) = spans[-2], spans[-1]
    if _visible(text, c, d) != 1:
        return
    limit = line_width(len(spans) - 1)
    for p in range(c - 1, a, -1):
        if _space(text[p]) or not can_break(text, p):
            continue
        end = p
        while end > a and _space(text[end - 1]):
            end -= 1
        if end == a or sum(widths[p:d]) > limit + FUZZ:
            return
        if _visible(text, p, d) >= 2:
            spans[-2:] = [(a, end), (p, d)]
            return


# --------------------------------------------------------------------------- ReportLab's CJK paragraphs


def _cjk_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):  # noqa: N803 (ReportLab's names)
    """reportlab.platypus.paragraph.cjkFragSplit with the breaks of `plan_lines`."""
    from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine

    units = []
    for f in frags:
        text = f.text.decode(encoding) if isinstance(f.text, bytes) else f.text
        if text:
            units.extend(cjkU(t, f, encoding) for t in text)
        else:
            units.append(cjkU(text, f, encoding))
    widths_in = maxWidths if isinstance(maxWidths, (list, tuple)) else [maxWidths]
    lines: list = []

    def line_width(k: int) -> float:
        return widths_in[min(len(lines) + k, len(widths_in) - 1)]

    def unit_width(u, limit: float) -> float:
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = limit
            w = w.normalizedValue(limit)
        return w

    def add(segment: list, line_break) -> None:
        # a unit without text (an inline image) is a character that may break on either side
        text = "".join(str(u) or "\ufffc" for u in segment)
        widths = [unit_width(u, line_width(0)) for u in segment]
        spans = plan_lines(text, widths, line_width) if segment else [(0, 0)]
        for k, (a, b) in enumerate(spans):
            last = k == len(spans) - 1
            limit, used = line_width(0), sum(widths[a:b])
            chunk = segment[a:b] + ([line_break] if line_break is not None and last else [])
            lines.append(makeCJKParaLine(chunk, limit, used, limit - used, line_break is not None and last,
                                         calcBounds))

    segment: list = []
    for u in units:
        if hasattr(u.frag, "lineBreak"):
            add(segment, u)
            segment = []
        else:
            segment.append(u)
    if segment:
        add(segment, None)
    return ParaLines(kind=1, lines=lines)


def _word_split(word, maxWidths, fontName, fontSize, encoding="utf8"):  # noqa: N803
    """reportlab.lib.textsplit.wordSplit (one-face CJK paragraphs) with the breaks of `plan_lines`."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = word.decode(encoding) if isinstance(word, bytes) else word
    widths_in = maxWidths if isinstance(maxWidths, (list, tuple)) else [maxWidths]
    known: dict[str, float] = {}
    widths = [known[ch] if ch in known else known.setdefault(ch, stringWidth(ch, fontName, fontSize))
              for ch in text]
    spans = plan_lines(text, widths, lambda k: widths_in[min(k, len(widths_in) - 1)])
    return [[widths_in[min(k, len(widths_in) - 1)] - sum(widths[a:b]), text[a:b]]
            for k, (a, b) in enumerate(spans)]


def use_for_reportlab() -> None:
    """Make ReportLab's CJK paragraph wrapping follow these rules (see the module's notes); once is enough."""
    from reportlab.platypus import paragraph

    if paragraph.cjkFragSplit is not _cjk_frag_split:
        paragraph.cjkFragSplit = _cjk_frag_split
        paragraph.wordSplit = _word_split
