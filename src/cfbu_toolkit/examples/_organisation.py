"""The demo plan's efforts, its governing groups and its workshops."""

from __future__ import annotations

import datetime as dt

from ..model import (
    AgendaItem,
    AgendaTool,
    Goal,
    Group,
    GroupKind,
    Indsats,
    Meeting,
    MemberRole,
    Membership,
    Period,
    Workshop,
    WorkshopKind,
)
from ._mapping import MAPPING_ID
from ._values import GAME_ID

__all__ = ["groups", "indsatser", "workshops"]

_TEAM = "org-boligsocialt-sekretariat"
_PLAN_END = dt.date(2026, 12, 31)


def _goal(text: str, indicator: str, target: str, deadline: dt.date) -> Goal:
    return Goal(text=text, indicator=indicator, target=target, deadline=deadline)


def indsatser() -> tuple[Indsats, ...]:
    """The plan's efforts, one per focus area plus the new *Unge på vej*."""
    end_2025 = dt.date(2025, 12, 31)
    return (
        Indsats(
            id="ind-unge-paa-vej",
            title="Unge på vej",
            focus_area="education_life_chances",
            purpose="Flere unge fra Solbakken skal i fritidsjob og videre i uddannelse.",
            target_group="Unge 13-17 år i Solbakken og deres forældre",
            goals=(
                _goal("Flere unge i fritidsjob", "Antal unge i fritidsjob", "30", end_2025),
                _goal(
                    "Flere unge begynder på en ungdomsuddannelse",
                    "Andel af 9.-klasseelever fra området, der begynder inden for et år",
                    "85 %",
                    _PLAN_END,
                ),
                _goal(
                    "Lektiecaféen bliver brugt",
                    "Gennemsnitligt antal deltagere pr. gang",
                    "15",
                    dt.date(2025, 6, 30),
                ),
            ),
            owner_organisation_id=_TEAM,
            period=Period(start=dt.date(2024, 3, 1), end=_PLAN_END),
        ),
        Indsats(
            id="ind-job-i-solbakken",
            title="Job i Solbakken",
            focus_area="employment",
            purpose="Ledige beboere kommer tættere på arbejdsmarkedet.",
            target_group="Ledige beboere over 25 år",
            goals=(_goal("Flere i job", "Antal beboere i job eller praktik", "40", _PLAN_END),),
            owner_organisation_id="org-jobcenter-egedal",
            period=Period(start=dt.date(2023, 1, 1), end=_PLAN_END),
        ),
        Indsats(
            id="ind-tryg-i-solbakken",
            title="Tryg i Solbakken",
            focus_area="crime_prevention",
            purpose="Beboerne skal føle sig trygge, og færre unge begå kriminalitet.",
            target_group="Unge 12-20 år og alle beboere",
            goals=(
                _goal(
                    "Større tryghed",
                    "Andel, der føler sig trygge i tryghedsmålingen",
                    "80 %",
                    _PLAN_END,
                ),
                _goal("Færre sigtelser", "Antal sigtede unge fra området", "-25 %", _PLAN_END),
            ),
            owner_organisation_id=_TEAM,
            period=Period(start=dt.date(2023, 1, 1), end=_PLAN_END),
        ),
        Indsats(
            id="ind-naboskab",
            title="Naboskab og beboerdemokrati",
            focus_area="cohesion_citizenship",
            purpose="Flere beboere deltager i fællesskaber og beboerdemokratiet.",
            target_group="Alle beboere",
            goals=(_goal("Flere aktive beboere", "Fremmøde på afdelingsmøder", "120", _PLAN_END),),
            owner_organisation_id=_TEAM,
            period=Period(start=dt.date(2023, 1, 1), end=_PLAN_END),
        ),
        Indsats(
            id="ind-sund-hverdag",
            title="Sund hverdag",
            focus_area="health_wellbeing",
            purpose="Familier får bedre vaner omkring mad, bevægelse og søvn.",
            target_group="Børnefamilier",
            goals=(
                _goal("Flere i bevægelse", "Deltagere i gåklub og familieidræt", "60", end_2025),
            ),
            owner_organisation_id=_TEAM,
            period=Period(start=dt.date(2024, 8, 1), end=_PLAN_END),
        ),
    )


def _member(contact: str, organisation: str, role: MemberRole = MemberRole.MEMBER) -> Membership:
    return Membership(contact_id=contact, organisation_id=organisation, role=role)


def _board() -> Group:
    return Group(
        id="grp-bestyrelse",
        kind=GroupKind.BOARD,
        name="Bestyrelsen for Helhedsplan Solbakken",
        mandate="Bestyrelsen har den entydige ledelse af helhedsplanen: den godkender "
        "handleplaner, samarbejdsaftaler og årlige statusrapporter til Landsbyggefonden og "
        "træffer beslutning om nye indsatser.",
        members=(
            _member("kp-egebo-direktoer", "org-boligselskabet-egebo", MemberRole.CHAIR),
            _member("kp-kommunal-direktoer", "org-egedal-kommune"),
            _member("kp-politikommissaer", "org-lokalpolitiet-egedal"),
            _member("kp-formand-organisationsbestyrelsen", "org-organisationsbestyrelsen-egebo"),
            _member("kp-projektleder", _TEAM, MemberRole.SECRETARY),
        ),
        ambitions=(
            "Indsatserne skal forankres i kommunens og boligorganisationens drift inden 2026.",
            "Samarbejdet med partnerne skal bygge på skriftlige aftaler.",
            "Beboerne skal kunne mærke forskel på tryghed og muligheder.",
        ),
        meetings=(
            Meeting(
                date=dt.date(2024, 1, 24),
                agenda=("Status 2023", "Ny indsats for unge", "Budget 2024"),
                minutes="Bestyrelsen drøftede resultaterne for 2023 og behovet for en indsats "
                "for unge mellem 13 og 17 år.",
                decisions=(
                    "Sekretariatet kortlægger mulige samarbejdsparter for en ny ungeindsats.",
                    "Budget 2024 godkendt.",
                ),
            ),
            Meeting(
                date=dt.date(2024, 4, 17),
                agenda=("Kortlægningen for Unge på vej", "Udkast til aftale med jobcentret"),
                minutes="Sekretariatet fremlagde kortlægningen. Jobcentret og klubben er "
                "centrale; skolen skal inddrages tidligere.",
                decisions=(
                    "Indsatsen Unge på vej igangsættes 1. maj 2024.",
                    "Samarbejdsaftalen med Jobcenter Egedal godkendes til underskrift.",
                ),
            ),
            Meeting(
                date=dt.date(2024, 10, 30),
                agenda=("Workshopdagen 2. oktober", "Aftale med skole og klub"),
                minutes="Værdispillet viste, at uddannelse er den fælles værdi. Skolen har "
                "lagt få brikker og skal inddrages mere.",
                decisions=("Skoleleder inviteres til næste bestyrelsesmøde.",),
            ),
        ),
    )


def _follow_up_group() -> Group:
    return Group(
        id="grp-foelgegruppe-unge",
        kind=GroupKind.FOLLOW_UP,
        name="Følgegruppen for Unge på vej",
        mandate="Følgegruppen følger indsatsens aktiviteter og mål, koordinerer mellem "
        "partnerne og giver bestyrelsen status to gange om året.",
        members=(
            _member("kp-ungemedarbejder", _TEAM, MemberRole.CHAIR),
            _member("kp-frivilligkoordinator", _TEAM, MemberRole.SECRETARY),
            _member("kp-afdelingsleder-udskoling", "org-solbakkeskolen"),
            _member("kp-klubleder", "org-ungdomsklubben-trekanten"),
            _member("kp-ungevejleder", "org-kui-egedal"),
            _member("kp-virksomhedskonsulent", "org-jobcenter-egedal"),
            _member("kp-ssp-konsulent", "org-ssp-egedal"),
            _member("kp-lokalbetjent", "org-lokalpolitiet-egedal"),
            _member("kp-formand-afd-nord", "org-afdelingsbestyrelse-nord"),
            _member("kp-formand-solsikken", "org-solsikken"),
            _member("kp-kif-socialraadgiver", "org-kriminalforsorgen", MemberRole.OBSERVER),
        ),
        ambitions=(
            "30 unge i fritidsjob inden udgangen af 2025.",
            "Ingen ung skal falde mellem to stole i overgangen fra skole til uddannelse.",
        ),
        meetings=(
            Meeting(
                date=dt.date(2024, 6, 12),
                agenda=("Opstart", "Kortlægningen", "Sommeraktiviteter"),
                minutes="Gruppen gennemgik kortlægningen og supplerede med tre foreninger.",
                decisions=(
                    "Klubben og sekretariatet laver fælles sommeraktiviteter.",
                    "Workshopdag med partnerne holdes 2. oktober.",
                ),
            ),
            Meeting(
                date=dt.date(2024, 11, 27),
                agenda=("Status på fritidsjob", "Lektiecaféen", "Aftale med skolen"),
                minutes="14 unge er i fritidsjob. Lektiecaféen har i snit 11 deltagere.",
                decisions=("Bokseklubbens pause drøftes med foreningen i januar.",),
            ),
        ),
    )


def groups() -> tuple[Group, ...]:
    """The bestyrelse and the følgegruppe for *Unge på vej*."""
    return (_board(), _follow_up_group())


def _item(
    start: str, minutes: int, title: str, tool: AgendaTool | None = None, text: str = ""
) -> AgendaItem:
    return AgendaItem(
        title=title,
        start=dt.time.fromisoformat(start),
        minutes=minutes,
        tool=tool,
        description=text,
    )


def workshops() -> tuple[Workshop, ...]:
    """An internal workshop on the team's contribution and a day with the partners."""
    internal = Workshop(
        id="ws-internt-2024-03",
        title="Teamdag: Det boligsociale bidrag",
        date=dt.date(2024, 3, 12),
        kind=WorkshopKind.INTERNAL,
        facilitator="Projektlederen",
        place="Solbakkehuset, mødelokalet",
        agenda=(
            _item(
                "09:00",
                90,
                "Hvem er vi som samarbejdspart?",
                AgendaTool.HOUSING_SOCIAL_CONTRIBUTION,
            ),
            _item("10:45", 60, "Kortlægningen: hvem mangler vi?", AgendaTool.MAPPING),
        ),
        participant_ids=("kp-projektleder", "kp-ungemedarbejder", "kp-frivilligkoordinator"),
        output_ids=("ses-bidrag-2024-03", MAPPING_ID),
    )
    with_partners = Workshop(
        id="ws-samarbejdsdag-2024-10",
        title="Samarbejdsudviklende workshopdag: Unge på vej",
        date=dt.date(2024, 10, 2),
        kind=WorkshopKind.WITH_PARTNERS,
        facilitator="Konsulent fra CFBU",
        place="Solbakkehuset, Solbakken Torv 4",
        agenda=(
            _item("09:00", 30, "Velkomst og formålet med dagen"),
            _item(
                "09:30",
                45,
                "Kortlægningen: hvem er med, og hvem mangler?",
                AgendaTool.MAPPING,
                "Partnerne supplerer kortlægningen.",
            ),
            _item(
                "10:30",
                60,
                "Samarbejdspartens perspektiv: skolen",
                AgendaTool.PARTNER_PERSPECTIVE,
                "Skolens rammer, værdier og metoder.",
            ),
            _item("11:30", 45, "Frokost"),
            _item(
                "12:15",
                60,
                "Værdispillet",
                AgendaTool.VALUE_GAME,
                "Hver organisation lægger de brikker, samarbejdet giver den.",
            ),
            _item(
                "13:15",
                45,
                "Fra dialog til aftale",
                AgendaTool.COLLABORATION_AGREEMENT,
                "Første udkast til samarbejdsaftale med skole og klub.",
            ),
            _item("14:00", 15, "Opsamling og næste skridt"),
        ),
        participant_ids=(
            "kp-projektleder",
            "kp-ungemedarbejder",
            "kp-frivilligkoordinator",
            "kp-virksomhedskonsulent",
            "kp-afdelingsleder-udskoling",
            "kp-klubleder",
            "kp-formand-solsikken",
            "kp-formand-solbakken-if",
            "kp-lokalbetjent",
        ),
        output_ids=(MAPPING_ID, "ses-partner-solbakkeskolen", GAME_ID, "agr-skole-klub-udkast"),
        notes=(
            "Skolen bidrog aktivt, men lagde få brikker i værdispillet.",
            "Bokseklubben og Mentorhuset var inviteret, men meldte afbud.",
        ),
    )
    return (internal, with_partners)
