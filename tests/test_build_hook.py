"""resources/ and translations/ ride inside a real wheel, not inside an editable one (8 MB nobody reads)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _hook(target: str = "wheel"):
    sys.path.insert(0, str(ROOT))
    try:
        from hatch_build import CustomBuildHook
    finally:
        sys.path.remove(str(ROOT))
    return CustomBuildHook(str(ROOT), {}, None, None, str(ROOT / "dist"), target)


def test_standard_wheel_force_includes_the_data_folders() -> None:
    data: dict = {"force_include": {}}
    _hook().initialize("standard", data)
    assert data["force_include"] == {"resources": "handbook_app/resources",
                                     "translations": "handbook_app/translations"}


def test_editable_wheel_includes_nothing_extra() -> None:
    data: dict = {"force_include": {}}
    _hook().initialize("editable", data)
    assert data["force_include"] == {}
    from handbook_app.resources import resource_path, translations_dir

    assert resource_path("fonts", "ipaexg.ttf").is_file()  # found beside src/ instead
    assert (translations_dir() / "vi" / "LC_MESSAGES" / "messages.mo").is_file()
