"""docs/tables.md, the reference of the flat tables, is generated in the docs build."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from cfbu_toolkit.analysis import TABLES

SCRIPT = Path(__file__).resolve().parent.parent / "docs" / "make_tables.py"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_tables", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_docs_build_writes_the_page() -> None:
    conf = (SCRIPT.parent / "conf.py").read_text(encoding="utf-8")
    assert 'app.connect("builder-inited", _write_tables_page)' in conf
    index = (SCRIPT.parent / "index.md").read_text(encoding="utf-8")
    assert "\ntables\n" in index


def test_the_page_lists_every_column_of_every_table() -> None:
    text = _script().render()
    for kind, table in TABLES.items():
        section = text.split(f"\n## {kind}\n", 1)[1].split("\n## ", 1)[0]
        for column in table.columns:
            assert f"| `{column.name}` |" in section, (kind, column.name)
        for column in table.columns:
            if column.personal:
                line = next(
                    x for x in section.splitlines() if x.startswith(f"| `{column.name}` |")
                )
                assert line.endswith("| yes |"), (kind, column.name)
