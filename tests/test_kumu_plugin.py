"""The example plugin ``plugins/cfbu-toolkit-kumu``, found through its real entry point.

Needs the plugin installed (``pip install ./plugins/cfbu-toolkit-kumu``). Without it these
tests are skipped, except under CI (``CI`` set), where a missing plugin is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import pytest

import cfbu_toolkit as cfbu
from cfbu_toolkit.locale import use_lang
from cfbu_toolkit.plugins import PluginHost
from cfbu_toolkit.testing import fresh_plugin_host


def _installed() -> bool:
    try:
        distribution("cfbu-toolkit-kumu")
    except PackageNotFoundError:
        return False
    return True


if not _installed():
    if os.environ.get("CI"):
        pytest.fail(
            "CI is set but the Kumu plugin is not installed: "
            "pip install ./plugins/cfbu-toolkit-kumu",
            pytrace=False,
        )
    pytest.skip(
        "the Kumu plugin is not installed (pip install ./plugins/cfbu-toolkit-kumu)",
        allow_module_level=True,
    )

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture
def host() -> Iterator[PluginHost]:
    """A fresh host with the real built-ins and the installed entry points."""
    with fresh_plugin_host(entry_points=True) as host:
        yield host


def test_kumu_is_listed_with_its_plugin_and_distribution(host: PluginHost) -> None:
    (info,) = [i for i in cfbu.formats() if i.name == "kumu"]
    assert info.plugin == "kumu"
    assert info.distribution == "cfbu-toolkit-kumu"
    assert info.kinds == frozenset({"plan"})
    assert info.can_export
    assert not info.can_import


def test_export_the_demo_plan_through_the_entry_point(host: PluginHost, tmp_path: Path) -> None:
    target = tmp_path / "x.xlsx"
    cfbu.export(cfbu.examples.demo_plan(), target, format="kumu")
    book = openpyxl.load_workbook(target)
    elements, connections = book["Elements"], book["Connections"]
    assert elements["A1"].value == "Label"
    assert (connections["A1"].value, connections["B1"].value) == ("From", "To")
    headers = [cell.value for cell in elements[1]]
    assert {"Type", "Description", "Tags", "ID"} <= set(headers)
    assert "Type" in [cell.value for cell in connections[1]]
    ids = {row[headers.index("ID")] for row in elements.iter_rows(min_row=2, values_only=True)}
    assert {org.id for org in cfbu.examples.demo_plan().organisations} <= ids


def test_the_kumu_workbook_is_english_on_request(host: PluginHost) -> None:
    import io

    plan = cfbu.examples.demo_plan()
    book = openpyxl.load_workbook(io.BytesIO(cfbu.export(plan, format="kumu", lang="en")))
    types = {row[1] for row in book["Elements"].iter_rows(min_row=2, values_only=True)}
    danish = openpyxl.load_workbook(io.BytesIO(cfbu.export(plan, format="kumu")))
    danish_types = {row[1] for row in danish["Elements"].iter_rows(min_row=2, values_only=True)}
    labels = {org.actor_type.label("en") for org in plan.organisations} | {
        org.sector.label("en") for org in plan.organisations
    }
    assert types <= labels | {"Housing-social master plan"}
    assert types != danish_types or all(
        org.actor_type.label("en") == org.actor_type.label("da") for org in plan.organisations
    )


def test_kumu_is_refused_for_a_part_before_writing(host: PluginHost, tmp_path: Path) -> None:
    with pytest.raises(cfbu.FormatError, match="'kumu' kan ikke eksportere en mapping"):
        cfbu.export(cfbu.Mapping(id="m", title="K"), tmp_path / "m.xlsx", format="kumu")
    with use_lang("en"), pytest.raises(cfbu.FormatError, match="'kumu' cannot export a mapping"):
        cfbu.export(cfbu.Mapping(id="m", title="K"), tmp_path / "m.xlsx", format="kumu")
    assert list(tmp_path.iterdir()) == []


def test_kumu_can_be_disabled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CFBU_DISABLED_PLUGINS", "kumu")
    assert "kumu" not in PluginHost().exporters()
