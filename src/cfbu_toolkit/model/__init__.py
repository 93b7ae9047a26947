"""The domain model: attrs classes and enumerations, with no I/O.

Every class is frozen and keyword-only. Construction checks what can be checked locally;
:func:`cfbu_toolkit.validate` checks a whole plan.
"""

from __future__ import annotations

from ._base import Lang, Period, new_id
from .actors import ContactPerson, Organisation
from .agreements import (
    ActivityAgreement,
    AgreementParty,
    AgreementSection,
    ChildCertificate,
    CollaborationAgreement,
)
from .dialogue import DialogueAnswer, DialogueQuestion, DialogueSession, DialogueTool
from .enums import (
    ActorSector,
    ActorType,
    AgendaTool,
    AgreementStatus,
    CollaborationDegree,
    CollaborationStatus,
    DialogueTheme,
    DialogueToolKind,
    FocusArea,
    FundingPeriod,
    GroupKind,
    LabelledEnum,
    LawfulBasis,
    Level,
    MappingMethod,
    MemberRole,
    ResourceKind,
    ValueCategory,
    WorkshopKind,
)
from .mapping import Assessment, Mapping, MappingEntry
from .plan import (
    CoFinancing,
    CustomFocusArea,
    FollowUp,
    Goal,
    Group,
    Indsats,
    Meeting,
    Membership,
    Plan,
)
from .values import Placement, ValueGame, ValuePiece
from .workshop import AgendaItem, Workshop

__all__ = [
    "ActivityAgreement",
    "ActorSector",
    "ActorType",
    "AgendaItem",
    "AgendaTool",
    "AgreementParty",
    "AgreementSection",
    "AgreementStatus",
    "Assessment",
    "ChildCertificate",
    "CoFinancing",
    "CollaborationAgreement",
    "CollaborationDegree",
    "CollaborationStatus",
    "ContactPerson",
    "CustomFocusArea",
    "DialogueAnswer",
    "DialogueQuestion",
    "DialogueSession",
    "DialogueTheme",
    "DialogueTool",
    "DialogueToolKind",
    "FocusArea",
    "FollowUp",
    "FundingPeriod",
    "Goal",
    "Group",
    "GroupKind",
    "Indsats",
    "LabelledEnum",
    "Lang",
    "LawfulBasis",
    "Level",
    "Mapping",
    "MappingEntry",
    "MappingMethod",
    "Meeting",
    "MemberRole",
    "Membership",
    "Organisation",
    "Period",
    "Placement",
    "Plan",
    "ResourceKind",
    "ValueCategory",
    "ValueGame",
    "ValuePiece",
    "Workshop",
    "WorkshopKind",
    "new_id",
]
