"""Labels in Danish and English.

Enumeration values are English identifiers; what a person reads is looked up here. Danish is
the default everywhere. ``LABELS`` holds one ``(Danish, English)`` pair per enumeration
member; a test checks that none is missing.
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

from .errors import ModelError
from .model._base import Lang
from .model.enums import (
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
    LawfulBasis,
    Level,
    MappingMethod,
    MemberRole,
    ResourceKind,
    ValueCategory,
    WorkshopKind,
)

__all__ = ["LABELS", "LANGUAGES", "enum_from_label", "enum_label", "label_pair"]

LANGUAGES: tuple[Lang, ...] = ("da", "en")

E = TypeVar("E", bound=Enum)

LABELS: dict[Enum, tuple[str, str]] = {
    FundingPeriod.LBF_2006_10: ("LBF 2006-10-midlerne", "LBF 2006-10 funds"),
    FundingPeriod.LBF_2011_14: ("LBF 2011-14-midlerne", "LBF 2011-14 funds"),
    FundingPeriod.LBF_2015_18: ("LBF 2015-18-midlerne", "LBF 2015-18 funds"),
    FundingPeriod.LBF_2019_26: ("LBF 2019-26-midlerne", "LBF 2019-26 funds"),
    FundingPeriod.NON_LBF: ("Uden LBF-midler", "Without LBF funds"),
    FocusArea.EDUCATION_LIFE_CHANCES: ("Uddannelse og livschancer", "Education and life chances"),
    FocusArea.EMPLOYMENT: ("Beskæftigelse", "Employment"),
    FocusArea.CRIME_PREVENTION: ("Kriminalitetsforebyggelse", "Crime prevention"),
    FocusArea.COHESION_CITIZENSHIP: (
        "Sammenhængskraft og medborgerskab",
        "Cohesion and citizenship",
    ),
    FocusArea.SAFETY_WELLBEING: ("Tryghed og trivsel", "Safety and well-being"),
    FocusArea.CRIME_PREVENTIVE: ("Kriminalpræventiv indsats", "Crime-preventive effort"),
    FocusArea.EDUCATION_EMPLOYMENT: ("Uddannelse og beskæftigelse", "Education and employment"),
    FocusArea.PREVENTION_PARENTAL_RESPONSIBILITY: (
        "Forebyggelse og forældreansvar",
        "Prevention and parental responsibility",
    ),
    ActorSector.MUNICIPALITY: ("Kommune", "Municipality"),
    ActorSector.HOUSING_ORG: ("Boligorganisation", "Housing organisation"),
    ActorSector.RESIDENT_DEMOCRACY: ("Beboerdemokrati", "Resident democracy"),
    ActorSector.POLICE: ("Politi", "Police"),
    ActorSector.REGION: ("Region", "Region"),
    ActorSector.STATE: ("Stat", "State"),
    ActorSector.CIVIL_SOCIETY: ("Civilsamfund/forening", "Civil society/association"),
    ActorSector.BUSINESS: ("Erhvervsliv", "Business"),
    ActorSector.EDUCATION_INST: ("Uddannelsesinstitution", "Educational institution"),
    ActorSector.FOUNDATION: ("Fond", "Foundation"),
    ActorSector.RESIDENT: ("Beboer/ildsjæl", "Resident/local champion"),
    ActorSector.OTHER: ("Andet", "Other"),
    ActorType.JOBCENTER: ("Jobcenter", "Job centre"),
    ActorType.SCHOOL: ("Skole", "School"),
    ActorType.SSP: ("SSP", "SSP (school, social services, police)"),
    ActorType.HEALTH_VISITOR: ("Sundhedspleje", "Health visitors"),
    ActorType.DAYCARE: ("Dagtilbud", "Daycare"),
    ActorType.YOUTH_CLUB: ("Fritids-/ungdomsklub", "Youth club"),
    ActorType.YOUTH_GUIDANCE: ("Ungeindsats (UU/KUI)", "Youth guidance (UU/KUI)"),
    ActorType.SOCIAL_SERVICES: ("Socialforvaltning/familieafdeling", "Social services"),
    ActorType.LIBRARY_CULTURE: (
        "Bibliotek/kulturhus/medborgercenter",
        "Library/culture house/community centre",
    ),
    ActorType.HEALTH_CENTER: ("Sundhedscenter", "Health centre"),
    ActorType.POLICE: ("Politi", "Police"),
    ActorType.HOUSING_ADMIN: ("Boligorganisation, administration", "Housing administration"),
    ActorType.ESTATE_STAFF: ("Ejendomsfunktionærer/drift", "Estate staff"),
    ActorType.DEPARTMENT_BOARD: ("Afdelingsbestyrelse", "Estate residents' board"),
    ActorType.ORGANISATION_BOARD: ("Organisationsbestyrelse", "Housing association board"),
    ActorType.SPORTS_CLUB: ("Idrætsforening", "Sports club"),
    ActorType.VOLUNTARY_ASSOCIATION: ("Frivillig forening", "Voluntary association"),
    ActorType.NGO: ("NGO", "NGO"),
    ActorType.FAITH_COMMUNITY: ("Trossamfund", "Faith community"),
    ActorType.RESIDENT_GROUP: ("Beboergruppe", "Residents' group"),
    ActorType.INDIVIDUAL_VOLUNTEER: ("Enkeltfrivillig", "Individual volunteer"),
    ActorType.LOCAL_BUSINESS: ("Virksomhed/butik", "Business/shop"),
    ActorType.EDUCATION_INSTITUTION: ("Uddannelsessted", "Place of education"),
    ActorType.FOUNDATION: ("Fond", "Foundation"),
    ActorType.KRIMINALFORSORGEN: ("Kriminalforsorgen", "Prison and Probation Service"),
    ActorType.OTHER: ("Andet", "Other"),
    ResourceKind.PROFESSIONAL: ("Professionel", "Professional"),
    ResourceKind.VOLUNTEER: ("Frivillig", "Volunteer"),
    Level.LOW: ("Lav", "Low"),
    Level.MEDIUM: ("Middel", "Medium"),
    Level.HIGH: ("Høj", "High"),
    CollaborationStatus.POTENTIAL: ("Potentiel", "Potential"),
    CollaborationStatus.CONTACTED: ("Kontaktet", "Contacted"),
    CollaborationStatus.IN_DIALOGUE: ("I dialog", "In dialogue"),
    CollaborationStatus.ACTIVE: ("Aktiv samarbejdspart", "Active partner"),
    CollaborationStatus.PAUSED: ("Pauseret", "Paused"),
    CollaborationStatus.ENDED: ("Afsluttet", "Ended"),
    CollaborationStatus.DESELECTED: ("Fravalgt", "Deselected"),
    MappingMethod.DESK: ("Skrivebordsundersøgelse", "Desk research"),
    MappingMethod.WALK: ("Gåtur i området", "Walk through the area"),
    MappingMethod.DOOR_KNOCK: ("Dør-til-dør", "Door-knocking"),
    MappingMethod.BRAINSTORM: ("Brainstorm", "Brainstorm"),
    MappingMethod.WORKSHOP: ("Workshop", "Workshop"),
    MappingMethod.SURVEY: ("Spørgeskema", "Survey"),
    LawfulBasis.LEGITIMATE_INTEREST: ("Legitim interesse", "Legitimate interest"),
    LawfulBasis.CONSENT: ("Samtykke", "Consent"),
    LawfulBasis.CONTRACT: ("Aftale", "Contract"),
    LawfulBasis.LEGAL_OBLIGATION: ("Retlig forpligtelse", "Legal obligation"),
    AgreementStatus.DRAFT: ("Udkast", "Draft"),
    AgreementStatus.IN_REVIEW: ("Til godkendelse", "In review"),
    AgreementStatus.SIGNED: ("Underskrevet", "Signed"),
    AgreementStatus.ACTIVE: ("Aktiv", "Active"),
    AgreementStatus.EXPIRED: ("Udløbet", "Expired"),
    AgreementStatus.TERMINATED: ("Opsagt", "Terminated"),
    CollaborationDegree.SHARED_TASKS: ("Fælles opgaver/drift", "Shared tasks/operation"),
    CollaborationDegree.DIALOGUE: ("Dialog", "Dialogue"),
    CollaborationDegree.KNOWLEDGE_SHARING: ("Videndeling", "Knowledge sharing"),
    GroupKind.BOARD: ("Bestyrelse", "Board"),
    GroupKind.STEERING: ("Styregruppe", "Steering group"),
    GroupKind.FOLLOW_UP: ("Følgegruppe", "Follow-up group"),
    GroupKind.WORKING_GROUP: ("Arbejdsgruppe", "Working group"),
    GroupKind.NETWORK: ("Netværk", "Network"),
    MemberRole.CHAIR: ("Formand", "Chair"),
    MemberRole.SECRETARY: ("Sekretær", "Secretary"),
    MemberRole.MEMBER: ("Medlem", "Member"),
    MemberRole.OBSERVER: ("Observatør", "Observer"),
    DialogueToolKind.HOUSING_SOCIAL_CONTRIBUTION: (
        "Dialogredskabet: Det boligsociale bidrag",
        "Dialogue tool: The housing-social contribution",
    ),
    DialogueToolKind.PARTNER_PERSPECTIVE: (
        "Dialogredskabet: Samarbejdspartens perspektiv",
        "Dialogue tool: The partner's perspective",
    ),
    DialogueToolKind.CUSTOM: ("Eget spørgesæt", "Own question set"),
    DialogueTheme.IDENTITY: ("Hvem vi er og står for", "Who we are and stand for"),
    DialogueTheme.CONTRIBUTION: ("Bidrag", "Contribution"),
    DialogueTheme.GOALS: ("Formål og målsætninger", "Purpose and goals"),
    DialogueTheme.TASKS: ("Opgaver", "Tasks"),
    DialogueTheme.FRAMEWORK: ("Rammer", "Framework"),
    DialogueTheme.VALUES: ("Værdier", "Values"),
    DialogueTheme.METHODS: ("Metoder", "Methods"),
    DialogueTheme.EXPECTATIONS: ("Forventninger", "Expectations"),
    ValueCategory.SOCIAL: ("Social værdi", "Social value"),
    ValueCategory.DEMOCRATIC: ("Demokratisk værdi", "Democratic value"),
    ValueCategory.ECONOMIC: ("Økonomisk værdi", "Economic value"),
    ValueCategory.INNOVATION: ("Innovation", "Innovation"),
    ValueCategory.QUALITY: ("Kvalitet", "Quality"),
    ValueCategory.EFFECT: ("Effekt", "Effect"),
    ValueCategory.KNOWLEDGE: ("Viden og læring", "Knowledge and learning"),
    ValueCategory.REPUTATION: ("Omdømme", "Reputation"),
    ValueCategory.ACCESS: ("Adgang til målgruppen", "Access to the target group"),
    ValueCategory.WORK_JOY: ("Arbejdsglæde", "Joy at work"),
    WorkshopKind.INTERNAL: ("Intern workshop", "Internal workshop"),
    WorkshopKind.WITH_PARTNERS: ("Workshop med samarbejdsparter", "Workshop with partners"),
    AgendaTool.MAPPING: ("Kortlægning", "Mapping"),
    AgendaTool.HOUSING_SOCIAL_CONTRIBUTION: (
        "Dialogredskab: Det boligsociale bidrag",
        "Dialogue tool: The housing-social contribution",
    ),
    AgendaTool.PARTNER_PERSPECTIVE: (
        "Dialogredskab: Samarbejdspartens perspektiv",
        "Dialogue tool: The partner's perspective",
    ),
    AgendaTool.COLLABORATION_AGREEMENT: ("Samarbejdsaftale", "Collaboration agreement"),
    AgendaTool.ACTIVITY_AGREEMENT: ("Aktivitetsaftale", "Activity agreement"),
    AgendaTool.VALUE_GAME: ("Værdispil", "Value game"),
}

_INDEX = {"da": 0, "en": 1}


def _lang_index(lang: str) -> int:
    try:
        return _INDEX[lang]
    except KeyError:
        raise ModelError(f"unknown language {lang!r}; expected 'da' or 'en'") from None


def enum_label(member: Enum, lang: Lang = "da") -> str:
    """The label of an enumeration member in ``lang``."""
    return LABELS[member][_lang_index(lang)]


def label_pair(member: Enum) -> tuple[str, str]:
    """The member's ``(Danish, English)`` labels."""
    return LABELS[member]


_LOOKUP: dict[type[Enum], dict[str, Enum]] = {}


def enum_from_label(cls: type[E], text: str) -> E:
    """The member of ``cls`` whose value or label in either language is ``text``.

    Case and surrounding spaces are ignored, so what a person types in a workbook matches.
    """
    table = _LOOKUP.get(cls)
    if table is None:
        table = {}
        for member in cls:
            for key in (str(member.value), *LABELS[member]):
                table.setdefault(key.strip().casefold(), member)
        _LOOKUP[cls] = table
    try:
        return table[text.strip().casefold()]  # type: ignore[return-value]
    except KeyError:
        allowed = ", ".join(LABELS[m][0] for m in cls)
        raise ModelError(f"{text!r} is not one of {allowed}") from None
