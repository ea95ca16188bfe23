"""One long text as a flowable made of bounded pieces, so laying it out takes time in proportion to its length.

ReportLab splits a Paragraph that runs over a page by re-breaking all its remaining lines, on every page:
a 400,000-character incident description took 219 s. LongText holds the pieces (fonts.split_long) as
Paragraphs, measures each once per width, and on a page break splits only the one piece that straddles it.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph


class LongText(Flowable):
    def __init__(self, pieces: list[Paragraph]) -> None:
        super().__init__()
        self.pieces = pieces
        self._heights: dict[Paragraph, tuple[float, float]] = {}  # piece -> (width, height), by identity

    def _height(self, piece: Paragraph, width: float) -> float:
        known = self._heights.get(piece)
        if known is None or known[0] != width:
            known = (width, piece.wrap(width, 1e9)[1])
            self._heights[piece] = known
        return known[1]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = sum(self._height(p, avail_width) for p in self.pieces)
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        used = 0.0
        for index, piece in enumerate(self.pieces):
            height = self._height(piece, avail_width)
            if used + height <= avail_height:
                used += height
                continue
            parts = piece.split(avail_width, avail_height - used)
            head, tail = self.pieces[:index], self.pieces[index + 1:]
            if len(parts) == 2:
                head, tail = [*head, parts[0]], [parts[1], *tail]
            else:
                tail = [piece, *tail]
            if not head:
                return []
            return [self._child(head), self._child(tail)]
        return [self]

    def _child(self, pieces: list[Paragraph]) -> LongText:
        child = LongText(pieces)
        child._heights = self._heights
        return child

    def draw(self) -> None:
        y = self.height
        for piece in self.pieces:
            height = self._height(piece, self.width)
            if getattr(piece, "blPara", None) is None:  # drawing uses the lines of a wrap at this width
                piece.wrap(self.width, 1e9)
            y -= height
            piece.drawOn(self.canv, 0, y)
