"""Offline, in-memory search over the guide.

The index is an FTS5 table with the `trigram` tokenizer in an in-memory database of the
SQLite that sqlcipher3 bundles (the stdlib sqlite3 may be older and silently returns
nothing for short trigram queries). Text is folded before it is indexed and before it is
searched: lower case, Latin diacritics removed, `đ`→`d`, full-width ASCII → ASCII.
Kana and kanji are left alone (`ガ` must not match `カ`). Folding maps every character to
exactly one character, so a position in folded text is the same position in the original,
which is how snippets keep their Vietnamese diacritics while matching without them.

Query terms shorter than three characters cannot use a trigram index; such queries are
answered by a substring scan over the folded text (a few hundred kB: well under a millisecond
per article set).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import sqlcipher3.dbapi2 as sqlite

from handbook_app.guide.articles import Article, Guide, load_guide

# column weights for bm25 and for the fallback scorer: title, summary, tags, body
_WEIGHTS = (10.0, 4.0, 6.0, 1.0)
_SNIPPET_BEFORE = 40
_SNIPPET_AFTER = 100


class _FoldTable(dict):
    """str.translate table that computes (and caches) the one-character fold of each character."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = _fold_char(ch)
        self[code] = folded
        return folded


def _fold_char(ch: str) -> str:
    code = ord(ch)
    if code < 0x80:
        return ch.lower()
    if ch in "đĐ":
        return "d"
    if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII
        return chr(code - 0xFEE0).lower()
    if code < 0x2000:  # Latin, Greek, Cyrillic...: drop combining marks
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)).lower()
        if len(base) == 1:
            return base
        lower = ch.lower()
        return lower if len(lower) == 1 else ch
    return ch


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Fold text for matching; len(fold(t)) == len(t) always holds."""
    return unicodedata.normalize("NFC", text).translate(_FOLD) if not text.isascii() else text.lower()


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class Hit:
    slug: str
    lang: str
    title: str
    snippet: str  # plain text taken from the article, with its diacritics
    spans: tuple[tuple[int, int], ...]  # (start, end) of each match inside `snippet`
    score: float  # higher is better
    title_spans: tuple[tuple[int, int], ...] = ()

    def marked(self, open_mark: str = "[", close_mark: str = "]") -> str:
        """The snippet with each match wrapped in markers (for a terminal)."""
        return _mark(self.snippet, self.spans, open_mark, close_mark, escape=False)

    def snippet_html(self) -> str:
        """The snippet escaped as HTML, each match in <b>…</b>."""
        return _mark(self.snippet, self.spans, "<b>", "</b>", escape=True)


def _mark(text: str, spans: tuple[tuple[int, int], ...], open_mark: str, close_mark: str, escape: bool) -> str:
    out, pos = [], 0
    esc = html.escape if escape else (lambda s: s)
    for start, end in spans:
        out.append(esc(text[pos:start]))
        out.append(open_mark + esc(text[start:end]) + close_mark)
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


@dataclass(frozen=True)
class _Doc:
    slug: str
    lang: str
    title: str
    fields: tuple[str, str, str, str]  # original (NFC) title, summary, tags, body text
    folded: tuple[str, str, str, str]


def _terms(query: str) -> list[str]:
    folded = fold(_nfc(query))
    terms = [t for t in re.split(r"[\s\u3000,、。]+", folded) if t]
    return list(dict.fromkeys(terms))


def _spans(folded: str, terms: list[str]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for term in terms:
        start = folded.find(term)
        while start != -1:
            found.append((start, start + len(term)))
            start = folded.find(term, start + 1)
    found.sort()
    merged: list[tuple[int, int]] = []
    for s, e in found:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


class GuideIndex:
    """Full-text index of every article in every language, built in memory."""

    def __init__(self, guide: Guide) -> None:
        self.guide = guide
        self._docs: list[_Doc] = []
        self._db = sqlite.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE doc USING fts5(title, summary, tags, body, lang UNINDEXED,"
            " tokenize = 'trigram remove_diacritics 1 case_sensitive 0')"
        )
        rows = []
        for article in guide.articles():
            doc = self._make_doc(article)
            rows.append((len(self._docs), *doc.folded, doc.lang))
            self._docs.append(doc)
        with self._db:
            self._db.executemany(
                "INSERT INTO doc(rowid, title, summary, tags, body, lang) VALUES (?, ?, ?, ?, ?, ?)", rows)

    @staticmethod
    def _make_doc(article: Article) -> _Doc:
        fields = (_nfc(article.title), _nfc(article.summary), _nfc(", ".join(article.tags)),
                  _nfc(article.plain_body()))
        return _Doc(article.slug, article.lang, fields[0], fields,
                    tuple(fold(f) for f in fields))  # type: ignore[arg-type]

    def close(self) -> None:
        self._db.close()

    def search(self, query: str, lang: str | None = None, limit: int = 20) -> list[Hit]:
        """Articles matching every word of `query`, best first (title hits above body hits)."""
        terms = _terms(query)
        if not terms or limit <= 0:
            return []
        phrase = " ".join(terms)
        pool = max(limit * 3, 60)
        if min(len(t) for t in terms) >= 3:
            scored = self._fts(terms, lang, pool)
        else:
            scored = self._scan(terms, lang, pool)
        ranked = sorted(((rowid, score + self._bonus(self._docs[rowid], terms, phrase)) for rowid, score in scored),
                        key=lambda item: (-item[1], item[0]))[:limit]
        return [self._hit(self._docs[rowid], terms, phrase, score) for rowid, score in ranked]

    @staticmethod
    def _bonus(doc: _Doc, terms: list[str], phrase: str) -> float:
        """Lift articles whose title or tags name the query: an exact tag or a title hit beats body text."""
        title, _summary, tags, _body = doc.folded
        bonus = 0.0
        if phrase in title:
            bonus += 4.0 + min(title.count(phrase), 3)
        bonus += sum(1.5 for t in terms if t in title)
        tag_list = [tag.strip() for tag in tags.split(",")]
        if phrase in tag_list:
            bonus += 4.0
        elif any(tag.startswith(phrase) for tag in tag_list):
            bonus += 1.0
        return bonus

    def _fts(self, terms: list[str], lang: str | None, limit: int) -> list[tuple[int, float]]:
        match = " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)
        weights = ", ".join(str(w) for w in _WEIGHTS)
        sql = f"SELECT rowid, bm25(doc, {weights}) AS r FROM doc WHERE doc MATCH ?"
        params: list[object] = [match]
        if lang:
            sql += " AND lang = ?"
            params.append(lang)
        sql += " ORDER BY r LIMIT ?"
        params.append(limit)
        return [(rowid, -rank) for rowid, rank in self._db.execute(sql, params)]

    def _scan(self, terms: list[str], lang: str | None, limit: int) -> list[tuple[int, float]]:
        scored = []
        for rowid, doc in enumerate(self._docs):
            if lang and doc.lang != lang:
                continue
            score = 0.0
            for term in terms:
                counts = [f.count(term) for f in doc.folded]
                if not any(counts):
                    break
                score += sum(w * min(c, 5) for w, c in zip(_WEIGHTS[:3], counts[:3], strict=True))
                score += _WEIGHTS[3] * min(counts[3], 20) / 4
            else:
                scored.append((rowid, score))
        scored.sort(key=lambda item: (-item[1], item[0]))
        return scored[:limit]

    def _hit(self, doc: _Doc, terms: list[str], phrase: str, score: float) -> Hit:
        title_spans = tuple(_best_spans(doc.folded[0], terms, phrase))
        # show the first body match; else the summary; else the tags
        for index in (3, 1, 2):
            spans = _best_spans(doc.folded[index], terms, phrase)
            if spans:
                snippet, local = _window(doc.fields[index], spans)
                return Hit(doc.slug, doc.lang, doc.title, snippet, local, score, title_spans)
        return Hit(doc.slug, doc.lang, doc.title, doc.fields[1][: _SNIPPET_BEFORE + _SNIPPET_AFTER], (),
                   score, title_spans)


def _word_start(text: str, start: int) -> bool:
    return start == 0 or not text[start - 1].isalnum() or not text[start].isascii()


def _best_spans(folded: str, terms: list[str], phrase: str) -> list[tuple[int, int]]:
    """Match spans in one field: the whole phrase if it occurs, else each term; whole-word starts preferred."""
    for candidate in ([phrase], terms) if len(terms) > 1 else (terms,):
        spans = _spans(folded, candidate)
        if spans:
            word = [(s, e) for s, e in spans if _word_start(folded, s)]
            if word and len(terms) > 1 and candidate is terms:
                # keep every term represented
                return sorted(word)
            return word or spans
    return []


def _window(text: str, spans: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    first_start, first_end = spans[0]
    start = max(0, first_start - _SNIPPET_BEFORE)
    end = min(len(text), first_end + _SNIPPET_AFTER)
    # do not cut words (for scripts that use spaces) or lines
    if start > 0:
        cut = max(text.rfind(" ", start - 15, first_start), text.rfind("\n", start, first_start))
        if cut != -1:
            start = cut + 1
    if end < len(text):
        cut = text.find(" ", end, end + 15)
        if cut != -1:
            end = cut
    raw = text[start:end]
    snippet = raw.replace("\n", " ")
    local = tuple((s - start, e - start) for s, e in spans if s >= start and e <= end)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix)
    return prefix + snippet + suffix, tuple((s + shift, e + shift) for s, e in local)


@cache
def default_guide() -> Guide:
    """The bundled guide, loaded once per process."""
    return load_guide()


@cache
def default_index() -> GuideIndex:
    """The search index over the bundled guide, built once per process."""
    return GuideIndex(default_guide())


def search_cli(query: str, lang: str | None = None, limit: int = 20) -> list[tuple[str, str, str]]:
    """For `handbook-app guide search QUERY [--lang ..]`: (slug, lang, title), best first.

    Without a language each article appears once, in the language where it matched best.
    """
    seen: set[str] = set()
    out = []
    for hit in default_index().search(query, lang=lang, limit=limit * 3 if lang is None else limit):
        if hit.slug in seen:
            continue
        seen.add(hit.slug)
        out.append((hit.slug, hit.lang, hit.title))
        if len(out) >= limit:
            break
    return out
