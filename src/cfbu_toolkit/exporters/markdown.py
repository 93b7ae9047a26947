"""Markdown documents people print and bring to a meeting, as an exporter plugin.

Danish by default, English with ``lang="en"``. Every kind can be exported: an agreement
comes out ready to sign, a dialogue session with its questions grouped by theme, a mapping
with its table, counts and a Mermaid ``quadrantChart``, a value game with its matrix, and a
whole plan as one document with a table of contents linking all of them.

A part exported on its own shows names behind ids when the caller passes ``plan=`` (it
reaches the exporter as :attr:`ExportContext.plan`); otherwise the ids themselves.

User text is escaped so it can never change the document's structure (see
:mod:`cfbu_toolkit.exporters._markdown.escape`); the output is UTF-8 with ``\\n`` line ends
and the same input always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import IO, Any

from ..io.kinds import KINDS, Exportable
from ..model import (
    ActivityAgreement,
    CollaborationAgreement,
    DialogueSession,
    Mapping,
    Plan,
    ValueGame,
)
from ..plugins.hookspecs import hookimpl
from ..plugins.types import ExportContext, ExporterSpec
from ._markdown.agreements import activity_agreement, collaboration_agreement
from ._markdown.context import Ctx, Names, Progress
from ._markdown.dialogue import dialogue_session
from ._markdown.doc import Doc
from ._markdown.mapping import mapping
from ._markdown.plan import plan
from ._markdown.values import value_game

__all__ = ["MEDIA_TYPE", "export_markdown", "render"]

MEDIA_TYPE = "text/markdown; charset=utf-8"

_RENDERERS: dict[type[Any], Callable[[Doc, Any, Ctx], None]] = {
    Plan: plan,
    Mapping: mapping,
    CollaborationAgreement: collaboration_agreement,
    ActivityAgreement: activity_agreement,
    DialogueSession: dialogue_session,
    ValueGame: value_game,
}


def _units(obj: Exportable) -> int:
    """How many units of progress the export has: mapping entries, and one per part."""
    if isinstance(obj, Plan):
        return (
            1
            + sum(len(m.entries) + 1 for m in obj.mappings)
            + len(obj.dialogue_sessions)
            + len(obj.collaboration_agreements)
            + len(obj.activity_agreements)
            + len(obj.value_games)
            + len(obj.workshops)
        )
    if isinstance(obj, Mapping):
        return len(obj.entries) + 1
    return 1


def render(obj: Exportable, context: ExportContext | None = None) -> bytes:
    """The Markdown document of ``obj`` as UTF-8 bytes."""
    context = context or ExportContext()
    renderer = _RENDERERS.get(type(obj))
    if renderer is None:
        allowed = ", ".join(cls.__name__ for cls in _RENDERERS)
        raise TypeError(f"cannot write a {type(obj).__name__} as Markdown; expected {allowed}")
    known = obj if isinstance(obj, Plan) else context.plan
    progress = Progress(context, _units(obj))
    ctx = Ctx(lang=context.lang, names=Names(known), progress=progress)
    doc = Doc()
    renderer(doc, obj, ctx)
    progress.finish()
    return doc.render()


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
            description="Markdown documents to print and bring to a meeting (Danish or English)",
        )
    ]
