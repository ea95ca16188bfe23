"""A small Markdown subset for the guide articles, rendered to HTML (QTextBrowser, ReportLab).

Supported: `#`–`####` headings, paragraphs, `-`/`*` bullet lists, `1.` numbered lists,
`>` quotes (used for warnings), `**bold**`, `*italic*`, `` `code` ``, links
`[text](target)`, boxes (a `::: kind Title` line, Markdown, a closing `:::` line; kind is
`easy` for a やさしい日本語 box or `show` for text to show an official) and furigana
`{漢字|かんじ}`. A target without a scheme is another article's slug and becomes
`guide:slug`; `http(s)://`, `mailto:` and `tel:` targets stay as they are; anything else
(e.g. `javascript:`) is dropped and only the text is kept. All text is HTML-escaped.

`parse_blocks` exposes the block structure so the PDF layer can build its own flowables,
and `inline_html` renders one line's inline markup (ReportLab's Paragraph understands
the same <b>, <i> and <a href> tags).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

LINK_RE = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
_BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
_ITALIC_RE = re.compile(r"(?<![\*\w])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\*\w])")
_CODE_RE = re.compile(r"`([^`\n]+)`")
_HEADING_RE = re.compile(r"^(#{1,4})\s+(.*)$")
_BULLET_RE = re.compile(r"^\s*[-*]\s+(.*)$")
_NUMBER_RE = re.compile(r"^\s*(\d+)[.)]\s+(.*)$")
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")
GUIDE_SCHEME = "guide:"
# Furigana: {base|reading}. Neither part may hold braces, a bar or a line break.
RUBY_RE = re.compile(r"\{([^{}|\n]+)\|([^{}|\n]+)\}")
_BOX_OPEN_RE = re.compile(r"^:::\s*([a-z]+)\s*(.*)$")
BOX_KINDS = ("easy", "show")
# How a reader that has no <ruby> (Qt's rich text, ReportLab) shows furigana: the reading in small
# type in brackets right after the word, as browsers do with <rp> when they lack ruby.
RUBY_MODES = ("html", "inline", "plain", "base")


@dataclass(frozen=True)
class Block:
    """One block of an article: kind is "h" (with level 1–4), "p", "ul", "ol" or "quote".

    `items` holds the raw Markdown inline text: one entry for "h"/"p"/"quote", one per item for lists.
    """

    kind: str
    items: tuple[str, ...]
    level: int = 0
    start: int = 1  # first number of an "ol"
    box: str = ""  # for kind "box": "easy" or "show"
    title: str = ""  # for kind "box"
    children: tuple[Block, ...] = ()  # for kind "box"


def is_internal_link(target: str) -> bool:
    """True when a link target names another article (a bare slug)."""
    return bool(re.fullmatch(r"[a-z0-9][a-z0-9-]*", target))


def internal_links(markdown: str) -> list[str]:
    """Slugs of the other articles an article links to, in order of appearance."""
    return [m.group(2) for m in LINK_RE.finditer(markdown) if is_internal_link(m.group(2))]


def parse_blocks(markdown: str) -> list[Block]:
    blocks: list[Block] = []
    lines = markdown.splitlines()
    # Boxes first: their inside is parsed on its own, so a list or heading cannot run out of the box.
    out_lines: list[str] = []
    i = 0
    while i < len(lines):
        opened = _BOX_OPEN_RE.match(lines[i].strip())
        if opened and opened.group(1) in BOX_KINDS:
            end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == ":::"), len(lines))
            if out_lines:
                blocks += _parse_simple(out_lines)
                out_lines = []
            inner = tuple(_parse_simple(lines[i + 1:end], keep_lines=True))
            blocks.append(Block("box", (), box=opened.group(1), title=opened.group(2).strip(), children=inner))
            i = end + 1
            continue
        out_lines.append(lines[i])
        i += 1
    if out_lines:
        blocks += _parse_simple(out_lines)
    return blocks


def _parse_simple(lines: list[str], keep_lines: bool = False) -> list[Block]:
    """Blocks of plain Markdown; `keep_lines` (inside boxes) keeps a paragraph's line breaks:
    a やさしい日本語 box is written one short sentence a line and read that way."""
    blocks: list[Block] = []
    para: list[str] = []
    list_kind = ""
    list_items: list[str] = []
    list_start = 1
    quote: list[str] = []

    def flush() -> None:
        nonlocal para, list_kind, list_items, quote
        if para:
            blocks.append(Block("p", (("\n" if keep_lines else " ").join(para),)))
            para = []
        if list_items:
            blocks.append(Block(list_kind, tuple(list_items), start=list_start))
            list_items = []
            list_kind = ""
        if quote:
            blocks.append(Block("quote", (" ".join(quote),)))
            quote = []

    for raw in lines:
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        heading = _HEADING_RE.match(stripped)
        bullet = _BULLET_RE.match(line)
        number = _NUMBER_RE.match(line)
        if heading:
            flush()
            blocks.append(Block("h", (heading.group(2).strip(),), level=len(heading.group(1))))
        elif stripped.startswith(">"):
            if para or list_items:
                flush()
            quote.append(stripped.lstrip(">").strip())
        elif bullet or number:
            kind = "ul" if bullet else "ol"
            if para or quote or (list_items and kind != list_kind):
                flush()
            if not list_items:
                list_kind = kind
                list_start = int(number.group(1)) if number else 1
            list_items.append(bullet.group(1).strip() if bullet else number.group(2).strip())
        elif list_items and raw[:1].isspace():
            list_items[-1] += " " + stripped  # continuation of a list item
        elif quote:
            quote.append(stripped)
        else:
            if list_items:
                flush()
            para.append(stripped)
    flush()
    return blocks


def _link_html(match: re.Match[str], link_prefix: str) -> str:
    text, target = match.group(1), match.group(2)
    # text is already escaped (we escape the whole line first); unescape &amp; in the URL once
    target = html.unescape(target)
    if is_internal_link(target):
        href = link_prefix + target
    elif target.lower().startswith(_SAFE_SCHEMES):
        href = target
    else:
        return text
    return f'<a href="{html.escape(href, quote=True)}">{text}</a>'


def _ruby_html(match: re.Match[str], mode: str) -> str:
    base, reading = match.group(1), match.group(2)
    if mode == "html":
        return f"<ruby>{base}<rp>(</rp><rt>{reading}</rt><rp>)</rp></ruby>"
    if mode == "inline":
        return f"{base}<span class='rt'>({reading})</span>"
    if mode == "plain":
        return f"{base}({reading})"
    return base


def ruby_text(text: str, mode: str = "plain") -> str:
    """`text` with its {base|reading} marks as `base(reading)` ("plain") or just `base` ("base")."""
    return RUBY_RE.sub(lambda m: _ruby_html(m, mode), text)


def inline_html(text: str, link_prefix: str = GUIDE_SCHEME, ruby: str = "inline") -> str:
    """Escape one line of Markdown inline text and turn its markup into HTML tags.

    `ruby` says how furigana {漢字|かんじ} appear: "html" as <ruby> (browsers), "inline" as the
    reading in small type in brackets after the word (Qt's rich text has no <ruby>), "plain" as
    漢字(かんじ), "base" as 漢字 only.
    """
    out = html.escape(text, quote=False)
    out = _CODE_RE.sub(lambda m: f"<code>{m.group(1)}</code>", out)
    out = LINK_RE.sub(lambda m: _link_html(m, link_prefix), out)
    out = _BOLD_RE.sub(r"<b>\1</b>", out)
    out = _ITALIC_RE.sub(r"<i>\1</i>", out)
    out = RUBY_RE.sub(lambda m: _ruby_html(m, ruby), out)
    return out


# Qt's rich text draws borders and backgrounds on table cells, not on <div>s: a box is a one-cell table.
BOX_COLOURS = {"easy": ("#e8f5e9", "#2e7d32"), "show": ("#e3f2fd", "#1565c0"), "expired": ("#fdecea", "#b00020")}


def box_html(kind: str, title: str, inner_html: str) -> str:
    """A bordered, tinted box (one-cell table) with a bold title line; dark text on the light tint in any palette."""
    background, border = BOX_COLOURS.get(kind, BOX_COLOURS["show"])
    head = f"<p class='boxtitle'><b>{title}</b></p>" if title else ""
    return (f"<table class='box box-{kind}' width='100%' border='1' cellspacing='0' cellpadding='8' "
            f"style='border-color: {border}; border-style: solid; margin-top: 8px; margin-bottom: 8px;' "
            f"bgcolor='{background}'><tr><td style='color: #1b1b1b;'>{head}{inner_html}</td></tr></table>")


def render_html(markdown: str, link_prefix: str = GUIDE_SCHEME, ruby: str = "inline") -> str:
    """The whole article body as an HTML fragment."""
    return _render_blocks(parse_blocks(markdown), link_prefix, ruby)


def _render_blocks(blocks: list[Block] | tuple[Block, ...], link_prefix: str, ruby: str) -> str:
    parts: list[str] = []

    for block in blocks:
        if block.kind == "box":
            parts.append(box_html(block.box, inline_html(block.title, link_prefix, ruby),
                                  _render_blocks(block.children, link_prefix, ruby)))
        elif block.kind == "h":
            level = max(2, block.level)  # the article title is the page's <h1>; "##" is <h2>
            parts.append(f"<h{level}>{inline_html(block.items[0], link_prefix, ruby)}</h{level}>")
        elif block.kind == "p":
            parts.append(f"<p>{inline_html(block.items[0], link_prefix, ruby).replace(chr(10), '<br>')}</p>")
        elif block.kind == "quote":
            parts.append(f"<blockquote>{inline_html(block.items[0], link_prefix, ruby)}</blockquote>")
        else:
            start = f' start="{block.start}"' if block.kind == "ol" and block.start != 1 else ""
            items = "".join(f"<li>{inline_html(item, link_prefix, ruby)}</li>" for item in block.items)
            parts.append(f"<{block.kind}{start}>{items}</{block.kind}>")
    return "\n".join(parts)


def _flat(blocks: list[Block] | tuple[Block, ...]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if block.kind == "box":
            if block.title:
                out.append(block.title)
            out += _flat(block.children)
        else:
            out += block.items
    return out


def plain_text(markdown: str, ruby: str = "base") -> str:
    """The article body without markup (for the search index and snippets); furigana keep only the word."""
    lines: list[str] = []
    for item in _flat(parse_blocks(markdown)):
        text = LINK_RE.sub(r"\1", item)
        text = _BOLD_RE.sub(r"\1", text)
        text = _ITALIC_RE.sub(r"\1", text)
        text = _CODE_RE.sub(r"\1", text)
        lines.append(ruby_text(text, ruby))
    return "\n".join(lines)


def print_markdown(markdown: str) -> str:
    """The body in the plain subset a simple renderer understands (the PDF): furigana as 漢字(かんじ),
    a box as a `####` title line followed by its contents."""
    out: list[str] = []
    lines = markdown.splitlines()
    for line in lines:
        opened = _BOX_OPEN_RE.match(line.strip())
        if opened and opened.group(1) in BOX_KINDS:
            out += ["", f"#### {opened.group(2).strip()}" if opened.group(2).strip() else "", ""]
        elif line.strip() == ":::":
            out.append("")
        else:
            out.append(ruby_text(line, "plain"))
    return "\n".join(out)
