"""A working plugin: writes and reads a one-line text format, ``good``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

import cfbu_toolkit as cfbu

MEDIA_TYPE = "text/x-good"


def export_good(obj: cfbu.Exportable, stream: IO[bytes], context: cfbu.ExportContext) -> None:
    context.report(0, 1)
    name = getattr(obj, "name", type(obj).__name__)
    stream.write(f"good:{context.lang}:{name}\n".encode())
    context.report(1, 1)


def load_good(stream: IO[bytes], context: cfbu.ImportContext) -> cfbu.Exportable:
    _, _, name = stream.read().decode().strip().split(":", 2)
    return cfbu.Plan(id="plan-good", name=name)


@cfbu.hookimpl
def cfbu_exporters() -> Iterable[cfbu.ExporterSpec]:
    return [
        cfbu.ExporterSpec(
            name="good",
            suffixes=(".good",),
            media_type=MEDIA_TYPE,
            kinds={"plan", "mapping"},
            export=export_good,
        )
    ]


@cfbu.hookimpl
def cfbu_importers() -> Iterable[cfbu.ImporterSpec]:
    return [
        cfbu.ImporterSpec(
            name="good",
            suffixes=(".good",),
            media_type=MEDIA_TYPE,
            kinds={"plan"},
            load=load_good,
        )
    ]
