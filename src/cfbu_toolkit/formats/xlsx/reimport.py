"""Re-importing an edited workbook into the plan it came from: update, add, never duplicate.

:func:`merge` is an *upsert* by identifier, applied all the way down:

- An object whose ID is in the plan (an organisation, a contact person, a mapping, a
  mapping entry, ...) is updated: the edited row's values replace the plan's.
- An object whose ID is not in the plan is added after the plan's own, in the edited order.
  (The importer has already given a row without an ID a fresh one.)
- An object of the plan that the edited workbook does not hold is kept as it was: a sheet
  or a row left out of the workbook deletes nothing. Set its status instead (for a mapping
  entry, *Fravalgt*), or remove it in code.
- The plan's order is kept; a workbook sorted or filtered in Excel does not reorder it.
- Lists without IDs of their own (goals, members, meetings, agreement sections, placements,
  text lists) are taken whole from the edited object when it has any, else kept.
- A mapping entry's assessments are dated: an edited current assessment with the date of
  one already held replaces it (a correction); with a new date it is added to the history
  (a re-assessment), as :meth:`~cfbu_toolkit.MappingEntry.reassess` would.

``edited`` may be a whole plan or one of its parts (a mapping, an agreement, ...); a part
is merged into its place in the plan. Use it through ``cfbu.load("x.xlsx", base=plan)``,
which also places every problem of the merged plan in its cell, or directly on two
objects. Nothing here imports openpyxl.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, cast, get_args

import attrs

from ...errors import FormatError
from ...io.kinds import Exportable
from ...model import (
    ActivityAgreement,
    Assessment,
    CollaborationAgreement,
    DialogueSession,
    Mapping,
    Organisation,
    Plan,
    ValueGame,
)
from ...model._fields import field_infos, is_model_class
from .layout import TABLES

__all__ = ["merge", "name_key", "similar_names"]

Replaced = Callable[[Any, Any], None]
"""Told ``(edited_object, merged_object)`` whenever merging makes a new object of one."""

#: Where a part exported on its own lives in the plan.
_PART_FIELDS: dict[type[Any], str] = {
    Mapping: "mappings",
    CollaborationAgreement: "collaboration_agreements",
    ActivityAgreement: "activity_agreements",
    DialogueSession: "dialogue_sessions",
    ValueGame: "value_games",
}


def merge(existing: Plan, edited: Exportable, *, replaced: Replaced | None = None) -> Plan:
    """``existing`` with ``edited`` merged in (see the module's description).

    ``replaced`` is told about each object of ``edited`` that the merge rebuilt, so a
    caller that knows where the edited objects came from (the importer: their cells) can
    follow them into the result.
    """
    if not isinstance(existing, Plan):
        raise FormatError(f"base must be a Plan, got {type(existing).__name__}")
    tell = replaced or _ignore
    if isinstance(edited, Plan):
        return _merge_object(existing, edited, tell)  # type: ignore[no-any-return]
    field = _PART_FIELDS.get(type(edited))
    if field is None:
        raise FormatError(f"cannot merge a {type(edited).__name__} into a plan")
    changes: dict[str, Any] = {field: _merge_items(getattr(existing, field), (edited,), tell)}
    return attrs.evolve(existing, **changes)


def _ignore(_: Any, __: Any) -> None:
    return None


@cache
def _key_of(cls: Any) -> str | None:
    """The attribute identifying an object of ``cls`` among its siblings, if any."""
    names = attrs.fields_dict(cls)
    for key in ("id", "key"):  # "key": custom focus areas, agreement sections
        if key in names:
            return key
    return None


#: Lists of free text, kept in a sheet of their own (the text-list sheet).
_TEXT_LISTS = frozenset((t.cls, f.attr) for t in TABLES for f in t.lists)


@cache
def _collections(cls: Any) -> tuple[tuple[str, type[Any] | None], ...]:
    """Fields of ``cls`` held in sheets of their own: tuples of model objects (with the
    item class) and text lists (``None``)."""
    out: list[tuple[str, type[Any] | None]] = []
    nested = {f.name for f in field_infos(cls) if f.nested}
    for field in attrs.fields(attrs.resolve_types(cls)):
        args = get_args(field.type)
        if field.name in nested and args and is_model_class(args[0]):
            out.append((field.name, args[0]))
        elif (cls, field.name) in _TEXT_LISTS:
            out.append((field.name, None))
    return tuple(out)


def _merge_object(old: Any, new: Any, tell: Replaced) -> Any:
    """``new`` (the same object as ``old``, edited), with its collections merged."""
    changes: dict[str, Any] = {}
    for name, item_cls in _collections(new.__class__):
        old_items, new_items = getattr(old, name), getattr(new, name)
        if item_cls is Assessment:
            merged = _merge_assessments(old_items, new_items)
        elif item_cls is not None and _key_of(cast(Any, item_cls)) is not None:
            merged = _merge_items(old_items, new_items, tell)
        else:
            merged = new_items if new_items else old_items
        if len(merged) != len(new_items) or any(
            a is not b for a, b in zip(merged, new_items, strict=True)
        ):
            changes[name] = merged
    if not changes:
        return new
    result = attrs.evolve(new, **changes)
    tell(new, result)
    return result


def _merge_items(old: tuple[Any, ...], new: tuple[Any, ...], tell: Replaced) -> tuple[Any, ...]:
    if not new:
        return old
    key = _key_of(new[0].__class__)
    if key is None:  # pragma: no cover - callers pass keyed collections only
        return new
    edited = {getattr(item, key): item for item in new}
    out = []
    for item in old:
        match = edited.pop(getattr(item, key), None)
        out.append(item if match is None else _merge_object(item, match, tell))
    out.extend(edited.values())
    return tuple(out)


def _merge_assessments(old: tuple[Any, ...], new: tuple[Any, ...]) -> tuple[Any, ...]:
    """The dated history: an edited date replaces the assessment held for it, a new one adds."""
    if not new:
        return old
    dates = {a.date for a in new}
    kept = [a for a in old if a.date not in dates]
    # Stable: on a date held twice, the plan's own come first, then the edited ones.
    return tuple(sorted((*kept, *new), key=lambda a: a.date))


# -- organisations typed twice ------------------------------------------------------------------


def name_key(name: str) -> str:
    """A name with its spaces collapsed and its case folded: how a person tells names apart."""
    return " ".join(name.split()).casefold()


def similar_names(
    organisations: Iterable[Organisation],
) -> list[tuple[Organisation, Organisation]]:
    """Pairs (first, later) of organisations with different IDs whose names differ only in
    spaces and case (or not at all): most likely one organisation typed twice."""
    first: dict[str, Organisation] = {}
    pairs = []
    for org in organisations:
        key = name_key(org.name)
        seen = first.get(key)
        if seen is None:
            first[key] = org
        elif seen.id != org.id:
            pairs.append((seen, org))
    return pairs
