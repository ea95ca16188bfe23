"""Every string a user sees is translated into Vietnamese and Japanese, and the shipped .mo matches the .po."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "handbook_app"
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _source_messages() -> set[str]:
    found = set()
    method_map = [("**.py", "python")]
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(SRC), method_map, keywords={"_": None, "N_": None, "ngettext": (1, 2), "tr": (2,)}
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


SOURCE = _source_messages()


def _catalog(lang: str):
    with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        return read_po(fh, locale=lang)


@pytest.mark.parametrize("lang", ["vi", "ja"])
def test_every_source_string_is_translated(lang):
    catalog = _catalog(lang)
    def translated(entry) -> bool:
        if entry is None or entry.fuzzy:
            return False
        text = entry.string if isinstance(entry.string, str) else entry.string[0]
        return bool(text)

    missing = sorted(m for m in SOURCE if not translated(catalog.get(m)))
    assert not missing, f"{len(missing)} untranslated in {lang}, e.g. {missing[:10]} — run `make translations`"


@pytest.mark.parametrize("lang", ["vi", "ja"])
def test_placeholders_survive_translation(lang):
    bad = []
    for message in _catalog(lang):
        if (
            message.id and isinstance(message.id, str) and message.string
            and sorted(PLACEHOLDER.findall(message.id)) != sorted(PLACEHOLDER.findall(message.string))
        ):
            bad.append(message.id)
    assert not bad, bad[:10]


@pytest.mark.parametrize("lang", ["vi", "ja"])
def test_compiled_catalogue_matches_the_po_file(lang):
    def norm(value):  # plural entries come back as tuples from .po and lists from .mo
        return value if isinstance(value, str) else tuple(value)

    po = {norm(m.id): norm(m.string) for m in _catalog(lang) if m.id and m.string and not m.fuzzy}
    with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.mo").open("rb") as fh:
        mo = {norm(m.id): norm(m.string) for m in read_mo(fh) if m.id}
    assert mo == po, "translations/*.mo is stale: run `make translations`"


def test_switching_language_changes_messages():
    from handbook_app.i18n import _, set_locale

    texts = {}
    for lang in ("vi", "ja", "en"):
        set_locale(lang)
        texts[lang] = _("Please enter a passphrase.")
    assert len(set(texts.values())) == 3
    assert texts["en"] == "Please enter a passphrase."


def test_no_translatable_literal_hides_inside_an_f_string():
    """Babel cannot extract _('...') written inside an f-string: such text would stay English."""
    pattern = re.compile(r"""f(["'])[^"']*\{[^}]*\b_\(\s*["']""")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in SRC.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert not offenders, offenders
