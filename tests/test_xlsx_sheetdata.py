"""The importer's own reading of a sheet's XML gives the values openpyxl gives, and refuses
what openpyxl would drop without a word."""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from typing import Any

import openpyxl
import pytest
import xlsxwriter
from _profile import examples
from hypothesis import given, settings
from hypothesis import strategies as st

import cfbu_toolkit as cfbu
from cfbu_toolkit.errors import DocumentError
from cfbu_toolkit.formats.xlsx import sheetdata, sheets
from cfbu_toolkit.formats.xlsx.sheetdata import read_rows, row_source

Grid = dict[tuple[int, int], Any]


def _trim(row: tuple[Any, ...]) -> tuple[Any, ...]:
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return row[:end]


def _typed(rows: dict[int, tuple[Any, ...]]) -> dict[int, list[tuple[str, Any]]]:
    """The rows with each value's type beside it: ``True == 1`` and ``1.0 == 1`` in Python."""
    return {n: [(type(v).__name__, v) for v in row] for n, row in rows.items()}


def _by_openpyxl(data: bytes) -> dict[int, tuple[Any, ...]]:
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    ws = wb.worksheets[0]
    ws.reset_dimensions()
    with warnings.catch_warnings():  # openpyxl warns of a date no calendar holds
        warnings.simplefilter("ignore")
        rows = {n: _trim(row) for n, row in enumerate(ws.iter_rows(values_only=True), 1)}
    wb.close()
    return {n: row for n, row in rows.items() if row}


def _by_us(data: bytes, max_columns: int = 50) -> dict[int, tuple[Any, ...]]:
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    source = row_source(wb.worksheets[0])
    assert source is not None
    rows = {n: _trim(row) for n, row, _ in read_rows(source, 1_000, max_columns)}
    wb.close()
    return {n: row for n, row in rows.items() if row}


# -- any values, as three writers store them --------------------------------------------------

_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
    | st.sampled_from("\t\n\r "),
    min_size=1,
    max_size=12,
).filter(lambda t: not t.startswith("="))  # openpyxl would store it as a formula
_VALUES = st.one_of(
    _TEXT,
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(9999, 12, 31)),
    st.dates(dt.date(1900, 3, 1)),
    st.times(),
)
_GRIDS = st.dictionaries(
    st.tuples(st.integers(1, 7), st.integers(1, 6)), _VALUES, min_size=1, max_size=20
)


def _written_by_openpyxl(grid: Grid) -> bytes:
    wb = openpyxl.Workbook()
    for (row, column), value in grid.items():
        wb.active.cell(row=row, column=column, value=value)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _written_by_xlsxwriter(grid: Grid, constant_memory: bool) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "constant_memory": constant_memory})
    sheet = book.add_worksheet()
    when = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    for (row, column), value in sorted(grid.items()):  # constant memory: rows in order
        if isinstance(value, str):
            sheet.write_string(row - 1, column - 1, value)
        elif isinstance(value, bool):
            sheet.write_boolean(row - 1, column - 1, value)
        elif isinstance(value, (dt.date, dt.time)):
            sheet.write_datetime(row - 1, column - 1, value, when)
        else:
            sheet.write_number(row - 1, column - 1, value)
    book.close()
    return out.getvalue()


_WRITERS = {
    "openpyxl": _written_by_openpyxl,
    "XlsxWriter (inline strings)": lambda grid: _written_by_xlsxwriter(grid, True),
    "XlsxWriter (shared strings)": lambda grid: _written_by_xlsxwriter(grid, False),
}


@pytest.mark.parametrize("writer", _WRITERS)
@given(grid=_GRIDS)
@settings(max_examples=examples(0.5))
def test_any_values_read_as_openpyxl_reads_them(writer: str, grid: Grid) -> None:
    data = _WRITERS[writer](grid)
    ours = _by_us(data)
    assert _typed(ours) == _typed(_by_openpyxl(data))
    held = {(n, c + 1) for n, row in ours.items() for c, v in enumerate(row) if v is not None}
    assert held == set(grid)


# -- what a hand-made or unusual sheet holds ---------------------------------------------------

_HEAD = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
_TAIL = "</sheetData></worksheet>"


def _with_sheet(rows_xml: str, *, epoch_1904: bool = False) -> bytes:
    """A workbook whose first sheet holds ``rows_xml``; style 1 is a date, shared string 0
    is "ord"."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "date_1904": epoch_1904})
    sheet = book.add_worksheet()
    sheet.write_datetime(0, 0, dt.datetime(2024, 1, 1), book.add_format({"num_format": 22}))
    sheet.write_string(0, 1, "ord")
    book.close()
    return _rewrite(
        out.getvalue(), "xl/worksheets/sheet1.xml", (_HEAD + rows_xml + _TAIL).encode()
    )


def _rewrite(data: bytes, part: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            new = content if info.filename == part else zin.read(info.filename)
            zout.writestr(info, new, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


_UNUSUAL = (
    '<row><c><v>1</v></c><c t="inlineStr"><is><t>uden nummer</t></is></c></row>'
    '<row r="4"><c r="B4" t="inlineStr"><is><r><t>fed</t></r><r><rPr><b/></rPr>'
    '<t xml:space="preserve"> skrift</t></r><rPh sb="0" eb="1"><t>fonetisk</t></rPh></is></c>'
    '<c r="D4" t="str"><f>A1</f><v>beregnet</v></c></row>'
    '<row r="5"><c r="A5" t="b"><v>1</v></c><c r="B5" t="e"><v>#REF!</v></c>'
    '<c r="C5" t="d"><v>2024-05-01T10:00:00</v></c><c r="D5" s="1"><v>45000.5</v></c>'
    '<c r="E5"><v>1.5E3</v></c><c r="F5" t="s"><v>0</v></c><c r="G5" s="1"><v>0.25</v></c></row>'
    '<row r="6.0"><c r="A6" t="inlineStr"><is/></c><c r="B6" t="inlineStr"/><c r="C6"><v/></c>'
    '<c r="D6" t="inlineStr"><is><t>  </t></is></c><c r="E6" s="1"><v>1e20</v></c></row>'
)


@pytest.mark.parametrize("epoch_1904", [False, True])
def test_unusual_cells_read_as_openpyxl_reads_them(epoch_1904: bool) -> None:
    data = _with_sheet(_UNUSUAL, epoch_1904=epoch_1904)
    ours = _by_us(data)
    theirs = _by_openpyxl(data)
    # openpyxl turns a date no calendar holds into the text "#VALUE!" (with a warning);
    # the number itself is kept here, so the importer can name the cell.
    assert theirs[6] == ("", None, None, "  ", "#VALUE!")
    assert ours[6] == ("", None, None, "  ", 1e20)
    del ours[6], theirs[6]
    assert _typed(ours) == _typed(theirs)
    assert ours[1] == (1, "uden nummer")
    assert ours[4] == (None, "fed skrift", None, "beregnet")
    start = dt.datetime(1904, 1, 1) if epoch_1904 else dt.datetime(1899, 12, 30)
    assert ours[5] == (
        True,
        "#REF!",
        dt.datetime(2024, 5, 1, 10),
        start + dt.timedelta(days=45000.5),
        1500.0,
        "ord",
        dt.time(6),  # a fraction of a day alone is a time of day, in either calendar
    )


def test_rows_the_file_leaves_out_come_empty_so_the_header_stays_row_one() -> None:
    data = _with_sheet('<row r="3"><c r="A3"><v>7</v></c></row>')
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    source = row_source(wb.worksheets[0])
    assert source is not None
    assert [(n, row) for n, row, _ in read_rows(source, 10, 10)] == [(1, ()), (2, ()), (3, (7,))]


@pytest.mark.parametrize(
    ("rows_xml", "where", "message"),
    [
        (
            '<row r="2"><c r="A2"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>',
            "2",
            "row_out_of_order",
        ),
        (
            '<row r="5"><c r="A5"><v>1</v></c></row><row r="3"><c r="A3"><v>2</v></c></row>',
            "3",
            "row_out_of_order",
        ),
        (
            '<row r="1"><c r="B1"><v>1</v></c><c r="B1"><v>2</v></c></row>',
            "B1",
            "cell_twice",
        ),
        (
            '<row r="1"><c r="C1"><v>1</v></c><c r="A1"><v>2</v></c></row>',
            "A1",
            "cell_twice",
        ),
        ('<row r="1"><c r="a1"><v>1</v></c></row>', "a1", "not_a_cell"),
        ('<row r="1"><c r="XFE1"><v>1</v></c></row>', "XFE1", "not_a_cell"),
    ],
)
def test_what_openpyxl_would_drop_is_damage_named_in_place(
    rows_xml: str, where: str, message: str
) -> None:
    data = _with_sheet(rows_xml)
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    source = row_source(wb.worksheets[0])
    assert source is not None
    with pytest.raises(sheetdata.SheetDamage) as caught:
        list(read_rows(source, 10, 10))
    assert (caught.value.where, caught.value.message) == (where, message)


# -- through cfbu.load -------------------------------------------------------------------------


def _plan(n: int = 4) -> cfbu.Plan:
    orgs = tuple(
        cfbu.Organisation(id=f"o{i}", name=f"Forening {i}", sector=cfbu.ActorSector.OTHER)
        for i in range(n)
    )
    return cfbu.Plan(id="p", name="Plan", organisations=orgs)


def _organisations_part(data: bytes) -> tuple[str, bytes]:
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    part = f"xl/worksheets/sheet{wb.sheetnames.index('Organisationer') + 1}.xml"
    return part, zipfile.ZipFile(io.BytesIO(data)).read(part)


def test_a_repeated_row_is_refused_in_its_place_not_dropped() -> None:
    data = cfbu.export(_plan(), format="xlsx")
    part, xml = _organisations_part(data)
    forged = _rewrite(data, part, re.sub(rb'<row r="4"', b'<row r="3"', xml, count=1))
    with pytest.raises(DocumentError) as caught:
        cfbu.load(forged)
    (problem,) = caught.value.problems
    assert problem.where == "Organisationer!3"
    assert problem.message.startswith("række 3 kommer efter række 3 i filen")
    assert "arket er beskadiget" in problem.message


def test_a_value_far_past_the_column_limit_is_seen() -> None:
    data = cfbu.export(_plan(), format="xlsx")
    part, xml = _organisations_part(data)
    far = b'<c r="ZZ3" t="inlineStr"><is><t>glemt</t></is></c></row>'
    row_3 = re.search(rb'<row r="3".*?</row>', xml)
    assert row_3 is not None
    forged = _rewrite(data, part, xml.replace(row_3[0], row_3[0][: -len(b"</row>")] + far))
    with pytest.raises(DocumentError, match="702 kolonner"):
        cfbu.load(forged)


def test_openpyxl_without_the_parts_is_read_through_its_own_iteration(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan = _plan(30)
    data = cfbu.export(plan, format="xlsx")
    assert cfbu.load(data) == plan
    monkeypatch.setattr(sheets, "row_source", lambda ws: None)
    assert cfbu.load(data) == plan


def test_this_openpyxl_gives_the_parts() -> None:
    """The faster reading is the one in use (the fallback would hide a change in openpyxl)."""
    data = cfbu.export(_plan(), format="xlsx")
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    assert all(row_source(ws) is not None for ws in wb.worksheets)
