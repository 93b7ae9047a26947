"""The names shown beside IDs in an exported workbook.

Wherever a row holds the ID of another row (its parent, an organisation, a contact
person, an effort, a question, ...), the exporter writes that row's name in the column
beside it, so a person reads names and never has to look an ID up. The names come from the
plan behind the export (a part's references point into it); they are never read back.

Rows are found by walking the layout's tree of tables from a root object, the same walk
the exporter writes its rows by (:func:`walk`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ...locale import format_date
from ...model import Lang
from .layout import BY_NAME, Column, Table, _field_info, owner_key

__all__ = ["Names", "Row", "walk"]

Row = tuple[str | None, int | None, Any]
"""A row: the parent's key, the position within the parent, the object."""

#: The table holding the rows each kind of reference points at.
_TARGETS: dict[str, tuple[str, ...]] = {
    "organisation": ("organisations",),
    "contact": ("contacts",),
    "indsats": ("indsatser",),
    "dialogue_tool": ("dialogue_tools",),
    "question": ("questions",),
    "workshop": ("workshops",),
    "piece": ("pieces",),
    "output": (
        "mappings",
        "dialogue_sessions",
        "value_games",
        "collaboration_agreements",
        "activity_agreements",
        "workshops",
        "indsatser",
    ),
}


def walk(root: Any, root_name: str, table: Table) -> Iterator[Row]:
    """The objects of ``table`` below ``root`` (of table ``root_name``), each with its
    parent's key and its position; the current assessment is on its entry's row, so only
    the earlier ones are rows of their own."""
    if table.name == root_name:
        yield None, None, root
        return
    if table.name == "plan" or (table.parent is None and root_name != "plan"):
        return  # the plan, or a direct part of it, is not below the part exported
    parent = BY_NAME[table.parent or "plan"]
    for parent_key, parent_nr, owner in walk(root, root_name, parent):
        items = getattr(owner, table.field)
        if table.name == "assessments":
            items = items[:-1]
        key = owner.id if parent.has_id else owner_key(parent_key, parent_nr)
        for index, item in enumerate(items, 1):
            yield key, index, item


class Names:
    """The name of every row of the plan (or of the exported part) by its key."""

    def __init__(self, root: Any, root_name: str, lang: Lang) -> None:
        self.root, self.root_name, self.lang = root, root_name, lang
        self._by_table: dict[str, dict[Any, str]] = {}

    def getter(self, table: Table, column: Column) -> Callable[[Row], str | None]:
        """The names for ``column`` (a column of names) of ``table``, from a row."""
        source = next(c for c in table.columns if c.attr == column.of)
        if source.kind == "parent":
            parents = self.of(table.parent or "plan")
            return lambda row: parents.get(row[0])
        kind = _field_info(table.cls, source.attr).ref or "output"
        index: dict[Any, str] = {}
        for target in reversed(_TARGETS.get(kind, _TARGETS["output"])):  # a new kind: any
            index.update(self.of(target))
        get = source.getter
        if source.kind == "refs":
            return lambda row: ", ".join(index.get(v, v) for v in get(row[2])) or None
        scope = self._scope(table, kind)

        def name(row: Row) -> str | None:
            ident = get(row[2])
            if not ident:
                return None
            return index.get((scope(row), ident)) or index.get(ident)

        return name

    def row_name(self, table: Table, row: Row) -> str | None:
        """The name of ``row`` of ``table`` itself."""
        key = _key(row[2]) if table.has_id else owner_key(row[0], row[1])
        return self.of(table.name).get(key)

    def _scope(self, table: Table, kind: str) -> Callable[[Row], Any]:
        """What a reference is unique within: a piece within its value game, a question
        within the session's tool; other IDs within the plan."""
        if kind == "piece":
            return lambda row: row[0]
        if kind == "question":
            tools = {s.id: s.tool_id for _, _, s in self._rows("dialogue_sessions")}
            return lambda row: tools.get(row[0])
        return lambda row: None

    def of(self, table_name: str) -> dict[Any, str]:
        """The names of ``table_name``'s rows by key (and by parent key and key, for rows
        whose keys are unique within their parent only)."""
        found = self._by_table.get(table_name)
        if found is None:
            found = self._by_table[table_name] = self._index(BY_NAME[table_name])
        return found

    def _rows(self, table_name: str) -> Iterator[Row]:
        return walk(self.root, self.root_name, BY_NAME[table_name])

    def _index(self, table: Table) -> dict[Any, str]:
        name = self._namer(table)
        found: dict[Any, str] = {}
        for parent_key, nr, obj in self._rows(table.name):
            text = name(parent_key, obj)
            if not text:
                continue
            if table.has_id:
                found.setdefault(_key(obj), text)
                found[(parent_key, _key(obj))] = text
            else:
                found[owner_key(parent_key, nr)] = text
        return found

    def _namer(self, table: Table) -> Callable[[str | None, Any], str | None]:
        lang = self.lang
        if table.name == "entries":
            orgs = self.of("organisations")
            return lambda _, entry: orgs.get(entry.organisation_id)
        if table.name == "meetings":
            groups = self.of("groups")
            return lambda group, meeting: _joined(groups.get(group), _date(meeting.date, lang))
        if table.name == "dialogue_sessions":
            orgs = self.of("organisations")

            def session(_: Any, s: Any) -> str | None:
                about = orgs.get(s.about_organisation_id or s.organisation_id)
                return _joined(about, _date(s.date, lang))

            return session
        return lambda _, obj: name_of(obj, lang)


def name_of(obj: Any, lang: Lang) -> str | None:
    """What a row is called: its name, title, activity or label (in ``lang`` where it has
    one in each language)."""
    for attr in ("name", "title", "activity", "label", "text"):
        value = getattr(obj, attr, None)
        if callable(value):
            value = value(lang)
        if isinstance(value, str) and value:
            return value
    return None


def _key(obj: Any) -> Any:
    return getattr(obj, "id", None) or getattr(obj, "key", None)


def _date(value: Any, lang: Lang) -> str | None:
    return format_date(value, lang, format="short") if value is not None else None


def _joined(*parts: str | None) -> str | None:
    return ", ".join(p for p in parts if p) or None
