"""Where bundled files live: inside the installed package, or at the top of a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def _root(name: str) -> Path:
    # An installed wheel carries resources/ and translations/ inside the package;
    # an editable install or a checkout finds them two levels up, beside src/.
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} is missing from the installation")


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. resource_path("fonts", "NotoSans-Regular.ttf")."""
    return _root("resources").joinpath(*parts)


def translations_dir() -> Path:
    return _root("translations")


# Public facts (the guide, minimum wages, fee limits) can be replaced by an installed content pack
# (handbook_app.content). Lookups of facts go through facts_path(); the bundled resources are the
# default, so bundled and updated facts share one code path.
FACT_FOLDERS = ("guide", "data")
_facts_root: Path | None = None
_facts_label: str | None = None


def facts_path(*parts: str) -> Path:
    """Path of a public fact file: inside the active content pack's facts when one is active, else bundled."""
    return (_facts_root or _root("resources")).joinpath(*parts)


def bundled_facts_root() -> Path:
    return _root("resources")


def use_facts(root: Path | None, label: str | None = None) -> None:
    """Point fact lookups at an installed pack's complete facts folder (None: the bundled facts)."""
    global _facts_root, _facts_label
    _facts_root = Path(root) if root is not None else None
    _facts_label = label if root is not None else None


def facts_meta() -> tuple[str, str | None]:
    """(the ISO date of the facts in use, "org.example.union 3" — or None for the facts bundled with the program)."""
    if _facts_label and " (" in _facts_label:
        source, _sep, rest = _facts_label.rpartition(" (")
        return rest.rstrip(")"), source
    import json

    raw = json.loads(_root("resources").joinpath("facts.json").read_text(encoding="utf-8"))
    return raw["published"], None


def facts_label() -> str:
    """Which facts are in use, as reports and the About box name them: "org.example.union 3 (2026-10-20)",
    or for the bundled facts "Trainee Handbook (2026-12-05)" (resources/facts.json)."""
    if _facts_label:
        return _facts_label
    import json

    raw = json.loads(_root("resources").joinpath("facts.json").read_text(encoding="utf-8"))
    return f"{raw['publisher']} ({raw['published']})"
