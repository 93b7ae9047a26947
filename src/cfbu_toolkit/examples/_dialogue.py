"""The demo plan's dialogue sessions, answered with the catalogue's two tools.

One session has the housing-social team describe itself; two record what the team learned
about a partner (the job centre and the school). Some questions are left unanswered on
purpose, as happens when a meeting runs out of time.
"""

from __future__ import annotations

import datetime as dt

from ..catalog import dialogue_tool
from ..model import DialogueAnswer, DialogueSession, DialogueToolKind

__all__ = ["dialogue_sessions"]

_TEAM = "org-boligsocialt-sekretariat"


def _answers(*pairs: tuple[str, str, bool]) -> tuple[DialogueAnswer, ...]:
    return tuple(DialogueAnswer(question_id=q, text=t, agreed=a) for q, t, a in pairs)


def _contribution() -> DialogueSession:
    tool = dialogue_tool(DialogueToolKind.HOUSING_SOCIAL_CONTRIBUTION)
    return DialogueSession(
        id="ses-bidrag-2024-03",
        tool_id=tool.id,
        organisation_id=_TEAM,
        date=dt.date(2024, 3, 12),
        facilitator_id="kp-projektleder",
        participant_ids=("kp-ungemedarbejder", "kp-frivilligkoordinator"),
        answers=_answers(
            (
                "bidrag-01",
                "Vi skal give beboerne flere muligheder og bygge bro til de tilbud, "
                "der allerede findes, i stedet for at lave parallelle tilbud.",
                True,
            ),
            (
                "bidrag-02",
                "Forældre fra Solbakken Nord og de unge i klubben kender os fra "
                "sommeraktiviteterne. Tilliden kommer af, at vi er her hver dag og holder det, "
                "vi lover. Vi når for få familier i Syd.",
                True,
            ),
            (
                "bidrag-04",
                "Ca. 60 timer om måneden fra ungemedarbejderen, Solbakkehuset to "
                "eftermiddage om ugen, kendskab til familierne og 150.000 kr. om året til "
                "aktiviteter.",
                True,
            ),
            (
                "bidrag-05",
                "Vi tager ikke myndighedsopgaver eller individuel sagsbehandling, "
                "og vi driver ikke tilbud alene, som en forvaltning burde drive.",
                True,
            ),
            (
                "bidrag-06",
                "Vi kan skabe kontakt til unge og forældre, som ikke selv går til "
                "jobcentret eller skolen.",
                False,
            ),
            (
                "bidrag-07",
                "Samarbejdet skal styrke Uddannelse og livschancer og give de unge "
                "en vej ind på arbejdsmarkedet.",
                True,
            ),
            (
                "bidrag-08",
                "Flere unge fra området i fritidsjob (fra 12 til 30) og flere, der "
                "begynder på en ungdomsuddannelse. Vi følger det med jobcentrets og KUI's tal "
                "og vores egen deltagerliste.",
                False,
            ),
            (
                "bidrag-09",
                "Fritidsjob kræver virksomheder og jobcentret; lektiehjælp kræver "
                "skolen og de frivillige.",
                True,
            ),
            (
                "bidrag-11",
                "Vi forventer en fast kontakt og svar inden for en uge. Partnerne "
                "kan forvente, at vi møder op, følger op og deler det, vi ved om området.",
                True,
            ),
        ),
        follow_ups=(
            "Drøfte spørgsmål 3, 10 og 12 på næste teammøde.",
            "Bruge svarene på spørgsmål 4 og 11 i udkastet til samarbejdsaftalen.",
        ),
    )


def _about_jobcenter() -> DialogueSession:
    tool = dialogue_tool(DialogueToolKind.PARTNER_PERSPECTIVE)
    return DialogueSession(
        id="ses-partner-jobcenter",
        tool_id=tool.id,
        organisation_id=_TEAM,
        about_organisation_id="org-jobcenter-egedal",
        date=dt.date(2024, 4, 9),
        facilitator_id="kp-ungemedarbejder",
        participant_ids=("kp-projektleder", "kp-virksomhedskonsulent"),
        answers=_answers(
            (
                "partner-01",
                "Lov om en aktiv beskæftigelsesindsats og byrådets mål om færre "
                "unge på offentlig forsørgelse.",
                True,
            ),
            (
                "partner-02",
                "Virksomhedskonsulenten kan aftale aktiviteter; træffetid uden for "
                "huset kræver jobcenterchefens godkendelse.",
                True,
            ),
            (
                "partner-03",
                "Budgettet lægges i august-september; ungeteamets årsplan i november.",
                True,
            ),
            (
                "partner-04",
                "Tavshedspligt som offentligt ansatte; oplysninger om den enkelte "
                "unge deles kun med samtykke.",
                True,
            ),
            (
                "partner-05",
                "Konsulenterne har mange samtaler; træffetid i Solbakken koster transporttid.",
                False,
            ),
            ("partner-06", "Når en ung får sit første job og bliver i det.", True),
            ("partner-08", "Virksomhedspraktik, mentor og fritidsjobformidling.", True),
            (
                "partner-09",
                "Måles på antal unge i job og uddannelse og på antal virksomhedsaftaler.",
                True,
            ),
            ("partner-10", "Når de unge, der er tilmeldt jobcentret; ikke de 13-17-årige.", False),
            (
                "partner-11",
                "Kontakt til unge og forældre før de bliver ledige, og hjælp til at "
                "nå sine mål for fritidsjob.",
                True,
            ),
        ),
        follow_ups=(
            "Drøfte værdier og hensyn til driften (spørgsmål 7 og 12) ved første evaluering.",
        ),
    )


def _about_school() -> DialogueSession:
    tool = dialogue_tool(DialogueToolKind.PARTNER_PERSPECTIVE)
    return DialogueSession(
        id="ses-partner-solbakkeskolen",
        tool_id=tool.id,
        organisation_id=_TEAM,
        about_organisation_id="org-solbakkeskolen",
        date=dt.date(2024, 10, 2),
        facilitator_id="kp-ungemedarbejder",
        participant_ids=("kp-afdelingsleder-udskoling", "kp-klubleder", "kp-frivilligkoordinator"),
        answers=_answers(
            (
                "partner-01",
                "Folkeskoleloven, kommunens mål for trivsel og fremmøde og "
                "krav om prøver i 9. klasse.",
                True,
            ),
            (
                "partner-02",
                "Skolelederen beslutter; udskolingens afdelingsleder forbereder.",
                True,
            ),
            ("partner-03", "Næste skoleår planlægges fra februar til maj.", True),
            (
                "partner-04",
                "Skolen må ikke dele oplysninger om elever uden forældrenes "
                "samtykke, bortset fra SSP-samarbejdet.",
                True,
            ),
            ("partner-06", "Lærerne er stolte af elever, der rykker sig fagligt.", False),
            (
                "partner-07",
                "Vi deler ønsket om, at alle kommer videre; skolen taler om "
                "faglighed, vi om fællesskab.",
                False,
            ),
            (
                "partner-10",
                "Skolen møder alle børn, men har svært ved at få kontakt til en del forældre.",
                True,
            ),
            (
                "partner-11",
                "Bedre lektiestøtte og kontakt til forældre, der sjældent kommer til møder.",
                True,
            ),
        ),
        follow_ups=(
            "Afdelingslederen tager udkastet til samarbejdsaftale med til skolens ledelsesmøde.",
        ),
    )


def dialogue_sessions() -> tuple[DialogueSession, ...]:
    """A housing-social session and two partner-perspective sessions."""
    return (_contribution(), _about_jobcenter(), _about_school())
