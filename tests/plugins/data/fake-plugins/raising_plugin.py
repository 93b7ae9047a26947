"""A plugin whose exporter writes part of its output and then fails."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

import cfbu_toolkit as cfbu


def export_boom(obj: cfbu.Exportable, stream: IO[bytes], context: cfbu.ExportContext) -> None:
    stream.write(b"half a file")
    raise RuntimeError("the exporter broke half-way")


@cfbu.hookimpl
def cfbu_exporters() -> Iterable[cfbu.ExporterSpec]:
    return [
        cfbu.ExporterSpec(
            name="boom",
            suffixes=(".boom",),
            media_type="application/octet-stream",
            kinds={"plan"},
            export=export_boom,
        )
    ]
