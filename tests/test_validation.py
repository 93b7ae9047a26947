"""``cfbu.validate``: duplicate ids, dangling references of every target kind, answers to
unknown questions and placements of unknown pieces, all reported at once with paths."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cfbu_toolkit as cfbu
from cfbu_toolkit import (
    ActivityAgreement,
    ActorSector,
    AgendaItem,
    AgreementParty,
    AgreementSection,
    Assessment,
    CoFinancing,
    CollaborationAgreement,
    ContactPerson,
    CustomFocusArea,
    DialogueAnswer,
    DialogueQuestion,
    DialogueSession,
    DialogueTheme,
    DialogueTool,
    DialogueToolKind,
    Goal,
    Group,
    GroupKind,
    Indsats,
    Mapping,
    MappingEntry,
    Meeting,
    Membership,
    Organisation,
    Placement,
    Plan,
    ValueCategory,
    ValueGame,
    ValuePiece,
    Workshop,
    validation,
)
from cfbu_toolkit.errors import ModelError, Problem
from cfbu_toolkit.locale import use_lang
from cfbu_toolkit.model._base import REF
from cfbu_toolkit.testing import plans
from cfbu_toolkit.validation import ENTITY_KINDS


def en(problem: Problem) -> str:
    """The problem's message in English (the tests read the English wording)."""
    with use_lang("en"):
        return problem.text


D = dt.date(2024, 3, 1)


def full_plan() -> Plan:
    """A small plan with at least one object of every class and every reference filled."""
    return Plan(
        id="p",
        name="Helhedsplan",
        focus_areas=["employment", "tryghed"],
        custom_focus_areas=[CustomFocusArea(key="tryghed", label_da="Tryghed")],
        cofinancing=[CoFinancing(organisation_id="o1", amount_dkk=100_000)],
        organisations=[
            Organisation(id="o1", name="Jobcenter", sector=ActorSector.MUNICIPALITY),
            Organisation(id="o2", name="Boldklub", sector=ActorSector.CIVIL_SOCIETY),
        ],
        contacts=[
            ContactPerson(id="c1", name="Anne Jensen", organisation_id="o1"),
            ContactPerson(id="c2", name="Ali Hansen", organisation_id="o2"),
        ],
        indsatser=[
            Indsats(
                id="i1",
                title="Job",
                focus_area="employment",
                goals=[Goal(text="Flere i job")],
                owner_organisation_id="o1",
            )
        ],
        groups=[
            Group(
                id="g1",
                kind=GroupKind.FOLLOW_UP,
                name="Følgegruppe",
                members=[Membership(contact_id="c1", organisation_id="o1")],
                meetings=[Meeting(date=D)],
            )
        ],
        mappings=[
            Mapping(
                id="m1",
                title="Kortlægning",
                indsats_id="i1",
                conducted_by=["c1"],
                entries=[
                    MappingEntry(
                        id="e1",
                        organisation_id="o2",
                        contact_id="c2",
                        focus_areas=["tryghed"],
                        assessments=[Assessment(date=D, assessed_by="c1")],
                        responsible_id="c1",
                    )
                ],
            ),
            Mapping(id="m2", title="Kortlægning 2"),
        ],
        dialogue_tools=[
            DialogueTool(
                id="t1",
                kind=DialogueToolKind.PARTNER_PERSPECTIVE,
                title_da="Samarbejdspartens perspektiv",
                questions=[
                    DialogueQuestion(id="q1", theme=DialogueTheme.VALUES, text_da="Værdier?")
                ],
            )
        ],
        dialogue_sessions=[
            DialogueSession(
                id="s1",
                tool_id="t1",
                organisation_id="o1",
                about_organisation_id="o2",
                facilitator_id="c1",
                participant_ids=["c2"],
                answers=[DialogueAnswer(question_id="q1", text="Tillid")],
            )
        ],
        collaboration_agreements=[
            CollaborationAgreement(
                id="a1",
                title="Samarbejdsaftale",
                indsats_id="i1",
                parties=[AgreementParty(organisation_id="o1", signatory_id="c1", contact_id="c1")],
                sections=[AgreementSection(key="formaal", heading="Formål")],
            )
        ],
        activity_agreements=[
            ActivityAgreement(
                id="aa1",
                activity="Lektiecafé",
                indsats_id="i1",
                volunteer_organisation_id="o2",
                volunteer_contact_id="c2",
                housing_contact_id="c1",
            )
        ],
        value_games=[
            ValueGame(
                id="v1",
                title="Værdispil",
                indsats_id="i1",
                workshop_id="w1",
                pieces=[ValuePiece(id="vp1", label_da="Tryghed", category=ValueCategory.SOCIAL)],
                placements=[Placement(piece_id="vp1", organisation_id="o1")],
            )
        ],
        workshops=[
            Workshop(
                id="w1",
                title="Opstart",
                date=D,
                agenda=[AgendaItem(title="Velkomst")],
                participant_ids=["c1"],
                output_ids=["m1", "s1", "a1", "aa1", "v1"],
            )
        ],
    )


def _objects(obj: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, tuple[Any, ...]]]:
    yield obj, path
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        if type(value) is tuple:
            for index, item in enumerate(value):
                if attrs.has(type(item)):
                    yield from _objects(item, (*path, field.name, index))
        elif attrs.has(type(value)):
            yield from _objects(value, (*path, field.name))


def _replace(obj: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    name, rest = path[0], path[1:]
    value = getattr(obj, name)
    if type(value) is tuple:
        index, rest = rest[0], rest[1:]
        items = list(value)
        items[index] = _replace(items[index], rest, new)
        return attrs.evolve(obj, **{name: tuple(items)})
    return attrs.evolve(obj, **{name: _replace(value, rest, new)})


def _json_path(path: tuple[Any, ...]) -> str:
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _reference_slots(plan: Plan) -> list[tuple[tuple[Any, ...], str, str, bool]]:
    """(object path, field, target kind, is a list) for every reference in ``plan``."""
    found = []
    for obj, path in _objects(plan):
        for field in attrs.fields(type(obj)):
            target = field.metadata.get(REF)
            value = getattr(obj, field.name)
            if target is not None and value not in (None, ()):
                found.append((path, field.name, target, type(value) is tuple))
    return found


def _break(plan: Plan, path: tuple[Any, ...], field: str, many: bool) -> Plan:
    obj = plan
    for obj_, p in _objects(plan):
        if p == path:
            obj = obj_
    return _replace(plan, path, attrs.evolve(obj, **{field: ("nope",) if many else "nope"}))


def test_the_full_plan_is_valid_and_has_every_kind_of_reference() -> None:
    plan = full_plan()
    assert cfbu.validate(plan) == []
    targets = {target for _, _, target, _ in _reference_slots(plan)}
    assert targets == {
        "organisation",
        "contact",
        "indsats",
        "focus_area",
        "dialogue_tool",
        "question",
        "piece",
        "workshop",
        "output",
    }
    classes = {type(obj) for obj, _ in _objects(plan)}
    assert set(ENTITY_KINDS) - classes == set()


SLOTS = _reference_slots(full_plan())


@pytest.mark.parametrize(
    ("path", "field", "target", "many"),
    SLOTS,
    ids=[f"{_json_path(p)}.{f}" for p, f, _, _ in SLOTS],
)
def test_each_dangling_reference_is_named(
    path: tuple[Any, ...], field: str, target: str, many: bool
) -> None:
    broken = _break(full_plan(), path, field, many)
    problems = cfbu.validate(broken)
    expected = f"{_json_path(path)}.{field}" + ("[0]" if many else "")
    assert [p.where for p in problems] == [expected]
    assert "'nope'" in en(problems[0])


def test_every_dangling_reference_is_reported_at_once() -> None:
    plan = full_plan()
    expected = set()
    for path, field, _target, many in SLOTS:
        plan = _break(plan, path, field, many)
        expected.add(f"{_json_path(path)}.{field}" + ("[0]" if many else ""))
    found = [p.where for p in cfbu.validate(plan)]
    assert len(found) == len(set(found))
    # A session whose tool is gone cannot have its answers checked against that tool.
    assert set(found) == expected - {"$.dialogue_sessions[0].answers[0].question_id"}


def test_dangling_messages_say_what_was_looked_for() -> None:
    plan = _break(full_plan(), ("mappings", 0, "entries", 0), "contact_id", False)
    [problem] = cfbu.validate(plan)
    assert en(problem) == "no contact person has id 'nope'"


def test_answer_to_unknown_question_and_placement_of_unknown_piece() -> None:
    plan = full_plan()
    plan = _replace(plan, ("dialogue_sessions", 0, "answers", 0), DialogueAnswer(question_id="q9"))
    plan = _replace(
        plan,
        ("value_games", 0, "placements", 0),
        Placement(piece_id="vp9", organisation_id="o1"),
    )
    problems = cfbu.validate(plan)
    assert [(p.where, en(p)) for p in problems] == [
        (
            "$.dialogue_sessions[0].answers[0].question_id",
            "dialogue tool 't1' has no question 'q9'",
        ),
        ("$.value_games[0].placements[0].piece_id", "no piece of this game has id 'vp9'"),
    ]


KINDS_BY_FIELD = {
    Organisation: ("organisations",),
    ContactPerson: ("contacts",),
    Indsats: ("indsatser",),
    Group: ("groups",),
    Mapping: ("mappings",),
    DialogueTool: ("dialogue_tools",),
    DialogueSession: ("dialogue_sessions",),
    CollaborationAgreement: ("collaboration_agreements",),
    ActivityAgreement: ("activity_agreements",),
    ValueGame: ("value_games",),
    Workshop: ("workshops",),
}


@pytest.mark.parametrize("cls", list(KINDS_BY_FIELD), ids=lambda c: c.__name__)
def test_duplicate_ids_of_each_kind(cls: type[Any]) -> None:
    plan = full_plan()
    (name,) = KINDS_BY_FIELD[cls]
    items = getattr(plan, name)
    plan = attrs.evolve(plan, **{name: (*items, items[-1])})  # the last has no nested ids
    problems = cfbu.validate(plan)
    assert [p.where for p in problems] == [f"$.{name}[{len(items)}].id"]
    assert f"$.{name}[{len(items) - 1}]" in en(problems[0])


def test_duplicate_mapping_entry_ids_across_mappings() -> None:
    plan = full_plan()
    entry = plan.mappings[0].entries[0]
    second = attrs.evolve(plan.mappings[1], entries=(entry,))
    plan = attrs.evolve(plan, mappings=(plan.mappings[0], second))
    [problem] = cfbu.validate(plan)
    assert problem.where == "$.mappings[1].entries[0].id"


def test_same_id_in_different_kinds_is_allowed() -> None:
    plan = full_plan()
    plan = attrs.evolve(plan, groups=(attrs.evolve(plan.groups[0], id="o1"),))
    assert cfbu.validate(plan) == []


def test_duplicates_and_dangling_references_together() -> None:
    plan = full_plan()
    plan = attrs.evolve(plan, contacts=(*plan.contacts, plan.contacts[0]))
    plan = _break(plan, ("cofinancing", 0), "organisation_id", False)
    plan = _break(plan, ("workshops", 0), "participant_ids", True)
    assert [p.where for p in cfbu.validate(plan)] == [
        "$.contacts[2].id",
        "$.cofinancing[0].organisation_id",
        "$.workshops[0].participant_ids[0]",
    ]


def test_root_prefixes_paths() -> None:
    plan = _break(full_plan(), ("cofinancing", 0), "organisation_id", False)
    [problem] = cfbu.validate(plan, root="$.data")
    assert problem.where == "$.data.cofinancing[0].organisation_id"


def test_a_part_alone_does_not_report_outside_references() -> None:
    plan = full_plan()
    assert cfbu.validate(plan.mappings[0]) == []
    assert cfbu.validate(plan.dialogue_sessions[0]) == []


def test_a_value_game_alone_still_checks_its_pieces() -> None:
    game = full_plan().value_games[0]
    bad = attrs.evolve(game, placements=(Placement(piece_id="x", organisation_id="o1"),))
    assert [p.where for p in cfbu.validate(bad)] == ["$.placements[0].piece_id"]


@given(plans())
def test_generated_plans_are_valid(plan: Plan) -> None:
    assert cfbu.validate(plan) == []


@given(plans(max_size=3))
def test_breaking_a_generated_plan_is_noticed(plan: Plan) -> None:
    slots = [s for s in _reference_slots(plan) if s[2] not in ("question",)]
    for path, field, _target, many in slots[:5]:
        broken = _break(plan, path, field, many)
        expected = f"{_json_path(path)}.{field}" + ("[0]" if many else "")
        assert expected in [p.where for p in cfbu.validate(broken)]


@given(plans(max_size=3), st.data())
def test_the_quick_check_agrees_with_the_full_walk(plan: Plan, data: Any) -> None:
    """``validate`` answers a consistent plan from a quick check (no paths) and walks the
    whole plan only when that finds something; the two must agree on every plan."""
    slots = [s for s in _reference_slots(plan) if s[2] not in ("question",)]
    if slots and data.draw(st.booleans(), label="break a reference"):
        path, field, _target, many = data.draw(st.sampled_from(slots))
        plan = _break(plan, path, field, many)
    same_class: dict[type[Any], list[tuple[Any, tuple[Any, ...]]]] = {}
    for obj, path in _objects(plan):
        if type(obj) in ENTITY_KINDS:
            same_class.setdefault(type(obj), []).append((obj, path))
    groups = [group for group in same_class.values() if len(group) > 1]
    if groups and data.draw(st.booleans(), label="repeat an id"):
        group = data.draw(st.sampled_from(groups))
        i, j = data.draw(st.permutations(range(len(group))))[:2]
        (first, _), (second, path) = group[i], group[j]
        with contextlib.suppress(ModelError):  # unique within its list already
            plan = _replace(plan, path, attrs.evolve(second, id=first.id))
    assert validation._consistent(plan) == (validation._problems(plan, "$") == [])
