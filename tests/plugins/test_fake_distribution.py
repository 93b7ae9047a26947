"""Plugin faults, found through real entry points of a fake installed distribution.

Each misbehaving plugin in ``data/fake-plugins`` must be skipped (or its error turned into
a ``PluginError``) with a message naming it, while the others keep working.
"""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from importlib.metadata import entry_points
from pathlib import Path

import pytest

import cfbu_toolkit as cfbu
from cfbu_toolkit.plugins import PluginHost, PluginWarning

# As in conftest.py (not imported from there: "conftest" is not a unique module name).
FAKE_DISTRIBUTION = "fake-cfbu-plugins"
FAKE_MODULES = ("good_plugin", "importerror_plugin", "bad_descriptor_plugin", "raising_plugin")
PLAN = cfbu.Plan(id="plan-x", name="Helhedsplan X")
JSON_BUILTINS = (("json", "cfbu_toolkit.formats.json.plugin"),)


def load_with_warnings(host: PluginHost) -> list[str]:
    """Load the host's formats, returning every PluginWarning message."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        host.exporters()
        host.importers()
    return [str(w.message) for w in caught if issubclass(w.category, PluginWarning)]


def matching(messages: list[str], *parts: str) -> list[str]:
    return [m for m in messages if all(part in m for part in parts)]


def names() -> set[str]:
    return {info.name for info in cfbu.formats()}


def test_the_fake_distribution_is_seen_by_importlib_metadata(fake_path: Path) -> None:
    found = {ep.name: ep for ep in entry_points(group="cfbu_toolkit")}
    for name in ("good", "importerror", "bad_dict", "bad_spec", "raising", "duplicate", "typo"):
        assert name in found
        dist = found[name].dist
        assert dist is not None
        assert dist.name == FAKE_DISTRIBUTION


def test_good_plugin_works_through_its_entry_point(fake_host: PluginHost) -> None:
    load_with_warnings(fake_host)
    (info,) = [i for i in cfbu.formats() if i.name == "good"]
    assert (info.plugin, info.distribution) == ("good", FAKE_DISTRIBUTION)
    assert info.suffixes == (".good",)
    assert info.can_export
    assert info.can_import
    assert cfbu.export(PLAN, format="good", lang="en") == b"good:en:Helhedsplan X\n"
    assert cfbu.load(b"good:da:Fra fil", format="good") == cfbu.Plan(
        id="plan-good", name="Fra fil"
    )


@pytest.mark.usefixtures("english")  # matches the English message
def test_a_plugin_that_fails_to_import_is_skipped_with_a_warning(
    fake_host: PluginHost,
) -> None:
    messages = load_with_warnings(fake_host)
    assert matching(messages, "'importerror'", FAKE_DISTRIBUTION, "ImportError")
    assert matching(messages, "'importerror'", "some_missing_dependency")
    assert not fake_host.pm.has_plugin("importerror")
    assert "good" in names()


@pytest.mark.usefixtures("english")  # matches the English message
def test_bad_descriptors_are_warned_and_ignored(fake_host: PluginHost) -> None:
    messages = load_with_warnings(fake_host)
    assert matching(messages, "'bad_dict'", FAKE_DISTRIBUTION, "returned dict", "ExporterSpec")
    assert matching(messages, "'bad_spec'", FAKE_DISTRIBUTION, "ModelError", "Not A Name!")
    assert "dicty" not in names()
    assert "good" in names()


@pytest.mark.usefixtures("english")  # matches the English message
def test_a_misspelt_hook_skips_only_that_plugin(fake_host: PluginHost) -> None:
    messages = load_with_warnings(fake_host)
    assert matching(messages, "'typo'", "cfbu_exporter")
    assert not fake_host.pm.has_plugin("typo")
    assert {"good", "json", "boom"} <= names()


@pytest.mark.usefixtures("english")  # matches the English message
def test_a_raising_exporter_gives_plugin_error_and_leaves_the_target(
    fake_host: PluginHost, tmp_path: Path
) -> None:
    load_with_warnings(fake_host)
    target = tmp_path / "plan.boom"
    target.write_bytes(b"the previous export\x00\xff")
    with pytest.raises(cfbu.PluginError) as caught:
        cfbu.export(PLAN, target)
    assert caught.value.plugin == "raising"
    message = str(caught.value)
    assert "'raising'" in message
    assert FAKE_DISTRIBUTION in message
    assert "broke half-way" in message
    assert isinstance(caught.value.__cause__, RuntimeError)
    assert target.read_bytes() == b"the previous export\x00\xff"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.boom"]
    # the other formats still work, through the same host
    cfbu.export(PLAN, tmp_path / "plan.good")
    assert (tmp_path / "plan.good").read_bytes() == b"good:da:Helhedsplan X\n"
    cfbu.export(PLAN, tmp_path / "plan.json")
    assert cfbu.load(tmp_path / "plan.json") == PLAN


def test_a_duplicate_name_names_both_distributions_and_the_builtin_wins(
    fake_host: PluginHost,
) -> None:
    messages = load_with_warnings(fake_host)
    (message,) = matching(messages, "'json'", "twice")
    assert "'duplicate'" in message
    assert FAKE_DISTRIBUTION in message
    assert "cfbu-toolkit)" in message  # the built-in's distribution
    (info,) = [i for i in cfbu.formats() if i.name == "json"]
    assert (info.plugin, info.distribution) == ("json", "cfbu-toolkit")
    data = cfbu.export(PLAN, format="json")
    assert data != b"not the real json"
    assert cfbu.load(data) == PLAN


def test_disabled_plugins_are_not_even_imported(
    fake_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CFBU_DISABLED_PLUGINS", "good, raising")
    host = PluginHost(builtins=())
    load_with_warnings(host)
    exporters = host.exporters()
    assert "good" not in exporters
    assert "boom" not in exporters
    assert "good_plugin" not in sys.modules
    assert "raising_plugin" not in sys.modules
    assert host.pm.is_blocked("good")


def test_load_plugins_names_the_only_installed_plugins_to_load(
    fake_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CFBU_LOAD_PLUGINS", "good")
    host = PluginHost(builtins=JSON_BUILTINS)
    load_with_warnings(host)
    exporters = host.exporters()
    assert "good" in exporters
    assert "json" in exporters  # built-ins always load
    assert "boom" not in exporters
    assert "raising_plugin" not in sys.modules
    assert "importerror_plugin" not in sys.modules


def test_an_empty_load_plugins_loads_only_the_builtins(
    fake_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CFBU_LOAD_PLUGINS", "")
    host = PluginHost(builtins=JSON_BUILTINS)
    assert load_with_warnings(host) == []
    assert sorted(host.exporters()) == ["json"]
    assert not any(module in sys.modules for module in FAKE_MODULES)


def test_loading_is_lazy(fake_path: Path) -> None:
    host = PluginHost()
    assert not any(module in sys.modules for module in FAKE_MODULES)
    load_with_warnings(host)
    assert "good_plugin" in sys.modules
    assert "good" in host.exporters()


def test_loading_twice_registers_once(fake_host: PluginHost) -> None:
    load_with_warnings(fake_host)
    before = sorted(name for name, _ in fake_host.pm.list_name_plugin())
    fake_host.load()
    assert sorted(name for name, _ in fake_host.pm.list_name_plugin()) == before


def test_default_builtins_and_fake_plugins(fake_path: Path) -> None:
    host = PluginHost()  # DEFAULT_PLUGINS, as in real use
    load_with_warnings(host)
    exporters = host.exporters()
    assert exporters["json"].distribution == "cfbu-toolkit"
    assert exporters["good"].distribution == FAKE_DISTRIBUTION


def test_import_cfbu_toolkit_imports_no_plugin(fake_path: Path) -> None:
    """In a fresh interpreter: importing the library loads no plugin module; the first
    ``formats()`` does."""
    script = (
        "import sys\n"
        "import cfbu_toolkit as cfbu\n"
        "plugins = ('good_plugin', 'cfbu_toolkit_kumu', 'cfbu_toolkit.formats.json.plugin')\n"
        "before = [m for m in plugins if m in sys.modules]\n"
        "from cfbu_toolkit.plugins import PluginHost\n"
        "PluginHost()\n"
        "made = [m for m in plugins if m in sys.modules]\n"
        "cfbu.formats()\n"
        "print(before, made, 'good_plugin' in sys.modules, "
        "'cfbu_toolkit.formats.json.plugin' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(fake_path)}
    env.pop("CFBU_DISABLED_PLUGINS", None)
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert result.stdout.strip() == "[] [] True True"
