"""The work people do with CFBU's tools, step by step, on frozen model objects.

Every step returns a new object and leaves the one it was given untouched:

- :mod:`.dialogue`: start a session with a dialogue tool, record answers, see what is
  unanswered, compare the housing-social side's view of itself with its view of a partner;
- :mod:`.agreements`: draft a samarbejdsaftale or aktivitetsaftale from the catalogue,
  check what stands between the draft and a signature, move it through its statuses, find
  agreements that run out soon;
- :mod:`.valuegame`: place value pieces, find organisations that placed few, compare a
  later round with an earlier one;
- :mod:`.workshops`: a workshop programme from the chosen tools, a group's members and
  meetings with decisions;
- :mod:`.groups`: a group's members, roles, ambitions and meetings (agenda, attendance,
  decisions, follow-ups), and every open follow-up of a plan;
- :mod:`.names`: organisations, people, groups, games and values chosen by name;
- :mod:`.parsing`: dates and times as people type them.

How the results look is the formats' business (the Markdown views are in
:mod:`cfbu_toolkit.formats.markdown.workflow_views`).

:func:`put` puts a session, tool, agreement, game, workshop or group into a plan.
"""

from __future__ import annotations

from typing import Any

import attrs

from ..locale import N_
from ..model import (
    ActivityAgreement,
    CollaborationAgreement,
    DialogueSession,
    DialogueTool,
    Group,
    Mapping,
    Plan,
    ValueGame,
    Workshop,
)
from ._errors import (
    AmbiguousNameError,
    NameNotFoundError,
    NotReadyError,
    TransitionError,
    WorkflowError,
)

__all__ = [
    "AmbiguousNameError",
    "NameNotFoundError",
    "NotReadyError",
    "TransitionError",
    "WorkflowError",
    "put",
]

Part = (
    DialogueSession
    | DialogueTool
    | CollaborationAgreement
    | ActivityAgreement
    | ValueGame
    | Workshop
    | Group
    | Mapping
)

_FIELDS: dict[type[Any], str] = {
    DialogueSession: "dialogue_sessions",
    DialogueTool: "dialogue_tools",
    CollaborationAgreement: "collaboration_agreements",
    ActivityAgreement: "activity_agreements",
    ValueGame: "value_games",
    Workshop: "workshops",
    Group: "groups",
    Mapping: "mappings",
}


def put(plan: Plan, *parts: Part) -> Plan:
    """A copy of ``plan`` holding ``parts``: each replaces the plan's object with the same id
    (in place) or is added at the end.

    A dialogue session brings its question set along: when the plan does not hold the tool
    the session was answered with and it is one of the catalogue's, the tool is added too,
    so the plan stays valid.
    """
    for part in parts:
        name = _FIELDS.get(type(part))
        if name is None:
            allowed = ", ".join(cls.__name__ for cls in _FIELDS)
            raise WorkflowError(
                N_("cannot put a {type} into a plan; expected {allowed}"),
                type=type(part).__name__,
                allowed=allowed,
            )
        if isinstance(part, DialogueSession) and all(
            t.id != part.tool_id for t in plan.dialogue_tools
        ):
            from ..catalog import dialogue_tools

            builtin = [t for t in dialogue_tools() if t.id == part.tool_id]
            if builtin:
                plan = put(plan, builtin[0])
        current: tuple[Any, ...] = getattr(plan, name)
        if any(item.id == part.id for item in current):
            updated = tuple(part if item.id == part.id else item for item in current)
        else:
            updated = (*current, part)
        changes: dict[str, Any] = {name: updated}
        plan = attrs.evolve(plan, **changes)
    return plan
