"""The checkpoints' section for the evidence pack (reports/checkpoints.py) renders in vi and ja."""

from __future__ import annotations

import io

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pypdf import PdfReader

from handbook_app.core.witness import sign
from handbook_app.reports.base import SANS, Kit
from handbook_app.reports.checkpoints import checkpoint_flowables
from handbook_app.reports.labels import Labels


def test_checkpoints_print_with_organisation_fingerprint_and_status():
    cp = sign(Ed25519PrivateKey.generate(), "ab" * 16, 42, "c" * 64, "2026-12-05T06:00:00Z", "Hỗ trợ TTS Tokyo")
    kit = Kit(Labels(("vi", "ja")))  # registers the embedded fonts before ReportLab's styles are first imported
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, initialFontName=SANS).build(checkpoint_flowables(kit, [(cp, True), (cp, False)]))
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Hỗ trợ TTS Tokyo" in text and cp.fingerprint.split()[0] in text and "42" in text
    empty = io.BytesIO()
    SimpleDocTemplate(empty, pagesize=A4, initialFontName=SANS).build(checkpoint_flowables(kit, []))
    assert len(PdfReader(empty).pages) == 1
