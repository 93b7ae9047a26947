"""Enumerations of the domain.

Each member's value is a stable English identifier (it goes into JSON); its Danish and
English labels (for Excel and Markdown) live in :mod:`cfbu_toolkit.i18n` and are reached
through :meth:`LabelledEnum.label`.
"""

from __future__ import annotations

import enum

from ._base import Lang

__all__ = [
    "ActorSector",
    "ActorType",
    "AgendaTool",
    "AgreementStatus",
    "CollaborationDegree",
    "CollaborationStatus",
    "DialogueTheme",
    "DialogueToolKind",
    "FocusArea",
    "FundingPeriod",
    "GroupKind",
    "LabelledEnum",
    "LawfulBasis",
    "Level",
    "MappingMethod",
    "MemberRole",
    "ResourceKind",
    "ValueCategory",
    "WorkshopKind",
]


class LabelledEnum(enum.StrEnum):
    """An enumeration whose members carry a Danish and an English label."""

    def label(self, lang: Lang = "da") -> str:
        """The member's label in ``lang`` (Danish by default)."""
        from ..i18n import enum_label

        return enum_label(self, lang)

    @classmethod
    def from_label(cls, text: str) -> LabelledEnum:
        """The member whose value or label (either language) is ``text``, ignoring case."""
        from ..i18n import enum_from_label

        return enum_from_label(cls, text)


class FundingPeriod(LabelledEnum):
    """Landsbyggefonden's funding periods, or none."""

    LBF_2006_10 = "lbf_2006_10"
    LBF_2011_14 = "lbf_2011_14"
    LBF_2015_18 = "lbf_2015_18"
    LBF_2019_26 = "lbf_2019_26"
    NON_LBF = "non_lbf"


class FocusArea(LabelledEnum):
    """Landsbyggefonden's focus areas (indsatsområder) for the 2015-18 and 2019-26 funds.

    Plans from other periods, or without LBF funds, add their own with
    :class:`~cfbu_toolkit.model.plan.CustomFocusArea`.
    """

    # 2019-26
    EDUCATION_LIFE_CHANCES = "education_life_chances"
    EMPLOYMENT = "employment"
    CRIME_PREVENTION = "crime_prevention"
    COHESION_CITIZENSHIP = "cohesion_citizenship"
    # 2015-18
    SAFETY_WELLBEING = "safety_wellbeing"
    CRIME_PREVENTIVE = "crime_preventive"
    EDUCATION_EMPLOYMENT = "education_employment"
    PREVENTION_PARENTAL_RESPONSIBILITY = "prevention_parental_responsibility"

    @property
    def funding_period(self) -> FundingPeriod:
        """The funding period the focus area belongs to."""
        if self in _FOCUS_2019_26:
            return FundingPeriod.LBF_2019_26
        return FundingPeriod.LBF_2015_18

    @classmethod
    def of_period(cls, period: FundingPeriod) -> tuple[FocusArea, ...]:
        """The focus areas Landsbyggefonden set for ``period`` (none for other periods)."""
        return tuple(area for area in cls if area.funding_period is period)


_FOCUS_2019_26 = frozenset(
    {
        FocusArea.EDUCATION_LIFE_CHANCES,
        FocusArea.EMPLOYMENT,
        FocusArea.CRIME_PREVENTION,
        FocusArea.COHESION_CITIZENSHIP,
    }
)


class ActorSector(LabelledEnum):
    """Which part of society an organisation belongs to."""

    MUNICIPALITY = "municipality"
    HOUSING_ORG = "housing_org"
    RESIDENT_DEMOCRACY = "resident_democracy"
    POLICE = "police"
    REGION = "region"
    STATE = "state"
    CIVIL_SOCIETY = "civil_society"
    BUSINESS = "business"
    EDUCATION_INST = "education_inst"
    FOUNDATION = "foundation"
    RESIDENT = "resident"
    OTHER = "other"


class ActorType(LabelledEnum):
    """The kind of actor, finer than the sector; each has a usual sector."""

    JOBCENTER = "jobcenter"
    SCHOOL = "school"
    SSP = "ssp"
    HEALTH_VISITOR = "health_visitor"
    DAYCARE = "daycare"
    YOUTH_CLUB = "youth_club"
    YOUTH_GUIDANCE = "youth_guidance"
    SOCIAL_SERVICES = "social_services"
    LIBRARY_CULTURE = "library_culture"
    HEALTH_CENTER = "health_center"
    POLICE = "police"
    HOUSING_ADMIN = "housing_admin"
    ESTATE_STAFF = "estate_staff"
    DEPARTMENT_BOARD = "department_board"
    ORGANISATION_BOARD = "organisation_board"
    SPORTS_CLUB = "sports_club"
    VOLUNTARY_ASSOCIATION = "voluntary_association"
    NGO = "ngo"
    FAITH_COMMUNITY = "faith_community"
    RESIDENT_GROUP = "resident_group"
    INDIVIDUAL_VOLUNTEER = "individual_volunteer"
    LOCAL_BUSINESS = "local_business"
    EDUCATION_INSTITUTION = "education_institution"
    FOUNDATION = "foundation"
    KRIMINALFORSORGEN = "kriminalforsorgen"
    OTHER = "other"

    @property
    def default_sector(self) -> ActorSector:
        """The sector an actor of this type usually belongs to."""
        return _DEFAULT_SECTOR.get(self, ActorSector.OTHER)


_DEFAULT_SECTOR: dict[ActorType, ActorSector] = {
    **dict.fromkeys(
        (
            ActorType.JOBCENTER,
            ActorType.SCHOOL,
            ActorType.SSP,
            ActorType.HEALTH_VISITOR,
            ActorType.DAYCARE,
            ActorType.YOUTH_CLUB,
            ActorType.YOUTH_GUIDANCE,
            ActorType.SOCIAL_SERVICES,
            ActorType.LIBRARY_CULTURE,
            ActorType.HEALTH_CENTER,
        ),
        ActorSector.MUNICIPALITY,
    ),
    ActorType.POLICE: ActorSector.POLICE,
    ActorType.HOUSING_ADMIN: ActorSector.HOUSING_ORG,
    ActorType.ESTATE_STAFF: ActorSector.HOUSING_ORG,
    ActorType.DEPARTMENT_BOARD: ActorSector.RESIDENT_DEMOCRACY,
    ActorType.ORGANISATION_BOARD: ActorSector.RESIDENT_DEMOCRACY,
    **dict.fromkeys(
        (
            ActorType.SPORTS_CLUB,
            ActorType.VOLUNTARY_ASSOCIATION,
            ActorType.NGO,
            ActorType.FAITH_COMMUNITY,
        ),
        ActorSector.CIVIL_SOCIETY,
    ),
    ActorType.RESIDENT_GROUP: ActorSector.RESIDENT,
    ActorType.INDIVIDUAL_VOLUNTEER: ActorSector.RESIDENT,
    ActorType.LOCAL_BUSINESS: ActorSector.BUSINESS,
    ActorType.EDUCATION_INSTITUTION: ActorSector.EDUCATION_INST,
    ActorType.FOUNDATION: ActorSector.FOUNDATION,
    ActorType.KRIMINALFORSORGEN: ActorSector.STATE,
}


class ResourceKind(LabelledEnum):
    """CFBU's split of the resources around an effort."""

    PROFESSIONAL = "professional"
    VOLUNTEER = "volunteer"


class Level(LabelledEnum):
    """Low, medium or high: relevance, interest, influence."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        """1, 2 or 3, for sorting and plotting."""
        return _LEVEL_RANK[self]


_LEVEL_RANK = {Level.LOW: 1, Level.MEDIUM: 2, Level.HIGH: 3}


class CollaborationStatus(LabelledEnum):
    """Where the collaboration with a mapped organisation stands."""

    POTENTIAL = "potential"
    CONTACTED = "contacted"
    IN_DIALOGUE = "in_dialogue"
    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"
    DESELECTED = "deselected"


class MappingMethod(LabelledEnum):
    """How a mapping found its organisations."""

    DESK = "desk"
    WALK = "walk"
    DOOR_KNOCK = "door_knock"
    BRAINSTORM = "brainstorm"
    WORKSHOP = "workshop"
    SURVEY = "survey"


class LawfulBasis(LabelledEnum):
    """The GDPR basis on which a contact person's data is held."""

    LEGITIMATE_INTEREST = "legitimate_interest"
    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"


class AgreementStatus(LabelledEnum):
    """The life of an agreement, from draft to its end."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    SIGNED = "signed"
    ACTIVE = "active"
    EXPIRED = "expired"
    TERMINATED = "terminated"


class CollaborationDegree(LabelledEnum):
    """How closely the parties work together (CFSA's three degrees)."""

    SHARED_TASKS = "shared_tasks"
    DIALOGUE = "dialogue"
    KNOWLEDGE_SHARING = "knowledge_sharing"


class GroupKind(LabelledEnum):
    """The plan's governing and working groups."""

    BOARD = "board"
    STEERING = "steering"
    FOLLOW_UP = "follow_up"
    WORKING_GROUP = "working_group"
    NETWORK = "network"


class MemberRole(LabelledEnum):
    """A member's role in a group."""

    CHAIR = "chair"
    SECRETARY = "secretary"
    MEMBER = "member"
    OBSERVER = "observer"


class DialogueToolKind(LabelledEnum):
    """CFBU's two dialogue tools, or a question set of the user's own."""

    HOUSING_SOCIAL_CONTRIBUTION = "housing_social_contribution"
    PARTNER_PERSPECTIVE = "partner_perspective"
    CUSTOM = "custom"


class DialogueTheme(LabelledEnum):
    """The themes dialogue questions are grouped by."""

    IDENTITY = "identity"
    CONTRIBUTION = "contribution"
    GOALS = "goals"
    TASKS = "tasks"
    FRAMEWORK = "framework"
    VALUES = "values"
    METHODS = "methods"
    EXPECTATIONS = "expectations"


class ValueCategory(LabelledEnum):
    """Kinds of value a collaboration creates (seeded from KORA 2016)."""

    SOCIAL = "social"
    DEMOCRATIC = "democratic"
    ECONOMIC = "economic"
    INNOVATION = "innovation"
    QUALITY = "quality"
    EFFECT = "effect"
    KNOWLEDGE = "knowledge"
    REPUTATION = "reputation"
    ACCESS = "access"
    WORK_JOY = "work_joy"


class WorkshopKind(LabelledEnum):
    """A workshop for the plan's own staff, or one with invited partners."""

    INTERNAL = "internal"
    WITH_PARTNERS = "with_partners"


class AgendaTool(LabelledEnum):
    """The CFBU tool an agenda block works with."""

    MAPPING = "mapping"
    HOUSING_SOCIAL_CONTRIBUTION = "housing_social_contribution"
    PARTNER_PERSPECTIVE = "partner_perspective"
    COLLABORATION_AGREEMENT = "collaboration_agreement"
    ACTIVITY_AGREEMENT = "activity_agreement"
    VALUE_GAME = "value_game"
