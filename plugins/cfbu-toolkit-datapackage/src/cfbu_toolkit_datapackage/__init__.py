"""A cfbu_toolkit exporter plugin: a plan as a Frictionless Data Package, zipped.

The archive holds ``datapackage.json`` and one CSV per kind of entity under ``data/``
(``data/organisation.csv``, ``data/mapping_entry.csv``, ...). The rows and the table
schemas both come from the core's flat tables (:mod:`cfbu_toolkit.analysis.rows`), so the
CSV files have the same columns as ``Portfolio.rows(kind)``:

* field types from the model (``string``, ``integer``, ``boolean``, ``date``);
* enumerations as ``constraints.enum`` with their stable values;
* the primary key of every table, and foreign keys (composite, with ``plan_id``) to the
  tables they refer to, so the package validates as a whole;
* personal data marked on each field (``"x-cfbu-personal-data": true``).

Every table is written, empty or not, so packages of different plans share one layout.
The CSV files are data for programs: values are written as they are, so a text starting
with ``=`` stays one (open them in a spreadsheet with care). The export is deterministic:
the same plan gives the same bytes.

Use it through the core: ``cfbu.export(plan, "plan.datapackage.zip")`` or
``cfbu export plan.json -o plan.zip --format datapackage``; :func:`write_datapackage`
writes several plans (a portfolio) into one package.
"""

from __future__ import annotations

import csv
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
    from cfbu_toolkit.analysis.rows import Column, Table

__all__ = ["MEDIA_TYPE", "cfbu_exporters", "descriptor", "write_datapackage"]

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
    "refers": ("Id i tabellen {} i samme plan.", "An id in the table {} of the same plan."),
}


def _w(key: str, lang: Lang) -> str:
    return _WORDS[key][1 if lang == "en" else 0]


def _package_name(text: str) -> str:
    name = _NAME_RE.sub("-", text.lower()).strip("-.")
    return name or "cfbu-toolkit"


def _field(column: Column, lang: Lang) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": column.type}
    if column.type == "date":
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
    if column.values:
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
    from cfbu_toolkit.analysis.rows import TABLES

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


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def _csv(table: Table, found: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.column_names)
    for row in found:
        writer.writerow([_cell(row[name]) for name in table.column_names])
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
    from cfbu_toolkit.analysis.rows import TABLES, rows  # on use: it builds its tables

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
            description=N_("Frictionless Data Package: one CSV per entity, typed schemas, keys"),
        )
    ]
