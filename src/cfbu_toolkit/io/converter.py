"""The cattrs converter that turns model objects into JSON-ready dicts and back.

It is strict where cattrs is lenient by default (PITFALLS.md): ``None`` is not a string,
``7.9`` is not an int, ``"x"`` is not a bool, a string is not a list, and unknown keys
are an error. Every problem is collected with its JSON path by :func:`problems_from`, up to
``MAX_PROBLEMS``: once that many are found, each list stops at its
first wrong item, so a document whose every item is wrong is refused as quickly, and in as
little memory, as one with a thousand mistakes.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import heapq
import inspect
import types
from collections.abc import Callable
from types import UnionType
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
from cattrs import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.orjson import make_converter

from ..errors import MAX_PROBLEMS, ModelError, Problem, ProblemList, Text
from ..locale import N_
from ..model._fields import FieldInfo, describe
from ..model.enums import LabelledEnum

__all__ = ["converter", "problems_from", "structure", "unstructure"]

T = TypeVar("T")


def _expected(what: str, value: object) -> ModelError:
    return ModelError(N_("expected {what}, got {got}"), what=Text(what), got=_json_type(value))


def _json_type(value: object) -> Text | str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return Text(N_("{value} (a boolean)"), value=str(value).lower())
    if isinstance(value, int | float):
        return Text(N_("{value} (a number)"), value=repr(value))
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return Text(N_("{value} (a string)"), value=repr(shown))
    if isinstance(value, list):
        return Text(N_("a list"))
    if isinstance(value, dict):
        return Text(N_("an object"))
    return type(value).__name__


def _str(value: Any, _: type) -> str:
    if type(value) is str:
        return value
    raise _expected(N_("a string"), value)


def _int(value: Any, _: type) -> int:
    if type(value) is int:
        return value
    raise _expected(N_("a whole number"), value)


def _float(value: Any, _: type) -> float:
    if type(value) is float or type(value) is int:
        return float(value)
    raise _expected(N_("a number"), value)


def _bool(value: Any, _: type) -> bool:
    if type(value) is bool:
        return value
    raise _expected(N_("true or false"), value)


def _date(value: Any, _: type) -> dt.date:
    if type(value) is str and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _expected(N_("a date as YYYY-MM-DD"), value)


def _time(value: Any, _: type) -> dt.time:
    if type(value) is str and len(value) in (5, 8):
        try:
            return dt.time.fromisoformat(value)
        except ValueError:
            pass
    raise _expected(N_("a time of day as HH:MM"), value)


def _enum(value: Any, cls: type[LabelledEnum]) -> LabelledEnum:
    try:
        return cls._value2member_map_[value]  # type: ignore[return-value]
    except (KeyError, TypeError):
        allowed = ", ".join(cls._value2member_map_)
        raise ModelError(
            N_("{got} is not one of {allowed}"), got=_json_type(value), allowed=allowed
        ) from None


def _fast_tuple_hook(tuple_type: Any, conv: Any) -> Callable[[Any, type], tuple[Any, ...]]:
    item_type = get_args(tuple_type)[0]
    item = conv.get_structure_hook(item_type)

    def structure(value: Any, _: type) -> tuple[Any, ...]:
        if type(value) is not list:
            raise _expected(N_("a list"), value)
        return tuple([item(v, item_type) for v in value])

    return structure


class _Budget:
    """How many more problems one structuring may collect before lists stop early."""

    __slots__ = ("left", "stopped")

    def __init__(self, left: int) -> None:
        self.left = left
        self.stopped = False


_budget: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar(
    "cfbu_problem_budget", default=None
)


def _leaves(exc: BaseException) -> int:
    """How many problems a (nested) structuring error holds."""
    if isinstance(exc, ForbiddenExtraKeysError):
        return len(exc.extra_fields)
    if isinstance(exc, ClassValidationError | IterableValidationError):
        return sum(_leaves(sub) for sub in exc.exceptions)
    return 1


def _tuple_hook(tuple_type: Any, conv: Any) -> Callable[[Any, type], tuple[Any, ...]]:
    """Structure every item, collecting each failure with its index (up to the budget)."""
    item_type = get_args(tuple_type)[0]
    item = conv.get_structure_hook(item_type)

    def structure(value: Any, _: type) -> tuple[Any, ...]:
        if type(value) is not list:
            raise _expected(N_("a list"), value)
        results: list[Any] = []
        errors: list[Exception] = []
        budget = _budget.get()
        for index, v in enumerate(value):
            try:
                results.append(item(v, item_type))
            except Exception as exc:
                exc.__notes__ = [
                    *getattr(exc, "__notes__", []),
                    IterableValidationNote(f"@ index {index}", index, item_type),
                ]
                errors.append(exc)
                if budget is not None:
                    if budget.left <= 0:
                        # Enough problems: stop at this list's first wrong item, neither
                        # structuring nor keeping the rest.
                        budget.stopped = True
                        break
                    budget.left -= _leaves(exc)
        if errors:
            raise IterableValidationError("While structuring a list", errors, tuple_type)
        return tuple(results)

    return structure


def _is_optional(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) in (Union, UnionType) and len(args) == 2 and type(None) in args


def _optional_hook(optional_type: Any, conv: Any) -> Callable[[Any, type], Any]:
    # cattrs' own optional hook dispatches on the inner type for every value; look it up
    # once instead (large loads spend a good part of their time here).
    inner = next(arg for arg in get_args(optional_type) if arg is not type(None))
    hook = conv.get_structure_hook(inner)

    def structure(value: Any, _: type) -> Any:
        return None if value is None else hook(value, inner)

    return structure


def _is_homogeneous_tuple(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _make(*, detailed: bool) -> Any:
    conv = make_converter(forbid_extra_keys=True, detailed_validation=detailed)
    # Hooks by class (cattrs dispatches on the class first); LabelledEnum is more specific
    # than str, so its hook wins for the str-based enumerations.
    for cls, hook in (
        (str, _str),
        (int, _int),
        (float, _float),
        (bool, _bool),
        (dt.date, _date),
        (dt.time, _time),
        (LabelledEnum, _enum),
    ):
        conv.register_structure_hook(cls, hook)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_unstructure_hook(dt.time, lambda t: t.isoformat("minutes"))
    conv.register_unstructure_hook(LabelledEnum, lambda member: member._value_)
    conv.register_structure_hook_factory(
        _is_homogeneous_tuple, _tuple_hook if detailed else _fast_tuple_hook
    )
    conv.register_structure_hook_factory(_is_optional, _optional_hook)
    conv.register_unstructure_hook_factory(
        _is_homogeneous_tuple, lambda t, c: _list_unstructurer(t, c)
    )
    conv.register_unstructure_hook_factory(_is_optional, _optional_unstructurer)
    return conv


def _optional_unstructurer(optional_type: Any, conv: Any) -> Callable[[Any], Any]:
    """``None`` or the inner type's value: cattrs' own hook dispatches for every value.
    Where the inner value is written as it is (text, numbers), so is the optional one, and
    the class's generated function reads the attribute without a call."""
    inner_type = next(a for a in get_args(optional_type) if a is not type(None))
    inner: Callable[[Any], Any] = conv.get_unstructure_hook(inner_type)
    if inner is identity:
        return identity
    return lambda value: None if value is None else inner(value)


def _list_unstructurer(tuple_type: Any, conv: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
    item = conv.get_unstructure_hook(get_args(tuple_type)[0])
    return lambda value: [item(v) for v in value]


converter = _make(detailed=True)
"""The library's converter, collecting every problem with its path. Use :func:`structure`
and :func:`unstructure`."""


class _Retry(Exception):
    """A value of the wrong type on the fast path: the detailed path says what and where."""


#: Field kinds whose values JSON holds as they are, checked inline by their exact type.
_PLAIN_KINDS: dict[str, type] = {
    "id": str,
    "reference": str,
    "text": str,
    "free_text": str,
    "integer": int,
    "boolean": bool,
}


def _object_hook(cls: type[Any], conv: Any) -> Callable[[Any, type], Any]:
    """Structure an attrs class with one generated function, for valid documents.

    A large load is dominated by this. cattrs' general code calls a hook per field, and
    then the class's ``__init__`` runs validators that check every type a second time.
    The generated function instead takes a dict's values at once (our exports write
    every field, in order), checks each type inline (exact ``str``/``int``/``bool``, an
    enumeration member by lookup, a date by its length; nested objects and the rest
    through their hooks), builds the object as attrs' own ``__init__`` does (set every
    field, then validate, then ``__attrs_post_init__``) and runs only the validators the
    type does not imply (:attr:`~cfbu_toolkit.model._fields.FieldInfo.checks`:
    identifiers, ranges, date order, ...). It keeps no state, so it is safe in threads.

    Anything unexpected raises, and :func:`structure` then structures the document again
    with the detailed converter, which reports every problem with its path; a dict that
    leaves fields out goes to cattrs' general code (with every validator).
    """
    fields = attrs.fields(attrs.resolve_types(cls))
    infos = describe(cls)
    scope: dict[str, Any] = {
        "cls": cls,
        "order": [f.name for f in fields],
        "names": frozenset(f.name for f in fields),
        "fallback": make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=False
        ),
        "Retry": _Retry,
        "new": object.__new__,
        "put": object.__setattr__,
        "date": dt.date.fromisoformat,
    }
    values = "(" + "".join(f"v{i}, " for i in range(len(fields))) + ")"
    lines = [
        "if list(o) == order:",
        f"    {values} = o.values()",
        "elif o.keys() == names:",
        f"    {values} = [o[k] for k in order]",
        "else:",
        "    return fallback(o, _)",
    ]
    for i, info in enumerate(infos):
        lines += _read(i, info, conv, scope)
    lines.append("self = new(cls)")
    for i, (field, info) in enumerate(zip(fields, infos, strict=True)):
        lines += _store(i, field, info, scope)
    for i, (field, info) in enumerate(zip(fields, infos, strict=True)):
        scope[f"a{i}"] = field
        for j, check in enumerate(info.checks):
            scope[f"c{i}_{j}"] = check
            lines.append(f"c{i}_{j}(self, a{i}, v{i})")
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("self.__attrs_post_init__()")
    source = "def structure(o, _):\n" + "".join(f"    {line}\n" for line in lines)
    exec(compile(source + "    return self\n", f"<cfbu structure {cls.__name__}>", "exec"), scope)
    structure: Callable[[Any, type], Any] = scope["structure"]
    return structure


def _store(
    i: int, field: attrs.Attribute[Any], info: FieldInfo, scope: dict[str, Any]
) -> list[str]:
    """Lines that convert ``v{i}`` (if its field has a converter) and set it on ``self``."""
    lines = []
    if info.convert is not None:
        scope[f"k{i}"] = info.convert
        lines.append(f"v{i} = k{i}(v{i})")
    slot = inspect.getattr_static(scope["cls"], field.name, None)
    if isinstance(slot, types.MemberDescriptorType):  # a slot: set it directly (faster)
        scope[f"s{i}"] = slot.__set__
        return [*lines, f"s{i}(self, v{i})"]
    return [*lines, f"put(self, {field.name!r}, v{i})"]


def _read(i: int, info: FieldInfo, conv: Any, scope: dict[str, Any]) -> list[str]:
    """Lines that check (and convert) field ``i``'s value ``v{i}``, raising on a wrong type."""
    v = f"v{i}"
    if info.many and info.nullable:  # no such field yet: the converter's own hook
        scope[f"h{i}"], scope[f"t{i}"] = conv.get_structure_hook(info.annotation), info.annotation
        return [f"{v} = h{i}({v}, t{i})"]
    item = get_args(info.annotation)[0] if info.many else _non_null(info.annotation)
    plain = _PLAIN_KINDS.get(info.kind)
    labelled = isinstance(item, type) and issubclass(item, LabelledEnum)
    scope[f"t{i}"] = plain or item
    scope[f"m{i}"] = item._value2member_map_ if labelled else None
    scope[f"h{i}"] = conv.get_structure_hook(item)
    lines = []
    if info.many:
        lines.append(f"if type({v}) is not list: raise Retry")
        if plain:
            return [
                *lines,
                f"for x in {v}:",
                f"    if type(x) is not t{i}: raise Retry",
                f"{v} = tuple({v})",
            ]
        each = f"m{i}[x]" if labelled else f"h{i}(x, t{i})"
        return [*lines, f"{v} = tuple([{each} for x in {v}])"]
    if plain:
        body = [f"if type({v}) is not t{i}: raise Retry"]
    elif labelled:
        body = [f"{v} = m{i}[{v}]"]
    elif item is dt.date:  # as _date does
        body = [f"if type({v}) is not str or len({v}) != 10: raise Retry", f"{v} = date({v})"]
    else:
        body = [f"{v} = h{i}({v}, t{i})"]
    if info.nullable:
        return [*lines, f"if {v} is not None:", *(f"    {line}" for line in body)]
    return lines + body


def _non_null(annotation: Any) -> Any:
    """``X`` of ``X | None``; any other type as it is."""
    return next((a for a in get_args(annotation) if a is not type(None)), annotation)


# The same hooks without cattrs' error bookkeeping: valid documents (the usual case) take
# this path, and only a failure is structured again, in detail, to report every problem.
_fast = _make(detailed=False)
_fast.register_structure_hook_factory(attrs.has, _object_hook)


def unstructure(obj: Any) -> dict[str, Any]:
    """``obj`` as plain JSON-ready data: dicts, lists, strings, numbers, booleans, null."""
    result: dict[str, Any] = converter.unstructure(obj)
    return result


def structure(data: Any, cls: type[T], *, root: str = "$") -> T:
    """Build a ``cls`` from JSON-ready data; every problem is reported with its path."""
    if type(data) is not dict:
        raise_problems(
            [
                Problem(
                    where=root,
                    message=N_("expected an object, got {got}"),
                    params={"got": _json_type(data)},
                )
            ]
        )
    try:
        return _fast.structure(data, cls)  # type: ignore[no-any-return]
    except Exception:
        pass  # structure it again in detail, to report every problem with its path
    budget = _Budget(MAX_PROBLEMS)
    token = _budget.set(budget)
    try:
        result: T = converter.structure(data, cls)
    except Exception as exc:
        problems = problems_from(exc, root)
        problems.stopped = problems.stopped or budget.stopped
        raise_problems(problems)
    finally:
        _budget.reset(token)
    return result


def raise_problems(problems: list[Problem], source: str | None = None) -> Any:
    from ..errors import DocumentError

    raise DocumentError(problems, source=source)


def problems_from(exc: BaseException, path: str = "$") -> ProblemList:
    """Flatten a (nested) cattrs error into problems, each with the JSON path it concerns.

    At most ``MAX_PROBLEMS`` are kept; the rest are counted.
    """
    found = ProblemList()
    _flatten(exc, path, found)
    return found


def _flatten(exc: BaseException, path: str, found: ProblemList) -> None:
    if found.full:
        found.more += _leaves(exc)
        return
    if isinstance(exc, ForbiddenExtraKeysError):
        room = found.limit - len(found)
        for key in heapq.nsmallest(room, exc.extra_fields):
            found.add(Problem(where=f"{path}.{key}", message=N_("unknown field")))
        found.more += max(0, len(exc.extra_fields) - room)
        return
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            _flatten(sub, _extend(path, note), found)
        for sub in without:
            _flatten(sub, path, found)
        return
    if isinstance(exc, ModelError):
        where = f"{path}.{exc.field}" if exc.field else path
        found.add(Problem(where=where, message=exc.message, params=exc.params))
        return
    if isinstance(exc, KeyError):
        found.add(Problem(where=path, message=N_("required field missing")))
        return
    found.add(
        Problem(
            where=path,
            message=N_("invalid value ({type}: {reason})"),
            params={"type": type(exc).__name__, "reason": str(exc)},
        )
    )


def _extend(path: str, note: Any) -> str:
    if isinstance(note, AttributeValidationNote):
        return f"{path}.{note.name}"
    if isinstance(note, IterableValidationNote):
        return f"{path}[{note.index}]"
    return path
