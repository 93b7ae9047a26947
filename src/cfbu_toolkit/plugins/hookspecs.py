"""The hooks a cfbu_toolkit plugin can implement.

Each returns typed descriptors, never bare dicts. Implement them with
:data:`cfbu_toolkit.hookimpl` and register the module under the ``cfbu_toolkit`` entry-point
group. :mod:`.protocols` gives the same signatures to a plugin's type checker.
"""

from __future__ import annotations

from collections.abc import Iterable

import pluggy

from .types import ExporterSpec, ImporterSpec

__all__ = ["PROJECT", "hookimpl"]

PROJECT = "cfbu_toolkit"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def cfbu_exporters() -> Iterable[ExporterSpec]:  # type: ignore[empty-body]
    """The formats this plugin writes, one :class:`~cfbu_toolkit.ExporterSpec` each."""


@hookspec
def cfbu_importers() -> Iterable[ImporterSpec]:  # type: ignore[empty-body]
    """The formats this plugin reads, one :class:`~cfbu_toolkit.ImporterSpec` each."""
