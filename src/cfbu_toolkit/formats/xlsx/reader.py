"""Reading a workbook into a plan or one of its parts.

Every sheet of the exported object's tables is read into objects, children before their
parents; every problem is collected with its sheet and cell and reported at once. On a
re-import the result is merged into the plan it came from (:mod:`.reimport`).
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import attrs

from ...errors import ModelError, Problem
from ...io.kinds import Exportable
from ...locale import translate as _message_in
from ...locale import use_lang
from ...model import Assessment, Lang, Plan, new_id
from ...validation import validate
from ...workbook import column_letter
from .cellvalues import CellError, as_key, parser_for, text_of, to_int
from .layout import (
    BY_NAME,
    LIST_COLUMNS,
    LISTS,
    RECORD_COLUMNS,
    ROOT_TABLE,
    TABLES,
    Column,
    Table,
    tables_for,
)
from .limits import ReadLimits
from .messages import translate
from .placing import Place, cell_of, path_index
from .problems import WorkbookWarning, fail, say
from .reimport import merge, similar_names
from .sheets import SheetReader, norm
from .template import TEMPLATE_MARK

__all__ = ["WorkbookReader"]


@attrs.define
class _Built:
    """An object built from a row, with where it came from (for later problems)."""

    obj: Any
    key: str | None  # the parent's key (child rows) or None
    nr: float
    order: int


class WorkbookReader(SheetReader):
    """Reads the whole workbook (:meth:`read`), placing every problem in its cell."""

    def __init__(self, wb: Any, lang: Lang, limits: ReadLimits, source: str | None) -> None:
        super().__init__(wb, lang, limits, source)
        self.custom_keys: set[str] = set()
        self.lists: dict[tuple[str, str | None, int | None, str], list[tuple[float, int, str]]]
        self.lists = defaultdict(list)
        #: built children by table name, then by parent key
        self.children: dict[str, dict[str | None, list[_Built]]] = {}
        self.places: dict[int, Place] = {}  # id(obj) -> where it was read
        self._record_rows: dict[str, int] = {}  # a record sheet's row of each field
        self.base: Plan | None = None  # re-import: merge into this plan
        try:
            self.template = TEMPLATE_MARK in (wb.properties.keywords or "")
        except Exception:  # properties of a damaged workbook
            self.template = False

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
            message = say(
                self.lang,
                "typed_twice" if later.name != first.name else "typed_same",
                name=later.name,
                id=later.id,
                other_name=first.name,
                other_id=first.id,
                other=other or say(self.lang, "in_plan"),
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
                if norm(title) in self.sheets:
                    return name
        wanted = ", ".join(BY_NAME[n].record_title(self.lang) for n in ROOT_TABLE.values())
        raise fail(say(self.lang, "no_root", wanted=wanted), self.source)

    # -- the text lists and custom focus areas ---------------------------------------------

    def _read_custom_keys(self) -> None:
        table = BY_NAME["custom_focus_areas"]
        ws = self.sheet(table.da, table.en)
        if ws is None:
            return
        rows = self.rows(ws)
        first = next(rows, None)
        if first is None:
            return
        for index, text in enumerate(first[1]):
            if norm(text) in (norm("Nøgle"), norm("Key")):
                for _, row in rows:
                    if index < len(row) and row[index] is not None:
                        self.custom_keys.add(str(row[index]).strip())
                return

    def _read_text_lists(self, tables: tuple[Table, ...]) -> None:
        ws = self.sheet(LISTS.da, LISTS.en)
        if ws is None:
            return
        by_sheet = {}
        for table in tables:
            if table.lists:
                by_sheet[norm(table.da)] = table
                by_sheet[norm(table.en)] = table
                if table.record_da:
                    by_sheet[norm(table.record_da)] = table
                    by_sheet[norm(table.record_en)] = table
        rows = self.rows(ws)
        first = next(rows, None)
        if first is None:
            return
        header = self.header(ws, LIST_COLUMNS, first[1])
        self.missing(ws.title, header, {"owner_id", "sheet", "field"})
        order = 0
        for number, row in rows:
            values = {c.attr: (row[i] if i < len(row) else None) for i, c in header.items()}
            if all(v is None for v in values.values()):
                continue
            order += 1
            where = f"{ws.title}!"
            letters = {c.attr: column_letter(i + 1) for i, c in header.items()}
            owner_table = by_sheet.get(norm(values.get("sheet")))
            if owner_table is None:
                self.problem(
                    f"{where}{letters['sheet']}{number}",
                    "unknown_sheet",
                    value=values.get("sheet"),
                )
                continue
            fields = {}
            for list_field in owner_table.lists:
                fields[norm(list_field.da)] = list_field.attr
                fields[norm(list_field.en)] = list_field.attr
            attr = fields.get(norm(values.get("field")))
            if attr is None:
                allowed = ", ".join(f.header(self.lang) for f in owner_table.lists)
                self.problem(
                    f"{where}{letters['field']}{number}",
                    "not_one_of",
                    value=values.get("field"),
                    allowed=allowed,
                )
                continue
            owner = as_key(values.get("owner_id"))
            owner_nr = self._int(
                values.get("owner_nr"), f"{where}{letters.get('owner_nr')}{number}"
            )
            nr = self._int(values.get("nr"), f"{where}{letters.get('nr')}{number}")
            text = text_of(values.get("text"))
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

    def _read_table(self, table: Table) -> None:
        ws = self.sheet(table.da, table.en)
        built: dict[str | None, list[_Built]] = defaultdict(list)
        self.children[table.name] = built
        if ws is None:
            if not self.template:  # a template leaves out the sheets it has no use for
                warnings.warn(
                    say(self.lang, "missing_sheet", sheet=table.title(self.lang)),
                    WorkbookWarning,
                    stacklevel=4,
                )
            return
        rows = self.rows(ws)
        first = next(rows, None)
        if first is None:
            return
        title = ws.title
        header = self.header(ws, table.columns, first[1])
        if self.missing(title, header, table.required_attrs()):
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
                except CellError as exc:
                    bad = True
                    values[column.attr] = _FAILED
                    self.problems.append(
                        Problem(where=f"{title}!{letter}{number}", message=_english(exc))
                    )
            if empty:
                continue
            order += 1
            place = Place(title, number, letters)
            obj = self._build(table, values, place, bad)
            if obj is None:
                continue
            key = values.get("parent")
            nr = values.get("nr")
            built[key].append(
                _Built(obj, key, float(nr) if nr is not None else float("inf"), order)
            )

    def _build(self, table: Table, values: dict[str, Any], place: Place, bad: bool) -> Any:
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

    def _model_problem(self, exc: ModelError, place: Place, prefix: str | None) -> None:
        attr = exc.field or ""
        if prefix:
            attr = f"{prefix}.{attr}"
        letter = place.letters.get(attr) or place.letters.get("id") or "A"
        if not place.letters:  # a record sheet: the value column of the field's row
            letter = "B"
        row = place.row if place.letters else self._record_rows.get(attr, place.row)
        message = translate(_english(exc), self.lang)
        self.problems.append(Problem(where=f"{place.sheet}!{letter}{row}", message=message))

    # -- the exported object itself --------------------------------------------------------

    def _read_record(self, table: Table) -> Any:
        ws = self.sheet(table.record_da, table.record_en)
        assert ws is not None  # _find_root found it
        title = ws.title
        rows = self.rows(ws)
        first = next(rows, None)
        columns = [c for c in table.columns if c.kind not in ("parent", "nr", "derived")]
        known: dict[str, Column] = {}
        for column in columns:
            known[norm(column.da)] = column
            known[norm(column.en)] = column
        header = self.header(ws, RECORD_COLUMNS, first[1] if first else ())
        position = {c.attr: i for i, c in header.items()}
        if "field" not in position or "value" not in position:
            self.missing(title, header, {"field", "value"})
            return None
        fi, vi = position["field"], position["value"]
        values: dict[str, Any] = {}
        record_rows: dict[str, int] = {}
        for number, row in rows:
            label = row[fi] if fi < len(row) else None
            raw = row[vi] if vi < len(row) else None
            if label is None and raw is None:
                continue
            match = known.get(norm(label))
            if match is None:
                warnings.warn(
                    say(self.lang, "extra_rows", sheet=title, row=number, label=label),
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
            except CellError as exc:
                self.problems.append(Problem(where=f"{title}!B{number}", message=_english(exc)))
        self._record_rows = record_rows
        for attr in table.required_attrs():
            if attr not in record_rows:
                name = next(c.header(self.lang) for c in columns if c.attr == attr)
                self.problem(title, "missing_row", name=name)
        if self.problems:
            return None
        place = Place(title, 0, {})
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
        index = path_index(obj, self.places)

        def cell(path: str) -> str:
            return cell_of(path, index)

        for problem in problems:
            message = translate(_english(problem), self.lang, where=cell)
            self.problems.append(Problem(where=cell(problem.where), message=message))

    # -- cells -------------------------------------------------------------------------------

    def _int(self, raw: Any, where: str) -> int | None:
        if raw is None or raw == "":
            return None
        try:
            return to_int(raw, self.lang)
        except CellError as exc:
            self.problems.append(Problem(where=where, message=exc.message))
            return None

    def _parser(self, column: Column) -> Callable[[Any], Any]:
        return parser_for(column, self.lang, self.custom_keys)


_TEXT_KINDS = frozenset({"text", "opt_text"})
_FAILED = object()  # a cell that could not be read (already reported)


def _child_tables(table: Table) -> list[Table]:
    return [t for t in TABLES if (t.parent or "plan") == table.name and t.name != table.name]


def _english(error: Any) -> str:
    """An error's or problem's message in English, its parameters filled in.

    The sheet's Danish comes from :mod:`.messages`, which reads the English sentence.
    """
    with use_lang("en"):
        return str(_message_in(error.message, "en", **getattr(error, "params", {})))
