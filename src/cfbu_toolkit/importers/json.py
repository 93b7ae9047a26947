"""The JSON document format as an importer plugin."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import IO

from ..errors import FormatError
from ..exporters.json import MEDIA_TYPE
from ..io import document
from ..io.kinds import KINDS, Exportable
from ..locale import N_
from ..plugins.hookspecs import hookimpl
from ..plugins.types import ImportContext, ImporterSpec


def load_json(stream: IO[bytes], context: ImportContext) -> Exportable:
    """Read a JSON document; ``max_bytes`` (an option of ``load``) bounds its size."""
    limit = context.options.get("max_bytes")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise FormatError(
            N_("max_bytes must be a whole number of 1 or more, got {value!r}"), value=limit
        )
    size = _remaining(stream)
    if size is not None:
        document.check_size(size, limit, context.source)  # before a byte is read
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


@hookimpl
def cfbu_importers() -> Iterable[ImporterSpec]:
    return [
        ImporterSpec(
            name="json",
            suffixes=(".json",),
            media_type=MEDIA_TYPE,
            kinds=KINDS,
            load=load_json,
            description="cfbu-toolkit JSON document, any schema version this library reads",
        )
    ]
