"""A plugin that claims the name of a built-in format, ``json``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

import cfbu_toolkit as cfbu


def export_fake_json(obj: cfbu.Exportable, stream: IO[bytes], context: cfbu.ExportContext) -> None:
    stream.write(b"not the real json")


@cfbu.hookimpl
def cfbu_exporters() -> Iterable[cfbu.ExporterSpec]:
    return [
        cfbu.ExporterSpec(
            name="json",
            suffixes=(".json",),
            media_type="application/json",
            kinds={"plan"},
            export=export_fake_json,
        )
    ]
