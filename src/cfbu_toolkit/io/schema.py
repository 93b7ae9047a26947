"""A JSON Schema (draft 2020-12) for the JSON document, generated from the model.

Nothing here is kept by hand: the walk reads each attrs class's fields, their types and the
model's own validators and metadata, so a field added to the model appears in the schema.

* every class becomes ``$defs/<ClassName>`` with ``additionalProperties: false`` and the
  fields without a default as ``required``;
* every enumeration becomes ``$defs/<EnumName>`` listing its stable values, with the Danish
  and English labels in its ``description`` and in ``x-cfbu-labels``;
* dates are strings with ``format: date`` (and a pattern, so they are checked even where a
  validator does not assert formats), times ``HH:MM``;
* identifiers and references carry the model's identifier pattern; references also name
  what they point at (``x-cfbu-ref``); personal data is flagged ``x-cfbu-personal-data``.

>>> from cfbu_toolkit.io.schema import json_schema
>>> json_schema("mapping")["properties"]["kind"]
{'const': 'mapping'}
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import inspect
import types
import typing
from collections.abc import Callable
from typing import Any, cast

import attrs

from ..errors import FormatError
from ..locale import N_
from ..model import _base
from ..model._fields import describe, validators
from ..model.enums import LabelledEnum
from .document import FORMAT_NAME
from .kinds import KINDS
from .migrations import CURRENT_SCHEMA_VERSION

__all__ = ["DIALECT", "PERSONAL_DATA", "json_schema", "schema_id"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: Keyword marking a property that holds personal data (see :mod:`cfbu_toolkit.privacy`).
PERSONAL_DATA = "x-cfbu-personal-data"
_REF_KEYWORD = "x-cfbu-ref"
_LABELS_KEYWORD = "x-cfbu-labels"

_ID_PATTERN = "^" + _base._ID_RE.pattern + "$"
_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
_NOT_BLANK = r"\S"

Schema = dict[str, Any]


def schema_id(kind: str | None = None) -> str:
    """The ``$id`` of the schema for ``kind`` (or for any document)."""
    name = kind or "document"
    return f"urn:cfbu-toolkit:schema:{CURRENT_SCHEMA_VERSION}:{name}"


def json_schema(kind: str | None = None) -> dict[str, Any]:
    """The JSON Schema of a cfbu-toolkit JSON document.

    Without ``kind`` it describes every document: the envelope, with ``data`` checked
    against the class that ``kind`` names. With ``kind`` (``"plan"``, ``"mapping"``, ...)
    it describes documents of that kind only. The result is a fresh dict each time, with
    the same content (and key order) for the same library version.
    """
    if kind is not None and kind not in KINDS:
        raise FormatError(
            N_("unknown kind {kind!r}; expected one of {allowed}"),
            kind=kind,
            allowed=", ".join(KINDS),
        )
    kinds = [kind] if kind is not None else list(KINDS)
    defs: dict[str, Schema] = {}
    for name in kinds:
        _collect(KINDS[name], defs)
    schema: Schema = {
        "$schema": DIALECT,
        "$id": schema_id(kind),
        "title": _title(kind),
        "description": (
            "A cfbu-toolkit JSON document: an envelope (format, schema_version, kind) "
            "around the data of one kind. Generated from the cfbu_toolkit model."
        ),
        "type": "object",
        "required": ["format", "schema_version", "kind", "data"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": FORMAT_NAME},
            "schema_version": {"const": CURRENT_SCHEMA_VERSION},
            "kind": {"const": kind} if kind is not None else {"enum": kinds},
            "data": (_class_ref(KINDS[kind]) if kind is not None else {"type": "object"}),
        },
    }
    if kind is None:
        schema["allOf"] = [
            {
                "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
                "then": {"properties": {"data": _class_ref(KINDS[name])}},
            }
            for name in kinds
        ]
    schema["$defs"] = {name: defs[name] for name in sorted(defs)}
    return schema


def _title(kind: str | None) -> str:
    if kind is None:
        return "cfbu-toolkit document"
    return f"cfbu-toolkit document of kind {kind!r}"


def _class_ref(cls: type[Any]) -> Schema:
    return {"$ref": f"#/$defs/{cls.__name__}"}


# -- the walk ---------------------------------------------------------------------------


def _collect(cls: type[Any], defs: dict[str, Schema]) -> None:
    """Add ``cls`` and every class and enumeration it reaches to ``defs``."""
    for name, (schema, _described) in _class_schemas(cls).items():
        if name not in defs:
            defs[name] = copy.deepcopy(schema)


def _class_schemas(root: type[Any]) -> dict[str, tuple[Schema, type[Any]]]:
    """Every definition reachable from ``root``: name -> (schema, the class it describes)."""
    found: dict[str, tuple[Schema, type[Any]]] = {}
    pending: list[type[Any]] = [root]
    while pending:
        cls = pending.pop()
        name = cls.__name__
        if name in found:
            if found[name][1] is not cls:
                raise TypeError(f"two model types are called {name}; $defs needs unique names")
            continue
        if issubclass(cls, enum.Enum):
            found[name] = (_enum_schema(cls), cls)
            continue
        schema, nested = _object_schema(cls)
        found[name] = (schema, cls)
        pending.extend(nested)
    return found


def _object_schema(cls: type[Any]) -> tuple[Schema, list[type[Any]]]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Schema] = {}
    required: list[str] = []
    nested: list[type[Any]] = []
    for field, info in zip(attrs.fields(cls), describe(cls), strict=True):
        prop = _type_schema(hints[field.name], nested)
        prop = _constrain(prop, validators(field.validator))
        if info.ref is not None:
            prop[_REF_KEYWORD] = info.ref
        if info.personal:
            prop[PERSONAL_DATA] = True
        properties[field.name] = prop
        if info.required:
            required.append(field.name)
    schema: Schema = {"type": "object"}
    doc = _doc(cls)
    if doc:
        schema["description"] = doc
    schema["properties"] = properties
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    return schema, nested


def _type_schema(annotation: Any, nested: list[type[Any]]) -> Schema:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (types.UnionType, typing.Union):
        others = [a for a in args if a is not type(None)]
        if len(others) != 1:
            raise TypeError(f"cannot describe {annotation!r} in JSON Schema")
        inner = _type_schema(others[0], nested)
        if "type" in inner and "$ref" not in inner:
            inner["type"] = [inner["type"], "null"]
            if "enum" in inner:
                inner["enum"] = [*inner["enum"], None]
            return inner
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return {"type": "array", "items": _type_schema(args[0], nested)}
    if annotation is bool:
        return {"type": "boolean"}
    if annotation is int:
        return {"type": "integer"}
    if annotation is float:
        return {"type": "number"}
    if annotation is str:
        return {"type": "string"}
    if annotation is dt.date:
        return {"type": "string", "format": "date", "pattern": _DATE_PATTERN}
    if annotation is dt.time:
        return {"type": "string", "pattern": _TIME_PATTERN}
    if isinstance(annotation, type) and (
        issubclass(annotation, enum.Enum) or attrs.has(annotation)
    ):
        nested.append(annotation)
        return _class_ref(annotation)
    raise TypeError(f"cannot describe {annotation!r} in JSON Schema")


def _enum_schema(cls: type[enum.Enum]) -> Schema:
    values = [member.value for member in cls]
    labelled = cast("type[LabelledEnum]", cls)
    labels = {m.value: {"da": m.label("da"), "en": m.label("en")} for m in labelled}
    lines = [_doc(cls)] if _doc(cls) else []
    lines.append("Værdier / values (dansk / English):")
    lines += [f"- {value}: {pair['da']} / {pair['en']}" for value, pair in labels.items()]
    return {
        "type": "string",
        "description": "\n".join(lines),
        "enum": values,
        _LABELS_KEYWORD: labels,
    }


def _doc(obj: Any) -> str:
    """The first paragraph of a docstring, on one line."""
    text = inspect.getdoc(obj) or ""
    return " ".join(text.split("\n\n")[0].split())


# -- constraints from the model's validators --------------------------------------------


def _closure(function: Callable[..., Any]) -> dict[str, Any]:
    return dict(inspect.getclosurevars(function).nonlocals)


def _constrain(schema: Schema, validators: list[Callable[..., Any]]) -> Schema:
    """Add what the model's validators require that JSON Schema can say."""
    for validator in validators:
        qualname = getattr(validator, "__qualname__", "")
        if validator in (_base.check_id, _base.check_optional_id):
            schema["pattern"] = _ID_PATTERN
        elif validator is _base.check_ids:
            schema["items"]["pattern"] = _ID_PATTERN
        elif validator is _base.check_name:
            schema["pattern"] = _NOT_BLANK
        elif validator is _base.check_email:
            schema["format"] = "email"
        elif validator is _base.check_optional_non_negative:
            schema["minimum"] = 0
        elif qualname == "check_whole.<locals>.check":
            bounds = _closure(validator)
            schema["minimum"] = 0
            limit = "maximum" if bounds["inclusive"] else "exclusiveMaximum"
            schema[limit] = bounds["high"]
        elif qualname == "check_range.<locals>.check":
            bounds = _closure(validator)
            schema["minimum"], schema["maximum"] = bounds["low"], bounds["high"]
        elif qualname == "each.<locals>.check" and schema.get("type") == "array":
            item = schema["items"]
            if "$ref" not in item:
                _constrain(item, [_closure(validator)["validator"]])
    return schema
