"""The picture formats (``.svg`` and ``.png``) as a built-in exporter plugin.

A mapping becomes one grid; a whole plan becomes the grids of all its mappings, stacked
top to bottom in the plan's order (a plan without mappings gives one empty grid that says
so). A mapping exported without ``plan=`` shows organisation ids and says that names need
the plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from ...io.kinds import Exportable
from ...locale import N_
from ...plugins.hookspecs import hookimpl
from ...plugins.types import ExportContext, ExporterSpec

__all__ = ["export_png", "export_svg"]

_KINDS = frozenset({"plan", "mapping"})


def export_svg(obj: Exportable, stream: IO[bytes], context: ExportContext) -> None:
    """Write the partner map of ``obj`` (a plan or a mapping) as SVG."""
    from .draw import render

    stream.write(render(obj, "svg", context))


def export_png(obj: Exportable, stream: IO[bytes], context: ExportContext) -> None:
    """Write the partner map of ``obj`` (a plan or a mapping) as PNG."""
    from .draw import render

    stream.write(render(obj, "png", context))


@hookimpl
def cfbu_exporters() -> Iterable[ExporterSpec]:
    return [
        ExporterSpec(
            name="svg",
            suffixes=(".svg",),
            media_type="image/svg+xml",
            kinds=_KINDS,
            export=export_svg,
            description=N_("The partner map (influence × interest grid) as an SVG picture"),
        ),
        ExporterSpec(
            name="png",
            suffixes=(".png",),
            media_type="image/png",
            kinds=_KINDS,
            export=export_png,
            description=N_("The partner map (influence × interest grid) as a PNG picture"),
        ),
    ]
