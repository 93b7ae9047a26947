"""The plugin system: hook specifications, descriptors, and the host that loads plugins."""

from __future__ import annotations

from .hookspecs import hookimpl
from .manager import PluginHost, PluginWarning, Registered, get_host, set_host
from .protocols import ExporterPlugin, ImporterPlugin
from .types import ExportContext, ExporterSpec, ImportContext, ImporterSpec, Privacy, Progress

__all__ = [
    "ExportContext",
    "ExporterPlugin",
    "ExporterSpec",
    "ImportContext",
    "ImporterPlugin",
    "ImporterSpec",
    "PluginHost",
    "PluginWarning",
    "Privacy",
    "Progress",
    "Registered",
    "get_host",
    "hookimpl",
    "set_host",
]
