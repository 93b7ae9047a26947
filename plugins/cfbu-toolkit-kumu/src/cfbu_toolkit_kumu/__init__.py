"""A cfbu_toolkit exporter plugin: a plan's organisations and their relations as a workbook
that Kumu (https://kumu.io) imports as a network map.

The workbook follows Kumu's spreadsheet import format:

* an ``Elements`` sheet with ``Label`` in A1, then ``Type``, ``Description``, ``Tags``
  (several values joined with ``|``) and ``ID``: one row per organisation;
* a ``Connections`` sheet with ``From`` in A1 and ``To`` in B1, then ``Type``,
  ``Description`` and ``Tags``: one row per relation between two organisations.

``From`` and ``To`` hold element labels, so labels are made unique (see
:func:`kumu_tables`). The plan's own side of a mapping or an activity agreement is the
organisation named by the ``own_organisation`` option, or else an element for the plan
itself.

This module is also the worked example in the plugin author guide (``docs/plugins.md``):
everything a plugin needs is the :func:`cfbu_exporters` hook at the bottom.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

import attrs

from cfbu_toolkit import (
    ActorType,
    Exportable,
    ExportContext,
    ExporterSpec,
    FormatError,
    Lang,
    Plan,
    hookimpl,
)
from cfbu_toolkit.locale import N_
from cfbu_toolkit.workbook import MAX_CELL_CHARS, column_letter, text_cell, utf16_length

__all__ = [
    "CONNECTION_HEADERS",
    "ELEMENT_HEADERS",
    "MEDIA_TYPE",
    "Connection",
    "Element",
    "cfbu_exporters",
    "export_kumu",
    "kumu_tables",
]

__version__ = "0.1.0"

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Kumu reads these header names, so they stay English whatever the language of the values.
ELEMENT_HEADERS = ("Label", "Type", "Description", "Tags", "ID")
CONNECTION_HEADERS = ("From", "To", "Type", "Description", "Tags")
ELEMENTS_SHEET = "Elements"
CONNECTIONS_SHEET = "Connections"

#: The options this exporter understands (anything else is an error, to catch typos).
OPTIONS = frozenset({"own_organisation"})

# The words this plugin adds, as (Danish, English). Enumeration labels come from the model.
_WORDS: dict[str, tuple[str, str]] = {
    "plan": ("Boligsocial helhedsplan", "Housing-social master plan"),
    "mapping": ("Kortlægning", "Mapping"),
    "collaboration_agreement": ("Samarbejdsaftale", "Collaboration agreement"),
    "activity_agreement": ("Aktivitetsaftale", "Activity agreement"),
    "group": ("Fælles gruppe", "Shared group"),
}


def _word(key: str, lang: Lang) -> str:
    return _WORDS[key][1 if lang == "en" else 0]


@attrs.frozen
class Element:
    """One row of the Elements sheet."""

    label: str
    type: str
    description: str
    tags: tuple[str, ...]
    id: str

    def cells(self) -> tuple[str, ...]:
        return (self.label, self.type, self.description, _join(self.tags), self.id)


@attrs.frozen
class Connection:
    """One row of the Connections sheet (``from_`` and ``to`` are element labels)."""

    from_: str
    to: str
    type: str
    description: str
    tags: tuple[str, ...]

    def cells(self) -> tuple[str, ...]:
        return (self.from_, self.to, self.type, self.description, _join(self.tags))


# -- from the plan to rows --------------------------------------------------------------------


def _clean(text: str) -> str:
    """Text for a label or a tag: Kumu splits ``From``, ``To`` and ``Tags`` cells on ``|``
    and labels are one line, so ``|`` becomes ``¦`` and line breaks become spaces."""
    return " ".join(text.replace("|", "¦").split())


def _join(tags: Iterable[str]) -> str:
    return "|".join(_clean(tag) for tag in tags if tag.strip())


def _add_unique(items: list[str], *new: str) -> None:
    for item in new:
        if item and item not in items:
            items.append(item)


@attrs.define
class _Relation:
    """The relations of one type between two elements, merged into one connection."""

    descriptions: list[str] = attrs.field(factory=list)
    tags: list[str] = attrs.field(factory=list)


def kumu_tables(
    plan: Plan, *, lang: Lang = "da", own_organisation: str | None = None
) -> tuple[list[Element], list[Connection]]:
    """The rows of the two sheets, in a stable order (the plan's order).

    Relations become connections:

    * **mapping**: the plan's own side → each mapped organisation, tagged with the
      entry's current collaboration status (from every mapping in the plan);
    * **collaboration agreement**: between every two parties of an agreement, tagged with
      its status and degree of collaboration;
    * **activity agreement**: the plan's own side → the volunteer organisation;
    * **shared group**: between every two organisations with a seat in the same group (a
      member's organisation, or else their contact person's organisation).

    Relations of the same type between the same two elements are merged into one
    connection whose description lists them all (Kumu would otherwise update one
    connection with the other on import). The plan's own side is ``own_organisation``
    (an organisation id) when given, else an element for the plan itself, added only when
    a connection needs it. A label shared by two elements gets the element's id in
    brackets, so ``From`` and ``To`` are never ambiguous.

    A reference to an organisation the plan does not hold raises
    :class:`~cfbu_toolkit.FormatError` naming where it is.
    """
    organisations = {org.id: org for org in plan.organisations}
    order = {org_id: i for i, org_id in enumerate(organisations)}

    if own_organisation is not None and own_organisation not in organisations:
        raise FormatError(
            f"own_organisation={own_organisation!r}: the plan has no organisation with that id"
        )
    plan_key = plan.id if plan.id not in organisations else f"plan:{plan.id}"
    own = own_organisation if own_organisation is not None else plan_key
    order.setdefault(own, -1)

    def known(org_id: str, where: str) -> str:
        if org_id not in organisations:
            raise FormatError(f"{where}: the plan has no organisation {org_id!r}")
        return org_id

    relations: dict[tuple[str, str, str], _Relation] = {}

    def relate(a: str, b: str, kind: str, description: str, *tags: str) -> None:
        if a == b:
            return
        relation = relations.setdefault((a, b, kind), _Relation())
        _add_unique(relation.descriptions, description.strip())
        _add_unique(relation.tags, *tags)

    def between(ids: Iterable[str], kind: str, description: str, *tags: str) -> None:
        # Undirected: each pair once, the earlier organisation in the plan first.
        unique = sorted(set(ids), key=order.__getitem__)
        for a, b in itertools.combinations(unique, 2):
            relate(a, b, kind, description, *tags)

    statuses: dict[str, list[str]] = {}
    for m, mapping in enumerate(plan.mappings):
        for e, entry in enumerate(mapping.entries):
            org_id = known(entry.organisation_id, f"$.mappings[{m}].entries[{e}].organisation_id")
            status = entry.status.label(lang)
            _add_unique(statuses.setdefault(org_id, []), status)
            relate(own, org_id, "mapping", mapping.title, status)

    for a, agreement in enumerate(plan.collaboration_agreements):
        parties = [
            known(party.organisation_id, f"$.collaboration_agreements[{a}].parties[{p}]")
            for p, party in enumerate(agreement.parties)
        ]
        between(
            parties,
            "collaboration_agreement",
            agreement.title,
            agreement.status.label(lang),
            agreement.degree.label(lang),
        )

    for a, activity in enumerate(plan.activity_agreements):
        if activity.volunteer_organisation_id is not None:
            where = f"$.activity_agreements[{a}].volunteer_organisation_id"
            volunteer = known(activity.volunteer_organisation_id, where)
            relate(
                own,
                volunteer,
                "activity_agreement",
                activity.activity,
                activity.status.label(lang),
            )

    contact_organisation = {c.id: c.organisation_id for c in plan.contacts}
    for g, group in enumerate(plan.groups):
        seats = []
        for s, member in enumerate(group.members):
            seat = member.organisation_id or contact_organisation.get(member.contact_id)
            if seat is not None:
                seats.append(known(seat, f"$.groups[{g}].members[{s}].organisation_id"))
        between(seats, "group", group.name, group.kind.label(lang))

    # Elements: the plan's own node first (only when a connection needs it), then the
    # organisations in the plan's order.
    rows: list[tuple[str, str, str, str, tuple[str, ...]]] = []  # key, label, type, ...
    if own == plan_key and any(own in (a, b) for a, b, _ in relations):
        place = ", ".join(part for part in (plan.area, plan.municipality) if part)
        rows.append((plan_key, plan.name, _word("plan", lang), place, ()))
    for org in organisations.values():
        kind = org.sector.label(lang) if org.actor_type is ActorType.OTHER else None
        tags = [org.sector.label(lang), org.resource_kind.label(lang)]
        _add_unique(tags, *statuses.get(org.id, []))
        rows.append(
            (org.id, org.name, kind or org.actor_type.label(lang), org.description, tuple(tags))
        )

    labels = _unique_labels([(key, name) for key, name, *_ in rows])
    elements = [
        Element(labels[key], type_, description, tags, key)
        for key, _, type_, description, tags in rows
    ]
    connections = [
        Connection(
            labels[a], labels[b], _word(kind, lang), "; ".join(rel.descriptions), tuple(rel.tags)
        )
        for (a, b, kind), rel in relations.items()
    ]
    return elements, connections


def _unique_labels(named: Sequence[tuple[str, str]]) -> dict[str, str]:
    """A label per key: the cleaned name, with ``(key)`` added where names collide."""
    clean = {key: _clean(name) or key for key, name in named}
    counts: dict[str, int] = {}
    for label in clean.values():
        counts[label.casefold()] = counts.get(label.casefold(), 0) + 1
    return {
        key: label if counts[label.casefold()] == 1 else f"{label} ({key})"
        for key, label in clean.items()
    }


# -- rows to a workbook -----------------------------------------------------------------------

# Characters XML 1.0 cannot hold. The core's workbook writer carries them with the OOXML
# escape, but Kumu would show that escape literally: refuse them instead.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _check_text(text: str, where: str) -> None:
    bad = _NOT_IN_XML.search(text)
    if bad is not None:
        raise FormatError(
            f"{where}: the text holds U+{ord(bad.group()):04X}, a character a workbook "
            "cannot store; remove it from the plan"
        )
    if utf16_length(text) > MAX_CELL_CHARS:
        raise FormatError(
            f"{where}: the text is longer than the {MAX_CELL_CHARS:,} characters a cell can hold"
        )


def export_kumu(obj: Exportable, stream: IO[bytes], context: ExportContext) -> None:
    """Write ``obj`` (a :class:`~cfbu_toolkit.Plan`) to ``stream`` as a Kumu workbook.

    Cells are made by :mod:`cfbu_toolkit.workbook`, so text is never a formula.
    """
    # openpyxl takes a quarter of a second to import: only pay for it when exporting.
    from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]

    if not isinstance(obj, Plan):  # the host checks kinds first; this is for direct calls
        raise FormatError(f"the kumu format exports a plan, not a {type(obj).__name__}")
    unknown = sorted(set(context.options) - OPTIONS)
    if unknown:
        raise FormatError(
            f"the kumu format has no option {', '.join(unknown)}; "
            f"it takes {', '.join(sorted(OPTIONS))}"
        )
    own = _own_option(context.options)
    elements, connections = kumu_tables(obj, lang=context.lang, own_organisation=own)

    workbook = Workbook(write_only=True)
    sheets = [
        (ELEMENTS_SHEET, ELEMENT_HEADERS, [e.cells() for e in elements]),
        (CONNECTIONS_SHEET, CONNECTION_HEADERS, [c.cells() for c in connections]),
    ]
    total, done = len(elements) + len(connections), 0
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title)
        table = [list(headers), *rows]
        widths = [len(header) for header in headers]
        for r, values in enumerate(table, start=1):
            for c, value in enumerate(values, start=1):
                if value:
                    _check_text(value, f"{title}!{column_letter(c)}{r}")
                    widths[c - 1] = max(widths[c - 1], min(len(value), 60))
        for c, width in enumerate(widths, start=1):
            sheet.column_dimensions[column_letter(c)].width = width + 2
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{column_letter(len(headers))}{len(table)}"
        for r, values in enumerate(table, start=1):
            # An empty value is an empty cell, not an empty string.
            sheet.append([text_cell(sheet, v) if v else None for v in values])
            if r > 1:
                done += 1
                context.report(done, total)
    workbook.save(stream)


def _own_option(options: Mapping[str, Any]) -> str | None:
    own = options.get("own_organisation")
    if own is not None and not isinstance(own, str):
        raise FormatError(f"own_organisation= must be an organisation id, got {own!r}")
    return own


# -- the hook ---------------------------------------------------------------------------------


@hookimpl
def cfbu_exporters() -> Iterable[ExporterSpec]:
    """The one format this plugin adds. cfbu_toolkit calls this once, on first use."""
    return [
        ExporterSpec(
            name="kumu",
            # It is a workbook, so ".xlsx"; the built-in Excel format is registered first
            # and keeps that suffix, so ask for this one by name:
            # export(plan, "network.xlsx", format="kumu").
            suffixes=(".xlsx",),
            media_type=MEDIA_TYPE,
            kinds={"plan"},
            export=export_kumu,
            description=N_("Kumu network map: organisations and their relations (workbook)"),
        )
    ]
