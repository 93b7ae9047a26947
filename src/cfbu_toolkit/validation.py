"""Whole-object checks: every reference points at something that exists, no identifier is
used twice. Construction already checked each object by itself.

The walk is generic: a field marked with ``cfbu_ref`` metadata names what it points at, so
adding a reference to the model needs no change here.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from itertools import chain
from operator import attrgetter
from typing import Any

from .errors import Problem, ProblemList
from .locale import N_, _
from .model import (
    ActivityAgreement,
    CollaborationAgreement,
    ContactPerson,
    DialogueSession,
    DialogueTool,
    FocusArea,
    Group,
    Indsats,
    Mapping,
    MappingEntry,
    Organisation,
    Plan,
    ValueGame,
    Workshop,
)
from .model._fields import field_infos, is_model_class

__all__ = ["Path", "spell_path", "validate", "walk_objects"]

#: Which classes' ``id`` a reference of each target kind may point at.
ENTITY_KINDS: dict[type[Any], str] = {
    Organisation: "organisation",
    ContactPerson: "contact",
    Indsats: "indsats",
    Group: "group",
    Mapping: "mapping",
    MappingEntry: "mapping_entry",
    DialogueTool: "dialogue_tool",
    DialogueSession: "dialogue_session",
    CollaborationAgreement: "collaboration_agreement",
    ActivityAgreement: "activity_agreement",
    ValueGame: "value_game",
    Workshop: "workshop",
}
_OUTPUT_KINDS = frozenset(
    {"mapping", "dialogue_session", "collaboration_agreement", "activity_agreement", "value_game"}
)
_NO_SUCH = {
    "organisation": N_("no organisation has id {ref!r}"),
    "contact": N_("no contact person has id {ref!r}"),
    "indsats": N_("no indsats has id {ref!r}"),
    "dialogue_tool": N_("no dialogue tool has id {ref!r}"),
    "workshop": N_("no workshop has id {ref!r}"),
    "focus_area": N_("no focus area has id {ref!r}"),
    "output": N_("no mapping, dialogue session, agreement or value game has id {ref!r}"),
}
# References resolved within their parent (a game's pieces, a tool's questions), below.
_SCOPED = frozenset({"question", "piece"})


# A JSON path kept as (parent, field, index) links and spelled out only for a problem:
# formatting a string for each of a large plan's objects cost a third of the check.
Path = tuple[Any, str, int | None] | str


def spell_path(path: Path) -> str:
    """A path spelled as JSON path text (``$.mapping.entries[3]``); built lazily to save time."""
    if isinstance(path, str):
        return path
    parent, name, index = path
    return f"{spell_path(parent)}.{name}" + ("" if index is None else f"[{index}]")


def walk_objects(obj: Any, root: str) -> list[tuple[Any, Path]]:
    """Every attrs object below (and including) ``obj``, with its JSON path, parents first."""
    found: list[tuple[Any, Path]] = []
    _collect(obj, root, found)
    return found


@cache
def _nested(cls: Any) -> tuple[str, ...]:
    return tuple(f.name for f in field_infos(cls) if f.nested and f.ref is None)


@cache
def _references(cls: Any) -> tuple[tuple[str, str, bool], ...]:
    """(field, target, whether a list) for each reference checked against the whole plan."""
    return tuple(
        (f.name, f.ref, f.many)
        for f in field_infos(cls)
        if f.ref is not None and f.ref not in _SCOPED
    )


@cache
def _children(cls: Any) -> tuple[tuple[Any, bool], ...]:
    """(getter, whether a list) for each field of ``cls`` that holds model objects."""
    return tuple(
        (attrgetter(f.name), f.many) for f in field_infos(cls) if f.nested and f.ref is None
    )


def _collect(obj: Any, path: Path, found: list[tuple[Any, Path]]) -> None:
    # Plain recursion into a list: a generator per level made large plans slow to check.
    found.append((obj, path))
    for name in _nested(type(obj)):  # type: ignore[arg-type]
        value = getattr(obj, name)
        if type(value) is tuple:
            for index, item in enumerate(value):
                if is_model_class(type(item)):  # type: ignore[arg-type]
                    _collect(item, (path, name, index), found)
        elif is_model_class(type(value)):  # type: ignore[arg-type]
            _collect(value, (path, name, None), found)


def validate(obj: Any, *, root: str = "$") -> list[Problem]:
    """Every problem in ``obj`` (a plan, or one of its parts), each with its JSON path.

    An empty list means the object is consistent. For a part exported on its own, references
    to things outside it (its organisations, say) cannot be checked and are not reported.
    At most ``MAX_PROBLEMS`` problems are listed; the list's
    ``more`` counts the rest.
    """
    if not is_model_class(type(obj)):  # type: ignore[arg-type]
        raise TypeError(
            _(
                "validate() checks a plan or one of its parts, not {type}",
                type=type(obj).__name__,
            )
        )
    try:
        if _consistent(obj):
            return ProblemList()
    except Exception:  # an object built oddly in Python code: let the full walk tell
        pass
    return _problems(obj, root)


def _problems(obj: Any, root: str) -> ProblemList:
    """Every problem in ``obj``, found by walking each object with its path."""
    problems = ProblemList()
    objects = walk_objects(obj, root)
    ids: dict[str, dict[str, Path]] = defaultdict(dict)
    for item, path in objects:
        kind = ENTITY_KINDS.get(type(item))
        if kind is None:
            continue
        first = ids[kind].get(item.id)
        if first is not None:
            problems.add(
                Problem(
                    where=f"{spell_path(path)}.id",
                    message=N_("id {id!r} is already used at {first}"),
                    params={"id": item.id, "first": spell_path(first)},
                )
            )
        else:
            ids[kind][item.id] = path
    if isinstance(obj, Plan):
        _dangling(
            objects, _known(obj, {kind: set(by_id) for kind, by_id in ids.items()}), problems
        )
    _scoped(obj, objects, problems)
    return problems


def _known(plan: Plan, ids: dict[str, set[str]]) -> dict[str, set[str]]:
    """What references of each target kind may point at, from the ids of each kind."""
    ids["focus_area"] = set(FocusArea._value2member_map_) | {
        a.key for a in plan.custom_focus_areas
    }
    ids["output"] = set().union(*(ids.get(k, set()) for k in _OUTPUT_KINDS))
    return ids


def _consistent(obj: Any) -> bool:
    """Whether :func:`validate` would find no problem, told quickly (no paths, no order).

    The full walk visits every object with its path, which costs more than the rest of
    loading a large plan; this walks the plan a class at a time instead (sets of ids and
    of references compared whole, in C), and only when it finds something wrong does the
    full walk run, to report each problem where it is.
    """
    groups = _by_class(obj)
    ids: dict[str, set[str]] = {}
    for cls, objects in groups.items():
        kind = ENTITY_KINDS.get(cls)
        if kind is not None:
            ids[kind] = set(map(_ID, objects))
            if len(ids[kind]) != len(objects):
                return False
    if isinstance(obj, Plan):
        known = _known(obj, ids)
        for cls, objects in groups.items():
            for name, target, many in _references(cls):
                values = map(attrgetter(name), objects)
                allowed = known.get(target, set()) | {None}
                if not allowed.issuperset(chain.from_iterable(values) if many else values):
                    return False
    found = ProblemList()
    scoped = (DialogueTool, ValueGame, DialogueSession)
    _scoped(obj, [(item, "$") for cls in scoped for item in groups.get(cls, ())], found)
    return not found


_ID = attrgetter("id")


def _by_class(obj: Any) -> dict[Any, list[Any]]:
    """Every model object below (and including) ``obj``, grouped by class."""
    found: dict[Any, list[Any]] = defaultdict(list)
    level: dict[Any, list[Any]] = {type(obj): [obj]}
    while level:
        below: dict[Any, list[Any]] = defaultdict(list)
        for cls, objects in level.items():
            found[cls] += objects
            for get, many in _children(cls):
                values = map(get, objects)
                children = list(chain.from_iterable(values) if many else values)
                classes = set(map(type, children))
                if len(classes) == 1 and is_model_class(only := classes.pop()):
                    below[only] += children  # the usual case: all of one class
                    continue
                for child in children:
                    if is_model_class(type(child)):  # type: ignore[arg-type]
                        below[type(child)].append(child)
        level = below
    return found


def _dangling(
    objects: list[tuple[Any, Path]], known: dict[str, set[str]], problems: ProblemList
) -> None:
    for item, path in objects:
        for name, target, _many in _references(type(item)):  # type: ignore[arg-type]
            value = getattr(item, name)
            values = value if type(value) is tuple else (value,)
            for index, ref in enumerate(values):
                if ref is None or ref in known.get(target, ()):
                    continue
                if problems.full:
                    problems.more += 1
                    continue
                where = spell_path((path, name, index if type(value) is tuple else None))
                message = _NO_SUCH.get(target, N_("no {target} has id {ref!r}"))
                params = {"target": target, "ref": ref}
                problems.add(Problem(where=where, message=message, params=params))


def _scoped(obj: Any, objects: list[tuple[Any, Path]], problems: ProblemList) -> None:
    """Answers must answer questions of their session's tool; placements, pieces of the game."""
    tools = {item.id: item for item, _ in objects if type(item) is DialogueTool}
    for item, path in objects:
        if type(item) is ValueGame:
            pieces = {p.id for p in item.pieces}
            for index, placement in enumerate(item.placements):
                if placement.piece_id not in pieces:
                    problems.add(
                        Problem(
                            where=f"{spell_path(path)}.placements[{index}].piece_id",
                            message=N_("no piece of this game has id {ref!r}"),
                            params={"ref": placement.piece_id},
                        )
                    )
        elif type(item) is DialogueSession and item.tool_id in tools:
            questions = {q.id for q in tools[item.tool_id].questions}
            for index, answer in enumerate(item.answers):
                if answer.question_id not in questions:
                    problems.add(
                        Problem(
                            where=f"{spell_path(path)}.answers[{index}].question_id",
                            message=N_("dialogue tool {tool!r} has no question {ref!r}"),
                            params={"tool": item.tool_id, "ref": answer.question_id},
                        )
                    )
