"""The JSON document format: one envelope around every kind.

``{"format": "cfbu-toolkit", "schema_version": 1, "kind": "plan", "data": {...}}``. Keys
keep the model's field order, so the same object always gives the same bytes and exports
diff cleanly.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import orjson

from ..errors import DocumentError, Problem
from ..validation import validate
from .converter import raise_problems, structure, unstructure
from .kinds import KINDS, Exportable, kind_of
from .migrations import MIGRATIONS, Migrations

__all__ = ["FORMAT_NAME", "dumps", "from_document", "loads", "to_document"]

FORMAT_NAME = "cfbu-toolkit"
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
    with _gc_paused():
        document = to_document(obj)
        return orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def loads(
    data: bytes | str,
    *,
    source: str | None = None,
    migrations: Migrations | None = None,
) -> Exportable:
    """Read a JSON document back into the model, checking every reference inside it."""
    with _gc_paused():
        try:
            document = orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            where = f"line {exc.lineno}, column {exc.colno}"
            raise DocumentError(
                [Problem(where=where, message=f"invalid JSON: {exc.msg}")], source=source
            ) from None
        return from_document(document, source=source, migrations=migrations)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the garbage collector: reading allocates many small objects that never form
    cycles, and collections triggered meanwhile walk them all again (a third of the time of
    a large load)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def from_document(
    document: Any,
    *,
    source: str | None = None,
    migrations: Migrations | None = None,
) -> Exportable:
    """The object held by a parsed JSON document (the envelope and its data)."""
    cls, data = _open_envelope(document, source, migrations or MIGRATIONS)
    with _gc_paused():
        try:
            obj: Exportable = structure(data, cls, root="$.data")
        except DocumentError as exc:
            raise DocumentError(exc.problems, source=source) from None
        problems = validate(obj, root="$.data")
    if problems:
        raise DocumentError(problems, source=source)
    return obj


def _open_envelope(
    document: Any, source: str | None, migrations: Migrations
) -> tuple[type[Any], Any]:
    def fail(where: str, message: str) -> DocumentError:
        return DocumentError([Problem(where=where, message=message)], source=source)

    if type(document) is not dict:
        raise fail(
            "$",
            "expected a cfbu-toolkit document (a JSON object with format, "
            "schema_version, kind and data)",
        )
    problems = [
        Problem(where=f"$.{key}", message="required field missing")
        for key in _ENVELOPE_KEYS
        if key not in document
    ]
    problems += [
        Problem(where=f"$.{key}", message="unknown field")
        for key in document
        if key not in _ENVELOPE_KEYS
    ]
    if problems:
        raise DocumentError(problems, source=source)
    if document["format"] != FORMAT_NAME:
        raise fail("$.format", f"expected {FORMAT_NAME!r}, got {document['format']!r}")
    version = document["schema_version"]
    if type(version) is not int:
        raise fail("$.schema_version", f"expected a whole number, got {version!r}")
    kind = document["kind"]
    if type(kind) is not str or kind not in KINDS:
        raise fail("$.kind", f"{kind!r} is not one of {', '.join(KINDS)}")
    upgraded = migrations.upgrade(document, version)
    if isinstance(upgraded, Problem):
        raise DocumentError([upgraded], source=source)
    return KINDS[upgraded["kind"]], upgraded["data"]


__all__ += ["raise_problems"]
