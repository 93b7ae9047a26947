"""The two agreements as documents ready to sign.

Sections are numbered in their order. A section whose key is one the exporter fills
itself (``parties``, ``signatures``, and for an activity agreement ``volunteer_commitments``,
``housing_commitments`` and ``rules``) gets that content under its own heading and text;
content whose section is missing comes in its usual place, unnumbered. A section that still
carries its catalogue template's heading is headed in the document's language.

An agreement not yet signed (a draft, or one to be approved) opens with the readiness
checklist: what is still missing before it can be signed, then what is in place; an empty
section shows the catalogue's guidance for it, to be written over. A signed agreement
prints no template version and no placeholder, and leaves out optional sections that were
left empty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from ...catalog import AgreementKind, SectionTemplate, section_templates
from ...locale import N_, _
from ...model import ActivityAgreement, AgreementSection, CollaborationAgreement, Lang, Plan
from . import fmt
from .context import Ctx
from .escape import Md, inline
from .views import UNSIGNED, readiness_checklist
from .writer import Doc, bold

__all__ = ["activity_agreement", "collaboration_agreement"]

Slot = Callable[[Doc, int], None]
"""Writes a block of content; the argument is the heading level for sub-headings."""

_BLANK = "_" * 32


def _blank_line(label: str) -> Md:
    # Underscores after text are neither emphasis nor a thematic break: a line to write on.
    return Md(f"{inline(label + ':')} {_BLANK}")


def _indsats_title(plan: Plan | None, indsats_id: str | None) -> str:
    if indsats_id is None:
        return ""
    if plan is not None:
        for indsats in plan.indsatser:
            if indsats.id == indsats_id:
                return indsats.title
    return indsats_id


def section_heading(kind: AgreementKind, section: AgreementSection, lang: Lang) -> str:
    """The section's heading in ``lang`` when it is its catalogue template's heading (in
    either language); a heading of the agreement's own stays as it was written."""
    for template in section_templates(kind):
        if template.key == section.key:
            if section.heading in (template.heading_da, template.heading_en):
                return template.heading(lang)
            break
    return section.heading


def _template(kind: AgreementKind, key: str) -> SectionTemplate | None:
    for template in section_templates(kind):
        if template.key == key:
            return template
    return None


def _guidance(text: str) -> Md:
    """The catalogue's guidance for an empty section, in italics, to be written over."""
    return Md(f"*{inline(_(_W_GUIDANCE_TEXT, text=text), start=False)}*")


def _sections(
    doc: Doc,
    kind: AgreementKind,
    sections: Sequence[AgreementSection],
    slots: dict[str, Slot],
    ctx: Ctx,
    *,
    draft: bool,
) -> set[str]:
    """Write the numbered sections; returns the slot keys they used.

    In a ``draft`` an empty section shows the catalogue's guidance (or, for a section of
    the agreement's own, a line to write over); otherwise an empty optional section is left
    out and nothing stands in for a missing text.
    """
    used: set[str] = set()
    number = 0
    for section in sections:
        slot = slots.get(section.key.lower())
        empty = not section.text.strip()
        if empty and slot is None and not draft and not section.required:
            continue
        number += 1
        doc.heading(ctx.h(1), f"{number}. {section_heading(kind, section, ctx.lang)}")
        if not empty:
            doc.paragraphs(section.text)
        elif slot is None and draft:
            template = _template(kind, section.key.lower())
            if template is not None:
                doc.para(_guidance(template.guidance(ctx.lang)))
            else:
                doc.para(Md(f"*{inline(_(_EMPTY_SECTION))}*"))
        if slot is not None:
            slot(doc, ctx.h(2))
            used.add(section.key.lower())
    return used


_EMPTY_SECTION = N_("[Not filled in – write the text of the section here]")


def _signature_block(doc: Doc, ctx: Ctx, who: str, name: str, signed_on: dt.date | None) -> None:
    lines: list[str] = [bold(who)]
    if signed_on is not None:
        day = fmt.date(signed_on, ctx.lang)
        lines.append(inline(f"{_(_W_SIGNED_ON)}: {day}"))
        lines.append(inline(f"{_(_W_NAME)}: {name}") if name else _blank_line(_("Name")))
    else:
        lines.append(_blank_line(_("Date")))
        lines.append(_blank_line(_("Signature")))
        lines.append(inline(f"{_(_W_NAME)}: {name}") if name else _blank_line(_("Name")))
    for line in lines:
        doc.para(Md(line))


# -- samarbejdsaftale -------------------------------------------------------------------------


def collaboration_agreement(doc: Doc, agreement: CollaborationAgreement, ctx: Ctx) -> None:
    """Write a collaboration agreement as a document a person can read and sign."""
    names = ctx.names
    doc.heading(ctx.h(0), ctx.titled("collaboration_agreement", agreement.title))
    fields = [
        (_("Status"), ctx.label(agreement.status)),
        (_("Form of collaboration"), ctx.label(agreement.degree)),
    ]
    indsats = _indsats_title(names.plan, agreement.indsats_id)
    if indsats:
        fields.append((_("Effort"), indsats))
    fields.append((_("Period"), fmt.period(agreement.period, ctx.lang)))
    fields.append((_("Notice period"), fmt.days_notice(agreement.notice_days, ctx.lang)))
    draft = agreement.status in UNSIGNED
    if agreement.template_version and draft:
        fields.append((_("Template version"), agreement.template_version))
    doc.fields(fields)
    readiness_checklist(doc, agreement, ctx)

    def parties(doc: Doc, level: int) -> None:
        if not agreement.parties:
            doc.para(Md(f"*{inline(_(_W_NO_PARTIES_GIVEN_YET))}*"))
            return
        items = []
        for party in agreement.parties:
            org = names.organisation(party.organisation_id)
            head = bold(names.org(party.organisation_id))
            if org is not None:
                head = Md(f"{head} ({inline(ctx.label(org.sector))})")
            parts = [head]
            if party.contact_id:
                contact = names.contact_line(party.contact_id)
                parts.append(inline(f"{_(_W_CONTACT_PERSON)}: {contact}"))
            if party.signatory_id:
                signatory = names.contact(party.signatory_id)
                parts.append(inline(f"{_(_W_SIGNATORY)}: {signatory}"))
            items.append(Md("<br>".join(parts)))
        doc.numbered(items)

    def signatures(doc: Doc, level: int) -> None:
        for party in agreement.parties:
            _signature_block(
                doc,
                ctx,
                f"{_(_W_FOR)} {names.org(party.organisation_id)}",
                names.contact(party.signatory_id),
                party.signed_on,
            )

    slots: dict[str, Slot] = {"parties": parties, "signatures": signatures}
    if "parties" not in {s.key.lower() for s in agreement.sections}:
        doc.heading(ctx.h(1), _("Parties"))
        parties(doc, ctx.h(2))
    used = _sections(doc, "collaboration_agreement", agreement.sections, slots, ctx, draft=draft)
    if "signatures" not in used:
        doc.heading(ctx.h(1), _("Signatures"))
        signatures(doc, ctx.h(2))


# -- aktivitetsaftale -------------------------------------------------------------------------


def activity_agreement(doc: Doc, agreement: ActivityAgreement, ctx: Ctx) -> None:
    """Write an activity agreement with volunteers, with its own checklist."""
    names = ctx.names
    doc.heading(ctx.h(0), ctx.titled("activity_agreement", agreement.activity))
    fields = [(_("Status"), ctx.label(agreement.status))]
    indsats = _indsats_title(names.plan, agreement.indsats_id)
    if indsats:
        fields.append((_("Effort"), indsats))
    if agreement.place:
        fields.append((_("Place"), agreement.place))
    if agreement.schedule:
        fields.append((_("When and how often"), agreement.schedule))
    fields.append((_("Period"), fmt.period(agreement.period, ctx.lang)))
    if agreement.review_on is not None:
        fields.append((_("Review"), fmt.date(agreement.review_on, ctx.lang)))
    fields.append((_("Notice period"), fmt.days_notice(agreement.notice_days, ctx.lang)))
    draft = agreement.status in UNSIGNED
    if agreement.template_version and draft:
        fields.append((_("Template version"), agreement.template_version))
    doc.fields(fields)
    readiness_checklist(doc, agreement, ctx)

    volunteer_name = names.contact(agreement.volunteer_contact_id)
    volunteer_org = names.org(agreement.volunteer_organisation_id)

    def parties(doc: Doc, level: int) -> None:
        pairs = []
        if agreement.volunteer_contact_id:
            pairs.append((_("Volunteer"), names.contact_line(agreement.volunteer_contact_id)))
        if agreement.volunteer_organisation_id:
            pairs.append((_("Volunteer association/group"), volunteer_org))
        if agreement.housing_contact_id:
            pairs.append(
                (
                    _("Housing-social contact person"),
                    names.contact_line(agreement.housing_contact_id),
                )
            )
        if pairs:
            doc.fields(pairs)
        else:
            doc.para(Md(f"*{inline(_(_W_NO_PARTIES_GIVEN_YET))}*"))

    def commitments(items: tuple[str, ...]) -> Slot:
        def write(doc: Doc, level: int) -> None:
            if items:
                doc.bullets(items)
            elif draft:
                doc.para(_guidance(_("Write what is expected, one point per line.")))
            else:
                doc.para(_("None."))

        return write

    def rules(doc: Doc, level: int) -> None:
        confidentiality = _("Agreed") if agreement.confidentiality_agreed else _("Not agreed")
        if not agreement.child_certificate_required:
            certificate = _("Not required")
        elif agreement.child_certificate_obtained_on is None:
            certificate = _("Required – not obtained yet")
        else:
            day = fmt.date(agreement.child_certificate_obtained_on, ctx.lang)
            certificate = f"{_(_W_REQUIRED_OBTAINED)} {day}"
        doc.fields(
            [
                (_("Confidentiality declaration"), confidentiality),
                (_("Child certificate (børneattest)"), certificate),
            ]
        )

    def signatures(doc: Doc, level: int) -> None:
        volunteer = volunteer_org if agreement.volunteer_organisation_id else ""
        who = f"{_(_W_VOLUNTEER)}" + (f" ({volunteer})" if volunteer else "")
        _signature_block(doc, ctx, who, volunteer_name, agreement.signed_on)
        _signature_block(
            doc,
            ctx,
            _("The housing-social effort"),
            names.contact(agreement.housing_contact_id),
            agreement.signed_on,
        )

    slots: dict[str, Slot] = {
        "parties": parties,
        "volunteer_commitments": commitments(agreement.volunteer_commitments),
        "housing_commitments": commitments(agreement.housing_commitments),
        "rules": rules,
        "signatures": signatures,
    }
    keys = {s.key.lower() for s in agreement.sections}
    if "parties" not in keys:
        doc.heading(ctx.h(1), _("Parties"))
        parties(doc, ctx.h(2))
    for key, title in _COMMITMENTS:
        if key not in keys:
            doc.heading(ctx.h(1), _(title))
            slots[key](doc, ctx.h(2))
    if "rules" not in keys:
        doc.heading(ctx.h(1), _("Confidentiality and child certificate"))
        rules(doc, ctx.h(2))
    used = _sections(doc, "activity_agreement", agreement.sections, slots, ctx, draft=draft)
    if "signatures" not in used:
        doc.heading(ctx.h(1), _("Signatures"))
        signatures(doc, ctx.h(2))


_COMMITMENTS = (
    ("volunteer_commitments", N_("What the volunteer is expected to do")),
    ("housing_commitments", N_("What the housing-social effort provides")),
)


# Words used inside f-strings, marked here so the catalogue's extraction finds them.
_W_GUIDANCE_TEXT = N_("Guidance: {text}")
_W_SIGNED_ON = N_("Signed on")
_W_NAME = N_("Name")
_W_NO_PARTIES_GIVEN_YET = N_("No parties given yet.")
_W_CONTACT_PERSON = N_("Contact person")
_W_SIGNATORY = N_("Signatory")
_W_FOR = N_("For")
_W_REQUIRED_OBTAINED = N_("Required – obtained")
_W_VOLUNTEER = N_("Volunteer")
