"""A plugin with a misspelt hook (``cfbu_exporter`` for ``cfbu_exporters``)."""

from __future__ import annotations

from collections.abc import Iterable

import cfbu_toolkit as cfbu


@cfbu.hookimpl
def cfbu_exporter() -> Iterable[cfbu.ExporterSpec]:
    return []
