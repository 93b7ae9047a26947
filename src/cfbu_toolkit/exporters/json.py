"""The JSON document format as an exporter plugin (see :mod:`cfbu_toolkit.io.document`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from ..io.document import dumps
from ..io.kinds import KINDS, Exportable
from ..plugins.hookspecs import hookimpl
from ..plugins.types import ExportContext, ExporterSpec

MEDIA_TYPE = "application/vnd.cfbu-toolkit+json"


def export_json(obj: Exportable, stream: IO[bytes], context: ExportContext) -> None:
    """Write the JSON document; language does not apply (JSON holds identifiers)."""
    stream.write(dumps(obj))


@hookimpl
def cfbu_exporters() -> Iterable[ExporterSpec]:
    return [
        ExporterSpec(
            name="json",
            suffixes=(".json",),
            media_type=MEDIA_TYPE,
            kinds=KINDS,
            export=export_json,
            options=frozenset(),  # takes no options
            description="cfbu-toolkit JSON document (lossless; reads back with load)",
        )
    ]
