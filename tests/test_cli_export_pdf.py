"""`handbook-app export-pdf`: incidents chosen by id for their full block, and ids that name no record refused."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from pypdf import PdfReader

from handbook_app.services import session
from handbook_app.services.report_preview import handovers
from tests.conftest import PASSPHRASE, TRAINEE

# The demo's incidents by vault id: (title, a phrase of the description only its full block prints).
DEMO_INCIDENTS = {
    1: ("Công ty giữ hộ chiếu", "Ngày thứ hai đi làm"),
    2: ("Làm thêm giờ quá nhiều tháng 2", "Tháng 2 làm thêm hơn 70 giờ"),
    3: ("Bị thương ở tay khi vận hành máy ép", "Máy ép ở dây chuyền số 3"),
    4: ("Bị quát mắng, chửi trước mặt mọi người", "Anh Tanaka thường xuyên"),
    5: ("Lương giờ không tăng theo lương tối thiểu mới", "Từ tháng 10/2024 lương tối thiểu Aichi"),
    6: ("Tiền nhà bị trừ cao hơn hợp đồng", "Hợp đồng ghi tiền nhà 20.000 yên"),
    7: ("Bị dọa cho về nước", "Sau khi tôi hỏi về tiền lương thiếu"),
    8: ("Hợp đồng ở Nhật khác hợp đồng ký ở Việt Nam", "Hợp đồng ký ở Hà Nội"),
}


def run(*args, lang="en"):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HANDBOOK_")}
    env["HANDBOOK_LANG"] = lang
    env["HANDBOOK_PASSPHRASE"] = PASSPHRASE
    exe = shutil.which("handbook-app", path=os.path.dirname(sys.executable))
    cmd = [exe] if exe else [sys.executable, "-m", "handbook_app"]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, env=env, timeout=120,
                          stdin=subprocess.DEVNULL)


def pdf_text(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


def handover_count(path) -> int:
    hb, _info = session.unlock(path, PASSPHRASE, TRAINEE)
    try:
        return len(handovers(hb))
    finally:
        hb.lock()


def test_chosen_incidents_get_full_blocks_and_the_overview_lists_all(demo_path, tmp_path):
    out = tmp_path / "pack.pdf"
    result = run("export-pdf", str(demo_path), str(out), "--langs", "en,ja", "--incidents", "3,5")
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    for row_id, (title, description) in DEMO_INCIDENTS.items():
        assert title in text, row_id  # the overview table lists every incident
        assert (description in text) == (row_id in (3, 5)), row_id  # only the chosen ones in full
    assert "2 of 8 incidents are printed in full below" in text


def test_ids_the_vault_does_not_have_are_refused_and_nothing_is_written(demo_path, tmp_path):
    out = tmp_path / "pack.pdf"
    before = handover_count(demo_path)
    for args, says in (
        (["--incidents", "3,99"], "no incident with the id 99"),
        (["--incidents", "selected"], "write the ids"),
        (["--incidents", "3;5"], "'3;5'"),
        (["--incidents", "3", "--exclude", "incident:3"], "incident 3 is not in this pack"),
        (["--incidents", "1", "--from", "2024-01-01"], "incident 1 is not in this pack"),
        (["--exclude", "incident:999"], "incident:999"),
        (["--exclude", "incident:4,payslp:12,hours:1"], "hours:1, payslp:12"),
        (["--exclude", "incident:4x"], "KIND:ID"),
    ):
        result = run("export-pdf", str(demo_path), str(out), *args)
        assert result.returncode == 2, (args, result.stderr)
        assert says in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr and result.stderr.strip().count("\n") == 0, result.stderr
        assert not out.exists(), args
    assert handover_count(demo_path) == before  # no handover recorded for a PDF that was not made


def test_refusals_are_translated(demo_path, tmp_path):
    out = tmp_path / "pack.pdf"
    for lang in ("vi", "ja"):
        result = run("--lang", lang, "export-pdf", str(demo_path), str(out), "--exclude", "incident:999", lang=lang)
        assert result.returncode == 2 and "incident:999" in result.stderr
        assert "not in this vault" not in result.stderr, (lang, result.stderr)
        result = run("--lang", lang, "export-pdf", str(demo_path), str(out), "--incidents", "99", lang=lang)
        assert result.returncode == 2 and "99" in result.stderr
        assert "no incident" not in result.stderr, (lang, result.stderr)
    assert not out.exists()


def test_a_known_exclusion_still_leaves_the_record_out(demo_path, tmp_path):
    out = tmp_path / "pack.pdf"
    before = handover_count(demo_path)
    result = run("export-pdf", str(demo_path), str(out), "--langs", "en,ja", "--exclude", "Incident:4")
    assert result.returncode == 0, result.stderr
    assert handover_count(demo_path) == before + 1
    text = pdf_text(out)
    assert DEMO_INCIDENTS[4][0] not in text and DEMO_INCIDENTS[5][0] in text
