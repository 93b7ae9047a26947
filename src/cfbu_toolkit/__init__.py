"""cfbu_toolkit: CFBU's tools for cross-sector collaboration in Danish social-housing areas,
as typed data.

>>> import cfbu_toolkit as cfbu
>>> plan = cfbu.examples.demo_plan()
>>> data = cfbu.export(plan, format="json")
>>> cfbu.load(data) == plan
True

The names in ``__all__`` are the public API; everything else may change without notice.
Each name is loaded from its home module on first use (PEP 562), so ``import
cfbu_toolkit`` costs almost nothing and a program pays only for what it touches: a
script that reads JSON never loads the workbook code, the converter or the plugin host
until it calls ``load``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# The built-in formats' package is imported before ``formats`` is defined below: Python
# sets a package's attribute to a subpackage when that subpackage is first imported,
# which would otherwise replace ``cfbu_toolkit.formats()`` with the module on first use.
from . import formats as _formats_package  # noqa: F401  (its __init__ imports nothing)
from ._version import __version__

if TYPE_CHECKING:
    from . import analysis, catalog, examples
    from .analysis.portfolio import Portfolio
    from .api import FormatInfo, export, from_dict, load, to_dict, validate
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
    from .model import *  # noqa: F403
    from .plugins.hookspecs import hookimpl
    from .plugins.manager import PluginWarning
    from .plugins.protocols import ExporterPlugin, ImporterPlugin
    from .plugins.types import ExportContext, ExporterSpec, ImportContext, ImporterSpec
    from .privacy import redact

# Where each public name lives; a name not listed here is one of the model's.
_HOMES = {
    **dict.fromkeys(["FormatInfo", "export", "from_dict", "load", "to_dict", "validate"], ".api"),
    **dict.fromkeys(
        [
            "CfbuError",
            "DocumentError",
            "DuplicatePlanError",
            "FormatError",
            "ModelError",
            "NotAPlanError",
            "PluginError",
            "Problem",
            "WorkbookWarning",
        ],
        ".errors",
    ),
    "Exportable": ".io.kinds",
    "hookimpl": ".plugins.hookspecs",
    "PluginWarning": ".plugins.manager",
    **dict.fromkeys(["ExporterPlugin", "ImporterPlugin"], ".plugins.protocols"),
    **dict.fromkeys(
        ["ExportContext", "ExporterSpec", "ImportContext", "ImporterSpec"], ".plugins.types"
    ),
    "redact": ".privacy",
    "Portfolio": ".analysis.portfolio",
}
_SUBMODULES = frozenset({"analysis", "catalog", "examples"})

__all__ = [
    "ActivityAgreement",
    "ActorSector",
    "ActorType",
    "AgendaItem",
    "AgendaTool",
    "AgreementParty",
    "AgreementSection",
    "AgreementStatus",
    "Assessment",
    "CfbuError",
    "ChildCertificate",
    "CoFinancing",
    "CollaborationAgreement",
    "CollaborationDegree",
    "CollaborationStatus",
    "ContactPerson",
    "CustomFocusArea",
    "DialogueAnswer",
    "DialogueQuestion",
    "DialogueSession",
    "DialogueTheme",
    "DialogueTool",
    "DialogueToolKind",
    "DocumentError",
    "DuplicatePlanError",
    "ExportContext",
    "Exportable",
    "ExporterPlugin",
    "ExporterSpec",
    "FocusArea",
    "FollowUp",
    "FormatError",
    "FormatInfo",
    "FundingPeriod",
    "Goal",
    "Group",
    "GroupKind",
    "ImportContext",
    "ImporterPlugin",
    "ImporterSpec",
    "Indsats",
    "LabelledEnum",
    "Lang",
    "LawfulBasis",
    "Level",
    "Mapping",
    "MappingEntry",
    "MappingMethod",
    "Meeting",
    "MemberRole",
    "Membership",
    "ModelError",
    "NotAPlanError",
    "Organisation",
    "Period",
    "Placement",
    "Plan",
    "PluginError",
    "PluginWarning",
    "Portfolio",
    "Problem",
    "ResourceKind",
    "ValueCategory",
    "ValueGame",
    "ValuePiece",
    "WorkbookWarning",
    "Workshop",
    "WorkshopKind",
    "__version__",
    "analysis",
    "catalog",
    "examples",
    "export",
    "formats",
    "from_dict",
    "hookimpl",
    "load",
    "new_id",
    "redact",
    "to_dict",
    "validate",
]


def formats() -> list[FormatInfo]:
    """Every installed format, exporters and importers together, sorted by name."""
    from .api import formats as installed

    return installed()


def __getattr__(name: str) -> Any:
    """Load a public name from its home module the first time it is asked for."""
    if name in _SUBMODULES:
        value: Any = importlib.import_module(f".{name}", __name__)
    elif name in __all__:
        value = getattr(importlib.import_module(_HOMES.get(name, ".model"), __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names and the module's own, as ``dir()`` and completion expect them."""
    return sorted(set(globals()) | set(__all__))
