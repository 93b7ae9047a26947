"""The Excel exporter: a workbook a person can fill in and hand back.

A guide sheet, a sheet per kind of object (ID first, headers in Danish or English), the
exported object itself as field/value rows, a sheet of text lists and a hidden sheet of
lookup lists that every enumerated column's dropdown draws on. Dates are real dates, the
header row is frozen and filtered, column widths follow the data. Text is always text: a
value starting with ``=`` or equal to ``#N/A`` is stored as a string, characters XML cannot
hold are carried with the OOXML ``_xHHHH_`` escape, and text longer than a cell holds is
refused with the cell named. Rows stream through openpyxl's write-only mode, so memory
stays flat however many rows a mapping has.

openpyxl is imported only inside the functions that write a workbook.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from operator import itemgetter
from typing import IO, Any

from ...errors import DocumentError, Problem
from ...io.kinds import Exportable
from ...locale import N_, translate
from ...model import FocusArea, Lang, Mapping, Plan
from ...model.enums import LabelledEnum
from ...plugins.types import ExportContext
from ...workbook import (
    ERROR_LITERALS,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_ROWS,
    column_letter,
    encode_text,
    needs_text_cell,
    utf16_length,
)
from .guide import GuideSheet
from .layout import (
    BY_NAME,
    GUIDE,
    LIST_COLUMNS,
    LISTS,
    RECORD_COLUMNS,
    ROOT_TABLE,
    YES_NO,
    Column,
    Table,
    named,
    printed_from,
    tables_for,
)
from .lookups import (
    Lookups,
    add_validation,
    enums_of,
    header_cells,
    lookup_refs,
    write_lookup_sheet,
)
from .names import Names, Row, walk
from .printing import fit_columns, set_up_printing
from .problems import params as _params

__all__ = ["MEDIA_TYPE", "export_xlsx"]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "dd-mm-yyyy"
TIME_FORMAT = "hh:mm"
#: The creation time written into every workbook, so exports of the same object compare.
CREATED = dt.datetime(2020, 1, 1)
#: Column widths are computed from the header and this many rows, then capped.
WIDTH_SAMPLE = 1_000
MIN_WIDTH, MAX_WIDTH = 8, 60
#: Dates Excel shows as dates (serial numbers before 1 March 1900 are off by one day).
FIRST_NATIVE_DATE, LAST_NATIVE_DATE = dt.date(1900, 3, 1), dt.date(9999, 12, 31)
#: Whole numbers Excel holds exactly; larger ones are written as text.
MAX_EXACT_INT = 10**15

#: The width of an ID column with the names beside it: the ID is for the importer.
ID_WIDTH = 10
ID_COLOUR = "808080"


def export_xlsx(obj: Exportable, stream: IO[bytes], context: ExportContext) -> None:
    """Write ``obj`` (a plan or one of its parts) as a workbook to ``stream``."""
    _WorkbookWriter(obj, context).write(stream)


class _WorkbookWriter:
    def __init__(self, obj: Exportable, context: ExportContext) -> None:
        from openpyxl import Workbook

        self.obj = obj
        self.lang: Lang = context.lang
        self.context = context
        self.root = ROOT_TABLE[type(obj)]
        plan = obj if isinstance(obj, Plan) else context.plan
        self.plan = plan
        self.below_root = {t.name for t in tables_for(self.root)}
        self.tables = tables_for(self.root) + _focus_sheet(self.root, plan)
        self.custom_keys = {a.key for a in plan.custom_focus_areas} if plan else set()
        #: the plan's own focus areas by key: their names, where a name reads back unambiguously
        # (only where the workbook has the sheet of those areas to read the names back by)
        shown_areas = any(t.name == "custom_focus_areas" for t in self.tables)
        shown = plan.custom_focus_areas if plan is not None and shown_areas else ()
        self.custom_labels = custom_labels(shown, self.lang)
        self.names = Names(plan, "plan", self.lang) if plan else Names(obj, self.root, self.lang)
        self.problems: list[Problem] = []
        self.wb = Workbook(write_only=True)
        self.done = 0
        self.counts = {t.name: self._count(t) for t in self.tables}
        self.total = sum(self.counts.values())
        self.text_lists: list[tuple[Any, ...]] = []
        self.lookups: Lookups = {}

    # -- walking the tree ------------------------------------------------------------------

    def rows(self, table: Table) -> Iterator[Row]:
        """The objects of ``table``, each with its parent's key and its position (a table
        of the plan shown beside a part, such as its own focus areas, from the plan)."""
        if table.name in self.below_root or self.plan is None:
            return walk(self.obj, self.root, table)
        return walk(self.plan, "plan", table)

    def _count(self, table: Table) -> int:
        """How many rows :meth:`rows` yields for ``table``, walking only its parents."""
        if table.name == self.root:
            return 1
        parent = BY_NAME[table.parent or "plan"]
        drop = 1 if table.name == "assessments" else 0  # as in rows()
        return sum(
            max(len(getattr(owner, table.field)) - drop, 0) for _, _, owner in self.rows(parent)
        )

    # -- the workbook ----------------------------------------------------------------------

    def write(self, stream: IO[bytes]) -> None:
        try:
            self._write(stream)
        except BaseException:
            self._discard()
            raise

    def _discard(self) -> None:
        """Close the sheets' temporary files quietly after a failure."""
        for ws in self.wb.worksheets:
            with contextlib.suppress(Exception):
                if ws._rows is not None:
                    ws._rows.close()
            writer = getattr(ws, "_writer", None)
            if writer is not None:
                with contextlib.suppress(Exception):
                    writer.xf.close()
                with contextlib.suppress(Exception):
                    writer.cleanup()

    def _write(self, stream: IO[bytes]) -> None:
        wb = self.wb
        props = wb.properties
        props.creator = "cfbu_toolkit"
        props.lastModifiedBy = "cfbu_toolkit"
        props.created = CREATED
        props.title = encode_text(_title_of(self.obj))[:255]
        props.language = "da-DK" if self.lang == "da" else "en-GB"
        self._collect_lookups()
        self._write_guide()
        for table in self.tables:
            if table.name == self.root:
                self._write_record(table)
            else:
                self._write_table(table)
        if any(t.lists for t in self.tables):
            self._write_text_lists()
        self._write_grid()
        self._write_lookups()
        if self.problems:
            raise DocumentError(self.problems)
        self.context.report(self.total, self.total)
        wb.save(stream)

    def _collect_lookups(self) -> None:
        self.lookups = lookup_refs(enums_of(self.tables), self.lang)

    def _sheet(self, title: str, *, landscape: bool = True, title_rows: bool = True) -> Any:
        ws = self.wb.create_sheet(title)
        set_up_printing(ws, landscape=landscape, title_rows=title_rows)
        return ws

    def _dropdown(self, ws: Any, enum: type[LabelledEnum] | None, ref: str) -> None:
        add_validation(ws, ref, self.lang, formula=self.lookups[enum])

    # -- a table: one row per object -------------------------------------------------------

    def _write_table(self, table: Table) -> None:
        title = table.title(self.lang)
        columns = table.columns
        count = self.counts[table.name]
        if count + 1 > MAX_ROWS:
            raise DocumentError(
                [
                    Problem(
                        where=title,
                        message=_MESSAGES["too_many_rows"],
                        params=_params(n=count, limit=MAX_ROWS - 1),
                    )
                ]
            )
        if len(columns) > MAX_COLUMNS:  # pragma: no cover - the layout is fixed
            raise DocumentError([Problem(where=title, message="too many columns")])
        ws = self._sheet(title)
        getters = [self._getter(column, table) for column in columns]
        # Only columns whose values need a cell of their own (text, dates) are touched per
        # row; the others go to openpyxl as they are.
        makers = [
            (i, maker)
            for i, column in enumerate(columns)
            if (maker := self._maker(ws, table, column)) is not None
        ]

        # Widths from the header and a sample of rows (write-only: before the first row).
        # The sample's values are kept (at most WIDTH_SAMPLE rows) and written below, so
        # they are computed once.
        rows = self.rows(table)
        sample = [(row, [get(row) for get in getters]) for row in islice(rows, WIDTH_SAMPLE)]
        widths = [len(c.header(self.lang)) + 3 for c in columns]
        if sample:
            for i, found in enumerate(zip(*(values for _, values in sample), strict=True)):
                widths[i] = max(widths[i], max(map(_display_width, found)))
        by_name = named(columns)
        for i, column in enumerate(columns):
            cap = ID_WIDTH if column.attr in by_name else column.width or MAX_WIDTH
            widths[i] = min(max(widths[i], MIN_WIDTH), max(cap, MIN_WIDTH))
            ws.column_dimensions[column_letter(i + 1)].width = widths[i]
        ws.freeze_panes = "A2"
        ws.append(header_cells(ws, [c.header(self.lang) for c in columns], widths))
        where_prefix = f"{title}!"
        letters = [column_letter(i + 1) for i in range(len(columns))]
        row_number = 1
        report_every = 1000
        lists = [(f.attr, f.header(self.lang)) for f in table.lists]
        append = ws.append
        rest = ((row, [get(row) for get in getters]) for row in rows)
        for row, cells in chain(sample, rest):
            row_number += 1
            for i, make in makers:
                value = cells[i]
                if value is None:
                    continue
                made = make(value)
                if made is _TOO_LONG:
                    self._too_long(f"{where_prefix}{letters[i]}{row_number}", value)
                    made = None
                cells[i] = made
            append(cells)
            for attr, header in lists:
                self._collect_list(table, row, attr, header)
            self.done += 1
            if self.done % report_every == 0:
                self.context.report(self.done, self.total)
        last = letters[-1]
        ws.auto_filter.ref = f"A1:{last}{max(row_number, 2)}"
        fit_columns(ws, widths, row_number, first=printed_from(columns))
        ids = [letters[i] for i, column in enumerate(columns) if column.attr in by_name]
        _grey_ids(ws, [f"{letter}2:{letter}{MAX_ROWS}" for letter in ids])
        for i, column in enumerate(columns):
            if column.kind == "enum" or column.kind == "bool":
                enum = column.enum if column.kind == "enum" else None
                self._dropdown(ws, enum, f"{letters[i]}2:{letters[i]}{MAX_ROWS}")

    def _getter(self, column: Column, table: Table) -> Callable[[Row], Any]:
        """The plain value of ``column`` for a row, as :func:`_plain` gives it."""
        kind = column.kind
        if kind == "parent":
            return itemgetter(0)
        if kind == "nr":
            return itemgetter(1)
        if kind == "derived":
            return self.names.getter(table, column)
        get = column.getter
        if kind == "text":
            return lambda row: get(row[2]) or None
        if kind in ("id", "ref", "opt_text"):
            return lambda row: get(row[2])
        if kind == "enum":
            # The labels once per column instead of a lookup per cell.
            labels = {m: m.label(self.lang) for m in column.enum or ()}

            def enum_value(row: Row) -> Any:
                value = get(row[2])
                if value is None:
                    return None
                label = labels.get(value)
                return label if label is not None else value.label(self.lang)

            return enum_value
        if kind == "bool":
            yes, no = YES_NO[self.lang]
            return lambda row: None if (v := get(row[2])) is None else (yes if v else no)
        lang, custom = self.lang, self.custom_labels
        return lambda row: _plain(kind, get(row[2]), lang, custom)

    def _maker(self, ws: Any, table: Table, column: Column) -> Callable[[Any], Any] | None:
        """A function making the cell for a non-empty value of ``column``.

        ``None`` when the value goes to openpyxl as it is.
        """
        from openpyxl.cell import WriteOnlyCell

        kind = column.kind
        if column.attr in named(table.columns):
            return _id_text  # greyed by _grey_ids
        if kind in ("text", "opt_text", "derived"):
            half = MAX_CELL_CHARS // 2

            def text_cell(value: str) -> Any:
                # Most text needs no escaping and fits whatever its UTF-16 length: then it
                # is itself, unless openpyxl would make it a formula or an error cell.
                if len(value) <= half and value.isprintable() and "_x" not in value:
                    if (len(value) > 1 and value[0] == "=") or value in ERROR_LITERALS:
                        cell = WriteOnlyCell(ws, value=value)
                        cell.data_type = "s"
                        return cell
                    return value
                return _text_cell(ws, value, WriteOnlyCell)

            return text_cell
        if kind in ("date", "time"):
            # One styled cell per column, given each row's value: a write-only sheet writes
            # a row out when it is appended, so the cell is free again for the next row.
            cell = WriteOnlyCell(ws)
            cell.number_format = DATE_FORMAT if kind == "date" else TIME_FORMAT

            def date_cell(value: Any) -> Any:
                if isinstance(value, str):
                    return value
                cell.value = value
                return cell

            return date_cell
        return None

    def _too_long(self, where: str, value: str) -> None:
        self.problems.append(
            Problem(
                where=where,
                message=_MESSAGES["too_long"],
                params=_params(n=utf16_length(value), limit=MAX_CELL_CHARS),
            )
        )

    def _collect_list(self, table: Table, row: Row, attr: str, header: str) -> None:
        obj = row[2]
        if table.has_id:
            owner, owner_nr = obj.id, None
        else:
            owner, owner_nr = row[0], row[1]
        items = getattr(obj, attr)
        name = self.names.row_name(table, row) if items else None
        for nr, text in enumerate(items, 1):
            self.text_lists.append(
                (owner, name, table.title(self.lang), owner_nr, header, nr, text or None)
            )

    # -- the exported object itself: a field per row ---------------------------------------

    def _write_record(self, table: Table) -> None:
        from openpyxl.cell import WriteOnlyCell as WOC

        title = table.record_title(self.lang)
        ws = self._sheet(title, landscape=False)
        row: Row = (None, None, self.obj)
        columns = [c for c in table.columns if c.kind not in ("parent", "nr", "derived")]
        values = [self._getter(c, table)(row) for c in columns]
        labels = [c.header(self.lang) for c in columns]
        # The names of the rows a field's ID points at, in a third column ("Refers to").
        name_columns = {c.of: c for c in table.columns if c.of}
        names = [
            self._getter(name_columns[c.attr], table)(row) if c.attr in name_columns else None
            for c in columns
        ]
        ws.column_dimensions["A"].width = max(len(x) for x in labels) + 3
        ws.column_dimensions["B"].width = min(
            MAX_WIDTH, max([MIN_WIDTH + 12, *(_display_width(v) for v in values)])
        )
        shown = RECORD_COLUMNS if any(names) else RECORD_COLUMNS[:2]
        if any(names):
            ws.column_dimensions["C"].width = min(
                MAX_WIDTH,
                max(_display_width(v) for v in [*names, RECORD_COLUMNS[2].header(self.lang)]),
            )
        ws.freeze_panes = "A2"
        ws.append(header_cells(ws, [c.header(self.lang) for c in shown]))
        by_name = named(table.columns)
        _grey_ids(ws, [f"B{n}" for n, c in enumerate(columns, 2) if c.attr in by_name])
        for n, (column, label, value) in enumerate(zip(columns, labels, values, strict=True), 2):
            cell = value
            make = self._maker(ws, table, column)
            if value is not None and make is not None:
                cell = make(value)
                if cell is _TOO_LONG:
                    self._too_long(f"{title}!B{n}", value)
                    cell = None
            name = names[n - 2]
            ws.append([label, cell] if name is None else [label, cell, _text_cell(ws, name, WOC)])
            if column.kind in ("enum", "bool"):
                self._dropdown(ws, column.enum if column.kind == "enum" else None, f"B{n}")
        for list_field in table.lists:
            self._collect_list(table, row, list_field.attr, list_field.header(self.lang))
        self.done += 1

    # -- the text lists, the lookups and the guide -----------------------------------------

    def _write_text_lists(self) -> None:
        from openpyxl.cell import WriteOnlyCell

        title = LISTS.title(self.lang)
        ws = self._sheet(title)
        widths = [len(c.header(self.lang)) + 3 for c in LIST_COLUMNS]
        for values in self.text_lists[:WIDTH_SAMPLE]:
            for i, value in enumerate(values):
                widths[i] = max(widths[i], _display_width(value))
        for i, column in enumerate(LIST_COLUMNS):
            cap = ID_WIDTH if column.attr in named(LIST_COLUMNS) else column.width or MAX_WIDTH
            widths[i] = min(max(widths[i], MIN_WIDTH), max(cap, MIN_WIDTH))
            ws.column_dimensions[column_letter(i + 1)].width = widths[i]
        ws.freeze_panes = "A2"
        ws.append(header_cells(ws, [c.header(self.lang) for c in LIST_COLUMNS], widths))
        for n, values in enumerate(self.text_lists, 2):
            cells: list[Any] = list(values)
            for i in (1, 2, 4, 6):
                if values[i] is not None:
                    cells[i] = _text_cell(ws, values[i], WriteOnlyCell)
                    if cells[i] is _TOO_LONG:
                        self._too_long(f"{title}!{column_letter(i + 1)}{n}", values[i])
                        cells[i] = None
            ws.append(cells)
        last = column_letter(len(LIST_COLUMNS))
        ws.auto_filter.ref = f"A1:{last}{max(len(self.text_lists) + 1, 2)}"
        fit_columns(ws, widths, len(self.text_lists) + 1, first=printed_from(LIST_COLUMNS))

    def _write_grid(self) -> None:
        """The influence/interest chart of each mapping (see :mod:`.chart`)."""
        from .chart import write_grid_sheet

        obj = self.obj
        mappings = (
            obj.mappings if isinstance(obj, Plan) else (obj,) if isinstance(obj, Mapping) else ()
        )
        plan = obj if isinstance(obj, Plan) else None
        names = {o.id: o.name for o in plan.organisations} if plan is not None else {}
        write_grid_sheet(self.wb, mappings, names, self.lang)

    def _write_lookups(self) -> None:
        write_lookup_sheet(self.wb, self.lookups, self.lang)

    def _write_guide(self) -> None:
        guide = GuideSheet(self._sheet(GUIDE.title(self.lang), landscape=False, title_rows=False))
        lang = self.lang
        text = _GUIDE
        guide.title(translate(text["title"], lang, title=_title_of(self.obj)))
        for paragraph in text["intro"]:
            guide.paragraph(translate(paragraph, lang))
        guide.blank()
        guide.heading(translate(text["sheets"], lang))
        for table in self.tables:
            name = table.record_title(lang) if table.name == self.root else table.title(lang)
            guide.line(name, table.guide(lang))
        if any(t.lists for t in self.tables):
            guide.line(LISTS.title(lang), translate(text["lists"], lang))
        guide.blank()
        guide.heading(translate(text["how"], lang))
        for paragraph in text["rules"]:
            guide.paragraph(translate(paragraph, lang))


_TOO_LONG = object()


def _id_text(value: Any) -> str:
    """An ID as the text it is (an ID never starts with ``=``, so it is never a formula)."""
    return value if type(value) is str else str(value)


def _grey_ids(ws: Any, refs: list[str]) -> None:
    """Grey the cells of ``refs`` (ID cells with names beside them), so the eye goes to the
    names: one conditional format for them all, so no cell needs a style of its own.

    Styling each cell was an eighth of the time of writing a large mapping (openpyxl
    handles every styled cell on a slow path); the rule also greys IDs a person types into
    a new row.
    """
    if not refs:
        return
    from openpyxl.formatting.rule import Rule
    from openpyxl.styles import Font
    from openpyxl.styles.differential import DifferentialStyle

    grey = DifferentialStyle(font=Font(color=ID_COLOUR))
    ws.conditional_formatting.add(
        " ".join(refs), Rule(type="expression", formula=["TRUE"], dxf=grey)
    )


def _focus_sheet(root: str, plan: Plan | None) -> tuple[Table, ...]:
    """The plan's own focus areas, beside a part whose rows name them: their names are
    shown, and read back by this sheet."""
    if root == "plan" or plan is None or not plan.custom_focus_areas:
        return ()
    below = tables_for(root)
    if not any(c.kind in ("focus", "focus_list") for t in below for c in t.columns):
        return ()
    return (BY_NAME["custom_focus_areas"],)


def _text_cell(ws: Any, value: str, cell_type: Any) -> Any:
    """The cell for a text: always a string cell, escaped, refused when too long."""
    if len(value) > MAX_CELL_CHARS // 2 and utf16_length(value) > MAX_CELL_CHARS:
        return _TOO_LONG
    encoded = encode_text(value)
    if len(encoded) > MAX_CELL_CHARS:
        return _TOO_LONG  # the escapes would not fit; openpyxl would cut the text
    if needs_text_cell(encoded):
        cell = cell_type(ws, value=encoded)
        cell.data_type = "s"
        return cell
    return encoded


def _plain(kind: str, value: Any, lang: Lang, custom: dict[str, str]) -> Any:
    """A model value as the plain value its cell shows (``None`` for an empty cell)."""
    if value is None:
        return None
    if kind in ("id", "ref", "opt_text"):
        return value
    if kind == "enum":
        return value.label(lang)
    if kind == "bool":
        return YES_NO[lang][0 if value else 1]
    if kind == "date":
        if FIRST_NATIVE_DATE <= value <= LAST_NATIVE_DATE:
            return value
        return value.isoformat()
    if kind == "time":
        if value.second or value.microsecond or value.tzinfo is not None:
            return value.isoformat()
        return value
    if kind == "int":
        return value if -MAX_EXACT_INT < value < MAX_EXACT_INT else str(value)
    if kind == "refs":
        return ", ".join(value) or None
    if kind == "enums":
        return ", ".join(m.label(lang) for m in value) or None
    if kind == "focus":
        return _focus_label(value, lang, custom)
    if kind == "focus_list":
        return ", ".join(_focus_label(v, lang, custom) for v in value) or None
    return value


def _focus_label(key: str, lang: Lang, custom: dict[str, str]) -> str:
    if key in custom:
        return custom[key]
    if key in FocusArea._value2member_map_:
        return FocusArea(key).label(lang)
    return key


def custom_labels(areas: Iterable[Any], lang: Lang) -> dict[str, str]:
    """The name each of a plan's own focus areas is shown by, by key: its name in ``lang``
    where that name reads back as the area alone (no comma, not a Landsbyggefonden area's
    name, not shared), else its key."""
    builtin = {norm_label(a.label(x)) for a in FocusArea for x in ("da", "en")}
    names = {a.key: (a.label_en if lang == "en" and a.label_en else a.label_da) for a in areas}
    counts: dict[str, int] = {}
    for name in names.values():
        counts[norm_label(name)] = counts.get(norm_label(name), 0) + 1
    return {
        key: name
        if _plain_name(name) and norm_label(name) not in builtin and counts[norm_label(name)] == 1
        else key
        for key, name in names.items()
    }


def _plain_name(name: str) -> bool:
    """A name that a cell holds as it is and that reads back as one item of a list."""
    return (
        bool(name.strip())
        and name == name.strip()
        and "," not in name
        and name.isprintable()
        and encode_text(name) == name
        and not needs_text_cell(name)
    )


def norm_label(text: str) -> str:
    """A focus area's name as it is compared: spaces collapsed, case folded."""
    return " ".join(text.split()).casefold()


def _display_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, str):
        if "\n" in value:
            return max(len(line) for line in value.split("\n")) + 2
        return len(value) + 2
    if isinstance(value, dt.date):
        return 12
    return len(str(value)) + 2


def _title_of(obj: Any) -> str:
    for attr in ("name", "title", "activity", "id"):
        value = getattr(obj, attr, None)
        if isinstance(value, str) and value:
            return value
    return ""  # pragma: no cover - every kind has an id


_MESSAGES: dict[str, str] = {
    "too_long": N_(
        "the text has {n} characters; a cell holds at most {limit} (characters outside "
        "Unicode's basic plane, such as emoji, count twice). Split the text."
    ),
    "too_many_rows": N_("{n} rows are more than a worksheet holds ({limit})"),
}


_GUIDE: dict[str, Any] = {
    "title": N_("Guide: {title}"),
    "intro": (
        N_(
            "This workbook was made with cfbu_toolkit from CFBU's tools for cross-sector "
            "collaboration in housing-social efforts. You can edit it and send it back; it "
            "reads back in without anything being lost."
        ),
        N_(
            "Each sheet holds one kind of information. The first column is a fixed ID that "
            "links the rows across the sheets."
        ),
    ),
    "sheets": N_("The sheets"),
    "lists": N_(
        "Lists of text (ambitions, agendas, notes, ...): one line per item, tied to the row "
        "with the ID and the field given in the line."
    ),
    "how": N_("How to fill it in"),
    "rules": (
        N_(
            "Do not change the ID columns: they tie the sheets together and let an edited "
            "file update the existing rows instead of adding new ones."
        ),
        N_(
            "A grey ID column has the names of the rows it points to beside it, such as "
            "Organisation (name). To point to another organisation or contact person, empty "
            "the ID and type the name beside it (or type the name in the ID column); other "
            "names are there to read, and another row is chosen by its ID."
        ),
        N_("New row: give it a new, unique ID (letters, digits and - _ . :)."),
        N_("Columns with a dropdown take a value from the list (such as Low, Medium, High)."),
        N_("Type dates as dd-mm-yyyy, such as 01-09-2025."),
        N_("Yes/no columns take Yes or No."),
        N_("Several IDs or values in one cell are separated by commas."),
        N_("Keep the column headers as they are; the order of the columns is free."),
        N_(
            "Share sheets with personal data (contact persons, notes, answers) only with "
            "those who need them."
        ),
    ),
}
