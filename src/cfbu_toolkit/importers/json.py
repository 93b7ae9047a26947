"""The JSON document format as an importer plugin."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from ..exporters.json import MEDIA_TYPE
from ..io.document import loads
from ..io.kinds import KINDS, Exportable
from ..plugins.hookspecs import hookimpl
from ..plugins.types import ImportContext, ImporterSpec


def load_json(stream: IO[bytes], context: ImportContext) -> Exportable:
    return loads(stream.read(), source=context.source)


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
