from handbook_app.guide import inline_html, parse_blocks, plain_text, render_html


def test_renders_subset():
    html = render_html("# Title\n\nSome **bold** and *it* text.\n\n- one\n- two\n\n1. first\n2. second\n\n> warn")
    assert "<h2>Title</h2>" in html
    assert "<b>bold</b>" in html and "<i>it</i>" in html
    assert "<ul><li>one</li><li>two</li></ul>" in html
    assert "<ol><li>first</li><li>second</li></ol>" in html
    assert "<blockquote>warn</blockquote>" in html


def test_escapes_html():
    html = render_html("Hello <script>alert('x')</script> & <b>raw</b>")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "&amp;" in html
    assert "<b>raw</b>" not in html


def test_links():
    assert inline_html("[wages](wages-minimum-wage)") == '<a href="guide:wages-minimum-wage">wages</a>'
    assert inline_html("[x](https://example.org/a?b=1&c=2)") == '<a href="https://example.org/a?b=1&amp;c=2">x</a>'
    # unsafe schemes are dropped, text kept
    assert inline_html("[x](javascript:alert(1))").startswith("x")
    assert "href" not in inline_html("[x](javascript:alert(1))")
    assert inline_html("[a](b-c)", link_prefix="#") == '<a href="#b-c">a</a>'


def test_link_text_is_escaped():
    html = inline_html('[<img src=x onerror=alert(1)>](pregnancy)')
    assert "<img" not in html and "&lt;img" in html


def test_blocks_and_plain_text():
    md = "## H\n\nPara line one\nline two.\n\n1. a [link](slug)\n   continued\n2. b"
    blocks = parse_blocks(md)
    assert [b.kind for b in blocks] == ["h", "p", "ol"]
    assert blocks[1].items == ("Para line one line two.",)
    assert blocks[2].items == ("a [link](slug) continued", "b")
    assert "link" in plain_text(md) and "](" not in plain_text(md)


def test_every_article_renders(guide):
    for article in guide.articles():
        html = article.html()
        assert html.count("<a ") == html.count("</a>")
        assert "](" not in html, f"{article.lang}/{article.slug}: unrendered link"
