"""Build hook: resources/ and translations/ go inside the package in a real wheel only.

An editable install runs from the checkout, where handbook_app.resources finds both folders beside
src/; copying their 8 MB into the editable wheel (as a static force-include did) served nobody.
"""

from __future__ import annotations

from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

DATA_FOLDERS = {"resources": "handbook_app/resources", "translations": "handbook_app/translations"}


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name == "wheel" and version == "standard":
            build_data["force_include"].update(DATA_FOLDERS)
