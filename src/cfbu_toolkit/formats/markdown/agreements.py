"""The two agreements as documents ready to sign.

Sections are numbered in their order. A section whose key is one the exporter fills
itself (``parties``, ``signatures``, and for an activity agreement ``volunteer_commitments``,
``housing_commitments`` and ``rules``) gets that content under its own heading and text;
content whose section is missing comes in its usual place, unnumbered. A section that still
carries its catalogue template's heading is headed in the document's language.

An agreement not yet signed (a draft, or one to be approved) opens with the readiness
checklist: what holds, and what still stands between it and a signature.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from ...catalog import AgreementKind, section_templates
from ...model import ActivityAgreement, AgreementSection, CollaborationAgreement, Lang, Plan
from . import fmt
from .context import Ctx
from .escape import Md, inline
from .views import readiness_checklist
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


def _sections(
    doc: Doc,
    kind: AgreementKind,
    sections: Sequence[AgreementSection],
    slots: dict[str, Slot],
    ctx: Ctx,
) -> set[str]:
    """Write the numbered sections; returns the slot keys they used."""
    used: set[str] = set()
    for number, section in enumerate(sections, 1):
        doc.heading(ctx.h(1), f"{number}. {section_heading(kind, section, ctx.lang)}")
        slot = slots.get(section.key.lower())
        if section.text.strip():
            doc.paragraphs(section.text)
        elif slot is None:
            doc.para(Md(f"*{inline(ctx.w('empty_section'))}*"))
        if slot is not None:
            slot(doc, ctx.h(2))
            used.add(section.key.lower())
    return used


def _signature_block(doc: Doc, ctx: Ctx, who: str, name: str, signed_on: dt.date | None) -> None:
    lines: list[str] = [bold(who)]
    if signed_on is not None:
        day = fmt.date(signed_on, ctx.lang)
        lines.append(inline(f"{ctx.w('signed_on')}: {day}"))
        lines.append(inline(f"{ctx.w('name')}: {name}") if name else _blank_line(ctx.w("name")))
    else:
        lines.append(_blank_line(ctx.w("date")))
        lines.append(_blank_line(ctx.w("signature")))
        lines.append(inline(f"{ctx.w('name')}: {name}") if name else _blank_line(ctx.w("name")))
    for line in lines:
        doc.para(Md(line))


# -- samarbejdsaftale -------------------------------------------------------------------------


def collaboration_agreement(doc: Doc, agreement: CollaborationAgreement, ctx: Ctx) -> None:
    names = ctx.names
    doc.heading(ctx.h(0), ctx.titled("collaboration_agreement", agreement.title))
    fields = [
        (ctx.w("status"), ctx.label(agreement.status)),
        (ctx.w("degree"), ctx.label(agreement.degree)),
    ]
    indsats = _indsats_title(names.plan, agreement.indsats_id)
    if indsats:
        fields.append((ctx.w("indsats"), indsats))
    fields.append((ctx.w("period"), fmt.period(agreement.period, ctx.lang)))
    fields.append((ctx.w("notice"), fmt.days_notice(agreement.notice_days, ctx.lang)))
    if agreement.template_version:
        fields.append((ctx.w("template_version"), agreement.template_version))
    doc.fields(fields)
    readiness_checklist(doc, agreement, ctx)

    def parties(doc: Doc, level: int) -> None:
        if not agreement.parties:
            doc.para(Md(f"*{inline(ctx.w('no_parties'))}*"))
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
                parts.append(inline(f"{ctx.w('contact_person')}: {contact}"))
            if party.signatory_id:
                signatory = names.contact(party.signatory_id)
                parts.append(inline(f"{ctx.w('signatory')}: {signatory}"))
            items.append(Md("<br>".join(parts)))
        doc.numbered(items)

    def signatures(doc: Doc, level: int) -> None:
        for party in agreement.parties:
            _signature_block(
                doc,
                ctx,
                f"{ctx.w('for')} {names.org(party.organisation_id)}",
                names.contact(party.signatory_id),
                party.signed_on,
            )

    slots: dict[str, Slot] = {"parties": parties, "signatures": signatures}
    if "parties" not in {s.key.lower() for s in agreement.sections}:
        doc.heading(ctx.h(1), ctx.w("parties"))
        parties(doc, ctx.h(2))
    used = _sections(doc, "collaboration_agreement", agreement.sections, slots, ctx)
    if "signatures" not in used:
        doc.heading(ctx.h(1), ctx.w("signatures"))
        signatures(doc, ctx.h(2))


# -- aktivitetsaftale -------------------------------------------------------------------------


def activity_agreement(doc: Doc, agreement: ActivityAgreement, ctx: Ctx) -> None:
    names = ctx.names
    doc.heading(ctx.h(0), ctx.titled("activity_agreement", agreement.activity))
    fields = [(ctx.w("status"), ctx.label(agreement.status))]
    indsats = _indsats_title(names.plan, agreement.indsats_id)
    if indsats:
        fields.append((ctx.w("indsats"), indsats))
    if agreement.place:
        fields.append((ctx.w("place"), agreement.place))
    if agreement.schedule:
        fields.append((ctx.w("schedule"), agreement.schedule))
    fields.append((ctx.w("period"), fmt.period(agreement.period, ctx.lang)))
    if agreement.review_on is not None:
        fields.append((ctx.w("review_on"), fmt.date(agreement.review_on, ctx.lang)))
    fields.append((ctx.w("notice"), fmt.days_notice(agreement.notice_days, ctx.lang)))
    if agreement.template_version:
        fields.append((ctx.w("template_version"), agreement.template_version))
    doc.fields(fields)
    readiness_checklist(doc, agreement, ctx)

    volunteer_name = names.contact(agreement.volunteer_contact_id)
    volunteer_org = names.org(agreement.volunteer_organisation_id)

    def parties(doc: Doc, level: int) -> None:
        pairs = []
        if agreement.volunteer_contact_id:
            pairs.append((ctx.w("volunteer"), names.contact_line(agreement.volunteer_contact_id)))
        if agreement.volunteer_organisation_id:
            pairs.append((ctx.w("volunteer_organisation"), volunteer_org))
        if agreement.housing_contact_id:
            pairs.append(
                (ctx.w("housing_contact"), names.contact_line(agreement.housing_contact_id))
            )
        if pairs:
            doc.fields(pairs)
        else:
            doc.para(Md(f"*{inline(ctx.w('no_parties'))}*"))

    def commitments(items: tuple[str, ...]) -> Slot:
        def write(doc: Doc, level: int) -> None:
            if items:
                doc.bullets(items)
            else:
                doc.para(Md(f"*{inline(ctx.w('no_commitments'))}*"))

        return write

    def rules(doc: Doc, level: int) -> None:
        confidentiality = ctx.w(
            "confidentiality_yes" if agreement.confidentiality_agreed else "confidentiality_no"
        )
        if not agreement.child_certificate_required:
            certificate = ctx.w("child_certificate_not_required")
        elif agreement.child_certificate_obtained_on is None:
            certificate = ctx.w("child_certificate_missing")
        else:
            day = fmt.date(agreement.child_certificate_obtained_on, ctx.lang)
            certificate = f"{ctx.w('child_certificate_obtained')} {day}"
        doc.fields(
            [
                (ctx.w("confidentiality"), confidentiality),
                (ctx.w("child_certificate"), certificate),
            ]
        )

    def signatures(doc: Doc, level: int) -> None:
        volunteer = volunteer_org if agreement.volunteer_organisation_id else ""
        who = f"{ctx.w('volunteer')}" + (f" ({volunteer})" if volunteer else "")
        _signature_block(doc, ctx, who, volunteer_name, agreement.signed_on)
        _signature_block(
            doc,
            ctx,
            ctx.w("housing_side"),
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
        doc.heading(ctx.h(1), ctx.w("parties"))
        parties(doc, ctx.h(2))
    for key in ("volunteer_commitments", "housing_commitments"):
        if key not in keys:
            doc.heading(ctx.h(1), ctx.w(key))
            slots[key](doc, ctx.h(2))
    if "rules" not in keys:
        doc.heading(ctx.h(1), ctx.w("rules"))
        rules(doc, ctx.h(2))
    used = _sections(doc, "activity_agreement", agreement.sections, slots, ctx)
    if "signatures" not in used:
        doc.heading(ctx.h(1), ctx.w("signatures"))
        signatures(doc, ctx.h(2))
