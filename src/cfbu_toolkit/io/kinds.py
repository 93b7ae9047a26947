"""The kinds of object a document can hold, by their stable names."""

from __future__ import annotations

from typing import Any

from ..errors import FormatError
from ..locale import N_
from ..model import (
    ActivityAgreement,
    CollaborationAgreement,
    DialogueSession,
    Mapping,
    Plan,
    ValueGame,
)

__all__ = ["KINDS", "Exportable", "kind_of", "kind_of_class"]

Exportable = (
    Plan | Mapping | CollaborationAgreement | ActivityAgreement | DialogueSession | ValueGame
)
"""The objects ``export`` and ``load`` handle: a whole plan, or one of its parts."""

KINDS: dict[str, type[Any]] = {
    "plan": Plan,
    "mapping": Mapping,
    "collaboration_agreement": CollaborationAgreement,
    "activity_agreement": ActivityAgreement,
    "dialogue_session": DialogueSession,
    "value_game": ValueGame,
}

_NAMES = {cls: name for name, cls in KINDS.items()}


def kind_of(obj: object) -> str:
    """The kind name of ``obj`` (``"plan"``, ``"mapping"``, ...)."""
    try:
        return _NAMES[type(obj)]
    except KeyError:
        allowed = ", ".join(cls.__name__ for cls in KINDS.values())
        raise FormatError(
            N_("cannot export a {kind}; expected one of {allowed}"),
            kind=type(obj).__name__,
            allowed=allowed,
        ) from None


def kind_of_class(cls: type[Any]) -> str:
    """The kind name of the class ``cls`` (``Plan`` → ``"plan"``)."""
    try:
        return _NAMES[cls]
    except KeyError:
        raise FormatError(N_("{kind} is not a kind of document"), kind=cls.__name__) from None
