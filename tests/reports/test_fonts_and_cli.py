"""The run splitter, wrapping, the guide-article PDF and `handbook-app export-pdf` end to end."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import sys

from pypdf import PdfReader

from handbook_app.reports.fonts import JAPANESE, PLACEHOLDER, SANS, SANS_BOLD, RunSplitter
from tests.conftest import PASSPHRASE


def test_runs_follow_glyph_coverage():
    s = RunSplitter()
    runs = s.runs("Lương 1.077 yên/giờ — 時給1,077円 (愛知県)")
    assert "".join(x.text for x in runs) == "Lương 1.077 yên/giờ — 時給1,077円 (愛知県)"
    assert runs[0].font == SANS and runs[0].text.startswith("Lương")
    ja = [x for x in runs if x.font == JAPANESE]
    assert ja and "時給1,077円" in "".join(x.text for x in ja)  # digits stay in the Japanese run
    assert s.missing == set()
    assert s.runs("Đậm", bold=True)[0].font == SANS_BOLD


def test_decomposed_vietnamese_is_composed():
    decomposed = "Co\u0302ng ty giu\u031b\u0303 ho\u0302\u0323 chie\u0302\u0301u"
    s = RunSplitter()
    text = "".join(x.text for x in s.runs(decomposed))
    assert text == "Công ty giữ hộ chiếu"
    assert all(x.font == SANS for x in s.runs(decomposed))


def test_markup_escapes_and_reports_missing():
    s = RunSplitter()
    markup = s.markup("a < b & c > d 🙂\ufe0f ไทย\nnext")
    assert "&lt;" in markup and "&amp;" in markup and "&gt;" in markup and "<br/>" in markup
    assert PLACEHOLDER in markup
    assert s.missing == {"🙂", "ไ", "ท", "ย"}  # the variation selector is dropped silently


def test_long_japanese_and_long_words_wrap_inside_the_frame():
    from reportlab.platypus import Paragraph

    from handbook_app.reports.base import Kit
    from handbook_app.reports.labels import Labels

    kit = Kit(Labels(("vi", "ja")))
    width = 200.0
    for text in ("入社2日目、鈴木課長が「安全のため預かる」と言って、4人全員のパスポートを回収しました。" * 4,
                 "x" * 300, "Tôi " + "https://example.org/" + "a" * 200):
        para = kit.p(text)
        assert isinstance(para, Paragraph)
        _w, h = para.wrap(width, 10_000)
        lines = para.blPara.lines
        assert len(lines) > 2, text[:20]
        for line in lines:
            used = width - (line.extraSpace if hasattr(line, "extraSpace") else line[0])
            assert used <= width + 0.5


def test_guide_article_in_two_languages(tmp_path):
    from handbook_app.reports.guide_article import ArticleText
    from handbook_app.services.reports import print_guide_article

    vi = ArticleText("vi", "Lương tối thiểu", "# Là gì?\n\nMỗi tỉnh có **lương tối thiểu** riêng.\n\n- Aichi: 1.140 yên",
                     (("MHLW", "https://www.mhlw.go.jp/"),), dt.date(2026, 1, 5))
    ja = ArticleText("ja", "最低賃金", "# とは\n\n都道府県ごとに**最低賃金**があります。", (), dt.date(2026, 1, 5))
    result = print_guide_article(tmp_path / "g.pdf", [vi, ja])
    text = "\n".join(p.extract_text() for p in PdfReader(str(tmp_path / "g.pdf")).pages)
    assert result.pages == 2
    assert "Lương tối thiểu" in text and "最低賃金" in text and "https://www.mhlw.go.jp/" in text


def run(*args, env_extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HANDBOOK_")}
    env["HANDBOOK_LANG"] = "en"
    env["HANDBOOK_PASSPHRASE"] = PASSPHRASE
    env.update(env_extra or {})
    exe = shutil.which("handbook-app", path=os.path.dirname(sys.executable))
    cmd = [exe] if exe else [sys.executable, "-m", "handbook_app"]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, env=env, timeout=120,
                          stdin=subprocess.DEVNULL)


def test_cli_export_pdf_end_to_end(demo_path, tmp_path):
    out = tmp_path / "pack.pdf"
    result = run("export-pdf", str(demo_path), str(out), "--langs", "en,ja", "--from", "2024-01-01",
                 "--recipient", "Union", "--protect", env_extra={"HANDBOOK_PDF_PASSWORD": "s3cret pw"})
    assert result.returncode == 0, result.stderr
    assert "SHA-256" in result.stdout and "password" in result.stderr
    reader = PdfReader(str(out))
    assert reader.is_encrypted and reader.decrypt("s3cret pw")
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Bị thương ở tay khi vận hành máy ép" in text and "Công ty giữ hộ chiếu" not in text  # --from

    summary = tmp_path / "debts.pdf"
    result = run("export-pdf", str(demo_path), str(summary), "--report", "debt-summary")
    assert result.returncode == 0, result.stderr
    assert "NOT protected" in result.stderr
    assert len(PdfReader(str(summary)).pages) == 1

    again = run("export-pdf", str(demo_path), str(summary), "--report", "debt-summary")
    assert again.returncode != 0 and "already exists" in again.stderr


def test_cli_protect_without_a_password_source_fails_cleanly(demo_path, tmp_path):
    out = tmp_path / "pack.pdf"
    result = run("export-pdf", str(demo_path), str(out), "--protect")
    assert result.returncode != 0 and "HANDBOOK_PDF_PASSWORD" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_cli_bad_options_are_one_line(demo_path, tmp_path):
    for args in (["--langs", "vi,th"], ["--sections", "incidents,secrets"], ["--from", "yesterday"]):
        result = run("export-pdf", str(demo_path), str(tmp_path / "x.pdf"), *args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr and result.stderr.strip().count("\n") == 0, result.stderr


def test_importing_the_services_does_not_load_reportlab():
    code = "import sys, handbook_app.services.reports; print('reportlab' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr


def test_bytes_decoded_in_memory():
    from handbook_app.reports.images import scale_image
    from handbook_app.services.demo import png_bytes

    scaled = scale_image(png_bytes(800, 600, (1, 2, 3), (4, 5, 6)), 240)
    assert scaled is not None and max(scaled.width, scaled.height) == 240
    assert scale_image(b"not an image", 240) is None
    assert io.BytesIO(scaled.data).read(4) in (b"\x89PNG", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xdb")
