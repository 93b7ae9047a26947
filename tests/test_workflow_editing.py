"""The workflows by name: agreements from draft to signed to ended, the børneattest for
activities with children under 15, value-game rounds, groups and meetings, follow-ups,
programmes with lunch, whole shared words, and dates and times as people type them."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

import cfbu_toolkit as cfbu
from cfbu_toolkit.cli import main
from cfbu_toolkit.locale import use_lang
from cfbu_toolkit.workflows import (
    AmbiguousNameError,
    NameNotFoundError,
    TransitionError,
    WorkflowError,
    put,
)
from cfbu_toolkit.workflows.agreements import (
    TRANSITIONS,
    ReadinessCode,
    add_party,
    add_volunteer,
    change_status,
    draft_activity_agreement,
    draft_collaboration_agreement,
    end_agreement,
    readiness,
    record_child_certificate,
    record_signature,
    remove_party,
    renew,
    set_children_under_15,
    set_notice,
    set_period,
    set_signatory,
    unsigned_parties,
    write_section,
)
from cfbu_toolkit.workflows.dialogue import compare_in_plan, shared_words
from cfbu_toolkit.workflows.groups import (
    add_ambition,
    add_decision,
    add_follow_up,
    add_member,
    complete_follow_up,
    followups,
    new_group,
    record_meeting,
    set_attendance,
    set_role,
)
from cfbu_toolkit.workflows.names import (
    find_agreement_by_name,
    find_contact,
    find_organisation,
)
from cfbu_toolkit.workflows.parsing import ParseError, parse_date, parse_time
from cfbu_toolkit.workflows.valuegame import compare_rounds, place_by_name, start_round
from cfbu_toolkit.workflows.workshops import build_programme

S = cfbu.AgreementStatus
DEMO = cfbu.examples.demo_plan()


@pytest.fixture
def plan() -> cfbu.Plan:
    return DEMO


# --- names -----------------------------------------------------------------------------------


def test_names_choose_by_name_id_or_part(plan: cfbu.Plan) -> None:
    assert find_organisation(plan, "Solbakkeskolen").id == "org-solbakkeskolen"
    assert find_organisation(plan, "solbakkeskolen").id == "org-solbakkeskolen"
    assert find_organisation(plan, "org-solbakkeskolen").name == "Solbakkeskolen"
    assert find_contact(plan, "Ali Demir").id == "kp-boksetraener"


def test_a_name_that_fits_none_or_several_lists_the_candidates(plan: cfbu.Plan) -> None:
    with use_lang("da"), pytest.raises(NameNotFoundError) as none:
        find_organisation(plan, "Månebasen")
    assert "ingen organisation hedder »Månebasen«" in str(none.value)
    assert "Solbakkeskolen" in none.value.candidates
    several = [o.name for o in plan.organisations if "egedal" in o.name.casefold()]
    assert len(several) > 1
    with use_lang("en"), pytest.raises(AmbiguousNameError) as many:
        find_organisation(plan, "Egedal")
    assert set(many.value.candidates) == set(several)
    with use_lang("en"):
        assert "fits more than one organisation" in str(many.value)


# --- agreements ------------------------------------------------------------------------------


def _draft(plan: cfbu.Plan) -> cfbu.CollaborationAgreement:
    return draft_collaboration_agreement(
        plan, ["org-boligsocialt-sekretariat"], title="Lektiehjælp", agreement_id="agr-lektie"
    )


def _filled(plan: cfbu.Plan) -> cfbu.CollaborationAgreement:
    agreement = add_party(plan, _draft(plan), "Solbakkeskolen", signatory="Anders Kold Pedersen")
    for check in readiness(agreement, plan=plan).findings:
        if check.code is ReadinessCode.EMPTY_SECTION:
            agreement = write_section(agreement, check.subject, "Aftalt i følgegruppen.")
    secretariat = plan.organisation("org-boligsocialt-sekretariat").name
    someone = next(c for c in plan.contacts if c.organisation_id == "org-boligsocialt-sekretariat")
    agreement = set_signatory(plan, agreement, secretariat, someone.name)
    agreement = set_period(agreement, start=dt.date(2025, 8, 1), end=dt.date(2026, 6, 30))
    return set_notice(agreement, 60)


def test_draft_to_signed_by_name(plan: cfbu.Plan) -> None:
    agreement = _filled(plan)
    assert readiness(agreement, plan=plan).ready, readiness(agreement, plan=plan).messages()
    agreement = change_status(agreement, S.IN_REVIEW)
    agreement = record_signature(plan, agreement, "Solbakkeskolen", dt.date(2025, 6, 2))
    assert unsigned_parties(agreement) == ("org-boligsocialt-sekretariat",)
    agreement = change_status(agreement, S.SIGNED, on=dt.date(2025, 6, 5), plan=plan)
    assert [p.signed_on for p in agreement.parties] == [dt.date(2025, 6, 5), dt.date(2025, 6, 2)]
    with pytest.raises(WorkflowError):
        write_section(agreement, "purpose", "Ændret efter underskrift.")


def test_sections_by_heading_and_appended(plan: cfbu.Plan) -> None:
    draft = _draft(plan)
    heading = draft.sections[2].heading
    once = write_section(draft, heading, "Første afsnit.")
    twice = write_section(once, heading, "Andet afsnit.", append=True)
    assert twice.sections[2].text == "Første afsnit.\n\nAndet afsnit."


def test_parties_added_and_removed_by_name(plan: cfbu.Plan) -> None:
    draft = add_party(plan, _draft(plan), "Solbakkeskolen")
    assert [p.organisation_id for p in draft.parties][-1] == "org-solbakkeskolen"
    with pytest.raises(WorkflowError):
        add_party(plan, draft, "Solbakkeskolen")
    assert len(remove_party(plan, draft, "Solbakkeskolen").parties) == 1


REFUSED = [
    (old, new)
    for old, new in itertools.product(S, S)
    if old is not new and new not in TRANSITIONS[old]
]


@pytest.mark.parametrize(("old", "new"), REFUSED, ids=lambda s: s.value)
def test_every_refused_move_says_why_in_danish(
    plan: cfbu.Plan, old: cfbu.AgreementStatus, new: cfbu.AgreementStatus
) -> None:
    agreement = attrs.evolve(_filled(plan), status=old)
    with pytest.raises(TransitionError) as info:
        change_status(agreement, new, on=dt.date(2030, 1, 1))
    assert (info.value.current, info.value.wanted) == (old, new)
    with use_lang("da"):
        text = str(info.value)
    assert text.startswith("aftalen »Lektiehjælp«")
    assert re.search(r"\b(the|cannot|agreement)\b", text) is None, text
    with use_lang("en"):
        assert str(info.value).startswith("the agreement 'Lektiehjælp'")


def test_signed_can_be_called_off_before_it_starts(plan: cfbu.Plan) -> None:
    signed = attrs.evolve(_filled(plan), status=S.SIGNED)
    ended = end_agreement(signed, on=dt.date(2025, 7, 1), reason="Skolen trak sig")
    assert ended.status is S.TERMINATED
    assert (ended.ended_on, ended.end_reason) == (dt.date(2025, 7, 1), "Skolen trak sig")
    assert change_status(signed, S.TERMINATED).status is S.TERMINATED


def test_end_expires_after_the_period_and_renew_starts_a_draft(plan: cfbu.Plan) -> None:
    active = attrs.evolve(_filled(plan), status=S.ACTIVE)
    assert end_agreement(active, on=dt.date(2026, 7, 1)).status is S.EXPIRED
    assert end_agreement(active, on=dt.date(2026, 1, 1)).status is S.TERMINATED
    nxt = renew(active, end=dt.date(2027, 6, 30), agreement_id="agr-lektie-2")
    assert (nxt.status, nxt.period.start, nxt.id) == (S.DRAFT, dt.date(2026, 7, 1), "agr-lektie-2")
    assert all(p.signed_on is None for p in nxt.parties)
    with pytest.raises(WorkflowError):
        renew(_draft(plan), end=dt.date(2027, 6, 30))


# --- the børneattest -------------------------------------------------------------------------


def _boxing(plan: cfbu.Plan) -> cfbu.ActivityAgreement:
    draft = draft_activity_agreement(
        plan,
        activity="Boksetræning for 12-14-årige",
        volunteer_organisation_id="org-egedal-bokseklub",
        housing_contact_id="kp-frivilligkoordinator",
        agreement_id="akt-boksning",
        period=cfbu.Period(start=dt.date(2025, 8, 1), end=dt.date(2026, 6, 30)),
        notice_days=30,
    )
    for section in draft.sections:
        if section.required:
            draft = write_section(draft, section.key, "Aftalt.")
    draft = attrs.evolve(draft, confidentiality_agreed=True)
    return set_children_under_15(draft, True)


def test_children_under_15_need_a_certificate_for_every_volunteer(plan: cfbu.Plan) -> None:
    boxing = _boxing(plan)
    found = readiness(boxing, plan=plan)
    assert not found.ready
    assert found.codes == {ReadinessCode.CHILD_CERTIFICATE}
    assert found.messages("da") == (
        "Ali Demir har ingen registreret dato for børneattest, og aktiviteten involverer børn "
        "under 15 år: loven kræver børneattest ved direkte kontakt med børn under 15 år",
    )
    with_date = record_child_certificate(plan, boxing, "Ali Demir", dt.date(2025, 7, 20))
    assert readiness(with_date, plan=plan).ready
    helper = next(c for c in plan.contacts if c.id != "kp-boksetraener" and c.organisation_id)
    two = add_volunteer(plan, with_date, helper.id)
    assert not readiness(two, plan=plan).ready
    assert [c.subject for c in readiness(two, plan=plan).findings] == [helper.id]


def test_without_children_under_15_no_certificate_is_asked(plan: cfbu.Plan) -> None:
    assert readiness(set_children_under_15(_boxing(plan), False), plan=plan).ready


# --- value game ------------------------------------------------------------------------------


def test_rounds_by_name_and_compared(plan: cfbu.Plan) -> None:
    first = start_round(plan, title="Runde 1", game_id="vg-r1")
    piece_a, piece_b = first.pieces[0].label_da, first.pieces[1].label_da
    first = place_by_name(plan, first, "Solbakkeskolen", piece_a, strength=3)
    first = place_by_name(plan, first, "Jobcenter Egedal", piece_b)
    plan = put(plan, first)
    second = start_round(plan, title="Runde 2", previous="Runde 1", game_id="vg-r2")
    assert second.pieces == first.pieces
    assert second.placements == ()
    second = place_by_name(plan, second, "Solbakkeskolen", piece_a, strength=1)
    second = place_by_name(plan, second, "Solbakkeskolen", piece_b)
    second = place_by_name(plan, second, "Ungdomsklubben Trekanten", piece_b)
    diff = compare_rounds(plan, first, second)
    assert [s.value for s in diff.disappeared] == []
    assert [(s.value, s.after) for s in diff.became_shared] == [
        (piece_b, ("Solbakkeskolen", "Ungdomsklubben Trekanten"))
    ]
    assert ("Solbakkeskolen", piece_a, 3, 1) in [
        (m.organisation, m.value, m.before, m.after) for m in diff.moved
    ]
    assert diff.left == ("Jobcenter Egedal",)
    assert compare_rounds(plan, first, first).unchanged


# --- groups, meetings, follow-ups ------------------------------------------------------------


def test_group_meeting_and_followups(plan: cfbu.Plan) -> None:
    people = [c for c in plan.contacts if c.organisation_id][:3]
    group = new_group(name="Følgegruppen Unge", kind=cfbu.GroupKind.FOLLOW_UP, group_id="g-unge")
    for person in people:
        group = add_member(plan, group, person.name)
    group = set_role(plan, group, people[0].name, cfbu.MemberRole.CHAIR)
    group = add_ambition(group, "Flere unge i job")
    group = record_meeting(
        plan,
        group,
        date=dt.date(2025, 3, 1),
        agenda=["Status", "Værdispil"],
        present=[people[0].name, people[1].name],
        absent=[people[2].name],
    )
    group = add_decision(group, "Vi spiller værdispillet igen i oktober")
    group = add_follow_up(
        plan, group, "Send referat", owner=people[1].name, due=dt.date(2025, 3, 8)
    )
    group = add_follow_up(plan, group, "Book lokale", due=dt.date(2025, 9, 1))
    group = set_attendance(plan, group, present=[people[2].name])
    meeting = group.meetings[0]
    assert meeting.absent_ids == ()
    assert len(meeting.present_ids) == 3
    plan = put(plan, group)
    assert cfbu.validate(plan) == []
    listed = followups(plan, dt.date(2025, 4, 1))
    dues = [f.due for f in listed if f.due is not None]
    assert dues == sorted(dues)
    mine = [f for f in listed if f.source == "meeting"]
    assert [(f.text, f.owner, f.overdue) for f in mine] == [
        ("Send referat", people[1].name, True),
        ("Book lokale", "", False),
    ]
    assert {f.source for f in listed} >= {"mapping", "meeting"}
    done = put(plan, complete_follow_up(group, "referat", on=dt.date(2025, 3, 7)))
    assert [f.text for f in followups(done, dt.date(2025, 4, 1)) if f.source == "meeting"] == [
        "Book lokale"
    ]


# --- workshops -------------------------------------------------------------------------------


def test_a_full_day_has_lunch() -> None:
    agenda = build_programme(list(cfbu.AgendaTool), start=dt.time(9, 0))
    titles = [item.title for item in agenda]
    assert titles.count("Frokost") == 1
    lunch = agenda[titles.index("Frokost")]
    assert lunch.start is not None
    assert dt.time(11, 30) <= lunch.start <= dt.time(13, 0)
    assert lunch.minutes == 45
    short = build_programme([cfbu.AgendaTool.VALUE_GAME], start=dt.time(9, 0))
    assert "Frokost" not in [i.title for i in short]
    custom = build_programme(
        list(cfbu.AgendaTool), start=dt.time(9, 0), lunch_minutes=30, break_minutes=10
    )
    assert {i.minutes for i in custom if i.title in ("Frokost", "Pause")} == {30, 10}


# --- dialogue --------------------------------------------------------------------------------


def test_shared_words_are_whole_words_from_the_answers(plan: cfbu.Plan) -> None:
    comparison = compare_in_plan(plan, "org-solbakkeskolen")
    seen = False
    for topic in comparison.topics:
        text = " ".join(a.answer.text for a in (*topic.own, *topic.partner))
        words = set(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text))
        for word in topic.shared_terms:
            seen = True
            assert word in words, (word, topic.topic)
    assert seen


def test_shared_words_match_inflections_and_drop_stop_words() -> None:
    own = ["Skolen og klubben skal samarbejde om de unge."]
    partner = ["Vi vil gerne samarbejde med skolens lærere og klubben."]
    assert shared_words(own, partner) == ("klubben", "samarbejde", "Skolen")


# --- dates and times -------------------------------------------------------------------------


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_every_way_of_writing_a_date(day: dt.date) -> None:
    d, m, y = day.day, day.month, day.year
    for text in (
        day.isoformat(),
        f"{d:02}-{m:02}-{y}",
        f"{d}/{m}-{y}",
        f"{d}.{m}.{y}",
        f" {d}/{m}/{y} ",
    ):
        assert parse_date(text) == day


@given(st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_every_way_of_writing_a_time(moment: dt.time) -> None:
    h, m = moment.hour, moment.minute
    assert parse_time(f"{h}:{m:02}") == moment
    assert parse_time(f"{h}.{m:02}") == moment
    if m == 0:
        assert parse_time(str(h)) == moment


def _message(parse: Any, text: str) -> str | None:
    """The Danish error ``parse`` gives for ``text`` (``None`` when it reads it)."""
    try:
        parse(text)
    except ParseError as exc:
        with use_lang("da"):
            return str(exc)
    return None


@given(st.text(max_size=20))
def test_anything_else_is_a_clear_error(text: str) -> None:
    date_error = _message(parse_date, text)
    assert date_error is None or "dato" in date_error
    time_error = _message(parse_time, text)
    assert time_error is None or "klokkeslæt" in time_error


def test_impossible_dates_and_times() -> None:
    with use_lang("da"), pytest.raises(ParseError, match="ikke en dato i kalenderen"):
        parse_date("31-02-2025")
    with use_lang("da"), pytest.raises(ParseError, match="skriv den som dd-mm-åååå"):
        parse_date("i morgen")
    with use_lang("en"), pytest.raises(ParseError, match="hours go from 0 to 23"):
        parse_time("25:00")


# --- the commands ----------------------------------------------------------------------------


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    target = tmp_path / "plan.json"
    cfbu.export(DEMO, target)
    return target


def _run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input)


AGREEMENT = "lektiehjælp og overgange"


def _section_text(file: Path, key: str) -> str:
    plan = cfbu.load(file)
    assert isinstance(plan, cfbu.Plan)
    found = find_agreement_by_name(plan, AGREEMENT)
    return next(s.text for s in found.sections if s.key == key)


def test_section_text_from_argument_stdin_file_and_editor(
    plan_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = ["agreement", "section", str(plan_file), "-a", AGREEMENT, "Opsigelse"]
    out = ["-o", str(plan_file)]
    assert _run(*base, "Tre måneders varsel.", *out).exit_code == 0
    assert _section_text(plan_file, "termination") == "Tre måneders varsel."
    piped = _run(*base, "-", "--append", *out, input="Skriftligt.\n")
    assert piped.exit_code == 0, piped.output
    assert _section_text(plan_file, "termination") == "Tre måneders varsel.\n\nSkriftligt."
    text_file = tmp_path / "tekst.md"
    text_file.write_text("Fra en fil.", encoding="utf-8")
    assert _run(*base, "--file", str(text_file), *out).exit_code == 0
    assert _section_text(plan_file, "termination") == "Fra en fil."
    seen: list[str] = []

    def edit(text: str, **kwargs: Any) -> str:
        seen.append(text)
        return "Fra editoren."

    monkeypatch.setattr("click.edit", edit)
    assert _run(*base, "--edit", *out).exit_code == 0
    assert seen == ["Fra en fil."]
    assert _section_text(plan_file, "termination") == "Fra editoren."
    neither = _run(*base, *out)
    assert neither.exit_code == 2
    assert "fejl: angiv teksten som argument" in neither.output


def test_names_that_fit_none_are_listed_in_danish_or_english(plan_file: Path) -> None:
    args = ["agreement", "signatory", str(plan_file), "-a", AGREEMENT, "Solbakkeskolen"]
    danish = _run(*args, "Nobody Here", "-o", str(plan_file))
    assert danish.exit_code == 2
    assert "fejl: ingen person hedder »Nobody Here«; vælg en af:" in danish.output
    assert "Anders Kold Pedersen" in danish.output
    english = _run(*args, "Nobody Here", "-o", str(plan_file), "--lang", "en")
    assert "error: no person is called 'Nobody Here'; choose one of:" in english.output


def test_dates_and_times_as_people_type_them(plan_file: Path) -> None:
    args = ["agreement", "period", str(plan_file), "-a", AGREEMENT, "-o", str(plan_file)]
    assert _run(*args, "--end", "30/6-2026").exit_code == 0
    plan = cfbu.load(plan_file)
    assert isinstance(plan, cfbu.Plan)
    assert find_agreement_by_name(plan, AGREEMENT).period.end == dt.date(2026, 6, 30)
    bad = _run(*args, "--end", "30-02-2026")
    assert bad.exit_code == 2
    assert "ikke en dato i kalenderen" in bad.output
    programme = _run("workshop", "programme", "--tool", "value_game", "--start", "9.30")
    assert "| 09.30 |" in programme.output  # Danish times: 09.30
    assert _run("workshop", "programme", "--tool", "value_game", "--start", "kl 9").exit_code == 2


def test_every_refused_move_from_the_command(plan_file: Path) -> None:
    refused = _run(
        "agreement", "status", str(plan_file), "-a", "fritidsjob", "--to", "udkast",
        "-o", str(plan_file),
    )  # fmt: skip
    assert refused.exit_code == 2
    assert "er underskrevet og kan ikke gå tilbage til udkast" in refused.output
    called_off = _run(
        "agreement", "end", str(plan_file), "-a", "fritidsjob", "--on", "1-1-2024",
        "--reason", "Jobcentret trak sig", "-o", str(plan_file),
    )  # fmt: skip
    assert called_off.exit_code == 0, called_off.output
    assert "status: Opsagt" in called_off.output


def test_followups_command_marks_overdue(plan_file: Path) -> None:
    listed = _run("followups", str(plan_file), "--today", "1-4-2025")
    assert listed.exit_code == 0
    lines = listed.output.splitlines()
    assert lines
    assert lines[0].startswith("FORSINKET ")
    english = _run("followups", str(plan_file), "--today", "2025-04-01", "--lang", "en")
    assert english.output.splitlines()[0].startswith("OVERDUE ")
