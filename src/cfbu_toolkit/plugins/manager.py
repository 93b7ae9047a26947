"""The plugin host: finds plugins, isolates them, validates what they return.

Built-in formats are plugins like any other (``DEFAULT_PLUGINS``). Third-party plugins are
found through the ``cfbu_toolkit`` entry-point group on first use, not at import. A plugin
that fails to import, raises in a hook or returns something that is not a descriptor is
skipped with a :class:`PluginWarning` naming it; the others keep working.
"""

from __future__ import annotations

import functools
import importlib
import os
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs
import pluggy

from ..errors import FormatError, Text
from ..locale import N_, translate
from . import hookspecs
from .guard import guarded
from .types import ExporterSpec, ImporterSpec

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

__all__ = [
    "DEFAULT_PLUGINS",
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "ONLY_ENV",
    "PLUGINS_DIR_ENV",
    "PluginHost",
    "PluginWarning",
    "Registered",
    "get_host",
    "set_host",
]

ENTRY_POINT_GROUP = hookspecs.PROJECT
DISABLE_ENV = "CFBU_DISABLED_PLUGINS"
ONLY_ENV = "CFBU_LOAD_PLUGINS"
PLUGINS_DIR_ENV = "CFBU_PLUGINS_DIR"
OWN_DISTRIBUTION = "cfbu-toolkit"

#: The built-in formats, registered through the same path as third-party plugins.
DEFAULT_PLUGINS: tuple[tuple[str, str], ...] = (
    ("json", "cfbu_toolkit.formats.json.plugin"),
    ("markdown", "cfbu_toolkit.formats.markdown.plugin"),
    ("xlsx", "cfbu_toolkit.formats.xlsx.plugin"),
    ("picture", "cfbu_toolkit.formats.picture.plugin"),
)

S = TypeVar("S", ExporterSpec, ImporterSpec)


class PluginWarning(UserWarning):
    """A plugin was skipped or one of its formats was ignored; the message says why."""


@attrs.frozen
class Registered(Generic[S]):
    """A descriptor with the plugin and the distribution that supplied it."""

    spec: S
    plugin: str
    distribution: str


_TAKEN = N_("plugin name {name!r} from {where} is already taken by {taken}; skipped")


def _warn(message: str, /, **params: Any) -> None:
    """Warn with ``message`` (a message id) in the current language."""
    warnings.warn(translate(message, None, **params), PluginWarning, stacklevel=3)


def _names(variable: str) -> frozenset[str]:
    raw = os.environ.get(variable, "")
    return frozenset(name.strip() for name in raw.split(",") if name.strip())


def disabled_plugins() -> frozenset[str]:
    """The plugin names listed in ``CFBU_DISABLED_PLUGINS`` (comma-separated)."""
    return _names(DISABLE_ENV)


def only_plugins() -> frozenset[str] | None:
    """The installed plugins named in ``CFBU_LOAD_PLUGINS``, or ``None`` (load them all).

    Set but empty (``CFBU_LOAD_PLUGINS=``) loads no installed plugin, only the built-ins: a
    pipeline can pin exactly what runs.
    """
    if ONLY_ENV not in os.environ:
        return None
    return _names(ONLY_ENV)


def plugin_files() -> list[Path]:
    """The one-file plugins (``*.py``) in the folders named by ``CFBU_PLUGINS_DIR``.

    Several folders are separated as in ``PATH``; files whose names start with ``_`` or
    ``.`` are left out; the order is by name, so loading is repeatable.
    """
    files: list[Path] = []
    for folder in os.environ.get(PLUGINS_DIR_ENV, "").split(os.pathsep):
        if folder.strip() and Path(folder).is_dir():
            files += sorted(
                p for p in Path(folder).glob("*.py") if not p.name.startswith(("_", "."))
            )
    return files


def _module_from_file(path: Path) -> object:
    """Import the Python file ``path`` as a module of its own (not added to sys.path)."""
    import importlib.util
    import sys

    module_name = f"cfbu_toolkit_plugins_dir.{path.stem}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(module_name, None)
        raise
    return module


class PluginHost:
    """A plugin manager with lazy, isolated loading and a typed view of its hooks.

    ``entry_points=False`` (for tests) skips installed plugins; ``builtins`` chooses the
    built-in modules.
    """

    def __init__(
        self,
        *,
        entry_points: bool = True,
        builtins: Iterable[tuple[str, str]] = DEFAULT_PLUGINS,
    ) -> None:
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self._use_entry_points = entry_points
        self._builtins = tuple(builtins)
        self._distribution: dict[str, str] = {}
        self._loaded = False
        self._cache: dict[str, dict[str, Any]] = {}

    # -- loading ---------------------------------------------------------------------------

    def load(self) -> None:
        """Register the built-ins and installed plugins (once; later calls do nothing)."""
        if self._loaded:
            return
        self._loaded = True
        blocked = disabled_plugins()
        for name in blocked:
            self.pm.set_blocked(name)
        for name, module in self._builtins:
            if name not in blocked:
                self._register_module(name, functools.partial(importlib.import_module, module))
        if self._use_entry_points:
            from importlib.metadata import entry_points  # slow to import: only when used

            only = only_plugins()
            for ep in entry_points(group=ENTRY_POINT_GROUP):
                if ep.name not in blocked and (only is None or ep.name in only):
                    self._register_entry_point(ep)
            for path in plugin_files():
                if path.stem not in blocked:
                    self._register_file(path)
        self._check_pending()

    def _register_file(self, path: Path) -> None:
        """A one-file plugin from ``CFBU_PLUGINS_DIR``, isolated like an entry point."""
        name = path.stem
        where = translate(N_("file {path}"), None, path=str(path))
        if self.pm.has_plugin(name):
            _warn(_TAKEN, name=name, where=where, taken=self._taken_by(name))
            return
        self._register_module(name, functools.partial(_module_from_file, path), where)

    def _taken_by(self, name: str) -> str:
        """The distribution that took a plugin name first, for a warning."""
        return self._distribution.get(name) or translate(N_("another plugin"), None)

    def _check_pending(self) -> None:
        # check_pending raises on the first plugin with an unknown hook (a typo such as
        # cfbu_exporter); skip that plugin with a warning instead of failing every format.
        while True:
            try:
                self.pm.check_pending()
            except pluggy.PluginValidationError as exc:
                name = self.pm.get_name(exc.plugin) or repr(exc.plugin)
                _warn(
                    N_("plugin {name!r} ({distribution}) is skipped: {reason}"),
                    name=name,
                    distribution=self._distribution.get(name, "?"),
                    reason=str(exc),
                )
                self.pm.unregister(exc.plugin)
                self._distribution.pop(name, None)
                continue
            break

    def _register_module(
        self, name: str, load: Callable[[], object], distribution: str = OWN_DISTRIBUTION
    ) -> None:
        try:
            with guarded(name, distribution, "import"):
                plugin = load()
        except Exception as exc:
            _warn(
                N_(
                    "plugin {name!r} ({distribution}) could not be loaded and is skipped: "
                    "{error}: {reason}"
                ),
                name=name,
                distribution=distribution,
                error=type(exc).__name__,
                reason=str(exc),
            )
            return
        self.register(plugin, name=name, distribution=distribution)

    def _register_entry_point(self, ep: EntryPoint) -> None:
        distribution = ep.dist.name if ep.dist is not None else "unknown distribution"
        if self.pm.has_plugin(ep.name) or self.pm.is_blocked(ep.name):
            if not self.pm.is_blocked(ep.name):
                _warn(_TAKEN, name=ep.name, where=distribution, taken=self._taken_by(ep.name))
            return
        self._register_module(ep.name, ep.load, distribution)

    def register(
        self, plugin: object, *, name: str | None = None, distribution: str = "(registered)"
    ) -> str:
        """Register a plugin object (a module or an instance with hook implementations).

        The built-ins and installed plugins are loaded first, so they keep their names.
        """
        self.load()
        try:
            registered = self.pm.register(plugin, name=name)
        except Exception as exc:
            _warn(
                N_("plugin {name!r} ({distribution}) was refused: {reason}"),
                name=name or plugin,
                distribution=distribution,
                reason=str(exc),
            )
            return name or ""
        if registered is None:  # blocked
            return name or ""
        self._distribution[registered] = distribution
        self._cache.clear()
        self._check_pending()
        return registered

    def unregister(self, name: str) -> None:
        """Remove a plugin registered under ``name``."""
        self.pm.unregister(name=name)
        self._cache.clear()

    # -- the typed façade ------------------------------------------------------------------

    def exporters(self) -> dict[str, Registered[ExporterSpec]]:
        """Every valid exporter by format name (the first registration of a name wins)."""
        return self._collect("cfbu_exporters", ExporterSpec)

    def importers(self) -> dict[str, Registered[ImporterSpec]]:
        """Every valid importer by format name (the first registration of a name wins)."""
        return self._collect("cfbu_importers", ImporterSpec)

    def _collect(self, hook_name: str, cls: type[S]) -> dict[str, Registered[S]]:
        cached = self._cache.get(hook_name)
        if cached is not None:
            return cached
        self.load()
        found: dict[str, Registered[S]] = {}
        hook = getattr(self.pm.hook, hook_name)
        # Oldest registration first, so built-ins win a name over later plugins; each
        # implementation is called on its own so one that raises cannot hide the others.
        for impl in hook.get_hookimpls():
            for spec in self._call(impl, hook_name, cls):
                self._add(found, spec, impl.plugin_name, cls)
        self._cache[hook_name] = found
        return found

    def _call(self, impl: Any, hook_name: str, cls: type[S]) -> list[S]:
        where = translate(
            N_("plugin {name!r} ({distribution})"),
            None,
            name=impl.plugin_name,
            distribution=self._distribution.get(impl.plugin_name, "?"),
        )
        try:
            with guarded(
                impl.plugin_name, self._distribution.get(impl.plugin_name, "?"), hook_name
            ):
                result = impl.function()
                items = list(result) if result is not None else []
        except Exception as exc:
            _warn(
                N_("{where} failed in {hook} and is skipped: {error}: {reason}"),
                where=where,
                hook=hook_name,
                error=type(exc).__name__,
                reason=str(exc),
            )
            return []
        good = [item for item in items if isinstance(item, cls)]
        for item in items:
            if not isinstance(item, cls):
                _warn(
                    N_("{where} returned {type} from {hook}, expected {expected}; ignored"),
                    where=where,
                    type=type(item).__name__,
                    hook=hook_name,
                    expected=cls.__name__,
                )
        return good

    def _add(self, found: dict[str, Registered[S]], spec: S, plugin: str, cls: type[S]) -> None:
        distribution = self._distribution.get(plugin, "?")
        earlier = found.get(spec.name)
        if earlier is not None:
            _warn(
                f"{cls.__name__} {spec.name!r} is supplied twice: by plugin "
                f"{earlier.plugin!r} ({earlier.distribution}) and by plugin {plugin!r} "
                f"({distribution}); using the first"
            )
            return
        found[spec.name] = Registered(spec, plugin, distribution)

    # -- lookups ---------------------------------------------------------------------------

    def exporter(self, name: str) -> Registered[ExporterSpec]:
        """The exporter of format ``name``; an unknown name lists the installed ones."""
        return _lookup(self.exporters(), name, N_("export"))

    def importer(self, name: str) -> Registered[ImporterSpec]:
        """The importer of format ``name``; an unknown name lists the installed ones."""
        return _lookup(self.importers(), name, N_("import"))

    def exporter_for_suffix(self, suffix: str) -> Registered[ExporterSpec]:
        """The exporter for a file suffix, so a target's name can choose the format."""
        return _by_suffix(self.exporters(), suffix, N_("export"))

    def importer_for_suffix(self, suffix: str) -> Registered[ImporterSpec]:
        """The importer for a file suffix, so a source's name can choose the format."""
        return _by_suffix(self.importers(), suffix, N_("import"))


def _lookup(table: dict[str, Registered[S]], name: str, verb: str) -> Registered[S]:
    try:
        return table[name]
    except KeyError:
        installed = ", ".join(sorted(table)) or "none"
        raise FormatError(
            N_("no installed format can {verb} {name!r}; installed: {installed}"),
            verb=Text(verb),
            name=name,
            installed=installed,
        ) from None


def _by_suffix(table: dict[str, Registered[S]], suffix: str, verb: str) -> Registered[S]:
    suffix = suffix.lower()
    for registered in table.values():
        if suffix in registered.spec.suffixes:
            return registered
    known = ", ".join(sorted({s for r in table.values() for s in r.spec.suffixes}))
    shown = suffix or "(no suffix)"
    raise FormatError(
        N_(
            "no installed format can {verb} files ending in {suffix}; known suffixes: {known}. "
            "Name the format with format=..."
        ),
        verb=Text(verb),
        suffix=shown,
        known=known,
    )


_host: PluginHost | None = None


def get_host() -> PluginHost:
    """The process-wide plugin host, made on first use."""
    global _host
    if _host is None:
        _host = PluginHost()
    return _host


def set_host(host: PluginHost | None) -> PluginHost | None:
    """Replace the process-wide host (``None``: make a fresh one on next use); returns the old
    one, so tests can put it back."""
    global _host
    old, _host = _host, host
    return old
