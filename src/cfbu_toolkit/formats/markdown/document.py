"""Which renderer writes which kind, and the whole-document entry point."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...io.kinds import Exportable
from ...locale import use_lang
from ...model import (
    ActivityAgreement,
    CollaborationAgreement,
    DialogueSession,
    Mapping,
    Plan,
    ValueGame,
)
from ...plugins.types import ExportContext
from .agreements import activity_agreement, collaboration_agreement
from .context import Ctx, Names, Progress
from .dialogue import dialogue_session
from .mapping import mapping
from .plan import plan
from .values import value_game
from .writer import Doc

__all__ = ["render"]

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
    # The one place the language is chosen: every renderer below calls ``_()`` and the
    # locale's formatting, which follow it.
    with use_lang(context.lang):
        renderer(doc, obj, ctx)
    progress.finish()
    return doc.render()
