"""The JSON document format as one plugin: the exporter and the importer.

The document itself (envelope, versions, the strict converter) is
:mod:`cfbu_toolkit.io.document`; this module only registers it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import IO

from ...errors import FormatError
from ...io import document
from ...io.document import dumps
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
    """Read a JSON document of any schema version this library reads.

    ``max_bytes`` (an option of ``load``; default
    :data:`~cfbu_toolkit.io.document.MAX_JSON_BYTES`) bounds its size, checked before a byte
    is read where the stream can tell its size.
    """
    limit = context.options.get("max_bytes")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise FormatError(
            N_("max_bytes must be a whole number of 1 or more, got {value!r}"), value=limit
        )
    size = _remaining(stream)
    if size is not None:
        document.check_size(size, limit, context.source)
    data = stream.read((limit or document.MAX_JSON_BYTES) + 1)
    return document.loads(data, source=context.source, max_bytes=limit)


def _remaining(stream: IO[bytes]) -> int | None:
    """How many bytes are left in ``stream``, where that can be told without reading."""
    try:
        if stream.seekable():
            here = stream.tell()
            end = stream.seek(0, os.SEEK_END)
            stream.seek(here)
            return end - here
    except (OSError, ValueError):
        pass
    return None


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
            options=frozenset({"max_bytes"}),
            sniff=sniff_json,
            description=N_("cfbu-toolkit JSON document, any schema version this library reads"),
        )
    ]
