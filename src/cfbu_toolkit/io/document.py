"""The JSON document format: one envelope around every kind.

``{"format": "cfbu-toolkit", "schema_version": 1, "kind": "plan", "data": {...}}``. Keys
keep the model's field order, so the same object always gives the same bytes and exports
diff cleanly.

Reading is bounded: a document larger than :data:`MAX_JSON_BYTES` (or the ``max_bytes``
given) is refused before it is parsed, at most ``MAX_PROBLEMS``
problems are collected, a key written twice in one object is an error naming its path
(JSON parsers keep the last silently), and a leading UTF-8 byte order mark is skipped.
"""

from __future__ import annotations

from typing import Any

import orjson

from ..errors import DocumentError, Problem, ProblemList
from ..locale import N_, _, format_number
from ..validation import validate
from .collector import collector_paused
from .converter import raise_problems, structure, unstructure
from .kinds import KINDS, Exportable, kind_of
from .migrations import MIGRATIONS, Migrations

__all__ = ["FORMAT_NAME", "MAX_JSON_BYTES", "dumps", "from_document", "loads", "to_document"]

FORMAT_NAME = "cfbu-toolkit"
MAX_JSON_BYTES = 200 * 1024 * 1024
"""The largest JSON document read by default, in bytes (200 MiB; ``max_bytes=`` changes it).

A real plan of 100,000 mapping entries is about 80 MB. Reading needs several times a
document's size in memory, so a service that reads untrusted files may want less."""
_BOM = b"\xef\xbb\xbf"
_ENVELOPE_KEYS = ("format", "schema_version", "kind", "data")


def to_document(obj: Exportable) -> dict[str, Any]:
    """``obj`` inside the envelope, as JSON-ready data."""
    return {
        "format": FORMAT_NAME,
        "schema_version": MIGRATIONS.current,
        "kind": kind_of(obj),
        "data": unstructure(obj),
    }


def dumps(obj: Exportable) -> bytes:
    """The JSON document for ``obj``: UTF-8, indented by two spaces, ending in a newline."""
    with collector_paused():
        document = to_document(obj)
        data = orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
        # Freed before the collector resumes: its first collection would walk it all.
        del document
    return data


def loads(
    data: bytes | bytearray | memoryview | str,
    *,
    source: str | None = None,
    migrations: Migrations | None = None,
    max_bytes: int | None = None,
) -> Exportable:
    """Read a JSON document back into the model, checking every reference inside it.

    A document over ``max_bytes`` (default :data:`MAX_JSON_BYTES`) is refused before it is
    parsed; a key written twice in one object is an error naming its JSON path.
    """
    with collector_paused():
        document = parse(data, source=source, max_bytes=max_bytes)
        obj = from_document(document, source=source, migrations=migrations)
        # Free the parsed document before the collector runs again: its first collection
        # walks every object made meanwhile that is still alive.
        del document
    return obj


def check_size(size: int, max_bytes: int | None, source: str | None = None) -> None:
    """Refuse a document of ``size`` bytes over ``max_bytes`` (default :data:`MAX_JSON_BYTES`)."""
    limit = MAX_JSON_BYTES if max_bytes is None else max_bytes
    if size > limit:
        raise DocumentError(
            [
                Problem(
                    where="$",
                    message=N_(
                        "the input is {size} bytes, over the limit of {limit} bytes "
                        "(raise it with max_bytes=)"
                    ),
                    params={"size": format_number(size), "limit": format_number(limit)},
                )
            ],
            source=source,
        )


def parse(
    data: bytes | bytearray | memoryview | str,
    *,
    source: str | None = None,
    max_bytes: int | None = None,
) -> Any:
    """Parse JSON text (bounded in size, no duplicate keys, a UTF-8 BOM skipped)."""
    if isinstance(data, str):
        data = data.removeprefix("\ufeff")
        check_size(len(data), max_bytes, source)
    else:
        view = memoryview(data)
        check_size(view.nbytes, max_bytes, source)
        data = bytes(view[3:]) if view[:3] == _BOM else data
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        located = _scan(data) if "number" in exc.msg else ProblemList()
        if located:
            raise DocumentError(located, source=source) from None
        where = _("line {line}, column {column}", line=exc.lineno, column=exc.colno)
        raise DocumentError(
            [
                Problem(
                    where=where, message=N_("invalid JSON: {reason}"), params={"reason": exc.msg}
                )
            ],
            source=source,
        ) from None
    if not _surely_unique_keys(data, document):
        found = _scan(data)
        if found:
            raise DocumentError(found, source=source)
    return document


def _surely_unique_keys(data: bytes | bytearray | memoryview | str, document: Any) -> bool:
    r"""Whether no object of the document repeats a key, by counting colons.

    Every key is followed by one colon outside strings; colons inside strings are written
    as ``:`` or ``\u003a``. Writing the parsed document again (orjson writes every colon
    plainly) counts the keys and string colons that survived parsing; a dropped duplicate
    key makes the text's count larger. Equal counts prove there is none; unequal counts
    (a duplicate, or a literal backslash before ``u003a``) send the text to :func:`_scan`.
    """
    try:
        again = orjson.dumps(document)
    except orjson.JSONEncodeError:
        return False
    raw = data.encode() if isinstance(data, str) else bytes(data)
    written = raw.count(b":")
    # A colon written as an escape (rare); a lone backslash is found ten times quicker.
    if b"\\" in raw and b"\\u003" in raw:
        written += raw.count(b"\\u003a") + raw.count(b"\\u003A")
    return written == again.count(b":")


class _Repeated(dict[str, Any]):
    """An object that had keys written more than once (found by :func:`_scan`)."""

    repeated: list[str]


class _Huge:
    """A number too large to hold (found by :func:`_scan`)."""

    def __init__(self, text: str) -> None:
        self.digits = sum(c.isdigit() for c in text)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    repeated = []
    for key, value in pairs:
        if key in result and key not in repeated:
            repeated.append(key)
        result[key] = value
    if not repeated:
        return result
    marked = _Repeated(result)
    marked.repeated = repeated
    return marked


def _number(text: str) -> Any:
    # orjson reads integers and floats as 64-bit values; beyond that is "infinity".
    try:
        value = float(text)
    except OverflowError:
        return _Huge(text)
    return _Huge(text) if value in (float("inf"), float("-inf")) else 0


def _scan(data: bytes | bytearray | memoryview | str) -> ProblemList:
    """The slow, exact look for repeated keys and numbers too large, each with its path.

    Only run when the quick checks suggest one: the standard library's parser reports every
    object's keys in order (orjson keeps only the last of a repeated key).
    """
    import json

    text = data if isinstance(data, str) else bytes(data).decode("utf-8", "replace")
    try:
        tree = json.loads(text, object_pairs_hook=_pairs, parse_int=_number, parse_float=_number)
    except (ValueError, RecursionError):
        return ProblemList()
    found = ProblemList()
    stack: list[tuple[Any, str]] = [(tree, "$")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, _Huge):
            found.add(
                Problem(
                    where=path,
                    message=N_("a number of {digits} digits is too large to read"),
                    params={"digits": value.digits},
                )
            )
        elif isinstance(value, dict):
            for key in getattr(value, "repeated", ()):
                found.add(
                    Problem(
                        where=f"{path}.{key}",
                        message=N_("the key {key!r} is written more than once in this object"),
                        params={"key": key},
                    )
                )
            stack.extend((item, f"{path}.{key}") for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((item, f"{path}[{i}]") for i, item in reversed(list(enumerate(value))))
    return found


def from_document(
    document: Any,
    *,
    source: str | None = None,
    migrations: Migrations | None = None,
) -> Exportable:
    """The object held by a parsed JSON document (the envelope and its data)."""
    cls, data = _open_envelope(document, source, migrations or MIGRATIONS)
    with collector_paused():
        try:
            obj: Exportable = structure(data, cls, root="$.data")
        except DocumentError as exc:
            raise DocumentError(
                exc.problems, source=source, more=exc.more, stopped=exc.stopped
            ) from None
        problems = validate(obj, root="$.data")
    if problems:
        raise DocumentError(problems, source=source)
    return obj


def _open_envelope(
    document: Any, source: str | None, migrations: Migrations
) -> tuple[type[Any], Any]:
    def fail(where: str, message: str, **params: Any) -> DocumentError:
        return DocumentError([Problem(where=where, message=message, params=params)], source=source)

    if type(document) is not dict:
        raise fail(
            "$",
            N_(
                "expected a cfbu-toolkit document (a JSON object with format, "
                "schema_version, kind and data)"
            ),
        )
    problems = [
        Problem(where=f"$.{key}", message=N_("required field missing"))
        for key in _ENVELOPE_KEYS
        if key not in document
    ]
    problems += [
        Problem(where=f"$.{key}", message=N_("unknown field"))
        for key in document
        if key not in _ENVELOPE_KEYS
    ]
    if problems:
        raise DocumentError(problems, source=source)
    if document["format"] != FORMAT_NAME:
        raise fail(
            "$.format",
            N_("expected {expected!r}, got {got!r}"),
            expected=FORMAT_NAME,
            got=document["format"],
        )
    version = document["schema_version"]
    if type(version) is not int:
        raise fail("$.schema_version", N_("expected a whole number, got {got!r}"), got=version)
    kind = document["kind"]
    if type(kind) is not str or kind not in KINDS:
        raise fail(
            "$.kind", N_("{got!r} is not one of {allowed}"), got=kind, allowed=", ".join(KINDS)
        )
    upgraded = migrations.upgrade(document, version)
    if isinstance(upgraded, Problem):
        raise DocumentError([upgraded], source=source)
    return KINDS[upgraded["kind"]], upgraded["data"]


__all__ += ["raise_problems"]
