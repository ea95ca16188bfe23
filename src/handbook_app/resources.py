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
