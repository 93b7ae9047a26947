"""A whole plan: an overview, then every mapping, session, agreement and game, with a table
of contents linking to each.

After the dialogue sessions come the comparisons of what the housing-social side says about
itself with what it recorded about each partner; each workshop shows its programme."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ...locale import N_, _
from ...model import Plan
from ...workflows.dialogue import DialogueComparison
from . import fmt
from .agreements import activity_agreement, collaboration_agreement
from .context import Ctx
from .dialogue import dialogue_session, session_title
from .mapping import mapping
from .values import value_game
from .views import comparison, dialogue_comparisons, programme
from .writer import Doc

__all__ = ["plan"]

Render = Callable[[Doc, Any, Ctx], None]


def _parts(
    subject: Plan, ctx: Ctx
) -> list[tuple[str, str, Sequence[Any], Render, Callable[[Any], str]]]:
    """``(anchor, heading word, objects, renderer, title of one)`` for each kind of part."""
    return [
        (
            "mappings",
            _("Mappings"),
            subject.mappings,
            mapping,
            lambda m: ctx.titled("mapping", m.title),
        ),
        (
            "dialogue-sessions",
            _("Dialogue sessions"),
            subject.dialogue_sessions,
            dialogue_session,
            lambda s: session_title(s, ctx),
        ),
        (
            "collaboration-agreements",
            _("Collaboration agreements"),
            subject.collaboration_agreements,
            collaboration_agreement,
            lambda a: ctx.titled("collaboration_agreement", a.title),
        ),
        (
            "activity-agreements",
            _("Activity agreements"),
            subject.activity_agreements,
            activity_agreement,
            lambda a: ctx.titled("activity_agreement", a.activity),
        ),
        (
            "value-games",
            _("Value games"),
            subject.value_games,
            value_game,
            lambda g: ctx.titled("value_game", g.title),
        ),
    ]


def plan(doc: Doc, subject: Plan, ctx: Ctx) -> None:
    """Write the whole plan: its contents first, then every part under it."""
    doc.heading(ctx.h(0), subject.name)
    parts = _parts(subject, ctx)
    compared = dialogue_comparisons(subject)
    compared_toc = [
        (1, f"{_(_W_PERSPECTIVES_COMPARED)}: {ctx.names.org(c.partner_id)}", _comparison_anchor(c))
        for c in compared
    ]

    # the table of contents
    toc: list[tuple[int, str, str]] = [(0, _("Overview"), "overview")]
    if subject.organisations:
        toc.append((0, _("Organisations"), "organisations"))
    if subject.indsatser:
        toc.append((0, _("Efforts"), "indsatser"))
    if subject.groups:
        toc.append((0, _("Groups"), "groups"))
    for anchor, heading, objects, _render, title in parts:
        if objects:
            toc.append((0, heading, anchor))
            toc.extend((1, title(obj), f"{anchor}-{obj.id}") for obj in objects)
            if anchor == "dialogue-sessions":
                toc.extend(compared_toc)
    if subject.workshops:
        toc.append((0, _("Workshops"), "workshops"))
    doc.heading(ctx.h(1), _("Contents"))
    doc.links(toc)

    _overview(doc, subject, ctx)
    ctx.progress.tick()
    part_ctx = ctx.deeper(2)
    for anchor, heading, objects, render, _title in parts:
        if not objects:
            continue
        doc.anchor(anchor)
        doc.heading(ctx.h(1), heading)
        for obj in objects:
            doc.anchor(f"{anchor}-{obj.id}")
            render(doc, obj, part_ctx)
            ctx.progress.tick(flush=True)
        if anchor == "dialogue-sessions":
            for compared_one in compared:
                doc.anchor(_comparison_anchor(compared_one))
                comparison(doc, compared_one, part_ctx)
    _workshops(doc, subject, ctx)


def _comparison_anchor(compared: DialogueComparison) -> str:
    return f"dialogue-comparison-{compared.partner_session_id}"


def _overview(doc: Doc, subject: Plan, ctx: Ctx) -> None:
    lang, names = ctx.lang, ctx.names
    doc.anchor("overview")
    doc.heading(ctx.h(1), _("Overview"))
    fields: list[tuple[str, str]] = []
    if subject.area:
        fields.append((_("Area"), subject.area))
    if subject.municipality:
        fields.append((_("Municipality"), subject.municipality))
    if subject.housing_departments:
        fields.append((_("Housing estates"), ", ".join(subject.housing_departments)))
    fields.append((_("Funding period"), ctx.label(subject.funding_period)))
    if subject.focus_areas:
        areas = ", ".join(subject.focus_area_label(key, lang) for key in subject.focus_areas)
        fields.append((_("Focus areas"), areas))
    fields.append((_("Period"), fmt.period(subject.period, lang)))
    if subject.budget_dkk is not None:
        fields.append((_("Budget"), fmt.money(subject.budget_dkk, lang)))
    share = subject.cofinancing_share
    if share is not None and subject.cofinancing:
        fields.append((_("Co-financed share"), fmt.percent(share, lang)))
    doc.fields(fields)
    if subject.cofinancing:
        doc.heading(ctx.h(2), _("Co-financing"))
        rows = [
            [names.org(c.organisation_id), fmt.money(c.amount_dkk, lang), c.note]
            for c in subject.cofinancing
        ]
        doc.table([_("Organisation"), _("Amount"), _("Note")], rows)

    if subject.organisations:
        doc.anchor("organisations")
        doc.heading(ctx.h(1), _("Organisations"))
        doc.table(
            [_("Name"), _("Sector"), _("Type"), _("Resource")],
            [
                [o.name, ctx.label(o.sector), ctx.label(o.actor_type), ctx.label(o.resource_kind)]
                for o in subject.organisations
            ],
        )

    if subject.indsatser:
        doc.anchor("indsatser")
        doc.heading(ctx.h(1), _("Efforts"))
        for indsats in subject.indsatser:
            doc.heading(ctx.h(2), indsats.title)
            info: list[tuple[str, str]] = []
            if indsats.focus_area:
                info.append((_("Focus area"), subject.focus_area_label(indsats.focus_area, lang)))
            if indsats.purpose:
                info.append((_("Purpose"), indsats.purpose))
            if indsats.target_group:
                info.append((_("Target group"), indsats.target_group))
            if indsats.owner_organisation_id:
                info.append(
                    (_("Responsible organisation"), names.org(indsats.owner_organisation_id))
                )
            info.append((_("Period"), fmt.period(indsats.period, lang)))
            doc.fields(info)
            if indsats.goals:
                doc.table(
                    [_("Goals"), _("Indicator"), _("Target"), _("Deadline")],
                    [
                        [
                            g.text,
                            g.indicator,
                            g.target,
                            fmt.date(g.deadline, lang) if g.deadline else "",
                        ]
                        for g in indsats.goals
                    ],
                )

    if subject.groups:
        doc.anchor("groups")
        doc.heading(ctx.h(1), _("Groups"))
        for group in subject.groups:
            doc.heading(ctx.h(2), f"{ctx.label(group.kind)}: {group.name}")
            if group.mandate:
                doc.fields([(_("Terms of reference"), group.mandate)])
            if group.members:
                doc.table(
                    [_("Name"), _("Organisation"), _("Role")],
                    [
                        [
                            names.contact(m.contact_id),
                            names.org(m.organisation_id),
                            ctx.label(m.role),
                        ]
                        for m in group.members
                    ],
                )
            else:
                doc.para(_("No members recorded."))
            if group.ambitions:
                doc.heading(ctx.h(3), _("Ambitions"))
                doc.bullets(group.ambitions)
            if group.meetings:
                doc.heading(ctx.h(3), _("Meetings"))
                doc.table(
                    [_("Date"), _("Decisions")],
                    [[fmt.date(m.date, lang), "\n".join(m.decisions)] for m in group.meetings],
                )


def _workshops(doc: Doc, subject: Plan, ctx: Ctx) -> None:
    if not subject.workshops:
        return
    lang, names = ctx.lang, ctx.names
    doc.anchor("workshops")
    doc.heading(ctx.h(1), _("Workshops"))
    for workshop in subject.workshops:
        doc.heading(ctx.h(2), workshop.title)
        fields = [
            (_("Date"), fmt.date(workshop.date, lang)),
            (_("Kind"), ctx.label(workshop.kind)),
        ]
        if workshop.place:
            fields.append((_("Place"), workshop.place))
        if workshop.facilitator:
            fields.append((_("Facilitator"), workshop.facilitator))
        if workshop.participant_ids:
            fields.append((_("Participants"), names.contacts(workshop.participant_ids)))
        doc.fields(fields)
        programme(doc, workshop, ctx.deeper(3))
        ctx.progress.tick()


# Words used inside f-strings, marked here so the catalogue's extraction finds them.
_W_PERSPECTIVES_COMPARED = N_("Perspectives compared")
