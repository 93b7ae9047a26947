"""A whole plan: an overview, then every mapping, session, agreement and game, with a table
of contents linking to each.

After the dialogue sessions come the comparisons of what the housing-social side says about
itself with what it recorded about each partner; each workshop shows its programme."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

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
    w = ctx.w
    return [
        (
            "mappings",
            w("mappings"),
            subject.mappings,
            mapping,
            lambda m: ctx.titled("mapping", m.title),
        ),
        (
            "dialogue-sessions",
            w("dialogue_sessions"),
            subject.dialogue_sessions,
            dialogue_session,
            lambda s: session_title(s, ctx),
        ),
        (
            "collaboration-agreements",
            w("collaboration_agreements"),
            subject.collaboration_agreements,
            collaboration_agreement,
            lambda a: ctx.titled("collaboration_agreement", a.title),
        ),
        (
            "activity-agreements",
            w("activity_agreements"),
            subject.activity_agreements,
            activity_agreement,
            lambda a: ctx.titled("activity_agreement", a.activity),
        ),
        (
            "value-games",
            w("value_games"),
            subject.value_games,
            value_game,
            lambda g: ctx.titled("value_game", g.title),
        ),
    ]


def plan(doc: Doc, subject: Plan, ctx: Ctx) -> None:
    w = ctx.w
    doc.heading(ctx.h(0), subject.name)
    parts = _parts(subject, ctx)
    compared = dialogue_comparisons(subject)
    compared_toc = [
        (1, f"{w('comparison')}: {ctx.names.org(c.partner_id)}", _comparison_anchor(c))
        for c in compared
    ]

    # the table of contents
    toc: list[tuple[int, str, str]] = [(0, w("overview"), "overview")]
    if subject.organisations:
        toc.append((0, w("organisations"), "organisations"))
    if subject.indsatser:
        toc.append((0, w("indsatser"), "indsatser"))
    if subject.groups:
        toc.append((0, w("groups"), "groups"))
    for anchor, heading, objects, _, title in parts:
        if objects:
            toc.append((0, heading, anchor))
            toc.extend((1, title(obj), f"{anchor}-{obj.id}") for obj in objects)
            if anchor == "dialogue-sessions":
                toc.extend(compared_toc)
    if subject.workshops:
        toc.append((0, w("workshops"), "workshops"))
    doc.heading(ctx.h(1), w("contents"))
    doc.links(toc)

    _overview(doc, subject, ctx)
    ctx.progress.tick()
    part_ctx = ctx.deeper(2)
    for anchor, heading, objects, render, _ in parts:
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
    w, lang, names = ctx.w, ctx.lang, ctx.names
    doc.anchor("overview")
    doc.heading(ctx.h(1), w("overview"))
    fields: list[tuple[str, str]] = []
    if subject.area:
        fields.append((w("area"), subject.area))
    if subject.municipality:
        fields.append((w("municipality"), subject.municipality))
    if subject.housing_departments:
        fields.append((w("housing_departments"), ", ".join(subject.housing_departments)))
    fields.append((w("funding_period"), ctx.label(subject.funding_period)))
    if subject.focus_areas:
        areas = ", ".join(subject.focus_area_label(key, lang) for key in subject.focus_areas)
        fields.append((w("focus_areas"), areas))
    fields.append((w("period"), fmt.period(subject.period, lang)))
    if subject.budget_dkk is not None:
        fields.append((w("budget"), fmt.money(subject.budget_dkk, lang)))
    share = subject.cofinancing_share
    if share is not None and subject.cofinancing:
        fields.append((w("cofinancing_share"), fmt.percent(share, lang)))
    doc.fields(fields)
    if subject.cofinancing:
        doc.heading(ctx.h(2), w("cofinancing"))
        rows = [
            [names.org(c.organisation_id), fmt.money(c.amount_dkk, lang), c.note]
            for c in subject.cofinancing
        ]
        doc.table([w("organisation"), w("amount"), w("note")], rows)

    if subject.organisations:
        doc.anchor("organisations")
        doc.heading(ctx.h(1), w("organisations"))
        doc.table(
            [w("name"), w("sector"), w("actor_type"), w("resource")],
            [
                [o.name, ctx.label(o.sector), ctx.label(o.actor_type), ctx.label(o.resource_kind)]
                for o in subject.organisations
            ],
        )

    if subject.indsatser:
        doc.anchor("indsatser")
        doc.heading(ctx.h(1), w("indsatser"))
        for indsats in subject.indsatser:
            doc.heading(ctx.h(2), indsats.title)
            info: list[tuple[str, str]] = []
            if indsats.focus_area:
                info.append((w("focus_area"), subject.focus_area_label(indsats.focus_area, lang)))
            if indsats.purpose:
                info.append((w("purpose"), indsats.purpose))
            if indsats.target_group:
                info.append((w("target_group"), indsats.target_group))
            if indsats.owner_organisation_id:
                info.append((w("owner"), names.org(indsats.owner_organisation_id)))
            info.append((w("period"), fmt.period(indsats.period, lang)))
            doc.fields(info)
            if indsats.goals:
                doc.table(
                    [w("goals"), w("indicator"), w("target"), w("deadline")],
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
        doc.heading(ctx.h(1), w("groups"))
        for group in subject.groups:
            doc.heading(ctx.h(2), f"{ctx.label(group.kind)}: {group.name}")
            if group.mandate:
                doc.fields([(w("mandate"), group.mandate)])
            if group.members:
                doc.table(
                    [w("name"), w("organisation"), w("role")],
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
                doc.para(w("no_members"))
            if group.ambitions:
                doc.heading(ctx.h(3), w("ambitions"))
                doc.bullets(group.ambitions)
            if group.meetings:
                doc.heading(ctx.h(3), w("meetings"))
                doc.table(
                    [w("date"), w("decisions")],
                    [[fmt.date(m.date, lang), "\n".join(m.decisions)] for m in group.meetings],
                )


def _workshops(doc: Doc, subject: Plan, ctx: Ctx) -> None:
    if not subject.workshops:
        return
    w, lang, names = ctx.w, ctx.lang, ctx.names
    doc.anchor("workshops")
    doc.heading(ctx.h(1), w("workshops"))
    for workshop in subject.workshops:
        doc.heading(ctx.h(2), workshop.title)
        fields = [
            (w("date"), fmt.date(workshop.date, lang)),
            (w("kind"), ctx.label(workshop.kind)),
        ]
        if workshop.place:
            fields.append((w("place"), workshop.place))
        if workshop.facilitator:
            fields.append((w("facilitator"), workshop.facilitator))
        if workshop.participant_ids:
            fields.append((w("participants"), names.contacts(workshop.participant_ids)))
        doc.fields(fields)
        programme(doc, workshop, ctx.deeper(3))
        ctx.progress.tick()
