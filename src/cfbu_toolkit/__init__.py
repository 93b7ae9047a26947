"""cfbu_toolkit: CFBU's tools for cross-sector collaboration in Danish social-housing areas,
as typed data.

>>> import cfbu_toolkit as cfbu
>>> plan = cfbu.examples.demo_plan()
>>> data = cfbu.export(plan, format="json")
>>> cfbu.load(data) == plan
True

The names in ``__all__`` are the public API; everything else may change without notice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The built-in formats' package is loaded before the ``formats`` function is bound below:
# Python sets a package's attribute to a subpackage when that subpackage is first imported,
# which would otherwise replace ``cfbu_toolkit.formats()`` with the module on first use.
from . import formats as _formats_package  # noqa: F401  (its __init__ imports nothing)
from ._version import __version__
from .api import FormatInfo, export, formats, from_dict, load, to_dict, validate
from .errors import (
    CfbuError,
    DocumentError,
    DuplicatePlanError,
    FormatError,
    ModelError,
    NotAPlanError,
    PluginError,
    Problem,
    WorkbookWarning,
)
from .io.kinds import Exportable
from .model import *  # noqa: F403 - the model is public as a whole
from .model import __all__ as _model_all
from .plugins.hookspecs import hookimpl as hookimpl
from .plugins.manager import PluginWarning
from .plugins.protocols import ExporterPlugin, ImporterPlugin
from .plugins.types import ExportContext, ExporterSpec, ImportContext, ImporterSpec
from .privacy import redact

if TYPE_CHECKING:
    from . import analysis, catalog, examples
    from .analysis.portfolio import Portfolio

__all__ = [
    "CfbuError",
    "DocumentError",
    "DuplicatePlanError",
    "ExportContext",
    "Exportable",
    "ExporterPlugin",
    "ExporterSpec",
    "FormatError",
    "FormatInfo",
    "ImportContext",
    "ImporterPlugin",
    "ImporterSpec",
    "ModelError",
    "NotAPlanError",
    "PluginError",
    "PluginWarning",
    "Portfolio",
    "Problem",
    "__version__",
    "analysis",
    "catalog",
    "examples",
    "export",
    "formats",
    "from_dict",
    "hookimpl",
    "load",
    "redact",
    "to_dict",
    "validate",
    "WorkbookWarning",
    *_model_all,
]


def __getattr__(name: str) -> Any:
    # Loaded on first use, so ``import cfbu_toolkit`` stays fast.
    if name in ("analysis", "catalog", "examples"):
        import importlib

        module = importlib.import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    if name == "Portfolio":
        from .analysis.portfolio import Portfolio

        globals()[name] = Portfolio
        return Portfolio
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
