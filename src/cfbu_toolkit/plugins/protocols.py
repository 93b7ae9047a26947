"""Typed signatures of the hooks, for plugin authors' type checkers.

pluggy matches a hook implementation to its specification by name at run time only, so
``mypy`` cannot see that ``cfbu_exporters(format)`` or a hook returning ``list[str]`` is
wrong. These protocols state what the host calls; a plugin says it implements one and
``mypy --strict`` checks the signature:

- a class plugin subclasses the protocol (``class MyPlugin(cfbu.ExporterPlugin): ...``);
- a module plugin assigns itself to it in a ``TYPE_CHECKING`` block at its end::

      if TYPE_CHECKING:
          import my_plugin

          _plugin: cfbu.ExporterPlugin = my_plugin

At run time the protocols are never consulted: the host still finds hooks by their names.
A test keeps each protocol's method equal to its hook specification in
:mod:`cfbu_toolkit.plugins.hookspecs`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from .types import ExporterSpec, ImporterSpec

__all__ = ["ExporterPlugin", "ImporterPlugin"]


class ExporterPlugin(Protocol):
    """A plugin that adds formats to write: it implements ``cfbu_exporters``."""

    def cfbu_exporters(self) -> Iterable[ExporterSpec]:
        """The formats this plugin writes, one :class:`~cfbu_toolkit.ExporterSpec` each."""
        ...


class ImporterPlugin(Protocol):
    """A plugin that adds formats to read: it implements ``cfbu_importers``."""

    def cfbu_importers(self) -> Iterable[ImporterSpec]:
        """The formats this plugin reads, one :class:`~cfbu_toolkit.ImporterSpec` each."""
        ...
