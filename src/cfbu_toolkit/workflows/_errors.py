"""The errors the workflows raise: each says what cannot be done, why, and what to do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import CfbuError
from ..model import AgreementStatus

if TYPE_CHECKING:
    from .agreements import Readiness

__all__ = ["NotReadyError", "TransitionError", "WorkflowError"]


class WorkflowError(CfbuError, ValueError):
    """A step of a workflow cannot be taken with what it was given."""


class TransitionError(WorkflowError):
    """An agreement cannot move from its status to the one asked for."""

    def __init__(self, message: str, *, current: AgreementStatus, wanted: AgreementStatus) -> None:
        self.current = current
        self.wanted = wanted
        super().__init__(message)


class NotReadyError(TransitionError):
    """An agreement cannot be signed: ``readiness`` lists what stands in the way."""

    def __init__(self, message: str, *, readiness: Readiness) -> None:
        self.readiness = readiness
        super().__init__(message, current=AgreementStatus.IN_REVIEW, wanted=AgreementStatus.SIGNED)
