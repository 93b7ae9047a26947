"""Fixtures for testing plugin discovery offline with a fake installed distribution.

``data/fake-plugins/`` holds ``fake_cfbu_plugins-1.0.dist-info`` (its entry points, group
``cfbu_toolkit``) beside the plugin modules, so putting the folder on ``sys.path`` is all it
takes for ``importlib.metadata`` to "install" them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cfbu_toolkit.plugins import PluginHost
from cfbu_toolkit.plugins.manager import DISABLE_ENV, ONLY_ENV
from cfbu_toolkit.testing import fresh_plugin_host

FAKE_PLUGINS = Path(__file__).parent / "data" / "fake-plugins"
FAKE_DISTRIBUTION = "fake-cfbu-plugins"
FAKE_MODULES = (
    "good_plugin",
    "importerror_plugin",
    "bad_descriptor_plugin",
    "raising_plugin",
    "duplicate_plugin",
    "typo_plugin",
)
# Only the JSON built-ins, so these tests do not depend on which other built-in formats
# exist yet; the default set is exercised in test_default_builtins_and_fake_plugins.
JSON_BUILTINS = (("json", "cfbu_toolkit.formats.json.plugin"),)


@pytest.fixture
def fake_path(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The fake distribution on ``sys.path``, none of its modules imported yet."""
    for module in FAKE_MODULES:
        monkeypatch.delitem(sys.modules, module, raising=False)
    monkeypatch.delenv(DISABLE_ENV, raising=False)
    monkeypatch.delenv(ONLY_ENV, raising=False)
    monkeypatch.syspath_prepend(str(FAKE_PLUGINS))  # also invalidates the import caches
    yield FAKE_PLUGINS
    for module in FAKE_MODULES:
        sys.modules.pop(module, None)


@pytest.fixture
def fake_host(fake_path: Path) -> Iterator[PluginHost]:
    """A fresh host that will find the fake plugins (``cfbu_toolkit.testing``'s host, with
    the entry points on), the process-wide host for the test only."""
    with fresh_plugin_host(builtins=JSON_BUILTINS, entry_points=True) as host:
        yield host
