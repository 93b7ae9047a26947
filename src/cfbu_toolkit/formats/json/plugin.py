"""The JSON document format as one plugin: the exporter and the importer.

The document itself (envelope, versions, the strict converter) is
:mod:`cfbu_toolkit.io.document`; this module only registers it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from ...io.document import dumps, loads
from ...io.kinds import KINDS, Exportable
from ...locale import N_
from ...plugins.hookspecs import hookimpl
from ...plugins.types import ExportContext, ExporterSpec, ImportContext, ImporterSpec

__all__ = ["MEDIA_TYPE", "export_json", "load_json", "sniff_json"]

MEDIA_TYPE = "application/vnd.cfbu-toolkit+json"


def export_json(obj: Exportable, stream: IO[bytes], context: ExportContext) -> None:
    """Write the JSON document; language does not apply (JSON holds identifiers)."""
    stream.write(dumps(obj))


def load_json(stream: IO[bytes], context: ImportContext) -> Exportable:
    """Read a JSON document of any schema version this library reads."""
    return loads(stream.read(), source=context.source)


def sniff_json(start: bytes) -> bool:
    """Whether ``start`` (the first bytes of an input) looks like a JSON object."""
    return start.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


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
            description=N_("cfbu-toolkit JSON document (lossless; reads back with load)"),
        )
    ]


@hookimpl
def cfbu_importers() -> Iterable[ImporterSpec]:
    return [
        ImporterSpec(
            name="json",
            suffixes=(".json",),
            media_type=MEDIA_TYPE,
            kinds=KINDS,
            load=load_json,
            sniff=sniff_json,
            description=N_("cfbu-toolkit JSON document, any schema version this library reads"),
        )
    ]
