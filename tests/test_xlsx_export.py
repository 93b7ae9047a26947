"""The Excel exporter: the workbook a person fills in (layout, dropdowns, dates, widths)."""

from __future__ import annotations

import html
import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

import cfbu_toolkit as cfbu
from cfbu_toolkit.formats.xlsx.layout import GUIDE, LISTS, LOOKUPS, TABLES
from cfbu_toolkit.workbook import check_sheet_title

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture(scope="module")
def plan() -> cfbu.Plan:
    return cfbu.examples.demo_plan()


def _workbook(data: bytes, **kw: Any) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data), **kw)


@pytest.fixture(scope="module")
def demo_da(plan: cfbu.Plan) -> bytes:
    return cfbu.export(plan, format="xlsx")


def test_sheets_in_danish_and_english(plan: cfbu.Plan, demo_da: bytes) -> None:
    wb = _workbook(demo_da)
    names = wb.sheetnames
    assert names[0] == "Vejledning"
    assert names[1] == "Plan"
    for expected in ("Organisationer", "Kontaktpersoner", "Kortlægning", "Tidligere vurderinger"):
        assert expected in names
    assert names[-3:] == ["Tekstlister", "Kort", "Opslag"]  # Kort: the grid as a chart
    en = _workbook(cfbu.export(plan, format="xlsx", lang="en")).sheetnames
    assert en[0] == "Guide"
    assert "Organisations" in en
    assert "Mapping entries" in en
    assert en[-1] == "Lookups"
    assert wb["Organisationer"]["B1"].value == "Navn"


def test_every_table_sheet_has_an_id_first_and_frozen_filtered_header(demo_da: bytes) -> None:
    wb = _workbook(demo_da)
    for table in TABLES[1:]:
        ws = wb[table.da]
        first = ws["A1"].value
        # an ID, a key, a number, or a meeting's composite key "Møde (gruppe-ID/nr.)"
        assert first.endswith(("ID", "-ID/nr.)")) or first in ("Nøgle", "Nr."), (table.da, first)
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref.startswith("A1:")


def test_column_widths_follow_the_data_and_are_capped(demo_da: bytes) -> None:
    wb = _workbook(demo_da)
    ws = wb["Organisationer"]
    widths = {k: d.width for k, d in ws.column_dimensions.items()}
    assert all(8 <= w <= 60 for w in widths.values())
    longest_name = max(len(str(c.value)) for (c,) in ws.iter_rows(min_col=2, max_col=2))
    assert widths["B"] >= min(longest_name, 60)


def test_dropdowns_draw_on_the_hidden_lookup_sheet(demo_da: bytes) -> None:
    wb = _workbook(demo_da)
    lookups = wb["Opslag"]
    assert lookups.sheet_state == "hidden"
    ws = wb["Kortlægning"]
    header = [c.value for c in ws[1]]
    validations = ws.data_validations.dataValidation
    assert validations
    by_column = {}
    for dv in validations:
        assert dv.type == "list"
        assert dv.formula1.startswith("'Opslag'!$"), dv.formula1
        assert '"' not in dv.formula1  # a range, never an inline list
        by_column[str(dv.sqref).split(":")[0].rstrip("0123456789")] = dv.formula1
    for name in ("Status", "Relevans", "Interesse", "Indflydelse", "Eksisterende relation"):
        letter = openpyxl.utils.get_column_letter(header.index(name) + 1)
        assert letter in by_column, name
    # the range of "Interesse" holds exactly the Level labels
    letter = openpyxl.utils.get_column_letter(header.index("Interesse") + 1)
    ref = by_column[letter].split("!")[1].replace("$", "")
    values = [c.value for (c,) in lookups[ref]]
    assert values == ["Lav", "Middel", "Høj"]


def test_dates_are_real_dates(plan: cfbu.Plan, demo_da: bytes) -> None:
    wb = _workbook(demo_da)
    ws = wb["Plan"]
    rows = {r[0].value: r[1] for r in ws.iter_rows(min_row=2)}
    start = rows["Start"]
    assert start.is_date
    assert start.number_format == "dd-mm-yyyy"
    assert start.value.date() == plan.period.start


def test_no_cell_is_a_formula(demo_da: bytes) -> None:
    wb = _workbook(demo_da)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)


def test_guide_explains_the_sheets(demo_da: bytes, plan: cfbu.Plan) -> None:
    wb = _workbook(demo_da)
    text = "\n".join(
        str(v) for row in wb["Vejledning"].iter_rows(values_only=True) for v in row if v
    )
    assert "dd-mm-åååå" in text
    assert "Kortlægning" in text
    assert "Organisationer" in text
    en = _workbook(cfbu.export(plan, format="xlsx", lang="en"))
    assert "dd-mm-yyyy" in "\n".join(
        str(v) for row in en["Guide"].iter_rows(values_only=True) for v in row if v
    )


def test_mapping_on_its_own(plan: cfbu.Plan) -> None:
    mapping = plan.mappings[0]
    wb = _workbook(cfbu.export(mapping, format="xlsx", plan=plan))
    assert wb.sheetnames[:3] == ["Vejledning", "Om kortlægningen", "Kortlægning"]
    ws = wb["Kortlægning"]
    header = [c.value for c in ws[1]]
    names = [
        r[header.index("Organisation (navn)")] for r in ws.iter_rows(min_row=2, values_only=True)
    ]
    org_names = {o.name for o in plan.organisations}
    assert names
    assert all(n in org_names for n in names)


def test_progress_is_reported(plan: cfbu.Plan) -> None:
    calls: list[tuple[int, int | None]] = []
    cfbu.export(plan, format="xlsx", progress=lambda d, t: calls.append((d, t)))
    assert calls
    assert calls[-1][0] == calls[-1][1]


def test_same_plan_same_content(plan: cfbu.Plan) -> None:
    def parts(data: bytes) -> dict[str, bytes]:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}

    assert parts(cfbu.export(plan, format="xlsx")) == parts(cfbu.export(plan, format="xlsx"))


def test_created_is_fixed(demo_da: bytes) -> None:
    wb = _workbook(demo_da)
    assert wb.properties.created.year == 2020
    assert wb.properties.creator == "cfbu_toolkit"


def test_privacy_omit_leaves_no_contact_names(plan: cfbu.Plan) -> None:
    data = cfbu.export(plan, format="xlsx", privacy="omit")
    wb = _workbook(data, read_only=True)
    text = "\n".join(
        str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v
    )
    for person in plan.contacts:
        assert person.name not in text


def test_sheet_titles_are_ones_excel_accepts() -> None:
    for table in TABLES:
        for title in (table.da, table.en, table.record_da, table.record_en):
            if title:
                check_sheet_title(title)
    for sheet in (GUIDE, LISTS, LOOKUPS):
        check_sheet_title(sheet.da)
        check_sheet_title(sheet.en)


def test_import_does_not_load_openpyxl() -> None:
    code = "import sys, cfbu_toolkit; print('openpyxl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- LibreOffice -------------------------------------------------------------------------------


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is missing in CI; run .ci/install-libreoffice.sh")
        pytest.skip("LibreOffice (soffice) is not installed; run .ci/install-libreoffice.sh")
    return found


@pytest.mark.libreoffice
def test_libreoffice_reads_the_workbook(tmp_path: Path) -> None:
    soffice = _soffice()
    plan = cfbu.examples.demo_plan()
    org = plan.organisations[0]
    import attrs

    tricky = attrs.evolve(org, name="Ærø Æblelaug for å og ø", description="=SUM(A1:A3)")
    plan = attrs.evolve(plan, organisations=(tricky, *plan.organisations[1:]))
    source = tmp_path / "demo.xlsx"
    cfbu.export(plan, source)
    out = tmp_path / "out"
    profile = tmp_path / "profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    converted = out / "demo.xlsx"
    assert converted.exists()
    wb = openpyxl.load_workbook(converted)  # as LibreOffice saved it
    assert "Organisationer" in wb.sheetnames
    assert "Kortlægning" in wb.sheetnames
    ws = wb["Organisationer"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    row = rows[org.id]
    assert row[1].value == "Ærø Æblelaug for å og ø"
    assert row[5].value == "=SUM(A1:A3)"
    assert row[5].data_type == "s"  # still text after LibreOffice: not a formula
    record = {r[0].value: r[1] for r in wb["Plan"].iter_rows(min_row=2)}
    assert record["Start"].is_date
    assert record["Start"].value.date() == plan.period.start
    # and what LibreOffice wrote reads back into the same plan
    assert cfbu.load(converted) == plan


def test_a_grid_too_big_to_read_plots_the_first_organisations_and_says_so() -> None:
    import datetime as dt

    from cfbu_toolkit.analysis.mapping import READABLE_POINTS

    total = READABLE_POINTS + 3
    entries = tuple(
        cfbu.MappingEntry(
            id=f"e{i}",
            organisation_id=f"o{i}",
            assessments=(
                cfbu.Assessment(
                    date=dt.date(2025, 1, 1),
                    interest=cfbu.Level.HIGH,
                    influence=cfbu.Level.HIGH if i % 2 else cfbu.Level.LOW,
                ),
            ),
        )
        for i in range(total)
    )
    data = cfbu.export(cfbu.Mapping(id="m", title="Stor", entries=entries), format="xlsx")
    ws = openpyxl.load_workbook(io.BytesIO(data))["Kort"]
    texts = [row[0] for row in ws.iter_rows(min_col=1, max_col=1, values_only=True) if row[0]]
    assert texts[1] == (
        f"Diagrammet viser de første {READABLE_POINTS} af {total} placerede organisationer; "
        "fanen Kortlægning viser dem alle."
    )
    names = [t for t in texts if t.startswith("o")]
    assert len(names) == READABLE_POINTS
    # The grid's first field comes first: every organisation to keep close is plotted.
    assert {f"o{i}" for i in range(1, total, 2)} <= set(names)
    plotted = [x for (x,) in ws.iter_rows(min_col=15, max_col=15, values_only=True) if x]
    assert len(plotted) == READABLE_POINTS
    # Two hundred organisations in one cell of the grid (high interest) still stand inside it.
    assert all(2.5 < x < 3.5 for x in plotted)


@pytest.mark.parametrize("title", ["Status!Q3 2025", "=Kort!$A$1", "Plan 'B'!A1:B2", "Sommer"])
def test_a_grid_title_that_looks_like_a_reference_stays_text(title: str) -> None:
    """The chart's title points at the block's title cell and caches its text: given as
    text, XlsxWriter took "Status!Q3 2025" for a reference and wrote a broken formula."""
    import datetime as dt
    import re

    entry = cfbu.MappingEntry(
        id="e1",
        organisation_id="o1",
        assessments=(
            cfbu.Assessment(
                date=dt.date(2025, 1, 1), interest=cfbu.Level.HIGH, influence=cfbu.Level.LOW
            ),
        ),
    )
    data = cfbu.export(cfbu.Mapping(id="m", title=title, entries=(entry,)), format="xlsx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        (chart,) = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        xml = archive.read(chart).decode()
    found = re.search(r"<c:title><c:tx><c:strRef><c:f>([^<]*)</c:f>.*?<c:v>([^<]*)</c:v>", xml)
    assert found is not None
    reference, cached = found.groups()
    assert reference == "Kort!$A$1"
    assert html.unescape(cached) == title
    assert openpyxl.load_workbook(io.BytesIO(data))["Kort"]["A1"].value == title
