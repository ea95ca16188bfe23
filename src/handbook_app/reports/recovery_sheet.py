"""The recovery sheet on paper: the code in large letters and plain instructions in two languages.

One A4 page. The PDF is rendered into memory for printing; it holds the vault's key, so the app
never writes it to disk unless the user saves it on purpose (and is told to print and delete it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import BinaryIO

from handbook_app.core.recovery_code import FORGOT_BUTTON, OTHER_PROGRAM, STEPS, TITLE, VOID, WARNING
from handbook_app.i18n import N_, tr
from handbook_app.reports.base import MM, DocMeta, Kit, PageFrame, RenderInfo, render_pdf
from handbook_app.reports.fonts import SANS, SANS_BOLD
from handbook_app.reports.labels import Labels


def code_table(kit: Kit, lines: Sequence[str]):
    """The code: line number, then six groups of four letters in large type."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    rows = [[str(index)] + line.split() for index, line in enumerate(lines, start=1)]
    table = Table(rows, colWidths=[12 * MM] + [26 * MM] * 6, rowHeights=[13 * MM] * len(rows), hAlign="CENTER")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (0, -1), SANS),
        ("FONTSIZE", (0, 0), (0, -1), 11),
        ("TEXTCOLOR", (0, 0), (0, -1), colors.HexColor("#555555")),
        ("FONTNAME", (1, 0), (-1, -1), SANS_BOLD),
        ("FONTSIZE", (1, 0), (-1, -1), 19),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BOX", (0, 0), (-1, -1), 1.2, colors.HexColor("#1a1a1a")),
        ("LINEBELOW", (0, 0), (-1, -2), 0.4, colors.HexColor("#9a9a9a")),
        ("LINEAFTER", (0, 0), (0, -1), 0.4, colors.HexColor("#9a9a9a")),
    ]))
    return table


def build_story(lines: Sequence[str], sqlcipher_key: str, vault_name: str, made: dt.datetime,
                langs: Sequence[str] = ("vi", "ja")) -> tuple[Kit, list]:
    kit = Kit(Labels(langs))
    lab = kit.labels
    story: list = [kit.p(lab.inline(TITLE), "title", bold=True)]
    story.append(kit.facts([(N_("Vault file"), vault_name), (N_("Made on"), lab.datetime(made))]))
    story.append(kit.spacer(3))
    story.append(kit.note(WARNING))
    story.append(kit.spacer(2))
    story.append(code_table(kit, lines))
    story.append(kit.spacer(4))
    for lang in lab.langs:
        story.append(kit.p(tr(lang, N_("How to use it")), "h2", bold=True))
        button = tr(lang, FORGOT_BUTTON)
        for number, step in enumerate(STEPS, start=1):
            story.append(kit.p(f"{number}. " + tr(lang, step).format(button=button)))
        story.append(kit.p(tr(lang, VOID)))
    story.append(kit.spacer(2))
    for text in lab.each(OTHER_PROGRAM):
        story.append(kit.p(text, "small"))
    story.append(kit.p(f'PRAGMA key = "{sqlcipher_key}";', "small"))
    return kit, story


def render_recovery_sheet(lines: Sequence[str], sqlcipher_key: str, vault_name: str, made: dt.datetime,
                          out: BinaryIO, langs: Sequence[str] = ("vi", "ja")) -> RenderInfo:
    kit, story = build_story(lines, sqlcipher_key, vault_name, made, langs)
    frame = PageFrame(kit.labels.inline(TITLE) + " — " + vault_name, made)
    meta = DocMeta(title=kit.labels.inline(TITLE), subject=kit.labels.inline(TITLE))
    return render_pdf(kit, story, out, frame, meta)
