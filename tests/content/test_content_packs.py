"""Offline fact updates: build → verify → install → the new facts are used → roll back; every bad pack refused."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from handbook_app.content.build import build_pack
from handbook_app.content.manifest import PackError
from handbook_app.content.pack import read_pack
from handbook_app.core.minimum_wage import minimum_wage_on
from handbook_app.guide.search import default_guide
from handbook_app.i18n import set_locale
from tests.content.conftest import CHANGED_ARTICLE, MARKER, write_info

TOKYO, NOV_2026 = 13, dt.date(2026, 11, 15)


def built(folder: Path, key, tmp_path: Path, name: str = "facts.thpack") -> Path:
    out = tmp_path / name
    build_pack(folder, out, key)
    return out


def article_text(lang: str = "en") -> str:
    return default_guide().article(CHANGED_ARTICLE, lang).body


def test_round_trip_uses_new_facts_and_rollback_restores_old(store, publisher_folder, private_key, tmp_path):
    set_locale("en")
    pack = built(publisher_folder, private_key, tmp_path)
    store.activate()
    assert minimum_wage_on(TOKYO, NOV_2026) is None  # the bundled table ends with FY2025: not checked
    assert MARKER not in article_text()

    prepared = store.prepare(pack)
    assert "minimum wages for 47 prefectures from October 2026" in prepared.changes
    assert "1 guide article changed" in prepared.changes
    info = store.commit(prepared)

    assert (info.pack_id, info.version) == ("org.example.union", 1)
    wage = minimum_wage_on(TOKYO, NOV_2026)
    assert wage is not None and wage.fiscal_year == 2026 and wage.yen_per_hour == 1226 + 60  # FY2025 Tokyo + 60
    assert MARKER in article_text("vi") and MARKER in article_text("ja")
    assert len(default_guide().articles("vi")) >= 25  # the rest of the guide is still there

    back = store.rollback()
    assert back.bundled
    assert minimum_wage_on(TOKYO, NOV_2026) is None
    assert MARKER not in article_text()


def test_installed_facts_survive_a_restart(store, publisher_folder, private_key, tmp_path, keys):
    from handbook_app.content.store import FactsStore

    store.install(built(publisher_folder, private_key, tmp_path))
    again = FactsStore(store.root, keys)  # a new start of the program: same folder
    assert again.activate().version == 1
    assert minimum_wage_on(TOKYO, NOV_2026) is not None


def test_newer_version_replaces_older_and_rollback_goes_one_step(store, publisher_folder, private_key, tmp_path):
    store.install(built(publisher_folder, private_key, tmp_path, "v1.thpack"))
    write_info(publisher_folder, version=2, published="2027-01-10")
    store.install(built(publisher_folder, private_key, tmp_path, "v2.thpack"))
    assert store.current().version == 2
    assert store.rollback().version == 1


def test_older_or_same_version_is_refused_unless_chosen(store, publisher_folder, private_key, tmp_path):
    write_info(publisher_folder, version=3)
    store.install(built(publisher_folder, private_key, tmp_path, "v3.thpack"))
    write_info(publisher_folder, version=2)
    old = built(publisher_folder, private_key, tmp_path, "v2.thpack")
    with pytest.raises(PackError, match="not newer"):
        store.install(old)
    assert store.current().version == 3
    assert store.install(old, allow_older=True)[0].version == 2


def assert_unchanged(store, before_label: str) -> None:
    assert store.current().label() == before_label
    assert not list(store.root.glob(".staging-*")) if store.root.exists() else True
    assert minimum_wage_on(TOKYO, NOV_2026) is None


def rewrite(pack: Path, out: Path, *, manifest=None, members: dict[str, bytes] | None = None,
            drop: tuple[str, ...] = ()) -> Path:
    """A copy of `pack` with the manifest edited (a function of its JSON) or members replaced or dropped."""
    with zipfile.ZipFile(pack) as src:
        items = {i.filename: src.read(i) for i in src.infolist()}
    if manifest is not None:
        raw = json.loads(items["manifest.json"])
        manifest(raw)
        items["manifest.json"] = json.dumps(raw, ensure_ascii=False, indent=1, sort_keys=True).encode() + b"\n"
    items.update(members or {})
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in items.items():
            if name not in drop:
                dst.writestr(name, data)
    return out


MANIFEST_TAMPERS = {
    "id": lambda m: m.update(id="org.example.other"),
    "version": lambda m: m.update(version=99),
    "published": lambda m: m.update(published="2030-01-01"),
    "publisher": lambda m: m["publisher"].update(name="Someone Else"),
    "changes": lambda m: m["changes"].update(vi="Khác."),
    "file hash": lambda m: next(iter(m["files"].values())).update(sha256="0" * 64),
    "file size": lambda m: next(iter(m["files"].values())).update(size=1),
    "file dropped": lambda m: m["files"].pop(next(iter(m["files"]))),
}


@pytest.mark.parametrize("field", sorted(MANIFEST_TAMPERS))
def test_every_manifest_field_is_covered_by_the_signature(store, publisher_folder, private_key, tmp_path, field):
    pack = rewrite(built(publisher_folder, private_key, tmp_path), tmp_path / "t.thpack",
                   manifest=MANIFEST_TAMPERS[field])
    before = store.activate().label()
    with pytest.raises(PackError, match="changed after it was signed"):
        store.install(pack)
    assert_unchanged(store, before)


def test_a_changed_file_inside_is_refused(store, publisher_folder, private_key, tmp_path):
    pack = built(publisher_folder, private_key, tmp_path)
    with zipfile.ZipFile(pack) as z:
        name = next(n for n in z.namelist() if n.endswith("minimum_wage.csv"))
        data = z.read(name)
    tampered = rewrite(pack, tmp_path / "t.thpack", members={name: data.replace(b",1286,", b",1000,", 1)})
    before = store.activate().label()
    with pytest.raises(PackError, match="changed after it was signed"):
        store.install(tampered)
    assert_unchanged(store, before)


def test_unsigned_unknown_key_truncated_and_foreign_files_are_refused(store, publisher_folder, private_key, tmp_path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    pack = built(publisher_folder, private_key, tmp_path)
    before = store.activate().label()
    cases = {
        "not signed": rewrite(pack, tmp_path / "unsigned.thpack", drop=("manifest.sig",)),
        "does not trust": built(publisher_folder, Ed25519PrivateKey.generate(), tmp_path, "stranger.thpack"),
        "damaged or incomplete": tmp_path / "cut.thpack",
        "not a facts update file": tmp_path / "photo.jpg",
    }
    data = pack.read_bytes()
    cases["damaged or incomplete"].write_bytes(data[: len(data) * 2 // 3] + data[-22:])  # cut, but still a zip end
    cases["not a facts update file"].write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)
    for expected, path in cases.items():
        with pytest.raises(PackError, match=expected):
            store.install(path)
        assert_unchanged(store, before)


def test_paths_that_escape_links_bombs_and_non_facts_are_refused(store, publisher_folder, private_key, tmp_path):
    pack = built(publisher_folder, private_key, tmp_path)
    before = store.activate().label()
    escape = rewrite(pack, tmp_path / "escape.thpack", members={"files/../../evil.txt": b"x"})
    with pytest.raises(PackError, match="outside its own folder"):
        store.install(escape)
    extra = rewrite(pack, tmp_path / "extra.thpack", members={"files/run.exe": b"MZ"})
    with pytest.raises(PackError, match="not a fact file"):
        store.install(extra)
    bomb = rewrite(pack, tmp_path / "bomb.thpack", members={"files/data/zeros.csv": b"\0" * (20 * 1024 * 1024)})
    with pytest.raises(PackError, match="too large"):
        store.install(bomb)
    link = tmp_path / "link.thpack"
    with zipfile.ZipFile(pack) as src, zipfile.ZipFile(link, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        sym = zipfile.ZipInfo("files/guide/vi/x.md")
        sym.external_attr = (0o120777 << 16)
        dst.writestr(sym, "/etc/passwd")
    with pytest.raises(PackError, match="outside its own folder"):
        store.install(link)
    assert_unchanged(store, before)


def test_data_that_does_not_parse_is_refused_whole(store, publisher_folder, private_key, tmp_path):
    before = store.activate().label()
    table = publisher_folder / "data" / "minimum_wage.csv"
    lines = table.read_text(encoding="utf-8").splitlines()
    lines[-1] = "," + lines[-1].split(",", 1)[1]  # an FY2026 row without its prefecture
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PackError, match="minimum-wage table"):
        store.install(built(publisher_folder, private_key, tmp_path, "badwage.thpack"))
    assert_unchanged(store, before)


def test_an_article_without_sources_is_refused(store, publisher_folder, private_key, tmp_path):
    before = store.activate().label()
    path = publisher_folder / "guide" / "en" / f"{CHANGED_ARTICLE}.md"
    text = path.read_text(encoding="utf-8")
    head, _sep, body = text.partition("\n---\n")
    kept = []
    skipping = False
    for line in head.splitlines():
        if line.startswith("sources:"):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "-", "\t"))):
            continue
        skipping = False
        kept.append(line)
    path.write_text("\n".join(kept) + "\n---\n" + body, encoding="utf-8")
    with pytest.raises(PackError, match="rights guide"):
        store.install(built(publisher_folder, private_key, tmp_path, "nosource.thpack"))
    assert_unchanged(store, before)


def test_a_killed_installation_leaves_the_facts_in_use(store, publisher_folder, private_key, tmp_path):
    before = store.activate().label()
    prepared = store.prepare(built(publisher_folder, private_key, tmp_path))
    # killed here: the staging folder exists, nothing was switched
    assert prepared.staging.exists()
    assert store.current().label() == before
    store.prepare(built(publisher_folder, private_key, tmp_path, "again.thpack"))  # the next attempt sweeps it
    assert not prepared.staging.exists()


def test_read_pack_names_signer_and_changes(publisher_folder, private_key, tmp_path, keys):
    pack = read_pack(built(publisher_folder, private_key, tmp_path), keys)
    assert pack.manifest.publisher == "Example Union"
    assert pack.manifest.change_text("ja") == "2026年10月からの最低賃金。"
    assert set(pack.files) == {"data/minimum_wage.csv", *(f"guide/{lg}/{CHANGED_ARTICLE}.md" for lg in ("vi", "ja", "en"))}


def test_a_newer_program_lays_the_installed_pack_over_its_own_facts(store, publisher_folder, private_key, tmp_path,
                                                                   monkeypatch):
    """After a program update with a new article, the installed pack still applies and the new article shows."""
    import shutil

    from handbook_app.content import store as store_module
    from handbook_app.resources import bundled_facts_root

    store.install(built(publisher_folder, private_key, tmp_path))
    newer = tmp_path / "newer-program"
    for part in ("guide", "data"):
        shutil.copytree(bundled_facts_root() / part, newer / part)
    for lang in ("vi", "ja", "en"):
        text = (newer / "guide" / lang / f"{CHANGED_ARTICLE}.md").read_text(encoding="utf-8")
        (newer / "guide" / lang / "brand-new-topic.md").write_text(text, encoding="utf-8")
    old = store_module.bundled_info()
    monkeypatch.setattr(store_module, "bundled_info", lambda: store_module.FactsInfo(
        "bundled", 1, old.published, old.publisher, True, newer, old.changes))

    info = store.activate()
    assert (info.pack_id, info.version, info.bundled) == ("org.example.union", 1, False)
    assert default_guide().has("brand-new-topic", "vi")  # the newer program's article
    assert minimum_wage_on(TOKYO, NOV_2026) is not None  # and the pack's wages
    assert MARKER in article_text()
    assert len(list((store.root / "installed").iterdir())) <= 2


def test_bundled_facts_are_dated_no_earlier_than_what_they_hold():
    """resources/facts.json names the bundled facts; its date must move when an article or a table row is checked
    again, or an installed pack from before that date would hide the newer bundled facts."""
    from handbook_app.content.store import bundled_info
    from handbook_app.core.minimum_wage import load_table

    published = bundled_info().published
    newest_article = max(a.checked_on for a in default_guide().articles())
    newest_row = max((r.checked_on for r in load_table().rows if getattr(r, "checked_on", None)), default=published)
    assert newest_article <= published and newest_row <= published, "bump 'published' in resources/facts.json"
