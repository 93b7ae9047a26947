"""Reading a workbook into a plan or one of its parts.

Every sheet of the exported object's tables is read into objects, children before their
parents; every problem is collected with its sheet and cell and reported at once. On a
re-import the result is merged into the plan it came from (:mod:`.reimport`).
"""

from __future__ import annotations

import functools
import warnings
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import attrs

from ...errors import ModelError, Problem
from ...io.kinds import Exportable
from ...locale import N_, translate
from ...model import Assessment, Lang, Plan, new_id
from ...model._base import REF
from ...validation import validate
from ...workbook import column_letter
from .cellvalues import CellError, as_key, parser_for, text_of, to_int
from .layout import (
    BY_NAME,
    GUIDE,
    LIST_COLUMNS,
    LISTS,
    LOOKUPS,
    RECORD_COLUMNS,
    ROOT_TABLE,
    TABLES,
    Column,
    Table,
    owner_key,
    tables_for,
)
from .limits import ReadLimits
from .placing import Place, cell_of, path_index
from .problems import WorkbookWarning, fail, say
from .problems import params as _params
from .reimport import Changes, merge_with_changes, name_key, similar_names
from .sheets import SheetReader, norm
from .template import EXAMPLE_MARK, TEMPLATE_MARK, TEMPLATE_TABLES, example_cells
from .writer import norm_label

__all__ = ["ReadReport", "WorkbookReader"]


@attrs.frozen
class ReadReport:
    """What reading a workbook did besides building the object."""

    changes: Changes | None
    """On a re-import (``base=``): what the merge changed."""
    assigned: tuple[tuple[str, str, str], ...]
    """(sheet, cell, ID) of each ID given to a row without one."""


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
        self.custom_by_name: dict[str, str] = {}  # the plan's own focus areas by name
        self.lists: dict[tuple[str, str | None, int | None, str], list[tuple[float, int, str]]]
        self.lists = defaultdict(list)
        #: built children by table name, then by parent key
        self.children: dict[str, dict[str | None, list[_Built]]] = {}
        self.places: dict[int, Place] = {}  # id(obj) -> where it was read
        self._record_rows: dict[str, int] = {}  # a record sheet's row of each field
        self.base: Plan | None = None  # re-import: merge into this plan
        self.prune = False  # re-import: delete what the workbook does not hold
        self.changes: Changes | None = None  # re-import: what the merge changed
        self.generated: set[str] = set()  # IDs given to rows without one
        self.assigned: list[tuple[str, str, str]] = []  # (sheet, cell, ID) given
        self.row_ids: dict[tuple[str, int], str] = {}  # (table, row) -> its given ID
        #: target kind ("organisation", "contact") -> IDs held, and IDs by name
        self.ids: dict[str, set[str]] = {}
        self.by_name: dict[str, dict[str, list[str]]] = {}
        self.name_of: dict[str, dict[str, str]] = {}  # target kind -> name by ID
        self.template = self._is_template(wb)

    # -- the whole workbook ----------------------------------------------------------------

    def read(self) -> Exportable:
        """Build the plan or part the workbook holds, or raise every problem found."""
        root = self._find_root()
        tables = tables_for(root)
        root_table = BY_NAME[root]
        self._read_custom_keys()  # a part's workbook shows the plan's own areas too
        self._name_index()
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
            obj, self.changes = merge_with_changes(
                self.base, obj, replaced=self._follow, generated=self.generated, prune=self.prune
            )
        self._validate(obj)
        self._typed_twice(obj)
        self.raise_if_problems()
        return obj  # type: ignore[no-any-return]

    def assigned_ids(self) -> list[tuple[str, str, str]]:
        """(sheet, cell, ID) of each ID given to a row that had none, as the plan now holds
        it (a row matched on its name has the plan's ID)."""
        renamed = self.changes.renamed if self.changes is not None else {}
        return [(sheet, cell, renamed.get(ident, ident)) for sheet, cell, ident in self.assigned]

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

    def _is_template(self, wb: Any) -> bool:
        """Whether the workbook is the registration template, which leaves out the plan's
        other sheets on purpose (their absence is then not warned about).

        The template's mark in the document's keywords is not enough: anyone can set it,
        and on an exported plan it would hide the loss of whole sheets. A workbook holding
        a sheet of the plan that the template does not hold is read as any workbook.
        """
        try:
            if TEMPLATE_MARK not in (wb.properties.keywords or ""):
                return False
        except Exception:  # properties of a damaged workbook
            return False
        foreign = [
            ws.title
            for key, ws in self.sheets.items()
            if key in _PLAN_SHEETS and key not in _TEMPLATE_SHEETS
        ]
        if foreign:
            shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
            message = say(self.lang, "template_mark_ignored", sheets=shown)
            warnings.warn(message, WorkbookWarning, stacklevel=5)
            return False
        return True

    def _find_root(self) -> str:
        for name in ROOT_TABLE.values():
            table = BY_NAME[name]
            for title in (table.record_da, table.record_en):
                if norm(title) in self.sheets:
                    return name
        wanted = ", ".join(BY_NAME[n].record_title(self.lang) for n in ROOT_TABLE.values())
        raise fail(say(self.lang, "no_root", wanted=wanted), self.source)

    # -- names in place of IDs ------------------------------------------------------------

    def _name_index(self) -> None:
        """The organisations and contact persons by ID and by name, so a reference may be
        typed (or picked) as a name; rows without an ID are given theirs here."""
        if self.base is not None:
            for kind, items in (
                ("organisation", self.base.organisations),
                ("contact", self.base.contacts),
            ):
                for item in items:
                    self.ids.setdefault(kind, set()).add(item.id)
        workbook_names: dict[str, dict[str, list[str]]] = {}
        for kind, table_name in (("organisation", "organisations"), ("contact", "contacts")):
            table = BY_NAME[table_name]
            ws = self.sheet(table.da, table.en)
            if ws is None:
                continue
            rows = self.rows(ws)
            first = next(rows, None)
            if first is None:
                continue
            position = _positions(table.columns, first[1])
            if "name" not in position:
                continue
            ids = self.ids.setdefault(kind, set())
            names = workbook_names.setdefault(kind, {})
            for number, row in rows:
                name = _at(row, position.get("name"))
                ident = _at(row, position.get("id"))
                if not isinstance(name, str) or not name.strip():
                    continue
                if ident is None or not str(ident).strip():
                    ident = new_id(f"{table_name[:3]}-")
                    self.generated.add(ident)
                    self.row_ids[(table_name, number)] = ident
                    letter = column_letter(position["id"] + 1) if "id" in position else None
                    if letter is not None:
                        self.assigned.append((ws.title, f"{letter}{number}", ident))
                else:
                    ident = as_key(ident)
                ids.add(ident)
                names.setdefault(name_key(name), []).append(ident)
                self.name_of.setdefault(kind, {}).setdefault(ident, name)
        if self.base is not None:  # the plan's own, where the workbook has no such name
            for kind, items in (
                ("organisation", self.base.organisations),
                ("contact", self.base.contacts),
            ):
                names = workbook_names.setdefault(kind, {})
                for item in items:
                    names.setdefault(name_key(item.name), [item.id])
                    self.name_of.setdefault(kind, {}).setdefault(item.id, item.name)
        self.by_name = workbook_names

    def _refs(self, table: Table) -> list[tuple[str, str]]:
        """(attribute, kind) of the columns of ``table`` where a name may stand for an ID."""
        found = ((c.attr, _ref_kind(table, c.attr)) for c in table.columns)
        return [(attr, kind) for attr, kind in found if kind is not None and kind in self.by_name]

    def _resolve(self, refs: list[tuple[str, str]], values: dict[str, Any], place: Place) -> bool:
        """Names typed where an ID belongs (the columns ``refs``), replaced by the ID;
        ``False`` after reporting a name that matches no row or several."""
        ok = True
        for attr, kind in refs:
            value = values.get(attr)
            if value is None or value is _FAILED:
                continue
            if isinstance(value, tuple):
                letter = place.letters.get(attr, "A")
                resolved = tuple(self._one(kind, v, place, letter) for v in value)
                if any(v is _FAILED for v in resolved):
                    ok = False
                    values[attr] = _FAILED
                else:
                    values[attr] = resolved
            elif isinstance(value, str):
                one = self._one(kind, value, place, place.letters.get(attr, "A"))
                ok = ok and one is not _FAILED
                values[attr] = one
        return ok

    def _one(self, kind: str, value: str, place: Place, letter: str) -> Any:
        """The ID that ``value`` (an ID or a name) stands for; ``_FAILED`` after reporting,
        in the row's cell of column ``letter``, a name that matches no row or several."""
        if value in self.ids.get(kind, ()):
            return value
        found = self.by_name[kind].get(name_key(value), [])
        if len(set(found)) == 1:
            return found[0]
        where = f"{place.sheet}!{letter}{place.row}"
        what = _KIND_WORDS[kind]
        if found:
            self.problem(where, "name_twice", value=value, what=translate(what, self.lang))
        else:
            self.problem(where, "no_such_name", value=value, what=translate(what, self.lang))
        return _FAILED

    def _names_beside(
        self, table: Table, header: dict[int, Column]
    ) -> list[tuple[int, str, str, str]]:
        """(position, ID attribute, target kind, letter) of each column of names beside a
        single ID of an organisation or contact person that the workbook names."""
        found = []
        for i, column in header.items():
            if column.kind != "derived" or column.of is None:
                continue
            source = next((c for c in table.columns if c.attr == column.of), None)
            kind = _ref_kind(table, column.of)
            if source is not None and source.kind == "ref" and kind in self.name_of:
                found.append((i, column.of, kind, column_letter(i + 1)))
        return found

    def _names(
        self,
        beside: list[tuple[int, str, str, str]],
        row: tuple[Any, ...],
        values: dict[str, Any],
        place: Place,
    ) -> bool:
        """Check the names of a row beside their IDs (see :meth:`_name_beside`)."""
        ok = True
        for i, attr, kind, letter in beside:
            text = row[i] if i < len(row) else None
            if text.__class__ is str and text.strip():
                ok = self._name_beside(kind, text, attr, values, place, letter) and ok
        return ok

    def _name_beside(
        self, kind: str, text: str, attr: str, values: dict[str, Any], place: Place, letter: str
    ) -> bool:
        """A name typed or changed beside an ID: with the ID empty, the row points at the
        row of that name; beside an ID of another name, the ID is kept with a warning, so
        an edit made there is never dropped without a word. ``False`` after reporting a
        name that matches no row or several."""
        ident = values.get(attr)
        if ident is None:
            found = self._one(kind, text, place, letter)
            if found is _FAILED:
                return False
            values[attr] = found
            return True
        name = self.name_of[kind].get(ident) if isinstance(ident, str) else None
        if name is not None and name_key(name) != name_key(text):
            what = translate(_KIND_WORDS[kind], self.lang)
            where = f"{place.sheet}!{letter}{place.row}"
            message = say(
                self.lang, "name_not_of_id", value=text, ident=ident, name=name, what=what
            )
            warnings.warn(f"{where}: {message}", WorkbookWarning, stacklevel=6)
        return True

    def _formula(self, cell: str, formula: tuple[str, bool], raw: Any) -> Any:
        """A cell stored as a formula: the value a spreadsheet program calculated (what the
        person saw), with a warning naming the cell; an error naming the cell when nothing
        calculated it, since its value is then unknown."""
        text, cached = formula
        if cached and raw is not None:
            message = say(self.lang, "formula_value", formula=f"={text}", value=raw)
            warnings.warn(f"{cell}: {message}", WorkbookWarning, stacklevel=6)
            return raw
        self.problem(cell, "formula_uncached", formula=f"={text}")
        return _FAILED

    def _special(self, where: str, cell: tuple[int, int], raw: Any, sheet: str) -> Any:
        """A cell the pre-pass marked: an error value is reported (``_FAILED``); a formula
        gives its value or its text (:meth:`_formula`)."""
        marks = self.marks[sheet]
        error = marks.errors.get(cell)
        if error is not None:
            self.problem(where, "error_value", value=error or "#?")
            return _FAILED
        formula = marks.formulas.get(cell)
        return raw if formula is None else self._formula(where, formula, raw)

    def _logical(self, where: str, raw: bool) -> Any:
        """TRUE or FALSE where the column takes no such value: reported, never translated
        (it used to become "Ja" in a text column)."""
        shown = _LOGICAL[self.lang][0 if raw else 1]
        self.problem(where, "logical_value", value=shown)
        return _FAILED

    def _marked_cells(self, title: str) -> set[tuple[int, int]]:
        marks = self.marks.get(title)
        return set(marks.formulas) | set(marks.errors) if marks is not None else set()

    # -- the template's example rows --------------------------------------------------------

    def _example(self, table: Table, values: dict[str, Any], place: Place) -> bool:
        """Whether the row is the template's example: skipped with a notice while it is
        unchanged, refused (and skipped) once edited but still marked."""
        ident = values.get("id")
        if not isinstance(ident, str) or not ident.upper().startswith(EXAMPLE_MARK):
            return False
        where = f"{place.sheet}!{place.letters.get('id', 'A')}{place.row}"
        parsers = {c.attr: self._parser(c) for c in table.columns}
        for lang in (self.lang, "en" if self.lang == "da" else "da"):
            expected: dict[str, Any] = {}
            for attr, cell in example_cells(table.name, lang).items():
                try:
                    expected[attr] = parsers[attr](cell)
                except (CellError, KeyError):
                    expected[attr] = cell
            if expected == values:
                warnings.warn(
                    say(self.lang, "example_skipped", where=where), WorkbookWarning, stacklevel=5
                )
                return True
        self.problem(where, "example_edited", id=ident)
        return True

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
        position = _positions(table.columns, first[1])
        if "key" not in position:
            return
        for _, row in rows:
            key = _at(row, position["key"])
            if key is None:
                continue
            key = str(key).strip()
            self.custom_keys.add(key)
            for attr in ("label_da", "label_en"):  # the name the exporter may show instead
                name = _at(row, position.get(attr))
                if isinstance(name, str) and name.strip():
                    self.custom_by_name.setdefault(norm_label(name), key)

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
        self.missing(ws.title, header, {"owner_id", "sheet", "field"}, LIST_COLUMNS)
        order = 0
        special = self._marked_cells(ws.title)
        letters = {c.attr: column_letter(i + 1) for i, c in header.items()}
        where = f"{ws.title}!"
        for number, row in rows:
            values = {c.attr: (row[i] if i < len(row) else None) for i, c in header.items()}
            if all(v is None for v in values.values()):
                continue
            faults = False
            for i, c in header.items():
                raw = values[c.attr]
                if special and (number, i + 1) in special:
                    raw = self._special(
                        f"{where}{letters[c.attr]}{number}", (number, i + 1), raw, ws.title
                    )
                elif raw.__class__ is bool:
                    raw = self._logical(f"{where}{letters[c.attr]}{number}", raw)
                faults = faults or raw is _FAILED
                values[c.attr] = raw
            if faults:
                continue
            order += 1
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
        if self.missing(title, header, table.required_attrs(), table.columns):
            return
        parsers = [
            (i, column, self._parser(column), column_letter(i + 1))
            for i, column in header.items()
            if column.kind != "derived"
        ]
        letters = {column.attr: letter for _, column, _, letter in parsers}
        beside = self._names_beside(table, header)
        refs = self._refs(table)
        order = 0
        special = self._marked_cells(title)
        for number, row in rows:
            width = len(row)
            values: dict[str, Any] = {}
            empty = True
            bad = False
            for i, column, parse, letter in parsers:
                raw = row[i] if i < width else None
                if special and (number, i + 1) in special:
                    raw = self._special(f"{title}!{letter}{number}", (number, i + 1), raw, title)
                if raw is None:
                    continue
                if raw.__class__ is bool and column.kind != "bool":
                    raw = self._logical(f"{title}!{letter}{number}", raw)
                if raw is _FAILED:
                    bad, empty = True, False
                    values[column.attr] = _FAILED
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
                        Problem(where=f"{title}!{letter}{number}", message=exc.message)
                    )
            if empty:
                continue
            order += 1
            place = Place(title, number, letters)
            if self.template and self._example(table, values, place):
                continue
            given = self.row_ids.get((table.name, number))
            if given is not None and "id" not in values:
                values["id"] = given
            if not self._resolve(refs, values, place):
                bad = True
            if beside and not self._names(beside, row, values, place):
                bad = True
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
                self.generated.add(kwargs["id"])
                if place.letters.get("id"):
                    self.assigned.append(
                        (place.sheet, f"{place.letters['id']}{place.row}", kwargs["id"])
                    )
                elif not place.letters and "id" in self._record_rows:
                    self.assigned.append(
                        (place.sheet, f"B{self._record_rows['id']}", kwargs["id"])
                    )
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
            if child.parent is None:
                owner = None
            elif table.has_id:
                owner = kwargs.get("id")
            else:  # a row without an ID of its own: its parent's key and its number
                owner = owner_key(values.get("parent"), nr)
            pending = self.children.get(child.name, {}).pop(owner, None)
            if pending is not None:
                pending.sort(key=lambda b: (b.nr, b.order))
                if child.name == "entries":
                    self._one_row_per_organisation(pending)
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

    def _one_row_per_organisation(self, entries: list[_Built]) -> None:
        """Two rows of one mapping for the same organisation: an error naming both cells."""
        first: dict[str, tuple[str, str]] = {}
        for built in entries:
            place = self.places.get(id(built.obj))
            letter = place.letters.get("organisation_id", "A") if place else "A"
            cell = f"{place.sheet}!{letter}{place.row}" if place else ""
            org = built.obj.organisation_id
            if org not in first:
                first[org] = (cell, built.obj.id)
                continue
            other, other_id = first[org]
            if built.obj.id in self.generated or other_id in self.generated:
                self.problem(cell, "organisation_twice", other=other)
            else:  # both rows came with IDs (an exported plan the model allows): a warning
                message = say(self.lang, "organisation_twice", other=other)
                warnings.warn(f"{cell}: {message}", WorkbookWarning, stacklevel=5)

    def _model_problem(self, exc: ModelError, place: Place, prefix: str | None) -> None:
        attr = exc.field or ""
        if prefix:
            attr = f"{prefix}.{attr}"
        letter = place.letters.get(attr) or place.letters.get("id") or "A"
        if not place.letters:  # a record sheet: the value column of the field's row
            letter = "B"
        row = place.row if place.letters else self._record_rows.get(attr, place.row)
        self.problems.append(
            Problem(
                where=f"{place.sheet}!{letter}{row}",
                message=exc.message,
                params=_params(**exc.params),
            )
        )

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
            self.missing(title, header, {"field", "value"}, RECORD_COLUMNS)
            return None
        fi, vi = position["field"], position["value"]
        values: dict[str, Any] = {}
        record_rows: dict[str, int] = {}
        special = self._marked_cells(title)
        value_letter = column_letter(vi + 1)
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
            where = f"{title}!{value_letter}{number}"
            if special and (number, vi + 1) in special:
                raw = self._special(where, (number, vi + 1), raw, title)
            if raw.__class__ is bool and match.kind != "bool":
                raw = self._logical(where, raw)
            if raw is None or raw == "" or raw is _FAILED:
                continue
            if isinstance(raw, str) and not raw.strip() and match.kind not in _TEXT_KINDS:
                continue
            try:
                values[match.attr] = self._parser(match)(raw)
            except CellError as exc:
                self.problems.append(Problem(where=where, message=exc.message))
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
            # A JSON path among the values (the other place of a doubled ID) becomes a cell.
            params = {
                k: cell(v) if isinstance(v, str) and v.startswith("$") else v
                for k, v in problem.params.items()
            }
            self.problems.append(
                Problem(
                    where=cell(problem.where), message=problem.message, params=_params(**params)
                )
            )

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
        parse = parser_for(column, self.lang, self.custom_keys)
        if column.kind not in ("focus", "focus_list") or not self.custom_by_name:
            return parse
        names = self.custom_by_name

        def by_name(raw: Any) -> Any:  # the plan's own focus areas shown by name
            if isinstance(raw, str):
                parts = [names.get(norm_label(p), p.strip()) for p in raw.split(",")]
                raw = ", ".join(parts)
            return parse(raw)

        return by_name


_TEXT_KINDS = frozenset({"text", "opt_text"})
#: How a spreadsheet program shows TRUE and FALSE in each language.
_LOGICAL: dict[Lang, tuple[str, str]] = {"da": ("SAND", "FALSK"), "en": ("TRUE", "FALSE")}


def _titles(*sheets: Any) -> frozenset[str]:
    found = set()
    for sheet in sheets:
        for title in (
            sheet.da,
            sheet.en,
            getattr(sheet, "record_da", ""),
            getattr(sheet, "record_en", ""),
        ):
            if title:
                found.add(norm(title))
    return frozenset(found)


#: The sheets of a plan's workbook, and those of the registration template.
_PLAN_SHEETS = _titles(*TABLES, LISTS)
_TEMPLATE_SHEETS = _titles(*(BY_NAME[name] for name in TEMPLATE_TABLES), GUIDE, LOOKUPS)
_KIND_WORDS = {"organisation": N_("organisation"), "contact": N_("contact person")}


@functools.cache
def _ref_kind(table: Table, attr: str) -> str | None:
    """What a column refers to (``organisation``, ``contact``, ...), if it is a reference.

    Asked for each column of each sheet read: remembered.
    """
    cls = table.cls
    if "." in attr:  # the current assessment's fields
        prefix, attr = attr.split(".", 1)
        cls = table.nested.get(prefix, cls)
    field = attrs.fields_dict(cls).get(attr) if attrs.has(cls) else None
    return field.metadata.get(REF) if field is not None else None


def _positions(columns: tuple[Column, ...], header: tuple[Any, ...]) -> dict[str, int]:
    known = {}
    for column in columns:
        known[norm(column.da)] = column.attr
        known[norm(column.en)] = column.attr
    out: dict[str, int] = {}
    for index, text in enumerate(header):
        attr = known.get(norm(text))
        if attr is not None:
            out.setdefault(attr, index)
    return out


def _at(row: tuple[Any, ...], index: int | None) -> Any:
    return row[index] if index is not None and index < len(row) else None


_FAILED = object()  # a cell that could not be read (already reported)


@functools.cache
def _child_tables(table: Table) -> tuple[Table, ...]:
    """The tables whose rows belong to a row of ``table`` (asked for every row: remembered)."""
    return tuple(t for t in TABLES if (t.parent or "plan") == table.name and t.name != table.name)
