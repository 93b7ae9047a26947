"""A mapping: the table of actors, counts per sector and status, and the quadrant chart."""

from __future__ import annotations

from collections.abc import Iterator

from ...analysis.mapping import mapping_counts, quadrants, unplaced
from ...model import Level, Mapping, MappingEntry
from . import fmt
from .context import Ctx
from .escape import Md, inline
from .mermaid import MAX_POINTS, quadrant_chart
from .writer import Doc

__all__ = ["mapping"]


def _indsats_title(ctx: Ctx, indsats_id: str | None) -> str:
    plan = ctx.names.plan
    if indsats_id is None:
        return ""
    if plan is not None:
        for indsats in plan.indsatser:
            if indsats.id == indsats_id:
                return indsats.title
    return indsats_id


def _row(entry: MappingEntry, ctx: Ctx) -> list[str]:
    org = ctx.names.organisation(entry.organisation_id)
    return [
        ctx.names.org(entry.organisation_id),
        ctx.label(org.sector) if org else "",
        ctx.label(org.actor_type) if org else "",
        ctx.label(org.resource_kind) if org else "",
        ctx.label(entry.relevance),
        ctx.label(entry.interest),
        ctx.label(entry.influence),
        ctx.label(entry.status),
        entry.next_step,
        fmt.date(entry.follow_up_on, ctx.lang) if entry.follow_up_on else "",
    ]


def mapping(doc: Doc, subject: Mapping, ctx: Ctx) -> None:
    names = ctx.names
    doc.heading(ctx.h(0), ctx.titled("mapping", subject.title))
    fields: list[tuple[str, str]] = []
    indsats = _indsats_title(ctx, subject.indsats_id)
    if indsats:
        fields.append((ctx.w("indsats"), indsats))
    if subject.date is not None:
        fields.append((ctx.w("date"), fmt.date(subject.date, ctx.lang)))
    if subject.geographic_scope:
        fields.append((ctx.w("geographic_scope"), subject.geographic_scope))
    if subject.methods:
        fields.append((ctx.w("methods"), ", ".join(ctx.label(m) for m in subject.methods)))
    if subject.conducted_by:
        fields.append((ctx.w("conducted_by"), names.contacts(subject.conducted_by)))
    doc.fields(fields)

    # the table of actors
    doc.heading(ctx.h(1), ctx.w("actors"))
    if not subject.entries:
        doc.para(Md(f"*{inline(ctx.w('no_entries'))}*"))
    else:
        headers = [
            ctx.w(key)
            for key in (
                "organisation",
                "sector",
                "actor_type",
                "resource",
                "relevance",
                "interest",
                "influence",
                "status",
                "next_step",
                "follow_up_on",
            )
        ]

        def rows() -> Iterator[list[str]]:
            for entry in subject.entries:
                yield _row(entry, ctx)
                ctx.progress.tick()

        doc.table(headers, rows())

    # counts
    known = names.plan is not None
    counts = mapping_counts(subject, names.plan.organisations if names.plan else ())
    doc.heading(ctx.h(1), ctx.w("by_sector"))
    if known:
        sector_rows = [[ctx.label(sector), str(n)] for sector, n in counts.by_sector.items() if n]
        unknown = counts.total - sum(counts.by_sector.values())
        if unknown:
            sector_rows.append([ctx.w("unknown_sector"), str(unknown)])
        sector_rows.append([Md(f"**{inline(ctx.w('total'))}**"), str(counts.total)])
        doc.table([ctx.w("sector"), ctx.w("count")], sector_rows)
    else:
        doc.para(Md(f"*{inline(ctx.w('sector_needs_plan'))}*"))
    doc.heading(ctx.h(1), ctx.w("by_status"))
    status_rows = [[ctx.label(status), str(n)] for status, n in counts.by_status.items() if n]
    status_rows.append([Md(f"**{inline(ctx.w('total'))}**"), str(counts.total)])
    doc.table([ctx.w("status"), ctx.w("count")], status_rows)

    _grid(doc, subject, ctx)


def _grid(doc: Doc, subject: Mapping, ctx: Ctx) -> None:
    doc.heading(ctx.h(1), ctx.w("grid"))
    points: list[tuple[str, Level, Level]] = []
    for entry in subject.entries:
        if entry.interest is not None and entry.influence is not None:
            points.append((ctx.names.org(entry.organisation_id), entry.interest, entry.influence))
    if len(points) > MAX_POINTS:
        note = ctx.w("chart_capped").format(shown=MAX_POINTS, total=len(points))
        doc.para(Md(f"*{inline(note)}*"))
    doc.fence("mermaid", quadrant_chart(points[:MAX_POINTS], ctx))
    doc.para(Md(f"*{inline(ctx.w('grid_note'))}*"))
    for q, entries in quadrants(subject).items():
        doc.heading(ctx.h(2), f"{ctx.label(q)} ({len(entries)})")
        doc.bullets(_describe(entry, ctx) for entry in entries)
    missing = unplaced(subject)
    if missing:
        doc.heading(ctx.h(2), f"{ctx.w('unplaced')} ({len(missing)})")
        doc.bullets(ctx.names.org(entry.organisation_id) for entry in missing)


def _describe(entry: MappingEntry, ctx: Ctx) -> str:
    return (
        f"{ctx.names.org(entry.organisation_id)} ({ctx.w('influence').lower()}: "
        f"{ctx.label(entry.influence).lower()}, {ctx.w('interest').lower()}: "
        f"{ctx.label(entry.interest).lower()})"
    )
