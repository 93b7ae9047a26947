"""Two plugins whose hooks do not return valid descriptors.

``returns_dict`` returns a bare dict (the datasette habit this project avoids);
``builds_invalid_spec`` raises while building an ExporterSpec with a bad name.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import cfbu_toolkit as cfbu


class ReturnsDict:
    @cfbu.hookimpl
    def cfbu_exporters(self) -> Iterable[Any]:
        return [{"name": "dicty", "suffixes": [".dicty"], "export": print}]


class BuildsInvalidSpec:
    @cfbu.hookimpl
    def cfbu_exporters(self) -> Iterable[cfbu.ExporterSpec]:
        return [
            cfbu.ExporterSpec(
                name="Not A Name!",
                suffixes=(".bad",),
                media_type="text/plain",
                kinds={"plan"},
                export=print,
            )
        ]


returns_dict = ReturnsDict()
builds_invalid_spec = BuildsInvalidSpec()
