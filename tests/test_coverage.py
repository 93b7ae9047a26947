"""Coverage, gaps, funnel, follow-ups and expiring agreements, against hand-counted numbers.

The plan is tests/_portfolio_fixtures.small_plan(). Its mapping entries, with the status
each stands at now and the focus areas it counts towards:

    m1 (effort i1: focus area employment, target group "Unge ledige")
      e1 o1 jobcenter (municipality, prof.)  potential > contacted > ACTIVE   employment (i1)
      e2 o6 business  (business, prof.)      potential > contacted > DESELECTED  employment (i1)
      e3 o3 police    (police, prof.)        POTENTIAL                        crime_prevention
    m2 (no effort)
      e4 o2 school    (municipality, prof.)  potential > IN_DIALOGUE  education_life_chances
      e5 o4 sports    (civil society, vol.)  contacted > active > PAUSED  education, sundhed
      e6 o5 volunteer (resident, vol.)       potential > ACTIVE       (none)
      e7 o1 jobcenter again, assessed 2023-12-01: POTENTIAL   (none)

All mappings together count o1 once, by e1 (assessed 2024-03-01, later than e7).
"""

from __future__ import annotations

import datetime as dt

import pytest
from _portfolio_fixtures import small_plan
from _profile import examples
from hypothesis import given, settings

import cfbu_toolkit as cfbu
from cfbu_toolkit import AgreementStatus, CollaborationStatus
from cfbu_toolkit.analysis.coverage import (
    agreements_expiring,
    coverage,
    follow_ups_due,
    funnel,
    gaps,
)
from cfbu_toolkit.analysis.coverage._shared import FUNNEL_STAGES
from cfbu_toolkit.analysis.coverage.counts import _selected
from cfbu_toolkit.locale import use_lang
from cfbu_toolkit.testing import plans

S = CollaborationStatus


@pytest.fixture
def plan() -> cfbu.Plan:
    return small_plan()


def _counts(items: tuple[object, ...]) -> dict[str, tuple[int, int, int]]:
    return {
        c.key: (c.mapped, c.in_progress, c.active)  # type: ignore[attr-defined]
        for c in items
        if c.mapped  # type: ignore[attr-defined]
    }


def test_coverage_of_all_mappings_counts_each_organisation_once(plan: cfbu.Plan) -> None:
    result = coverage(plan)
    assert (result.total, result.active, result.without_focus_area) == (6, 2, 1)
    assert _counts(result.by_sector) == {
        "municipality": (2, 1, 1),  # e1 active, e4 in dialogue
        "police": (1, 0, 0),
        "civil_society": (1, 0, 0),  # e5 paused: neither in progress nor active
        "business": (1, 0, 0),
        "resident": (1, 0, 1),
    }
    assert _counts(result.by_resource_kind) == {
        "professional": (4, 1, 1),
        "volunteer": (2, 0, 1),
    }
    assert _counts(result.by_actor_type) == {
        "jobcenter": (1, 0, 1),
        "school": (1, 1, 0),
        "police": (1, 0, 0),
        "sports_club": (1, 0, 0),
        "individual_volunteer": (1, 0, 1),
        "local_business": (1, 0, 0),
    }
    assert [(c.key, c.mapped, c.in_progress, c.active) for c in result.by_focus_area] == [
        ("employment", 2, 0, 1),
        ("education_life_chances", 2, 1, 0),
        ("crime_prevention", 1, 0, 0),
        ("sundhed", 1, 0, 0),
    ]


def test_coverage_lists_every_sector_with_labels(plan: cfbu.Plan) -> None:
    result = coverage(plan)
    assert [c.key for c in result.by_sector] == [s.value for s in cfbu.ActorSector]
    assert result.count("sector", "region").mapped == 0
    police = result.count("sector", "police")
    assert (police.label(), police.label("en")) == ("Politi", "Police")
    health = result.count("focus_area", "sundhed")
    assert (health.label("da"), health.label("en")) == ("Sundhed", "Health")
    with pytest.raises(KeyError):
        result.count("sector", "nowhere")


def test_coverage_of_one_mapping_by_id_or_object(plan: cfbu.Plan) -> None:
    first = coverage(plan, "m1")
    assert (first.total, first.active) == (3, 1)
    second = coverage(plan, plan.mappings[1])
    # One mapping on its own counts every entry: o1 appears once here too (e7).
    assert (second.total, second.active, second.without_focus_area) == (4, 1, 2)
    assert second.count("sector", "municipality").mapped == 2
    with pytest.raises(cfbu.CfbuError, match="ingen kortlægning med id'et 'm9'"):
        coverage(plan, "m9")
    with use_lang("en"), pytest.raises(cfbu.CfbuError, match="no mapping with id 'm9'"):
        coverage(plan, "m9")


def test_gaps(plan: cfbu.Plan) -> None:
    found = gaps(plan)
    assert [(g.key, g.mapped, g.in_progress) for g in found.focus_areas] == [
        ("education_life_chances", 2, 1),
        ("crime_prevention", 1, 0),
        ("sundhed", 1, 0),
    ]
    # "Unge ledige" is covered by e1 (active, in i1's mapping); "Ældre" by e6, which names
    # the group; "Børn 6-12 år" is only named by e4, in dialogue.
    assert [
        (g.target_group, g.indsats_ids, g.mapped, g.in_progress) for g in found.target_groups
    ] == [("Børn 6-12 år", ("i2",), 1, 1)]
    assert found
    assert found.focus_areas[0].label("en") == "Education and life chances"


def test_no_gaps_when_everything_has_an_active_partner() -> None:
    plan = cfbu.Plan(id="p", name="Tom plan")
    assert not gaps(plan)


def test_funnel(plan: cfbu.Plan) -> None:
    result = funnel(plan)
    assert result.total == 6
    assert [(s.status, s.current, s.reached) for s in result.stages] == [
        (S.POTENTIAL, 1, 6),  # e3 stands there; everyone was mapped
        (S.CONTACTED, 0, 5),  # all but e3
        (S.IN_DIALOGUE, 1, 4),  # e4 now; e1, e5, e6 passed it on their way to active
        (S.ACTIVE, 2, 3),  # e1, e6 now; e5 was active before it paused
    ]
    assert (result.paused, result.ended, result.deselected) == (1, 0, 1)
    assert result.stage(S.ACTIVE).label("en") == S.ACTIVE.label("en")


def test_funnel_of_one_mapping(plan: cfbu.Plan) -> None:
    result = funnel(plan, "m1")
    assert [(s.current, s.reached) for s in result.stages] == [(1, 3), (0, 2), (0, 1), (1, 1)]
    assert result.deselected == 1


def test_follow_ups_due(plan: cfbu.Plan) -> None:
    due = follow_ups_due(plan, dt.date(2024, 5, 20))
    assert [(f.kind, f.id, f.days_overdue) for f in due] == [
        ("mapping_entry", "e1", 19),
        ("activity_agreement", "aa1", 10),
        ("mapping_entry", "e4", 0),
    ]
    assert due[0].what == "Møde om praktikpladser"
    assert due[0].responsible_id == "c1"
    assert (due[1].label("da"), due[1].label("en")) == ("Aktivitetsaftale", "Activity agreement")


def test_follow_ups_due_including_closed(plan: cfbu.Plan) -> None:
    due = follow_ups_due(plan, dt.date(2024, 5, 20), include_closed=True)
    assert [f.id for f in due] == ["aa2", "e2", "e1", "aa1", "e4"]


def test_nothing_due_before_the_first_date(plan: cfbu.Plan) -> None:
    assert follow_ups_due(plan, dt.date(2024, 3, 31)) == ()


def test_agreements_expiring(plan: cfbu.Plan) -> None:
    found = agreements_expiring(plan, dt.date(2024, 5, 20), 60)
    # ca3 is a draft, ca4 ended the day before, ca5 ends one day too late.
    assert [(a.id, a.days_left, a.notice_by) for a in found] == [
        ("aa1", 0, None),
        ("ca1", 41, dt.date(2024, 5, 31)),
        ("ca2", 60, None),
    ]
    assert found[1].status is AgreementStatus.ACTIVE
    assert found[1].label("da") == "Samarbejdsaftale"


def test_agreements_expiring_of_other_statuses(plan: cfbu.Plan) -> None:
    found = agreements_expiring(plan, dt.date(2024, 5, 20), 60, statuses=[AgreementStatus.DRAFT])
    assert [a.id for a in found] == ["ca3"]
    with pytest.raises(cfbu.CfbuError, match="within_days"):
        agreements_expiring(plan, dt.date(2024, 5, 20), -1)


def test_a_dangling_organisation_is_a_clear_error() -> None:
    plan = small_plan()
    broken = cfbu.Plan(id="p", name="Uden organisationer", mappings=plan.mappings)
    with pytest.raises(cfbu.CfbuError, match="organisationen 'o1'"):
        coverage(broken)
    with use_lang("en"), pytest.raises(cfbu.CfbuError, match="organisation 'o1'"):
        coverage(broken)


def test_facts_on_the_demo_plan() -> None:
    plan = cfbu.examples.demo_plan()
    result = coverage(plan)
    organisations = {e.organisation_id for m in plan.mappings for e in m.entries}
    assert result.total == len(organisations)
    for dimension in ("sector", "actor_type", "resource_kind"):
        assert sum(c.mapped for c in result.by(dimension)) == result.total
        assert sum(c.active for c in result.by(dimension)) == result.active
    f = funnel(plan)
    reached = [s.reached for s in f.stages]
    assert reached == sorted(reached, reverse=True)
    assert f.total == result.total
    assert sum(s.current for s in f.stages) + f.paused + f.ended + f.deselected == f.total
    # Every focus area of the plan is either covered by an active partner or a gap.
    gap_keys = {g.key for g in gaps(plan).focus_areas}
    for count in result.by_focus_area:
        if count.key in plan.focus_areas and count.active:
            assert count.key not in gap_keys


@settings(max_examples=examples(0.3))  # the profile's deadline and health checks (conftest)
@given(plan=plans(max_size=3))
def test_the_funnel_counts_as_its_definition_says(plan: cfbu.Plan) -> None:
    # Recounted plainly, entry by entry: where each entry stands now, and the furthest
    # funnel stage any of its assessments reached (statuses beside the funnel count as 0).
    stages = list(FUNNEL_STAGES)
    entries = [entry for entry, _ in _selected(plan, None)]
    result = funnel(plan)
    assert result.total == len(entries)
    furthest = [
        max(stages.index(a.status) if a.status in stages else 0 for a in e.assessments)
        for e in entries
    ]
    for rank, stage in enumerate(result.stages):
        assert stage.current == sum(e.current.status is stage.status for e in entries)
        assert stage.reached == sum(f >= rank for f in furthest)
    assert result.paused == sum(e.current.status is S.PAUSED for e in entries)
    assert result.ended == sum(e.current.status is S.ENDED for e in entries)
    assert result.deselected == sum(e.current.status is S.DESELECTED for e in entries)
