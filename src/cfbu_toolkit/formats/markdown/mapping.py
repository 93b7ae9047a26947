"""A mapping: the table of actors, counts per sector and status, and the quadrant chart."""

from __future__ import annotations

from collections.abc import Iterator

from ...analysis.mapping import mapping_counts, quadrants, unplaced
from ...locale import N_, _
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


def _italic(text: str) -> Md:
    return Md(f"*{inline(text)}*")


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
    """Write a mapping: its partners, the power/interest grid and the coverage."""
    names = ctx.names
    doc.heading(ctx.h(0), ctx.titled("mapping", subject.title))
    fields: list[tuple[str, str]] = []
    indsats = _indsats_title(ctx, subject.indsats_id)
    if indsats:
        fields.append((_("Effort"), indsats))
    if subject.date is not None:
        fields.append((_("Date"), fmt.date(subject.date, ctx.lang)))
    if subject.geographic_scope:
        fields.append((_("Geographic scope"), subject.geographic_scope))
    if subject.methods:
        fields.append((_("Methods"), ", ".join(ctx.label(m) for m in subject.methods)))
    if subject.conducted_by:
        fields.append((_("Conducted by"), names.contacts(subject.conducted_by)))
    doc.fields(fields)

    # the table of actors
    doc.heading(ctx.h(1), _("Actors"))
    if not subject.entries:
        doc.para(Md(f"*{inline(_(_W_NO_ACTORS_MAPPED_YET))}*"))
    else:
        headers = [_(header) for header in _HEADERS]

        def rows() -> Iterator[list[str]]:
            for entry in subject.entries:
                yield _row(entry, ctx)
                ctx.progress.tick()

        doc.table(headers, rows())

    # counts
    known = names.plan is not None
    counts = mapping_counts(subject, names.plan.organisations if names.plan else ())
    doc.heading(ctx.h(1), _("Count per sector"))
    if known:
        sector_rows = [[ctx.label(sector), str(n)] for sector, n in counts.by_sector.items() if n]
        unknown = counts.total - sum(counts.by_sector.values())
        if unknown:
            sector_rows.append([_("Unknown organisation"), str(unknown)])
        sector_rows.append([Md(f"**{inline(_(_W_TOTAL))}**"), str(counts.total)])
        doc.table([_("Sector"), _("Count")], sector_rows)
    else:
        doc.para(_italic(_("The sectors are not known without the organisations of the plan.")))
    doc.heading(ctx.h(1), _("Count per status"))
    status_rows = [[ctx.label(status), str(n)] for status, n in counts.by_status.items() if n]
    status_rows.append([Md(f"**{inline(_(_W_TOTAL))}**"), str(counts.total)])
    doc.table([_("Status"), _("Count")], status_rows)

    _grid(doc, subject, ctx)


def _grid(doc: Doc, subject: Mapping, ctx: Ctx) -> None:
    doc.heading(ctx.h(1), _("Influence and interest"))
    points: list[tuple[str, Level, Level]] = []
    for entry in subject.entries:
        if entry.interest is not None and entry.influence is not None:
            points.append((ctx.names.org(entry.organisation_id), entry.interest, entry.influence))
    if len(points) > MAX_POINTS:
        doc.para(_italic(_(_CHART_CAPPED, shown=MAX_POINTS, total=len(points))))
    doc.fence("mermaid", quadrant_chart(points[:MAX_POINTS], ctx))
    doc.para(_italic(_(_GRID_NOTE)))
    for q, entries in quadrants(subject).items():
        doc.heading(ctx.h(2), f"{ctx.label(q)} ({len(entries)})")
        doc.bullets(_describe(entry, ctx) for entry in entries)
    missing = unplaced(subject)
    if missing:
        doc.heading(ctx.h(2), f"{_(_W_NOT_PLACED_INTEREST_OR)} ({len(missing)})")
        doc.bullets(ctx.names.org(entry.organisation_id) for entry in missing)


def _describe(entry: MappingEntry, ctx: Ctx) -> str:
    return (
        f"{ctx.names.org(entry.organisation_id)} ({_(_W_INFLUENCE).lower()}: "
        f"{ctx.label(entry.influence).lower()}, {_(_W_INTEREST).lower()}: "
        f"{ctx.label(entry.interest).lower()})"
    )


_HEADERS = (
    N_("Organisation"),
    N_("Sector"),
    N_("Type"),
    N_("Resource"),
    N_("Relevance"),
    N_("Interest"),
    N_("Influence"),
    N_("Status"),
    N_("Next step"),
    N_("Follow-up"),
)

_CHART_CAPPED = N_(
    "The chart shows the first {shown} of {total} placed actors; the lists below show them all."
)
_GRID_NOTE = N_(
    "Medium counts as high: an actor of medium influence or interest is placed on the half "
    "that needs attention, closer to the middle than one of high."
)


# Words used inside f-strings, marked here so the catalogue's extraction finds them.
_W_NO_ACTORS_MAPPED_YET = N_("No actors mapped yet.")
_W_TOTAL = N_("Total")
_W_NOT_PLACED_INTEREST_OR = N_("Not placed (interest or influence not assessed)")
_W_INFLUENCE = N_("Influence")
_W_INTEREST = N_("Interest")
