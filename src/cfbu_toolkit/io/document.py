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
from ..locale import N_, _
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
            where = _("line {line}, column {column}", line=exc.lineno, column=exc.colno)
            raise DocumentError(
                [
                    Problem(
                        where=where,
                        message=N_("invalid JSON: {reason}"),
                        params={"reason": exc.msg},
                    )
                ],
                source=source,
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
