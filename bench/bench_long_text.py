"""Issue 17 #6: a long mixed Vietnamese/Japanese incident description in a PDF, laid out in time linear in its length.

Before: 400,000 characters took 219 s and 2 MB ran for more than 12 minutes (ReportLab re-broke the whole
remaining paragraph on every page). Prints wall and CPU time for 40k, 400k and 2M characters.
"""

from __future__ import annotations

import io
import time

from handbook_app.reports.base import SANS, Kit
from handbook_app.reports.labels import Labels

UNIT = "Quản lý la mắng tôi mỗi ngày. 監督者に毎日怒鳴られました。 "


def layout_seconds(chars: int) -> tuple[float, float, int]:
    text = (UNIT * (chars // len(UNIT) + 1))[:chars]
    kit = Kit(Labels(("vi", "ja")))  # registers the embedded fonts before ReportLab's styles are first imported
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    out = io.BytesIO()
    wall, cpu = time.perf_counter(), time.process_time()
    doc = SimpleDocTemplate(out, pagesize=A4, initialFontName=SANS)
    doc.build([kit.p(text)])
    return time.perf_counter() - wall, time.process_time() - cpu, doc.page


def main() -> None:
    print("Long text in a PDF (issue 17 #6) — one mixed vi/ja paragraph")
    for chars, target in ((40_000, "—"), (400_000, "≤ 5 s"), (2_000_000, "linear: ≈ 5 × the 400k time")):
        wall, cpu, pages = layout_seconds(chars)
        print(f"  {chars:>9,} characters, {pages:>5} pages   {wall:7.1f} s wall {cpu:7.1f} s CPU   target {target}")


if __name__ == "__main__":
    main()
