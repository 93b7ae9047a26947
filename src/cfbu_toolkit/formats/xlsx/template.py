"""The registration workbook: a blank kortlægning to fill in and read back.

``mapping_template(target, lang="da")`` writes a workbook with a guide sheet, the
registration sheet (*Kortlægning*), sheets for organisations, contact persons and the
mapping itself, and a *Plan* sheet with the plan's name. Every enumerated column has a
dropdown drawing on a hidden lookup sheet (the exporter's own machinery,
:mod:`.lookups`), ID columns offer the IDs typed on the sheet they point at, every column
has an input hint, and each sheet has one example row.

It is a plan workbook: the sheets are the plan's own (same titles and headers as an
export), so ``cfbu.load("skema.xlsx")`` gives a :class:`~cfbu_toolkit.Plan` holding the
organisations, the contact persons and one :class:`~cfbu_toolkit.Mapping` with its entries
(a mapping alone could not carry the organisations it names). Sheets of a plan that the
template leaves out (efforts, groups, agreements, ...) read as empty, with a warning each.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterable
from typing import IO, Any

from ...locale import N_, translate
from ...model import (
    ActorSector,
    ActorType,
    CollaborationStatus,
    FocusArea,
    FundingPeriod,
    Lang,
    LawfulBasis,
    Level,
    ResourceKind,
)
from ...model.enums import LabelledEnum
from ...workbook import MAX_ROWS, column_letter
from .book import Book, Style, open_book
from .guide import GuideSheet
from .layout import BY_NAME, GUIDE, RECORD_COLUMNS, YES_NO, Column, Table, printed_from
from .lookups import Lookups, add_validation, enums_of, header_row, lookup_refs
from .lookups import write_lookup_sheet as _write_lookups
from .printing import fit_columns, set_up_printing
from .template_text import GUIDE as GUIDE_TEXT
from .template_text import HINTS, KIND_HINTS

__all__ = [
    "EXAMPLE_MARK",
    "TEMPLATE_KINDS",
    "TEMPLATE_MARK",
    "example_cells",
    "mapping_template",
]

#: The templates ``cfbu template`` can write, by the names it accepts.
TEMPLATE_KINDS = ("kortlaegning", "kortlægning", "mapping")

#: Written into the workbook's keywords; the importer then knows that the plan's other
#: sheets are left out on purpose and does not warn about them.
TEMPLATE_MARK = "cfbu_toolkit:kortlaegning"
#: How far down an ID column the dropdowns of the columns pointing at it look.
ID_LIST_ROWS = 2_000
_EXAMPLE_DATE = dt.date(2026, 1, 15)
_MAPPING_ID = "K1"
#: Example rows carry an ID starting with this mark: the importer skips them while they
#: are unchanged and refuses them once edited (delete the ID to keep the row as data).
EXAMPLE_MARK = "EKSEMPEL-"
_EXAMPLE_ORG = "Jobcenter (eksempel)"
_EXAMPLE_PERSON = "Anne Eksempel"

#: Each sheet of the template: its layout table, the attributes shown (in order), and the
#: example row.
_SHEETS: tuple[tuple[str, tuple[str, ...], dict[str, Any]], ...] = (
    (
        "entries",
        (
            "id",
            "parent",
            "organisation_id",
            "contact_id",
            "services_offered",
            "target_groups",
            "focus_areas",
            "possible_contribution",
            "possible_barriers",
            "what_matters",
            "existing_relation",
            "current.date",
            "current.status",
            "current.relevance",
            "current.interest",
            "current.influence",
            "current.note",
            "next_step",
            "responsible_id",
            "follow_up_on",
            "notes",
        ),
        {
            "id": f"{EXAMPLE_MARK}3",
            "parent": _MAPPING_ID,
            "organisation_id": _EXAMPLE_ORG,
            "contact_id": _EXAMPLE_PERSON,
            "services_offered": N_("Job search and work placements"),
            "target_groups": N_("Young jobseekers aged 18-29"),
            "focus_areas": (FocusArea.EMPLOYMENT,),
            "possible_contribution": N_(
                "Could run a job café in the community house every other week"
            ),
            "possible_barriers": N_("Workload and fixed targets"),
            "what_matters": N_("That more young people get a job or an education"),
            "existing_relation": False,
            "current.date": _EXAMPLE_DATE,
            "current.status": CollaborationStatus.CONTACTED,
            "current.relevance": Level.HIGH,
            "current.interest": Level.MEDIUM,
            "current.influence": Level.HIGH,
            "next_step": N_("Set up a meeting about the job café"),
            "follow_up_on": dt.date(2026, 2, 1),
        },
    ),
    (
        "organisations",
        (
            "id",
            "name",
            "sector",
            "actor_type",
            "resource_kind",
            "description",
            "website",
            "address",
            "cvr",
        ),
        {
            "id": f"{EXAMPLE_MARK}1",
            "name": _EXAMPLE_ORG,
            "sector": ActorSector.MUNICIPALITY,
            "actor_type": ActorType.JOBCENTER,
            "resource_kind": ResourceKind.PROFESSIONAL,
            "description": N_("Employment services for jobseekers and businesses"),
        },
    ),
    (
        "contacts",
        (
            "id",
            "name",
            "organisation_id",
            "role",
            "email",
            "phone",
            "lawful_basis",
            "consent_on",
            "retention_until",
        ),
        {
            "id": f"{EXAMPLE_MARK}2",
            "name": _EXAMPLE_PERSON,
            "organisation_id": _EXAMPLE_ORG,
            "role": N_("Business consultant"),
            "email": "anne@eksempel.dk",
            "lawful_basis": LawfulBasis.LEGITIMATE_INTEREST,
        },
    ),
    (
        "mappings",
        ("id", "title", "geographic_scope", "date", "methods", "conducted_by"),
        {
            "id": _MAPPING_ID,
            "title": N_("Mapping of partners"),
        },
    ),
)
_PLAN_FIELDS = ("id", "name", "area", "municipality", "funding_period", "focus_areas")
#: The plan's tables the template has a sheet for: the importer warns about no other
#: missing sheet of a template (and takes a workbook holding any other for no template).
TEMPLATE_TABLES = (*(name for name, _, _ in _SHEETS), "plan")
#: Columns people type long values into: names, e-mail addresses, references by name.
_MIN_WIDTHS = {
    "name": 30,
    "email": 28,
    "organisation_id": 28,
    "contact_id": 22,
    "responsible_id": 22,
    "title": 34,
}
#: Which sheet an ID column's dropdown lists the IDs of.
_ID_SOURCES = {
    "organisation_id": "organisations",
    "contact_id": "contacts",
    "responsible_id": "contacts",
    "parent": "mappings",
}


def mapping_template(
    target: str | os.PathLike[str] | IO[bytes] | None = None,
    *,
    lang: Lang = "da",
    plan_name: str = "",
) -> bytes | None:
    """Write the registration workbook for a new mapping to ``target`` (a path or a binary
    stream); with no target the bytes come back. A path is written beside itself and then
    put in place, as :func:`cfbu_toolkit.export` does. ``plan_name`` fills in the plan's
    name (else the person types it)."""
    if lang not in ("da", "en"):
        from ...errors import FormatError

        raise FormatError(f"unknown language {lang!r}; expected 'da' or 'en'")
    if target is None:
        buffer = io.BytesIO()
        _write(buffer, lang, plan_name)
        return buffer.getvalue()
    if hasattr(target, "write"):
        _write(target, lang, plan_name)  # type: ignore[arg-type]
        return None
    from pathlib import Path

    from ...files import atomic_write

    with atomic_write(Path(target)) as stream:
        _write(stream, lang, plan_name)
    return None


def _columns(table: Table, names: Iterable[str]) -> list[Column]:
    by_attr = {c.attr: c for c in table.columns}
    return [by_attr[name] for name in names]


def _write(stream: IO[bytes], lang: Lang, plan_name: str) -> None:
    title = translate(str(GUIDE_TEXT["title"]), lang)
    with open_book(stream, title=title, keywords=TEMPLATE_MARK) as book:
        used = [BY_NAME[name] for name, _, _ in _SHEETS] + [BY_NAME["plan"]]
        lookups = lookup_refs(enums_of(used), lang)
        _write_guide(book, lang)
        for name, names, example in _SHEETS:
            table = BY_NAME[name]
            _write_table(book, table, _columns(table, names), example, lookups, lang)
        _write_plan(book, lang, lookups, plan_name)
        _write_lookups(book, lookups, lang)


def example_cells(table_name: str, lang: Lang) -> dict[str, Any]:
    """The example row of ``table_name``'s sheet as the template writes it in ``lang``
    (cell values by attribute); empty for a sheet without one."""
    for name, _names, example in _SHEETS:
        if name == table_name and str(example.get("id", "")).startswith(EXAMPLE_MARK):
            return {attr: _value(value, lang) for attr, value in example.items()}
    return {}


def _hint(table: Table, column: Column, lang: Lang) -> str:
    own = HINTS.get((table.name, column.attr))
    if own is not None:
        return translate(own, lang)
    kind = column.kind
    if column.attr in ("organisation_id",):
        return translate(KIND_HINTS["organisation"], lang)
    if kind == "ref":
        return translate(KIND_HINTS["contact"], lang)
    if kind in ("enum", "enums") and column.enum is not None:
        labels = ", ".join(m.label(lang) for m in column.enum)
        if kind == "enum" and len(labels) > 150:
            return translate(KIND_HINTS["enum_long"], lang)
        return translate(KIND_HINTS[kind], lang, labels=labels)
    if kind == "focus_list":
        labels = ", ".join(a.label(lang) for a in FocusArea.of_period(FundingPeriod.LBF_2019_26))
        return translate(KIND_HINTS["focus_list"], lang, labels=labels)
    return translate(KIND_HINTS.get(kind, KIND_HINTS["text"]), lang)


def _value(value: Any, lang: Lang) -> Any:
    """An example value as its cell shows it."""
    if isinstance(value, LabelledEnum):  # before str: a member is a str too
        return value.label(lang)
    if isinstance(value, str):  # example text is marked N_; IDs and names pass unchanged
        return translate(value, lang)
    if isinstance(value, bool):
        return YES_NO[lang][0 if value else 1]
    if isinstance(value, tuple):
        return ", ".join(_value(v, lang) for v in value)
    return value


#: The look of an example row: an example, not data.
_EXAMPLE: Style = {"italic": True, "font_color": "#595959"}


def _write_table(
    book: Book,
    table: Table,
    columns: list[Column],
    example: dict[str, Any],
    lookups: Lookups,
    lang: Lang,
) -> None:
    sheet = book.sheet(table.title(lang))
    set_up_printing(sheet, landscape=len(columns) > 5)
    widths = []
    for column in columns:
        shown = _value(example.get(column.attr), lang)
        width = max(
            len(column.header(lang)) + 3,
            len(str(shown)) + 2 if shown is not None else 0,
            _MIN_WIDTHS.get(column.attr, 12),
            min(column.width or 0, 40),
        )
        widths.append(min(width, 45))
    sheet.widths(widths)
    sheet.freeze_header()
    header_row(sheet, [c.header(lang) for c in columns])
    sheet.append([_value(example.get(c.attr), lang) for c in columns], _EXAMPLE)
    sheet.filter(len(columns), 2)
    # The print area is whole columns: people add rows below the example. The IDs before
    # the first name are left off the paper (the template fills them in or the importer
    # gives them).
    fit_columns(sheet, widths, None, first=printed_from(tuple(columns)))
    for i, column in enumerate(columns, 1):
        letter = column_letter(i)
        add_validation(
            sheet,
            f"{letter}2:{letter}{MAX_ROWS}",
            lang,
            formula=_list_formula(column, lookups, lang),
            prompt_title=column.header(lang),
            prompt=_hint(table, column, lang),
        )


def _list_formula(column: Column, lookups: Lookups, lang: Lang) -> str | None:
    if column.kind == "enum":
        return lookups[column.enum]
    if column.kind == "bool":
        return lookups[None]
    source = _ID_SOURCES.get(column.attr)
    if source is None or column.kind not in ("ref", "parent"):
        return None
    # Organisations and contact persons are picked by name (column B); the importer finds
    # the ID. A mapping is picked by its ID (K1), which the template fills in.
    letter = "B" if source in ("organisations", "contacts") else "A"
    return f"'{BY_NAME[source].title(lang)}'!${letter}$2:${letter}${ID_LIST_ROWS}"


def _write_plan(book: Book, lang: Lang, lookups: Lookups, plan_name: str) -> None:
    table = BY_NAME["plan"]
    sheet = book.sheet(table.record_title(lang))
    set_up_printing(sheet, landscape=False)
    columns = _columns(table, _PLAN_FIELDS)
    sheet.widths([max(len(c.header(lang)) for c in columns) + 3, 50])
    sheet.freeze_header()
    header_row(sheet, [c.header(lang) for c in RECORD_COLUMNS[:2]])
    for row, column in enumerate(columns, 2):
        value = plan_name if column.attr == "name" and plan_name else None
        sheet.append([column.header(lang), value])
        add_validation(
            sheet,
            f"B{row}",
            lang,
            formula=_list_formula(column, lookups, lang),
            prompt_title=column.header(lang),
            prompt=_hint(table, column, lang),
        )


def _write_guide(book: Book, lang: Lang) -> None:
    sheet = book.sheet(GUIDE.title(lang))
    set_up_printing(sheet, landscape=False, title_rows=False)
    guide = GuideSheet(sheet, term_width=26, text_width=80)
    text: Any = GUIDE_TEXT
    guide.title(translate(text["title"], lang))
    for paragraph in text["intro"]:
        guide.paragraph(translate(paragraph, lang))
    for heading, paragraphs in text["sections"]:
        guide.blank()
        guide.heading(translate(heading, lang))
        for paragraph in paragraphs:
            if isinstance(paragraph, tuple):
                guide.line(translate(paragraph[0], lang), translate(paragraph[1], lang), bold=True)
            else:
                guide.paragraph(translate(paragraph, lang))
