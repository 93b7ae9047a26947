"""The errors the workflows raise: each says what cannot be done, why, and what to do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import CfbuError
from ..model import AgreementStatus

if TYPE_CHECKING:
    from .agreements import Readiness

__all__ = [
    "AmbiguousNameError",
    "NameNotFoundError",
    "NotReadyError",
    "TransitionError",
    "WorkflowError",
]


class WorkflowError(CfbuError, ValueError):
    """A step of a workflow cannot be taken with what it was given."""


class NameNotFoundError(WorkflowError, LookupError):
    """No organisation, person, piece, group, ... has the name (or id) given.

    ``candidates`` are the names that could have been meant (all of them, when few).
    """

    def __init__(self, message: str, /, *, candidates: Sequence[str] = (), **params: Any) -> None:
        self.candidates = tuple(candidates)
        super().__init__(message, **params)


class AmbiguousNameError(WorkflowError, LookupError):
    """A name matches more than one thing; ``candidates`` are the names it matches."""

    def __init__(self, message: str, /, *, candidates: Sequence[str] = (), **params: Any) -> None:
        self.candidates = tuple(candidates)
        super().__init__(message, **params)


class TransitionError(WorkflowError):
    """An agreement cannot move from its status to the one asked for."""

    def __init__(
        self,
        message: str,
        /,
        *,
        current: AgreementStatus,
        wanted: AgreementStatus,
        **params: Any,
    ) -> None:
        self.current = current
        self.wanted = wanted
        super().__init__(message, **params)


class NotReadyError(TransitionError):
    """An agreement cannot be signed: ``readiness`` lists what stands in the way."""

    def __init__(self, message: str, /, *, readiness: Readiness, **params: Any) -> None:
        self.readiness = readiness
        super().__init__(
            message, current=AgreementStatus.IN_REVIEW, wanted=AgreementStatus.SIGNED, **params
        )
