"""A throwaway publisher key made at test time, a publisher folder with FY2026-style facts, a facts store."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from handbook_app.content.keys import PublisherKey
from handbook_app.content.store import FactsStore, forget_loaded_facts
from handbook_app.resources import bundled_facts_root, use_facts

CHANGED_ARTICLE = "wages-minimum-wage"
MARKER = "FACTS-UPDATE-MARKER"


@pytest.fixture(autouse=True)
def bundled_facts_after():
    yield
    use_facts(None)
    forget_loaded_facts()


@pytest.fixture
def private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def keys(private_key) -> list[PublisherKey]:
    return [PublisherKey("test-union", private_key.public_key())]


@pytest.fixture
def store(tmp_path, keys) -> FactsStore:
    return FactsStore(tmp_path / "appdata", keys)


def fy2026_rows(text: str, raise_by: int = 60) -> str:
    """The bundled table plus an FY2026 row per prefecture: FY2025's rate + `raise_by`, from 1 October 2026."""
    rows = list(csv.DictReader(io.StringIO(text)))
    latest: dict[str, dict] = {}
    for row in rows:
        known = latest.get(row["prefecture"])
        if known is None or int(row["fiscal_year"]) > int(known["fiscal_year"]):
            latest[row["prefecture"]] = row
    for row in latest.values():
        new = dict(row, fiscal_year="2026", yen_per_hour=str(int(row["yen_per_hour"]) + raise_by),
                   effective_date="2026-10-01", verified="yes")
        rows.append(new)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0].keys()), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


@pytest.fixture
def publisher_folder(tmp_path) -> Path:
    """What a support group edits: fact files laid out like resources/ and pack.json."""
    folder = tmp_path / "publisher"
    bundled = bundled_facts_root()
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "minimum_wage.csv").write_text(
        fy2026_rows((bundled / "data" / "minimum_wage.csv").read_text(encoding="utf-8")), encoding="utf-8")
    for lang in ("vi", "ja", "en"):
        (folder / "guide" / lang).mkdir(parents=True)
        text = (bundled / "guide" / lang / f"{CHANGED_ARTICLE}.md").read_text(encoding="utf-8")
        (folder / "guide" / lang / f"{CHANGED_ARTICLE}.md").write_text(text.rstrip() + f"\n\n{MARKER}\n",
                                                                       encoding="utf-8")
    write_info(folder, version=1)
    return folder


def write_info(folder: Path, version: int, published: str = "2026-12-20", pack_id: str = "org.example.union") -> None:
    (folder / "pack.json").write_text(json.dumps({
        "id": pack_id, "version": version, "published": published, "publisher": "Example Union",
        "changes": {"vi": "Lương tối thiểu từ tháng 10/2026.", "ja": "2026年10月からの最低賃金。",
                    "en": "Minimum wages from October 2026."},
    }, ensure_ascii=False), encoding="utf-8")


def copy_folder(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst
