"""What the generic walks (validation, privacy) need to know about a model class's fields.

Decided once per class from the resolved types and the field metadata (``cfbu_ref``,
``cfbu_pii``), so adding a field or a reference to the model needs no change in the walks.
"""

from __future__ import annotations

from functools import cache
from typing import Any, get_args

import attrs

from ._base import PII, REF, TEXT

__all__ = ["FieldInfo", "field_infos", "is_model_class"]


@attrs.frozen
class FieldInfo:
    """One field: what it references, whether it is personal data, whether it nests."""

    name: str
    ref: str | None
    personal: bool
    nested: bool
    required: bool
    text: bool = False
    """Free text a person types (a str or a list of them), whatever else it is."""


@cache
def is_model_class(cls: Any) -> bool:
    return isinstance(cls, type) and attrs.has(cls)


def _holds_objects(annotation: Any) -> bool:
    """Whether a field of this type holds attrs objects (itself, in a tuple, or optional)."""
    return any(is_model_class(t) for t in (annotation, *get_args(annotation)))


@cache
def field_infos(cls: Any) -> tuple[FieldInfo, ...]:
    """The fields of ``cls`` that reference, hold personal data, nest or hold free text."""
    out = []
    # Resolved types, not annotation strings: cattrs resolves them in place on first use,
    # so a decision made on the strings would depend on what ran first.
    for field in attrs.fields(attrs.resolve_types(cls)):
        info = FieldInfo(
            name=field.name,
            ref=field.metadata.get(REF),
            personal=bool(field.metadata.get(PII)),
            nested=_holds_objects(field.type),
            required=field.default is attrs.NOTHING,
            text=bool(field.metadata.get(TEXT)),
        )
        if info.ref is not None or info.personal or info.nested or info.text:
            out.append(info)
    return tuple(out)
