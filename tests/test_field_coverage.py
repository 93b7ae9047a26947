"""Every field of every model class reaches every table derived from the model.

The flat rows, the JSON Schema and the workbook all derive from the one description of the
fields (:mod:`cfbu_toolkit.model._fields`). A field one of them leaves out must be listed,
with the reason, in ``NOT_DERIVED``; any other missing field fails here, naming the class,
the field and the table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import cfbu_toolkit as cfbu
from cfbu_toolkit.analysis.rows import TABLES as ROW_TABLES
from cfbu_toolkit.formats.xlsx.layout import TABLES as SHEETS
from cfbu_toolkit.io.schema import json_schema
from cfbu_toolkit.model._fields import NOT_DERIVED, FieldInfo, describe, model_classes

CLASSES = model_classes()
FIELDS = [(cls, info) for cls in CLASSES for info in describe(cls)]


def _ids(item: tuple[type[Any], FieldInfo]) -> str:
    return f"{item[0].__name__}.{item[1].name}"


def _holders(cls: type[Any], classes: list[type[Any]]) -> list[tuple[type[Any], str]]:
    """``(owner, field)`` for every single nested field of type ``cls`` (a period)."""
    return [
        (owner, info.name)
        for owner in classes
        for info in describe(owner)
        if info.target is cls and not info.many
    ]


# -- the flat rows --------------------------------------------------------------------


def _in_rows(cls: type[Any], info: FieldInfo) -> bool:
    tables = [t for t in ROW_TABLES.values() if t.cls is cls]
    fields = {c.field for t in tables for c in t.columns}
    if info.name in fields:
        return True
    if info.target is not None and info.many:
        return any(t.cls is info.target for t in ROW_TABLES.values())
    if info.target is not None:
        return any(f and f.startswith(f"{info.name}.") for f in fields)
    for owner, name in _holders(cls, list(CLASSES)):
        for table in ROW_TABLES.values():
            if table.cls is owner and f"{name}.{info.name}" in {c.field for c in table.columns}:
                return True
    return False


# -- the JSON Schema ------------------------------------------------------------------

_SCHEMA = json_schema()["$defs"]


def _in_schema(cls: type[Any], info: FieldInfo) -> bool:
    return info.name in _SCHEMA.get(cls.__name__, {}).get("properties", {})


# -- the workbook ---------------------------------------------------------------------


def _in_workbook(cls: type[Any], info: FieldInfo) -> bool:
    sheets = [t for t in SHEETS if t.cls is cls]
    attrs_shown = {c.attr for t in sheets for c in t.columns} | {
        f.attr for t in sheets for f in t.lists
    }
    if info.name in attrs_shown:
        return True
    if info.target is not None and info.many:
        return any(t.cls is info.target and t.field == info.name for t in SHEETS)
    if info.target is not None:
        return any(a.startswith(f"{info.name}.") for a in attrs_shown)
    for owner, name in _holders(cls, list(CLASSES)):
        for sheet in SHEETS:
            if sheet.cls is owner and f"{name}.{info.name}" in {c.attr for c in sheet.columns}:
                return True
    return False


DERIVED: dict[str, Callable[[type[Any], FieldInfo], bool]] = {
    "rows": _in_rows,
    "schema": _in_schema,
    "workbook": _in_workbook,
}


@pytest.mark.parametrize("table", sorted(DERIVED))
def test_every_field_reaches_every_derived_table(table: str) -> None:
    missing = [
        _ids((cls, info))
        for cls, info in FIELDS
        if (table, cls.__name__, info.name) not in NOT_DERIVED and not DERIVED[table](cls, info)
    ]
    assert not missing, (
        f"fields missing from the {table} (derive them, or list them with the reason in "
        f"cfbu_toolkit.model._fields.NOT_DERIVED): {', '.join(missing)}"
    )


def test_every_exclusion_names_a_real_field_and_is_still_needed() -> None:
    fields = {(cls.__name__, info.name): (cls, info) for cls, info in FIELDS}
    for (table, cls_name, name), reason in NOT_DERIVED.items():
        assert table in DERIVED, table
        assert reason.strip(), (table, cls_name, name)
        assert (cls_name, name) in fields, f"NOT_DERIVED names no field {cls_name}.{name}"
        cls, info = fields[cls_name, name]
        assert not DERIVED[table](cls, info), (
            f"{cls_name}.{name} is in the {table} now: drop it from NOT_DERIVED"
        )


def test_the_description_covers_every_model_class() -> None:
    import cfbu_toolkit.model as model

    public = {
        obj
        for obj in vars(model).values()
        if isinstance(obj, type) and hasattr(obj, "__attrs_attrs__")
    }
    assert public <= set(CLASSES), public - set(CLASSES)


@pytest.mark.parametrize("item", FIELDS, ids=_ids)
def test_each_field_is_described(item: tuple[type[Any], FieldInfo]) -> None:
    _, info = item
    assert (info.kind == "enum") == (info.enum is not None)
    assert (info.kind == "object") == (info.target is not None)
    assert (info.kind == "reference") == (info.ref is not None)
    if info.kind == "id":
        assert info.name == "id"
        assert info.required


# -- the workbook's columns come from the fields ------------------------------------------


def test_workbook_columns_take_their_kind_from_the_model() -> None:
    from cfbu_toolkit.formats.xlsx import layout

    for sheet in SHEETS:
        for column in sheet.columns:
            assert not column.derive, (sheet.name, column.attr)
            if column.kind in ("parent", "nr", "derived"):
                continue
            info = layout._field_info(sheet.cls, column.attr)
            made = layout._derived_column(info)
            if column.attr == "key" or (sheet.cls is cfbu.Plan and column.attr == "focus_areas"):
                continue  # declared on purpose: a key identifies its row; focus-area keys
            assert isinstance(made, layout.Column)
            assert (column.kind, column.enum) == (made.kind, made.enum), (sheet.name, column)


def test_a_new_field_gets_a_workbook_column_headed_by_its_label() -> None:
    from cfbu_toolkit.formats.xlsx import layout
    from cfbu_toolkit.locale import N_
    from cfbu_toolkit.model._base import date_field, ident, optional_text, text_list

    @attrs.frozen(kw_only=True)
    class Thing:
        id: str = ident()
        place: str = optional_text(label=N_("Municipal organisations"))
        due: dt.date | None = date_field()
        lines: tuple[str, ...] = text_list(label=N_("Agenda items"))

    declared = layout.Table("things", "Ting", "Things", Thing, (layout.ID,))
    (sheet,) = (layout._complete(t, (declared,)) for t in (declared,))
    by_attr = {c.attr: c for c in sheet.columns}
    assert by_attr["id"].kind == "id"
    assert (by_attr["place"].kind, by_attr["place"].da) == ("text", "Kommunale organisationer")
    assert by_attr["place"].en == "Municipal organisations"
    assert by_attr["due"].kind == "date"
    assert [(f.attr, f.da) for f in sheet.lists] == [("lines", "Dagsordenspunkter")]


def test_a_column_the_model_adds_has_a_label_for_its_header() -> None:
    from cfbu_toolkit.formats.xlsx import layout

    for declared, sheet in zip(layout._DECLARED, SHEETS, strict=True):
        names = {c.attr for c in declared.columns} | {f.attr for f in declared.lists}
        added = [c.attr for c in (*sheet.columns, *sheet.lists) if c.attr not in names]
        for name in added:
            info = layout._field_info(sheet.cls, name)
            assert info.label, (
                f"{sheet.cls.__name__}.{name} has no header: give the field a label "
                f'(optional_text(label=N_("..."))) and its Danish in the catalogue'
            )
