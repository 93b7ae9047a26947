"""Workshops and groups: the programme built from the tools, meetings and decisions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

import cfbu_toolkit as cfbu
from cfbu_toolkit.cli import main
from cfbu_toolkit.formats.markdown.workflow_views import programme_markdown
from cfbu_toolkit.workflows import WorkflowError, put
from cfbu_toolkit.workflows.workshops import (
    DEFAULT_MINUTES,
    add_meeting,
    add_member,
    build_programme,
    build_workshop,
    decisions,
    programme_end,
    programme_finish,
)

T = cfbu.AgendaTool


def _times(agenda: tuple[cfbu.AgendaItem, ...]) -> list[tuple[str, int | None, T | None]]:
    return [(i.start.isoformat("minutes") if i.start else "", i.minutes, i.tool) for i in agenda]


def test_programme_times() -> None:
    agenda = build_programme([T.HOUSING_SOCIAL_CONTRIBUTION, T.VALUE_GAME], start=dt.time(9, 30))
    assert _times(agenda) == [
        ("09:30", 15, None),
        ("09:45", DEFAULT_MINUTES[T.HOUSING_SOCIAL_CONTRIBUTION], T.HOUSING_SOCIAL_CONTRIBUTION),
        ("11:00", 15, None),
        ("11:15", DEFAULT_MINUTES[T.VALUE_GAME], T.VALUE_GAME),
        ("12:15", 15, None),
    ]
    assert [i.title for i in agenda] == [
        "Velkomst og formål",
        "Dialogredskab: Det boligsociale bidrag",
        "Pause",
        "Værdispil",
        "Opsamling og næste skridt",
    ]
    assert programme_end(agenda) == dt.time(12, 30)


def test_programme_options_and_english() -> None:
    agenda = build_programme(
        [T.MAPPING, T.PARTNER_PERSPECTIVE, T.COLLABORATION_AGREEMENT],
        start=dt.time(13, 0),
        minutes={T.MAPPING: 40},
        break_minutes=10,
        welcome_minutes=0,
        closing_minutes=0,
        lang="en",
    )
    assert _times(agenda) == [
        ("13:00", 40, T.MAPPING),
        ("13:40", 10, None),
        ("13:50", 75, T.PARTNER_PERSPECTIVE),
        ("15:05", 10, None),
        ("15:15", 60, T.COLLABORATION_AGREEMENT),
    ]
    assert agenda[1].title == "Break"
    assert agenda[0].title == "Mapping"
    assert agenda[0].description.startswith("Who is around")


def test_programme_refusals() -> None:
    with pytest.raises(WorkflowError, match="mindst ét redskab"):
        build_programme([], start=dt.time(9))
    with pytest.raises(WorkflowError, match=r"går over midnat \(15 minutter efter 23:45\)"):
        build_programme([T.MAPPING, T.VALUE_GAME], start=dt.time(22, 30))
    with pytest.raises(WorkflowError, match="skal vare mindst ét minut"):
        build_programme([T.MAPPING], start=dt.time(9), minutes={T.MAPPING: 0})
    with pytest.raises(WorkflowError, match="break_minutes"):
        build_programme([T.MAPPING], start=dt.time(9), break_minutes=-5)


def test_workshop_round_trip_and_markdown() -> None:
    workshop = build_workshop(
        workshop_id="ws-1",
        title="Samarbejdsdag <i>om</i> job",
        date=dt.date(2025, 4, 2),
        tools=[T.PARTNER_PERSPECTIVE, T.VALUE_GAME],
        start=dt.time(9, 0),
        place="Beboerhuset | sal 2",
    )
    assert cfbu.load(
        cfbu.export(cfbu.Plan(id="p", name="P", workshops=(workshop,)), format="json")
    ).workshops == (workshop,)
    text = programme_markdown(workshop)
    assert text.startswith("## Program: Samarbejdsdag &lt;i&gt;om&lt;/i&gt; job\n")
    assert "2. april 2025 · Workshop med samarbejdsparter · Sted: Beboerhuset \\| sal 2" in text
    assert "| 09.15 | 75 | **Dialogredskab: Samarbejdspartens perspektiv**<br>" in text
    assert text.rstrip().endswith("Slut kl. 12.00")
    english = programme_markdown(workshop.agenda, lang="en")
    assert "| Time | Minutes | Item | Tool |" in english
    assert "Ends at 12:00" in english


@pytest.mark.usefixtures("english")  # matches the English message
def test_group_meetings_and_decisions() -> None:
    group = cfbu.Group(id="styre", kind=cfbu.GroupKind.STEERING, name="Styregruppen")
    group = add_member(group, "k-1", organisation_id="bs", role=cfbu.MemberRole.CHAIR)
    with pytest.raises(WorkflowError, match="already a member"):
        add_member(group, "k-1")
    later = add_meeting(group, date=dt.date(2025, 5, 1), decisions=["Aftalen forlænges"])
    both = add_meeting(
        later,
        date=dt.date(2025, 2, 1),
        agenda=["Status"],
        decisions=["Værdispil i marts", "Ny følgegruppe"],
    )
    assert group.meetings == ()
    assert [m.date for m in both.meetings] == [dt.date(2025, 2, 1), dt.date(2025, 5, 1)]
    assert [d.text for d in decisions(both)] == [
        "Værdispil i marts",
        "Ny følgegruppe",
        "Aftalen forlænges",
    ]
    assert [d.text for d in decisions(both, since=dt.date(2025, 3, 1))] == ["Aftalen forlænges"]
    plan = cfbu.Plan(
        id="p",
        name="P",
        organisations=(
            cfbu.Organisation(id="bs", name="BS", sector=cfbu.ActorSector.HOUSING_ORG),
        ),
        contacts=(cfbu.ContactPerson(id="k-1", name="Anna", organisation_id="bs"),),
    )
    plan = put(plan, both)
    assert cfbu.load(cfbu.export(plan, format="json")) == plan


def test_demo_plan_workshop_and_group(tmp_path: Path) -> None:
    plan = cfbu.examples.demo_plan()
    follow_up = next(g for g in plan.groups if g.kind is cfbu.GroupKind.FOLLOW_UP)
    before = len(decisions(follow_up))
    follow_up = add_meeting(
        follow_up,
        date=dt.date(2025, 3, 20),
        agenda=["Aftalen med skolen", "Værdispillet et år efter"],
        decisions=["Aftalen med skolen sendes til godkendelse"],
    )
    assert decisions(follow_up)[-1].text == "Aftalen med skolen sendes til godkendelse"
    assert len(decisions(follow_up)) == before + 1
    workshop = build_workshop(
        workshop_id="ws-2025-04",
        title="Workshop: aftalen med skolen",
        date=dt.date(2025, 4, 3),
        tools=[T.PARTNER_PERSPECTIVE, T.COLLABORATION_AGREEMENT, T.VALUE_GAME],
        start=dt.time(9, 0),
        participant_ids=["kp-ungemedarbejder", "kp-afdelingsleder-udskoling"],
    )
    plan = put(plan, follow_up, workshop)
    assert cfbu.validate(plan) == []
    assert cfbu.load(cfbu.export(plan, format="json")) == plan
    result = CliRunner().invoke(
        main,
        ["workshop", "programme", "--tool", "mapping", "--tool", "value_game", "--start",
         "13:00", "--lang", "en"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "| 13:15 | 60 | **Mapping**" in result.output
    assert "Ends at 15:45" in result.output
    bad = CliRunner().invoke(
        main, ["workshop", "programme", "--tool", "mapping", "--start", "9:75"]
    )
    assert bad.exit_code == 2


# -- a programme that runs past midnight --------------------------------------------------


def _night_plan() -> cfbu.Plan:
    """A plan as it loads from a file: its workshop's programme runs to 00:30."""
    import attrs

    plan = cfbu.examples.demo_plan()
    night = (
        cfbu.AgendaItem(title="Natcafé", start=dt.time(22, 0), minutes=90),
        cfbu.AgendaItem(title="Oprydning", start=dt.time(23, 30), minutes=60),
    )
    workshop = attrs.evolve(plan.workshops[0], agenda=night)
    plan = attrs.evolve(plan, workshops=(workshop, *plan.workshops[1:]))
    loaded = cfbu.load(cfbu.export(plan, format="json"))
    assert isinstance(loaded, cfbu.Plan)
    return loaded


def test_a_programme_past_midnight_ends_the_next_day() -> None:
    agenda = _night_plan().workshops[0].agenda
    assert programme_finish(agenda) == (dt.time(0, 30), 1)
    assert programme_end(agenda) == dt.time(0, 30)
    long = (cfbu.AgendaItem(title="Lejr", start=dt.time(10), minutes=3 * 24 * 60),)
    assert programme_finish(long) == (dt.time(10), 3)
    assert programme_finish(()) is None


def test_the_markdown_export_shows_a_programme_past_midnight() -> None:
    plan = _night_plan()
    text = cfbu.export(plan, format="markdown").decode()
    assert "Slut kl. 00.30 næste dag" in text
    english = programme_markdown(plan.workshops[0], lang="en")
    assert english.endswith("| 23:30 | 60 | **Oprydning** |  |\n\nEnds at 00:30 the next day\n")


def test_building_a_programme_past_midnight_is_refused_in_danish_and_english() -> None:
    from cfbu_toolkit.locale import use_lang

    with pytest.raises(WorkflowError) as info:
        build_programme([T.MAPPING], start=dt.time(23, 30))
    with use_lang("da"):
        assert "programmet går over midnat" in str(info.value)
    with use_lang("en"):
        assert "the programme runs past midnight" in str(info.value)
