"""Re-importing an edited workbook into the plan it came from: update, add, never duplicate.

:func:`merge` is an *upsert* by identifier, applied all the way down:

- An object whose ID is in the plan (an organisation, a contact person, a mapping, a
  mapping entry, ...) is updated: the edited row's values replace the plan's.
- An object whose ID is not in the plan is added after the plan's own, in the edited order.
  (The importer has already given a row without an ID a fresh one.)
- A row without an ID of its own (the importer gave it a fresh one, listed in
  ``generated``) is matched on its *natural key* first: an organisation by its name (spaces
  and case aside), a contact person by e-mail or else by name within the organisation, a
  mapping entry by its organisation within the mapping, anything else by its name or
  title. A match takes the plan's ID, and every reference to the fresh ID follows, so
  importing the same workbook twice gives the plan of importing it once.
- An object of the plan that the edited workbook does not hold is kept as it was and
  counted in :class:`Changes` (``missing``), unless ``prune=True`` deletes it. Only the
  lists the workbook has rows of are compared: a sheet left out deletes nothing.
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

from collections.abc import Callable, Iterable, Set
from collections.abc import Mapping as Mapping_
from functools import cache
from typing import Any, cast, get_args

import attrs

from ...errors import FormatError
from ...io.kinds import Exportable
from ...locale import N_
from ...model import (
    ActivityAgreement,
    Assessment,
    CollaborationAgreement,
    ContactPerson,
    DialogueSession,
    Mapping,
    MappingEntry,
    Organisation,
    Plan,
    ValueGame,
)
from ...model._fields import field_infos, is_model_class
from .layout import TABLES

__all__ = ["Changes", "merge", "merge_with_changes", "name_key", "similar_names"]

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


@attrs.frozen
class Changes:
    """What a re-import changes in the plan, counted over the objects with an ID."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    missing: tuple[Any, ...] = ()
    """Objects of the plan that the workbook does not hold (deleted when pruned)."""
    pruned: bool = False
    renamed: Mapping_[str, str] = attrs.field(factory=dict)
    """Fresh IDs given to rows without one, mapped to the plan's IDs they matched."""


def merge(
    existing: Plan,
    edited: Exportable,
    *,
    replaced: Replaced | None = None,
    generated: Set[str] = frozenset(),
    prune: bool = False,
) -> Plan:
    """``existing`` with ``edited`` merged in (see the module's description).

    ``replaced`` is told about each object of ``edited`` that the merge rebuilt, so a
    caller that knows where the edited objects came from (the importer: their cells) can
    follow them into the result. ``generated``: the IDs the importer made up for rows
    without one (matched on their natural key). ``prune``: delete what the workbook
    does not hold.
    """
    return merge_with_changes(
        existing, edited, replaced=replaced, generated=generated, prune=prune
    )[0]


def merge_with_changes(
    existing: Plan,
    edited: Exportable,
    *,
    replaced: Replaced | None = None,
    generated: Set[str] = frozenset(),
    prune: bool = False,
) -> tuple[Plan, Changes]:
    """:func:`merge`, and what it changed (:class:`Changes`)."""
    if not isinstance(existing, Plan):
        raise FormatError(N_("base must be a Plan, got {kind}"), kind=type(existing).__name__)
    ctx = _Context(replaced or _ignore, generated, prune)
    if isinstance(edited, Plan):
        if edited.id != existing.id and edited.id in generated:
            ctx.renamed[edited.id] = existing.id
            edited = ctx.evolve(edited, id=existing.id)
        merged: Plan = _merge_object(existing, edited, ctx)
        ctx.count(existing, merged)
    else:
        field = _PART_FIELDS.get(type(edited))
        if field is None:
            raise FormatError(N_("cannot merge a {kind} into a plan"), kind=type(edited).__name__)
        changes: dict[str, Any] = {field: _merge_items(getattr(existing, field), (edited,), ctx)}
        merged = attrs.evolve(existing, **changes)
    if ctx.renamed:
        merged = _rewrite(merged, ctx.renamed, ctx)
    return merged, ctx.changes()


class _Context:
    """What one merge carries along: the renames, the counts and the caller's ear."""

    def __init__(self, tell: Replaced, generated: Set[str], prune: bool) -> None:
        self.tell = tell
        self.generated = generated
        self.prune = prune
        self.renamed: dict[str, str] = {}
        self.new = self.updated = self.unchanged = 0
        self.missing: list[Any] = []

    def evolve(self, obj: Any, **changes: Any) -> Any:
        result = attrs.evolve(obj, **changes)
        self.tell(obj, result)
        return result

    def count(self, old: Any, merged: Any) -> None:
        if _own_fields(old) == _own_fields(merged):
            self.unchanged += 1
        else:
            self.updated += 1

    def changes(self) -> Changes:
        return Changes(
            new=self.new,
            updated=self.updated,
            unchanged=self.unchanged,
            missing=tuple(self.missing),
            pruned=self.prune,
            renamed=dict(self.renamed),
        )


def _own_fields(obj: Any) -> dict[str, Any]:
    """An object's values, leaving out the lists of objects with IDs of their own."""
    keyed = {
        name
        for name, item_cls in _collections(obj.__class__)
        if item_cls is not None and _key_of(cast(Any, item_cls)) is not None
    }
    return {k: v for k, v in attrs.asdict(obj, recurse=False).items() if k not in keyed}


def _natural_keys(obj: Any, renamed: Mapping_[str, str]) -> tuple[Any, ...]:
    """The keys a person would tell ``obj`` apart by, best first."""
    if isinstance(obj, Organisation):
        return (("name", name_key(obj.name)),)
    if isinstance(obj, ContactPerson):
        org = renamed.get(obj.organisation_id or "", obj.organisation_id)
        by_name = ("contact", name_key(obj.name), org)
        return (("email", obj.email.casefold()), by_name) if obj.email else (by_name,)
    if isinstance(obj, MappingEntry):
        return (("organisation", renamed.get(obj.organisation_id, obj.organisation_id)),)
    for attr in ("name", "title", "activity"):
        value = getattr(obj, attr, None)
        if isinstance(value, str) and value.strip():
            return ((attr, name_key(value)),)
    return ()


_REF_SUFFIXES = ("_id", "_ids")


def _rewrite(obj: Any, renamed: Mapping_[str, str], ctx: _Context | None = None) -> Any:
    """``obj`` with every reference to a renamed ID pointing at its new ID."""
    if not attrs.has(obj.__class__):
        return obj
    changes: dict[str, Any] = {}
    for field in attrs.fields(obj.__class__):
        value = getattr(obj, field.name)
        is_ref = field.name.endswith(_REF_SUFFIXES) or field.name == "focus_areas"
        if isinstance(value, str):
            if is_ref and value in renamed:
                changes[field.name] = renamed[value]
        elif isinstance(value, tuple):
            items = tuple(
                (renamed.get(v, v) if is_ref else v)
                if isinstance(v, str)
                else _rewrite(v, renamed, ctx)
                for v in value
            )
            if any(a is not b for a, b in zip(items, value, strict=True)):
                changes[field.name] = items
        elif attrs.has(value.__class__):
            new = _rewrite(value, renamed, ctx)
            if new is not value:
                changes[field.name] = new
    if not changes:
        return obj
    return ctx.evolve(obj, **changes) if ctx is not None else attrs.evolve(obj, **changes)


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


def _merge_object(old: Any, new: Any, ctx: _Context) -> Any:
    """``new`` (the same object as ``old``, edited), with its collections merged."""
    changes: dict[str, Any] = {}
    for name, item_cls in _collections(new.__class__):
        old_items, new_items = getattr(old, name), getattr(new, name)
        if item_cls is Assessment:
            merged = _merge_assessments(old_items, new_items)
        elif item_cls is not None and _key_of(cast(Any, item_cls)) is not None:
            merged = _merge_items(old_items, new_items, ctx)
        else:
            merged = new_items if new_items else old_items
        if len(merged) != len(new_items) or any(
            a is not b for a, b in zip(merged, new_items, strict=True)
        ):
            changes[name] = merged
    if not changes:
        return new
    return ctx.evolve(new, **changes)


def _merge_items(old: tuple[Any, ...], new: tuple[Any, ...], ctx: _Context) -> tuple[Any, ...]:
    if not new:
        return old
    key = _key_of(new[0].__class__)
    if key is None:  # pragma: no cover - callers pass keyed collections only
        return new
    held = {getattr(item, key) for item in old}
    by_natural: dict[Any, Any] = {}
    for item in old:
        for natural in _natural_keys(item, ctx.renamed):
            by_natural.setdefault(natural, getattr(item, key))
    claimed: set[str] = set()
    edited: dict[str, Any] = {}
    for item in new:
        if ctx.renamed:
            item = _rewrite(item, ctx.renamed, ctx)
        ident = getattr(item, key)
        if ident not in held and ident in ctx.generated:
            for natural in _natural_keys(item, ctx.renamed):
                match = by_natural.get(natural)
                if match is not None and match not in claimed and match not in edited:
                    ctx.renamed[ident] = match
                    item = ctx.evolve(item, **{key: match})
                    ident = match
                    break
        claimed.add(ident)
        edited.setdefault(ident, item)
    out = []
    for item in old:
        match = edited.pop(getattr(item, key), None)
        if match is None:
            ctx.missing.append(item)
            if not ctx.prune:
                out.append(item)
            continue
        merged = _merge_object(item, match, ctx)
        ctx.count(item, merged)
        out.append(merged)
    ctx.new += len(edited)
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
