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


def test_furigana():
    from handbook_app.guide import ruby_text

    assert inline_html("{旅券|りょけん}を もちます", ruby="html") == \
        "<ruby>旅券<rp>(</rp><rt>りょけん</rt><rp>)</rp></ruby>を もちます"
    assert inline_html("{旅券|りょけん}") == "旅券<span class='rt'>(りょけん)</span>"
    assert ruby_text("{旅券|りょけん}です") == "旅券(りょけん)です"
    assert plain_text("{旅券|りょけん}です") == "旅券です"  # search finds the word as written
    assert inline_html("{<b>|x}") == "{&lt;b&gt;|x}" or "&lt;b&gt;" in inline_html("{<b>|x}")


def test_boxes():
    md = "Intro\n\n::: easy やさしい にほんご\n{会社|かいしゃ}に みせて ください。\n\n- one\n:::\n\nAfter"
    blocks = parse_blocks(md)
    assert [b.kind for b in blocks] == ["p", "box", "p"]
    box = blocks[1]
    assert box.box == "easy" and box.title == "やさしい にほんご"
    assert [c.kind for c in box.children] == ["p", "ul"]
    html = render_html(md)
    assert "<table class='box box-easy'" in html and "<b>やさしい にほんご</b>" in html
    assert "会社<span class='rt'>(かいしゃ)</span>" in html
    assert "</table>\n<p>After</p>" in html
    assert "やさしい にほんご" in plain_text(md) and "会社に" in plain_text(md)
    # an unknown kind is not a box
    assert [b.kind for b in parse_blocks("::: nonsense\ntext\n:::")] == ["p"]


def test_print_markdown_flattens_extensions():
    from handbook_app.guide import print_markdown

    out = print_markdown("::: show Nói với cảnh sát\n「すぐに{帰国|きこく}したいです」\n:::")
    assert "#### Nói với cảnh sát" in out and "「すぐに帰国(きこく)したいです」" in out and ":::" not in out


def test_box_keeps_one_sentence_a_line():
    html = render_html("::: easy T\n{給料|きゅうりょう}は もらえます。\nOTITに {電話|でんわ}して ください。\n:::")
    assert "もらえます。<br>OTITに" in html
    assert render_html("a\nb") == "<p>a b</p>"  # outside boxes, lines still join
