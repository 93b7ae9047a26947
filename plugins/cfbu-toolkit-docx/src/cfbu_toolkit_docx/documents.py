"""The documents, one function each, writing into a :class:`~.writer.Writer`.

Every function takes the object, the :class:`~.names.Names` behind its ids and the writer,
and writes in the current language (the caller wraps it in ``use_lang``). Each returns the
document's title, which goes into the template's ``{{ title }}``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Literal

from cfbu_toolkit.analysis.coverage import agreements_expiring, follow_ups_due, funnel
from cfbu_toolkit.analysis.mapping import quadrants, unplaced
from cfbu_toolkit.analysis.values import value_matrix
from cfbu_toolkit.catalog import AgreementKind, dialogue_tools, section_templates
from cfbu_toolkit.locale import N_, _, current_lang, format_date, format_time, ngettext
from cfbu_toolkit.model import (
    ActivityAgreement,
    AgreementSection,
    AgreementStatus,
    CollaborationAgreement,
    DialogueSession,
    DialogueTool,
    Group,
    Mapping,
    Period,
    Plan,
    ValueGame,
    Workshop,
)
from cfbu_toolkit.workflows.agreements import readiness
from cfbu_toolkit.workflows.dialogue import DialogueComparison, compare_in_plan, tool_for
from cfbu_toolkit.workflows.workshops import decisions, finish_text

from .names import Names
from .words import CARD_EXPLANATIONS, missing
from .writer import Writer, set_widths

__all__ = [
    "UNSIGNED",
    "activity_agreement",
    "blank_sheet",
    "collaboration_agreement",
    "dialogue_record",
    "group_document",
    "mapping_document",
    "status_document",
    "value_cards",
    "value_matrix_document",
    "workshop_document",
]

UNSIGNED = (AgreementStatus.DRAFT, AgreementStatus.IN_REVIEW)
"""Statuses of an agreement that is not yet signed: it shows guidance and a checklist."""

SIGNATURE_LINES = (N_("Place"), N_("Date"), N_("Signature"), N_("Name in block letters"))


def _date(day: dt.date | None) -> str:
    return format_date(day, format="long") if day is not None else _("not set")


def _period(span: Period) -> str:
    if span.start is None and span.end is None:
        return _("not set")
    if span.end is None:
        return _("from {start}", start=_date(span.start))
    if span.start is None:
        return _("until {end}", end=_date(span.end))
    return f"{_date(span.start)} – {_date(span.end)}"


def _notice(days: int | None) -> str:
    if days is None:
        return _("not agreed")
    return ngettext("{n} day", "{n} days", days, n=days)


def _names_note(w: Writer, names: Names) -> None:
    if names.shown_ids:
        w.para(
            _("Some names are shown as ids: export this part with its plan (plan=...)."),
            style="Hint",
        )


# -- agreements -------------------------------------------------------------------------------


def _section_heading(kind: AgreementKind, section: AgreementSection) -> str:
    for template in section_templates(kind):
        if template.key == section.key:
            if section.heading in (template.heading_da, template.heading_en):
                return template.heading(current_lang())
            break
    return section.heading


def _guidance(kind: AgreementKind, section: AgreementSection) -> str:
    for template in section_templates(kind):
        if template.key == section.key:
            return template.guidance(current_lang())
    return _("Write the text of this section here.")


Slot = Callable[[Writer], None]


def _sections(
    w: Writer,
    kind: AgreementKind,
    sections: Sequence[AgreementSection],
    slots: dict[str, Slot],
    draft: bool,
) -> set[str]:
    """The numbered sections; in a signed agreement optional empty ones are left out."""
    used: set[str] = set()
    number = 0
    for index, section in enumerate(sections):
        key = section.key.lower()
        slot = slots.get(key)
        empty = not section.text.strip()
        if empty and slot is None and not draft and not section.required:
            continue
        number += 1
        w.heading(
            f"{number}. {_section_heading(kind, section)}",
            1,
            field=f"sections[{index}].heading",
        )
        if not empty:
            # A section that carries a block (the signatures) keeps its text with it.
            w.para(section.text, field=f"sections[{index}].text", keep_with_next=slot is not None)
        elif slot is None and draft:
            w.para(_guidance(kind, section), style="Guidance", field="guidance")
        if slot is not None:
            slot(w)
            used.add(key)
    return used


def _checklist(
    w: Writer, agreement: CollaborationAgreement | ActivityAgreement, names: Names
) -> None:
    if agreement.status not in UNSIGNED:
        return
    result = readiness(agreement, plan=names.plan)
    lines = missing(result, agreement, names.org)
    w.heading(_("Before signing"), 2)
    if not lines:
        w.para(_("Nothing is missing: the agreement is ready to be signed."))
        return
    w.checklist(lines, field="readiness")


def _signature_block(w: Writer, who: str, name: str, signed_on: dt.date | None) -> None:
    w.para(who, bold=True, field="signature.party", keep_with_next=True)
    filled = {}
    if signed_on is not None:
        filled[_(SIGNATURE_LINES[1])] = _date(signed_on)
    if name:
        filled[_(SIGNATURE_LINES[3])] = name.upper()
    w.signature_lines([_(label) for label in SIGNATURE_LINES], filled=filled)
    w.para("", style="Small")


def _fields(w: Writer, pairs: Sequence[tuple[str, str]]) -> None:
    for label, value in pairs:
        w.labelled(label, value, field=label)


def collaboration_agreement(agreement: CollaborationAgreement, names: Names, w: Writer) -> str:
    """A samarbejdsaftale, ready to sign (or, as a draft, with guidance and a checklist)."""
    draft = agreement.status in UNSIGNED
    kind_name = _("Collaboration agreement")
    w.para(kind_name, style="Subtitle")
    w.heading(agreement.title, 0, field="title")
    pairs = [
        (_("Status"), agreement.status.label(None)),
        (_("Degree of collaboration"), agreement.degree.label(None)),
    ]
    indsats = names.indsats(agreement.indsats_id)
    if indsats:
        pairs.append((_("Effort"), indsats))
    pairs.append((_("Period"), _period(agreement.period)))
    pairs.append((_("Notice"), _notice(agreement.notice_days)))
    _fields(w, pairs)
    _checklist(w, agreement, names)

    def parties(w: Writer) -> None:
        if not agreement.parties:
            w.para(_("No parties yet."), style="Guidance" if draft else "Normal")
        for index, party in enumerate(agreement.parties):
            w.para(names.org(party.organisation_id), bold=True, field=f"parties[{index}]")
            if party.contact_id:
                w.labelled(_("Contact person"), names.contact_line(party.contact_id))
            if party.signatory_id:
                w.labelled(_("Signatory"), names.contact(party.signatory_id))

    def signatures(w: Writer) -> None:
        for party in agreement.parties:
            _signature_block(
                w,
                _("For {party}", party=names.org(party.organisation_id)),
                names.contact(party.signatory_id),
                party.signed_on,
            )

    slots: dict[str, Slot] = {"parties": parties, "signatures": signatures}
    if "parties" not in {s.key.lower() for s in agreement.sections}:
        w.heading(_("Parties and contact persons"), 1)
        parties(w)
    used = _sections(w, "collaboration_agreement", agreement.sections, slots, draft)
    if "signatures" not in used:
        w.heading(_("Signatures"), 1)
        signatures(w)
    _names_note(w, names)
    return f"{kind_name}: {agreement.title}"


def activity_agreement(agreement: ActivityAgreement, names: Names, w: Writer) -> str:
    """An aktivitetsaftale with a volunteer or an association."""
    draft = agreement.status in UNSIGNED
    kind_name = _("Activity agreement")
    w.para(kind_name, style="Subtitle")
    w.heading(agreement.activity, 0, field="activity")
    pairs = [(_("Status"), agreement.status.label(None))]
    indsats = names.indsats(agreement.indsats_id)
    if indsats:
        pairs.append((_("Effort"), indsats))
    if agreement.place:
        pairs.append((_("Place"), agreement.place))
    if agreement.schedule:
        pairs.append((_("When"), agreement.schedule))
    pairs.append((_("Period"), _period(agreement.period)))
    if agreement.review_on is not None:
        pairs.append((_("Review"), _date(agreement.review_on)))
    pairs.append((_("Notice"), _notice(agreement.notice_days)))
    _fields(w, pairs)
    _checklist(w, agreement, names)
    volunteer_org = names.org(agreement.volunteer_organisation_id)

    def parties(w: Writer) -> None:
        pairs = []
        if agreement.volunteer_contact_id:
            pairs.append((_("Volunteer"), names.contact_line(agreement.volunteer_contact_id)))
        if agreement.volunteer_organisation_id:
            pairs.append((_("Association"), volunteer_org))
        if agreement.housing_contact_id:
            pairs.append(
                (_("Housing-social contact"), names.contact_line(agreement.housing_contact_id))
            )
        if not pairs:
            w.para(_("No parties yet."), style="Guidance" if draft else "Normal")
        _fields(w, pairs)

    def commitments(items: tuple[str, ...], field: str) -> Slot:
        def write(w: Writer) -> None:
            if items:
                w.bullets(items, field=field)
            elif draft:
                w.para(_("Write what is expected, one point per line."), style="Guidance")

        return write

    def rules(w: Writer) -> None:
        confidentiality = _("agreed") if agreement.confidentiality_agreed else _("not agreed yet")
        if not agreement.child_certificate_required:
            certificate = _("not required")
        elif agreement.child_certificate_obtained_on is None:
            certificate = _("required; not obtained yet")
        else:
            certificate = _(
                "required; obtained on {day}", day=_date(agreement.child_certificate_obtained_on)
            )
        _fields(
            w,
            [
                (_("Duty of confidentiality"), confidentiality),
                (_("Child-protection certificate (børneattest)"), certificate),
            ],
        )

    def signatures(w: Writer) -> None:
        who = _("The volunteer")
        if agreement.volunteer_organisation_id:
            who = f"{who} ({volunteer_org})"
        _signature_block(
            w, who, names.contact(agreement.volunteer_contact_id), agreement.signed_on
        )
        _signature_block(
            w,
            _("For the housing-social effort"),
            names.contact(agreement.housing_contact_id),
            agreement.signed_on,
        )

    slots: dict[str, Slot] = {
        "parties": parties,
        "volunteer_commitments": commitments(
            agreement.volunteer_commitments, "volunteer_commitments"
        ),
        "housing_commitments": commitments(agreement.housing_commitments, "housing_commitments"),
        "rules": rules,
        "signatures": signatures,
    }
    keys = {s.key.lower() for s in agreement.sections}
    fallback_headings = {
        "parties": N_("Parties"),
        "volunteer_commitments": N_("The volunteer's commitments"),
        "housing_commitments": N_("The housing-social effort's commitments"),
        "rules": N_("Confidentiality and child-protection certificate"),
    }
    for key, heading in fallback_headings.items():
        if key not in keys:
            w.heading(_(heading), 1)
            slots[key](w)
    used = _sections(w, "activity_agreement", agreement.sections, slots, draft)
    if "signatures" not in used:
        w.heading(_("Signatures"), 1)
        signatures(w)
    _names_note(w, names)
    return f"{kind_name}: {agreement.activity}"


# -- dialogue ---------------------------------------------------------------------------------


def _themes(tool: DialogueTool) -> list[tuple[str, list[int]]]:
    """The tool's questions grouped by theme, in the order themes first appear."""
    groups: dict[str, list[int]] = {}
    for index, question in enumerate(tool.questions):
        groups.setdefault(question.theme.label(None), []).append(index)
    return list(groups.items())


def _session_head(session: DialogueSession, names: Names, w: Writer) -> None:
    pairs = [(_("Organisation"), names.org(session.organisation_id))]
    if session.about_organisation_id:
        pairs.append((_("About"), names.org(session.about_organisation_id)))
    pairs.append((_("Date"), _date(session.date)))
    if session.facilitator_id:
        pairs.append((_("Facilitator"), names.contact(session.facilitator_id)))
    if session.participant_ids:
        pairs.append((_("Participants"), names.contacts(session.participant_ids)))
    _fields(w, pairs)


def blank_sheet(
    tool: DialogueTool, names: Names, w: Writer, session: DialogueSession | None = None
) -> str:
    """A sheet to bring to the meeting: every question, its hint, room to write."""
    lang = current_lang()
    w.para(_("Dialogue sheet"), style="Subtitle")
    w.heading(tool.title(lang), 0, field="tool.title")
    if session is not None:
        _session_head(session, names, w)
    else:
        for label in (_("Organisation"), _("Date"), _("Participants")):
            w.labelled(label, "_" * 40)
    w.para(
        _("Write the answers in the boxes. The hints in italics are for the facilitator."),
        style="Hint",
    )
    for theme, indices in _themes(tool):
        w.heading(theme, 1)
        for index in indices:
            question = tool.questions[index]
            w.para(
                question.text(lang),
                bold=True,
                field=f"questions[{index}].text",
                keep_with_next=True,
            )
            hint = question.hint(lang)
            if hint:
                w.para(hint, style="Hint", field=f"questions[{index}].hint", keep_with_next=True)
            w.writing_space(5)
    _names_note(w, names)
    return f"{_('Dialogue sheet')}: {tool.title(lang)}"


def _comparison(comparison: DialogueComparison, names: Names, w: Writer) -> None:
    lang = current_lang()
    w.heading(
        _(
            "Side by side: our contribution and {partner}'s perspective",
            partner=names.org(comparison.partner_id),
        ),
        1,
    )
    for topic in comparison.topics:
        w.heading(topic.topic.label(lang), 2)
        w.para(topic.status.label(lang), style="Hint")
        own = "\n\n".join(a.answer.text for a in topic.own if a.answer.text) or "—"
        partner = "\n\n".join(a.answer.text for a in topic.partner if a.answer.text) or "—"
        w.table(
            [_("Our contribution"), _("The partner's perspective")],
            [[own, partner]],
            field=f"comparison.{topic.topic.value}",
            widths_cm=[w.width_cm / 2, w.width_cm / 2],
        )


def dialogue_record(session: DialogueSession, names: Names, w: Writer) -> str:
    """What was said in a session, question by question, with the comparison of the two
    perspectives when the plan holds both."""
    lang = current_lang()
    tool = _tool_of(session, names.plan)
    title = tool.title(lang) if tool else session.tool_id
    w.para(_("Record of a dialogue session"), style="Subtitle")
    w.heading(title, 0, field="tool.title")
    _session_head(session, names, w)
    if tool is None:
        for index, given in enumerate(session.answers):
            w.para(given.question_id, bold=True)
            w.para(given.text, field=f"answers[{index}].text")
    else:
        for theme, indices in _themes(tool):
            w.heading(theme, 1)
            for index in indices:
                question = tool.questions[index]
                w.para(question.text(lang), bold=True, field=f"questions[{index}].text")
                answer = session.answer(question.id)
                if answer is not None and answer.text.strip():
                    w.para(answer.text, field=f"answers[{question.id}].text")
                    if answer.agreed:
                        w.para(_("Everyone present agreed."), style="Hint")
                else:
                    w.para(_("Not answered."), style="Hint")
    if session.follow_ups:
        w.heading(_("Follow-ups"), 1)
        w.bullets(session.follow_ups, field="follow_ups")
    comparison = _comparison_for(session, names.plan)
    if comparison is not None:
        _comparison(comparison, names, w)
    _names_note(w, names)
    return f"{_('Record of a dialogue session')}: {title}"


def _tool_of(session: DialogueSession, plan: Plan | None) -> DialogueTool | None:
    try:
        return tool_for(session, plan if plan is not None else dialogue_tools())
    except Exception:  # an unknown tool: the answers are listed by id
        return None


def _comparison_for(session: DialogueSession, plan: Plan | None) -> DialogueComparison | None:
    if plan is None:
        return None
    partner = session.about_organisation_id
    try:
        if partner is not None:
            return compare_in_plan(plan, partner, organisation_id=session.organisation_id)
    except Exception:  # no session of the other kind: nothing to compare
        return None
    return None


# -- value game -------------------------------------------------------------------------------

CARDS_PER_ROW = 2


def value_cards(game: ValueGame, names: Names, w: Writer) -> str:
    """The game's value pieces as cards to cut out: 2 × 4 on each A4 page."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
    from docx.shared import Cm

    lang = current_lang()
    pieces = game.pieces
    rows = (len(pieces) + CARDS_PER_ROW - 1) // CARDS_PER_ROW
    if not pieces:
        w.para(_("The game has no value pieces."))
        return f"{_('Value cards')}: {game.title}"
    table = w.doc.add_table(rows=rows, cols=CARDS_PER_ROW)
    table.style = w._style("Table Grid", "") or None
    set_widths(table, [w.width_cm / CARDS_PER_ROW] * CARDS_PER_ROW)
    for r, row in enumerate(table.rows):
        row.height = Cm(CARD_HEIGHT_CM)
        row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
        _cant_split(row)
        for c, cell in enumerate(row.cells):
            index = r * CARDS_PER_ROW + c
            if index >= len(pieces):
                continue
            piece = pieces[index]
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            category = cell.paragraphs[0]
            category.style = w._style("Card Category")
            w._run(category, piece.category.label(None), f"pieces[{index}].category")
            value = cell.add_paragraph(style=w._style("Card Value"))
            w._run(value, piece.label(lang), f"pieces[{index}].label")
            text = cell.add_paragraph(style=w._style("Card Text"))
            w._run(text, _(CARD_EXPLANATIONS[piece.category]), "explanation")
    return f"{_('Value cards')}: {game.title}"


CARD_HEIGHT_CM = 6.2


def _cant_split(row: object) -> None:
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    tr_pr.append(OxmlElement("w:cantSplit"))


def value_matrix_document(
    game: ValueGame, names: Names, w: Writer, *, new_page: bool = False
) -> str:
    """Which organisation gains which value, and how strongly (1-3)."""
    lang = current_lang()
    matrix = value_matrix(game)
    heading = w.heading(_("Partner × value"), 1)
    # A break *before* the heading, not a break paragraph after the cards: a full last page
    # of cards would otherwise be followed by an empty one.
    heading.paragraph_format.page_break_before = new_page
    if not matrix.organisation_ids:
        w.para(_("No organisation has placed a piece yet."))
        return f"{_('Value game')}: {game.title}"
    orgs = [names.org(o) for o in matrix.organisation_ids]
    w.para(_("The columns are the organisations:"), keep_with_next=True)
    for number, org in enumerate(orgs, 1):
        w.para(f"{number}. {org}", style="Small", field="organisation", keep_with_next=True)
    rows = []
    for piece in matrix.pieces:
        cells = [str(matrix.strength(o, piece.id) or "") for o in matrix.organisation_ids]
        rows.append([piece.label(lang), *cells])
    column = min(1.2, (w.width_cm - 6.0) / len(orgs))
    w.table(
        [_("Value"), *(str(n) for n in range(1, len(orgs) + 1))],
        rows,
        field="matrix",
        widths_cm=[w.width_cm - column * len(orgs), *([column] * len(orgs))],
    )
    w.para(_("1 = a little, 2 = some, 3 = much."), style="Hint")
    return f"{_('Value game')}: {game.title}"


def value_game(game: ValueGame, names: Names, w: Writer, *, cards: bool, matrix: bool) -> str:
    """Cards, the matrix, or both (cards first, the matrix on a page of its own)."""
    w.para(_("Value game"), style="Subtitle")
    w.heading(game.title, 0, field="title")
    title = f"{_('Value game')}: {game.title}"
    if cards:
        title = value_cards(game, names, w)
    if matrix:
        value_matrix_document(game, names, w, new_page=cards)
    _names_note(w, names)
    return title


# -- workshops and groups ---------------------------------------------------------------------


def workshop_document(workshop: Workshop, names: Names, w: Writer) -> str:
    """The programme of a workshop, with room for notes."""
    current_lang()
    w.para(_("Workshop programme"), style="Subtitle")
    w.heading(workshop.title, 0, field="title")
    pairs = [
        (_("Date"), _date(workshop.date)),
        (_("Kind"), workshop.kind.label(None)),
    ]
    if workshop.place:
        pairs.append((_("Place"), workshop.place))
    if workshop.facilitator:
        pairs.append((_("Facilitator"), workshop.facilitator))
    if workshop.participant_ids:
        pairs.append((_("Participants"), names.contacts(workshop.participant_ids)))
    _fields(w, pairs)
    w.heading(_("Programme"), 1)
    rows = []
    for item in workshop.agenda:
        when = format_time(item.start) if item.start is not None else ""
        length = (
            ngettext("{n} minute", "{n} minutes", item.minutes, n=item.minutes)
            if item.minutes is not None
            else ""
        )
        what = item.title
        if item.tool is not None:
            what = f"{what} ({item.tool.label(None)})"
        if item.description:
            what = f"{what}\n{item.description}"
        rows.append([when, length, what])
    if rows:
        w.table(
            [_("Time"), _("Length"), _("What")],
            rows,
            field="agenda",
            widths_cm=[2.0, 3.0, w.width_cm - 5.0],
        )
        finish = finish_text(workshop.agenda)
        if finish is not None:
            w.para(f"{finish}.", style="Hint")
    else:
        w.para(_("The programme is not planned yet."))
    if workshop.notes:
        w.heading(_("Notes"), 1)
        w.bullets(workshop.notes, field="notes")
    else:
        w.heading(_("Notes"), 1)
        w.writing_space(8)
    _names_note(w, names)
    return f"{_('Workshop programme')}: {workshop.title}"


def group_document(group: Group, names: Names, w: Writer) -> str:
    """A group: its members and ambitions, the agenda of its next meeting and the minutes
    of its meetings, with decisions and follow-ups."""
    current_lang()
    w.para(group.kind.label(None), style="Subtitle")
    w.heading(group.name, 0, field="name")
    if group.mandate:
        w.labelled(_("Mandate"), group.mandate, field="mandate")
    if group.members:
        w.heading(_("Members"), 1)
        rows = [
            [names.contact(m.contact_id), names.org(m.organisation_id), m.role.label(None)]
            for m in group.members
        ]
        w.table([_("Name"), _("Organisation"), _("Role")], rows, field="members")
    if group.ambitions:
        w.heading(_("Ambitions"), 1)
        w.bullets(group.ambitions, field="ambitions")
    meetings = sorted(group.meetings, key=lambda m: m.date)
    for index, meeting in enumerate(meetings):
        has_minutes = bool(meeting.minutes.strip() or meeting.decisions)
        heading = _("Minutes of {day}") if has_minutes else _("Agenda for {day}")
        w.heading(heading.format(day=_date(meeting.date)), 1)
        if meeting.agenda:
            w.heading(_("Agenda"), 2)
            w.bullets(meeting.agenda, field=f"meetings[{index}].agenda")
        if meeting.minutes.strip():
            w.heading(_("Meeting minutes"), 2)
            w.para(meeting.minutes, field=f"meetings[{index}].minutes")
        if meeting.decisions:
            w.heading(_("Decisions"), 2)
            w.bullets(meeting.decisions, field=f"meetings[{index}].decisions")
        if not has_minutes:
            w.heading(_("Meeting minutes"), 2)
            w.writing_space(8)
    if not meetings:
        w.para(_("The group has not met yet."))
    _names_note(w, names)
    return f"{group.kind.label(None)}: {group.name}"


# -- mapping and status -----------------------------------------------------------------------


def _map_picture(obj: Plan | Mapping, plan: Plan | None, w: Writer) -> None:
    from cfbu_toolkit.formats.picture import render
    from cfbu_toolkit.plugins.types import ExportContext

    png = render(obj, "png", ExportContext(lang=current_lang(), plan=plan))
    w.picture(png)


def mapping_document(mapping: Mapping, names: Names, w: Writer) -> str:
    """The partner map: the picture and the organisations of each quadrant."""
    current_lang()
    w.para(_("Partner map"), style="Subtitle")
    w.heading(mapping.title, 0, field="title")
    _map_picture(mapping, names.plan, w)
    for q, entries in quadrants(mapping).items():
        if not entries:
            continue
        w.heading(f"{q.label(None)} ({len(entries)})", 2)
        w.bullets([names.org(e.organisation_id) for e in entries], field=q.value)
    rest = unplaced(mapping)
    if rest:
        w.heading(_("Not placed"), 2)
        w.bullets([names.org(e.organisation_id) for e in rest], field="unplaced")
    _names_note(w, names)
    return f"{_('Partner map')}: {mapping.title}"


def _changes(plan: Plan, since: dt.date, names: Names) -> list[str]:
    lang = current_lang()
    lines: list[str] = []
    for mapping in plan.mappings:
        for entry in mapping.entries:
            history = entry.assessments
            latest = history[-1]
            if latest.date < since:
                continue
            before = [a for a in history if a.date < since]
            org = names.org(entry.organisation_id)
            status = latest.status.label(None)
            if before and before[-1].status is not latest.status:
                lines.append(
                    _(
                        "{org}: from “{old}” to “{new}” ({day})",
                        org=org,
                        old=before[-1].status.label(None),
                        new=status,
                        day=_date(latest.date),
                    )
                )
            elif not before:
                lines.append(
                    _(
                        "{org}: mapped as “{new}” ({day})",
                        org=org,
                        new=status,
                        day=_date(latest.date),
                    )
                )
    for agreement in plan.collaboration_agreements:
        signed = [p.signed_on for p in agreement.parties if p.signed_on is not None]
        if signed and max(signed) >= since:
            lines.append(
                _("“{title}” signed ({day})", title=agreement.title, day=_date(max(signed)))
            )
    for activity in plan.activity_agreements:
        if activity.signed_on is not None and activity.signed_on >= since:
            lines.append(
                _(
                    "“{title}” signed ({day})",
                    title=activity.activity,
                    day=_date(activity.signed_on),
                )
            )
    for session in plan.dialogue_sessions:
        if session.date is not None and session.date >= since:
            tool = _tool_of(session, plan)
            about = session.about_organisation_id or session.organisation_id
            lines.append(
                _(
                    "Dialogue “{tool}” about {org} ({day})",
                    tool=tool.title(lang) if tool else session.tool_id,
                    org=names.org(about),
                    day=_date(session.date),
                )
            )
    for group in plan.groups:
        for decision in decisions(group, since=since):
            lines.append(
                _(
                    "{group} decided: {text} ({day})",
                    group=group.name,
                    text=decision.text,
                    day=_date(decision.date),
                )
            )
    return lines


def status_document(plan: Plan, names: Names, w: Writer, *, today: dt.date, since: dt.date) -> str:
    """Status til styregruppen: changes, follow-ups, agreements, the funnel, the map."""
    lang = current_lang()
    w.para(_("Status for the steering group"), style="Subtitle")
    w.heading(plan.name, 0, field="name")
    _fields(w, [(_("Date"), _date(today)), (_("Changes since"), _date(since))])

    w.heading(_("What has changed"), 1)
    changes = _changes(plan, since, names)
    if changes:
        w.bullets(changes, field="changes")
    else:
        w.para(_("Nothing has changed since {day}.", day=_date(since)))

    w.heading(_("Follow-ups due"), 1)
    due = follow_ups_due(plan, today)
    if due:
        rows = [
            [
                _date(f.due),
                names.org(f.organisation_id),
                f.what,
                names.contact(f.responsible_id),
            ]
            for f in due
        ]
        w.table(
            [_("Due"), _("Organisation"), _("What"), _("Responsible")],
            rows,
            field="follow_ups",
            widths_cm=[3.0, 4.5, w.width_cm - 11.0, 3.5],
        )
    else:
        w.para(_("No follow-ups are due."))

    w.heading(_("Agreements"), 1)
    expiring = agreements_expiring(plan, today, 120)
    w.heading(_("Expiring within four months"), 2)
    if expiring:
        rows = [
            [
                a.title,
                _date(a.end),
                _date(a.notice_by) if a.notice_by is not None else "—",
            ]
            for a in expiring
        ]
        w.table([_("Agreement"), _("Ends"), _("Notice by")], rows, field="expiring")
    else:
        w.para(_("No agreement expires within four months."))
    w.heading(_("Waiting for a signature"), 2)
    waiting = [(a.title, a) for a in plan.collaboration_agreements if a.status in UNSIGNED] + [
        (a.activity, a) for a in plan.activity_agreements if a.status in UNSIGNED
    ]
    if waiting:
        for title, agreement in waiting:
            lines = missing(readiness(agreement, plan=plan), agreement, names.org)
            w.para(f"{title} ({agreement.status.label(None)})", bold=True, field="agreement")
            if lines:
                w.bullets(lines, field="readiness")
            else:
                w.para(_("Ready to be signed."), style="Hint")
    else:
        w.para(_("No agreement is waiting for a signature."))

    w.heading(_("The collaboration funnel"), 1)
    stages = funnel(plan)
    rows = [[s.label(lang), str(s.current), str(s.reached)] for s in stages.stages]
    rows.append([_("Paused"), str(stages.paused), ""])
    rows.append([_("Ended"), str(stages.ended), ""])
    rows.append([_("Deselected"), str(stages.deselected), ""])
    w.table([_("Stage"), _("Now"), _("Ever reached")], rows, field="funnel")

    w.heading(_("Partner map"), 1)
    _map_picture(plan, plan, w)
    return f"{_('Status for the steering group')}: {plan.name}"


Document = Literal[
    "status", "agreement", "record", "blank_sheet", "cards", "matrix", "workshop", "group", "map"
]
