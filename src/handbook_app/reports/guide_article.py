"""A rights-guide article printed to PDF in one or two languages (one after the other).

Input is plain data (`ArticleText`), so this module does not depend on the guide package; the
guide's `Article` converts with `ArticleText.from_article`. The body is the article's Markdown,
of which headings, lists, paragraphs, **bold** and [links](url) are understood.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from handbook_app.i18n import N_, tr
from handbook_app.reports.base import DocMeta, Kit, PageFrame, RenderInfo, render_pdf
from handbook_app.reports.labels import Labels, readable_url

_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class ArticleText:
    lang: str
    title: str
    body: str  # Markdown or plain text
    sources: tuple[tuple[str, str], ...] = ()  # (title, url)
    checked_on: dt.date | None = None
    slug: str = ""
    summary: str = ""
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_article(cls, article) -> ArticleText:
        sources = tuple((getattr(s, "title", ""), getattr(s, "url", "")) for s in getattr(article, "sources", ()))
        # print_body(): out-of-date warnings first, boxes and furigana flattened to this module's subset
        body = article.print_body() if hasattr(article, "print_body") else article.body
        return cls(lang=article.lang, title=article.title, body=body, sources=sources,
                   checked_on=getattr(article, "checked_on", None), slug=getattr(article, "slug", ""),
                   summary=getattr(article, "summary", ""))


def _inline(text: str) -> list[tuple[str, bool]]:
    text = _LINK.sub(lambda m: m.group(1) if m.group(2).startswith(("#", "/", "guide:")) or "://" not in m.group(2)
                     else f"{m.group(1)} ({m.group(2)})", text)
    text = text.replace("`", "")
    parts: list[tuple[str, bool]] = []
    pos = 0
    for m in _BOLD.finditer(text):
        if m.start() > pos:
            parts.append((text[pos:m.start()], False))
        parts.append((m.group(1), True))
        pos = m.end()
    if pos < len(text):
        parts.append((text[pos:], False))
    return parts or [("", False)]


def body_flowables(kit: Kit, body: str) -> list:
    out: list = []
    para: list[str] = []

    def flush() -> None:
        if para:
            out.append(kit.rich(_inline(" ".join(para))))
            para.clear()

    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        bullet = re.match(r"^([-*+]|\d+[.)])\s+(.*)$", line)
        if heading:
            flush()
            out.append(kit.rich([(heading.group(2), True)], "h2"))
        elif bullet:
            flush()
            mark = "•" if bullet.group(1) in "-*+" else bullet.group(1)
            out.append(kit.rich([(f"{mark} ", False), *_inline(bullet.group(2))]))
        elif line.startswith(">"):
            flush()
            out.append(kit.rich(_inline(line.lstrip("> ")), "note"))
        else:
            para.append(line)
    flush()
    return out


def build_story(articles: Sequence[ArticleText]) -> tuple[Kit, list]:
    if not 1 <= len(articles) <= 2:
        raise ValueError("print one or two language versions of an article")
    # Kit first: it registers the fonts and sets the base font before reportlab.platypus (and through it
    # reportlab.graphics) is imported; the other way round, charts in a later report fall back to Helvetica.
    kit = Kit(Labels([a.lang for a in articles]))
    from reportlab.platypus import PageBreak
    story: list = []
    for index, art in enumerate(articles):
        if index:
            story.append(PageBreak())
        story.append(kit.p(art.title, "h1", bold=True))
        if art.summary:
            story.append(kit.p(art.summary, "muted"))
        story += body_flowables(kit, art.body)
        if art.sources:
            story.append(kit.p(tr(art.lang, N_("Sources")), "h2", bold=True))
            story += [kit.p(f"{t}: {readable_url(u)}" if t else readable_url(u), "small") for t, u in art.sources]
        if art.checked_on:
            story.append(kit.p(tr(art.lang, N_("Checked on {date}")).format(
                date=Labels([art.lang]).date(art.checked_on)), "muted"))
    return kit, story


def render_guide_article(articles: Sequence[ArticleText], out: BinaryIO, generated: dt.datetime | None = None
                         ) -> RenderInfo:
    kit, story = build_story(articles)
    title = " / ".join(dict.fromkeys(a.title for a in articles))
    generated = generated or dt.datetime.now().astimezone()
    frame = PageFrame(kit.labels.inline(N_("Rights guide")) + " · " + articles[0].title, generated)
    meta = DocMeta(title=title, subject=kit.labels.inline(N_("Rights guide")))
    return render_pdf(kit, story, out, frame, meta)
