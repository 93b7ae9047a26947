"""A workbook never changes a person's data silently: sheets are matched exactly, a hidden
sheet is never read in place of a visible one, and a sheet that reaches far cannot stall
the reader."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import openpyxl
import pytest

import cfbu_toolkit as cfbu
from cfbu_toolkit import DocumentError


def _plan() -> cfbu.Plan:
    org = cfbu.Organisation(id="o1", name="Boldklubben", sector=cfbu.ActorSector.CIVIL_SOCIETY)
    return cfbu.Plan(id="p1", name="Helhedsplan", organisations=(org,))


def _with_extra_sheet(title: str, state: str) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(cfbu.export(_plan(), format="xlsx")))
    extra = wb.create_sheet(title)
    extra.append(["ID", "Navn"])
    extra.append(["o1", "Et andet navn"])
    extra.sheet_state = state
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
@pytest.mark.parametrize("title", ["organisationer ", "ORGANISATIONER  "])
def test_a_hidden_look_alike_sheet_is_refused_naming_both(title: str, state: str) -> None:
    with pytest.raises(DocumentError) as info:
        cfbu.load(_with_extra_sheet(title, state))
    text = str(info.value)
    assert repr(title) in text
    assert "'Organisationer'" in text


def test_two_visible_sheets_that_differ_only_in_case_and_spaces_are_refused() -> None:
    # (Excel and openpyxl refuse titles that differ only in case; a space gets through.)
    with pytest.raises(DocumentError, match="ORGANISATIONER"):
        cfbu.load(_with_extra_sheet(" ORGANISATIONER", "visible"))


def test_an_unrelated_hidden_sheet_is_left_alone() -> None:
    assert cfbu.load(_with_extra_sheet("Mine noter", "hidden")) == _plan()


def _far_reaching(rows: int) -> bytes:
    """The plan's workbook whose organisation sheet has ``rows`` empty rows reaching XFD."""
    data = cfbu.export(_plan(), format="xlsx")
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    index = wb.sheetnames.index("Organisationer") + 1
    part = f"xl/worksheets/sheet{index}.xml"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            content = zin.read(info.filename)
            if info.filename == part:
                head, _, tail = content.partition(b"</sheetData>")
                filler = b"".join(
                    b'<row r="%d"><c r="XFD%d" t="inlineStr"><is><t></t></is></c></row>' % (n, n)
                    for n in range(10, 10 + rows)
                )
                content = head + filler + b"</sheetData>" + tail
            zout.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_a_sheet_of_a_million_empty_rows_reaching_xfd_is_read_in_bounded_time(
    tmp_path: Path,
) -> None:
    path = tmp_path / "langt.xlsx"
    path.write_bytes(_far_reaching(1_000_000))
    assert path.stat().st_size < 8 * 2**20  # small on disk
    # In a child under a memory cap; the timeout is the failure condition, not a measure.
    code = textwrap.dedent(
        f"""
        import resource, time, warnings
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))
        import cfbu_toolkit as cfbu
        start = time.perf_counter()
        warnings.simplefilter("ignore")
        try:
            plan = cfbu.load({str(path)!r})
            print("read", len(plan.organisations), round(time.perf_counter() - start, 1))
        except cfbu.CfbuError as exc:
            print("refused", round(time.perf_counter() - start, 1), str(exc)[:200])
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    outcome = done.stdout.split()
    assert outcome[0] in ("read", "refused")
    if outcome[0] == "read":
        assert outcome[1] == "1"  # the one organisation, nothing invented from empty rows
