"""Reading the catalogue's data files into the model.

Every file is a small envelope, ``{"format": "cfbu-toolkit-catalogue", "version": "2026.1",
"kind": "...", "data": ...}``, structured with the project's strict converter. A broken file
is a packaging bug (or a bad user copy), so loading fails loudly: a
:class:`~cfbu_toolkit.errors.DocumentError` names the file and the JSON path of each problem.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.abc import Traversable
from typing import Any, TypeVar

import orjson

from ..errors import DocumentError, Problem
from ..io.converter import structure
from ..locale import N_, _
from ..model import DialogueTool

__all__ = ["CATALOGUE_FORMAT", "load_items", "load_tool", "read_envelope"]

T = TypeVar("T")

CATALOGUE_FORMAT = "cfbu-toolkit-catalogue"
_KEYS = ("format", "version", "kind", "data")


def _fail(source: Traversable, where: str, message: str, **params: Any) -> DocumentError:
    return DocumentError(
        [Problem(where=where, message=message, params=params)], source=str(source)
    )


def _parse(source: Traversable) -> Any:
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise _fail(
            source, "$", N_("cannot read the catalogue file ({reason})"), reason=str(exc)
        ) from None
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        where = _("line {line}, column {column}", line=exc.lineno, column=exc.colno)
        raise _fail(source, where, N_("invalid JSON: {reason}"), reason=exc.msg) from None


def read_envelope(
    source: Traversable, kind: str, *, expected_version: str | None = None
) -> tuple[str, Any]:
    """The version and the data of a catalogue file of ``kind``, the envelope checked."""
    document = _parse(source)
    if type(document) is not dict:
        raise _fail(source, "$", N_("expected an object with format, version, kind and data"))
    problems = [
        Problem(where=f"$.{k}", message=N_("required field missing"))
        for k in _KEYS
        if k not in document
    ]
    problems += [
        Problem(where=f"$.{k}", message=N_("unknown field")) for k in document if k not in _KEYS
    ]
    if problems:
        raise DocumentError(problems, source=str(source))
    if document["format"] != CATALOGUE_FORMAT:
        raise _fail(source, "$.format", N_("expected {expected!r}"), expected=CATALOGUE_FORMAT)
    version = document["version"]
    if type(version) is not str or not version.strip():
        raise _fail(source, "$.version", N_("expected a version such as '2026.1'"))
    if expected_version is not None and version != expected_version:
        raise _fail(
            source,
            "$.version",
            N_("expected catalogue version {expected!r}, got {got!r}"),
            expected=expected_version,
            got=version,
        )
    if document["kind"] != kind:
        raise _fail(
            source,
            "$.kind",
            N_("expected {expected!r}, got {got!r}"),
            expected=kind,
            got=document["kind"],
        )
    return version, document["data"]


def load_tool(source: Traversable, *, expected_version: str | None = None) -> DialogueTool:
    """A dialogue tool (question set); its ``version`` is the file's catalogue version."""
    version, data = read_envelope(source, "dialogue_tool", expected_version=expected_version)
    if type(data) is not dict:
        raise _fail(source, "$.data", "expected an object (the dialogue tool)")
    if data.get("version", version) != version:
        raise _fail(source, "$.data.version", f"expected {version!r}, the file's version")
    try:
        return structure({**data, "version": version}, DialogueTool, root="$.data")
    except DocumentError as exc:
        raise DocumentError(
            exc.problems, source=str(source), more=exc.more, stopped=exc.stopped
        ) from None


def load_items(
    source: Traversable,
    kind: str,
    cls: type[T],
    key: Callable[[T], str],
    *,
    expected_version: str | None = None,
) -> tuple[T, ...]:
    """A list of ``cls`` (section templates, value pieces); ``key`` must not repeat."""
    _, data = read_envelope(source, kind, expected_version=expected_version)
    if type(data) is not list:
        raise _fail(source, "$.data", N_("expected a list of {kind}"), kind=kind.replace("_", " "))
    found: list[T] = []
    problems: list[Problem] = []
    first: dict[str, int] = {}
    for index, item in enumerate(data):
        where = f"$.data[{index}]"
        try:
            obj = structure(item, cls, root=where)
        except DocumentError as exc:
            problems += exc.problems
            continue
        k = key(obj)
        if k in first:
            message = N_("{key!r} is already used at {first}")
            params = {"key": k, "first": f"$.data[{first[k]}]"}
            problems.append(Problem(where=where, message=message, params=params))
        first.setdefault(k, index)
        found.append(obj)
    if problems:
        raise DocumentError(problems, source=str(source))
    return tuple(found)
