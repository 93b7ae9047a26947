"""The Excel importer: reads a workbook written by the xlsx exporter, or filled in by a
person, back into the model.

Headers are matched by name (Danish or English, case and spaces ignored, any order); an
extra column is reported as a warning; a missing required column is named. Every problem
is collected and reported at once with its sheet and cell, in the language asked for
(``lang=``, Danish by default). Cells are read the way people type them: real dates or
``dd-mm-åååå``, labels in either language, ``ja``/``nej``.

Workbooks arrive by e-mail, so they are read as untrusted: the file size, the number of
parts and their declared unpacked size are checked before anything is unpacked (a zip bomb
is refused at once), XML is parsed through defusedxml (entity expansion and external
entities refused), only cell values are read (never macros, links or formulas: a formula
gives the value it last showed), sheets are read in read-only mode with their declared
dimensions reset, and row and column counts are checked while reading. Anything that goes
wrong becomes a :class:`~cfbu_toolkit.DocumentError`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import warnings
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

import attrs

from ..errors import CfbuError, DocumentError, FormatError, ModelError, Problem
from ..excel.cells import column_letter, decode_text
from ..excel.layout import (
    BY_NAME,
    LIST_COLUMNS,
    LISTS,
    RECORD_COLUMNS,
    ROOT_TABLE,
    TABLES,
    YES_NO,
    Column,
    Table,
    tables_for,
)
from ..excel.limits import ReadLimits
from ..excel.messages import translate
from ..excel.reimport import merge, similar_names
from ..excel.template import TEMPLATE_MARK
from ..exporters.xlsx import MEDIA_TYPE
from ..io.kinds import Exportable
from ..model import Assessment, FocusArea, Lang, Plan, new_id
from ..model.enums import LabelledEnum
from ..plugins.hookspecs import hookimpl
from ..plugins.types import ImportContext, ImporterSpec
from ..validation import validate

__all__ = ["WorkbookWarning", "load_xlsx"]


class WorkbookWarning(UserWarning):
    """Something in a workbook was left out but did not stop it from loading."""


def load_xlsx(stream: IO[bytes], context: ImportContext) -> Exportable:
    """Read a workbook from ``stream`` into a plan or one of its parts.

    ``base=plan`` (an option of :func:`cfbu_toolkit.load`) merges what the workbook holds
    into ``plan`` (see :mod:`cfbu_toolkit.excel.reimport`) and returns the merged plan, with
    every problem of the result placed in its cell.
    """
    lang: Lang = "en" if context.lang == "en" else "da"
    options = dict(context.options)
    base = options.pop("base", None)
    if base is not None and not isinstance(base, Plan):
        raise FormatError(f"base= must be a Plan, got {type(base).__name__}")
    limits = ReadLimits.from_options(options)
    source = context.source
    archive_stream = _bounded(stream, limits, lang, source)
    _check_archive(archive_stream, limits, lang, source)
    reader = _Reader(_open_workbook(archive_stream, lang, source), lang, limits, source)
    reader.base = base
    try:
        return reader.read()
    finally:
        reader.close()


# -- the archive, before anything is unpacked -------------------------------------------------


def _fail(message: str, source: str | None, where: str = "") -> DocumentError:
    return DocumentError([Problem(where=where or (source or "workbook"), message=message)])


def _bounded(stream: IO[bytes], limits: ReadLimits, lang: Lang, source: str | None) -> IO[bytes]:
    """A seekable stream of at most ``max_file_bytes`` (read into memory if needed)."""
    try:
        seekable = stream.seekable()
    except (AttributeError, OSError, ValueError):
        seekable = False
    if seekable:
        start = stream.tell()
        size = stream.seek(0, os.SEEK_END) - start
        stream.seek(start)
        if size > limits.max_file_bytes:
            raise _fail(_t(lang, "file_too_big", n=size, limit=limits.max_file_bytes), source)
        return stream
    data = stream.read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        raise _fail(_t(lang, "file_too_big", n=len(data), limit=limits.max_file_bytes), source)
    return io.BytesIO(data)


def _check_archive(stream: IO[bytes], limits: ReadLimits, lang: Lang, source: str | None) -> None:
    start = stream.tell()
    try:
        with zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _fail(_t(lang, "not_zip"), source) from None
    finally:
        stream.seek(start)
    if len(infos) > limits.max_parts:
        raise _fail(_t(lang, "too_many_parts", n=len(infos), limit=limits.max_parts), source)
    total = sum(info.file_size for info in infos)
    if total > limits.max_uncompressed_bytes:
        raise _fail(
            _t(lang, "too_big_unpacked", n=total, limit=limits.max_uncompressed_bytes), source
        )
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise _fail(_t(lang, "not_workbook"), source)
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        warnings.warn(_t(lang, "macros"), WorkbookWarning, stacklevel=4)


def _open_workbook(stream: IO[bytes], lang: Lang, source: str | None) -> Any:
    import openpyxl  # type: ignore[import-untyped]

    if not openpyxl.DEFUSEDXML:
        raise CfbuError(
            "reading workbooks safely needs defusedxml: pip install defusedxml "
            "(and do not set OPENPYXL_DEFUSEDXML=False)"
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(
                stream, read_only=True, data_only=True, keep_links=False, keep_vba=False
            )
    except Exception as exc:
        raise _fail(_t(lang, "damaged", error=_describe(exc)), source) from None


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    first = text[0][:200] if text else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


# -- reading sheets --------------------------------------------------------------------------


def _norm(text: object) -> str:
    return " ".join(str(text).split()).casefold() if text is not None else ""


@attrs.define
class _Built:
    """An object built from a row, with where it came from (for later problems)."""

    obj: Any
    key: str | None  # the parent's key (child rows) or None
    nr: float
    order: int


@attrs.define
class _Place:
    sheet: str
    row: int
    letters: dict[str, str]  # attribute -> column letter; "" for a record sheet's rows


class _Reader:
    def __init__(self, wb: Any, lang: Lang, limits: ReadLimits, source: str | None) -> None:
        self.wb = wb
        self.lang = lang
        self.limits = limits
        self.source = source
        self.problems: list[Problem] = []
        self.sheets = {_norm(ws.title): ws for ws in wb.worksheets}
        self.custom_keys: set[str] = set()
        self.lists: dict[tuple[str, str | None, int | None, str], list[tuple[float, int, str]]]
        self.lists = defaultdict(list)
        #: built children by table name, then by parent key
        self.children: dict[str, dict[str | None, list[_Built]]] = {}
        self.places: dict[int, _Place] = {}  # id(obj) -> where it was read
        self._record_rows: dict[str, int] = {}  # a record sheet's row of each field
        self.base: Plan | None = None  # re-import: merge into this plan
        try:
            self.template = TEMPLATE_MARK in (wb.properties.keywords or "")
        except Exception:  # properties of a damaged workbook
            self.template = False

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing a damaged archive may fail too
            self.wb.close()

    def problem(self, where: str, message: str, /, **values: Any) -> None:
        self.problems.append(Problem(where=where, message=_t(self.lang, message, **values)))

    def raise_if_problems(self) -> None:
        if self.problems:
            raise DocumentError(self.problems, source=self.source)

    # -- the whole workbook ----------------------------------------------------------------

    def read(self) -> Exportable:
        root = self._find_root()
        tables = tables_for(root)
        root_table = BY_NAME[root]
        if root == "plan":
            self._read_custom_keys()
        if any(t.lists for t in tables):
            self._read_text_lists(tables)
        for table in reversed(tables):
            if table.name != root:
                self._read_table(table)
        obj = self._read_record(root_table)
        self.raise_if_problems()
        self._unclaimed(tables, root)
        self.raise_if_problems()
        if self.base is not None:
            obj = merge(self.base, obj, replaced=self._follow)
        self._validate(obj)
        self._typed_twice(obj)
        self.raise_if_problems()
        return obj  # type: ignore[no-any-return]

    def _follow(self, edited: Any, merged: Any) -> None:
        place = self.places.get(id(edited))
        if place is not None:
            self.places[id(merged)] = place

    def _typed_twice(self, obj: Any) -> None:
        """Organisations whose names differ only in spaces and case, with different IDs.

        Reported as a problem on a re-import (``base=``) when either of the two is new;
        otherwise as a warning, so a plan the model allows always loads back.
        """
        if not isinstance(obj, Plan):
            return
        known = {o.id for o in self.base.organisations} if self.base is not None else None
        for first, later in similar_names(obj.organisations):
            # Placed at the later of the two (on a re-import, the new one), naming the other.
            where, other = self._name_cell(later), self._name_cell(first)
            if where is None:
                where, other = other, None
            message = _t(
                self.lang,
                "typed_twice" if later.name != first.name else "typed_same",
                name=later.name,
                id=later.id,
                other_name=first.name,
                other_id=first.id,
                other=other or _t(self.lang, "in_plan"),
            )
            where = where or f"$.organisations[{obj.organisations.index(later)}]"
            if known is not None and not (first.id in known and later.id in known):
                self.problems.append(Problem(where=where, message=message))
            else:
                warnings.warn(f"{where}: {message}", WorkbookWarning, stacklevel=4)

    def _name_cell(self, org: Any) -> str | None:
        place = self.places.get(id(org))
        if place is None or not place.letters:
            return None
        return f"{place.sheet}!{place.letters.get('name', 'A')}{place.row}"

    def _find_root(self) -> str:
        for name in ROOT_TABLE.values():
            table = BY_NAME[name]
            for title in (table.record_da, table.record_en):
                if _norm(title) in self.sheets:
                    return name
        wanted = ", ".join(BY_NAME[n].record_title(self.lang) for n in ROOT_TABLE.values())
        raise _fail(_t(self.lang, "no_root", wanted=wanted), self.source)

    def _sheet(self, table_da: str, table_en: str) -> Any | None:
        return self.sheets.get(_norm(table_da)) or self.sheets.get(_norm(table_en))

    def _rows(self, ws: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """The rows of ``ws`` with their numbers, checked against the limits."""
        declared_rows, declared_cols = ws.max_row, ws.max_column
        title = ws.title
        if declared_rows and declared_rows > self.limits.max_rows:
            raise _fail(
                _t(self.lang, "too_many_rows", n=declared_rows, limit=self.limits.max_rows),
                self.source,
                title,
            )
        if declared_cols and declared_cols > self.limits.max_columns:
            raise _fail(
                _t(self.lang, "too_many_columns", n=declared_cols, limit=self.limits.max_columns),
                self.source,
                title,
            )
        ws.reset_dimensions()
        max_rows, max_cols = self.limits.max_rows, self.limits.max_columns
        number = 0
        try:
            for number, row in enumerate(ws.iter_rows(values_only=True), 1):
                if number > max_rows:
                    raise _fail(
                        _t(self.lang, "too_many_rows", n=f"{max_rows}+", limit=max_rows),
                        self.source,
                        title,
                    )
                if len(row) > max_cols and any(v is not None for v in row[max_cols:]):
                    raise _fail(
                        _t(self.lang, "too_many_columns", n=len(row), limit=max_cols),
                        self.source,
                        title,
                    )
                yield number, row
        except CfbuError:
            raise
        except Exception as exc:
            raise _fail(
                _t(self.lang, "damaged", error=_describe(exc)),
                self.source,
                f"{title}!{number + 1}",
            ) from None

    def _header(
        self, ws: Any, columns: Iterable[Column], header: tuple[Any, ...]
    ) -> dict[int, Column]:
        """Column positions by header; extra columns warned about, duplicates reported."""
        known: dict[str, Column] = {}
        for column in columns:
            known[_norm(column.da)] = column
            known[_norm(column.en)] = column
        found: dict[int, Column] = {}
        seen: dict[str, str] = {}
        extra = []
        for index, text in enumerate(header):
            key = _norm(text)
            if not key:
                continue
            match = known.get(key)
            letter = column_letter(index + 1)
            if match is None:
                extra.append(f"{letter}1 ({str(text).strip()})")
                continue
            if match.attr in seen:
                self.problem(
                    f"{ws.title}!{letter}1",
                    "duplicate_column",
                    name=match.header(self.lang),
                    other=seen[match.attr],
                )
                continue
            seen[match.attr] = f"{letter}1"
            found[index] = match
        if extra:
            warnings.warn(
                _t(self.lang, "extra_columns", sheet=ws.title, columns=", ".join(extra)),
                WorkbookWarning,
                stacklevel=5,
            )
        return found

    # -- the text lists and custom focus areas ---------------------------------------------

    def _read_custom_keys(self) -> None:
        table = BY_NAME["custom_focus_areas"]
        ws = self._sheet(table.da, table.en)
        if ws is None:
            return
        rows = self._rows(ws)
        first = next(rows, None)
        if first is None:
            return
        for index, text in enumerate(first[1]):
            if _norm(text) in (_norm("Nøgle"), _norm("Key")):
                for _, row in rows:
                    if index < len(row) and row[index] is not None:
                        self.custom_keys.add(str(row[index]).strip())
                return

    def _read_text_lists(self, tables: tuple[Table, ...]) -> None:
        ws = self._sheet(LISTS.da, LISTS.en)
        if ws is None:
            return
        by_sheet = {}
        for table in tables:
            if table.lists:
                by_sheet[_norm(table.da)] = table
                by_sheet[_norm(table.en)] = table
                if table.record_da:
                    by_sheet[_norm(table.record_da)] = table
                    by_sheet[_norm(table.record_en)] = table
        rows = self._rows(ws)
        first = next(rows, None)
        if first is None:
            return
        header = self._header(ws, LIST_COLUMNS, first[1])
        self._missing(ws.title, header, {"owner_id", "sheet", "field"})
        order = 0
        for number, row in rows:
            values = {c.attr: (row[i] if i < len(row) else None) for i, c in header.items()}
            if all(v is None for v in values.values()):
                continue
            order += 1
            where = f"{ws.title}!"
            letters = {c.attr: column_letter(i + 1) for i, c in header.items()}
            owner_table = by_sheet.get(_norm(values.get("sheet")))
            if owner_table is None:
                self.problem(
                    f"{where}{letters['sheet']}{number}",
                    "unknown_sheet",
                    value=values.get("sheet"),
                )
                continue
            fields = {}
            for list_field in owner_table.lists:
                fields[_norm(list_field.da)] = list_field.attr
                fields[_norm(list_field.en)] = list_field.attr
            attr = fields.get(_norm(values.get("field")))
            if attr is None:
                allowed = ", ".join(f.header(self.lang) for f in owner_table.lists)
                self.problem(
                    f"{where}{letters['field']}{number}",
                    "not_one_of",
                    value=values.get("field"),
                    allowed=allowed,
                )
                continue
            owner = _as_key(values.get("owner_id"))
            owner_nr = self._int(
                values.get("owner_nr"), f"{where}{letters.get('owner_nr')}{number}"
            )
            nr = self._int(values.get("nr"), f"{where}{letters.get('nr')}{number}")
            text = self._text(values.get("text"))
            self.lists[(owner_table.name, owner, owner_nr, attr)].append(
                (float(nr) if nr is not None else float("inf"), order, text)
            )

    def _list_values(self, table: Table, key: str | None, nr: int | None) -> dict[str, Any]:
        out = {}
        for list_field in table.lists:
            items = self.lists.pop((table.name, key, nr, list_field.attr), None)
            if items:
                items.sort(key=lambda x: (x[0], x[1]))
                out[list_field.attr] = tuple(text for _, _, text in items)
        return out

    # -- a table -----------------------------------------------------------------------------

    def _missing(self, title: str, header: dict[int, Column], required: Iterable[str]) -> bool:
        present = {c.attr for c in header.values()}
        missing = False
        for attr in sorted(required):
            if attr not in present:
                missing = True
                self.problem(title, "missing_column", name=self._column_name(header, attr, title))
        return missing

    def _column_name(self, header: dict[int, Column], attr: str, title: str) -> str:
        for table in TABLES:
            if title in (table.da, table.en):
                for column in table.columns:
                    if column.attr == attr:
                        return column.header(self.lang)
        for column in LIST_COLUMNS:
            if column.attr == attr:
                return column.header(self.lang)
        return attr

    def _read_table(self, table: Table) -> None:
        ws = self._sheet(table.da, table.en)
        built: dict[str | None, list[_Built]] = defaultdict(list)
        self.children[table.name] = built
        if ws is None:
            if not self.template:  # a template leaves out the sheets it has no use for
                warnings.warn(
                    _t(self.lang, "missing_sheet", sheet=table.title(self.lang)),
                    WorkbookWarning,
                    stacklevel=4,
                )
            return
        rows = self._rows(ws)
        first = next(rows, None)
        if first is None:
            return
        title = ws.title
        header = self._header(ws, table.columns, first[1])
        if self._missing(title, header, table.required_attrs()):
            return
        parsers = [
            (i, column, self._parser(column), column_letter(i + 1))
            for i, column in header.items()
            if column.kind != "derived"
        ]
        letters = {column.attr: letter for _, column, _, letter in parsers}
        order = 0
        for number, row in rows:
            width = len(row)
            values: dict[str, Any] = {}
            empty = True
            bad = False
            for i, column, parse, letter in parsers:
                raw = row[i] if i < width else None
                if raw is None:
                    continue
                if raw.__class__ is str and not raw.strip():
                    if column.kind not in _TEXT_KINDS or not raw:
                        continue  # spaces are text only in a text column
                else:
                    empty = False
                try:
                    values[column.attr] = parse(raw)
                except _CellError as exc:
                    bad = True
                    values[column.attr] = _FAILED
                    self.problems.append(
                        Problem(where=f"{title}!{letter}{number}", message=exc.message)
                    )
            if empty:
                continue
            order += 1
            place = _Place(title, number, letters)
            obj = self._build(table, values, place, bad)
            if obj is None:
                continue
            key = values.get("parent")
            nr = values.get("nr")
            built[key].append(
                _Built(obj, key, float(nr) if nr is not None else float("inf"), order)
            )

    def _build(self, table: Table, values: dict[str, Any], place: _Place, bad: bool) -> Any:
        """The object of one row (``None`` after reporting why it cannot be built)."""
        where = f"{place.sheet}!"
        kwargs: dict[str, Any] = {}
        nested: dict[str, dict[str, Any]] = {}
        for attr, value in values.items():
            if attr in ("parent", "nr") or value is _FAILED:
                continue
            if "." in attr:
                prefix, rest = attr.split(".", 1)
                nested.setdefault(prefix, {})[rest] = value
            else:
                kwargs[attr] = value
        for attr in table.required_attrs():
            if attr not in values and attr != "id":
                if place.letters:
                    cell = f"{where}{place.letters.get(attr, '')}{place.row}"
                else:  # a record sheet: the value column of the field's row
                    cell = f"{where}B{self._record_rows.get(attr, place.row)}"
                self.problem(cell, "required")
                bad = True
        if table.has_id and "id" not in kwargs:
            id_attr = next(c.attr for c in table.columns if c.kind == "id")
            if id_attr == "id":
                kwargs["id"] = new_id(f"{table.name[:3]}-")
        for prefix, cls in table.nested.items():
            if prefix == "current":
                continue
            fields = nested.get(prefix, {})
            try:
                kwargs[prefix] = cls(**fields)
            except ModelError as exc:
                self._model_problem(exc, place, prefix)
                bad = True
        key = kwargs.get("id") if table.has_id else values.get("parent")
        nr = values.get("nr")
        kwargs.update(self._list_values(table, key, nr if not table.has_id else None))
        for child in _child_tables(table):
            owner = kwargs.get("id") if child.parent is not None else None
            pending = self.children.get(child.name, {}).pop(owner, None)
            if pending is not None:
                pending.sort(key=lambda b: (b.nr, b.order))
                kwargs[child.field] = tuple(b.obj for b in pending)
        if "current" in table.nested and not bad:
            try:
                current = Assessment(**nested.get("current", {}))
            except ModelError as exc:
                self._model_problem(exc, place, "current")
                bad = True
            else:
                kwargs["assessments"] = (*kwargs.get("assessments", ()), current)
        if bad:
            return None
        try:
            obj = table.cls(**kwargs)
        except ModelError as exc:
            self._model_problem(exc, place, None)
            return None
        except TypeError as exc:  # pragma: no cover - the layout matches the model
            self.problems.append(Problem(where=f"{where}{place.row}", message=str(exc)))
            return None
        self.places[id(obj)] = place
        return obj

    def _model_problem(self, exc: ModelError, place: _Place, prefix: str | None) -> None:
        attr = exc.field or ""
        if prefix:
            attr = f"{prefix}.{attr}"
        letter = place.letters.get(attr) or place.letters.get("id") or "A"
        if not place.letters:  # a record sheet: the value column of the field's row
            letter = "B"
        row = place.row if place.letters else self._record_rows.get(attr, place.row)
        message = translate(exc.message, self.lang)
        self.problems.append(Problem(where=f"{place.sheet}!{letter}{row}", message=message))

    # -- the exported object itself --------------------------------------------------------

    def _read_record(self, table: Table) -> Any:
        ws = self._sheet(table.record_da, table.record_en)
        assert ws is not None  # _find_root found it
        title = ws.title
        rows = self._rows(ws)
        first = next(rows, None)
        columns = [c for c in table.columns if c.kind not in ("parent", "nr", "derived")]
        known: dict[str, Column] = {}
        for column in columns:
            known[_norm(column.da)] = column
            known[_norm(column.en)] = column
        header = self._header(ws, RECORD_COLUMNS, first[1] if first else ())
        position = {c.attr: i for i, c in header.items()}
        if "field" not in position or "value" not in position:
            self._missing(title, header, {"field", "value"})
            return None
        fi, vi = position["field"], position["value"]
        values: dict[str, Any] = {}
        record_rows: dict[str, int] = {}
        for number, row in rows:
            label = row[fi] if fi < len(row) else None
            raw = row[vi] if vi < len(row) else None
            if label is None and raw is None:
                continue
            match = known.get(_norm(label))
            if match is None:
                warnings.warn(
                    _t(self.lang, "extra_rows", sheet=title, row=number, label=label),
                    WorkbookWarning,
                    stacklevel=4,
                )
                continue
            record_rows[match.attr] = number
            if raw is None or raw == "":
                continue
            if isinstance(raw, str) and not raw.strip() and match.kind not in _TEXT_KINDS:
                continue
            try:
                values[match.attr] = self._parser(match)(raw)
            except _CellError as exc:
                self.problems.append(Problem(where=f"{title}!B{number}", message=exc.message))
        self._record_rows = record_rows
        for attr in table.required_attrs():
            if attr not in record_rows:
                name = next(c.header(self.lang) for c in columns if c.attr == attr)
                self.problem(title, "missing_row", name=name)
        if self.problems:
            return None
        place = _Place(title, 0, {})
        obj = self._build(table, values, place, False)
        if obj is not None:
            self.places[id(obj)] = place
        return obj

    def _unclaimed(self, tables: tuple[Table, ...], root: str) -> None:
        """Child rows whose parent ID names no row of the parent sheet."""
        for table in tables:
            pending = self.children.get(table.name, {})
            parent = BY_NAME[table.parent or "plan"]
            parent_title = (
                parent.record_title(self.lang) if parent.name == root else parent.title(self.lang)
            )
            for key, items in pending.items():
                for item in items:
                    place = self.places.get(id(item.obj))
                    letter = place.letters.get("parent", "A") if place else "A"
                    where = (
                        f"{place.sheet}!{letter}{place.row}" if place else table.title(self.lang)
                    )
                    self.problem(where, "no_parent", key=key or "", sheet=parent_title)
        for (name, owner, owner_nr, _attr), _items in self.lists.items():
            sheet = BY_NAME[name].title(self.lang)
            self.problem(
                LISTS.title(self.lang), "no_owner", key=owner or "", sheet=sheet, nr=owner_nr or ""
            )

    # -- whole-object checks, placed in cells ----------------------------------------------

    def _validate(self, obj: Any) -> None:
        problems = validate(obj)
        if not problems:
            return
        index = _path_index(obj, self.places)

        def cell(path: str) -> str:
            return _cell_of(path, index)

        for problem in problems:
            message = translate(problem.message, self.lang, where=cell)
            self.problems.append(Problem(where=cell(problem.where), message=message))

    # -- cells -------------------------------------------------------------------------------

    def _text(self, raw: Any) -> str:
        if raw is None:
            return ""
        if isinstance(raw, str):
            return decode_text(raw)
        return _number_text(raw)

    def _int(self, raw: Any, where: str) -> int | None:
        if raw is None or raw == "":
            return None
        try:
            return _to_int(raw, self.lang)
        except _CellError as exc:
            self.problems.append(Problem(where=where, message=exc.message))
            return None

    def _parser(self, column: Column) -> Callable[[Any], Any]:
        lang = self.lang
        kind = column.kind
        if kind in ("text", "opt_text"):
            return lambda raw: decode_text(raw) if raw.__class__ is str else _number_text(raw)
        if kind in ("id", "ref", "parent"):
            return _as_key
        if kind == "refs":
            return lambda raw: tuple(_split_ids(raw))
        if kind in ("enum", "enums"):
            enum = column.enum
            if enum is None:  # pragma: no cover - the layout names one
                raise TypeError(f"column {column.attr} has no enumeration")
            if kind == "enum":
                return lambda raw: _enum(enum, raw, lang)
            return lambda raw: tuple(_enum(enum, part, lang) for part in _split(raw))
        if kind == "focus":
            return lambda raw: _focus(raw, self.custom_keys)
        if kind == "focus_list":
            return lambda raw: tuple(_focus(p, self.custom_keys) for p in _split(raw))
        if kind == "date":
            return lambda raw: _date(raw, lang)
        if kind == "time":
            return lambda raw: _time(raw, lang)
        if kind in ("int", "nr"):
            return lambda raw: _to_int(raw, lang)
        if kind == "bool":
            return lambda raw: _bool(raw, lang)
        return lambda raw: raw  # pragma: no cover


_TEXT_KINDS = frozenset({"text", "opt_text"})
_FAILED = object()  # a cell that could not be read (already reported)


class _CellError(Exception):
    def __init__(self, message: str) -> None:
        self.message = message


def _child_tables(table: Table) -> list[Table]:
    return [t for t in TABLES if (t.parent or "plan") == table.name and t.name != table.name]


def _number_text(raw: Any) -> str:
    if isinstance(raw, bool):
        return "Ja" if raw else "Nej"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat()
    if isinstance(raw, dt.date | dt.time):
        return raw.isoformat()
    return str(raw)


def _as_key(raw: Any) -> str:
    if isinstance(raw, str):
        return raw.strip()
    return _number_text(raw)


_SPLIT_IDS = re.compile(r"[,;\s]+")
_SPLIT = re.compile(r"[,;\n]")


def _split_ids(raw: Any) -> list[str]:
    return [p for p in _SPLIT_IDS.split(_as_key(raw)) if p]


def _split(raw: Any) -> list[str]:
    return [p.strip() for p in _SPLIT.split(_as_key(raw)) if p.strip()]


def _enum(enum: type[LabelledEnum], raw: Any, lang: Lang) -> Any:
    text = raw if isinstance(raw, str) else _number_text(raw)
    try:
        return enum.from_label(text)
    except ModelError:
        allowed = ", ".join(m.label(lang) for m in enum)
        raise _CellError(_t(lang, "not_one_of", value=text.strip(), allowed=allowed)) from None


def _focus(raw: Any, custom: set[str]) -> str:
    text = _as_key(raw)
    if text in custom:
        return text
    try:
        return FocusArea.from_label(text).value
    except ModelError:
        return text


_DMY = re.compile(r"(\d{1,2})[-./](\d{1,2})[-./](\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _date(raw: Any, lang: Lang) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        text = raw.strip()
        match = _DMY.fullmatch(text)
        try:
            if match:
                return dt.date(int(match[3]), int(match[2]), int(match[1]))
            match = _YMD.fullmatch(text)
            if match:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    raise _CellError(_t(lang, "not_date", value=_shown(raw)))


def _time(raw: Any, lang: Lang) -> dt.time:
    if isinstance(raw, dt.time):
        return raw
    if isinstance(raw, dt.datetime):
        return raw.time()
    if isinstance(raw, str):
        text = raw.strip().replace(".", ":")
        try:
            return dt.time.fromisoformat(text if len(text) != 4 else f"0{text}")
        except ValueError:
            pass
    raise _CellError(_t(lang, "not_time", value=_shown(raw)))


_THOUSANDS = re.compile(r"-?\d{1,3}(\.\d{3})+")


def _to_int(raw: Any, lang: Lang) -> int:
    if isinstance(raw, bool):
        raise _CellError(_t(lang, "not_int", value=_shown(raw)))
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str):
        text = raw.strip().replace(" ", "").replace("\u00a0", "")
        if _THOUSANDS.fullmatch(text):
            text = text.replace(".", "")
        if re.fullmatch(r"-?\d+", text):
            return int(text)
    raise _CellError(_t(lang, "not_int", value=_shown(raw)))


_TRUE = {"ja", "j", "yes", "y", "true", "sand", "x", "1"}
_FALSE = {"nej", "n", "no", "false", "falsk", "0", "-"}


def _bool(raw: Any, lang: Lang) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str):
        key = raw.strip().casefold()
        if key in _TRUE:
            return True
        if key in _FALSE:
            return False
    yes, no = YES_NO[lang]
    raise _CellError(_t(lang, "not_bool", value=_shown(raw), yes=yes, no=no))


def _shown(raw: Any) -> str:
    text = raw if isinstance(raw, str) else _number_text(raw)
    return text if len(text) <= 40 else text[:37] + "..."


# -- placing validation problems in cells ----------------------------------------------------


def _path_index(obj: Any, places: dict[int, _Place]) -> dict[str, _Place]:
    from ..validation import _spell, _walk

    index: dict[str, _Place] = {}
    for item, path in _walk(obj, "$"):
        place = places.get(id(item))
        if place is not None:
            index[_spell(path)] = place
    return index


_TAIL = re.compile(r"\[\d+\]$")


def _cell_of(path: str, index: dict[str, _Place]) -> str:
    attr = ""
    current = path
    while current and current not in index:
        head, _, tail = current.rpartition(".")
        if not head:
            return path
        attr = f"{_TAIL.sub('', tail)}.{attr}" if attr else _TAIL.sub("", tail)
        current = head
    place = index.get(current)
    if place is None:
        return path
    if not place.letters:
        return place.sheet
    field = attr.split(".", 1)[0] if attr else "id"
    if field == "assessments":
        field = "current." + attr.split(".", 1)[-1] if "." in attr else "id"
    letter = place.letters.get(field) or place.letters.get(attr) or place.letters.get("id", "A")
    return f"{place.sheet}!{letter}{place.row}"


# -- messages --------------------------------------------------------------------------------

_MESSAGES: dict[str, dict[str, str]] = {
    "da": {
        "file_too_big": "filen fylder {n} byte; grænsen er {limit}",
        "not_zip": "filen er ikke en Excel-projektmappe (ikke et zip-arkiv, eller arkivet er "
        "beskadiget)",
        "not_workbook": "filen er et zip-arkiv, men ikke en Excel-projektmappe",
        "too_many_parts": "arkivet har {n} dele; grænsen er {limit}",
        "too_big_unpacked": "arkivet fylder {n} byte udpakket; grænsen er {limit} (afvist "
        "uden at pakke ud)",
        "damaged": "projektmappen kan ikke læses; den er beskadiget eller ikke en "
        "Excel-projektmappe ({error})",
        "macros": "projektmappen indeholder makroer; de læses ikke og kommer ikke med",
        "no_root": "projektmappen har ikke et af arkene {wanted}",
        "too_many_rows": "arket har {n} rækker; grænsen er {limit}",
        "too_many_columns": "arket har {n} kolonner; grænsen er {limit}",
        "missing_column": 'kolonnen "{name}" mangler',
        "missing_row": 'rækken "{name}" mangler',
        "missing_sheet": 'arket "{sheet}" mangler; det læses som tomt',
        "duplicate_column": 'kolonnen "{name}" står to gange (også i {other})',
        "extra_columns": "arket {sheet} har kolonner, der ikke læses: {columns}",
        "extra_rows": 'arket {sheet} række {row}: "{label}" er ikke et felt og læses ikke',
        "required": "skal udfyldes",
        "not_one_of": '"{value}" er ikke en af {allowed}',
        "not_date": '"{value}" er ikke en dato (skriv dd-mm-åååå)',
        "not_time": '"{value}" er ikke et klokkeslæt (skriv tt:mm)',
        "not_int": '"{value}" er ikke et helt tal',
        "not_bool": '"{value}" er hverken {yes} eller {no}',
        "unknown_sheet": '"{value}" er ikke et ark med tekstlister',
        "no_parent": 'ID "{key}" findes ikke i arket {sheet}',
        "no_owner": 'tekstlisten hører til ID "{key}" {nr} i arket {sheet}, som ikke findes',
        "typed_twice": '"{name}" (ID {id}) er samme navn som "{other_name}" (ID {other_id}, '
        "{other}), bortset fra mellemrum og store/små bogstaver; er det samme organisation, "
        "så brug ét ID",
        "typed_same": '"{name}" (ID {id}) står også med ID {other_id} ({other}); er det samme '
        "organisation, så brug ét ID",
        "in_plan": "allerede i planen",
    },
    "en": {
        "file_too_big": "the file has {n} bytes; the limit is {limit}",
        "not_zip": "the file is not an Excel workbook (not a zip archive, or a damaged one)",
        "not_workbook": "the file is a zip archive but not an Excel workbook",
        "too_many_parts": "the archive has {n} parts; the limit is {limit}",
        "too_big_unpacked": "the archive unpacks to {n} bytes; the limit is {limit} "
        "(refused without unpacking)",
        "damaged": "the workbook cannot be read; it is damaged or not an Excel workbook ({error})",
        "macros": "the workbook holds macros; they are not read and not carried over",
        "no_root": "the workbook has none of the sheets {wanted}",
        "too_many_rows": "the sheet has {n} rows; the limit is {limit}",
        "too_many_columns": "the sheet has {n} columns; the limit is {limit}",
        "missing_column": 'column "{name}" is missing',
        "missing_row": 'row "{name}" is missing',
        "missing_sheet": 'sheet "{sheet}" is missing; read as empty',
        "duplicate_column": 'column "{name}" appears twice (also at {other})',
        "extra_columns": "sheet {sheet} has columns that are not read: {columns}",
        "extra_rows": 'sheet {sheet} row {row}: "{label}" is not a field and is not read',
        "required": "is required",
        "not_one_of": '"{value}" is not one of {allowed}',
        "not_date": '"{value}" is not a date (type dd-mm-yyyy)',
        "not_time": '"{value}" is not a time of day (type hh:mm)',
        "not_int": '"{value}" is not a whole number',
        "not_bool": '"{value}" is neither {yes} nor {no}',
        "unknown_sheet": '"{value}" is not a sheet with text lists',
        "no_parent": 'ID "{key}" is not in sheet {sheet}',
        "no_owner": 'the text list belongs to ID "{key}" {nr} in sheet {sheet}, which does '
        "not exist",
        "typed_twice": '"{name}" (ID {id}) has the same name as "{other_name}" (ID {other_id}, '
        "{other}) but for spaces and case; if it is the same organisation, use one ID",
        "typed_same": '"{name}" (ID {id}) is also there with ID {other_id} ({other}); if it is '
        "the same organisation, use one ID",
        "in_plan": "already in the plan",
    },
}


def _t(lang: Lang, message: str, /, **values: Any) -> str:
    return _MESSAGES[lang][message].format(**values)


@hookimpl
def cfbu_importers() -> Iterable[ImporterSpec]:
    return [
        ImporterSpec(
            name="xlsx",
            suffixes=(".xlsx", ".xlsm"),
            media_type=MEDIA_TYPE,
            kinds=frozenset(ROOT_TABLE_KINDS),
            load=load_xlsx,
            description="Excel workbook written by the xlsx exporter or filled in by hand "
            "(read defensively; macros never run)",
        )
    ]


ROOT_TABLE_KINDS = (
    "plan",
    "mapping",
    "collaboration_agreement",
    "activity_agreement",
    "dialogue_session",
    "value_game",
)
