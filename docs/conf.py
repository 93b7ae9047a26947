"""Sphinx configuration: MyST Markdown, the Furo theme, API reference from docstrings."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "src"))

from cfbu_toolkit import __version__

project = "cfbu_toolkit"
author = "The cfbu_toolkit developers"
copyright = "2026, the cfbu_toolkit developers"
release = __version__
version = ".".join(__version__.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
# Intersphinx needs the network; builds stay offline unless asked for.
if os.environ.get("CFBU_DOCS_INTERSPHINX"):
    extensions.append("sphinx.ext.intersphinx")
    intersphinx_mapping = {"python": ("https://docs.python.org/3", None)}

source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "conftest.py"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
# Names that appear in signatures but are documented elsewhere or are aliases.
nitpick_ignore_regex = [
    (r"py:.*", r"(attrs|cattrs|pluggy|click|_io|typing|datetime|dt|os|enum|pathlib)\..*"),
    (r"py:.*", r"collections\.abc\..*"),
    (r"py:.*", r"(pyarrow|pandas)\..*"),
    (r"py:.*", r"cfbu_toolkit\.(api|privacy|privacy\.profiles)\.T"),
    (r"py:mod", r"cfbu_toolkit\..*"),
    (r"py:.*", r"(T|S|E|Lang|Privacy|Progress|Exportable|PathLike|Exporter|Importer)"),
    (r"py:class", r"cfbu_toolkit\.model\.enums\.E"),
    (r"py:.*", r"cfbu_toolkit\..*\._.*"),
    (r"py:class", r"(IO|BinaryIO|Any|Literal|Callable|Iterable|Mapping|Path)"),
]

html_theme = "furo"
html_title = f"cfbu_toolkit {release}"
html_static_path = ["_static"]
language = "en"


def _write_tables_page(app: object) -> None:
    """Generate tables.md (the flat tables' reference) from the code before reading."""
    sys.path.insert(0, str(Path(__file__).parent))
    import make_tables

    text = make_tables.render()
    if not make_tables.PAGE.exists() or make_tables.PAGE.read_text(encoding="utf-8") != text:
        make_tables.PAGE.write_text(text, encoding="utf-8")


def setup(app: object) -> None:
    app.connect("builder-inited", _write_tables_page)  # type: ignore[attr-defined]
