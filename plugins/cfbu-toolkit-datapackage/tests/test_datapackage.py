"""The data-package exporter, validated with the real frictionless library."""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

import cfbu_toolkit as cfbu
from cfbu_toolkit.analysis import TABLES
from cfbu_toolkit.locale import use_lang

try:
    import frictionless
except ImportError:  # pragma: no cover - depends on the environment
    if os.environ.get("CI"):
        raise
    pytest.skip(
        "frictionless is not installed (pip install frictionless); CI requires it",
        allow_module_level=True,
    )

from cfbu_toolkit_datapackage import write_datapackage


def _plan() -> cfbu.Plan:
    return cfbu.examples.demo_plan()


def _unzip(data: bytes, folder: Path) -> Path:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(folder)
    return folder / "datapackage.json"


def _validate(descriptor: Path) -> list[str]:
    report = frictionless.validate(str(descriptor))
    return [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]


def _csv_rows(data: bytes, kind: str) -> list[dict[str, str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        text = archive.read(f"data/{kind}.csv").decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_plugin_is_installed_through_its_entry_point() -> None:
    info = {f.name: f for f in cfbu.formats()}["datapackage"]
    assert info.distribution == "cfbu-toolkit-datapackage"
    assert info.kinds == frozenset({"plan"})
    assert ".zip" in info.suffixes


@pytest.mark.parametrize("privacy", ["keep", "pseudonymise", "omit"])
def test_the_demo_plan_validates(tmp_path: Path, privacy: Any) -> None:
    data = cfbu.export(_plan(), format="datapackage", privacy=privacy)
    assert _validate(_unzip(data, tmp_path)) == []


def test_one_csv_per_table_with_the_core_columns(tmp_path: Path) -> None:
    plan = _plan()
    data = cfbu.export(plan, format="datapackage")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        meta = json.loads(archive.read("datapackage.json"))
    assert names == ["datapackage.json", *(f"data/{kind}.csv" for kind in TABLES)]
    resources = {r["name"]: r for r in meta["resources"]}
    assert list(resources) == list(TABLES)
    entries = resources["mapping_entry"]["schema"]
    assert [f["name"] for f in entries["fields"]] == list(TABLES["mapping_entry"].column_names)
    status = next(f for f in entries["fields"] if f["name"] == "status")
    assert status["constraints"]["enum"] == [s.value for s in cfbu.CollaborationStatus]
    follow_up = next(f for f in entries["fields"] if f["name"] == "follow_up_on")
    assert follow_up["type"] == "date"
    assert entries["primaryKey"] == ["plan_id", "mapping_entry_id"]
    assert {
        "fields": ["organisation_id"],
        "reference": {"resource": "organisation", "fields": ["organisation_id"]},
    } in entries["foreignKeys"]
    email = next(f for f in resources["contact"]["schema"]["fields"] if f["name"] == "email")
    assert email["x-cfbu-personal-data"] is True
    assert len(_csv_rows(data, "organisation")) == len(plan.organisations)
    assert len(_csv_rows(data, "mapping_entry")) == sum(len(m.entries) for m in plan.mappings)
    assert meta["title"] == plan.name


def test_privacy_reaches_the_csv_files() -> None:
    plan = _plan()
    assert plan.contacts
    omitted = cfbu.export(plan, format="datapackage", privacy="omit")
    assert _csv_rows(omitted, "contact") == []
    pseudo = cfbu.export(plan, format="datapackage", privacy="pseudonymise")
    names = {row["name"] for row in _csv_rows(pseudo, "contact")}
    assert names.isdisjoint({c.name for c in plan.contacts})


def test_the_export_is_deterministic() -> None:
    plan = _plan()
    assert cfbu.export(plan, format="datapackage") == cfbu.export(plan, format="datapackage")


def test_a_broken_foreign_key_is_caught(tmp_path: Path) -> None:
    """Proof that the validation above really checks the keys."""
    descriptor = _unzip(cfbu.export(_plan(), format="datapackage"), tmp_path)
    path = tmp_path / "data" / "mapping_entry.csv"
    text = path.read_bytes().decode("utf-8")
    first = _plan().mappings[0].entries[0].organisation_id
    broken = text.replace(f",{first},", ",no-such-organisation,", 1)
    assert broken != text
    path.write_bytes(broken.encode("utf-8"))
    errors = _validate(descriptor)
    assert any("mapping_entry" in e and "foreign key" in e for e in errors), errors


def test_a_bad_enumeration_value_is_caught(tmp_path: Path) -> None:
    descriptor = _unzip(cfbu.export(_plan(), format="datapackage"), tmp_path)
    path = tmp_path / "data" / "organisation.csv"
    lines = path.read_bytes().decode("utf-8").split("\r\n")
    sector = _plan().organisations[0].sector.value
    lines[1] = lines[1].replace(f",{sector},", ",church,", 1)
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    errors = _validate(descriptor)
    assert any("organisation" in e and "church" in e for e in errors), errors


def test_a_portfolio_in_one_package(tmp_path: Path) -> None:
    import attrs

    first = _plan()
    second = attrs.evolve(first, id="plan-2", name="Anden plan")
    buffer = io.BytesIO()
    write_datapackage([first, second], buffer, lang="en")
    data = buffer.getvalue()
    meta = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("datapackage.json"))
    assert meta["name"] == "cfbu-portfolio"
    assert meta["title"] == "Portfolio of plans"
    assert _validate(_unzip(data, tmp_path)) == []
    plan_ids = {row["plan_id"] for row in _csv_rows(data, "organisation")}
    assert plan_ids == {first.id, "plan-2"}


def test_only_plans() -> None:
    with use_lang("da"), pytest.raises(cfbu.FormatError, match="kan ikke eksportere en mapping"):
        cfbu.export(_plan().mappings[0], format="datapackage")
    with use_lang("en"), pytest.raises(cfbu.FormatError, match="cannot export a mapping"):
        cfbu.export(_plan().mappings[0], format="datapackage")
