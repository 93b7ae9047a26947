"""Cells a spreadsheet program changed are named, never read silently.

An error value (``#REF!``, ``#N/A``, ...), merged cells over data, TRUE or FALSE in a
column that takes text, and the registration template's mark set on another workbook
each become an error (or, for the mark, warnings) naming the sheet and cell, in Danish by
default. The workbooks are built here with openpyxl, as a person's program would save
them; a hypothesis property plants such cells anywhere and expects only the library's
own errors and warnings.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import cfbu_toolkit as cfbu
from cfbu_toolkit import CfbuError, DocumentError
from cfbu_toolkit.formats.xlsx.layout import LIST_COLUMNS, TABLES
from cfbu_toolkit.formats.xlsx.plugin import WorkbookWarning
from cfbu_toolkit.formats.xlsx.template import TEMPLATE_MARK
from cfbu_toolkit.locale import use_lang

ERRORS = ("#REF!", "#N/A", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!")


def _plan() -> cfbu.Plan:
    orgs = (
        cfbu.Organisation(
            id="o1",
            name="Boldklubben",
            sector=cfbu.ActorSector.CIVIL_SOCIETY,
            description="Fodbold for alle",
        ),
        cfbu.Organisation(id="o2", name="Biblioteket", sector=cfbu.ActorSector.MUNICIPALITY),
    )
    return cfbu.Plan(id="p1", name="Helhedsplan", area="Solbakken", organisations=orgs)


_EXPORTED = cfbu.export(_plan(), format="xlsx")


def _edited(edit: Callable[[Any], None], data: bytes = _EXPORTED) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    edit(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _letter(ws: Any, header: str) -> str:
    headers = [c.value for c in ws[1]]
    return openpyxl.utils.get_column_letter(headers.index(header) + 1)


def _set(sheet: str, header: str, row: int, value: Any) -> Callable[[Any], None]:
    def edit(wb: Any) -> None:
        ws = wb[sheet]
        ws[f"{_letter(ws, header)}{row}"] = value

    return edit


def _problems(data: bytes, **options: Any) -> list[tuple[str, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WorkbookWarning)
        with pytest.raises(DocumentError) as info:
            cfbu.load(data, **options)
    return [(p.where, p.text) for p in info.value.problems]


# -- error values --------------------------------------------------------------------------


@pytest.mark.parametrize("error", ERRORS)
def test_an_error_value_in_a_text_cell_is_an_error_naming_the_cell(error: str) -> None:
    data = _edited(_set("Organisationer", "Beskrivelse", 2, error))
    with use_lang("da"):
        assert _problems(data) == [
            (
                "Organisationer!F2",
                f"cellen indeholder fejlværdien {error} (en formel eller en reference, der "
                "slog fejl), ikke data; ret cellen, eller tøm den",
            )
        ]


def test_an_error_value_in_a_required_name_is_never_the_name() -> None:
    data = _edited(_set("Organisationer", "Navn", 3, "#N/A"))
    assert [where for where, _ in _problems(data)] == ["Organisationer!B3"]


def test_an_error_value_in_the_plan_sheet_names_its_cell() -> None:
    def edit(wb: Any) -> None:
        wb["Plan"]["B4"] = "#REF!"  # Område

    with use_lang("en"):
        ((where, text),) = _problems(_edited(edit))
    assert where == "Plan!B4"
    assert text.startswith("the cell holds the error value #REF!")


def test_a_formula_whose_value_is_an_error_is_the_error() -> None:
    def edit(wb: Any) -> None:
        ws = wb["Organisationer"]
        ws[f"{_letter(ws, 'Beskrivelse')}2"] = "=1/0"

    # openpyxl saves no cached value; put in the one a spreadsheet program calculates
    data = _with_cached_error(_edited(edit))
    assert [w for w, _ in _problems(data)] == ["Organisationer!F2"]


def _with_cached_error(data: bytes) -> bytes:
    """The workbook with its one formula cell given the cached error ``#DIV/0!``."""
    import re
    import zipfile

    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info.filename)
            if b"<f>1/0</f>" in part:
                part = re.sub(
                    rb'<c r="F2"([^>]*)><f>1/0</f>(<v\s*/>|<v></v>)?</c>',
                    rb'<c r="F2"\1 t="e"><f>1/0</f><v>#DIV/0!</v></c>',
                    part,
                )
                assert b"#DIV/0!" in part
            dst.writestr(info, part)
    return out.getvalue()


# -- merged cells -------------------------------------------------------------------------


def test_merged_cells_over_data_are_an_error_naming_the_range() -> None:
    def edit(wb: Any) -> None:
        wb["Organisationer"].merge_cells("F2:F3")

    with use_lang("da"):
        ((where, text),) = _problems(_edited(edit))
    assert where == "Organisationer!F2:F3"
    assert text.startswith("cellerne F2:F3 er flettet")


def test_merged_cells_in_the_plan_sheet_are_an_error_too() -> None:
    def edit(wb: Any) -> None:
        wb["Plan"].merge_cells("B3:B4")

    assert ("Plan!B3:B4") in [w for w, _ in _problems(_edited(edit))]


def test_merged_header_cells_of_a_sheet_not_read_are_left_alone() -> None:
    def edit(wb: Any) -> None:
        ws = wb.create_sheet("Mine noter")
        ws["A1"] = "Noter"
        ws.merge_cells("A1:C5")

    assert cfbu.load(_edited(edit)) == _plan()


# -- logical values -----------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "shown"), [("da", "SAND"), ("en", "TRUE")])
def test_true_in_a_text_column_is_refused_not_translated(lang: str, shown: str) -> None:
    data = _edited(_set("Organisationer", "Beskrivelse", 2, True))
    with use_lang(lang):  # type: ignore[arg-type]
        ((where, text),) = _problems(data, lang=lang)
    assert where == "Organisationer!F2"
    assert shown in text
    assert "Ja" not in text


def test_false_in_an_id_or_enumeration_column_is_refused() -> None:
    data = _edited(_set("Organisationer", "Sektor", 3, False))
    assert [w for w, _ in _problems(data)] == ["Organisationer!C3"]


def test_a_yes_no_column_still_takes_true_and_false() -> None:
    plan = cfbu.examples.demo_plan()
    data = cfbu.export(plan, format="xlsx")

    def edit(wb: Any) -> None:
        ws = wb["Kortlægning"]
        ws[f"{_letter(ws, 'Eksisterende relation')}2"] = True

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WorkbookWarning)
        loaded = cfbu.load(_edited(edit, data))
    assert isinstance(loaded, cfbu.Plan)
    entry_ids = [e.id for m in plan.mappings for e in m.entries]
    first = next(e for m in loaded.mappings for e in m.entries if e.id == entry_ids[0])
    assert first.existing_relation is True


# -- the template's mark ------------------------------------------------------------------


def test_the_template_mark_on_an_exported_plan_hides_no_missing_sheet() -> None:
    plan = cfbu.examples.demo_plan()
    items = sum(len(w.agenda) for w in plan.workshops)
    assert items > 0

    def edit(wb: Any) -> None:
        del wb["Programpunkter"]
        wb.properties.keywords = TEMPLATE_MARK

    data = _edited(edit, cfbu.export(plan, format="xlsx"))
    with use_lang("da"), warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        loaded = cfbu.load(data)
    texts = [str(w.message) for w in warned if issubclass(w.category, WorkbookWarning)]
    assert 'arket "Programpunkter" mangler; det læses som tomt' in " ".join(texts)
    assert any("markeret som registreringsskabelon" in t for t in texts)
    assert isinstance(loaded, cfbu.Plan)
    assert sum(len(w.agenda) for w in loaded.workshops) == 0


# -- any such cell, anywhere --------------------------------------------------------------

_FAULTS = st.one_of(
    st.sampled_from(ERRORS).map(lambda e: ("value", e)),
    st.booleans().map(lambda b: ("value", b)),
    st.tuples(st.integers(1, 3), st.integers(1, 3)).map(lambda size: ("merge", size)),
    st.sampled_from(["=A1", "=1+1", '=HYPERLINK("x";"y")']).map(lambda f: ("value", f)),
)
#: Where a planted cell matters: the plan's values, organisations (ID to description),
#: contact persons and the text lists, headers included.
_PLACES = st.one_of(
    st.tuples(st.just("Plan"), st.integers(2, 5), st.just(2)),
    st.tuples(st.just("Organisationer"), st.integers(1, 3), st.integers(1, 6)),
    st.tuples(st.just("Kontaktpersoner"), st.integers(1, 2), st.integers(1, 4)),
    st.tuples(st.just("Tekstlister"), st.integers(1, 2), st.integers(1, 6)),
)


def _shown_only() -> set[tuple[str, int]]:
    """(sheet, column) of the columns the exported workbook shows but never reads back."""
    wb = openpyxl.load_workbook(io.BytesIO(_EXPORTED), read_only=True)
    columns = [*(c for t in TABLES for c in t.columns), *LIST_COLUMNS]
    derived = {c.da for c in columns if c.kind == "derived"}
    found = set()
    for ws in wb.worksheets:
        header = next(ws.iter_rows(max_row=1, values_only=True), ())
        found |= {(ws.title, i) for i, h in enumerate(header, start=1) if h in derived}
    wb.close()
    return found


_SHOWN = _shown_only()


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_PLACES, _FAULTS), min_size=1, max_size=2))
def test_any_such_cell_gives_only_the_librarys_own_errors(cells: list[Any]) -> None:
    values = {place: what for place, (kind, what) in cells if kind == "value"}
    merges = []
    for (sheet, row, column), (kind, what) in cells:
        if kind == "merge" and what[0] * what[1] > 1:
            covered = {
                (sheet, r, c)
                for r in range(row, row + what[0])
                for c in range(column, column + what[1])
            }
            assume(not covered & set(values))  # a merge wipes what it covers
            merges.append((sheet, row, column, *what))
    # An error value, TRUE or FALSE below the header, or a merge reaching below it must
    # make the import fail (TRUE as a header is a column not read, with a warning; so is
    # a column of names beside IDs, shown for the reader and never read back).
    refused = any(
        (v in ERRORS or (isinstance(v, bool) and row >= 2)) and (sheet, column) not in _SHOWN
        for (sheet, row, column), v in values.items()
    )
    refused = refused or any(row + rows - 1 >= 2 for _, row, _, rows, _ in merges)

    def edit(wb: Any) -> None:
        for (sheet, row, column), what in values.items():
            wb[sheet].cell(row=row, column=column, value=what)
        for sheet, row, column, rows, columns in merges:
            start = openpyxl.utils.get_column_letter(column)
            end = openpyxl.utils.get_column_letter(column + columns - 1)
            wb[sheet].merge_cells(f"{start}{row}:{end}{row + rows - 1}")

    try:
        data = _edited(edit)
    except (ValueError, TypeError):  # openpyxl refuses to merge over an existing merge
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WorkbookWarning)
        try:
            loaded = cfbu.load(data)
        except CfbuError:
            return
    # Read: no error value or TRUE/FALSE was turned into text.
    assert not refused, cells
    assert isinstance(loaded, cfbu.Plan)


# -- numbers ------------------------------------------------------------------------------


def test_a_number_of_five_thousand_digits_is_named_by_its_cell() -> None:
    def edit(wb: Any) -> None:
        wb["Plan"]["B10"] = "9" * 5000  # Budget (kr.), typed as text

    with use_lang("da"):
        assert _problems(_edited(edit)) == [
            ("Plan!B10", "tallet har 5000 cifre, langt flere end noget tal her kan have")
        ]
