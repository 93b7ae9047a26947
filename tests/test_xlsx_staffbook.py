"""The workbook staff fill in again and again: stable identity, nothing overwritten, the
template's own words accepted, examples skipped, formulas typed by a person kept."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import cfbu_toolkit as cfbu
from cfbu_toolkit.cli import main
from cfbu_toolkit.errors import DocumentError
from cfbu_toolkit.formats.xlsx.cellvalues import parser_for
from cfbu_toolkit.formats.xlsx.layout import BY_NAME
from cfbu_toolkit.formats.xlsx.plugin import WorkbookWarning
from cfbu_toolkit.formats.xlsx.template import mapping_template
from cfbu_toolkit.locale import use_lang
from cfbu_toolkit.testing import plans

openpyxl = pytest.importorskip("openpyxl")


def _edit(data: bytes, edit: Any) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    edit(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _headers(ws: Any) -> list[Any]:
    return [c.value for c in ws[1]]


def _entry_row(ws: Any, **values: Any) -> list[Any]:
    headers = _headers(ws)
    row: list[Any] = [None] * len(headers)
    for header, value in values.items():
        row[headers.index(header)] = value
    return row


def _filled(extra: Any = None) -> bytes:
    """The template with a plan name, two organisations by name and one mapping row."""

    def fill(wb: Any) -> None:
        wb["Plan"]["B3"] = "Solbakken"
        orgs = wb["Organisationer"]
        orgs.append([None, "Jobcenter Egedal", "Kommune"])
        orgs.append([None, "Skolen på Bakken", "Kommune"])
        wb["Kontaktpersoner"].append([None, "Bo Hansen", "Jobcenter Egedal"])
        ws = wb["Kortlægning"]
        ws.append(
            _entry_row(
                ws,
                **{
                    "Kortlægning-ID": "K1",
                    "Organisation-ID": "jobcenter  egedal",  # a name, other spaces and case
                    "Kontaktperson-ID": "Bo Hansen",
                    "Vurderet den": dt.date(2026, 1, 15),
                    "Status": "Aktiv samarbejdspart",
                },
            )
        )
        if extra is not None:
            extra(wb)

    return _edit(mapping_template(), fill)


def _load(data: bytes, **options: Any) -> Any:
    with pytest.warns(WorkbookWarning, match="eksempelrækken springes over"):
        return cfbu.load(data, **options)


# -- stable identity -----------------------------------------------------------------------------


def test_names_are_resolved_to_ids_and_examples_skipped() -> None:
    plan = _load(_filled())
    assert [o.name for o in plan.organisations] == ["Jobcenter Egedal", "Skolen på Bakken"]
    (entry,) = plan.mappings[0].entries
    assert entry.organisation_id == plan.organisations[0].id
    assert entry.contact_id == plan.contacts[0].id
    assert plan.contacts[0].organisation_id == plan.organisations[0].id
    assert entry.current.status is cfbu.CollaborationStatus.ACTIVE
    assert not any("EKSEMPEL" in o.id for o in plan.organisations)


def test_the_unchanged_template_imported_twice_gives_exactly_the_first_plan() -> None:
    data = _filled()
    first = _load(data, base=cfbu.Plan(id="plan-1", name="Solbakken"))
    second = _load(data, base=first)
    assert second == first
    assert first.id == "plan-1"


def test_a_name_matching_no_row_or_two_is_a_cell_error() -> None:
    def add(wb: Any) -> None:
        wb["Organisationer"].append([None, "Skolen  på bakken", "Kommune"])  # typed twice
        ws = wb["Kortlægning"]
        ws.append(_entry_row(ws, **{"Kortlægning-ID": "K1", "Organisation-ID": "Ukendt"}))
        ws.append(
            _entry_row(ws, **{"Kortlægning-ID": "K1", "Organisation-ID": "Skolen på Bakken"})
        )

    with pytest.raises(DocumentError) as info, use_lang("da"):
        _load(_filled(add))
    texts = {p.where: p.text for p in info.value.problems}
    assert texts["Kortlægning!C4"] == '"Ukendt" er hverken ID eller navn på nogen organisation'
    assert "mere end én organisation" in texts["Kortlægning!C5"]


def test_two_rows_for_one_organisation_in_a_mapping_name_both_cells() -> None:
    def add(wb: Any) -> None:
        ws = wb["Kortlægning"]
        ws.append(
            _entry_row(
                ws,
                **{
                    "Kortlægning-ID": "K1",
                    "Organisation-ID": "Jobcenter Egedal",
                    "Vurderet den": dt.date(2026, 1, 15),
                },
            )
        )

    with pytest.raises(DocumentError) as info, use_lang("da"):
        _load(_filled(add))
    (problem,) = info.value.problems
    assert problem.where == "Kortlægning!C4"
    assert "Kortlægning!C3" in problem.text


def test_an_edited_example_row_still_marked_is_refused() -> None:
    def edit(wb: Any) -> None:
        wb["Organisationer"]["B2"] = "Jobcenter Nord"

    with (
        pytest.warns(WorkbookWarning, match="eksempelrækken springes over"),
        pytest.raises(DocumentError) as info,
        use_lang("da"),
    ):
        cfbu.load(_filled(edit))
    assert [p.where for p in info.value.problems] == ["Organisationer!A2"]
    assert "EKSEMPEL-1" in info.value.problems[0].text


def _note_formula(wb: Any) -> None:
    ws = wb["Kortlægning"]
    ws.cell(row=3, column=_headers(ws).index("Noter") + 1, value="=A1")


def test_a_formula_nothing_calculated_is_an_error_naming_its_cell() -> None:
    # openpyxl, like any program that writes workbooks, saves a formula without its value:
    # what =A1 would show is unknown, so the cell is named rather than guessed at.
    with (
        pytest.warns(WorkbookWarning, match="eksempelrækken springes over"),
        pytest.raises(DocumentError) as info,
        use_lang("da"),
    ):
        cfbu.load(_filled(_note_formula))
    ((where, text),) = [(p.where, p.text) for p in info.value.problems]
    assert where == "Kortlægning!U3"
    assert "=A1" in text
    assert "intet regneark har beregnet" in text


def test_a_formula_typed_in_a_spreadsheet_program_reads_as_what_it_showed() -> None:
    # Excel and LibreOffice save the value a formula showed beside it; that value is read,
    # with a warning naming the cell, and never an empty note.
    data = _with_cached_text(_filled(_note_formula), "U3", "A1", "Hvad cellen viste")
    with (
        pytest.warns(WorkbookWarning, match="eksempelrækken springes over"),
        pytest.warns(WorkbookWarning, match=r"Kortlægning!U3: .*=A1"),
    ):
        plan = cfbu.load(data)
    assert plan.mappings[0].entries[0].notes == "Hvad cellen viste"


def _with_cached_text(data: bytes, cell: str, formula: str, value: str) -> bytes:
    """The workbook with the formula in ``cell`` given the text a spreadsheet program
    would have calculated and saved beside it."""
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    pattern = re.compile(rf'<c r="{cell}"([^>]*)><f>{formula}</f>(<v\s*/>|<v></v>)?</c>'.encode())
    found = False
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info.filename)
            part, n = pattern.subn(
                rf'<c r="{cell}"\1 t="str"><f>{formula}</f><v>{value}</v></c>'.encode(), part
            )
            found = found or n == 1
            dst.writestr(info, part)
    assert found, f"no formula {formula} in {cell}"
    return out.getvalue()


# -- the template's words --------------------------------------------------------------------


def _named_values(wb: Any) -> list[tuple[str, str, str]]:
    """(sheet, header, value) for every value a hint or the guide names as one to pick."""
    out = []
    for ws in wb.worksheets:
        headers = _headers(ws) if ws.max_row else []
        for dv in ws.data_validations.dataValidation:
            match = re.search(r"(?:listen|list)(?::|, fx|, such as) (.+?)\.$", dv.prompt or "")
            if not match:
                continue
            column = openpyxl.utils.cell.coordinate_from_string(str(dv.sqref).split(":")[0])[0]
            if ws.title == "Plan":
                header = ws[
                    f"A{openpyxl.utils.cell.coordinate_from_string(str(dv.sqref))[1]}"
                ].value
            else:
                header = headers[openpyxl.utils.cell.column_index_from_string(column) - 1]
            out.extend((ws.title, header, v.strip()) for v in match[1].split(", "))
    guide = wb.worksheets[0]
    for (text,) in guide.iter_rows(min_col=2, max_col=2, values_only=True):
        match = re.search(r"Status.*\((.+?)\)", text or "")
        if match:
            out.extend(("Kortlægning", "Status", v.strip()) for v in match[1].split(", "))
    return out


def test_every_value_the_template_names_is_accepted() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(mapping_template(lang="da")))
    named = _named_values(wb)
    assert ("Kortlægning", "Status", "Aktiv samarbejdspart") in named
    assert len(named) > 20, named
    sheets = {"Kortlægning": "entries", "Organisationer": "organisations", "Plan": "plan"}
    sheets |= {"Kontaktpersoner": "contacts", "Kortlægninger": "mappings"}
    for sheet, header, value in named:
        table = BY_NAME[sheets[sheet]]
        column = next(c for c in table.columns if c.header("da") == header)
        parser_for(column, "da", set())(value)  # raises CellError if refused


# -- never lose a plan ---------------------------------------------------------------------------


def test_template_and_import_refuse_to_overwrite(tmp_path: Path) -> None:
    runner = CliRunner()
    skema, out = tmp_path / "skema.xlsx", tmp_path / "plan.json"
    assert runner.invoke(main, ["template", "kortlaegning", "-o", str(skema)]).exit_code == 0
    before = skema.read_bytes()
    refused = runner.invoke(main, ["template", "kortlaegning", "-o", str(skema)])
    assert refused.exit_code == 2
    assert "--force" in refused.output
    assert skema.read_bytes() == before
    skema.write_bytes(_filled())
    assert runner.invoke(main, ["import", str(skema), "-o", str(out)]).exit_code == 0
    written = out.read_bytes()
    refused = runner.invoke(main, ["import", str(skema), "-o", str(out)])
    assert refused.exit_code == 2
    assert "--base" in refused.output
    assert out.read_bytes() == written
    forced = runner.invoke(main, ["import", str(skema), "-o", str(out), "--force"])
    assert forced.exit_code == 0
    again = runner.invoke(main, ["import", str(skema), "--base", str(out), "-o", str(out)])
    assert again.exit_code == 0, again.output
    assert "nye: 0" in again.output
    assert "i planen, men ikke i projektmappen: 0" in again.output


def test_dry_run_counts_and_prune_deletes_what_the_workbook_lacks(tmp_path: Path) -> None:
    runner = CliRunner()
    skema, out = tmp_path / "skema.xlsx", tmp_path / "plan.json"
    skema.write_bytes(_filled())
    assert runner.invoke(main, ["import", str(skema), "-o", str(out)]).exit_code == 0

    def change(wb: Any) -> None:
        wb["Organisationer"].delete_rows(4)  # Skolen på Bakken
        wb["Organisationer"].append([None, "Biblioteket", "Kommune"])
        wb["Kortlægning"]["E3"] = "Jobcafé"

    skema.write_bytes(_filled(change))
    written = out.read_bytes()
    args = ["import", str(skema), "--base", str(out), "-o", str(out)]
    dry = runner.invoke(main, [*args, "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert out.read_bytes() == written
    lines = dry.output.splitlines()
    assert "nye: 1" in lines  # Biblioteket
    assert "opdaterede: 1" in lines  # the entry (its mapping and plan only hold it)
    assert "i planen, men ikke i projektmappen: 1" in lines
    assert any("Skolen på Bakken" in line for line in lines)
    pruned = runner.invoke(main, [*args, "--prune"])
    assert pruned.exit_code == 0, pruned.output
    plan = cfbu.load(out)
    assert [o.name for o in plan.organisations] == ["Jobcenter Egedal", "Biblioteket"]


def test_write_ids_makes_the_next_round_exact(tmp_path: Path) -> None:
    runner = CliRunner()
    skema, out = tmp_path / "skema.xlsx", tmp_path / "plan.json"
    skema.write_bytes(_filled())
    result = runner.invoke(main, ["import", str(skema), "-o", str(out), "--write-ids"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "skema.backup.xlsx").exists()
    plan = cfbu.load(out)
    wb = openpyxl.load_workbook(skema)
    assert wb["Organisationer"]["A3"].value == plan.organisations[0].id
    assert wb["Kortlægning"]["A3"].value == plan.mappings[0].entries[0].id
    with pytest.warns(WorkbookWarning):
        again = cfbu.load(skema, base=plan)
    assert again == plan


# -- the property --------------------------------------------------------------------------------


def _edits(draw: Any, wb: Any) -> None:
    """Cells changed, rows added without an ID, rows removed, on the organisation and
    mapping-entry sheets (the ones people fill in)."""
    for title in ("Organisationer", "Kortlægning"):
        if title not in wb.sheetnames:
            continue
        ws = wb[title]
        headers = _headers(ws)
        rows = ws.max_row
        if rows > 2 and draw(st.booleans()):
            ws.delete_rows(draw(st.integers(3, rows)))
        if title == "Organisationer" and draw(st.booleans()):
            name = draw(st.sampled_from(["Biblioteket", "Klubben", "Boligselskabet"]))
            ws.append([None, name, "Kommune"])
        if title == "Kortlægning" and ws.max_row > 1 and draw(st.booleans()):
            column = headers.index("Næste skridt") + 1
            ws.cell(row=draw(st.integers(2, ws.max_row)), column=column, value="Ring i morgen")


def _ids(plan: cfbu.Plan) -> set[str]:
    return {o.id for o in plan.organisations} | {e.id for m in plan.mappings for e in m.entries}


def _ids(plan: cfbu.Plan) -> set[str]:
    return {o.id for o in plan.organisations} | {e.id for m in plan.mappings for e in m.entries}


@given(plans(max_size=3), st.data())
def test_importing_twice_equals_importing_once(plan: cfbu.Plan, data: Any) -> None:
    exported = cfbu.export(plan, format="xlsx")
    edited = _edit(exported, lambda wb: _edits(data.draw, wb))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WorkbookWarning)
        try:
            once = cfbu.load(edited, base=plan)
        except DocumentError:
            return  # an edit the plan cannot take (a row others refer to, say): refused
        twice = cfbu.load(edited, base=once)
    assert twice == once
    assert _ids(twice) == _ids(once)
    assert twice.id == once.id == plan.id


# -- LibreOffice ---------------------------------------------------------------------------------


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing in CI; run .ci/install-libreoffice.sh")
        pytest.skip(f"{name} is not installed; run .ci/install-libreoffice.sh")
    return found


def _convert(source: Path, to: str, tmp_path: Path) -> Path:
    out = tmp_path / f"out-{to.split(':')[0]}"
    subprocess.run(
        [
            _tool("soffice"),
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out / f"{source.stem}.{to.split(':')[0]}"


def _pdf_pages(pdf: Path) -> list[tuple[str, list[tuple[str, float]]]]:
    """Each page of ``pdf``: the sheet its footer names, and its words with their heights
    in points (how large they print)."""
    info = subprocess.run(
        [_tool("pdfinfo"), str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info)[1])  # type: ignore[index]
    pages = []
    for page in range(1, count + 1):
        html = subprocess.run(
            [_tool("pdftotext"), "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        boxes = [
            (m[3], float(m[1]), float(m[2]) - float(m[1]))
            for m in re.finditer(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', html)
        ]
        words = [(w, height) for w, _, height in boxes]
        # the footer is the lowest line: the sheet's name, then "page / pages"
        bottom = max((top for _, top, _ in boxes), default=0.0)
        footer = [w for w, top, _ in boxes if top > bottom - 1 and not re.fullmatch(r"[\d/]+", w)]
        sheet = " ".join(footer) or "other"
        pages.append((sheet, words))
    return pages


@pytest.mark.libreoffice
def test_the_template_prints_the_guide_on_two_pages_and_the_registration_readably(
    tmp_path: Path,
) -> None:
    source = tmp_path / "skema.xlsx"
    mapping_template(source)
    pages = _pdf_pages(_convert(source, "pdf", tmp_path))
    by_sheet: dict[str, int] = {}
    for sheet, _ in pages:
        by_sheet[sheet] = by_sheet.get(sheet, 0) + 1
    assert by_sheet.get("Vejledning") == 2, by_sheet
    registration = [words for sheet, words in pages if sheet == "Kortlægning"]
    # 19 columns to fill in do not fit one page at a size people read: three pages side
    # by side, the organisation column and the header repeated on each (it printed at
    # 2.9 pt on one page before).
    assert len(registration) == 3, by_sheet
    printed = {w for words in registration for w, _ in words}
    for words in registration:
        heights = [h for w, h in words if w == "Organisation-ID"]
        assert heights, "the organisation column is repeated on every page"
        assert min(heights) >= 6.5, heights  # about 8 pt; 2.9 pt when fitted to one page
    headers = [c.da for c in BY_NAME["entries"].columns if c.kind not in ("id", "parent")]
    template_headers = {h.value for h in openpyxl.load_workbook(source)["Kortlægning"][1]}
    for header in headers:
        if header in template_headers:
            assert header.split()[0] in printed, header  # every column is on paper
    assert "Kortlægning-ID" not in printed  # the IDs are not


@pytest.mark.libreoffice
def test_every_page_of_the_demo_workbook_prints_at_a_readable_size(tmp_path: Path) -> None:
    source = tmp_path / "demo.xlsx"
    cfbu.export(cfbu.examples.demo_plan(), source)
    pages = _pdf_pages(_convert(source, "pdf", tmp_path))
    smallest = {}
    for sheet, words in pages:
        smallest[sheet] = min([smallest.get(sheet, 99.0), *(h for _, h in words)])
    # Fitted to one page width, the registration sheet printed at 1.9 pt and the activity
    # agreements at 2.7; now wide sheets go on pages side by side.
    assert min(smallest.values()) >= 6.5, smallest
    assert "Kortlægning" in smallest
    assert "Kort" in smallest


@pytest.mark.libreoffice
def test_a_workbook_resaved_by_libreoffice_and_rearranged_still_imports(
    tmp_path: Path,
) -> None:
    plan = cfbu.examples.demo_plan()
    source = tmp_path / "demo.xlsx"
    cfbu.export(plan, source)
    with zipfile.ZipFile(source) as archive:
        assert any(n.startswith("xl/charts/chart") for n in archive.namelist())
    resaved = _convert(source, "xlsx:Calc MS Excel 2007 XML", tmp_path)
    with zipfile.ZipFile(resaved) as archive:  # the grid's chart survives LibreOffice
        assert any(n.startswith("xl/charts/chart") for n in archive.namelist())
    assert "Kort" in openpyxl.load_workbook(resaved, read_only=True).sheetnames
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WorkbookWarning)
        assert cfbu.load(resaved) == plan

    def rearrange(wb: Any) -> None:  # columns reordered, validation dropped, a sheet added
        ws = wb["Organisationer"]
        ws.data_validations.dataValidation = []
        ws.move_range(f"B1:B{ws.max_row}", cols=ws.max_column)
        ws.delete_cols(2)
        wb.create_sheet("Mine noter").append(["husk at ringe"])

    edited = _edit(resaved.read_bytes(), rearrange)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WorkbookWarning)
        assert cfbu.load(edited) == plan
        assert cfbu.load(edited, base=plan) == plan
