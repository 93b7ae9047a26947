"""The kinds of object a document can hold, by their stable names."""

from __future__ import annotations

from typing import Any

from ..errors import FormatError
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
            f"cannot export a {type(obj).__name__}; expected one of {allowed}"
        ) from None


def kind_of_class(cls: type[Any]) -> str:
    """The kind name of the class ``cls`` (``Plan`` → ``"plan"``)."""
    try:
        return _NAMES[cls]
    except KeyError:
        raise FormatError(f"{cls.__name__} is not a kind of document") from None
