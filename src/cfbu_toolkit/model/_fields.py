"""The one description of every field of every model class.

Decided once per class from the resolved types, the validators and the field metadata
(``cfbu_ref``, ``cfbu_pii``), so adding a field or a reference to the model needs no change
in the tables derived from it: the flat rows (:mod:`cfbu_toolkit.analysis.rows`), the JSON
Schema (:mod:`cfbu_toolkit.io.schema`), the workbook columns, privacy and validation.

* :func:`describe` gives every field of a class as a :class:`FieldInfo`: its kind
  (``"id"``, ``"text"``, ``"free_text"``, ``"integer"``, ``"decimal"``, ``"boolean"``,
  ``"date"``, ``"time"``, ``"enum"``, ``"reference"``, ``"object"``), whether it is a list,
  whether it may be ``None``, whether it is required, personal data, what it refers to;
* :func:`field_infos` gives only the fields the generic walks (validation, privacy) visit:
  those that reference, hold personal data or nest;
* :func:`model_classes` gives every model class reachable from :class:`~cfbu_toolkit.Plan`.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from functools import cache
from typing import Any, Literal, get_args

import attrs

from ._base import (
    LABEL,
    PII,
    REF,
    TEXT,
    accepted_type,
    check_id,
    check_ids,
    check_optional_id,
    check_text,
    freeze,
)
from .plan import Plan

__all__ = [
    "NOT_DERIVED",
    "FieldInfo",
    "FieldKind",
    "derived",
    "describe",
    "field_infos",
    "is_model_class",
    "model_classes",
    "validators",
]

FieldKind = Literal[
    "id",
    "text",
    "free_text",
    "integer",
    "decimal",
    "boolean",
    "date",
    "time",
    "enum",
    "reference",
    "object",
]
"""What a field (or each item of a list field) holds.

``"text"`` is a short text such as a name, a title, an e-mail address or a key;
``"free_text"`` is text a person writes freely (descriptions, notes), which may name people
even where the field is not marked personal; ``"id"`` is the object's own identifier;
``"reference"`` is the identifier of another object (:attr:`FieldInfo.ref` names its kind);
``"object"`` is a nested model object (:attr:`FieldInfo.target`)."""


@attrs.frozen
class FieldInfo:
    """One field: what it holds, what it references, whether it is personal data or nests."""

    name: str
    ref: str | None
    personal: bool
    nested: bool
    required: bool
    """Whether the field has no default (it must be given)."""
    text: bool = False
    """Free text a person types (a str or a list of them), whatever else it is."""
    kind: FieldKind = "text"
    """What the field holds (each item of it, for a list)."""
    many: bool = False
    """Whether the field is a list (a tuple in the model)."""
    nullable: bool = False
    """Whether the field may be ``None``."""
    enum: type[enum.Enum] | None = None
    """The enumeration, when ``kind == "enum"``."""
    target: type[Any] | None = None
    """The nested model class, when ``kind == "object"``."""
    annotation: Any = attrs.field(default=None, eq=False, repr=False)
    """The resolved type (``tuple[str, ...]``, ``dt.date | None``, ...)."""
    label: str | None = None
    """The field's name for people (English, translated through the catalogue), if the
    model gives one."""
    checks: tuple[Any, ...] = attrs.field(default=(), eq=False, repr=False)
    """The field's validators that its type does not imply (identifier patterns, ranges,
    date order, ...), in order: what still has to run when a reader (the JSON converter)
    already guarantees the type. Those marked with :func:`~._base.type_check` as accepting
    every value of the field's type are left out."""
    convert: Any = attrs.field(default=None, eq=False, repr=False)
    """The field's converter, or ``None`` when it has none or only turns a list into a
    tuple (:func:`~._base.freeze`) and the reader gives a tuple already."""

    @property
    def optional(self) -> bool:
        """Whether the field may be left out (it has a default)."""
        return not self.required


#: Fields a derived table deliberately leaves out, with the reason: ``(table, class name,
#: field name) -> why``. ``table`` is ``"rows"`` (the flat rows), ``"schema"`` (the JSON
#: Schema) or ``"workbook"`` (the workbook columns). tests/test_field_coverage.py fails on
#: any other field missing from a derived table.
NOT_DERIVED: dict[tuple[str, str, str], str] = {
    ("rows", "Plan", "custom_focus_areas"): "rows of the focus_area table, with their labels",
    ("rows", "CustomFocusArea", "key"): "the focus_area table's focus_area_key",
    ("rows", "CustomFocusArea", "label_da"): "the focus_area table's label_da",
    ("rows", "CustomFocusArea", "label_en"): "the focus_area table's label_en",
}


def derived(table: str, cls: type[Any]) -> tuple[FieldInfo, ...]:
    """The fields of ``cls`` that ``table`` (``"rows"``, ...) holds: all but the excluded."""
    return tuple(f for f in describe(cls) if (table, cls.__name__, f.name) not in NOT_DERIVED)


@cache
def is_model_class(cls: Any) -> bool:
    """Whether ``cls`` is a model class (an attrs class)."""
    return isinstance(cls, type) and attrs.has(cls)


def _holds_objects(annotation: Any) -> bool:
    """Whether a field of this type holds attrs objects (itself, in a tuple, or optional)."""
    return any(is_model_class(t) for t in (annotation, *get_args(annotation)))


def validators(validator: Any) -> list[Any]:
    """The validators an attrs field's ``validator`` chains (``and_``, lists), in order."""
    if validator is None:
        return []
    inner = getattr(validator, "_validators", None)
    if inner is not None:
        return [v for sub in inner for v in validators(sub)]
    if isinstance(validator, list | tuple):
        return [v for sub in validator for v in validators(sub)]
    return [validator]


def _validators(validator: Any) -> list[Any]:
    """:func:`validators`, with the validator that :func:`~._base.each` applies to items."""
    found: list[Any] = []
    for v in validators(validator):
        found.append(v)
        if getattr(v, "__qualname__", "").startswith("each."):
            nested = getattr(v, "__closure__", None) or ()
            found += [c.cell_contents for c in nested if callable(c.cell_contents)]
    return found


def _freezes(converter: Any) -> bool:
    """Whether a list field's converter only turns a list into a tuple (or there is none)."""
    return converter is None or converter is freeze


def _implied(validator: Any, annotation: Any) -> bool:
    """Whether every value of the type ``annotation`` passes ``validator``."""
    accepted = accepted_type(validator)
    if accepted is None:
        return False
    item, many, nullable = _unwrap(annotation)
    accepted_item, accepted_many, accepts_none = _unwrap(accepted)
    return accepted_item == item and accepted_many == many and (accepts_none or not nullable)


_SCALARS: dict[Any, FieldKind] = {
    bool: "boolean",
    int: "integer",
    float: "decimal",
    dt.date: "date",
    dt.time: "time",
}


def _unwrap(annotation: Any) -> tuple[Any, bool, bool]:
    """``(item type, many, nullable)`` of a field's resolved type."""
    nullable = False
    origin = typing.get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"cannot describe the field type {annotation!r}")
        annotation, nullable = args[0], True
    if typing.get_origin(annotation) is tuple:
        items = get_args(annotation)
        if len(items) != 2 or items[1] is not Ellipsis:
            raise TypeError(f"cannot describe the field type {annotation!r}")
        return items[0], True, nullable
    return annotation, False, nullable


def _describe(field: attrs.Attribute[Any]) -> FieldInfo:
    annotation = field.type
    item, many, nullable = _unwrap(annotation)
    ref: str | None = field.metadata.get(REF)
    every = _validators(field.validator)
    enum_cls: type[enum.Enum] | None = None
    target: type[Any] | None = None
    kind: FieldKind
    if is_model_class(item):
        kind, target = "object", item
    elif isinstance(item, type) and issubclass(item, enum.Enum):
        kind, enum_cls = "enum", item
    elif item in _SCALARS:
        kind = _SCALARS[item]
    elif item is str:
        if ref is not None:
            kind = "reference"
        elif field.name == "id" and any(
            v in (check_id, check_optional_id, check_ids) for v in every
        ):
            kind = "id"
        elif check_text in every:
            kind = "free_text"
        else:
            kind = "text"
    else:
        raise TypeError(f"cannot describe the field {field.name}: {annotation!r}")
    return FieldInfo(
        name=field.name,
        ref=ref,
        personal=bool(field.metadata.get(PII)),
        nested=_holds_objects(annotation),
        required=field.default is attrs.NOTHING,
        text=bool(field.metadata.get(TEXT)),
        kind=kind,
        many=many,
        nullable=nullable,
        enum=enum_cls,
        target=target,
        annotation=annotation,
        label=field.metadata.get(LABEL),
        checks=tuple(v for v in validators(field.validator) if not _implied(v, annotation)),
        convert=None if many and _freezes(field.converter) else field.converter,
    )


def describe(cls: Any) -> tuple[FieldInfo, ...]:
    """Every field of the model class ``cls``, in the class's order."""
    return _described(cls)


@cache
def _described(cls: Any) -> tuple[FieldInfo, ...]:
    # Resolved types, not annotation strings: cattrs resolves them in place on first use,
    # so a decision made on the strings would depend on what ran first.
    return tuple(_describe(field) for field in attrs.fields(attrs.resolve_types(cls)))


@cache
def field_infos(cls: Any) -> tuple[FieldInfo, ...]:
    """The fields of ``cls`` that reference, hold personal data, nest or hold free text."""
    return tuple(
        info
        for info in describe(cls)
        if info.ref is not None or info.personal or info.nested or info.text
    )


@cache
def model_classes(root: Any = Plan) -> tuple[type[Any], ...]:
    """Every model class reachable from ``root`` (the :class:`Plan`), ``root`` first."""
    found: list[type[Any]] = []
    pending = [root]
    while pending:
        cls = pending.pop(0)
        if cls in found:
            continue
        found.append(cls)
        pending += [f.target for f in describe(cls) if f.target is not None]
    return tuple(found)
