"""The Excel exporter: a workbook a person can fill in and hand back.

A guide sheet, a sheet per kind of object (ID first, headers in Danish or English), the
exported object itself as field/value rows, a sheet of text lists and a hidden sheet of
lookup lists that every enumerated column's dropdown draws on. Dates are real dates, the
header row is frozen and filtered, column widths follow the data. Text is always text: a
value starting with ``=`` or equal to ``#N/A`` is stored as a string, characters XML cannot
hold are carried with the OOXML ``_xHHHH_`` escape, and text a cell cannot hold (too long, a
lone surrogate) is refused with the cell named. Rows stream through XlsxWriter's
constant-memory mode (:mod:`.book`), so memory stays flat however many rows a mapping has.
"""

from __future__ import annotations

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
    MAX_COLUMNS,
    MAX_ROWS,
    column_letter,
    encode_text,
    needs_text_cell,
)
from .book import DATE_FORMAT, FAULTS, SHORT_TEXT, TIME_FORMAT, Book, Sheet, open_book, text_fault
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
from .lookups import Lookups, add_validation, enums_of, header_row, lookup_refs, write_lookup_sheet
from .names import Names, Row, walk
from .printing import fit_columns, set_up_printing
from .problems import params as _params

__all__ = ["MEDIA_TYPE", "export_xlsx"]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Column widths are computed from the header and this many rows, then capped.
WIDTH_SAMPLE = 1_000
MIN_WIDTH, MAX_WIDTH = 8, 60
#: Dates Excel shows as dates (serial numbers before 1 March 1900 are off by one day).
FIRST_NATIVE_DATE, LAST_NATIVE_DATE = dt.date(1900, 3, 1), dt.date(9999, 12, 31)
#: Whole numbers Excel holds exactly; larger ones are written as text.
MAX_EXACT_INT = 10**15

#: The width of an ID column with the names beside it: the ID is for the importer.
ID_WIDTH = 10
ID_COLOUR = "#808080"

Put = Callable[[int, int, Any], None]
"""Writes one non-empty value into a cell (0-based row and column)."""


def export_xlsx(obj: Exportable, stream: IO[bytes], context: ExportContext) -> None:
    """Write ``obj`` (a plan or one of its parts) as a workbook to ``stream``."""
    _WorkbookWriter(obj, context).write(stream)


class _WorkbookWriter:
    def __init__(self, obj: Exportable, context: ExportContext) -> None:
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
        self.book: Book
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
        with open_book(stream, title=_title_of(self.obj)) as self.book:
            self._write()

    def _write(self) -> None:
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

    def _collect_lookups(self) -> None:
        self.lookups = lookup_refs(enums_of(self.tables), self.lang)

    def _sheet(self, title: str, *, landscape: bool = True, title_rows: bool = True) -> Sheet:
        sheet = self.book.sheet(title)
        set_up_printing(sheet, landscape=landscape, title_rows=title_rows)
        return sheet

    def _dropdown(self, sheet: Sheet, enum: type[LabelledEnum] | None, ref: str) -> None:
        add_validation(sheet, ref, self.lang, formula=self.lookups[enum])

    def _grey_ids(self, sheet: Sheet, refs: list[str]) -> None:
        """Grey the cells of ``refs`` (ID cells with names beside them), so the eye goes to
        the names: one conditional format for them all, which also greys the IDs a person
        types into a new row, and no cell needs a format of its own."""
        if refs:
            grey = self.book.format({"font_color": ID_COLOUR})
            options = {"type": "formula", "criteria": "TRUE", "format": grey}
            sheet.ws.conditional_format(refs[0], {**options, "multi_range": " ".join(refs)})

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
        sheet = self._sheet(title)
        getters = [self._getter(column, table) for column in columns]
        by_name = named(columns)
        puts = [self._putter(sheet, column, column.attr in by_name) for column in columns]

        # Widths from the header and a sample of rows (before the header row, whose height
        # follows from them). The sample's values are kept (at most WIDTH_SAMPLE rows) and
        # written below, so they are computed once.
        rows = self.rows(table)
        sample = [(row, [get(row) for get in getters]) for row in islice(rows, WIDTH_SAMPLE)]
        widths = [len(c.header(self.lang)) + 3 for c in columns]
        if sample:
            for i, found in enumerate(zip(*(values for _, values in sample), strict=True)):
                widths[i] = max(widths[i], max(map(_display_width, found)))
        for i, column in enumerate(columns):
            cap = ID_WIDTH if column.attr in by_name else column.width or MAX_WIDTH
            widths[i] = min(max(widths[i], MIN_WIDTH), max(cap, MIN_WIDTH))
        sheet.widths(widths)
        sheet.freeze_header()
        header_row(sheet, [c.header(self.lang) for c in columns], widths)
        r = 0
        report_every = 1000
        lists = [(f.attr, f.header(self.lang)) for f in table.lists]
        rest = ((row, [get(row) for get in getters]) for row in rows)
        for row, cells in chain(sample, rest):
            r += 1
            for c, value in enumerate(cells):
                if value is not None:
                    puts[c](r, c, value)
            for attr, header in lists:
                self._collect_list(table, row, attr, header)
            self.done += 1
            if self.done % report_every == 0:
                self.context.report(self.done, self.total)
        sheet.row = r + 1
        sheet.filter(len(columns), sheet.row)
        fit_columns(sheet, widths, sheet.row, first=printed_from(columns))
        letters = [column_letter(i + 1) for i in range(len(columns))]
        ids = [letters[i] for i, column in enumerate(columns) if column.attr in by_name]
        self._grey_ids(sheet, [f"{letter}2:{letter}{MAX_ROWS}" for letter in ids])
        for i, column in enumerate(columns):
            if column.kind == "enum" or column.kind == "bool":
                enum = column.enum if column.kind == "enum" else None
                self._dropdown(sheet, enum, f"{letters[i]}2:{letters[i]}{MAX_ROWS}")

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

    def _putter(self, sheet: Sheet, column: Column, is_id: bool = False) -> Put:
        """How a non-empty value of ``column`` goes into its cell.

        IDs and the labels of enumerations are written as text as they are; text a person
        typed is checked first (:func:`~.book.text_fault`).
        """
        ws = sheet.ws
        kind = column.kind
        if is_id or kind in ("id", "ref", "refs", "enum", "enums", "bool"):
            return ws.write_string  # type: ignore[no-any-return]
        if kind in ("date", "time"):
            shown = self.book.format(
                {"num_format": DATE_FORMAT if kind == "date" else TIME_FORMAT}
            )
            write_datetime, write_string = ws.write_datetime, ws.write_string

            def put_date(r: int, c: int, value: Any) -> None:
                if isinstance(value, str):  # a date Excel cannot show, as ISO text
                    write_string(r, c, value)
                else:
                    write_datetime(r, c, value, shown)

            return put_date
        if kind in ("nr", "int", "parent"):
            return self._put_plain(sheet)
        return self._put_text(sheet)

    def _put_text(self, sheet: Sheet) -> Put:
        """Writes text, refusing (with the cell named) what a cell cannot hold."""
        write_string = sheet.ws.write_string
        half = SHORT_TEXT
        refuse = self._refuse
        title = sheet.ws.name

        def put_text(r: int, c: int, value: str) -> None:
            # Nearly all text is short and printable: one length test and one scan.
            if (len(value) > half or not value.isprintable()) and text_fault(value):
                refuse(title, r, c, value)
            else:
                write_string(r, c, value)

        return put_text

    def _put_plain(self, sheet: Sheet) -> Put:
        """Writes a number as a number and anything else as text (a parent's key, a whole
        number too large for Excel)."""
        write_number, write_string = sheet.ws.write_number, sheet.ws.write_string

        def put_plain(r: int, c: int, value: Any) -> None:
            if type(value) is int:
                write_number(r, c, value)
            else:
                write_string(r, c, str(value))

        return put_plain

    def _refuse(self, title: str, r: int, c: int, value: str) -> None:
        """Report the text for cell (``r``, ``c``) of sheet ``title`` that no cell holds."""
        fault = text_fault(value)
        assert fault is not None
        key, params = fault
        self.problems.append(
            Problem(
                where=f"{title}!{column_letter(c + 1)}{r + 1}",
                message=FAULTS[key],
                params=_params(**params),
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
        title = table.record_title(self.lang)
        sheet = self._sheet(title, landscape=False)
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
        widths = [
            max(len(x) for x in labels) + 3,
            min(MAX_WIDTH, max([MIN_WIDTH + 12, *(_display_width(v) for v in values)])),
        ]
        shown = RECORD_COLUMNS if any(names) else RECORD_COLUMNS[:2]
        if any(names):
            header = RECORD_COLUMNS[2].header(self.lang)
            widths.append(min(MAX_WIDTH, max(_display_width(v) for v in [*names, header])))
        sheet.widths(widths)
        sheet.freeze_header()
        header_row(sheet, [c.header(self.lang) for c in shown])
        by_name = named(table.columns)
        self._grey_ids(sheet, [f"B{n}" for n, c in enumerate(columns, 2) if c.attr in by_name])
        put_name = self._put_text(sheet)
        for r, (column, label, value) in enumerate(zip(columns, labels, values, strict=True), 1):
            sheet.ws.write_string(r, 0, label)
            if value is not None:
                self._putter(sheet, column, column.attr in by_name)(r, 1, value)
            if names[r - 1] is not None:
                put_name(r, 2, names[r - 1])
            if column.kind in ("enum", "bool"):
                self._dropdown(sheet, column.enum if column.kind == "enum" else None, f"B{r + 1}")
        sheet.row = len(columns) + 1
        for list_field in table.lists:
            self._collect_list(table, row, list_field.attr, list_field.header(self.lang))
        self.done += 1

    # -- the text lists, the lookups and the guide -----------------------------------------

    def _write_text_lists(self) -> None:
        title = LISTS.title(self.lang)
        sheet = self._sheet(title)
        widths = [len(c.header(self.lang)) + 3 for c in LIST_COLUMNS]
        for values in self.text_lists[:WIDTH_SAMPLE]:
            for i, value in enumerate(values):
                widths[i] = max(widths[i], _display_width(value))
        for i, column in enumerate(LIST_COLUMNS):
            cap = ID_WIDTH if column.attr in named(LIST_COLUMNS) else column.width or MAX_WIDTH
            widths[i] = min(max(widths[i], MIN_WIDTH), max(cap, MIN_WIDTH))
        sheet.widths(widths)
        sheet.freeze_header()
        header_row(sheet, [c.header(self.lang) for c in LIST_COLUMNS], widths)
        text, plain = self._put_text(sheet), self._put_plain(sheet)
        # owner, its name, sheet, owner's position, field, position, text
        puts = (plain, text, text, plain, text, plain, text)
        for r, values in enumerate(self.text_lists, 1):
            for c, value in enumerate(values):
                if value is not None:
                    puts[c](r, c, value)
        sheet.row = len(self.text_lists) + 1
        sheet.filter(len(LIST_COLUMNS), sheet.row)
        fit_columns(sheet, widths, sheet.row, first=printed_from(LIST_COLUMNS))

    def _write_grid(self) -> None:
        """The influence/interest chart of each mapping (see :mod:`.chart`)."""
        from .chart import write_grid_sheet

        obj = self.obj
        mappings = (
            obj.mappings if isinstance(obj, Plan) else (obj,) if isinstance(obj, Mapping) else ()
        )
        plan = obj if isinstance(obj, Plan) else None
        names = {o.id: o.name for o in plan.organisations} if plan is not None else {}
        write_grid_sheet(self.book, mappings, names, self.lang)

    def _write_lookups(self) -> None:
        write_lookup_sheet(self.book, self.lookups, self.lang)

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


def _focus_sheet(root: str, plan: Plan | None) -> tuple[Table, ...]:
    """The plan's own focus areas, beside a part whose rows name them: their names are
    shown, and read back by this sheet."""
    if root == "plan" or plan is None or not plan.custom_focus_areas:
        return ()
    below = tables_for(root)
    if not any(c.kind in ("focus", "focus_list") for t in below for c in t.columns):
        return ()
    return (BY_NAME["custom_focus_areas"],)


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
