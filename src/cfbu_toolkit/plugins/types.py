"""The descriptors plugins return: what a format is called, what it reads or writes, and
the callable that does it. Frozen attrs classes, checked when made."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import IO, Any

import attrs

from ..errors import ModelError
from ..io.kinds import KINDS, Exportable
from ..locale import N_
from ..model import Lang, Plan
from ..model._base import freeze
from ..privacy import Privacy
from ..progress import Progress

__all__ = [
    "SNIFF_BYTES",
    "ExportContext",
    "ExporterSpec",
    "ImportContext",
    "ImporterSpec",
    "Privacy",
    "Progress",
    "Sniffer",
]


_NAME_RE = re.compile(r"[a-z][a-z0-9_-]{0,39}")
_SUFFIX_RE = re.compile(r"\.[a-z0-9][a-z0-9.]{0,15}")


def _suffix_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return freeze(value)


def _kind_set(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        raise ModelError(N_("expected a collection of kind names, got a single string"))
    return frozenset(value)


def _check_name(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not str or not _NAME_RE.fullmatch(value):
        raise ModelError(
            N_(
                "{value!r} is not a format name (lower-case letters, digits, - and _, "
                "starting with a letter)"
            ),
            field=attribute.name,
            value=value,
        )


def _check_suffixes(_: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    for suffix in value:
        if not isinstance(suffix, str) or not _SUFFIX_RE.fullmatch(suffix):
            raise ModelError(
                N_("{value!r} is not a file suffix (a dot, then lower-case letters and digits)"),
                field=attribute.name,
                value=suffix,
            )


def _check_kinds(_: object, attribute: attrs.Attribute[Any], value: frozenset[str]) -> None:
    if not value:
        raise ModelError(N_("must name at least one kind"), field=attribute.name)
    unknown = sorted(k for k in value if k not in KINDS)
    if unknown:
        raise ModelError(
            N_("unknown kinds {unknown}; expected some of {allowed}"),
            field=attribute.name,
            unknown=unknown,
            allowed=", ".join(KINDS),
        )


def _option_set(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        raise ModelError(N_("expected a collection of option names, got a single string"))
    names = frozenset(value)
    for name in names:
        if not str(name).isidentifier():
            raise ModelError(N_("{name!r} is not an option name"), name=name, field="options")
    return names


def _check_callable(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not callable(value):
        raise ModelError(N_("must be callable"), field=attribute.name)


def _check_media_type(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or "/" not in value:
        raise ModelError(
            N_("{value!r} is not a media type such as text/markdown"),
            field=attribute.name,
            value=value,
        )


@attrs.frozen(kw_only=True)
class ExportContext:
    """What an exporter is asked to do besides the object: language, options, progress.

    Privacy has already been applied to the object by the time an exporter sees it.
    """

    lang: Lang = "da"
    privacy: Privacy = "keep"
    options: Mapping[str, Any] = attrs.field(factory=dict)
    progress: Progress | None = None
    plan: Plan | None = None
    """The plan a part belongs to, when the caller gave it (for names behind ids)."""

    def report(self, done: int, total: int | None = None) -> None:
        """Tell the caller how far the export has come (a no-op without a callback)."""
        if self.progress is not None:
            self.progress(done, total)


@attrs.frozen(kw_only=True)
class ImportContext:
    """What an importer is told besides the bytes: where they came from, options."""

    source: str | None = None
    lang: Lang = "da"
    options: Mapping[str, Any] = attrs.field(factory=dict)


Exporter = Callable[[Exportable, IO[bytes], ExportContext], None]
Importer = Callable[[IO[bytes], ImportContext], Exportable]
Sniffer = Callable[[bytes], bool]
"""Told the first bytes of an input (up to ``SNIFF_BYTES``), says whether it is this format."""

SNIFF_BYTES = 512


@attrs.frozen(kw_only=True)
class ExporterSpec:
    """A format an exporter writes.

    ``export(obj, stream, context)`` writes ``obj`` to the binary ``stream``. ``kinds`` names
    what it accepts (``"plan"``, ``"mapping"``, ...), so a wrong kind is refused before any
    byte is written.
    """

    name: str = attrs.field(validator=_check_name)
    suffixes: tuple[str, ...] = attrs.field(converter=_suffix_tuple, validator=_check_suffixes)
    media_type: str = attrs.field(validator=_check_media_type)
    kinds: frozenset[str] = attrs.field(converter=_kind_set, validator=_check_kinds)
    export: Exporter = attrs.field(validator=_check_callable)
    description: str = ""
    options: frozenset[str] = attrs.field(default=frozenset(), converter=_option_set)
    """The keyword options ``export`` passes on to this exporter (``plan`` is always
    taken); any other keyword is refused before anything is written."""


@attrs.frozen(kw_only=True)
class ImporterSpec:
    """A format an importer reads: ``load(stream, context)`` returns a model object."""

    name: str = attrs.field(validator=_check_name)
    suffixes: tuple[str, ...] = attrs.field(converter=_suffix_tuple, validator=_check_suffixes)
    media_type: str = attrs.field(validator=_check_media_type)
    kinds: frozenset[str] = attrs.field(converter=_kind_set, validator=_check_kinds)
    load: Importer = attrs.field(validator=_check_callable)
    description: str = ""
    options: frozenset[str] = attrs.field(default=frozenset(), converter=_option_set)
    """The keyword options ``load`` passes on to this importer (``lang`` always reaches
    it); any other keyword, ``base=`` included, is refused before the input is read."""
    sniff: Sniffer | None = attrs.field(
        default=None, validator=attrs.validators.optional(_check_callable)
    )
    """Optional: tells the format from an input's first bytes, for inputs without a suffix.

    Called with at most ``SNIFF_BYTES`` bytes; must be quick and must not raise."""
