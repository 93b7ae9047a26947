r"""Markdown documents people print and bring to a meeting, as an exporter plugin.

Danish by default, English with ``lang="en"``. Every kind can be exported: an agreement
comes out ready to sign, a dialogue session with its questions grouped by theme, a mapping
with its table, counts and a Mermaid ``quadrantChart``, a value game with its matrix, and a
whole plan as one document with a table of contents linking all of them.

A part exported on its own shows names behind ids when the caller passes ``plan=`` (it
reaches the exporter as :attr:`ExportContext.plan`); otherwise the ids themselves.

User text is escaped so it can never change the document's structure (see
:mod:`cfbu_toolkit.formats.markdown.escape`); the output is UTF-8 with ``\n`` line ends
and the same input always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from ...io.kinds import KINDS, Exportable
from ...locale import N_
from ...plugins.hookspecs import hookimpl
from ...plugins.types import ExportContext, ExporterSpec

__all__ = ["MEDIA_TYPE", "export_markdown", "render"]

MEDIA_TYPE = "text/markdown; charset=utf-8"


def render(obj: Exportable, context: ExportContext | None = None) -> bytes:
    """The Markdown document of ``obj`` as UTF-8 bytes."""
    # Imported on use: finding the installed formats should not load every renderer.
    from .document import render as render_document

    return render_document(obj, context)


def export_markdown(obj: Exportable, stream: IO[bytes], context: ExportContext) -> None:
    """Write ``obj`` as a Markdown document to ``stream``."""
    stream.write(render(obj, context))


@hookimpl
def cfbu_exporters() -> Iterable[ExporterSpec]:
    return [
        ExporterSpec(
            name="markdown",
            suffixes=(".md",),
            media_type=MEDIA_TYPE,
            kinds=KINDS,
            export=export_markdown,
            options=frozenset(),  # takes no options
            description=N_(
                "Markdown documents to print and bring to a meeting (Danish or English)"
            ),
        )
    ]
