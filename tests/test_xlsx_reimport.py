"""Re-importing an edited export: the changed rows updated, new rows added, nothing doubled."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import attrs
import pytest

import cfbu_toolkit as cfbu
from cfbu_toolkit.errors import DocumentError
from cfbu_toolkit.formats.xlsx.plugin import WorkbookWarning
from cfbu_toolkit.formats.xlsx.reimport import merge, name_key, similar_names

openpyxl = pytest.importorskip("openpyxl")


def _edit(data: bytes, edit: Any) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    edit(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _col(ws: Any, header: str) -> int:
    return [c.value for c in ws[1]].index(header) + 1


def _reverse_rows(ws: Any) -> None:
    rows = [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]
    ws.delete_rows(2, ws.max_row)
    for row in reversed(rows):
        ws.append(row)


@pytest.fixture(scope="module")
def plan() -> cfbu.Plan:
    return cfbu.examples.demo_plan()


@pytest.fixture(scope="module")
def exported(plan: cfbu.Plan) -> bytes:
    return cfbu.export(plan, format="xlsx")


def test_edit_add_reorder_then_merge(plan: cfbu.Plan, exported: bytes) -> None:
    target = plan.organisations[3]

    def edit(wb: Any) -> None:
        ws = wb["Organisationer"]
        for row in ws.iter_rows(min_row=2):
            if row[0].value == target.id:
                row[_col(ws, "Beskrivelse") - 1].value = "Ny beskrivelse"
        _reverse_rows(ws)  # sorted in Excel: the plan keeps its own order
        ws.append([None, "Lektiecaféen Solbakken", "Civilsamfund/forening"])  # no ID
        _reverse_rows(wb["Kortlægning"])

    merged = cfbu.load(_edit(exported, edit), base=plan)
    assert isinstance(merged, cfbu.Plan)
    ids = [o.id for o in merged.organisations]
    assert len(ids) == len(set(ids)) == len(plan.organisations) + 1
    assert ids[:-1] == [o.id for o in plan.organisations]
    new = merged.organisations[-1]
    assert new.name == "Lektiecaféen Solbakken"
    assert new.id
    assert new.id not in {o.id for o in plan.organisations}
    changed = merged.organisation(target.id)
    assert changed == attrs.evolve(target, description="Ny beskrivelse")
    # Everything else is as it was, in the plan's order.
    assert attrs.evolve(merged, organisations=plan.organisations) == plan


def test_reimport_twice_changes_nothing(plan: cfbu.Plan, exported: bytes) -> None:
    assert cfbu.load(exported, base=plan) == plan
    again = cfbu.load(exported, base=cfbu.load(exported, base=plan))
    assert again == plan


def test_a_new_assessment_date_is_a_reassessment(plan: cfbu.Plan, exported: bytes) -> None:
    entry = plan.mappings[0].entries[0]
    day = entry.current.date + dt.timedelta(days=30)

    def reassess(wb: Any) -> None:
        ws = wb["Kortlægning"]
        for row in ws.iter_rows(min_row=2):
            if row[0].value == entry.id:
                row[_col(ws, "Vurderet den") - 1].value = day.strftime("%d-%m-%Y")
                row[_col(ws, "Interesse") - 1].value = "Høj"
        wb.remove(wb["Tidligere vurderinger"])  # history left out: kept from the plan

    with pytest.warns(WorkbookWarning, match="Tidligere vurderinger"):
        merged = cfbu.load(_edit(exported, reassess), base=plan)
    assert isinstance(merged, cfbu.Plan)
    got = merged.mappings[0].entries[0]
    assert got.assessments[:-1] == entry.assessments
    assert got.current.date == day
    assert got.interest is cfbu.Level.HIGH


def test_a_corrected_assessment_replaces_its_day(plan: cfbu.Plan, exported: bytes) -> None:
    entry = plan.mappings[0].entries[0]

    def correct(wb: Any) -> None:
        ws = wb["Kortlægning"]
        for row in ws.iter_rows(min_row=2):
            if row[0].value == entry.id:
                row[_col(ws, "Indflydelse") - 1].value = "Lav"

    merged = cfbu.load(_edit(exported, correct), base=plan)
    assert isinstance(merged, cfbu.Plan)
    got = merged.mappings[0].entries[0]
    assert len(got.assessments) == len(entry.assessments)
    assert got.current == attrs.evolve(entry.current, influence=cfbu.Level.LOW)


def test_a_deleted_row_is_kept(plan: cfbu.Plan, exported: bytes) -> None:
    def delete(wb: Any) -> None:
        wb["Organisationer"].delete_rows(2)

    merged = cfbu.load(_edit(exported, delete), base=plan)
    assert merged == plan


def _twice(variant: str) -> Any:
    def edit(wb: Any) -> None:
        ws = wb["Organisationer"]
        ws.append([None, variant, "Kommune"])

    return edit


def test_an_organisation_typed_twice_is_a_problem_with_both_cells(
    plan: cfbu.Plan, exported: bytes
) -> None:
    first = plan.organisations[1]  # "Boligselskabet Egebo", row 3
    variant = "  boligselskabet   EGEBO "
    data = _edit(exported, _twice(variant))
    row = len(plan.organisations) + 2
    with pytest.raises(DocumentError) as info:
        cfbu.load(data, base=plan)
    (problem,) = info.value.problems
    assert problem.where == f"Organisationer!B{row}"
    assert "Organisationer!B3" in problem.message
    assert f"ID {first.id}" in problem.message
    assert "bortset fra mellemrum og store/små bogstaver" in problem.message
    # Without a base the load stays lossless: a warning naming both cells.
    with pytest.warns(WorkbookWarning, match=f"Organisationer!B{row}.*Organisationer!B3"):
        cfbu.load(data)


@pytest.mark.filterwarnings("ignore:.*eksempelrækken springes over")
def test_two_spellings_typed_into_a_template_are_flagged(tmp_path: Any) -> None:
    from cfbu_toolkit.formats.xlsx.template import mapping_template

    def fill(wb: Any) -> None:
        wb["Plan"]["B3"] = "Solbakken"
        ws = wb["Organisationer"]
        ws.append(["O2", "Jobcenter  Egedal", "Kommune"])
        ws.append(["O3", "jobcenter egedal", "Kommune"])

    data = _edit(mapping_template(), fill)
    with pytest.raises(DocumentError) as info:
        cfbu.load(data, base=cfbu.Plan(id="p", name="Solbakken"))
    (problem,) = info.value.problems
    assert problem.where == "Organisationer!B4"
    assert problem.message.startswith('"jobcenter egedal" (ID O3) er samme navn som ')
    assert "Organisationer!B3" in problem.message


def test_merge_a_mapping_into_its_plan(plan: cfbu.Plan) -> None:
    mapping = plan.mappings[0]
    entry = mapping.entries[0]
    new_entry = attrs.evolve(entry, id="ny-raekke", notes="ny")
    edited = attrs.evolve(
        mapping,
        title="Ny titel",
        entries=(attrs.evolve(entry, notes="rettet"), new_entry),
    )
    merged = merge(plan, edited)
    got = merged.mappings[0]
    assert got.title == "Ny titel"
    assert [e.id for e in got.entries] == [*(e.id for e in mapping.entries), "ny-raekke"]
    assert got.entries[0].notes == "rettet"
    assert got.entries[1:-1] == mapping.entries[1:]
    assert cfbu.validate(merged) == []


def test_a_mapping_workbook_reimports_into_the_plan(plan: cfbu.Plan) -> None:
    mapping = plan.mappings[0]
    data = cfbu.export(mapping, format="xlsx", plan=plan)
    assert cfbu.load(data, base=plan) == plan


def test_base_must_be_a_plan(exported: bytes) -> None:
    with pytest.raises(cfbu.FormatError, match="base= must be a Plan"):
        cfbu.load(exported, base="plan.json")


def test_name_key_and_similar_names() -> None:
    assert name_key("  Jobcenter \t Egedal ") == name_key("JOBCENTER EGEDAL")
    a = cfbu.Organisation(id="a", name="Jobcenter  Egedal", sector=cfbu.ActorSector.MUNICIPALITY)
    b = attrs.evolve(a, id="b", name="jobcenter egedal")
    c = attrs.evolve(a, id="c", name="Jobcenter Ballerup")
    assert similar_names([a, c, b]) == [(a, b)]
    assert similar_names([a, attrs.evolve(a)]) == []  # the same ID is not a second one


def test_cli_import_with_base(tmp_path: Any, plan: cfbu.Plan, exported: bytes) -> None:
    from click.testing import CliRunner

    from cfbu_toolkit.cli import main

    base = tmp_path / "plan.json"
    cfbu.export(plan, base)
    edited = tmp_path / "rettet.xlsx"
    edited.write_bytes(
        _edit(exported, lambda wb: wb["Organisationer"].append([None, "Ny", "Kommune"]))
    )
    out = tmp_path / "ny.json"
    result = CliRunner().invoke(main, ["import", str(edited), "--base", str(base), "-o", str(out)])
    assert result.exit_code == 0, result.output
    merged = cfbu.load(out)
    assert isinstance(merged, cfbu.Plan)
    assert len(merged.organisations) == len(plan.organisations) + 1
