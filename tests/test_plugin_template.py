"""``cfbu plugin new``: the package it writes installs, passes its own tests, and works.

The install test builds the generated package with pip into a throwaway virtual
environment that sees this interpreter's packages (cfbu_toolkit among them), runs the
plugin's own tests there, then ``cfbu formats`` and ``cfbu export`` with it.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import cfbu_toolkit as cfbu
from cfbu_toolkit.cli import main
from cfbu_toolkit.locale import use_lang
from cfbu_toolkit.plugins.scaffold import new_plugin
from cfbu_toolkit.testing import fresh_plugin_host


def test_new_writes_a_complete_package(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["plugin", "new", "names", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    root = tmp_path / "cfbu-toolkit-names"
    assert f"skrev {root}" in result.output
    written = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    assert written == [
        "README.md",
        "pyproject.toml",
        "src/cfbu_toolkit_names/__init__.py",
        "src/cfbu_toolkit_names/py.typed",
        "tests/conftest.py",
        "tests/test_cfbu_toolkit_names.py",
    ]
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert '[project.entry-points.cfbu_toolkit]\nnames = "cfbu_toolkit_names"' in pyproject
    assert f'"cfbu-toolkit>={cfbu.__version__}"' in pyproject
    assert "$" not in "".join(p.read_text(encoding="utf-8") for p in root.rglob("*.*"))


def test_new_never_overwrites_and_refuses_bad_names(tmp_path: Path) -> None:
    runner = CliRunner()
    (tmp_path / "cfbu-toolkit-names").mkdir()
    (tmp_path / "cfbu-toolkit-names" / "mine.txt").write_text("keep me", encoding="utf-8")
    result = runner.invoke(main, ["plugin", "new", "names", "--dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "findes allerede" in result.output
    assert (tmp_path / "cfbu-toolkit-names" / "mine.txt").read_text() == "keep me"
    assert sorted(p.name for p in (tmp_path / "cfbu-toolkit-names").iterdir()) == ["mine.txt"]
    result = runner.invoke(main, ["plugin", "new", "Navne!", "--dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "er ikke et plugin-navn" in result.output
    with use_lang("en"), pytest.raises(cfbu.CfbuError, match="is not a plugin name"):
        new_plugin("9lives", folder=tmp_path)


def test_help_is_danish_by_default() -> None:
    result = CliRunner().invoke(main, ["plugin", "new", "--help"])
    assert "Skriv en ny plugin-pakke" in result.output


@pytest.mark.parametrize("kind", ["exporter", "importer"])
def test_the_module_works_as_a_one_file_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    root = new_plugin(
        "names", kind="exporter" if kind == "exporter" else "importer", folder=tmp_path
    )
    folder = tmp_path / "one-file"
    folder.mkdir()
    shutil.copy(root / "src" / "cfbu_toolkit_names" / "__init__.py", folder / "names.py")
    monkeypatch.setenv("CFBU_PLUGINS_DIR", str(folder))
    monkeypatch.delitem(sys.modules, "cfbu_toolkit_plugins_dir.names", raising=False)
    with fresh_plugin_host(entry_points=True):
        result = CliRunner().invoke(main, ["formats"])
        assert result.exit_code == 0, result.output
        assert f"plugin: names (filen {folder / 'names.py'})" in result.output
        info = {i.name: i for i in cfbu.formats()}["names"]
        assert (info.can_export, info.can_import) == (kind == "exporter", kind == "importer")
    sys.modules.pop("cfbu_toolkit_plugins_dir.names", None)


def _throwaway_venv(where: Path) -> Path:
    """A virtual environment that sees this interpreter's packages; its python."""
    subprocess.run(
        [sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(where)],
        check=True,
    )
    python = where / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # --system-site-packages reaches the base interpreter's packages, not this (virtual)
    # environment's: add them, .pth files included (an editable cfbu_toolkit is one).
    lines = [f"import site; site.addsitedir({p!r})" for p in site.getsitepackages()]
    Path(purelib, "_parent_environment.pth").write_text("\n".join(lines) + "\n")
    return python


def _run(*args: str | Path, cwd: Path) -> str:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("CFBU_LOAD_PLUGINS", "CFBU_DISABLED_PLUGINS", "CFBU_PLUGINS_DIR")
    }
    env.update(HYPOTHESIS_PROFILE="fast", PIP_DISABLE_PIP_VERSION_CHECK="1", CFBU_LANG="en")
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{args}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_generated_plugins_install_pass_their_own_tests_and_work(tmp_path: Path) -> None:
    writer = new_plugin("names", folder=tmp_path)
    reader = new_plugin("navne", kind="importer", folder=tmp_path)
    python = _throwaway_venv(tmp_path / "venv")
    # Offline when hatchling is installed (the test extra has it); else pip fetches it.
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-build-isolation"]
    pip = [python, "-m", "pip", "install", "-q", "--no-deps", *isolation]
    _run(*pip, writer, reader, cwd=tmp_path)
    pytest_ = [python, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    assert "2 passed" in _run(*pytest_, cwd=writer)  # through the host, and the property
    assert "3 passed" in _run(*pytest_, cwd=reader)
    cfbu_ = [python, "-m", "cfbu_toolkit"]
    formats = _run(*cfbu_, "formats", cwd=tmp_path)
    assert "plugin: names (cfbu-toolkit-names)" in formats
    assert "plugin: navne (cfbu-toolkit-navne)" in formats
    plan = cfbu.examples.demo_plan()
    cfbu.export(plan, tmp_path / "plan.json")
    _run(*cfbu_, "export", "plan.json", "-o", "plan.names", cwd=tmp_path)
    text = (tmp_path / "plan.names").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["id", "name", "sector"]
    assert [row[0] for row in rows[1:]] == [org.id for org in plan.organisations]
    # The importer reads what the exporter wrote (sectors by their English labels).
    (tmp_path / "plan.navne").write_text(text, encoding="utf-8")
    _run(*cfbu_, "export", "plan.navne", "-o", "back.json", cwd=tmp_path)
    back = cfbu.load(tmp_path / "back.json")
    assert isinstance(back, cfbu.Plan)
    assert [(o.id, o.sector) for o in back.organisations] == [
        (o.id, o.sector) for o in plan.organisations
    ]
