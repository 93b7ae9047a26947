"""Names beside IDs in an exported workbook, and IDs written back without losing the
person's work (the chart, their formatting, widths, comments and sheets)."""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import cfbu_toolkit as cfbu
from cfbu_toolkit.cli import main
from cfbu_toolkit.formats.xlsx.layout import LIST_COLUMNS, LISTS, TABLES, printed_from
from cfbu_toolkit.formats.xlsx.printing import READABLE_WIDTH
from cfbu_toolkit.formats.xlsx.problems import WorkbookWarning
from cfbu_toolkit.formats.xlsx.writeback import with_cells

openpyxl = pytest.importorskip("openpyxl")
pytestmark = pytest.mark.filterwarnings(
    "ignore::cfbu_toolkit.formats.xlsx.problems.WorkbookWarning"
)

DEMO = cfbu.examples.demo_plan()


def _sheets(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def _rows(ws: Any) -> list[dict[str, Any]]:
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, row, strict=False)) for row in rows[1:] if any(row)]


def test_every_id_of_another_row_has_its_name_beside_it() -> None:
    wb = _sheets(cfbu.export(DEMO, format="xlsx"))  # type: ignore[arg-type]
    names = {o.id: o.name for o in DEMO.organisations} | {c.id: c.name for c in DEMO.contacts}
    checked = 0
    for table in TABLES:
        by_attr = {c.attr: c for c in table.columns}
        pairs = [(by_attr[c.of], c) for c in table.columns if c.of]
        if table.title("da") not in wb.sheetnames or not pairs:
            continue
        header = [c.value for c in wb[table.title("da")][1]]
        for ids, shown in pairs:
            # the names stand right beside their IDs (the mapping's title after the
            # organisation's name, so the name starts the printed page)
            gap = header.index(shown.da) - header.index(ids.da)
            assert gap in (1, 3), (table.name, shown.da)
            for row in _rows(wb[table.title("da")]):
                if row[ids.da] is None:
                    continue
                assert row[shown.da], (table.name, shown.da, row[ids.da])
                checked += 1
                for one in str(row[ids.da]).split(", "):
                    if one in names:  # organisations and contact persons, checked by name
                        assert names[one] in row[shown.da], (table.name, one)
    assert checked > 300
    entries = _rows(wb["Kortlægning"])
    assert {r["Kortlægning (titel)"] for r in entries} == {m.title for m in DEMO.mappings}
    answers = _rows(wb["Dialogsvar"])
    questions = {q.id: q.text_da for t in DEMO.dialogue_tools for q in t.questions}
    assert all(r["Spørgsmål (tekst)"] == questions[r["Spørgsmål-ID"]] for r in answers)
    lists = _rows(wb[LISTS.title("da")])
    assert all(r[LIST_COLUMNS[1].da] for r in lists)  # each text list names its row


def test_a_record_sheet_names_what_its_ids_point_at() -> None:
    agreement = DEMO.collaboration_agreements[0]
    wb = _sheets(cfbu.export(agreement, format="xlsx", plan=DEMO))  # type: ignore[arg-type]
    rows = {r[0].value: r for r in wb["Om aftalen"].iter_rows(min_row=2)}
    effort = next(i for i in DEMO.indsatser if i.id == agreement.indsats_id)
    assert wb["Om aftalen"]["C1"].value == "Henviser til"
    assert rows["Indsats-ID"][2].value == effort.title
    assert rows["Titel"][2].value is None  # a field that points nowhere names nothing


def _greyed(ws: Any) -> set[str]:
    """The cells and column ranges a grey-font conditional format covers on ``ws``."""
    found: set[str] = set()
    for formatting in ws.conditional_formatting:
        for rule in formatting.rules:
            if rule.dxf is not None and rule.dxf.font.color.rgb.endswith("808080"):
                found.update(str(ref) for ref in formatting.sqref.ranges)
    return found


def test_ids_with_names_beside_them_are_grey_and_their_headers_fit() -> None:
    wb = _sheets(cfbu.export(DEMO, format="xlsx"))  # type: ignore[arg-type]
    entries = wb["Kortlægning"]
    header = [c.value for c in entries[1]]
    letter = {h: openpyxl.utils.get_column_letter(i) for i, h in enumerate(header, 1)}
    grey = _greyed(entries)
    # the IDs that have names beside them, and only those (the row's own ID stays black)
    for column in ("Kortlægning-ID", "Organisation-ID", "Kontaktperson-ID"):
        assert f"{letter[column]}2:{letter[column]}1048576" in grey
    assert not any(ref.startswith(f"{letter['ID']}2:") for ref in grey)
    assert entries["C2"].font.color.rgb != "FF808080"  # no cell carries the grey itself
    # the narrow ID columns wrap their headers: row 1 is made as tall as the longest,
    # "Vurderet af (kontaktperson-ID)": four lines in a column ten characters wide
    # (stored as Excel stores it: ten characters and the cell's padding)
    assert int(entries.column_dimensions[letter["Vurderet af (kontaktperson-ID)"]].width) == 10
    assert entries.row_dimensions[1].height == 4 * 15
    # a record sheet greys the single ID cells that have a name beside them
    agreement = DEMO.collaboration_agreements[0]
    record = _sheets(cfbu.export(agreement, format="xlsx", plan=DEMO))["Om aftalen"]  # type: ignore[arg-type]
    row = next(r[0].row for r in record.iter_rows(min_row=2) if r[0].value == "Indsats-ID")
    assert f"B{row}" in _greyed(record)
    assert record.row_dimensions[1].height is None  # nothing wraps there


def _entry_cells(data: bytes) -> tuple[int, str, str, str, Any]:
    """(row, ID letter, name letter, the entry's ID, the sheet) of the mapping sheet's first
    entry whose organisation is not Solbakkeskolen."""
    ws = _sheets(data)["Kortlægning"]
    header = [c.value for c in ws[1]]
    org = openpyxl.utils.get_column_letter(header.index("Organisation-ID") + 1)
    name = openpyxl.utils.get_column_letter(header.index("Organisation (navn)") + 1)
    row = next(r for r in range(2, ws.max_row + 1) if ws[f"{name}{r}"].value != "Solbakkeskolen")
    return row, org, name, ws[f"A{row}"].value, ws


def _organisation_of(plan: Any, entry_id: str) -> str:
    return next(e.organisation_id for m in plan.mappings for e in m.entries if e.id == entry_id)


def test_a_name_changed_beside_its_id_is_never_dropped_without_a_word() -> None:
    data = cfbu.export(DEMO, format="xlsx")
    row, org, name, entry, _ = _entry_cells(data)  # type: ignore[arg-type]
    school = next(o for o in DEMO.organisations if o.name == "Solbakkeskolen")
    kept = _organisation_of(DEMO, entry)
    # the name changed, the ID left: the ID is kept, and the person is told where and why
    edited = with_cells(data, [("Kortlægning", f"{name}{row}", "Solbakkeskolen")])  # type: ignore[arg-type]
    with pytest.warns(WorkbookWarning, match=rf"Kortlægning!{name}{row}: .*{kept}"):
        plan = cfbu.load(io.BytesIO(edited), format="xlsx")
    assert _organisation_of(plan, entry) == kept
    # the ID emptied and a name picked: the row points at the organisation of that name
    moved = with_cells(
        data,  # type: ignore[arg-type]
        [("Kortlægning", f"{org}{row}", ""), ("Kortlægning", f"{name}{row}", "Solbakkeskolen")],
    )
    assert _organisation_of(cfbu.load(io.BytesIO(moved), format="xlsx"), entry) == school.id
    # a name no organisation has, with the ID emptied: an error naming the name's cell
    unknown = with_cells(
        data,  # type: ignore[arg-type]
        [("Kortlægning", f"{org}{row}", ""), ("Kortlægning", f"{name}{row}", "Ingen Skole")],
    )
    with pytest.raises(cfbu.DocumentError) as caught:
        cfbu.load(io.BytesIO(unknown), format="xlsx")
    assert any(p.where == f"Kortlægning!{name}{row}" for p in caught.value.problems)
    assert "Ingen Skole" in str(caught.value)


@pytest.mark.parametrize(
    "part",
    [
        DEMO,
        DEMO.mappings[0],
        *DEMO.collaboration_agreements,
        DEMO.activity_agreements[0],
        *DEMO.dialogue_sessions,
        DEMO.value_games[0],
    ],
    ids=lambda p: p.id,
)
def test_the_exported_workbook_reads_back_unchanged(part: Any) -> None:
    data = cfbu.export(part, format="xlsx", plan=DEMO)
    assert cfbu.load(io.BytesIO(data), format="xlsx") == part  # type: ignore[arg-type]
    if part is DEMO:
        assert cfbu.load(io.BytesIO(data), format="xlsx", base=DEMO) == DEMO  # type: ignore[arg-type]


def test_a_part_shows_the_plans_own_focus_areas_by_name() -> None:
    mapping = DEMO.mappings[0]
    custom = {a.key: a.label_da for a in DEMO.custom_focus_areas}
    used = {k for e in mapping.entries for k in e.focus_areas if k in custom}
    assert used  # the demo's mapping uses one of the plan's own areas
    wb = _sheets(cfbu.export(mapping, format="xlsx", plan=DEMO))  # type: ignore[arg-type]
    shown = " ".join(str(r["Indsatsområder"]) for r in _rows(wb["Kortlægning"]))
    for key in used:
        assert custom[key] in shown
        assert key not in shown
    assert "Egne indsatsområder" in wb.sheetnames


def test_wide_sheets_print_on_pages_side_by_side_without_the_ids() -> None:
    wb = _sheets(cfbu.export(DEMO, format="xlsx"))  # type: ignore[arg-type]
    ws = wb["Kortlægning"]
    entries = next(t for t in TABLES if t.name == "entries")
    first = openpyxl.utils.get_column_letter(printed_from(entries.columns) + 1)
    assert ws[f"{first}1"].value == "Organisation (navn)"
    assert ws.print_area.startswith(f"'Kortlægning'!${first}$1:")
    assert ws.print_title_cols == f"${first}:${first}"
    assert ws.page_setup.fitToWidth > 1
    assert ws.page_setup.pageOrder == "overThenDown"
    for table in TABLES:
        if table.title("da") not in wb.sheetnames or table.record_da == "Plan":
            continue
        sheet = wb[table.title("da")]
        widths = [_widths(sheet)[i + 1] for i in range(len(table.columns))]
        printed = widths[printed_from(table.columns) :]
        pages = sheet.page_setup.fitToWidth or 1  # left out when 1, OOXML default
        per_page = (sum(printed) - printed[0]) / pages + printed[0]
        assert per_page <= READABLE_WIDTH + max(printed), table.name
        assert pages == 1 or math.ceil(sum(printed) / READABLE_WIDTH) >= 2, table.name


def _widths(sheet: Any) -> dict[int, int]:
    """The width of each column in characters, by number (1 for A): a run of columns of
    one width is stored once, and Excel stores the cell's padding on top."""
    return {
        i: int(dim.width)
        for dim in sheet.column_dimensions.values()
        for i in range(dim.min, dim.max + 1)
    }


# -- writing IDs back -------------------------------------------------------------------


def _persons_workbook(tmp_path: Path) -> tuple[Path, Path]:
    """The demo plan exported, then filled in as a person does: new rows without IDs
    (typed by name), a highlighted cell with a comment, a wider column, a sheet of notes."""
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    plan_file, book = tmp_path / "plan.json", tmp_path / "plan.xlsx"
    cfbu.export(DEMO, plan_file)
    cfbu.export(DEMO, book)
    wb = openpyxl.load_workbook(book)
    orgs = wb["Organisationer"]
    orgs.append([None, "Lokalpolitiet Solbakken", "Politi", "Politi", "Professionel"])
    entries = wb["Kortlægning"]
    header = [c.value for c in entries[1]]
    row: list[Any] = [None] * len(header)
    row[header.index("Kortlægning-ID")] = DEMO.mappings[0].id
    row[header.index("Organisation-ID")] = "Lokalpolitiet Solbakken"
    row[header.index("Noter")] = "Ring efter påske"
    row[header.index("Vurderet den")] = dt.date(2026, 3, 1)
    row[header.index("Status")] = "Potentiel"
    entries.append(row)
    entries["H2"].fill = PatternFill("solid", fgColor="FFFF00")
    entries["H2"].comment = Comment("Husk at spørge Louise", "Pia")
    entries.column_dimensions["H"].width = 55
    wb.create_sheet("Mine noter").append(["Husk mødet den 4. marts"])
    wb.save(book)
    return plan_file, book


def test_write_ids_keeps_the_chart_and_everything_the_person_made(tmp_path: Path) -> None:
    plan_file, book = _persons_workbook(tmp_path)
    before = zipfile.ZipFile(book)
    assert any(n.startswith("xl/charts/") for n in before.namelist())
    result = CliRunner().invoke(
        main, ["import", str(book), "--base", str(plan_file), "-o", str(plan_file), "--write-ids"]
    )
    assert result.exit_code == 0, result.output
    after = zipfile.ZipFile(book)
    assert after.namelist() == before.namelist()
    changed = [n for n in before.namelist() if before.read(n) != after.read(n)]
    # only the two sheets that got an ID; the chart, the comment, styles, the person's
    # sheet and everything else are the same bytes
    assert len(changed) == 2
    assert all(n.startswith("xl/worksheets/sheet") for n in changed)
    wb = openpyxl.load_workbook(book)
    assert wb["Kortlægning"]["H2"].fill.fgColor.rgb == "00FFFF00"
    assert wb["Kortlægning"]["H2"].comment.text == "Husk at spørge Louise"
    assert wb["Kortlægning"].column_dimensions["H"].width == 55
    assert wb["Mine noter"]["A1"].value == "Husk mødet den 4. marts"
    new_org = wb["Organisationer"].cell(wb["Organisationer"].max_row, 1).value
    new_entry = wb["Kortlægning"].cell(wb["Kortlægning"].max_row, 1).value
    plan = cfbu.load(plan_file)
    assert new_org in {o.id for o in plan.organisations}  # type: ignore[union-attr]
    assert new_entry in {e.id for m in plan.mappings for e in m.entries}  # type: ignore[union-attr]
    # the next round is exact: nothing new, nothing changed
    again = cfbu.load(book, base=plan)
    assert again == plan


def test_cells_are_set_in_column_order_keeping_their_style() -> None:
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ark"
    ws["A2"] = "a"
    ws["C2"] = "c"
    ws["B3"].font = Font(bold=True)  # an empty cell with a style
    ws["C3"] = "x"
    buffer = io.BytesIO()
    wb.save(buffer)
    cells = [("Ark", "D2", "d<&>"), ("Ark", "B2", "b"), ("Ark", "B3", "b3"), ("Ark", "A3", "a3")]
    edited = openpyxl.load_workbook(io.BytesIO(with_cells(buffer.getvalue(), cells)))["Ark"]
    assert [[c.value for c in row] for row in edited.iter_rows(min_row=2)] == [
        ["a", "b", "c", "d<&>"],
        ["a3", "b3", "x", None],
    ]
    assert edited["B3"].font.bold
    with pytest.raises(cfbu.CfbuError):
        with_cells(buffer.getvalue(), [("Ark", "A9", "no such row")])
    with pytest.raises(cfbu.CfbuError):
        with_cells(buffer.getvalue(), [("Andet ark", "A1", "no such sheet")])


@pytest.mark.libreoffice
def test_write_ids_keeps_a_chart_saved_by_libreoffice(tmp_path: Path) -> None:
    from test_xlsx_staffbook import _convert, _pdf_pages

    plan_file, book = _persons_workbook(tmp_path)
    saved = _convert(book, "xlsx:Calc MS Excel 2007 XML", tmp_path)  # the person saves
    charts = [n for n in zipfile.ZipFile(saved).namelist() if n.startswith("xl/charts/")]
    assert charts
    before = {n: zipfile.ZipFile(saved).read(n) for n in charts}
    result = CliRunner().invoke(
        main, ["import", str(saved), "--base", str(plan_file), "-o", str(plan_file), "--write-ids"]
    )
    assert result.exit_code == 0, result.output
    assert {n: zipfile.ZipFile(saved).read(n) for n in charts} == before
    plan = cfbu.load(plan_file)
    assert cfbu.load(saved, base=plan) == plan
    # LibreOffice opens the edited workbook and still draws the grid
    pdf_dir = tmp_path / "again"
    pdf_dir.mkdir()
    pages = _pdf_pages(_convert(saved, "pdf", pdf_dir))
    assert any(sheet == "Kort" for sheet, _ in pages)
