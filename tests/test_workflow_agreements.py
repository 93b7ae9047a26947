"""The agreement workflow: drafting, the readiness check, status changes, expiry."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import cfbu_toolkit as cfbu
from cfbu_toolkit import catalog
from cfbu_toolkit.cli import main
from cfbu_toolkit.formats.markdown.workflow_views import readiness_markdown
from cfbu_toolkit.locale import use_lang
from cfbu_toolkit.workflows import NotReadyError, TransitionError, WorkflowError, put
from cfbu_toolkit.workflows.agreements import (
    SECTIONS_FROM_FIELDS,
    TRANSITIONS,
    ReadinessCode,
    add_section,
    allowed_statuses,
    change_status,
    draft_activity_agreement,
    draft_collaboration_agreement,
    find_agreement,
    readiness,
    remove_section,
    set_section,
)

S = cfbu.AgreementStatus
Code = ReadinessCode


@pytest.fixture
def plan() -> cfbu.Plan:
    return cfbu.Plan(
        id="plan-test",
        name="Testplan",
        period=cfbu.Period(start=dt.date(2023, 1, 1), end=dt.date(2026, 12, 31)),
        organisations=(
            cfbu.Organisation(
                id="bs", name="Boligsocialt hus", sector=cfbu.ActorSector.HOUSING_ORG
            ),
            cfbu.Organisation(
                id="job", name="Jobcenter Nord", sector=cfbu.ActorSector.MUNICIPALITY
            ),
            cfbu.Organisation(
                id="lektie",
                name="Lektiecaféen",
                sector=cfbu.ActorSector.CIVIL_SOCIETY,
                resource_kind=cfbu.ResourceKind.VOLUNTEER,
            ),
        ),
        contacts=(
            cfbu.ContactPerson(id="k-bs-1", name="Anna Holm", organisation_id="bs"),
            cfbu.ContactPerson(id="k-bs-2", name="Bent Lund", organisation_id="bs"),
            cfbu.ContactPerson(id="k-job", name="Carla Møller", organisation_id="job"),
            cfbu.ContactPerson(id="k-lektie", name="Dorte Ravn", organisation_id="lektie"),
        ),
    )


def _fill(agreement: cfbu.CollaborationAgreement) -> cfbu.CollaborationAgreement:
    for section in agreement.sections:
        if section.required and section.key not in SECTIONS_FROM_FIELDS:
            agreement = set_section(agreement, section.key, f"Tekst til {section.heading}.")
    return agreement


@pytest.fixture
def ready(plan: cfbu.Plan) -> cfbu.CollaborationAgreement:
    draft = draft_collaboration_agreement(
        plan,
        ["bs", "job"],
        title="Samarbejde om job",
        agreement_id="aftale-job",
        period=cfbu.Period(start=dt.date(2024, 1, 1), end=dt.date(2025, 12, 31)),
        notice_days=90,
        signatories={"bs": "k-bs-2", "job": "k-job"},
    )
    return _fill(draft)


@pytest.fixture
def ready_activity(plan: cfbu.Plan) -> cfbu.ActivityAgreement:
    draft = draft_activity_agreement(
        plan,
        activity="Lektiecafé tirsdag",
        volunteer_organisation_id="lektie",
        housing_contact_id="k-bs-1",
        agreement_id="aktivitet-lektie",
        period=cfbu.Period(start=dt.date(2024, 8, 1), end=dt.date(2025, 6, 30)),
        child_certificate_required=True,
        notice_days=30,
    )
    for section in draft.sections:
        if section.required and section.key not in SECTIONS_FROM_FIELDS:
            draft = set_section(draft, section.key, "Udfyldt.")
    return attrs.evolve(
        draft, confidentiality_agreed=True, child_certificate_obtained_on=dt.date(2024, 7, 15)
    )


# --- drafting ---------------------------------------------------------------------------


def test_draft_collaboration_from_template(plan: cfbu.Plan) -> None:
    draft = draft_collaboration_agreement(plan, ["bs", "job"], title="Aftale", agreement_id="a")
    assert [s.key for s in draft.sections] == [
        t.key for t in catalog.section_templates("collaboration_agreement")
    ]
    assert all(s.text == "" for s in draft.sections)
    assert draft.status is S.DRAFT
    assert draft.template_version == catalog.CATALOGUE_VERSION
    # The contact is the plan's first contact at each organisation; nobody signs yet.
    assert [(p.organisation_id, p.contact_id, p.signatory_id) for p in draft.parties] == [
        ("bs", "k-bs-1", None),
        ("job", "k-job", None),
    ]
    assert cfbu.validate(put(plan, draft)) == []


def test_draft_in_english(plan: cfbu.Plan) -> None:
    draft = draft_collaboration_agreement(plan, ["bs"], title="Agreement", lang="en")
    assert draft.sections == catalog.collaboration_sections("en")


@pytest.mark.usefixtures("english")  # matches the English message
def test_draft_refuses_unknown_organisation_or_signatory(plan: cfbu.Plan) -> None:
    with pytest.raises(WorkflowError, match="no organisation 'politi'"):
        draft_collaboration_agreement(plan, ["bs", "politi"], title="x")
    with pytest.raises(WorkflowError, match="no contact person 'k-x'"):
        draft_collaboration_agreement(plan, ["bs"], title="x", signatories={"bs": "k-x"})
    with pytest.raises(WorkflowError, match="not parties"):
        draft_collaboration_agreement(plan, ["bs"], title="x", signatories={"job": "k-job"})


@pytest.mark.usefixtures("english")  # matches the English message
def test_draft_activity_takes_volunteer_contact_from_plan(plan: cfbu.Plan) -> None:
    draft = draft_activity_agreement(
        plan, activity="Lektiecafé", volunteer_organisation_id="lektie"
    )
    assert draft.volunteer_contact_id == "k-lektie"
    assert [s.key for s in draft.sections] == [
        t.key for t in catalog.section_templates("activity_agreement")
    ]
    with pytest.raises(WorkflowError, match="no contact person"):
        draft_activity_agreement(plan, activity="x", housing_contact_id="ukendt")


# --- sections ---------------------------------------------------------------------------


def test_sections_of_the_users_own_survive_json(plan: cfbu.Plan) -> None:
    draft = draft_collaboration_agreement(plan, ["bs", "job"], title="Aftale", agreement_id="a")
    draft = add_section(
        draft, key="praktik", heading="Praktikpladser", text="Ti pladser", after="activities"
    )
    keys = [s.key for s in draft.sections]
    assert keys[keys.index("activities") + 1] == "praktik"
    draft = add_section(draft, key="egen-slut", heading="Til sidst", required=True)
    assert draft.sections[-1].key == "egen-slut"
    assert cfbu.load(cfbu.export(draft, format="json")) == draft
    with_plan = put(plan, draft)
    assert cfbu.load(cfbu.export(with_plan, format="json")) == with_plan


@pytest.mark.usefixtures("english")  # matches the English message
def test_section_edits_are_checked(plan: cfbu.Plan) -> None:
    draft = draft_collaboration_agreement(plan, ["bs"], title="Aftale")
    with pytest.raises(WorkflowError, match="no section 'nope'"):
        set_section(draft, "nope", "x")
    with pytest.raises(WorkflowError, match="already has a section"):
        add_section(draft, key="purpose", heading="Formål igen")
    with pytest.raises(WorkflowError, match="required"):
        remove_section(draft, "purpose")
    assert "appendices" not in [s.key for s in remove_section(draft, "appendices").sections]


# --- readiness: one test per problem ------------------------------------------------------


def test_ready_agreement_has_no_findings(
    plan: cfbu.Plan, ready: cfbu.CollaborationAgreement
) -> None:
    found = readiness(ready, plan=plan)
    assert found.ready, found.messages("en")
    assert found.findings == ()
    assert all(check.ok for check in found.checks)


def test_ready_activity_has_no_findings(
    plan: cfbu.Plan, ready_activity: cfbu.ActivityAgreement
) -> None:
    found = readiness(ready_activity, plan=plan)
    assert found.ready, found.messages("en")


def test_empty_required_section(ready: cfbu.CollaborationAgreement) -> None:
    found = readiness(set_section(ready, "purpose", "  \n "))
    assert found.codes == {Code.EMPTY_SECTION}
    (finding,) = found.findings
    assert finding.subject == "purpose"
    assert finding.message() == "Det krævede afsnit »Formål« er tomt"
    assert "is empty" in finding.message("en")


def test_empty_optional_section_is_fine(ready: cfbu.CollaborationAgreement) -> None:
    assert readiness(set_section(ready, "appendices", "")).ready


def test_party_without_signatory(plan: cfbu.Plan, ready: cfbu.CollaborationAgreement) -> None:
    parties = (ready.parties[0], attrs.evolve(ready.parties[1], signatory_id=None))
    found = readiness(attrs.evolve(ready, parties=parties), plan=plan)
    assert found.codes == {Code.MISSING_SIGNATORY}
    assert found.messages() == ("Jobcenter Nord mangler en underskriver",)
    assert found.messages("en") == ("Jobcenter Nord is missing a signatory",)


def test_no_parties(ready: cfbu.CollaborationAgreement) -> None:
    found = readiness(attrs.evolve(ready, parties=()))
    assert found.codes == {Code.NO_PARTIES}
    assert found.messages() == ("Aftalen har ingen parter",)


def test_only_one_party(ready: cfbu.CollaborationAgreement) -> None:
    found = readiness(attrs.evolve(ready, parties=ready.parties[:1]))
    assert found.codes == {Code.NO_PARTIES}
    assert found.messages("en") == ("The agreement has only one party",)


def test_party_not_in_plan(plan: cfbu.Plan, ready: cfbu.CollaborationAgreement) -> None:
    stranger = cfbu.AgreementParty(organisation_id="politi", signatory_id="k-x")
    found = readiness(attrs.evolve(ready, parties=(*ready.parties, stranger)), plan=plan)
    assert found.codes == {Code.UNKNOWN_PARTY}


@pytest.mark.parametrize("missing", ["start", "end"])
def test_period_missing(ready: cfbu.CollaborationAgreement, missing: str) -> None:
    period = attrs.evolve(ready.period, **{missing: None})
    found = readiness(attrs.evolve(ready, period=period))
    assert found.codes == {Code.PERIOD_MISSING}
    word = "startdato" if missing == "start" else "slutdato"
    assert found.messages() == (f"Aftalens periode mangler {word}",)


def test_period_out_of_order(ready: cfbu.CollaborationAgreement) -> None:
    # The model refuses such a period; one read past the validators is still caught.
    with attrs.validators.disabled():
        period = cfbu.Period(start=dt.date(2025, 1, 1), end=dt.date(2024, 1, 1))
    found = readiness(attrs.evolve(ready, period=period))
    assert found.codes == {Code.PERIOD_ORDER}
    assert "1.1.2024 ligger før startdatoen 1.1.2025" in found.messages()[0]


def test_review_date_outside_period(ready_activity: cfbu.ActivityAgreement) -> None:
    late = attrs.evolve(ready_activity, review_on=dt.date(2025, 8, 1))
    found = readiness(late)
    assert found.codes == {Code.PERIOD_ORDER}
    assert "opfølgningsdatoen 1.8.2025" in found.messages()[0]


def test_period_outside_plan(plan: cfbu.Plan, ready: cfbu.CollaborationAgreement) -> None:
    period = cfbu.Period(start=dt.date(2024, 1, 1), end=dt.date(2027, 6, 30))
    assert readiness(attrs.evolve(ready, period=period)).ready  # no plan: not checked
    found = readiness(attrs.evolve(ready, period=period), plan=plan)
    assert found.codes == {Code.PERIOD_OUTSIDE_PLAN}


def test_no_notice_period(ready: cfbu.CollaborationAgreement) -> None:
    found = readiness(attrs.evolve(ready, notice_days=None))
    assert found.codes == {Code.NO_NOTICE_PERIOD}
    assert found.messages("en") == ("No notice period is agreed",)
    assert readiness(attrs.evolve(ready, notice_days=0)).ready


def test_child_certificate_required_but_not_obtained(
    ready_activity: cfbu.ActivityAgreement,
) -> None:
    found = readiness(attrs.evolve(ready_activity, child_certificate_obtained_on=None))
    assert found.codes == {Code.CHILD_CERTIFICATE}
    assert "børneattest" in found.messages()[0]
    not_required = attrs.evolve(
        ready_activity, child_certificate_required=False, child_certificate_obtained_on=None
    )
    assert readiness(not_required).ready


def test_confidentiality_not_agreed(ready_activity: cfbu.ActivityAgreement) -> None:
    found = readiness(attrs.evolve(ready_activity, confidentiality_agreed=False))
    assert found.codes == {Code.CONFIDENTIALITY}
    assert found.messages() == ("Tavshedspligten er ikke aftalt",)


def test_activity_without_volunteer(ready_activity: cfbu.ActivityAgreement) -> None:
    found = readiness(
        attrs.evolve(ready_activity, volunteer_organisation_id=None, volunteer_contact_id=None)
    )
    assert found.codes == {Code.NO_PARTIES}


def test_activity_without_volunteer_signatory(
    plan: cfbu.Plan, ready_activity: cfbu.ActivityAgreement
) -> None:
    found = readiness(attrs.evolve(ready_activity, volunteer_contact_id=None), plan=plan)
    assert found.codes == {Code.MISSING_SIGNATORY}
    assert "Lektiecaféen" in found.messages()[0]


def test_activity_without_housing_contact(ready_activity: cfbu.ActivityAgreement) -> None:
    found = readiness(attrs.evolve(ready_activity, housing_contact_id=None))
    assert found.codes == {Code.NO_HOUSING_CONTACT}


def test_fresh_draft_lists_everything(plan: cfbu.Plan) -> None:
    draft = draft_activity_agreement(plan, activity="Fodbold", child_certificate_required=True)
    found = readiness(draft, plan=plan)
    assert found.codes == {
        Code.NO_PARTIES,
        Code.NO_HOUSING_CONTACT,
        Code.EMPTY_SECTION,
        Code.PERIOD_MISSING,
        Code.NO_NOTICE_PERIOD,
        Code.CONFIDENTIALITY,
        Code.CHILD_CERTIFICATE,
    }


def test_readiness_checklist_markdown(plan: cfbu.Plan, ready: cfbu.CollaborationAgreement) -> None:
    draft = attrs.evolve(set_section(ready, "purpose", ""), notice_days=None, title="Job *nu*")
    text = readiness_markdown(readiness(draft, plan=plan), agreement=draft, plan=plan)
    assert text.startswith("## Klar til underskrift? Samarbejdsaftale: Job \\*nu\\*\n")
    assert "Ikke klar: 2 punkter mangler." in text
    assert "- Afsnittet »Formål« mangler sin tekst\n" in text
    assert "- Aftalen mangler et opsigelsesvarsel\n" in text
    assert "- [x] Jobcenter Nord har en underskriver" in text
    assert "- [ ]" not in text
    english = readiness_markdown(readiness(ready, plan=plan), lang="en")
    assert "Nothing is missing: the agreement is ready to be signed." in english
    assert "- [ ]" not in english


# --- status -----------------------------------------------------------------------------


def test_full_life(plan: cfbu.Plan, ready: cfbu.CollaborationAgreement) -> None:
    review = change_status(ready, S.IN_REVIEW)
    back = change_status(review, S.DRAFT)
    assert back.status is S.DRAFT
    signed = change_status(review, S.SIGNED, on=dt.date(2023, 12, 1), plan=plan)
    assert signed.status is S.SIGNED
    assert {p.signed_on for p in signed.parties} == {dt.date(2023, 12, 1)}
    active = change_status(signed, S.ACTIVE, on=dt.date(2024, 1, 1))
    assert change_status(active, S.TERMINATED, on=dt.date(2024, 6, 1)).status is S.TERMINATED
    assert change_status(active, S.EXPIRED, on=dt.date(2026, 1, 1)).status is S.EXPIRED
    assert ready.status is S.DRAFT  # nothing changed in place


def test_signing_activity_records_day(ready_activity: cfbu.ActivityAgreement) -> None:
    review = change_status(ready_activity, S.IN_REVIEW)
    signed = change_status(review, S.SIGNED, on=dt.date(2024, 7, 20))
    assert signed.signed_on == dt.date(2024, 7, 20)


_IMPOSSIBLE = [(old, new) for old, new in itertools.product(S, S) if new not in TRANSITIONS[old]]


@pytest.mark.parametrize(("old", "new"), _IMPOSSIBLE, ids=lambda s: s.value)
def test_impossible_moves_are_refused(
    ready: cfbu.CollaborationAgreement, old: cfbu.AgreementStatus, new: cfbu.AgreementStatus
) -> None:
    agreement = attrs.evolve(ready, status=old)
    with pytest.raises(TransitionError) as info:
        change_status(agreement, new, on=dt.date(2030, 1, 1))
    assert info.value.current is old
    assert info.value.wanted is new
    assert isinstance(info.value, cfbu.CfbuError)


def test_refusal_says_what_is_possible(ready: cfbu.CollaborationAgreement) -> None:
    with use_lang("en"):
        with pytest.raises(
            TransitionError, match=r"send it for review first \(Draft → In review\)"
        ):
            change_status(ready, S.SIGNED)
        with pytest.raises(TransitionError, match="Terminated is final"):
            change_status(attrs.evolve(ready, status=S.TERMINATED), S.ACTIVE)
        with pytest.raises(TransitionError, match="already Draft"):
            change_status(ready, S.DRAFT)
    assert allowed_statuses(ready) == (S.IN_REVIEW,)


def test_signing_refused_when_not_ready(ready: cfbu.CollaborationAgreement) -> None:
    review = change_status(attrs.evolve(ready, notice_days=None), S.IN_REVIEW)
    with use_lang("en"), pytest.raises(NotReadyError, match="No notice period is agreed") as info:
        change_status(review, S.SIGNED, on=dt.date(2024, 1, 1))
    assert "Der er ikke aftalt et opsigelsesvarsel" in str(info.value)
    assert info.value.readiness.codes == {Code.NO_NOTICE_PERIOD}


def test_signing_checks_against_plan(plan: cfbu.Plan, ready: cfbu.CollaborationAgreement) -> None:
    long = attrs.evolve(
        ready,
        status=S.IN_REVIEW,
        period=cfbu.Period(start=dt.date(2024, 1, 1), end=dt.date(2030, 1, 1)),
    )
    assert change_status(long, S.SIGNED, on=dt.date(2024, 1, 1)).status is S.SIGNED
    with pytest.raises(NotReadyError):
        change_status(long, S.SIGNED, on=dt.date(2024, 1, 1), plan=plan)


def test_cannot_expire_before_the_end(ready: cfbu.CollaborationAgreement) -> None:
    active = attrs.evolve(ready, status=S.ACTIVE)
    with use_lang("en"), pytest.raises(TransitionError, match="runs until 31 Dec 2025") as info:
        change_status(active, S.EXPIRED, on=dt.date(2025, 12, 31))
    assert "løber til 31. dec. 2025" in str(info.value)


@pytest.mark.usefixtures("english")  # matches the English message
def test_find_agreement(plan: cfbu.Plan, ready: cfbu.CollaborationAgreement) -> None:
    plan = put(plan, ready)
    assert find_agreement(plan, "aftale-job") == ready
    with pytest.raises(WorkflowError, match="no agreement"):
        find_agreement(plan, "x")


# --- the demo plan, end to end ----------------------------------------------------------


def test_demo_plan_agreements_end_to_end() -> None:
    plan = cfbu.examples.demo_plan()
    signed = find_agreement(plan, "agr-jobcenter-unge-paa-vej")
    assert readiness(signed, plan=plan).ready
    activity = find_agreement(plan, "akt-lektiecafe-solsikken")
    assert readiness(activity, plan=plan).ready
    draft = find_agreement(plan, "agr-skole-klub-udkast")
    assert isinstance(draft, cfbu.CollaborationAgreement)
    found = readiness(draft, plan=plan)
    assert found.codes == {
        Code.MISSING_SIGNATORY,
        Code.EMPTY_SECTION,
        Code.PERIOD_MISSING,
        Code.NO_NOTICE_PERIOD,
    }
    # Close every gap, then take it through review to signing and into force.
    for finding in found.findings:
        if finding.code is Code.EMPTY_SECTION:
            draft = set_section(draft, finding.subject, "Aftalt på mødet 3. marts.")
    parties = tuple(
        attrs.evolve(p, signatory_id="kp-skoleleder")
        if p.organisation_id == "org-solbakkeskolen"
        else p
        for p in draft.parties
    )
    draft = attrs.evolve(
        draft,
        parties=parties,
        period=attrs.evolve(draft.period, end=dt.date(2026, 6, 30)),
        notice_days=60,
    )
    assert readiness(draft, plan=plan).ready
    review = change_status(draft, S.IN_REVIEW)
    signed_now = change_status(review, S.SIGNED, on=dt.date(2025, 3, 10), plan=plan)
    active = change_status(signed_now, S.ACTIVE, on=dt.date(2025, 3, 10))
    # A new aktivitetsaftale with the boxing club: children under 15, so a børneattest.
    boxing = draft_activity_agreement(
        plan,
        activity="Boksetræning for 12-14-årige",
        volunteer_organisation_id="org-egedal-bokseklub",
        housing_contact_id="kp-frivilligkoordinator",
        agreement_id="akt-boksning",
        child_certificate_required=True,
    )
    assert boxing.volunteer_contact_id == "kp-boksetraener"
    assert {Code.CHILD_CERTIFICATE, Code.CONFIDENTIALITY} <= readiness(boxing).codes
    plan = put(plan, active, boxing)
    assert cfbu.validate(plan) == []
    assert cfbu.load(cfbu.export(plan, format="json")) == plan


def test_demo_plan_agreement_cli(tmp_path: Path) -> None:
    source = tmp_path / "plan.json"
    cfbu.export(cfbu.examples.demo_plan(), source)
    runner = CliRunner()
    check = runner.invoke(
        main, ["agreement", "check", str(source), "--id", "agr-skole-klub-udkast"]
    )
    assert check.exit_code == 1
    assert "- Solbakkeskolen mangler en underskriver\n" in check.output
    ok = runner.invoke(
        main,
        ["agreement", "check", str(source), "--id", "akt-lektiecafe-solsikken", "--lang", "en"],
    )
    assert ok.exit_code == 0, ok.output
    assert "Nothing is missing: the agreement is ready to be signed." in ok.output
    out = tmp_path / "out.json"
    review = runner.invoke(
        main,
        ["agreement", "status", str(source), "--id", "agr-skole-klub-udkast", "--to", "in_review",
         "-o", str(out)],
    )  # fmt: skip
    assert review.exit_code == 0, review.output
    assert find_agreement(cfbu.load(out), "agr-skole-klub-udkast").status is S.IN_REVIEW
    sign = runner.invoke(
        main,
        ["agreement", "status", str(out), "--id", "agr-skole-klub-udkast", "--to", "signed",
         "--on", "2025-03-10", "-o", str(out)],
    )  # fmt: skip
    assert sign.exit_code == 2
    assert "er ikke klar til underskrift" in sign.output
    jump = runner.invoke(
        main,
        ["agreement", "status", str(source), "--id", "agr-jobcenter-unge-paa-vej", "--to",
         "draft", "-o", str(out)],
    )  # fmt: skip
    assert jump.exit_code == 2
    assert "er underskrevet og kan ikke gå tilbage til udkast" in jump.output
    drafted = runner.invoke(
        main,
        ["agreement", "draft", str(source), "--id", "agr-politi", "--title", "Tryghedsvandringer",
         "--party", "org-boligsocialt-sekretariat", "--party", "org-lokalpolitiet-egedal",
         "-o", str(out)],
    )  # fmt: skip
    assert drafted.exit_code == 0, drafted.output
    new = find_agreement(cfbu.load(out), "agr-politi")
    assert isinstance(new, cfbu.CollaborationAgreement)
    assert [p.contact_id for p in new.parties] == ["kp-projektleder", "kp-politikommissaer"]
    expiring = runner.invoke(
        main, ["agreement", "expiring", str(source), "--within", "30", "--on", "2025-06-01"]
    )
    assert expiring.exit_code == 0
    assert "30. jun. 2025    29  Lektiecafé i Solbakkehuset" in expiring.output


def test_user_questions_sections_and_pieces_survive_json_and_xlsx(tmp_path: Path) -> None:
    from cfbu_toolkit.workflows.dialogue import record_answer, start_session
    from cfbu_toolkit.workflows.valuegame import add_custom_piece, place

    plan = cfbu.examples.demo_plan()
    tool = cfbu.DialogueTool(
        id="egne-spoergsmaal",
        kind=cfbu.DialogueToolKind.CUSTOM,
        title_da="Vores egne spørgsmål",
        questions=(
            cfbu.DialogueQuestion(
                id="egen-1", theme=cfbu.DialogueTheme.VALUES, text_da="Hvad gør os stolte?"
            ),
        ),
    )
    session = start_session(tool, "org-boligsocialt-sekretariat", session_id="ses-egen")
    session = record_answer(session, "egen-1", "At de unge kommer igen.", tool=tool)
    agreement = add_section(
        find_agreement(plan, "agr-skole-klub-udkast"),
        key="egen-praktik",
        heading="Praktik i klubben",
        text="To elever ad gangen.",
        after="activities",
    )
    game = add_custom_piece(
        plan.value_games[0],
        piece_id="egen-brik",
        label_da="Ro i opgangen",
        category=cfbu.ValueCategory.SOCIAL,
    )
    game = place(game, "org-solbakkeskolen", "egen-brik", strength=3)
    plan = put(plan, tool, session, agreement, game)
    assert cfbu.load(cfbu.export(plan, format="json")) == plan
    workbook = tmp_path / "plan.xlsx"
    cfbu.export(plan, workbook)
    assert cfbu.load(workbook) == plan
