"""The PDFs read back with pypdf: text with diacritics and kana, embedded fonts, page numbers,
password, the audit head, every section in both languages, privacy choices, bad input."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from handbook_app.core import records as r
from handbook_app.core.money import Money
from handbook_app.i18n import tr
from handbook_app.reports.labels import Labels
from handbook_app.reports.model import SECTIONS, ReportOptions
from handbook_app.services import reports
from handbook_app.services.demo import png_bytes


def text_of(path_or_bytes, password: str | None = None) -> tuple[PdfReader, list[str]]:
    src = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else str(path_or_bytes)
    reader = PdfReader(src)
    if password is not None:
        assert reader.decrypt(password)
    return reader, [page.extract_text() or "" for page in reader.pages]


def squash(text: str) -> str:
    """Without any whitespace: a heading or hash wrapped over two lines still matches."""
    return re.sub(r"\s+", "", text)


def has(full: str, needle: str) -> bool:
    return squash(needle) in squash(full)


def resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def fonts_of(reader: PdfReader) -> list[dict]:
    found = {}
    for page in reader.pages:
        res = resolve(page.get("/Resources")) or {}
        for _name, ref in (resolve(res.get("/Font")) or {}).items():
            font = resolve(ref)
            found[id(font)] = font
    return list(found.values())


@pytest.fixture
def pack(demo, tmp_path):
    def make(langs=("vi", "ja"), **kwargs):
        dest = tmp_path / f"pack-{'-'.join(langs)}.pdf"
        result = reports.build_evidence_pack(demo, dest, ReportOptions(langs=langs, **kwargs))
        reader, pages = text_of(dest)
        return result, reader, pages

    return make


def test_vietnamese_and_japanese_come_back_exactly(pack):
    result, reader, pages = pack()
    full = "\n".join(pages)
    assert result.pages == len(reader.pages) > 5
    assert "Công ty giữ hộ chiếu" in full  # the incident title, diacritics intact
    assert "Bị thương ở tay khi vận hành máy ép" in full
    assert "パスポート" in squash(full)  # the translation of the first incident
    assert "鈴木課長" in full
    assert result.missing_glyphs == ()


def test_fonts_are_embedded_and_no_helvetica(pack):
    _result, reader, _pages = pack()
    fonts = fonts_of(reader)
    assert fonts
    names = set()
    for font in fonts:
        names.add(str(font.get("/BaseFont")))
        assert "Helvetica" not in str(font.get("/BaseFont"))
        descendants = font.get("/DescendantFonts")
        target = resolve(resolve(descendants)[0]) if descendants else font
        descriptor = resolve(target.get("/FontDescriptor"))
        assert descriptor is not None and "/FontFile2" in descriptor, font.get("/BaseFont")
    assert any("NotoSans" in n for n in names) and any("IPAex" in n for n in names)
    assert any(n.endswith("+BIZUDGothic-Bold") for n in names)  # the bold of Japanese headings and labels


def test_metadata_and_language(pack):
    _result, reader, _pages = pack(("en", "ja"))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    meta = reader.metadata
    assert meta.title and "Evidence pack" in meta.title
    assert meta.producer.startswith("Trainee Handbook")
    assert meta.creation_date is not None


def test_page_x_of_y_on_first_and_last_page(pack):
    result, _reader, pages = pack()
    labels = Labels(("vi", "ja"))
    n = result.pages
    for number in (1, n):
        for text in labels.each("Page {page} of {total}", page=number, total=n):
            assert has(pages[number - 1], text), (number, text)
    assert not has(pages[0], labels.each("Page {page} of {total}", page=2, total=n)[0])


def test_the_profile_names_languages_not_codes(pack):
    """The demo profile stores "vi,ja"; a reader of the pack sees the languages' own names."""
    _result, _reader, pages = pack()
    full = "\n".join(pages)
    assert "Tiếng Việt, 日本語" in full
    assert "vi,ja" not in full


@pytest.mark.parametrize("langs", [("vi", "ja"), ("en", "ja")])
def test_every_section_heading_in_both_languages(pack, langs):
    _result, _reader, pages = pack(langs)
    full = "\n".join(pages)
    for heading in SECTIONS.values():
        for lang in langs:
            assert has(full, tr(lang, heading)), (lang, heading)


def test_head_hash_matches_verify(demo, tmp_path):
    report = demo.verify()
    dest = tmp_path / "pack.pdf"
    reports.build_evidence_pack(demo, dest)
    _reader, pages = text_of(dest)
    full = "\n".join(pages)
    assert report.head_hash in full  # printed whole, on one line
    assert has(full, str(report.entries))


def test_password_is_required_and_works(demo, tmp_path):
    dest = tmp_path / "secret.pdf"
    reports.build_evidence_pack(demo, dest, ReportOptions(password="hoa sen 2026"))
    reader = PdfReader(str(dest))
    assert reader.is_encrypted
    assert not reader.decrypt("wrong password")
    reader = PdfReader(str(dest))
    assert reader.decrypt("hoa sen 2026")
    assert "Công ty giữ hộ chiếu" in "\n".join(p.extract_text() for p in reader.pages)
    assert "/AESV3" in str(reader.trailer["/Encrypt"].get_object()["/CF"])
    # the data files behind the figures are inside the protected copy too, readable with the password
    assert b"2024-02" in reader.attachments["payslips.csv"][0]


def test_handover_recorded_and_listed_in_the_next_pack(demo, tmp_path):
    first = reports.build_evidence_pack(demo, tmp_path / "one.pdf",
                                        ReportOptions(recipient="Công đoàn Aichi / 労働組合"))
    last = demo.audit_entries()[-1]
    assert last.action == "handover" and last.kind == "pdf"
    assert last.after["sha256"] == first.sha256
    assert last.after["recipient"] == "Công đoàn Aichi / 労働組合"
    assert "incidents" in last.after["sections"]
    assert demo.verify().ok  # the handover entry keeps the chain whole
    reports.build_evidence_pack(demo, tmp_path / "two.pdf")
    _reader, pages = text_of(tmp_path / "two.pdf")
    full = "\n".join(pages)
    assert has(full, first.sha256)
    assert has(full, "Công đoàn Aichi")


def test_empty_vault_gives_a_short_valid_pack(handbook, tmp_path):
    dest = tmp_path / "empty.pdf"
    result = reports.build_evidence_pack(handbook, dest, ReportOptions(langs=("en", "ja")))
    reader, pages = text_of(dest)
    assert 1 <= result.pages == len(reader.pages) <= 6
    full = "\n".join(pages)
    for missing in ("No contract.", "No incidents.", "No payslips."):
        assert has(full, tr("en", missing))
        assert has(full, tr("ja", missing))


def test_cancelled_export_leaves_no_file(demo, tmp_path):
    dest = tmp_path / "pack.pdf"
    seen = []

    def progress(done, total):
        seen.append(done)

    with pytest.raises(reports.ReportCancelled):
        reports.build_evidence_pack(demo, dest, progress=progress, cancelled=lambda: bool(seen) and seen[-1] >= 50)
    assert seen and not dest.exists()
    assert not any(p.suffix in (".pdf", ".part") for p in tmp_path.iterdir())
    assert all(e.action != "handover" for e in demo.audit_entries())


def test_unwritable_path_gives_a_message_and_no_file(demo, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(reports.ReportError) as info:
        reports.build_evidence_pack(demo, blocker / "pack.pdf")
    assert "PDF" in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(reports.ReportError) as info:
        reports.build_evidence_pack(demo, tmp_path / "missing" / "pack.pdf")
    assert "does not exist" in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("demo.vault")) == ["not-a-folder"]


def test_refuses_to_write_over_the_vault(demo):
    with pytest.raises(reports.ReportError):
        reports.build_evidence_pack(demo, demo.path)
    assert demo.verify().ok


def test_characters_no_font_has_are_reported_not_fatal(handbook, tmp_path):
    handbook.add(r.Incident(started=dt.date(2025, 5, 1), title="Bị đánh 😀 ภาษาไทย",
                            description="Xin chào 👋🏽 — 日本語も"))
    result = reports.build_evidence_pack(handbook, tmp_path / "p.pdf")
    joined = " ".join(result.missing_glyphs)
    assert "U+1F600" in joined and "U+0E20" in joined  # ภ THAI CHARACTER PHO SAMPHAO
    _reader, pages = text_of(tmp_path / "p.pdf")
    full = "\n".join(pages)
    assert "Bị đánh" in full and "\ufffd" in full and "U+1F600" in full  # listed in the PDF itself


def test_privacy_choices(pack):
    _result, _reader, pages = pack(exclude=frozenset({("incident", 1)}), mask_third_parties=True,
                                   show_trainee_name=False)
    full = "\n".join(pages)
    assert "Công ty giữ hộ chiếu" not in full
    assert "Lê Thị Hoa" not in full  # a witness
    assert "Nguyễn Văn Minh" not in full  # the trainee's name
    assert "Bác Hùng" not in full  # a relative who lent money
    assert "Agribank" in full  # institutions stay
    assert "phieu-luong-2024-11.png" not in full and "•••.png" in full  # file names can carry names


def test_date_range_and_sections(pack):
    _result, _reader, pages = pack(date_from=dt.date(2025, 1, 1), date_to=dt.date(2025, 12, 31),
                                   sections=frozenset({"incidents"}))
    full = "\n".join(pages)
    assert "Tiền nhà bị trừ cao hơn hợp đồng" in full  # 2025-01-08
    assert "Công ty giữ hộ chiếu" not in full  # 2023
    assert not has(full, tr("vi", SECTIONS["payslips"]))


def test_images_are_thumbnailed_in_memory(demo, tmp_path):
    with_images = reports.build_evidence_pack(demo, tmp_path / "a.pdf", ReportOptions(full_images=True))
    without = reports.build_evidence_pack(demo, tmp_path / "b.pdf", ReportOptions(images=False))
    reader = PdfReader(str(tmp_path / "a.pdf"))
    count = sum(len(page.images) for page in reader.pages)
    assert count >= 8  # 5 thumbnails + 5 full images; two demo photos are the same file, stored once
    assert sum(len(p.images) for p in PdfReader(str(tmp_path / "b.pdf")).pages) == 0
    assert with_images.pages >= without.pages
    assert has("\n".join(text_of(tmp_path / "a.pdf")[1]), tr("ja", "Images in full"))
    assert not has("\n".join(text_of(tmp_path / "b.pdf")[1]), tr("ja", "Images in full"))


def test_non_image_and_broken_image_attachments(handbook, tmp_path):
    incident = handbook.add(r.Incident(started=dt.date(2025, 5, 1), title="Giấy tờ")).record
    handbook.add_attachment(incident, io.BytesIO(b"%PDF-1.4 not really"), "hop-dong.pdf", "application/pdf")
    handbook.add_attachment(incident, io.BytesIO(b"\x89PNG broken"), "hong.png", "image/png")
    data = png_bytes(40, 30, (10, 10, 10), (200, 200, 200))
    handbook.add_attachment(incident, io.BytesIO(data), "ok.png", "image/png")
    result = reports.build_evidence_pack(handbook, tmp_path / "p.pdf", ReportOptions(full_images=True))
    _reader, pages = text_of(tmp_path / "p.pdf")
    full = "\n".join(pages)
    assert "hop-dong.pdf" in full and "hong.png" in full and "ok.png" in full
    assert result.pages >= 2


def test_payslip_total_matches_core(demo, tmp_path):
    from handbook_app.reports.wages import check_months

    total = sum(m.shortfall for m in check_months(demo.records(r.Payslip), demo.records(r.Contract)))
    assert total > 0
    labels = Labels(("en", "ja"))
    reports.build_evidence_pack(demo, tmp_path / "p.pdf", ReportOptions(langs=("en", "ja")))
    reports.build_shortfall_statement(demo, tmp_path / "s.pdf", ReportOptions(langs=("en", "ja")))
    for name in ("p.pdf", "s.pdf"):
        _reader, pages = text_of(tmp_path / name)
        assert has("\n".join(pages), labels.yen(total)), name


def test_debt_summary_is_one_page_with_balances(demo, tmp_path):
    from handbook_app.core.loans import loan_state

    result = reports.build_debt_summary(demo, tmp_path / "d.pdf", ReportOptions(langs=("en", "ja")))
    assert result.pages == 1
    _reader, pages = text_of(tmp_path / "d.pdf")
    labels = Labels(("en", "ja"))
    loans = demo.records(r.Loan)
    reps = demo.records(r.Repayment)
    today = dt.date.today()
    for loan in loans:
        state = loan_state(loan, [x for x in reps if x.loan_id == loan.id], today)
        assert has(pages[0], labels.money(state.balance))


def test_preview_writes_nothing_and_records_nothing(demo, tmp_path):
    before = len(demo.audit_entries())
    preview = reports.preview_report(demo, "evidence", ReportOptions(langs=("en", "ja")))
    assert preview.data.startswith(b"%PDF") and preview.pages > 5
    assert len(demo.audit_entries()) == before
    assert list(tmp_path.glob("*.pdf")) == []


def test_mixed_records_in_a_non_default_currency(handbook, tmp_path):
    loan = handbook.add(r.Loan(lender="Ngân hàng", principal=Money(750000, "USD"), start=dt.date(2024, 1, 1),
                               interest_model="flat", monthly_rate=Decimal("0.01"))).record
    handbook.add(r.Repayment(loan_id=loan.id, date=dt.date(2024, 3, 1), paid=Money(30000, "JPY"),
                             rate=Decimal("0.0067")))
    result = reports.build_evidence_pack(handbook, tmp_path / "p.pdf", ReportOptions(langs=("en", "ja")))
    _reader, pages = text_of(tmp_path / "p.pdf")
    assert "$7,500.00" in "\n".join(pages)
    assert result.pages >= 2


def test_debt_summary_points_out_the_over_limit_fee_and_the_banned_deposit(demo, tmp_path):
    head = demo.verify().head_hash  # (making the PDF adds a handover entry after it)
    reports.build_debt_summary(demo, tmp_path / "d.pdf", ReportOptions(langs=("vi", "ja")))
    _reader, pages = text_of(tmp_path / "d.pdf")
    text = "".join("".join(p.split()) for p in pages)
    assert "上回っています" in text and "禁止されています" in text  # over the legal limit; a deposit is not allowed
    assert head in text  # which state of the record the figures come from
