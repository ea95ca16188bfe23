"""Offline search: diacritic-insensitive Vietnamese, substring Japanese, short-query fallback, ranking."""

from handbook_app.guide import GuideIndex, fold, search_cli


def slugs(hits):
    return [h.slug for h in hits]


def test_fold_keeps_length_and_folds_vietnamese():
    for text in ("Lương được đồng Đà Nẵng", "賃金のパスポート", "ＡＢＣ　ｘ", "İstanbul ǅ"):
        assert len(fold(text)) == len(text)
    assert fold("Lương được ĐỒNG") == "luong duoc dong"
    assert fold("ガイド") == "ガイド"  # kana voicing marks are not diacritics


def test_luong_finds_wages_first(index):
    hits = index.search("luong", lang="vi")
    assert hits[0].slug == "wages-minimum-wage"
    assert index.search("lương", lang="vi")[0].slug == "wages-minimum-wage"


def test_search_cli_luong(guide):
    results = search_cli("luong", "vi")
    assert results[0][0] == "wages-minimum-wage"
    assert results[0][2].startswith("Lương")


def test_duoc_finds_duoc(index, guide):
    hits = index.search("duoc", lang="vi")
    assert hits
    for hit in hits[:5]:
        assert "được" in guide.article(hit.slug, "vi").plain_body() + guide.article(hit.slug, "vi").title


def test_d_and_dj_fold(index):
    # "đ" and "d" are the same letter for search, both ways
    assert slugs(index.search("đe dọa", lang="vi")) == slugs(index.search("de doa", lang="vi"))
    assert index.search("de doa", lang="vi")
    assert slugs(index.search("đ", lang="vi")) == slugs(index.search("d", lang="vi"))


def test_japanese_substring(index):
    assert index.search("賃金", lang="ja")[0].slug == "wages-minimum-wage"
    assert index.search("パスポート", lang="ja")[0].slug == "passport-residence-card"
    assert index.search("労災", lang="ja")[0].slug == "work-injury"


def test_short_queries_use_fallback(index):
    one = index.search("d", lang="vi")
    two = index.search("ốm", lang="vi")
    assert one and two
    assert index.search("妊", lang="ja")[0].slug == "pregnancy"


def test_english(index):
    assert index.search("overtime", lang="en")[0].slug == "working-hours-overtime"
    assert index.search("pension refund", lang="en")[0].slug == "tax-pension-refund"
    assert index.search("departure order", lang="en")[0].slug == "overstay-options"


def test_language_filter_and_all_languages(index):
    assert {h.lang for h in index.search("OTIT", lang="ja")} == {"ja"}
    assert {h.lang for h in index.search("OTIT")} == {"vi", "ja", "en"}


def test_snippets_mark_the_match(index):
    for query, lang in (("luong", "vi"), ("duoc", "vi"), ("賃金", "ja"), ("パスポート", "ja"), ("overtime", "en"),
                        ("d", "vi")):
        for hit in index.search(query, lang=lang, limit=5):
            # the match is marked in the snippet, or (when only the title matched) in the title
            assert hit.spans or hit.title_spans, (query, hit.slug)
            for start, end in hit.spans:
                assert fold(hit.snippet[start:end]) == fold(query)
            for start, end in hit.title_spans:
                assert fold(hit.title[start:end]) == fold(query)
            if hit.spans:
                assert "[" in hit.marked() and "<b>" in hit.snippet_html()


def test_snippet_keeps_diacritics(index):
    hit = index.search("luong", lang="vi")[0]
    start, end = hit.spans[0]
    assert hit.snippet[start:end].lower() == "lương"


def test_snippet_html_is_escaped():
    from handbook_app.guide.search import Hit

    hit = Hit("s", "en", "t", "<x> a&b", ((4, 5),), 1.0)
    assert hit.snippet_html() == "&lt;x&gt; <b>a</b>&amp;b"


def test_no_results_and_odd_queries(index):
    assert index.search("zzzzqqqq") == []
    assert index.search("   ") == []
    assert index.search('"') == [] or isinstance(index.search('"'), list)
    assert isinstance(index.search("AND OR NOT *"), list)
    assert isinstance(index.search("luong", limit=0), list)


def test_multiword_all_terms_required(index, guide):
    hits = index.search("tai nan lao dong", lang="vi")
    assert hits[0].slug == "work-injury"


def test_title_hits_rank_above_body_hits(index):
    hits = index.search("pregnancy", lang="en")
    assert hits[0].slug == "pregnancy"


def test_index_builds_from_a_guide(guide):
    ix = GuideIndex(guide)
    try:
        assert ix.search("110", lang="vi")
    finally:
        ix.close()


def test_typed_without_accents_bi_danh_finds_the_violence_article_first(index):
    # "bị đánh" (I was beaten) typed without accents must not rank "chuẩn bị danh sách" (going home) first.
    hits = index.search("bi danh", lang="vi")
    assert hits[0].slug == "harassment-violence"
