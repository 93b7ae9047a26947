"""The two doors, ``export`` and ``load``, and the helpers around them.

Everything a plugin adds comes through these functions: the format is chosen by name or
by the file's suffix, the kind is checked before a byte is written, personal data is
handled by the privacy profile, and a file is only ever replaced whole.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import IO, Any, TypeVar, overload

import attrs

from .errors import CfbuError, FormatError, PluginError, Problem
from .files import atomic_write
from .io.converter import structure, unstructure
from .io.kinds import KINDS, Exportable, kind_of
from .locale import N_, translate
from .model import Lang, Plan
from .plugins.manager import Registered, get_host
from .plugins.types import (
    SNIFF_BYTES,
    ExportContext,
    ExporterSpec,
    ImportContext,
    ImporterSpec,
    Progress,
)
from .privacy import PRIVACY_PROFILES, Privacy, redact
from .validation import validate

__all__ = ["FormatInfo", "export", "formats", "from_dict", "load", "to_dict", "validate"]

T = TypeVar("T")
PathLike = str | os.PathLike[str]


@attrs.frozen(kw_only=True)
class FormatInfo:
    """An installed format: what it is called, its files, what it takes, who supplied it."""

    name: str
    suffixes: tuple[str, ...]
    media_type: str
    kinds: frozenset[str]
    """Every kind the format handles, in either direction."""
    can_export: bool
    can_import: bool
    plugin: str
    distribution: str
    description: str
    """What the format is, in the current language."""
    export_kinds: frozenset[str] = frozenset()
    """The kinds its exporter writes (empty when it only reads)."""
    import_kinds: frozenset[str] = frozenset()
    """The kinds its importer reads (empty when it only writes)."""


def formats() -> list[FormatInfo]:
    """Every installed format, exporters and importers together, sorted by name."""
    host = get_host()
    exporters, importers = host.exporters(), host.importers()
    infos = []
    for name in sorted(exporters.keys() | importers.keys()):
        registered: Registered[Any] = exporters.get(name) or importers[name]
        spec = registered.spec
        export_kinds = exporters[name].spec.kinds if name in exporters else frozenset()
        import_kinds = importers[name].spec.kinds if name in importers else frozenset()
        infos.append(
            FormatInfo(
                name=name,
                suffixes=spec.suffixes,
                media_type=spec.media_type,
                kinds=export_kinds | import_kinds,
                can_export=name in exporters,
                can_import=name in importers,
                plugin=registered.plugin,
                distribution=registered.distribution,
                description=translate(spec.description) if spec.description else "",
                export_kinds=export_kinds,
                import_kinds=import_kinds,
            )
        )
    return infos


def _is_stream(target: object) -> bool:
    return hasattr(target, "write") or hasattr(target, "read")


def _choose_exporter(target: object, format: str | None) -> Registered[ExporterSpec]:
    host = get_host()
    if format is not None:
        return host.exporter(format)
    if target is None or _is_stream(target):
        installed = ", ".join(sorted(host.exporters()))
        raise FormatError(f"name the format with format=...; installed: {installed}")
    return host.exporter_for_suffix(Path(target).suffix)  # type: ignore[arg-type]


@overload
def export(
    obj: Exportable,
    target: None = None,
    *,
    format: str | None = None,
    lang: Lang = "da",
    privacy: Privacy = "keep",
    progress: Progress | None = None,
    **options: Any,
) -> bytes: ...
@overload
def export(
    obj: Exportable,
    target: PathLike | IO[bytes],
    *,
    format: str | None = None,
    lang: Lang = "da",
    privacy: Privacy = "keep",
    progress: Progress | None = None,
    **options: Any,
) -> None: ...
def export(
    obj: Exportable,
    target: PathLike | IO[bytes] | None = None,
    *,
    format: str | None = None,
    lang: Lang = "da",
    privacy: Privacy = "keep",
    progress: Progress | None = None,
    **options: Any,
) -> bytes | None:
    """Write ``obj`` (a plan or one of its parts) in a format.

    The format is ``format`` or else taken from ``target``'s suffix. With no ``target`` the
    bytes are returned. A file target is written beside itself and then put in place, so a
    failed export leaves an existing file as it was. ``plan=`` (for a part) lets a format
    show names behind ids; other ``options`` go to the exporter.
    """
    registered = _choose_exporter(target, format)
    spec = registered.spec
    kind = kind_of(obj)
    if kind not in spec.kinds:
        takes = ", ".join(sorted(spec.kinds))
        raise FormatError(f"format {spec.name!r} cannot export a {kind}; it takes {takes}")
    if lang not in ("da", "en"):
        raise FormatError(f"unknown language {lang!r}; expected 'da' or 'en'")
    if privacy not in PRIVACY_PROFILES:
        raise FormatError(
            f"unknown privacy profile {privacy!r}; expected one of {', '.join(PRIVACY_PROFILES)}"
        )
    plan = options.pop("plan", None)
    if plan is not None and not isinstance(plan, Plan):
        raise FormatError(f"plan= must be a Plan, got {type(plan).__name__}")
    context = ExportContext(
        lang=lang,
        privacy=privacy,
        options=options,
        progress=progress,
        plan=redact(plan, privacy, lang=lang) if plan is not None else None,
    )
    subject = redact(obj, privacy, lang=lang)
    if target is None:
        buffer = io.BytesIO()
        _run_exporter(registered, subject, buffer, context)
        return buffer.getvalue()
    if _is_stream(target):
        _run_exporter(registered, subject, target, context)  # type: ignore[arg-type]
        return None
    with atomic_write(Path(target)) as stream:  # type: ignore[arg-type]
        _run_exporter(registered, subject, stream, context)
    return None


def _run_exporter(
    registered: Registered[ExporterSpec],
    obj: Exportable,
    stream: IO[bytes],
    context: ExportContext,
) -> None:
    try:
        registered.spec.export(obj, stream, context)
    except CfbuError:
        raise
    except Exception as exc:
        raise PluginError(
            f"exporter {registered.spec.name!r} of plugin {registered.plugin!r} "
            f"({registered.distribution}) failed: {type(exc).__name__}: {exc}",
            plugin=registered.plugin,
        ) from exc


def load(
    source: PathLike | IO[bytes] | bytes,
    *,
    format: str | None = None,
    **options: Any,
) -> Exportable:
    """Read a plan or one of its parts from a file, a binary stream or bytes.

    The format is ``format``, else the file's suffix, else guessed from the first bytes.
    Bad input raises :class:`~cfbu_toolkit.DocumentError` listing every problem with its
    place.
    """
    host = get_host()
    name = None
    if isinstance(source, bytes):
        stream: IO[bytes] = io.BytesIO(source)
    elif _is_stream(source):
        stream = source  # type: ignore[assignment]
        name = getattr(source, "name", None)
    else:
        name = os.fspath(source)  # type: ignore[arg-type]
        try:
            stream = open(name, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise CfbuError(f"{name}: cannot read: {exc.strerror or exc}") from None
    try:
        if format is not None:
            registered = host.importer(format)
        elif isinstance(name, str) and Path(name).suffix:
            registered = host.importer_for_suffix(Path(name).suffix)
        else:
            registered, stream = _sniff(stream)
        lang = options.pop("lang", "da")
        context = ImportContext(source=name, lang=lang, options=options)
        return _run_importer(registered, stream, context)
    finally:
        if not _is_stream(source) and not isinstance(source, bytes):
            stream.close()


def _sniff(stream: IO[bytes]) -> tuple[Registered[ImporterSpec], IO[bytes]]:
    """Tell the format from the first bytes, asking every importer that has a ``sniff``."""
    host = get_host()
    if not stream.seekable():
        stream = io.BytesIO(stream.read())
    start = stream.read(SNIFF_BYTES)
    stream.seek(-len(start), os.SEEK_CUR)
    for registered in host.importers().values():
        sniff = registered.spec.sniff
        if sniff is None:
            continue
        try:
            matched = sniff(start)
        except Exception:  # a broken sniffer must not stop the others
            continue
        if matched:
            return registered, stream
    raise FormatError(N_("cannot tell the format of the input; name it with format=..."))


def _run_importer(
    registered: Registered[ImporterSpec], stream: IO[bytes], context: ImportContext
) -> Exportable:
    try:
        result = registered.spec.load(stream, context)
    except CfbuError:
        raise
    except Exception as exc:
        raise PluginError(
            f"importer {registered.spec.name!r} of plugin {registered.plugin!r} "
            f"({registered.distribution}) failed: {type(exc).__name__}: {exc}",
            plugin=registered.plugin,
        ) from exc
    kind = _KIND_NAMES.get(type(result))
    if kind is None or kind not in registered.spec.kinds:
        raise PluginError(
            N_(
                "importer {format!r} of plugin {plugin!r} ({distribution}) returned {got}, "
                "not one of the kinds it declares ({kinds})"
            ),
            plugin=registered.plugin,
            format=registered.spec.name,
            distribution=registered.distribution,
            got=kind or type(result).__name__,
            kinds=", ".join(sorted(registered.spec.kinds)),
        )
    return result


_KIND_NAMES = {cls: name for name, cls in KINDS.items()}


def to_dict(obj: Exportable) -> dict[str, Any]:
    """``obj`` as JSON-ready data (the ``data`` part of a JSON document)."""
    kind_of(obj)
    return unstructure(obj)


def from_dict(data: Any, cls: type[T]) -> T:
    """A ``cls`` built from JSON-ready data, checked as :func:`load` checks a document."""
    if cls not in KINDS.values():
        allowed = ", ".join(c.__name__ for c in KINDS.values())
        raise FormatError(
            f"cannot build a {getattr(cls, '__name__', cls)}; expected one of {allowed}"
        )
    obj = structure(data, cls)
    problems: list[Problem] = validate(obj)
    if problems:
        from .errors import DocumentError

        raise DocumentError(problems)
    return obj
