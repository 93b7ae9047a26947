"""One-file plugins from ``CFBU_PLUGINS_DIR`` (or ``cfbu --plugins-dir``): found, isolated."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from cfbu_toolkit.cli import main
from cfbu_toolkit.plugins import PluginHost, PluginWarning, set_host

GOOD = textwrap.dedent(
    """
    import cfbu_toolkit as cfbu

    def _export(obj, stream, context):
        stream.write(obj.name.encode())

    @cfbu.hookimpl
    def cfbu_exporters():
        return [
            cfbu.ExporterSpec(
                name="navneskilt", suffixes=(".skilt",), media_type="text/plain",
                kinds={"plan"}, export=_export, description="Just the plan's name",
            )
        ]
    """
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "navneskilt.py").write_text(GOOD)
    (tmp_path / "broken.py").write_text("import cfbu_toolkit\nthis is not python\n")
    (tmp_path / "_private.py").write_text("raise SystemExit('never imported')\n")
    monkeypatch.delenv("CFBU_DISABLED_PLUGINS", raising=False)
    monkeypatch.delenv("CFBU_LOAD_PLUGINS", raising=False)
    return tmp_path


@pytest.mark.usefixtures("english")  # matches the English message
def test_a_one_file_plugin_is_loaded_and_a_broken_one_skipped_by_name(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CFBU_PLUGINS_DIR", str(folder))
    host = PluginHost(entry_points=True)
    with pytest.warns(PluginWarning, match="broken.py"):
        exporters = host.exporters()
    assert exporters["navneskilt"].distribution == f"file {folder / 'navneskilt.py'}"
    assert "json" in exporters  # the built-ins are unaffected
    assert not host.pm.has_plugin("_private")


def test_the_command_takes_a_plugins_folder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CFBU_PLUGINS_DIR", "")  # restored after the test; the command sets it
    previous = set_host(None)
    try:
        result = CliRunner().invoke(main, ["--plugins-dir", str(folder), "formats"])
    finally:
        set_host(previous)
    assert result.exit_code == 0, result.output
    assert "navneskilt" in result.stdout
    assert "broken.py" in result.stderr


def test_the_documented_warning_filter_makes_a_misspelt_hook_fail(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "test_mine.py").write_text(
        textwrap.dedent(
            """
            import cfbu_toolkit as cfbu
            from cfbu_toolkit.plugins import PluginHost

            class Typo:
                @cfbu.hookimpl
                def cfbu_exporter(self):  # misspelt: the hook is cfbu_exporters
                    return []

            def test_it():
                host = PluginHost(entry_points=False)
                host.register(Typo(), name="typo")
                host.exporters()
            """
        )
    )
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)]
    plain = subprocess.run(args, capture_output=True, text=True, cwd=tmp_path)
    strict = subprocess.run(
        [*args, "-W", "error::cfbu_toolkit.PluginWarning"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert plain.returncode == 0, plain.stdout
    assert strict.returncode == 1, strict.stdout
    assert "PluginWarning" in strict.stdout
