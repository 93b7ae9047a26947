"""The two doors, ``export`` and ``load``, and the helpers around them.

Everything a plugin adds comes through these functions: the format is chosen by name or
by the file's suffix, the kind is checked before a byte is written, personal data is
handled by the privacy profile, and a file is only ever replaced whole.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar, overload

import attrs

from ._scratch import scratch
from .errors import CfbuError, FormatError, PluginError, Problem
from .files import STDIO, atomic_write, disk_error, open_input, read_stdin
from .io.converter import structure, unstructure
from .io.kinds import KINDS, Exportable, kind_of
from .locale import N_, _, translate
from .model import Lang, Plan
from .plugins.guard import from_caller, guarded, mark_callers
from .plugins.manager import Registered, get_host
from .plugins.types import (
    SNIFF_BYTES,
    ExportContext,
    ExporterSpec,
    ImportContext,
    ImporterSpec,
    Progress,
)
from .privacy import PRIVACY_PROFILES, Privacy
from .privacy.profiles import Redactor
from .privacy.profiles import redactor as _redactor
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
        raise FormatError(
            N_("name the format with format=...; installed: {installed}"), installed=installed
        )
    return host.exporter_for_suffix(Path(target).suffix)  # type: ignore[arg-type]


_WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".ods"})


def _may_use_openpyxl(spec: ExporterSpec) -> bool:
    """Whether the exporter may write a workbook with openpyxl, whose temporary files are
    then sent to the export's folder: a plugin's workbook exporter. The built-in one
    writes with XlsxWriter into that folder, and importing openpyxl would cost a third
    of a second."""
    own = (getattr(spec.export, "__module__", None) or "").startswith("cfbu_toolkit.")
    workbook = bool(_WORKBOOK_SUFFIXES & set(spec.suffixes)) or "spreadsheet" in spec.media_type
    return workbook and not own


def _check_options(spec: ExporterSpec, options: dict[str, Any]) -> None:
    unknown = sorted(set(options) - spec.options)
    if unknown:
        raise FormatError(
            N_(
                "format {format!r} takes no option {unknown}; it takes {taken} (and the "
                "keywords format, lang, privacy, progress, plan, force)"
            ),
            format=spec.name,
            unknown=", ".join(unknown),
            taken=", ".join(sorted(spec.options)) or _("none"),
        )


def _make_export(make_redactor: Callable[..., Redactor]) -> Callable[..., bytes | None]:
    """``export``, holding the privacy code in a closure made at import.

    A plugin that replaces ``cfbu_toolkit.redact`` (or ``api.redact``, or anything else in
    :mod:`cfbu_toolkit.privacy`'s namespace) after import does not switch privacy off for
    :func:`export`: it never looks those names up.
    """

    def export(
        obj: Exportable,
        target: PathLike | IO[bytes] | None = None,
        *,
        format: str | None = None,
        lang: Lang = "da",
        privacy: Privacy = "keep",
        progress: Progress | None = None,
        force: bool = False,
        **options: Any,
    ) -> bytes | None:
        """Write ``obj`` (a plan or one of its parts) in a format.

        The format is ``format`` or else taken from ``target``'s suffix. With no ``target``
        the bytes are returned; ``"-"`` is standard output. A file target is written beside
        itself and then put in place, so a failed export leaves an existing file as it was;
        a device, a FIFO or a folder is refused, a symbolic link is written through, and a
        read-only file is replaced only with ``force=True`` (see :mod:`cfbu_toolkit.files`).
        ``plan=`` (for a part)
        lets a format show names behind ids, and tells the privacy profile whose names to
        take out. Other ``options`` go to the exporter, which declares the ones it takes
        (:attr:`ExporterSpec.options`); any other keyword is an error before anything is
        written. Under ``privacy="omit"`` or ``"pseudonymise"`` the exporter is given only
        redacted objects (see :doc:`privacy`).
        """
        if not (target is None or isinstance(target, str | os.PathLike) or _is_stream(target)):
            raise TypeError(
                _(
                    "export() writes to a file path, a binary stream or nothing (bytes come "
                    "back), not {type}",
                    type=type(target).__name__,
                )
            )
        if isinstance(target, str) and target == STDIO:
            target = sys.stdout.buffer
        registered = _choose_exporter(target, format)
        spec = registered.spec
        kind = kind_of(obj)
        if kind not in spec.kinds:
            raise FormatError(
                N_("format {format!r} cannot export a {kind}; it takes {takes}"),
                format=spec.name,
                kind=kind,
                takes=", ".join(sorted(spec.kinds)),
            )
        if lang not in ("da", "en"):
            raise FormatError(N_("unknown language {lang!r}; expected 'da' or 'en'"), lang=lang)
        if privacy not in PRIVACY_PROFILES:
            raise FormatError(
                N_("unknown privacy profile {privacy!r}; expected one of {allowed}"),
                privacy=privacy,
                allowed=", ".join(PRIVACY_PROFILES),
            )
        # force= belongs to the target handling (replace a read-only target; `cfbu export
        # --force` passes it), not to the exporter.
        options.pop("force", None)
        plan = options.pop("plan", None)
        if plan is not None and not isinstance(plan, Plan):
            raise FormatError(N_("plan= must be a Plan, got {type}"), type=type(plan).__name__)
        _check_options(spec, options)
        if privacy != "keep":
            # One redactor that knows the plan's people cleans the part, the plan and any
            # model object among the options alike, so the exporter sees nothing else.
            redactor = make_redactor(
                privacy, *(s for s in (plan, obj) if s is not None), lang=lang
            )
            obj = redactor.walk(obj)
            plan = redactor.walk(plan) if plan is not None else None
            options = {
                k: redactor.walk(v) if attrs.has(type(v)) else v for k, v in options.items()
            }
        context = ExportContext(
            lang=lang,
            privacy=privacy,
            options=options,
            progress=mark_callers(progress) if progress is not None else None,
            plan=plan,
        )
        with scratch(workbook=_may_use_openpyxl(spec)):
            if target is None:
                buffer = io.BytesIO()
                _run_exporter(registered, obj, buffer, context, "<bytes>")
                return buffer.getvalue()
            if _is_stream(target):
                shown = getattr(target, "name", "<stream>")
                _run_exporter(registered, obj, target, context, shown)  # type: ignore[arg-type]
                if target is sys.stdout.buffer:
                    target.flush()
                return None
            path = Path(target)  # type: ignore[arg-type]
            with atomic_write(path, force=force) as stream:
                _run_exporter(registered, obj, stream, context, path)
            return None

    export.__qualname__ = "export"
    return export


if TYPE_CHECKING:

    @overload
    def export(
        obj: Exportable,
        target: None = None,
        *,
        format: str | None = None,
        lang: Lang = "da",
        privacy: Privacy = "keep",
        progress: Progress | None = None,
        force: bool = False,
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
        force: bool = False,
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
        force: bool = False,
        **options: Any,
    ) -> bytes | None:
        """Write ``obj`` in a format (see the closure made by ``_make_export``)."""
        raise NotImplementedError
else:
    export = _make_export(_redactor)


def _run_exporter(
    registered: Registered[ExporterSpec],
    obj: Exportable,
    stream: IO[bytes],
    context: ExportContext,
    target: object,
) -> None:
    try:
        with guarded(
            registered.plugin, registered.distribution, f"exporter {registered.spec.name!r}"
        ):
            registered.spec.export(obj, stream, context)
    except CfbuError:
        raise
    except OSError as exc:
        # A full disk is the disk's fault, not the plugin's (exporters may write their own
        # temporary files).
        failed = disk_error(exc, target)
        if failed is not None:
            raise failed from None
        if from_caller(exc):
            raise
        raise _plugin_failed(registered, exc) from exc
    except Exception as exc:
        if from_caller(exc):
            raise
        raise _plugin_failed(registered, exc) from exc


def _plugin_failed(registered: Registered[ExporterSpec], exc: Exception) -> PluginError:
    return PluginError(
        N_("exporter {name!r} of plugin {plugin!r} ({distribution}) failed: {type}: {reason}"),
        plugin=registered.plugin,
        name=registered.spec.name,
        distribution=registered.distribution,
        type=type(exc).__name__,
        reason=str(exc),
    )


def load(
    source: PathLike | IO[bytes] | bytes | bytearray | memoryview,
    *,
    format: str | None = None,
    **options: Any,
) -> Exportable:
    """Read a plan or one of its parts from a file, a binary stream or bytes.

    The format is ``format``, else the file's suffix, else guessed from the first bytes.
    ``"-"`` is standard input. Anything but a regular file (a FIFO, a device, a folder) is
    refused before a byte is read, and input is read up to a size limit (``max_bytes=``
    for JSON, 200 MiB by default; a workbook's limits are its own). Bad input raises
    :class:`~cfbu_toolkit.DocumentError` listing the problems with their places.
    """
    host = get_host()
    name = None
    limit = options.get("max_bytes", options.get("max_file_bytes"))
    if isinstance(source, bytearray | memoryview):
        source = bytes(source)
    if isinstance(source, bytes):
        stream: IO[bytes] = io.BytesIO(source)
    elif _is_stream(source):
        stream = source  # type: ignore[assignment]
        name = getattr(source, "name", None)
        name = name if isinstance(name, str) else None
    elif isinstance(source, str) and source == STDIO:
        stream = io.BytesIO(read_stdin(limit if isinstance(limit, int) else None))
        name = STDIO
    elif isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        if not isinstance(name, str):
            raise TypeError(_("load() takes a path as text, not {type}", type="bytes"))
        stream = open_input(name)
    else:
        raise TypeError(
            _(
                "load() reads a file path, a binary stream or bytes, not {type}",
                type=type(source).__name__,
            )
        )
    try:
        if format is not None:
            registered = host.importer(format)
        elif isinstance(name, str) and Path(name).suffix:
            registered = host.importer_for_suffix(Path(name).suffix)
        else:
            registered, stream = _sniff(stream, limit if isinstance(limit, int) else None)
        lang = options.pop("lang", "da")
        unknown = sorted(set(options) - registered.spec.options)
        if unknown:
            raise FormatError(
                N_(
                    "format {format!r} reads no option {unknown}; it takes {taken} (and the "
                    "keywords format and lang)"
                ),
                format=registered.spec.name,
                unknown=", ".join(unknown),
                taken=", ".join(sorted(registered.spec.options)) or _("none"),
            )
        context = ImportContext(source=name, lang=lang, options=options)
        return _run_importer(registered, stream, context)
    finally:
        if not _is_stream(source) and not isinstance(source, bytes):
            stream.close()


def _sniff(
    stream: IO[bytes], limit: int | None = None
) -> tuple[Registered[ImporterSpec], IO[bytes]]:
    """Tell the format from the first bytes, asking every importer that has a ``sniff``."""
    host = get_host()
    if not stream.seekable():
        stream = io.BytesIO(read_stdin(limit, stream))
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
        with guarded(
            registered.plugin, registered.distribution, f"importer {registered.spec.name!r}"
        ):
            result = registered.spec.load(stream, context)
    except CfbuError:
        raise
    except Exception as exc:
        raise PluginError(
            N_("importer {name!r} of plugin {plugin!r} ({distribution}) failed: {type}: {reason}"),
            plugin=registered.plugin,
            name=registered.spec.name,
            distribution=registered.distribution,
            type=type(exc).__name__,
            reason=str(exc),
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
            N_("cannot build a {kind}; expected one of {allowed}"),
            kind=getattr(cls, "__name__", cls),
            allowed=allowed,
        )
    obj = structure(data, cls)
    problems: list[Problem] = validate(obj)
    if problems:
        from .errors import DocumentError

        raise DocumentError(problems)
    return obj
