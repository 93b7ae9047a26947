"""``cfbu plugin new``: write a small, complete plugin package to start from.

The files are package data under ``template/`` (``common/`` for every plugin, one folder
per kind), filled in with :class:`string.Template`: the template needs only names, so a
templating engine (copier, cookiecutter, jinja) would be a dependency without a use. What
is written installs with pip, registers itself under the ``cfbu_toolkit`` entry-point
group, and passes its own tests and ``mypy --strict``.
"""

from __future__ import annotations

import re
import string
from importlib.resources import files
from pathlib import Path
from typing import Literal

from .._version import __version__
from ..errors import CfbuError
from ..locale import N_
from .types import _NAME_RE

__all__ = ["KINDS", "Kind", "new_plugin"]

Kind = Literal["exporter", "importer"]
KINDS: tuple[Kind, ...] = ("exporter", "importer")

_DESCRIPTIONS = {
    "exporter": "a plan's organisations as CSV (id, name, sector)",
    "importer": "a plan's organisations read from CSV (id, name, sector)",
}


def new_plugin(name: str, *, kind: Kind = "exporter", folder: Path | str = ".") -> Path:
    """Write the plugin package ``cfbu-toolkit-<name>`` into ``folder``; return its path.

    ``name`` is the format's and the plugin's name. An existing package folder is never
    touched: that is an error.
    """
    if type(name) is not str or not _NAME_RE.fullmatch(name):
        raise CfbuError(
            N_(
                "{name!r} is not a plugin name (lower-case letters, digits, - and _, starting "
                "with a letter, at most 40)"
            ),
            name=name,
        )
    if kind not in KINDS:
        raise CfbuError(
            N_("unknown plugin kind {kind!r}; expected {allowed}"),
            kind=kind,
            allowed=", ".join(KINDS),
        )
    values = _values(name, kind)
    target = Path(folder) / values["distribution"]
    if target.exists():
        raise CfbuError(N_("{path} exists already; choose another name or folder"), path=target)
    for relative, text in _files(kind, values).items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target


def _values(name: str, kind: Kind) -> dict[str, str]:
    """What the template's ``$placeholders`` stand for."""
    package = "cfbu_toolkit_" + name.replace("-", "_")
    return {
        "name": name,
        "package": package,
        "distribution": "cfbu-toolkit-" + name.replace("_", "-"),
        "suffix": "." + re.sub(r"[^a-z0-9]", "", name)[:15],
        "requirement": f"cfbu-toolkit>={__version__}",
        "description": _DESCRIPTIONS[kind],
    }


def _files(kind: Kind, values: dict[str, str]) -> dict[str, str]:
    """The package's files by their path inside it, filled in."""
    template = files(__package__ or "cfbu_toolkit.plugins") / "template"
    sources = {
        "pyproject.toml": template / "common" / "pyproject.toml.tmpl",
        "README.md": template / kind / "README.md.tmpl",
        f"src/{values['package']}/__init__.py": template / kind / "__init__.py.tmpl",
        "tests/conftest.py": template / "common" / "conftest.py.tmpl",
        f"tests/test_{values['package']}.py": template / kind / "test_plugin.py.tmpl",
    }
    filled = {
        path: string.Template(source.read_text(encoding="utf-8")).substitute(values)
        for path, source in sources.items()
    }
    filled[f"src/{values['package']}/py.typed"] = ""
    return filled
