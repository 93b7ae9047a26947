"""The Word documents of the demo plan, read back with python-docx."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from cfbu_toolkit_docx.export import DOCUMENTS
from cfbu_toolkit_docx.writer import REPLACEMENT, clean, one_line
from docx_readback import Doc, read
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cfbu_toolkit as cfbu
from cfbu_toolkit.catalog import dialogue_tools, section_templates
from cfbu_toolkit.model import AgreementStatus, Plan
from cfbu_toolkit.testing import NASTY_FRAGMENTS, text

TODAY = dt.date(2025, 1, 31)
SIGNATURE_LABELS = ("Sted", "Dato", "Underskrift", "Navn i blokbogstaver")


def _docx(obj: Any, **options: Any) -> Doc:
    return read(cfbu.export(obj, format="docx", **options))


def _every_part(plan: Plan) -> list[tuple[str, Any, dict[str, Any]]]:
    parts: list[tuple[str, Any, dict[str, Any]]] = []
    for document in DOCUMENTS["plan"]:
        parts.append((f"plan:{document}", plan, {"document": document, "today": TODAY}))
    for kind, items in (
        ("collaboration_agreement", plan.collaboration_agreements),
        ("activity_agreement", plan.activity_agreements),
        ("dialogue_session", plan.dialogue_sessions),
        ("value_game", plan.value_games),
        ("mapping", plan.mappings),
    ):
        for item in items:
            for document in DOCUMENTS[kind]:
                parts.append((f"{item.id}:{document}", item, {"document": document, "plan": plan}))
    return parts


def test_every_kind_of_the_demo_plan_exports_to_word(plan: Plan) -> None:
    done = set()
    for name, obj, options in _every_part(plan):
        doc = _docx(obj, **options)
        assert doc.headings, f"{name} has no headings"
        assert "Nogle navne står som id'er" not in doc.text, name
        done.add(cfbu.io.kinds.kind_of(obj))
    assert done == set(cfbu.io.kinds.KINDS)


def test_the_same_input_gives_the_same_bytes(plan: Plan) -> None:
    agreement = plan.collaboration_agreements[0]
    first = cfbu.export(agreement, format="docx", plan=plan)
    assert first == cfbu.export(agreement, format="docx", plan=plan)
    assert cfbu.export(plan, format="docx", today=TODAY) == cfbu.export(
        plan, format="docx", today=TODAY
    )


# -- agreements -------------------------------------------------------------------------------


def _signed(plan: Plan) -> cfbu.CollaborationAgreement:
    return next(a for a in plan.collaboration_agreements if a.status is AgreementStatus.SIGNED)


def _draft(plan: Plan) -> cfbu.CollaborationAgreement:
    return next(a for a in plan.collaboration_agreements if a.status is AgreementStatus.DRAFT)


def _signature_blocks(doc: Doc) -> int:
    return min(doc.texts.count(label) for label in SIGNATURE_LABELS)


def test_a_signed_agreement_has_its_sections_parties_and_a_signature_block_each(
    plan: Plan,
) -> None:
    agreement = _signed(plan)
    doc = _docx(agreement, plan=plan)
    assert agreement.title in doc.styled("Title")
    headings = doc.styled("Heading 1")
    for section in agreement.sections:
        if section.text.strip():
            assert any(h.endswith(section.heading) for h in headings), section.heading
            assert section.text in doc.texts
    for party in agreement.parties:
        org = plan.organisation(party.organisation_id).name
        assert f"For {org}" in doc.texts
        assert plan.contact(party.signatory_id).name.upper() in doc.texts  # type: ignore[arg-type]
    assert _signature_blocks(doc) == len(agreement.parties)
    assert "Samarbejdsaftale" in doc.styled("Subtitle")
    assert "Periode: 1. maj 2024 – 31. december 2026" in doc.texts
    assert any(t.startswith("Opsigelsesvarsel: ") for t in doc.texts)
    # Signed: no checklist, no template version, no placeholder, no guidance.
    assert "Før underskrift" not in doc.headings
    assert agreement.template_version
    assert agreement.template_version not in doc.text
    assert "Skabelonversion" not in doc.text
    assert "Skriv afsnittets tekst her" not in doc.text
    assert doc.styled("Guidance") == []


def test_a_signed_agreement_leaves_out_optional_empty_sections(plan: Plan) -> None:
    agreement = _signed(plan)
    optional = next(s for s in agreement.sections if not s.required and s.text.strip())
    emptied = attrs.evolve(
        agreement,
        sections=tuple(
            attrs.evolve(s, text="") if s.key == optional.key else s for s in agreement.sections
        ),
    )
    doc = _docx(emptied, plan=plan)
    assert not any(h.endswith(optional.heading) for h in doc.styled("Heading"))
    numbers = [int(h.split(".")[0]) for h in doc.styled("Heading 1") if h[0].isdigit()]
    assert numbers == list(range(1, len(numbers) + 1))


def test_a_draft_shows_guidance_for_empty_sections_and_what_is_missing(plan: Plan) -> None:
    agreement = _draft(plan)
    doc = _docx(agreement, plan=plan)
    guidance = {t.key: t.guidance("da") for t in section_templates("collaboration_agreement")}
    empty = [s for s in agreement.sections if not s.text.strip() and s.key in guidance]
    assert empty, "the demo draft has no empty section to check"
    for section in empty:
        if section.key not in ("parties", "signatures"):
            assert guidance[section.key] in doc.styled("Guidance"), section.key
    assert "Før underskrift" in doc.headings
    assert "☐ Solbakkeskolen mangler en underskriver" in doc.texts
    assert "har ingen underskriver" not in doc.text
    assert _signature_blocks(doc) == len(agreement.parties)


def test_a_draft_that_is_complete_says_it_is_ready(plan: Plan) -> None:
    agreement = _draft(plan)
    complete = attrs.evolve(
        agreement,
        parties=tuple(
            attrs.evolve(p, signatory_id=p.signatory_id or p.contact_id) for p in agreement.parties
        ),
        sections=tuple(attrs.evolve(s, text=s.text or "Tekst.") for s in agreement.sections),
        period=attrs.evolve(agreement.period, end=dt.date(2025, 12, 31)),
        notice_days=30,
    )
    doc = _docx(complete, plan=plan)
    assert "Intet mangler: aftalen er klar til underskrift." in doc.texts


def test_an_activity_agreement_has_both_signature_blocks(plan: Plan) -> None:
    agreement = plan.activity_agreements[0]
    doc = _docx(agreement, plan=plan)
    assert agreement.activity in doc.styled("Title")
    assert _signature_blocks(doc) == 2
    assert "For den boligsociale indsats" in doc.texts
    for item in agreement.volunteer_commitments:
        assert item in doc.texts
    assert any(t.startswith("Børneattest: ") for t in doc.texts)


def test_english_on_request(plan: Plan) -> None:
    doc = _docx(_signed(plan), plan=plan, lang="en")
    for label in ("Place", "Date", "Signature", "Name in block letters"):
        assert label in doc.texts
    assert "Underskrift" not in doc.texts
    assert "Page" in doc.footer


def test_a_part_without_its_plan_says_names_are_missing(plan: Plan) -> None:
    doc = _docx(_signed(plan))
    assert "Nogle navne står som id'er: eksportér delen sammen med sin plan (plan=...)." in (
        doc.texts
    )


# -- dialogue ---------------------------------------------------------------------------------


def test_blank_sheets_have_every_question_with_its_hint_and_room_to_write(plan: Plan) -> None:
    doc = _docx(plan, document="blank_sheet")
    tools = plan.dialogue_tools or dialogue_tools()
    questions = [q for tool in tools for q in tool.questions]
    hints = doc.styled("Hint")
    for tool in tools:
        assert tool.title_da in doc.styled("Title")
        for question in tool.questions:
            assert question.text_da in doc.texts
            assert question.hint_da
            assert question.hint_da in hints
    boxes = [t for t in doc.document.tables if len(t.rows) == 1 and len(t.columns) == 1]
    assert len(boxes) == len(questions)


def test_a_session_as_a_blank_sheet_is_headed_with_its_organisation(plan: Plan) -> None:
    session = plan.dialogue_sessions[1]
    doc = _docx(session, plan=plan, document="blank_sheet")
    assert f"Om: {plan.organisation(session.about_organisation_id).name}" in doc.texts  # type: ignore[arg-type]
    assert not any(a.text and a.text in doc.texts for a in session.answers)


def test_a_record_has_every_answer_and_the_comparison(plan: Plan) -> None:
    session = next(s for s in plan.dialogue_sessions if s.about_organisation_id)
    doc = _docx(session, plan=plan)
    for answer in session.answers:
        if answer.text.strip():
            assert answer.text in doc.texts
    partner = plan.organisation(session.about_organisation_id).name  # type: ignore[arg-type]
    assert f"Side om side: vores bidrag og {partner}s perspektiv" in doc.headings


# -- value game, workshops, groups, status ----------------------------------------------------


def test_value_cards_have_category_value_and_explanation(plan: Plan) -> None:
    game = plan.value_games[0]
    doc = _docx(game, plan=plan, document="cards")
    values = doc.styled("Card Value")
    assert values == [piece.label_da for piece in game.pieces]
    assert len(doc.styled("Card Category")) == len(game.pieces)
    assert all(doc.styled("Card Text"))
    assert "Partner × værdi" not in doc.headings


def test_the_game_gives_cards_and_the_matrix(plan: Plan) -> None:
    game = plan.value_games[0]
    doc = _docx(game, plan=plan)
    assert "Partner × værdi" in doc.headings
    assert len(doc.styled("Card Value")) == len(game.pieces)
    for org_id in {p.organisation_id for p in game.placements}:
        assert any(t.endswith(plan.organisation(org_id).name) for t in doc.styled("Small"))


def test_workshops_and_groups(plan: Plan) -> None:
    doc = _docx(plan, document="workshop")
    for workshop in plan.workshops:
        assert workshop.title in doc.styled("Title")
        for item in workshop.agenda:
            assert any(t.startswith(item.title) for t in doc.texts), item.title
    doc = _docx(plan, document="group", id=plan.groups[0].id)
    group = plan.groups[0]
    assert doc.styled("Title") == [group.name]
    for meeting in group.meetings:
        for decision in meeting.decisions:
            assert decision in doc.texts


def test_a_programme_past_midnight_ends_the_next_day(plan: Plan) -> None:
    # the same words as the Markdown programme: a night café ending at half past midnight
    night = (
        cfbu.AgendaItem(title="Natcafé", start=dt.time(22, 0), minutes=90),
        cfbu.AgendaItem(title="Oprydning", start=dt.time(23, 30), minutes=60),
    )
    workshop = attrs.evolve(plan.workshops[0], agenda=night)
    night_plan = attrs.evolve(plan, workshops=(workshop,))
    assert "Slut kl. 00.30 næste dag." in _docx(night_plan, document="workshop").texts
    day = _docx(plan, document="workshop", lang="en").texts
    assert any(t.startswith("Ends at ") and t.endswith(".") for t in day)
    assert not any("next day" in t for t in day)


def test_the_status_for_the_steering_group(plan: Plan) -> None:
    doc = _docx(plan, today=TODAY, since=dt.date(2024, 6, 1))
    assert doc.styled("Subtitle") == ["Status til styregruppen"]
    for heading in (
        "Hvad er ændret",
        "Opfølgning, der er forfalden",
        "Aftaler",
        "Venter på underskrift",
        "Samarbejdstragten",
        "Partnerkort",
    ):
        assert heading in doc.headings
    assert doc.pictures == 1
    assert "Solbakkeskolen mangler en underskriver" in doc.texts
    assert plan.name in doc.header


# -- options and templates --------------------------------------------------------------------


def test_unknown_options_and_documents_are_refused_by_name(plan: Plan) -> None:
    with pytest.raises(cfbu.FormatError, match="colour"):
        cfbu.export(plan, format="docx", colour="blue")
    with pytest.raises(cfbu.FormatError, match="cards"):
        cfbu.export(plan, format="docx", document="cards")
    with pytest.raises(cfbu.FormatError, match="since"):
        cfbu.export(plan, format="docx", since="last week")
    with pytest.raises(cfbu.FormatError, match="nope"):
        cfbu.export(plan, format="docx", document="group", id="nope")


def _letterhead(path: Path, body: bool = True, extra: str = "") -> Path:
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "EGEDAL KOMMUNE · Brevpapir · {{ plan_name }}"
    section.footer.paragraphs[0].text = "Fortroligt · {{ title }} · {{ kind }}" + extra
    document.add_paragraph("Egedal Kommune, Rådhusvej 1")
    if body:
        document.add_paragraph("{{p body }}")
    document.add_paragraph("Med venlig hilsen")
    document.save(path)
    return path


def test_a_user_template_with_a_letterhead_and_a_footer_is_honoured(
    plan: Plan, tmp_path: Path
) -> None:
    template = _letterhead(tmp_path / "brevpapir.docx")
    agreement = _signed(plan)
    doc = _docx(agreement, plan=plan, template=template)
    assert doc.header == f"EGEDAL KOMMUNE · Brevpapir · {plan.name}"
    assert doc.footer == f"Fortroligt · Samarbejdsaftale: {agreement.title} · Aftale"
    assert doc.texts[0] == "Egedal Kommune, Rådhusvej 1"
    assert doc.texts[-1] == "Med venlig hilsen"
    assert agreement.title in doc.texts
    assert _signature_blocks(doc) == len(agreement.parties)
    # Bytes and streams work as well as a path.
    assert (
        read(
            cfbu.export(agreement, format="docx", plan=plan, template=template.read_bytes())
        ).header
        == doc.header
    )
    with template.open("rb") as stream:
        assert read(cfbu.export(agreement, format="docx", plan=plan, template=stream)).footer


def test_a_bad_template_is_a_clear_error(plan: Plan, tmp_path: Path) -> None:
    agreement = _signed(plan)
    no_body = _letterhead(tmp_path / "uden.docx", body=False)
    with pytest.raises(cfbu.FormatError, match="body"):
        cfbu.export(agreement, format="docx", template=no_body)
    broken = _letterhead(tmp_path / "fejl.docx", extra=" {{ title | nosuchfilter }}")
    with pytest.raises(cfbu.FormatError):
        cfbu.export(agreement, format="docx", template=broken)
    not_word = tmp_path / "noter.docx"
    not_word.write_text("hej")
    with pytest.raises(cfbu.FormatError, match="Word"):
        cfbu.export(agreement, format="docx", template=not_word)
    with pytest.raises(cfbu.FormatError, match="findes-ikke"):
        cfbu.export(agreement, format="docx", template=tmp_path / "findes-ikke.docx")


def test_a_template_runs_in_the_sandbox(plan: Plan, tmp_path: Path) -> None:
    evil = _letterhead(
        tmp_path / "ond.docx", extra=" {{ title.__class__.__mro__[1].__subclasses__() }}"
    )
    with pytest.raises(cfbu.FormatError):
        cfbu.export(_signed(plan), format="docx", template=evil)


# -- hostile text -----------------------------------------------------------------------------

_HOSTILE = st.one_of(
    text(xml_safe=False, max_size=80),
    st.sampled_from(
        [
            "{{ 7 * 7 }} {% for x in range(3) %}x{% endfor %} {#c#} {{p body }}",
            "שלום עולם مرحبا بالعالم",
            "🏠👩‍👩‍👧 ✔ ☐",
            "\x00\x01\x08\x0b\x0c\x1b\x7f\x85\ufffe\uffff",
            "a\r\nb\rc\nd\te",
            "<w:t>&amp;</w:t>",
            "x" * 32_767,
            "æ" * 32_766 + "🏠",
        ]
    ),
    st.lists(st.sampled_from(NASTY_FRAGMENTS), min_size=1, max_size=6).map("".join),
)


def _expected(value: str) -> str:
    return clean(value)


# Half the profile's examples (25 under CI): each renders a Word document.
@settings(
    max_examples=max(5, settings().max_examples // 2),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(section_text=_HOSTILE, org_name=_HOSTILE.filter(lambda s: s.strip()))
def test_hostile_text_comes_back_as_the_same_text(section_text: str, org_name: str) -> None:
    plan = cfbu.examples.demo_plan()
    agreement = _signed(plan)
    party = agreement.parties[0].organisation_id
    organisations = tuple(
        attrs.evolve(o, name=org_name) if o.id == party else o for o in plan.organisations
    )
    plan = attrs.evolve(plan, organisations=organisations)
    key = agreement.sections[1].key
    agreement = attrs.evolve(
        agreement,
        sections=tuple(
            attrs.evolve(s, text=section_text) if s.key == key else s for s in agreement.sections
        ),
    )
    doc = _docx(agreement, plan=plan)
    if section_text.strip():
        assert _expected(section_text) in doc.texts
    assert _expected(org_name) in doc.texts  # the party's name in the list of parties


def test_the_control_character_rule() -> None:
    assert clean("a\r\nb\rc") == "a\nb\nc"
    assert clean("\t\n") == "\t\n"
    assert clean("\x00\x1f\ufffe\uffff") == REPLACEMENT * 4
    assert clean("\x7f\x85\u2028") == "\x7f\x85\u2028"


def test_the_packaged_templates_are_what_the_script_builds(tmp_path: Path) -> None:
    # In a process of its own: python-docx's XML of the core properties depends on what
    # else the process has loaded.
    script = Path(__file__).resolve().parent.parent / "tools" / "make_templates.py"
    subprocess.run([sys.executable, str(script), str(tmp_path)], check=True, capture_output=True)
    from cfbu_toolkit_docx.render import builtin_template

    for name in ("document", "cards"):
        assert (tmp_path / f"{name}.docx").read_bytes() == builtin_template(name), name


@settings(
    max_examples=max(3, settings().max_examples // 5),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(name=_HOSTILE.filter(lambda s: s.strip()))
def test_hostile_text_in_the_header_is_text(name: str) -> None:
    plan = attrs.evolve(cfbu.examples.demo_plan(), name=name)
    doc = _docx(plan.collaboration_agreements[0], plan=plan)
    assert doc.header == one_line(name)


def test_template_syntax_in_a_plan_name_is_printed_as_typed() -> None:
    plan = attrs.evolve(cfbu.examples.demo_plan(), name="{{ 7 * 7 }} {% if 1 %}ja{% endif %}")
    doc = _docx(plan.collaboration_agreements[0], plan=plan)
    assert doc.header == "{{ 7 * 7 }} {% if 1 %}ja{% endif %}"


def test_the_command_takes_a_letterhead_and_writes_one_part(plan: Plan, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cfbu_toolkit.cli import main

    source = tmp_path / "plan.json"
    source.write_bytes(cfbu.export(plan, format="json"))
    template = _letterhead(tmp_path / "brevpapir.docx")
    agreement = plan.collaboration_agreements[0]
    out = tmp_path / "aftale.docx"
    result = CliRunner().invoke(
        main,
        [
            "export",
            str(source),
            "--part",
            agreement.id,
            "--template",
            str(template),
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    doc = read(out.read_bytes())
    assert doc.header == f"EGEDAL KOMMUNE · Brevpapir · {plan.name}"
    assert agreement.title in doc.texts
