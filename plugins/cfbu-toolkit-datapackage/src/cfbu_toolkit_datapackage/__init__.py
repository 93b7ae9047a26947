"""A cfbu_toolkit exporter plugin: a plan as a Frictionless Data Package, zipped.

The archive holds ``datapackage.json`` and one CSV per kind of entity under ``data/``
(``data/organisation.csv``, ``data/mapping_entry.csv``, ...). The rows and the table
schemas both come from the core's flat tables (:mod:`cfbu_toolkit.analysis`), so the
CSV files have the same columns as ``Portfolio.rows(kind)``:

* field types from the model (``string``, ``integer``, ``boolean``, ``date``);
* enumerations as ``constraints.enum`` with their stable values;
* the primary key of every table, and foreign keys (composite, with ``plan_id``) to the
  tables they refer to, so the package validates as a whole;
* personal data marked on each field (``"x-cfbu-personal-data": true``).

Every table is written, empty or not, so packages of different plans share one layout.
The export is deterministic: the same plan gives the same bytes.

CSV has no "text" cell type: a spreadsheet program opening the file computes a value that
starts like a formula (``=``, ``+``, ``-``, ``@``, tab, CR or LF, after any spaces and
apostrophes). Such a text value is written with one apostrophe in front (:func:`protect`),
which shows as a visible character and is never computed; :func:`unprotect` gives the exact
text back (the rule is stated in ``datapackage.json`` under ``x-cfbu-formula-protection``).
Numbers, dates and the other typed columns are written as they are.

Use it through the core: ``cfbu.export(plan, "plan.datapackage.zip")`` or
``cfbu export plan.json -o plan.zip --format datapackage``; :func:`write_datapackage`
writes several plans (a portfolio) into one package.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable
from typing import IO, TYPE_CHECKING, Any

from cfbu_toolkit import (
    Exportable,
    ExportContext,
    ExporterSpec,
    FormatError,
    Lang,
    Plan,
    hookimpl,
)
from cfbu_toolkit.locale import N_

if TYPE_CHECKING:
    from cfbu_toolkit.analysis import Column, Table

__all__ = [
    "MEDIA_TYPE",
    "cfbu_exporters",
    "descriptor",
    "protect",
    "unprotect",
    "write_datapackage",
]

MEDIA_TYPE = "application/zip"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_NAME_RE = re.compile(r"[^a-z0-9._-]+")

_WORDS = {
    "description": (
        "Data fra cfbu_toolkit: en boligsocial helhedsplans samarbejde (kortlægning, "
        "dialog, aftaler, værdispil) som tabeller.",
        "Data from cfbu_toolkit: a housing-social plan's collaboration work (mapping, "
        "dialogue, agreements, value game) as tables.",
    ),
    "portfolio": ("Portefølje af helhedsplaner", "Portfolio of plans"),
    "joined_ids": (
        "Flere værdier adskilt af ';'.",
        "Several values separated by ';'.",
    ),
    "joined_text": (
        "Flere tekstlinjer adskilt af linjeskift.",
        "Several lines of text separated by line breaks.",
    ),
    "personal": ("Persondata.", "Personal data."),
    "protection": (
        "En tekst, der begynder (efter eventuelle mellemrum og apostroffer) med =, +, -, @, "
        "tabulator, CR eller LF, er skrevet med en apostrof foran, så et regneark ikke "
        "beregner den som en formel. Den oprindelige tekst fås ved at fjerne den første "
        "apostrof fra sådan en værdi (cfbu_toolkit_datapackage.unprotect).",
        "A text that starts (after any spaces and apostrophes) with =, +, -, @, tab, CR or "
        "LF is written with an apostrophe in front, so a spreadsheet does not compute it as "
        "a formula. The original text is such a value without its first apostrophe "
        "(cfbu_toolkit_datapackage.unprotect).",
    ),
    "refers": ("Id i tabellen {} i samme plan.", "An id in the table {} of the same plan."),
}


def _w(key: str, lang: Lang) -> str:
    return _WORDS[key][1 if lang == "en" else 0]


def _package_name(text: str) -> str:
    name = _NAME_RE.sub("-", text.lower()).strip("-.")
    return name or "cfbu-toolkit"


#: Table Schema's field type for each column type of the core (a list is joined text).
_TYPES = {
    "text": "string",
    "enum": "string",
    "list": "string",
    "integer": "integer",
    "decimal": "number",
    "boolean": "boolean",
    "date": "date",
    "time": "time",
}


def _field(column: Column, lang: Lang) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": _TYPES[column.type]}
    if column.type in ("date", "time"):
        field["format"] = "default"
    notes = []
    if column.ref is not None and column.ref not in ("plan", "focus_area", "question"):
        notes.append(_w("refers", lang).format(column.ref))
    if column.separator is not None:
        notes.append(_w("joined_ids" if column.separator == ";" else "joined_text", lang))
    if column.personal:
        notes.append(_w("personal", lang))
    if notes:
        field["description"] = " ".join(notes)
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.values and column.type == "enum":
        constraints["enum"] = list(column.values)
    if constraints:
        field["constraints"] = constraints
    if column.personal:
        field["x-cfbu-personal-data"] = True
    return field


def _foreign_keys(table: Table, one_plan: bool) -> list[dict[str, Any]]:
    """The table's foreign keys, in a form a validator checks without false alarms.

    Keys are composite (``plan_id`` and an id), and Table Schema validators report a key
    whose id is empty while ``plan_id`` is not. In a package of one plan, ``plan_id`` is
    the same on every row, so the keys are written on the id columns alone (an empty one
    is then skipped). In a package of several plans, a key whose columns may be empty is
    left out; its column's description still names what it refers to.
    """
    required = {c.name for c in table.columns if c.required}
    found = []
    for fk in table.foreign_keys:
        columns, targets = list(fk.columns), list(fk.table_columns)
        if one_plan and len(columns) > 1 and columns[0] == targets[0] == "plan_id":
            columns, targets = columns[1:], targets[1:]
        elif not one_plan and not set(columns) <= required:
            continue
        found.append({"fields": columns, "reference": {"resource": fk.table, "fields": targets}})
    return found


def _schema(table: Table, lang: Lang, one_plan: bool) -> dict[str, Any]:
    return {
        "fields": [_field(c, lang) for c in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
        "foreignKeys": _foreign_keys(table, one_plan),
    }


def descriptor(plans: Iterable[Plan], *, lang: Lang = "da") -> dict[str, Any]:
    """The ``datapackage.json`` of a package holding ``plans``."""
    from cfbu_toolkit.analysis import TABLES

    held = list(plans)
    if len(held) == 1:
        name, title = _package_name(f"cfbu-{held[0].id}"), held[0].name
    else:
        name, title = "cfbu-portfolio", _w("portfolio", lang)
    return {
        "profile": "tabular-data-package",
        "name": name,
        "title": title,
        "description": _w("description", lang),
        "x-cfbu-formula-protection": _w("protection", lang),
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": kind,
                "title": table.label(lang),
                "path": f"data/{kind}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
                "schema": _schema(table, lang, len(held) == 1),
            }
            for kind, table in TABLES.items()
        ],
    }


#: What a spreadsheet program takes as the start of a formula in a CSV cell (OWASP's
#: "CSV injection" list, with LF).
_FORMULA_START = frozenset("=+-@\t\r\n")


def _looks_like_formula(text: str) -> bool:
    return text.lstrip("' ")[:1] in _FORMULA_START


def protect(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet program computes: one apostrophe in front of a
    value that starts like a formula (after any spaces and apostrophes), else unchanged.

    Leading apostrophes are looked through so that the rule can be undone exactly
    (:func:`unprotect`): a text that already starts with ``'=`` gets a second one.
    """
    return "'" + text if _looks_like_formula(text) else text


def unprotect(text: str) -> str:
    """The exact text a CSV cell of the package protects (the inverse of :func:`protect`)."""
    return text[1:] if text.startswith("'") and _looks_like_formula(text[1:]) else text


def _cell(value: Any, separator: str | None) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, dt.time):
        return value.isoformat("seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if separator is not None:
        return protect(separator.join(value))
    if isinstance(value, str):
        return protect(value)
    return str(value)


def _csv(table: Table, found: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.column_names)
    columns = [(c.name, c.separator) for c in table.columns]
    for row in found:
        writer.writerow([_cell(row[name], separator) for name, separator in columns])
    return buffer.getvalue().encode("utf-8")


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def write_datapackage(
    plans: Iterable[Plan],
    stream: IO[bytes],
    *,
    lang: Lang = "da",
    report: Callable[[int, int | None], None] | None = None,
) -> None:
    """Write ``plans`` (one plan, or a portfolio's) as a zipped data package to ``stream``.

    Personal data is written as the plans hold it: redact them first
    (``cfbu.redact(plan, "omit")``) or export through ``cfbu.export(..., privacy=...)``.
    """
    from cfbu_toolkit.analysis import TABLES, rows  # on use: it builds its tables

    held = list(plans)
    meta = descriptor(held, lang=lang)
    total = len(TABLES) + 1
    with zipfile.ZipFile(stream, "w") as archive:
        text = json.dumps(meta, ensure_ascii=False, indent=2) + "\n"
        _add(archive, "datapackage.json", text.encode("utf-8"))
        if report is not None:
            report(1, total)
        for done, (kind, table) in enumerate(TABLES.items(), start=2):
            _add(archive, f"data/{kind}.csv", _csv(table, rows(held, kind)))
            if report is not None:
                report(done, total)


def export_datapackage(obj: Exportable, stream: IO[bytes], context: ExportContext) -> None:
    """The exporter: a plan (privacy already applied by the core) as a data package."""
    if not isinstance(obj, Plan):
        raise FormatError(f"a data package holds a plan, not a {type(obj).__name__}")
    write_datapackage([obj], stream, lang=context.lang, report=context.report)


@hookimpl
def cfbu_exporters() -> Iterable[ExporterSpec]:
    return [
        ExporterSpec(
            name="datapackage",
            suffixes=(".datapackage.zip", ".zip"),
            media_type=MEDIA_TYPE,
            kinds={"plan"},
            export=export_datapackage,
            options=frozenset(),  # takes no options
            description=N_("Frictionless Data Package: one CSV per entity, typed schemas, keys"),
        )
    ]
