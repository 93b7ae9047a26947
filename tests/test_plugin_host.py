"""The plugin host with plugins registered inline by each test (a fresh host per test).

Discovery through entry points, and plugins that fail to import, are tested with a fake
installed distribution in ``tests/plugins/``.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from typing import IO, Any

import attrs
import pytest

import cfbu_toolkit as cfbu
from cfbu_toolkit.locale import use_lang
from cfbu_toolkit.plugins import (
    ExporterSpec,
    ImporterSpec,
    PluginHost,
    PluginWarning,
    get_host,
    set_host,
)
from cfbu_toolkit.plugins.hookspecs import PROJECT
from cfbu_toolkit.testing import fresh_plugin_host

JSON_BUILTINS = (("json", "cfbu_toolkit.formats.json.plugin"),)


def write_name(obj: cfbu.Exportable, stream: IO[bytes], context: cfbu.ExportContext) -> None:
    stream.write(type(obj).__name__.encode())


def spec(name_: str, *, suffixes: Iterable[str] = (), **changes: Any) -> ExporterSpec:
    fields: dict[str, Any] = {
        "name": name_,
        "suffixes": tuple(suffixes) or (f".{name_}",),
        "media_type": "text/plain",
        "kinds": {"plan"},
        "export": write_name,
    }
    fields.update(changes)
    return ExporterSpec(**fields)


class Exporters:
    """An inline plugin offering the given exporters."""

    def __init__(self, *specs: object) -> None:
        self.specs = specs

    @cfbu.hookimpl
    def cfbu_exporters(self) -> Iterable[Any]:
        return list(self.specs)


@pytest.fixture
def host() -> Iterator[PluginHost]:
    with fresh_plugin_host(builtins=JSON_BUILTINS) as host:
        yield host


def plugin_warnings(call: Any) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return [str(w.message) for w in caught if issubclass(w.category, PluginWarning)]


def test_hookimpl_is_the_projects_marker() -> None:
    assert cfbu.hookimpl.project_name == PROJECT == "cfbu_toolkit"


def test_an_inline_plugin_is_listed_with_its_name_and_unregisters(host: PluginHost) -> None:
    name = host.register(Exporters(spec("inline")), name="mine", distribution="my-dist")
    try:
        (info,) = [i for i in cfbu.formats() if i.name == "inline"]
        assert (info.plugin, info.distribution) == ("mine", "my-dist")
        assert cfbu.export(cfbu.Plan(id="p", name="P"), format="inline") == b"Plan"
    finally:
        host.unregister(name)
    assert "inline" not in {i.name for i in cfbu.formats()}


def test_builtins_are_plugins_like_any_other(host: PluginHost) -> None:
    exporters = host.exporters()
    assert exporters["json"].plugin == "json"
    assert exporters["json"].distribution == "cfbu-toolkit"
    assert host.pm.has_plugin("json")
    assert host.importers()["json"].plugin == "json"  # one plugin, both directions


def test_a_builtin_keeps_its_name_against_a_later_plugin(host: PluginHost) -> None:
    host.register(Exporters(spec("json")), name="impostor")
    messages = plugin_warnings(host.exporters)
    assert host.exporters()["json"].plugin == "json"
    (message,) = messages
    assert "'impostor'" in message
    assert "'json' (cfbu-toolkit)" in message


def test_the_first_of_two_plugins_with_one_name_wins(host: PluginHost) -> None:
    host.register(Exporters(spec("same", description="first")), name="a", distribution="da")
    host.register(Exporters(spec("same", description="second")), name="b", distribution="db")
    messages = plugin_warnings(host.exporters)
    assert host.exporters()["same"].spec.description == "first"
    assert any("'a' (da)" in m and "'b' (db)" in m for m in messages)


@pytest.mark.usefixtures("english")  # matches the English message
def test_things_that_are_not_descriptors_are_ignored(host: PluginHost) -> None:
    importer = ImporterSpec(
        name="imp",
        suffixes=(".imp",),
        media_type="text/plain",
        kinds={"plan"},
        load=lambda stream, context: cfbu.Plan(id="p", name="P"),
    )
    host.register(Exporters(spec("fine"), {"name": "dict"}, "text", importer), name="mixed")
    messages = plugin_warnings(host.exporters)
    assert set(host.exporters()) == {"json", "fine"}
    assert sorted(m.split(" returned ")[1].split(" ")[0] for m in messages) == [
        "ImporterSpec",
        "dict",
        "str",
    ]


@pytest.mark.usefixtures("english")  # matches the English message
def test_a_raising_hook_does_not_hide_the_others(host: PluginHost) -> None:
    class Raising:
        @cfbu.hookimpl
        def cfbu_exporters(self) -> Iterable[ExporterSpec]:
            raise RuntimeError("no formats today")

    host.register(Exporters(spec("before")), name="before")
    host.register(Raising(), name="raising")
    host.register(Exporters(spec("after")), name="after")
    messages = plugin_warnings(host.exporters)
    assert {"before", "after", "json"} <= set(host.exporters())
    assert any("'raising'" in m and "no formats today" in m for m in messages)


@pytest.mark.usefixtures("english")  # matches the English message
def test_a_misspelt_hook_is_skipped_with_a_warning(host: PluginHost) -> None:
    class Typo:
        @cfbu.hookimpl
        def cfbu_exportrs(self) -> Iterable[ExporterSpec]:
            return [spec("typo")]

    messages = plugin_warnings(lambda: host.register(Typo(), name="typo"))
    assert any("'typo'" in m and "cfbu_exportrs" in m for m in messages)
    assert not host.pm.has_plugin("typo")
    assert "json" in host.exporters()


@pytest.mark.usefixtures("english")  # matches the English message
def test_a_builtin_that_fails_to_import_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CFBU_DISABLED_PLUGINS", raising=False)
    host = PluginHost(
        entry_points=False,
        builtins=(("missing", "cfbu_toolkit.exporters.does_not_exist"), *JSON_BUILTINS),
    )
    messages = plugin_warnings(host.exporters)
    assert any("'missing'" in m and "ModuleNotFoundError" in m for m in messages)
    assert "json" in host.exporters()


def test_disabling_a_builtin_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CFBU_DISABLED_PLUGINS", " json ,other")
    host = PluginHost(entry_points=False, builtins=JSON_BUILTINS)
    assert "json" not in host.exporters()
    assert "json" not in host.importers()  # one name switches off both directions


def test_lookups_name_what_is_installed(host: PluginHost) -> None:
    host.register(Exporters(spec("extra", suffixes=(".ex", ".extra"))), name="extra")
    assert host.exporter_for_suffix(".EXTRA").plugin == "extra"
    with pytest.raises(cfbu.FormatError, match="installerede: extra, json"):
        host.exporter("nope")
    with use_lang("en"), pytest.raises(cfbu.FormatError, match="installed: extra, json"):
        host.exporter("nope")
    with pytest.raises(cfbu.FormatError, match=r"\.nope.*\.ex, \.extra, \.json"):
        host.exporter_for_suffix(".nope")


def test_registering_after_loading_is_seen(host: PluginHost) -> None:
    assert "late" not in host.exporters()  # loads and caches
    host.register(Exporters(spec("late")), name="late")
    assert "late" in host.exporters()


def test_get_host_and_set_host() -> None:
    mine = PluginHost(entry_points=False, builtins=())
    previous = set_host(mine)
    try:
        assert get_host() is mine
        set_host(None)
        fresh = get_host()
        assert fresh is not mine
        assert get_host() is fresh
    finally:
        set_host(previous)


# -- the descriptors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": "Has Spaces"}, "name"),
        ({"name": ""}, "name"),
        ({"suffixes": ("xlsx",)}, "suffixes"),
        ({"suffixes": (".XLSX",)}, "suffixes"),
        ({"media_type": "plain"}, "media_type"),
        ({"kinds": set()}, "kinds"),
        ({"kinds": {"plan", "spreadsheet"}}, "kinds"),
        ({"kinds": "plan"}, None),
        ({"export": "not callable"}, "export"),
    ],
)
def test_an_invalid_descriptor_is_refused_on_construction(
    change: dict[str, Any], field: str | None
) -> None:
    with pytest.raises(cfbu.ModelError) as caught:
        spec("ok", **change)
    assert caught.value.field == field


def test_descriptors_are_frozen_and_normalised() -> None:
    made = spec("ok", suffixes=[".a", ".b"], kinds=["plan", "mapping"])
    assert made.suffixes == (".a", ".b")
    assert made.kinds == frozenset({"plan", "mapping"})
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.name = "other"  # type: ignore[misc]


def test_an_importer_returning_a_kind_it_does_not_declare_is_a_plugin_error(
    host: PluginHost,
) -> None:
    class Liar:
        @cfbu.hookimpl
        def cfbu_importers(self) -> list[cfbu.ImporterSpec]:
            def load(stream: Any, context: Any) -> Any:
                return {"not": "a model object"}

            def load_plan(stream: Any, context: Any) -> Any:
                return cfbu.Plan(id="p", name="P")

            return [
                cfbu.ImporterSpec(
                    name="dicty",
                    suffixes=(".dicty",),
                    media_type="text/x",
                    kinds={"plan"},
                    load=load,
                ),
                cfbu.ImporterSpec(
                    name="mapper",
                    suffixes=(".mapper",),
                    media_type="text/x",
                    kinds={"mapping"},
                    load=load_plan,
                ),
            ]

    host.pm.register(Liar(), name="liar")
    with pytest.raises(cfbu.PluginError, match="dicty") as info:
        cfbu.load(b"x", format="dicty")
    assert info.value.plugin == "liar"
    with pytest.raises(cfbu.PluginError, match="mapping"):
        cfbu.load(b"x", format="mapper")


def test_formats_list_export_and_import_kinds_apart() -> None:
    info = {f.name: f for f in cfbu.formats()}
    assert info["markdown"].export_kinds == info["markdown"].kinds
    assert info["markdown"].import_kinds == frozenset()
    assert info["json"].import_kinds == info["json"].export_kinds
    assert info["json"].description.startswith("cfbu-toolkit JSON-dokument")


def test_importer_options_reach_only_importers_that_declare_them() -> None:
    plan = cfbu.Plan(id="p", name="P")
    data = cfbu.export(plan, format="json")
    with pytest.raises(cfbu.FormatError, match="base") as info:
        cfbu.load(data, format="json", base=plan)  # JSON takes no base=
    assert "max_bytes" in str(info.value)  # what it does take is named
    assert cfbu.load(data, format="json", max_bytes=10_000) == plan
    workbook = cfbu.export(plan, format="xlsx")
    assert cfbu.load(workbook, format="xlsx", base=plan, max_rows=100) == plan
    spec = {f.name: f for f in cfbu.formats()}
    assert spec["json"].can_import
