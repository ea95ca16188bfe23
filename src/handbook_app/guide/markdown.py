"""A small Markdown subset for the guide articles, rendered to HTML (QTextBrowser, ReportLab).

Supported: `#`–`####` headings, paragraphs, `-`/`*` bullet lists, `1.` numbered lists,
`>` quotes (used for warnings), `**bold**`, `*italic*`, `` `code` ``, and links
`[text](target)`. A target without a scheme is another article's slug and becomes
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


@dataclass(frozen=True)
class Block:
    """One block of an article: kind is "h" (with level 1–4), "p", "ul", "ol" or "quote".

    `items` holds the raw Markdown inline text: one entry for "h"/"p"/"quote", one per item for lists.
    """

    kind: str
    items: tuple[str, ...]
    level: int = 0
    start: int = 1  # first number of an "ol"


def is_internal_link(target: str) -> bool:
    """True when a link target names another article (a bare slug)."""
    return bool(re.fullmatch(r"[a-z0-9][a-z0-9-]*", target))


def internal_links(markdown: str) -> list[str]:
    """Slugs of the other articles an article links to, in order of appearance."""
    return [m.group(2) for m in LINK_RE.finditer(markdown) if is_internal_link(m.group(2))]


def parse_blocks(markdown: str) -> list[Block]:
    blocks: list[Block] = []
    para: list[str] = []
    list_kind = ""
    list_items: list[str] = []
    list_start = 1
    quote: list[str] = []

    def flush() -> None:
        nonlocal para, list_kind, list_items, quote
        if para:
            blocks.append(Block("p", (" ".join(para),)))
            para = []
        if list_items:
            blocks.append(Block(list_kind, tuple(list_items), start=list_start))
            list_items = []
            list_kind = ""
        if quote:
            blocks.append(Block("quote", (" ".join(quote),)))
            quote = []

    for raw in markdown.splitlines():
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


def inline_html(text: str, link_prefix: str = GUIDE_SCHEME) -> str:
    """Escape one line of Markdown inline text and turn its markup into HTML tags."""
    out = html.escape(text, quote=False)
    out = _CODE_RE.sub(lambda m: f"<code>{m.group(1)}</code>", out)
    out = LINK_RE.sub(lambda m: _link_html(m, link_prefix), out)
    out = _BOLD_RE.sub(r"<b>\1</b>", out)
    out = _ITALIC_RE.sub(r"<i>\1</i>", out)
    return out


def render_html(markdown: str, link_prefix: str = GUIDE_SCHEME) -> str:
    """The whole article body as an HTML fragment."""
    parts: list[str] = []
    for block in parse_blocks(markdown):
        if block.kind == "h":
            level = max(2, block.level)  # the article title is the page's <h1>; "##" is <h2>
            parts.append(f"<h{level}>{inline_html(block.items[0], link_prefix)}</h{level}>")
        elif block.kind == "p":
            parts.append(f"<p>{inline_html(block.items[0], link_prefix)}</p>")
        elif block.kind == "quote":
            parts.append(f"<blockquote>{inline_html(block.items[0], link_prefix)}</blockquote>")
        else:
            start = f' start="{block.start}"' if block.kind == "ol" and block.start != 1 else ""
            items = "".join(f"<li>{inline_html(item, link_prefix)}</li>" for item in block.items)
            parts.append(f"<{block.kind}{start}>{items}</{block.kind}>")
    return "\n".join(parts)


def plain_text(markdown: str) -> str:
    """The article body without markup (for the search index and snippets)."""
    lines: list[str] = []
    for block in parse_blocks(markdown):
        for item in block.items:
            text = LINK_RE.sub(r"\1", item)
            text = _BOLD_RE.sub(r"\1", text)
            text = _ITALIC_RE.sub(r"\1", text)
            text = _CODE_RE.sub(r"\1", text)
            lines.append(text)
    return "\n".join(lines)
