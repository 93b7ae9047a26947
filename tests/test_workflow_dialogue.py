"""The dialogue workflow: sessions, answers, gaps and the comparison of the two sides."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import cfbu_toolkit as cfbu
from cfbu_toolkit import catalog
from cfbu_toolkit.cli import main
from cfbu_toolkit.formats.markdown.workflow_views import comparison_markdown
from cfbu_toolkit.workflows import WorkflowError, put
from cfbu_toolkit.workflows.dialogue import (
    DEFAULT_PAIRINGS,
    ComparisonStatus,
    ComparisonTopic,
    compare_in_plan,
    compare_perspectives,
    record_answer,
    record_answers,
    remove_answer,
    start_session,
    tool_for,
    unanswered,
)

OWN = cfbu.DialogueToolKind.HOUSING_SOCIAL_CONTRIBUTION
PARTNER = cfbu.DialogueToolKind.PARTNER_PERSPECTIVE


@pytest.fixture
def own_tool() -> cfbu.DialogueTool:
    return catalog.dialogue_tool(OWN)


@pytest.fixture
def partner_tool() -> cfbu.DialogueTool:
    return catalog.dialogue_tool(PARTNER)


@pytest.fixture
def plan() -> cfbu.Plan:
    return cfbu.Plan(
        id="plan-test",
        name="Testplan",
        organisations=(
            cfbu.Organisation(
                id="bs", name="Boligsocialt hus", sector=cfbu.ActorSector.HOUSING_ORG
            ),
            cfbu.Organisation(
                id="job", name="Jobcenter Nord", sector=cfbu.ActorSector.MUNICIPALITY
            ),
        ),
    )


def _ids(tool: cfbu.DialogueTool, theme: cfbu.DialogueTheme) -> list[str]:
    return [q.id for q in tool.questions if q.theme is theme]


# --- starting sessions ------------------------------------------------------------------


def test_start_housing_social_session(own_tool: cfbu.DialogueTool) -> None:
    session = start_session(OWN, "bs", session_id="s1", date=dt.date(2025, 3, 4))
    assert session.tool_id == own_tool.id
    assert session.organisation_id == "bs"
    assert session.about_organisation_id is None
    assert session.answers == ()
    assert unanswered(session, own_tool) == own_tool.questions


@pytest.mark.usefixtures("english")  # matches the English message
def test_housing_social_tool_refuses_about(own_tool: cfbu.DialogueTool) -> None:
    with pytest.raises(WorkflowError, match="about itself"):
        start_session(own_tool, "bs", about="job")


def test_partner_tool_requires_about() -> None:
    with pytest.raises(WorkflowError, match="about="):
        start_session(PARTNER, "bs")


@pytest.mark.usefixtures("english")  # matches the English message
def test_partner_tool_refuses_about_self() -> None:
    with pytest.raises(WorkflowError, match="partner"):
        start_session(PARTNER, "bs", about="bs")


def test_errors_are_cfbu_errors() -> None:
    with pytest.raises(cfbu.CfbuError):
        start_session(PARTNER, "bs")


def test_partner_session_is_about_the_partner(partner_tool: cfbu.DialogueTool) -> None:
    session = start_session(PARTNER, "bs", about="job", session_id="s2")
    assert session.tool_id == partner_tool.id
    assert session.about_organisation_id == "job"


@pytest.mark.usefixtures("english")  # matches the English message
def test_start_checks_organisations_against_plan(plan: cfbu.Plan) -> None:
    with pytest.raises(WorkflowError, match="'skolen'"):
        start_session(PARTNER, "bs", about="skolen", plan=plan)
    with pytest.raises(WorkflowError, match="'nobody'"):
        start_session(OWN, "nobody", plan=plan)
    assert start_session(PARTNER, "bs", about="job", plan=plan).about_organisation_id == "job"


def test_custom_tool_allows_either() -> None:
    tool = cfbu.DialogueTool(
        id="egne",
        kind=cfbu.DialogueToolKind.CUSTOM,
        title_da="Egne spørgsmål",
        questions=(
            cfbu.DialogueQuestion(id="e1", theme=cfbu.DialogueTheme.VALUES, text_da="Hvad?"),
        ),
    )
    assert start_session(tool, "bs").about_organisation_id is None
    assert start_session(tool, "bs", about="job").about_organisation_id == "job"


# --- answers ------------------------------------------------------------------------------


def test_record_answer_returns_new_session(own_tool: cfbu.DialogueTool) -> None:
    session = start_session(OWN, "bs", session_id="s1")
    first = own_tool.questions[0].id
    answered = record_answer(session, first, "Tryghed", agreed=True, tool=own_tool)
    assert session.answers == ()  # the original is untouched
    assert answered.answer(first) == cfbu.DialogueAnswer(
        question_id=first, text="Tryghed", agreed=True
    )
    assert own_tool.questions[0] not in unanswered(answered, own_tool)
    assert len(unanswered(answered, own_tool)) == len(own_tool.questions) - 1


def test_record_answer_replaces_in_place(own_tool: cfbu.DialogueTool) -> None:
    q1, q2 = own_tool.questions[0].id, own_tool.questions[1].id
    session = record_answers(start_session(OWN, "bs"), {q1: "a", q2: "b"}, tool=own_tool)
    session = record_answer(session, q1, "ny", agreed=True)
    assert [(a.question_id, a.text, a.agreed) for a in session.answers] == [
        (q1, "ny", True),
        (q2, "b", False),
    ]


@pytest.mark.usefixtures("english")  # matches the English message
def test_record_answer_refuses_unknown_question(own_tool: cfbu.DialogueTool) -> None:
    with pytest.raises(WorkflowError, match="no question 'partner-01'"):
        record_answer(start_session(OWN, "bs"), "partner-01", "x", tool=own_tool)


@pytest.mark.usefixtures("english")  # matches the English message
def test_record_answer_refuses_other_tool(partner_tool: cfbu.DialogueTool) -> None:
    session = start_session(OWN, "bs")
    with pytest.raises(WorkflowError, match="uses dialogue tool"):
        record_answer(session, partner_tool.questions[0].id, "x", tool=partner_tool)


def test_blank_answer_counts_as_unanswered(own_tool: cfbu.DialogueTool) -> None:
    first = own_tool.questions[0]
    session = record_answer(start_session(OWN, "bs"), first.id, "   ")
    assert first in unanswered(session, own_tool)


def test_remove_answer(own_tool: cfbu.DialogueTool) -> None:
    first = own_tool.questions[0].id
    session = record_answer(start_session(OWN, "bs"), first, "x")
    assert remove_answer(session, first).answers == ()


@pytest.mark.usefixtures("english")  # matches the English message
def test_tool_for_falls_back_to_catalogue(plan: cfbu.Plan, own_tool: cfbu.DialogueTool) -> None:
    session = start_session(OWN, "bs")
    assert tool_for(session, plan) == own_tool
    with pytest.raises(WorkflowError, match="no dialogue tool"):
        tool_for(attrs.evolve(session, tool_id="ukendt"), plan)


# --- comparison -------------------------------------------------------------------------


def _sessions(
    own_tool: cfbu.DialogueTool, partner_tool: cfbu.DialogueTool
) -> tuple[cfbu.DialogueSession, cfbu.DialogueSession]:
    own = start_session(OWN, "bs", session_id="own", date=dt.date(2025, 2, 1))
    partner = start_session(PARTNER, "bs", about="job", session_id="about-job")
    # Expectations on both sides, sharing the word "beskæftigelse", agreed.
    for qid in _ids(own_tool, cfbu.DialogueTheme.EXPECTATIONS):
        own = record_answer(own, qid, "Vi forventer fokus på beskæftigelse for unge", agreed=True)
    for qid in _ids(partner_tool, cfbu.DialogueTheme.EXPECTATIONS):
        partner = record_answer(
            partner, qid, "Jobcentret måler på beskæftigelse og vil nå flere", agreed=True
        )
    # Values only on our side.
    own = record_answer(own, _ids(own_tool, cfbu.DialogueTheme.IDENTITY)[0], "Tillid", agreed=True)
    # Methods only on the partner's side.
    partner = record_answer(
        partner, _ids(partner_tool, cfbu.DialogueTheme.METHODS)[0], "Virksomhedspraktik"
    )
    # Resources on both sides, not agreed on ours, no words in common.
    own = record_answer(own, _ids(own_tool, cfbu.DialogueTheme.CONTRIBUTION)[0], "Lokaler")
    partner = record_answer(
        partner,
        _ids(partner_tool, cfbu.DialogueTheme.FRAMEWORK)[0],
        "Lovgivningen styrer sagsbehandlingen",
        agreed=True,
    )
    return own, partner


def test_compare_statuses(own_tool: cfbu.DialogueTool, partner_tool: cfbu.DialogueTool) -> None:
    own, partner = _sessions(own_tool, partner_tool)
    result = compare_perspectives(own, partner, own_tool=own_tool, partner_tool=partner_tool)
    assert result.organisation_id == "bs"
    assert result.partner_id == "job"
    status = {t.topic: t.status for t in result.topics}
    assert status[ComparisonTopic.VALUES] is ComparisonStatus.MISSING_PARTNER
    assert status[ComparisonTopic.TASKS] is ComparisonStatus.MISSING_OWN
    assert status[ComparisonTopic.RESOURCES] is ComparisonStatus.UNSETTLED
    # Partner expectations feed "gains" too, while we said nothing about goals.
    assert status[ComparisonTopic.GAINS] is ComparisonStatus.MISSING_OWN
    assert status[ComparisonTopic.EXPECTATIONS] is ComparisonStatus.BOTH_ANSWERED
    expectations = result.topic(ComparisonTopic.EXPECTATIONS)
    assert "beskæ" in " ".join(expectations.shared_terms)
    assert not expectations.is_gap
    assert ComparisonTopic.EXPECTATIONS not in {t.topic for t in result.gaps}
    assert len(result.gaps) == 4


def test_compare_flags_no_shared_terms(
    own_tool: cfbu.DialogueTool, partner_tool: cfbu.DialogueTool
) -> None:
    own = start_session(OWN, "bs")
    partner = start_session(PARTNER, "bs", about="job")
    for qid in _ids(own_tool, cfbu.DialogueTheme.EXPECTATIONS):
        own = record_answer(own, qid, "Faste mødetider hver uge", agreed=True)
    for qid in _ids(partner_tool, cfbu.DialogueTheme.EXPECTATIONS):
        partner = record_answer(partner, qid, "Fleksibilitet omkring sagsbehandling", agreed=True)
    result = compare_perspectives(own, partner, own_tool=own_tool, partner_tool=partner_tool)
    topic = result.topic(ComparisonTopic.EXPECTATIONS)
    assert topic.status is ComparisonStatus.NO_SHARED_TERMS
    assert topic.shared_terms == ()
    assert topic in result.gaps


def test_compare_lists_unanswered_per_side(
    own_tool: cfbu.DialogueTool, partner_tool: cfbu.DialogueTool
) -> None:
    own, partner = _sessions(own_tool, partner_tool)
    result = compare_perspectives(own, partner, own_tool=own_tool, partner_tool=partner_tool)
    values = result.topic(ComparisonTopic.VALUES)
    answered_ids = {a.question.id for a in values.own}
    unanswered_ids = {q.id for q in values.own_unanswered}
    identity = set(_ids(own_tool, cfbu.DialogueTheme.IDENTITY))
    assert answered_ids | unanswered_ids == identity
    assert len(answered_ids) == 1
    assert {q.id for q in values.partner_unanswered} == set(
        _ids(partner_tool, cfbu.DialogueTheme.VALUES)
    )


@pytest.mark.usefixtures("english")  # matches the English message
def test_compare_refuses_swapped_or_mismatched_sessions(
    own_tool: cfbu.DialogueTool, partner_tool: cfbu.DialogueTool
) -> None:
    own, partner = _sessions(own_tool, partner_tool)
    with pytest.raises(WorkflowError):
        compare_perspectives(partner, own, own_tool=partner_tool, partner_tool=own_tool)
    stranger = attrs.evolve(partner, organisation_id="job", about_organisation_id="bs")
    with pytest.raises(WorkflowError, match="different organisations"):
        compare_perspectives(own, stranger, own_tool=own_tool, partner_tool=partner_tool)


def test_default_pairings_cover_every_theme() -> None:
    own = set().union(*(p.own_themes for p in DEFAULT_PAIRINGS))
    partner = set().union(*(p.partner_themes for p in DEFAULT_PAIRINGS))
    assert own == set(cfbu.DialogueTheme)
    assert partner == set(cfbu.DialogueTheme)


@pytest.mark.usefixtures("english")  # matches the English message
def test_compare_in_plan_picks_latest_sessions(
    plan: cfbu.Plan, own_tool: cfbu.DialogueTool, partner_tool: cfbu.DialogueTool
) -> None:
    own, partner = _sessions(own_tool, partner_tool)
    older = attrs.evolve(own, id="own-old", date=dt.date(2024, 1, 1), answers=())
    plan = put(plan, older, own, partner)
    assert {t.id for t in plan.dialogue_tools} == {own_tool.id, partner_tool.id}
    assert cfbu.validate(plan) == []
    result = compare_in_plan(plan, "job")
    assert result.own_session_id == "own"
    assert result.partner_session_id == "about-job"
    with pytest.raises(WorkflowError, match="no partner-perspective session about 'bs'"):
        compare_in_plan(plan, "bs")


def test_comparison_markdown(
    plan: cfbu.Plan, own_tool: cfbu.DialogueTool, partner_tool: cfbu.DialogueTool
) -> None:
    own, partner = _sessions(own_tool, partner_tool)
    own = record_answer(own, own_tool.questions[0].id, "Vi *er* <b>her</b> | altid")
    result = compare_perspectives(own, partner, own_tool=own_tool, partner_tool=partner_tool)
    da = comparison_markdown(result, plan=plan)
    en = comparison_markdown(result, plan=plan, lang="en")
    assert "Hvor der skal tales sammen" in da
    assert "Det har vi noteret om Jobcenter Nord" in da
    assert "Mangler samarbejdspartens perspektiv" in da
    assert "(ikke enighed)" in da
    assert "Where to talk" in en
    assert "What we recorded about Jobcenter Nord" in en
    # User text is escaped: no emphasis, no HTML, no table cell break.
    assert "Vi \\*er\\* &lt;b&gt;her&lt;/b&gt; \\| altid" in da
    assert "<b>" not in da


def test_sessions_with_user_questions_round_trip(plan: cfbu.Plan) -> None:
    tool = cfbu.DialogueTool(
        id="egne-spoergsmaal",
        kind=cfbu.DialogueToolKind.CUSTOM,
        title_da="Vores egne spørgsmål",
        title_en="Our own questions",
        questions=(
            cfbu.DialogueQuestion(
                id="egen-1",
                theme=cfbu.DialogueTheme.EXPECTATIONS,
                text_da="Hvad håber I på, når året er gået?",
                hint_da="Lad alle komme til orde.",
            ),
        ),
    )
    session = record_answer(
        start_session(tool, "bs", session_id="egen"), "egen-1", "Ro", tool=tool
    )
    plan = put(plan, tool, session)
    assert cfbu.validate(plan) == []
    assert cfbu.load(cfbu.export(plan, format="json")) == plan
    assert cfbu.load(cfbu.export(session, format="json")) == session


# --- the demo plan, end to end ----------------------------------------------------------


def test_demo_plan_both_tools_end_to_end() -> None:
    plan = cfbu.examples.demo_plan()
    team, school = "org-boligsocialt-sekretariat", "org-solbakkeskolen"
    # The demo's own session has gaps; fill them.
    own = next(s for s in plan.dialogue_sessions if s.about_organisation_id is None)
    own_tool = tool_for(own, plan)
    assert own_tool.kind is OWN
    gaps = unanswered(own, own_tool)
    assert gaps
    for question in gaps:
        own = record_answer(own, question.id, "Det har vi nu talt om.", agreed=True, tool=own_tool)
    assert unanswered(own, own_tool) == ()
    # A new partner-perspective session about a partner nobody has described yet.
    partner = start_session(
        PARTNER, team, about="org-lokalpolitiet-egedal", session_id="ses-politi", plan=plan
    )
    partner_tool = tool_for(partner, plan)
    for question in partner_tool.questions[:3]:
        partner = record_answer(partner, question.id, "Noteret på mødet.", tool=partner_tool)
    plan = put(plan, own, partner)
    assert cfbu.validate(plan) == []
    assert cfbu.load(cfbu.export(plan, format="json")) == plan
    # The comparison with the school, as the demo recorded it.
    result = compare_in_plan(plan, school)
    assert result.organisation_id == team
    assert [t.topic for t in result.topics] == [p.topic for p in DEFAULT_PAIRINGS]
    assert result.gaps
    about_police = compare_in_plan(plan, "org-lokalpolitiet-egedal")
    assert about_police.topic(ComparisonTopic.EXPECTATIONS).status is (
        ComparisonStatus.MISSING_PARTNER
    )
    text = comparison_markdown(result, plan=plan, lang="en")
    assert "What we recorded about Solbakkeskolen" in text


def test_demo_plan_dialogue_cli(tmp_path: Path) -> None:
    source = tmp_path / "plan.json"
    cfbu.export(cfbu.examples.demo_plan(), source)
    runner = CliRunner()
    result = runner.invoke(
        main, ["dialogue", "compare", str(source), "--about", "org-jobcenter-egedal"]
    )
    assert result.exit_code == 0, result.output
    assert "Det har vi noteret om Jobcenter Egedal" in result.output
    out = tmp_path / "changed.json"
    result = runner.invoke(
        main,
        [
            "dialogue", "start", str(source), "--tool", "partner_perspective",
            "--org", "org-boligsocialt-sekretariat", "--about", "org-solbakken-if",
            "--id", "ses-if", "--date", "2025-01-15", "-o", str(out),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        main,
        [
            "dialogue", "answer", str(out), "--session", "ses-if", "--question", "partner-06",
            "--text", "Trænerne er stolte af holdånden.", "--agreed", "-o", str(out),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    session = next(s for s in cfbu.load(out).dialogue_sessions if s.id == "ses-if")
    assert session.answers == (
        cfbu.DialogueAnswer(
            question_id="partner-06", text="Trænerne er stolte af holdånden.", agreed=True
        ),
    )
    result = runner.invoke(main, ["dialogue", "unanswered", str(out), "--session", "ses-if"])
    assert result.exit_code == 0
    assert "partner-06" not in result.output
    assert "partner-07" in result.output
    refused = runner.invoke(
        main,
        [
            "dialogue", "start", str(source), "--tool", "housing_social_contribution",
            "--org", "org-boligsocialt-sekretariat", "--about", "org-solbakken-if",
            "--id", "x", "-o", str(out),
        ],
    )  # fmt: skip
    assert refused.exit_code == 2
    assert "besvares af det boligsociale team om sig selv" in refused.output
