"""Flat rows: every entity of a plan as a plain dict with stable English column names.

Made for pipelines: ``pandas.DataFrame(rows(plans, "mapping_entry"))``, CSV files, a
database table, :meth:`Portfolio.to_arrow <cfbu_toolkit.Portfolio.to_arrow>` and
:meth:`~cfbu_toolkit.Portfolio.to_parquet`. The library itself does not depend on pandas.

The choices, so downstream code can rely on them:

* every row carries ``plan_id`` and the ids of its own entity and its parents
  (``mapping_id``, ``mapping_entry_id``, ...), named ``<kind>_id``, so tables join on
  columns of the same name; children without an id of their own carry a ``position``
  (0-based ``int``) instead;
* values are typed: dates are :class:`datetime.date`, times :class:`datetime.time`,
  counts and amounts ``int``, flags ``bool``; enumerations are their stable values
  (``"active"``, plain ``str``), never labels; missing values are ``None``;
* a list (of ids, enumeration values or lines of free text) is a tuple; a column's
  :attr:`Column.separator` says how a format without lists (CSV) joins it;
* a mapping entry carries its current assessment (``status``, ``relevance``,
  ``interest``, ``influence``, ``assessed_on``); the whole history is the
  ``assessment`` table.

The columns are derived from the one description of the model's fields
(:mod:`cfbu_toolkit.model._fields`): a field added to a model class appears in its table.
:data:`TABLES` describes every table (column types, allowed values, personal data,
primary and foreign keys); exporters such as the data-package plugin build their schemas
from it. Rows hold what the plan holds: apply :func:`cfbu_toolkit.redact` first to leave out
or pseudonymise personal data.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from operator import attrgetter
from typing import Any, Literal

import attrs

from ..errors import CfbuError
from ..io.collector import collector_paused
from ..locale import N_, translate
from ..model import (
    ActivityAgreement,
    AgendaItem,
    AgreementParty,
    AgreementSection,
    Assessment,
    ChildCertificate,
    CoFinancing,
    CollaborationAgreement,
    ContactPerson,
    DialogueAnswer,
    DialogueQuestion,
    DialogueSession,
    DialogueTool,
    FocusArea,
    FollowUp,
    Goal,
    Group,
    Indsats,
    Lang,
    MappingEntry,
    Meeting,
    Membership,
    Organisation,
    Placement,
    Plan,
    ValueGame,
    ValuePiece,
    Workshop,
)
from ..model import Mapping as MappingModel
from ..model._fields import FieldInfo, FieldKind, derived, describe

__all__ = [
    "TABLES",
    "Column",
    "ColumnType",
    "ForeignKey",
    "Table",
    "plan_rows",
    "rows",
]

ColumnType = Literal["text", "integer", "decimal", "boolean", "date", "time", "enum", "list"]
"""What a column holds. A ``"list"`` column holds a tuple of :attr:`Column.item_type`."""

#: Joins a list of identifiers or enumeration values in one cell (CSV).
ID_SEPARATOR = ";"
#: Joins a list of free-text lines in one cell (CSV).
TEXT_SEPARATOR = "\n"

EnumType = type[enum.Enum]


@attrs.frozen(kw_only=True)
class Column:
    """One column: its name, its type, and what the model says about its values."""

    name: str
    type: ColumnType = "text"
    item_type: ColumnType | None = None
    """The type of each item of a ``"list"`` column."""
    values: tuple[str, ...] = ()
    """An enumeration's stable values (of the column, or of each item of a list); empty
    when any value goes."""
    enum: EnumType | None = None
    personal: bool = False
    """Whether the column holds personal data (see :mod:`cfbu_toolkit.privacy`)."""
    ref: str | None = None
    """What an id column points at (``"organisation"``, ``"contact"``, ...)."""
    separator: str | None = None
    """What joins a list's items where a cell holds one text (CSV)."""
    required: bool = False
    """Whether every row has a value (never ``None``)."""
    field: str | None = None
    """The model field the column comes from (``"name"``, ``"period.start"``,
    ``"current.status"``); ``None`` for the key columns of parents and positions."""
    kind: FieldKind | None = None
    """What the model field holds (``"free_text"``, ``"reference"``, ...)."""


@attrs.frozen(kw_only=True)
class ForeignKey:
    """``columns`` of this table refer to ``table_columns`` of ``table``."""

    columns: tuple[str, ...]
    table: str
    table_columns: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Table:
    """A kind of row: its columns in order, its primary key and its foreign keys."""

    kind: str
    title: str
    """The table's name for people, in English (translated by :meth:`label`)."""
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    cls: type[Any] | None = None
    """The model class a row describes (``None`` for derived tables such as focus areas)."""

    @property
    def column_names(self) -> tuple[str, ...]:
        """The names of the columns, in order."""
        return tuple(c.name for c in self.columns)

    def label(self, lang: Lang = "da") -> str:
        """The table's name for people in ``lang``."""
        return translate(self.title, lang)

    @property
    def label_da(self) -> str:
        """The Danish name."""
        return self.label("da")

    @property
    def label_en(self) -> str:
        """The English name."""
        return self.label("en")

    def column(self, name: str) -> Column:
        """The column called ``name``."""
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


# -- columns from the model's fields ------------------------------------------------------

_TYPES: dict[FieldKind, ColumnType] = {
    "id": "text",
    "text": "text",
    "free_text": "text",
    "reference": "text",
    "integer": "integer",
    "decimal": "decimal",
    "boolean": "boolean",
    "date": "date",
    "time": "time",
    "enum": "enum",
}

Cell = Callable[[Any], Any]


def _enum_value(value: Any) -> Any:
    return None if value is None else value._value_


def _enum_values(values: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple([member._value_ for member in values])


@attrs.frozen
class _Cell:
    """Where a column's value comes from: an attribute path and, if needed, a conversion."""

    path: str
    convert: Cell | None = None


def _column(info: FieldInfo, name: str, path: str, top: bool) -> tuple[Column, _Cell]:
    """A column from a field: its description, and how a row gets its value."""
    item_type = _TYPES[info.kind]
    values = tuple(m.value for m in info.enum) if info.enum is not None else ()
    cell = _Cell(path)
    if info.enum is not None:
        if info.many:
            cell = _Cell(path, _enum_values)
        elif info.nullable:
            cell = _Cell(path, _enum_value)
        else:
            cell = _Cell(f"{path}._value_")
    column = Column(
        name=name,
        type="list" if info.many else item_type,
        item_type=item_type if info.many else None,
        values=values,
        enum=info.enum,
        personal=info.personal,
        ref=info.ref,
        separator=(
            (TEXT_SEPARATOR if info.kind == "free_text" else ID_SEPARATOR) if info.many else None
        ),
        required=top and info.required and not info.nullable,
        field=path,
        kind=info.kind,
    )
    return column, cell


def _field_columns(
    cls: type[Any], extra: Mapping[str, tuple[tuple[str, str], ...]], children: set[type[Any]]
) -> list[tuple[Column, _Cell]]:
    """Every column a row of ``cls`` holds besides its keys, in the model's order.

    A field becomes a column; a nested object (a period) becomes one column per field of
    it (``period_start``); a list of nested objects is a table of its own (one of
    ``children``), or replaced by the ``extra`` columns named for it (``(column, path)``).
    The own ``id`` is a key column; fields listed in ``NOT_DERIVED`` are left out.
    """
    found: list[tuple[Column, _Cell]] = []
    for info in derived("rows", cls):
        if info.name in extra:
            for name, path in extra[info.name]:
                found.append(_path_column(cls, name, path))
        elif info.kind == "id":
            continue
        elif info.target is not None and info.many:
            if info.target not in children:
                raise TypeError(f"{cls.__name__}.{info.name}: no table holds its items")
        elif info.target is not None:
            for inner in derived("rows", info.target):
                path = f"{info.name}.{inner.name}"
                found.append(_column(inner, path.replace(".", "_"), path, top=False))
        else:
            found.append(_column(info, info.name, info.name, top=True))
    return found


def _path_column(cls: type[Any], name: str, path: str) -> tuple[Column, _Cell]:
    """A column from a property path such as ``current.status`` (``current`` an object)."""
    head, _, tail = path.partition(".")
    owner = typing.get_type_hints(getattr(cls, head).fget)["return"]
    info = next(f for f in describe(owner) if f.name == tail)
    return _column(info, name, path, top=False)


# -- the tables ---------------------------------------------------------------------------

Batch = tuple[tuple[Any, ...], Sequence[Any]]
"""The keys that the rows of some objects share (the plan's id, the parent's id), and the
objects."""
Walk = Callable[[Plan], Iterable[Batch]]


@attrs.frozen
class _Def:
    table: Table
    walk: Walk
    cells: tuple[_Cell, ...]
    """Where the values after the walk's keys (and the position) come from."""
    position: bool


def _key(
    name: str, ref: str | None = None, type: ColumnType = "text", *, own: bool = False
) -> Column:
    return Column(
        name=name,
        type=type,
        ref=ref,
        required=True,
        field="id" if own else None,
        kind="id" if own else ("reference" if ref is not None else None),
    )


_PLAN_KEY = _key("plan_id", "plan")
_POSITION = _key("position", type="integer")


def _fk(
    columns: Iterable[str], table: str, table_columns: Iterable[str] | None = None
) -> ForeignKey:
    cols = tuple(columns)
    return ForeignKey(
        columns=cols,
        table=table,
        table_columns=tuple(table_columns) if table_columns is not None else cols,
    )


def _to_plan() -> ForeignKey:
    return _fk(["plan_id"], "plan")


def _org_fk(column: str) -> ForeignKey:
    return _fk(["plan_id", column], "organisation", ["plan_id", "organisation_id"])


def _contact_fk(column: str) -> ForeignKey:
    return _fk(["plan_id", column], "contact", ["plan_id", "contact_id"])


def _indsats_fk(column: str = "indsats_id") -> ForeignKey:
    return _fk(["plan_id", column], "indsats", ["plan_id", "indsats_id"])


@attrs.frozen(kw_only=True)
class _Spec:
    kind: str
    title: str
    cls: type[Any]
    keys: tuple[Column, ...]
    walk: Walk
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    extra: Mapping[str, tuple[tuple[str, str], ...]] = attrs.field(factory=dict)


def _spec(
    kind: str,
    title: str,
    cls: type[Any],
    keys: Iterable[Column],
    walk: Walk,
    primary_key: Iterable[str],
    foreign_keys: Iterable[ForeignKey] = (),
    extra: Mapping[str, tuple[tuple[str, str], ...]] | None = None,
) -> _Spec:
    return _Spec(
        kind=kind,
        title=title,
        cls=cls,
        keys=tuple(keys),
        walk=walk,
        primary_key=tuple(primary_key),
        foreign_keys=tuple(foreign_keys),
        extra=extra or {},
    )


def _walk_entries(plan: Plan) -> Iterator[Batch]:
    for mapping in plan.mappings:
        yield (plan.id, mapping.id), mapping.entries


def _walk_assessments(plan: Plan) -> Iterator[Batch]:
    for mapping in plan.mappings:
        for entry in mapping.entries:
            yield (plan.id, mapping.id, entry.id), entry.assessments


def _walk_follow_ups(plan: Plan) -> Iterator[Batch]:
    for group in plan.groups:
        for position, meeting in enumerate(group.meetings):
            yield (plan.id, group.id, position), meeting.follow_ups


def _walk_sections(plan: Plan) -> Iterator[Batch]:
    for agreement in plan.collaboration_agreements:
        yield (plan.id, "collaboration_agreement", agreement.id), agreement.sections
    for activity in plan.activity_agreements:
        yield (plan.id, "activity_agreement", activity.id), activity.sections


def _children(parents: Callable[[Plan], Iterable[Any]], children: str) -> Walk:
    """A walk over ``parent.<children>`` of each parent, keyed by plan and parent id."""
    get = attrgetter(children)

    def walk(plan: Plan) -> Iterator[Batch]:
        for parent in parents(plan):
            yield (plan.id, parent.id), get(parent)

    return walk


def _own(items: Callable[[Plan], Sequence[Any]]) -> Walk:
    """A walk over a plan's own list, keyed by plan id."""

    def walk(plan: Plan) -> Iterator[Batch]:
        yield (plan.id,), items(plan)

    return walk


_SPECS: tuple[_Spec, ...] = (
    _spec(
        "plan",
        N_("Plans"),
        Plan,
        [_key("plan_id", own=True)],
        lambda plan: [((), (plan,))],
        ["plan_id"],
    ),
    _spec(
        "organisation",
        N_("Organisations"),
        Organisation,
        [_PLAN_KEY, _key("organisation_id", own=True)],
        _own(lambda p: p.organisations),
        ["plan_id", "organisation_id"],
        [_to_plan()],
    ),
    _spec(
        "contact",
        N_("Contact persons"),
        ContactPerson,
        [_PLAN_KEY, attrs.evolve(_key("contact_id", "contact", own=True), personal=True)],
        _own(lambda p: p.contacts),
        ["plan_id", "contact_id"],
        [_to_plan(), _org_fk("organisation_id")],
    ),
    _spec(
        "indsats",
        N_("Efforts"),
        Indsats,
        [_PLAN_KEY, _key("indsats_id", own=True)],
        _own(lambda p: p.indsatser),
        ["plan_id", "indsats_id"],
        [_to_plan(), _org_fk("owner_organisation_id")],
    ),
    _spec(
        "goal",
        N_("Goals"),
        Goal,
        [_PLAN_KEY, _key("indsats_id", "indsats"), _POSITION],
        _children(lambda p: p.indsatser, "goals"),
        ["plan_id", "indsats_id", "position"],
        [_indsats_fk()],
    ),
    _spec(
        "cofinancing",
        N_("Co-financing"),
        CoFinancing,
        [_PLAN_KEY, _POSITION],
        _own(lambda p: p.cofinancing),
        ["plan_id", "position"],
        [_to_plan(), _org_fk("organisation_id")],
    ),
    _spec(
        "group",
        N_("Groups"),
        Group,
        [_PLAN_KEY, _key("group_id", own=True)],
        _own(lambda p: p.groups),
        ["plan_id", "group_id"],
        [_to_plan()],
    ),
    _spec(
        "group_member",
        N_("Group members"),
        Membership,
        [_PLAN_KEY, _key("group_id", "group")],
        _children(lambda p: p.groups, "members"),
        ["plan_id", "group_id", "contact_id"],
        [
            _fk(["plan_id", "group_id"], "group"),
            _contact_fk("contact_id"),
            _org_fk("organisation_id"),
        ],
    ),
    _spec(
        "meeting",
        N_("Meetings"),
        Meeting,
        [_PLAN_KEY, _key("group_id", "group"), _POSITION],
        _children(lambda p: p.groups, "meetings"),
        ["plan_id", "group_id", "position"],
        [_fk(["plan_id", "group_id"], "group")],
    ),
    _spec(
        "meeting_follow_up",
        N_("Meeting follow-ups"),
        FollowUp,
        [
            _PLAN_KEY,
            _key("group_id", "group"),
            _key("meeting_position", type="integer"),
            _POSITION,
        ],
        _walk_follow_ups,
        ["plan_id", "group_id", "meeting_position", "position"],
        [
            _fk(
                ["plan_id", "group_id", "meeting_position"],
                "meeting",
                ["plan_id", "group_id", "position"],
            ),
            _contact_fk("owner_id"),
        ],
    ),
    _spec(
        "mapping",
        N_("Mappings"),
        MappingModel,
        [_PLAN_KEY, _key("mapping_id", own=True)],
        _own(lambda p: p.mappings),
        ["plan_id", "mapping_id"],
        [_to_plan(), _indsats_fk()],
    ),
    _spec(
        "mapping_entry",
        N_("Mapping entries"),
        MappingEntry,
        [_PLAN_KEY, _key("mapping_id", "mapping"), _key("mapping_entry_id", own=True)],
        _walk_entries,
        ["plan_id", "mapping_entry_id"],
        [
            _fk(["plan_id", "mapping_id"], "mapping"),
            _org_fk("organisation_id"),
            _contact_fk("contact_id"),
            _contact_fk("responsible_id"),
        ],
        extra={
            # The current assessment in the entry's row; the history is its own table.
            "assessments": (
                ("status", "current.status"),
                ("relevance", "current.relevance"),
                ("interest", "current.interest"),
                ("influence", "current.influence"),
                ("assessed_on", "current.date"),
            )
        },
    ),
    _spec(
        "assessment",
        N_("Assessments"),
        Assessment,
        [
            _PLAN_KEY,
            _key("mapping_id", "mapping"),
            _key("mapping_entry_id", "mapping_entry"),
            _POSITION,
        ],
        _walk_assessments,
        ["plan_id", "mapping_entry_id", "position"],
        [_fk(["plan_id", "mapping_entry_id"], "mapping_entry"), _contact_fk("assessed_by")],
    ),
    _spec(
        "dialogue_tool",
        N_("Dialogue tools"),
        DialogueTool,
        [_PLAN_KEY, _key("dialogue_tool_id", own=True)],
        _own(lambda p: p.dialogue_tools),
        ["plan_id", "dialogue_tool_id"],
        [_to_plan()],
    ),
    _spec(
        "dialogue_question",
        N_("Dialogue questions"),
        DialogueQuestion,
        [_PLAN_KEY, _key("dialogue_tool_id", "dialogue_tool"), _key("question_id", own=True)],
        _children(lambda p: p.dialogue_tools, "questions"),
        ["plan_id", "dialogue_tool_id", "question_id"],
        [_fk(["plan_id", "dialogue_tool_id"], "dialogue_tool")],
    ),
    _spec(
        "dialogue_session",
        N_("Dialogue sessions"),
        DialogueSession,
        [_PLAN_KEY, _key("dialogue_session_id", own=True)],
        _own(lambda p: p.dialogue_sessions),
        ["plan_id", "dialogue_session_id"],
        [
            _to_plan(),
            _fk(["plan_id", "tool_id"], "dialogue_tool", ["plan_id", "dialogue_tool_id"]),
            _org_fk("organisation_id"),
            _org_fk("about_organisation_id"),
            _contact_fk("facilitator_id"),
        ],
    ),
    _spec(
        "dialogue_answer",
        N_("Dialogue answers"),
        DialogueAnswer,
        [_PLAN_KEY, _key("dialogue_session_id", "dialogue_session")],
        _children(lambda p: p.dialogue_sessions, "answers"),
        ["plan_id", "dialogue_session_id", "question_id"],
        [_fk(["plan_id", "dialogue_session_id"], "dialogue_session")],
    ),
    _spec(
        "collaboration_agreement",
        N_("Collaboration agreements"),
        CollaborationAgreement,
        [_PLAN_KEY, _key("collaboration_agreement_id", own=True)],
        _own(lambda p: p.collaboration_agreements),
        ["plan_id", "collaboration_agreement_id"],
        [_to_plan(), _indsats_fk()],
    ),
    _spec(
        "agreement_party",
        N_("Agreement parties"),
        AgreementParty,
        [_PLAN_KEY, _key("collaboration_agreement_id", "collaboration_agreement")],
        _children(lambda p: p.collaboration_agreements, "parties"),
        ["plan_id", "collaboration_agreement_id", "organisation_id"],
        [
            _fk(["plan_id", "collaboration_agreement_id"], "collaboration_agreement"),
            _org_fk("organisation_id"),
            _contact_fk("signatory_id"),
            _contact_fk("contact_id"),
        ],
    ),
    _spec(
        "activity_agreement",
        N_("Activity agreements"),
        ActivityAgreement,
        [_PLAN_KEY, _key("activity_agreement_id", own=True)],
        _own(lambda p: p.activity_agreements),
        ["plan_id", "activity_agreement_id"],
        [
            _to_plan(),
            _indsats_fk(),
            _org_fk("volunteer_organisation_id"),
            _contact_fk("volunteer_contact_id"),
            _contact_fk("housing_contact_id"),
        ],
    ),
    _spec(
        "child_certificate",
        N_("Child certificates"),
        ChildCertificate,
        [_PLAN_KEY, _key("activity_agreement_id", "activity_agreement")],
        _children(lambda p: p.activity_agreements, "child_certificates"),
        ["plan_id", "activity_agreement_id", "contact_id"],
        [
            _fk(["plan_id", "activity_agreement_id"], "activity_agreement"),
            _contact_fk("contact_id"),
        ],
    ),
    _spec(
        "agreement_section",
        N_("Agreement sections"),
        AgreementSection,
        [
            _PLAN_KEY,
            Column(
                name="agreement_kind",
                type="enum",
                values=("collaboration_agreement", "activity_agreement"),
                required=True,
            ),
            _key("agreement_id"),
            _POSITION,
        ],
        _walk_sections,
        ["plan_id", "agreement_kind", "agreement_id", "position"],
        [_to_plan()],
    ),
    _spec(
        "value_game",
        N_("Value games"),
        ValueGame,
        [_PLAN_KEY, _key("value_game_id", own=True)],
        _own(lambda p: p.value_games),
        ["plan_id", "value_game_id"],
        [_to_plan(), _indsats_fk(), _fk(["plan_id", "workshop_id"], "workshop")],
    ),
    _spec(
        "value_piece",
        N_("Value pieces"),
        ValuePiece,
        [_PLAN_KEY, _key("value_game_id", "value_game"), _key("piece_id", own=True)],
        _children(lambda p: p.value_games, "pieces"),
        ["plan_id", "value_game_id", "piece_id"],
        [_fk(["plan_id", "value_game_id"], "value_game")],
    ),
    _spec(
        "value_placement",
        N_("Value placements"),
        Placement,
        [_PLAN_KEY, _key("value_game_id", "value_game")],
        _children(lambda p: p.value_games, "placements"),
        ["plan_id", "value_game_id", "piece_id", "organisation_id"],
        [
            _fk(["plan_id", "value_game_id", "piece_id"], "value_piece"),
            _org_fk("organisation_id"),
        ],
    ),
    _spec(
        "workshop",
        N_("Workshops"),
        Workshop,
        [_PLAN_KEY, _key("workshop_id", own=True)],
        _own(lambda p: p.workshops),
        ["plan_id", "workshop_id"],
        [_to_plan()],
    ),
    _spec(
        "agenda_item",
        N_("Agenda items"),
        AgendaItem,
        [_PLAN_KEY, _key("workshop_id", "workshop"), _POSITION],
        _children(lambda p: p.workshops, "agenda"),
        ["plan_id", "workshop_id", "position"],
        [_fk(["plan_id", "workshop_id"], "workshop")],
    ),
)


def _build(spec: _Spec, children: set[type[Any]]) -> _Def:
    made = _field_columns(spec.cls, spec.extra, children)
    table = Table(
        kind=spec.kind,
        title=spec.title,
        columns=(*spec.keys, *(c for c, _ in made)),
        primary_key=spec.primary_key,
        foreign_keys=spec.foreign_keys,
        cls=spec.cls,
    )
    own = [_Cell("id")] if any(k.field == "id" for k in spec.keys) else []
    cells = (*own, *(cell for _, cell in made))
    return _Def(table, spec.walk, cells, position=_POSITION in spec.keys)


_HELD = {spec.cls for spec in _SPECS}
_DEFS: tuple[_Def, ...] = tuple(_build(spec, _HELD) for spec in _SPECS)


def _focus_area_rows(plan: Plan) -> list[dict[str, Any]]:
    custom = {area.key: area for area in plan.custom_focus_areas}
    keys = [*plan.focus_areas, *(k for k in custom if k not in plan.focus_areas)]
    return [
        {
            "plan_id": plan.id,
            "focus_area_key": key,
            "position": position,
            "label_da": plan.focus_area_label(key, "da"),
            "label_en": plan.focus_area_label(key, "en"),
            "custom": key not in FocusArea._value2member_map_,
            "in_plan": key in plan.focus_areas,
        }
        for position, key in enumerate(keys)
    ]


_FOCUS_AREA = Table(
    kind="focus_area",
    title=N_("Focus areas"),
    columns=(
        _PLAN_KEY,
        Column(name="focus_area_key", required=True, field="key", kind="text"),
        Column(name="position", type="integer", required=True),
        Column(name="label_da", required=True, field="label_da", kind="text"),
        Column(name="label_en", required=True, field="label_en", kind="text"),
        Column(name="custom", type="boolean", required=True),
        Column(name="in_plan", type="boolean", required=True),
    ),
    primary_key=("plan_id", "focus_area_key"),
    foreign_keys=(_to_plan(),),
)

_BY_KIND: dict[str, _Def] = {d.table.kind: d for d in _DEFS}

#: Every table, by kind, in an order where a table comes after those it refers to.
TABLES: Mapping[str, Table] = {
    "plan": _BY_KIND["plan"].table,
    "focus_area": _FOCUS_AREA,
    **{d.table.kind: d.table for d in _DEFS if d.table.kind != "plan"},
}

RowMaker = Callable[[Plan], list[dict[str, Any]]]


def _row_maker(defn: _Def) -> RowMaker:
    """The function making one table's rows of a plan.

    Per row: one C-level fetch of every attribute (:func:`operator.attrgetter`), the keys
    the walk gives for a batch of objects, one ``dict``; then the few conversions that a
    fetch cannot do (optional enumerations, lists of them)."""
    names = defn.table.column_names
    walk = defn.walk
    paths = [cell.path for cell in defn.cells]
    converts = [(names[-len(paths) + i], c.convert) for i, c in enumerate(defn.cells) if c.convert]
    if len(paths) == 1:
        single = attrgetter(paths[0])

        def fetch(obj: Any) -> tuple[Any, ...]:
            return (single(obj),)

    else:
        fetch = attrgetter(*paths)  # type: ignore[assignment]

    width = len(names) - len(paths) - defn.position

    def make(plan: Plan) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for keys, objects in walk(plan):
            # The lengths are checked once a batch, so each row's zip need not (it is the
            # hot loop of every roll-up).
            if len(keys) != width:
                raise AssertionError(f"{defn.table.kind}: {len(keys)} keys, expected {width}")
            if defn.position:
                found += [
                    dict(zip(names, (*keys, index, *fetch(obj))))  # noqa: B905
                    for index, obj in enumerate(objects)
                ]
            else:
                found += [dict(zip(names, keys + fetch(obj))) for obj in objects]  # noqa: B905
        for name, convert in converts:
            for row in found:
                row[name] = convert(row[name])
        return found

    return make


_MAKERS: dict[str, RowMaker] = {
    "focus_area": _focus_area_rows,
    **{kind: _row_maker(defn) for kind, defn in _BY_KIND.items()},
}


def _maker(kind: str) -> RowMaker:
    try:
        return _MAKERS[kind]
    except KeyError:
        raise CfbuError(
            N_("unknown row kind {kind!r}; expected one of {kinds}"),
            kind=kind,
            kinds=", ".join(TABLES),
        ) from None


def plan_rows(plan: Plan, kind: str) -> Iterator[dict[str, Any]]:
    """The rows of one kind (``"mapping_entry"``, ...) in one plan, in the plan's order."""
    return iter(_maker(kind)(plan))


def rows(plans: Iterable[Plan], kind: str) -> list[dict[str, Any]]:
    """The rows of one kind across ``plans``, plan by plan.

    Tens of thousands of dicts that live on and form no cycles: made with the cyclic
    garbage collector paused, as a document is read, so no collection walks the plans
    again and again meanwhile."""
    make = _maker(kind)
    found: list[dict[str, Any]] = []
    with collector_paused():
        for plan in plans:
            found += make(plan)
    return found
