"""The demo plan: complete, consistent, deterministic, and built on the catalogue."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

import cfbu_toolkit as cfbu
from cfbu_toolkit import catalog
from cfbu_toolkit.examples import demo
from cfbu_toolkit.model import (
    ActorSector,
    ActorType,
    AgreementStatus,
    CollaborationStatus,
    DialogueToolKind,
    FocusArea,
    FundingPeriod,
    GroupKind,
    LawfulBasis,
    ResourceKind,
    WorkshopKind,
)

# The one place where a contact person's full name is written into free text, on purpose.
DELIBERATE = {"Mette Kjærgaard": "me-jobcenter-egedal"}


@pytest.fixture(scope="module")
def plan() -> cfbu.Plan:
    return cfbu.examples.demo_plan()


def _strings(data: Any, path: str = "$") -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, f"{path}[{index}]")
    elif isinstance(data, str):
        yield path, data


# --- consistency and round trips -----------------------------------------------------


def test_validates_clean(plan: cfbu.Plan) -> None:
    assert cfbu.validate(plan) == []


def test_json_round_trip(plan: cfbu.Plan) -> None:
    data = cfbu.export(plan, format="json")
    assert cfbu.load(data) == plan
    assert cfbu.from_dict(cfbu.to_dict(plan), cfbu.Plan) == plan


def test_deterministic(plan: cfbu.Plan) -> None:
    fresh = demo.demo_plan.__wrapped__()  # built again, not the cached object
    assert fresh is not plan
    assert fresh == plan
    assert cfbu.export(fresh, format="json") == cfbu.export(plan, format="json")
    assert cfbu.examples.demo_plan() is plan  # cached


def test_ids_are_readable(plan: cfbu.Plan) -> None:
    ids = [v for p, v in _strings(cfbu.to_dict(plan)) if p.endswith(".id")]
    assert len(ids) > 100
    for value in ids:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", value), value
        assert not re.search(r"[0-9a-f]{16}", value), value


# --- the plan itself ------------------------------------------------------------------


def test_plan_frame(plan: cfbu.Plan) -> None:
    assert plan.funding_period is FundingPeriod.LBF_2019_26
    lbf = {a.value for a in FocusArea.of_period(FundingPeriod.LBF_2019_26)}
    assert lbf < set(plan.focus_areas)
    custom = set(plan.focus_areas) - lbf
    assert custom == {a.key for a in plan.custom_focus_areas}
    assert len(custom) == 1
    assert plan.catalogue_version == catalog.CATALOGUE_VERSION
    assert plan.period.start is not None
    assert plan.period.end is not None


def test_local_cofinancing_is_at_least_a_quarter(plan: cfbu.Plan) -> None:
    assert plan.budget_dkk
    local_sectors = {ActorSector.MUNICIPALITY, ActorSector.HOUSING_ORG}
    local = sum(
        c.amount_dkk
        for c in plan.cofinancing
        if plan.organisation(c.organisation_id).sector in local_sectors
    )
    assert local / plan.budget_dkk >= 0.25
    assert plan.cofinancing_share is not None
    assert plan.cofinancing_share > local / plan.budget_dkk  # a foundation adds to it


def test_efforts_have_measurable_goals(plan: cfbu.Plan) -> None:
    assert len(plan.indsatser) >= 3
    for indsats in plan.indsatser:
        assert indsats.goals, indsats.id
        assert all(g.indicator and g.target for g in indsats.goals), indsats.id
    used = {i.focus_area for i in plan.indsatser}
    assert set(plan.focus_areas) <= used


# --- actors ---------------------------------------------------------------------------


def test_organisations_across_every_sector(plan: cfbu.Plan) -> None:
    assert len(plan.organisations) >= 32
    assert {o.sector for o in plan.organisations} == set(ActorSector)
    assert {o.resource_kind for o in plan.organisations} == set(ResourceKind)
    types = {o.actor_type for o in plan.organisations}
    assert len(types) >= 20
    for needed in (
        ActorType.JOBCENTER,
        ActorType.SCHOOL,
        ActorType.SSP,
        ActorType.HEALTH_VISITOR,
        ActorType.DAYCARE,
        ActorType.YOUTH_CLUB,
        ActorType.YOUTH_GUIDANCE,
        ActorType.POLICE,
        ActorType.HOUSING_ADMIN,
        ActorType.ESTATE_STAFF,
        ActorType.DEPARTMENT_BOARD,
        ActorType.SPORTS_CLUB,
        ActorType.VOLUNTARY_ASSOCIATION,
        ActorType.FAITH_COMMUNITY,
        ActorType.LOCAL_BUSINESS,
        ActorType.FOUNDATION,
        ActorType.KRIMINALFORSORGEN,
        ActorType.EDUCATION_INSTITUTION,
        ActorType.INDIVIDUAL_VOLUNTEER,
    ):
        assert needed in types, needed


def test_contacts_for_most_organisations(plan: cfbu.Plan) -> None:
    with_contact = {c.organisation_id for c in plan.contacts}
    assert len(with_contact) >= len(plan.organisations) * 2 / 3
    assert with_contact < {o.id for o in plan.organisations}  # some have none
    for person in plan.contacts:
        assert person.retention_until is not None, person.id
        if person.lawful_basis is LawfulBasis.CONSENT:
            assert person.consent_on is not None, person.id
        if person.email:
            assert person.email.endswith("-eksempel.dk"), person.email
        if person.phone:
            assert person.phone.startswith("+45 "), person.phone
    assert {c.lawful_basis for c in plan.contacts} >= {
        LawfulBasis.CONSENT,
        LawfulBasis.LEGITIMATE_INTEREST,
    }


def test_names_stay_out_of_free_text(plan: cfbu.Plan) -> None:
    data = cfbu.to_dict(plan)
    data.pop("contacts")
    texts = list(_strings(data))
    for person in plan.contacts:
        # The full name, or the surname on its own as a word ("Bro", not "Brobygning").
        surname = re.compile(rf"\b{re.escape(person.name.split()[-1])}\b")
        where = [p for p, text in texts if person.name in text or surname.search(text)]
        if person.name in DELIBERATE:
            assert len(where) == 1, where
            assert where[0].endswith(".notes")
        else:
            assert where == [], (person.name, where)


def test_the_deliberate_name_is_redacted(plan: cfbu.Plan) -> None:
    ((name, entry_id),) = DELIBERATE.items()
    entry = next(e for e in plan.mappings[0].entries if e.id == entry_id)
    assert name in entry.notes
    redacted = cfbu.redact(plan, "pseudonymise")
    assert name not in cfbu.export(redacted, format="json").decode()


# --- mapping --------------------------------------------------------------------------


def test_mapping_covers_everyone_with_every_status(plan: cfbu.Plan) -> None:
    (mapping,) = plan.mappings
    assert mapping.indsats_id in {i.id for i in plan.indsatser}
    entries = mapping.entries
    assert sorted(e.organisation_id for e in entries) == sorted(o.id for o in plan.organisations)
    assert {e.status for e in entries} == set(CollaborationStatus)
    for attribute in ("relevance", "interest", "influence"):
        assert len({getattr(e, attribute) for e in entries}) == 3, attribute
    assert sum(e.follow_up_on is not None for e in entries) >= 15
    assert sum(bool(e.next_step) for e in entries) >= 25


def test_mapping_has_reassessment_history(plan: cfbu.Plan) -> None:
    histories = Counter(len(e.assessments) for e in plan.mappings[0].entries)
    assert histories[2] >= 3
    assert histories[3] >= 2
    changed = [
        e for e in plan.mappings[0].entries if e.assessments[0].status is not e.current.status
    ]
    assert len(changed) >= 5


# --- dialogue -------------------------------------------------------------------------


def test_both_dialogue_tools_answered(plan: cfbu.Plan) -> None:
    assert plan.dialogue_tools == catalog.dialogue_tools()
    tools = {t.id: t for t in plan.dialogue_tools}
    by_kind = Counter(tools[s.tool_id].kind for s in plan.dialogue_sessions)
    assert by_kind[DialogueToolKind.HOUSING_SOCIAL_CONTRIBUTION] >= 1
    assert by_kind[DialogueToolKind.PARTNER_PERSPECTIVE] >= 2
    about = {
        s.about_organisation_id
        for s in plan.dialogue_sessions
        if tools[s.tool_id].kind is DialogueToolKind.PARTNER_PERSPECTIVE
    }
    assert {"org-jobcenter-egedal", "org-solbakkeskolen"} <= about
    for session in plan.dialogue_sessions:
        questions = {q.id for q in tools[session.tool_id].questions}
        answered = {a.question_id for a in session.answers if a.text}
        assert 0 < len(answered) < len(questions), session.id  # some left open on purpose
        assert {a.agreed for a in session.answers} == {True, False}, session.id


# --- agreements -----------------------------------------------------------------------


def _agreement(plan: cfbu.Plan, status: AgreementStatus) -> cfbu.CollaborationAgreement:
    (found,) = [a for a in plan.collaboration_agreements if a.status is status]
    return found


def test_signed_agreement_is_complete(plan: cfbu.Plan) -> None:
    signed = _agreement(plan, AgreementStatus.SIGNED)
    templates = catalog.section_templates("collaboration_agreement")
    assert [s.key for s in signed.sections] == [t.key for t in templates]
    assert all(s.text.strip() for s in signed.sections if s.required)
    assert len(signed.parties) >= 2
    for party in signed.parties:
        assert party.signatory_id is not None
        assert party.signed_on is not None
    assert signed.period.start is not None
    assert signed.period.end is not None
    assert signed.notice_days
    assert signed.template_version == catalog.CATALOGUE_VERSION


def test_draft_agreement_has_gaps(plan: cfbu.Plan) -> None:
    draft = _agreement(plan, AgreementStatus.DRAFT)
    assert [s.key for s in draft.sections] == [s.key for s in catalog.collaboration_sections()]
    assert any(s.required and not s.text for s in draft.sections)
    assert any(s.text for s in draft.sections)
    assert any(p.signatory_id is None for p in draft.parties)
    assert draft.notice_days is None


def test_activity_agreement_with_volunteers(plan: cfbu.Plan) -> None:
    (activity,) = plan.activity_agreements
    volunteers = plan.organisation(activity.volunteer_organisation_id or "")
    assert volunteers.resource_kind is ResourceKind.VOLUNTEER
    assert activity.child_certificate_required
    assert activity.child_certificate_obtained_on is not None
    assert activity.confidentiality_agreed
    assert activity.volunteer_commitments
    assert activity.housing_commitments
    assert [s.key for s in activity.sections] == [s.key for s in catalog.activity_sections()]
    assert all(s.text for s in activity.sections if s.required)


# --- value game -----------------------------------------------------------------------


def test_value_game(plan: cfbu.Plan) -> None:
    (game,) = plan.value_games
    assert game.catalogue_version == catalog.CATALOGUE_VERSION
    assert set(catalog.value_pieces()) < set(game.pieces)
    assert any(p.custom for p in game.pieces)
    players = {p.organisation_id for p in game.placements}
    assert len(players) >= 6
    assert {p.strength for p in game.placements} == {1, 2, 3}
    assert any(p.comment for p in game.placements)
    assert any(not p.comment for p in game.placements)
    by_piece = Counter(p.piece_id for p in game.placements)
    assert max(by_piece.values()) == len(players)  # a value shared by all
    assert sum(n == 1 for n in by_piece.values()) >= 3  # values unique to one
    assert sum(1 < n < len(players) for n in by_piece.values()) >= 3  # shared by some


# --- groups and workshops -------------------------------------------------------------


@pytest.mark.parametrize("kind", [GroupKind.BOARD, GroupKind.FOLLOW_UP])
def test_groups(plan: cfbu.Plan, kind: GroupKind) -> None:
    (group,) = [g for g in plan.groups if g.kind is kind]
    assert group.mandate
    assert group.ambitions
    assert len(group.members) >= 4
    assert len({m.role for m in group.members}) >= 2
    assert len(group.meetings) >= 2
    assert all(m.decisions and m.agenda for m in group.meetings)


def test_workshop_with_partners_uses_the_tools(plan: cfbu.Plan) -> None:
    (workshop,) = [w for w in plan.workshops if w.kind is WorkshopKind.WITH_PARTNERS]
    tools = {item.tool for item in workshop.agenda} - {None}
    assert len(tools) >= 3
    assert all(item.start is not None and item.minutes for item in workshop.agenda)
    starts = [item.start for item in workshop.agenda]
    assert starts == sorted(starts)  # type: ignore[type-var]
    outputs = set(workshop.output_ids)
    assert plan.mappings[0].id in outputs
    assert plan.value_games[0].id in outputs
    assert outputs & {s.id for s in plan.dialogue_sessions}
    assert plan.value_games[0].workshop_id == workshop.id
    partner_orgs = {plan.contact(c).organisation_id for c in workshop.participant_ids}
    assert len(partner_orgs) >= 4
