"""Flat rows: every entity of a plan as a plain dict with stable English column names.

Made for pipelines: ``pandas.DataFrame(rows(plans, "mapping_entry"))``, CSV files, a
database table. The library itself does not depend on pandas.

The choices, so downstream code can rely on them:

* every row carries ``plan_id`` and the ids of its own entity and its parents
  (``mapping_id``, ``mapping_entry_id``, ...), named ``<kind>_id``, so tables join on
  columns of the same name; children without an id of their own carry a ``position``
  (0-based) instead;
* enumerations are their stable values (``"active"``), plain ``str``, never labels;
* dates are ISO strings (``"2025-03-01"``), times ``"HH:MM"``, so rows are JSON- and
  CSV-ready as they are; ``pandas.to_datetime`` turns a column into dates when wanted;
* missing values are ``None``; a list of ids or enumeration values is joined by ``";"``
  (neither can contain one), a list of free-text lines by a line break;
* a mapping entry carries its current assessment (``status``, ``relevance``,
  ``interest``, ``influence``, ``assessed_on``); the whole history is the
  ``assessment`` table.

:data:`TABLES` describes every table (column types, allowed values, personal data,
primary and foreign keys); exporters such as the data-package plugin build their schemas
from it. Rows hold what the plan holds: apply :func:`cfbu_toolkit.redact` first to leave out
or pseudonymise personal data.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Literal

import attrs

from ..errors import CfbuError
from ..locale import N_
from ..model import (
    ActivityAgreement,
    AgendaItem,
    AgreementParty,
    AgreementSection,
    Assessment,
    CoFinancing,
    CollaborationAgreement,
    ContactPerson,
    DialogueAnswer,
    DialogueQuestion,
    DialogueSession,
    DialogueTool,
    FocusArea,
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
from ..model._base import PII, REF

__all__ = ["TABLES", "Column", "ColumnType", "ForeignKey", "Table", "plan_rows", "rows"]

ColumnType = Literal["string", "integer", "number", "boolean", "date"]

#: Joins a list of identifiers or enumeration values in one cell.
ID_SEPARATOR = ";"
#: Joins a list of free-text lines in one cell.
TEXT_SEPARATOR = "\n"


EnumType = type[enum.Enum]


@attrs.frozen(kw_only=True)
class Column:
    """One column: its name, its type, and what the model says about its values."""

    name: str
    type: ColumnType = "string"
    values: tuple[str, ...] = ()
    """The allowed values (an enumeration's stable values); empty when any value goes."""
    enum: EnumType | None = None
    personal: bool = False
    """Whether the column holds personal data (see :mod:`cfbu_toolkit.privacy`)."""
    ref: str | None = None
    """What an id column points at (``"organisation"``, ``"contact"``, ...)."""
    separator: str | None = None
    """For a list in one cell: what joins its items."""
    required: bool = False
    """Whether every row has a value (never ``None``)."""


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
    label_da: str
    label_en: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def label(self, lang: Lang = "da") -> str:
        return self.label_en if lang == "en" else self.label_da


# -- building the tables from the model ---------------------------------------------------

Walk = Callable[[Plan], Iterable[tuple[tuple[Any, ...], Any]]]


@attrs.frozen
class _Def:
    table: Table
    walk: Walk
    cells: tuple[str, ...]
    """One Python expression over ``obj`` per column after the key columns."""


def _resolve(cls: type[Any], path: str) -> tuple[Any, attrs.Attribute[Any] | None]:
    """The type at ``path`` (``"period.start"``, ``"current.status"``) and its attrs field."""
    annotation: Any = cls
    field: attrs.Attribute[Any] | None = None
    for part in path.split("."):
        hints = typing.get_type_hints(annotation)
        if part in hints and attrs.has(annotation):
            field = attrs.fields_dict(annotation)[part]
            annotation = hints[part]
        else:
            prop = getattr(annotation, part)
            annotation = typing.get_type_hints(prop.fget)["return"]
            field = None
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if typing.get_origin(annotation) in (typing.Union, _UnionType) and len(args) == 1:
            annotation = args[0]
    return annotation, field


_UnionType = type(int | None)


def _expression(path: str, annotation: Any, separator: str | None) -> str:
    """The Python expression turning ``obj.<path>`` into a cell value.

    Row functions are compiled from these (see :func:`_row_maker`): flattening a large
    portfolio is then a plain loop, without a function call per cell.
    """
    value = f"obj.{path}"
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return f"(None if (v := {value}) is None else v._value_)"
    if annotation is dt.date:
        return f"(None if (v := {value}) is None else v.isoformat())"
    if annotation is dt.time:
        return f"(None if (v := {value}) is None else v.isoformat('minutes'))"
    if separator is not None:
        item = typing.get_args(annotation)[0]
        if isinstance(item, type) and issubclass(item, enum.Enum):
            return f"{separator!r}.join([m._value_ for m in {value}])"
        return f"{separator!r}.join({value})"
    return value


_TYPES: dict[Any, ColumnType] = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    dt.date: "date",
    dt.time: "string",
}


FieldSpec = str | tuple[str, str] | tuple[str, str, str]


def _field_column(cls: type[Any], spec: FieldSpec) -> tuple[Column, str]:
    """A column from a field path; a tuple names the column (and the list separator)."""
    if isinstance(spec, str):
        name, path, joiner = spec.replace(".", "_"), spec, None
    elif len(spec) == 2:
        (name, path), joiner = spec, None
    else:
        name, path, joiner = spec
    annotation, field = _resolve(cls, path)
    metadata: Mapping[str, Any] = field.metadata if field is not None else {}
    if path.startswith("current.") and cls is MappingEntry:
        metadata = attrs.fields_dict(Assessment)[path.split(".", 1)[1]].metadata
    separator = None
    item = annotation
    if typing.get_origin(annotation) is tuple:
        item = typing.get_args(annotation)[0]
        is_text = item is str and metadata.get(REF) is None
        separator = joiner or (TEXT_SEPARATOR if is_text else ID_SEPARATOR)
    is_enum = isinstance(item, type) and issubclass(item, enum.Enum)
    required = (
        field is not None
        and "." not in path
        and field.default is attrs.NOTHING
        and type(None) not in typing.get_args(typing.get_type_hints(cls)[path])
    )
    column = Column(
        name=name,
        required=required,
        type="string" if separator or is_enum else _TYPES[annotation],
        values=tuple(m.value for m in item) if is_enum and separator is None else (),
        enum=item if is_enum else None,
        personal=bool(metadata.get(PII)),
        ref=metadata.get(REF),
        separator=separator,
    )
    if not all(part.isidentifier() for part in path.split(".")):
        raise ValueError(f"not a field path: {path!r}")
    return column, _expression(path, annotation, separator)


def _key(name: str, ref: str | None = None, type: ColumnType = "string") -> Column:
    return Column(name=name, type=type, ref=ref, required=True)


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


def _define(
    kind: str,
    labels: tuple[str, str],
    cls: type[Any],
    keys: tuple[Column, ...],
    fields: Iterable[FieldSpec],
    walk: Walk,
    primary_key: Iterable[str],
    foreign_keys: Iterable[ForeignKey] = (),
) -> _Def:
    made = [_field_column(cls, spec) for spec in fields]
    table = Table(
        kind=kind,
        label_da=labels[0],
        label_en=labels[1],
        columns=(*keys, *(c for c, _ in made)),
        primary_key=tuple(primary_key),
        foreign_keys=tuple(foreign_keys),
    )
    return _Def(table, walk, tuple(e for _, e in made))


def _org_fk(column: str) -> ForeignKey:
    return _fk(["plan_id", column], "organisation", ["plan_id", "organisation_id"])


def _contact_fk(column: str) -> ForeignKey:
    return _fk(["plan_id", column], "contact", ["plan_id", "contact_id"])


def _indsats_fk(column: str = "indsats_id") -> ForeignKey:
    return _fk(["plan_id", column], "indsats", ["plan_id", "indsats_id"])


def _walk_entries(plan: Plan) -> Iterator[tuple[tuple[Any, ...], Any]]:
    for mapping in plan.mappings:
        for entry in mapping.entries:
            yield (plan.id, mapping.id, entry.id), entry


def _walk_assessments(plan: Plan) -> Iterator[tuple[tuple[Any, ...], Any]]:
    for mapping in plan.mappings:
        for entry in mapping.entries:
            for index, assessment in enumerate(entry.assessments):
                yield (plan.id, mapping.id, entry.id, index), assessment


def _walk_sections(plan: Plan) -> Iterator[tuple[tuple[Any, ...], Any]]:
    agreements: list[tuple[str, CollaborationAgreement | ActivityAgreement]] = [
        *(("collaboration_agreement", a) for a in plan.collaboration_agreements),
        *(("activity_agreement", a) for a in plan.activity_agreements),
    ]
    for kind, agreement in agreements:
        for index, section in enumerate(agreement.sections):
            yield (plan.id, kind, agreement.id, index), section


def _children(
    parents: Callable[[Plan], Iterable[Any]], children: str, *, position: bool = False
) -> Walk:
    """A walk over ``parent.<children>`` of each parent, keyed by plan and parent id."""

    def walk(plan: Plan) -> Iterator[tuple[tuple[Any, ...], Any]]:
        for parent in parents(plan):
            for index, child in enumerate(getattr(parent, children)):
                keys = (plan.id, parent.id, index) if position else (plan.id, parent.id)
                yield keys, child

    return walk


def _own(items: Callable[[Plan], Iterable[Any]], *, position: bool = False) -> Walk:
    """A walk over a plan's own list, keyed by plan id and the item's id (or position)."""

    def walk(plan: Plan) -> Iterator[tuple[tuple[Any, ...], Any]]:
        for index, item in enumerate(items(plan)):
            yield (plan.id, index if position else item.id), item

    return walk


_PERIOD = ("period.start", "period.end")

_DEFS: tuple[_Def, ...] = (
    _define(
        "plan",
        ("Helhedsplaner", "Plans"),
        Plan,
        (_key("plan_id"),),
        (
            "name",
            "area",
            "municipality",
            "housing_departments",
            "funding_period",
            ("focus_areas", "focus_areas", ID_SEPARATOR),
            *_PERIOD,
            "budget_dkk",
            "catalogue_version",
        ),
        lambda plan: [((plan.id,), plan)],
        ["plan_id"],
    ),
    _define(
        "organisation",
        ("Organisationer", "Organisations"),
        Organisation,
        (_PLAN_KEY, _key("organisation_id")),
        (
            "name",
            "sector",
            "actor_type",
            "resource_kind",
            "description",
            "website",
            "address",
            "cvr",
        ),
        _own(lambda p: p.organisations),
        ["plan_id", "organisation_id"],
        [_to_plan()],
    ),
    _define(
        "contact",
        ("Kontaktpersoner", "Contact persons"),
        ContactPerson,
        (_PLAN_KEY, Column(name="contact_id", required=True, personal=True, ref="contact")),
        (
            "organisation_id",
            "name",
            "role",
            "email",
            "phone",
            "lawful_basis",
            "consent_on",
            "retention_until",
        ),
        _own(lambda p: p.contacts),
        ["plan_id", "contact_id"],
        [_to_plan(), _org_fk("organisation_id")],
    ),
    _define(
        "indsats",
        ("Indsatser", "Efforts"),
        Indsats,
        (_PLAN_KEY, _key("indsats_id")),
        ("title", "focus_area", "purpose", "target_group", "owner_organisation_id", *_PERIOD),
        _own(lambda p: p.indsatser),
        ["plan_id", "indsats_id"],
        [_to_plan(), _org_fk("owner_organisation_id")],
    ),
    _define(
        "goal",
        ("Mål", "Goals"),
        Goal,
        (_PLAN_KEY, _key("indsats_id", "indsats"), _POSITION),
        ("text", "indicator", "target", "deadline"),
        _children(lambda p: p.indsatser, "goals", position=True),
        ["plan_id", "indsats_id", "position"],
        [_indsats_fk()],
    ),
    _define(
        "cofinancing",
        ("Medfinansiering", "Co-financing"),
        CoFinancing,
        (_PLAN_KEY, _POSITION),
        ("organisation_id", "amount_dkk", "note"),
        _own(lambda p: p.cofinancing, position=True),
        ["plan_id", "position"],
        [_to_plan(), _org_fk("organisation_id")],
    ),
    _define(
        "group",
        ("Grupper", "Groups"),
        Group,
        (_PLAN_KEY, _key("group_id")),
        ("kind", "name", "mandate", "ambitions"),
        _own(lambda p: p.groups),
        ["plan_id", "group_id"],
        [_to_plan()],
    ),
    _define(
        "group_member",
        ("Gruppemedlemmer", "Group members"),
        Membership,
        (_PLAN_KEY, _key("group_id", "group")),
        ("contact_id", "organisation_id", "role"),
        _children(lambda p: p.groups, "members"),
        ["plan_id", "group_id", "contact_id"],
        [
            _fk(["plan_id", "group_id"], "group"),
            _contact_fk("contact_id"),
            _org_fk("organisation_id"),
        ],
    ),
    _define(
        "meeting",
        ("Møder", "Meetings"),
        Meeting,
        (_PLAN_KEY, _key("group_id", "group"), _POSITION),
        ("date", "agenda", "minutes", "decisions"),
        _children(lambda p: p.groups, "meetings", position=True),
        ["plan_id", "group_id", "position"],
        [_fk(["plan_id", "group_id"], "group")],
    ),
    _define(
        "mapping",
        ("Kortlægninger", "Mappings"),
        MappingModel,
        (_PLAN_KEY, _key("mapping_id")),
        ("title", "indsats_id", "geographic_scope", "date", "methods", "conducted_by"),
        _own(lambda p: p.mappings),
        ["plan_id", "mapping_id"],
        [_to_plan(), _indsats_fk()],
    ),
    _define(
        "mapping_entry",
        ("Kortlagte aktører", "Mapping entries"),
        MappingEntry,
        (_PLAN_KEY, _key("mapping_id", "mapping"), _key("mapping_entry_id")),
        (
            "organisation_id",
            "contact_id",
            "services_offered",
            "target_groups",
            "focus_areas",
            "possible_contribution",
            "possible_barriers",
            "what_matters",
            "existing_relation",
            ("status", "current.status"),
            ("relevance", "current.relevance"),
            ("interest", "current.interest"),
            ("influence", "current.influence"),
            ("assessed_on", "current.date"),
            "next_step",
            "responsible_id",
            "follow_up_on",
            "notes",
        ),
        _walk_entries,
        ["plan_id", "mapping_entry_id"],
        [
            _fk(["plan_id", "mapping_id"], "mapping"),
            _org_fk("organisation_id"),
            _contact_fk("contact_id"),
            _contact_fk("responsible_id"),
        ],
    ),
    _define(
        "assessment",
        ("Vurderinger", "Assessments"),
        Assessment,
        (
            _PLAN_KEY,
            _key("mapping_id", "mapping"),
            _key("mapping_entry_id", "mapping_entry"),
            _POSITION,
        ),
        ("date", "status", "relevance", "interest", "influence", "assessed_by", "note"),
        _walk_assessments,
        ["plan_id", "mapping_entry_id", "position"],
        [_fk(["plan_id", "mapping_entry_id"], "mapping_entry"), _contact_fk("assessed_by")],
    ),
    _define(
        "dialogue_tool",
        ("Dialogredskaber", "Dialogue tools"),
        DialogueTool,
        (_PLAN_KEY, _key("dialogue_tool_id")),
        ("kind", "title_da", "title_en", "version"),
        _own(lambda p: p.dialogue_tools),
        ["plan_id", "dialogue_tool_id"],
        [_to_plan()],
    ),
    _define(
        "dialogue_question",
        ("Dialogspørgsmål", "Dialogue questions"),
        DialogueQuestion,
        (_PLAN_KEY, _key("dialogue_tool_id", "dialogue_tool"), _key("question_id")),
        ("theme", "text_da", "text_en", "hint_da", "hint_en"),
        lambda plan: (
            ((plan.id, tool.id, q.id), q) for tool in plan.dialogue_tools for q in tool.questions
        ),
        ["plan_id", "dialogue_tool_id", "question_id"],
        [_fk(["plan_id", "dialogue_tool_id"], "dialogue_tool")],
    ),
    _define(
        "dialogue_session",
        ("Dialogsessioner", "Dialogue sessions"),
        DialogueSession,
        (_PLAN_KEY, _key("dialogue_session_id")),
        (
            "tool_id",
            "organisation_id",
            "about_organisation_id",
            "date",
            "facilitator_id",
            "participant_ids",
            "follow_ups",
        ),
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
    _define(
        "dialogue_answer",
        ("Dialogsvar", "Dialogue answers"),
        DialogueAnswer,
        (_PLAN_KEY, _key("dialogue_session_id", "dialogue_session")),
        ("question_id", "text", "agreed"),
        _children(lambda p: p.dialogue_sessions, "answers"),
        ["plan_id", "dialogue_session_id", "question_id"],
        [_fk(["plan_id", "dialogue_session_id"], "dialogue_session")],
    ),
    _define(
        "collaboration_agreement",
        ("Samarbejdsaftaler", "Collaboration agreements"),
        CollaborationAgreement,
        (_PLAN_KEY, _key("collaboration_agreement_id")),
        ("title", "indsats_id", "degree", *_PERIOD, "notice_days", "status", "template_version"),
        _own(lambda p: p.collaboration_agreements),
        ["plan_id", "collaboration_agreement_id"],
        [_to_plan(), _indsats_fk()],
    ),
    _define(
        "agreement_party",
        ("Aftaleparter", "Agreement parties"),
        AgreementParty,
        (_PLAN_KEY, _key("collaboration_agreement_id", "collaboration_agreement")),
        ("organisation_id", "signatory_id", "contact_id", "signed_on"),
        _children(lambda p: p.collaboration_agreements, "parties"),
        ["plan_id", "collaboration_agreement_id", "organisation_id"],
        [
            _fk(["plan_id", "collaboration_agreement_id"], "collaboration_agreement"),
            _org_fk("organisation_id"),
            _contact_fk("signatory_id"),
            _contact_fk("contact_id"),
        ],
    ),
    _define(
        "activity_agreement",
        ("Aktivitetsaftaler", "Activity agreements"),
        ActivityAgreement,
        (_PLAN_KEY, _key("activity_agreement_id")),
        (
            "activity",
            "indsats_id",
            "place",
            "schedule",
            *_PERIOD,
            "volunteer_organisation_id",
            "volunteer_contact_id",
            "housing_contact_id",
            "volunteer_commitments",
            "housing_commitments",
            "confidentiality_agreed",
            "child_certificate_required",
            "child_certificate_obtained_on",
            "review_on",
            "notice_days",
            "status",
            "signed_on",
            "template_version",
        ),
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
    _define(
        "agreement_section",
        ("Aftaleafsnit", "Agreement sections"),
        AgreementSection,
        (
            _PLAN_KEY,
            Column(
                name="agreement_kind",
                values=("collaboration_agreement", "activity_agreement"),
                required=True,
            ),
            _key("agreement_id"),
            _POSITION,
        ),
        ("key", "heading", "text", "required"),
        _walk_sections,
        ["plan_id", "agreement_kind", "agreement_id", "position"],
        [_to_plan()],
    ),
    _define(
        "value_game",
        ("Værdispil", "Value games"),
        ValueGame,
        (_PLAN_KEY, _key("value_game_id")),
        ("title", "date", "indsats_id", "workshop_id", "catalogue_version"),
        _own(lambda p: p.value_games),
        ["plan_id", "value_game_id"],
        [
            _to_plan(),
            _indsats_fk(),
            _fk(["plan_id", "workshop_id"], "workshop"),
        ],
    ),
    _define(
        "value_piece",
        ("Værdibrikker", "Value pieces"),
        ValuePiece,
        (_PLAN_KEY, _key("value_game_id", "value_game"), _key("piece_id")),
        ("label_da", "label_en", "category", "custom"),
        lambda plan: (((plan.id, g.id, p.id), p) for g in plan.value_games for p in g.pieces),
        ["plan_id", "value_game_id", "piece_id"],
        [_fk(["plan_id", "value_game_id"], "value_game")],
    ),
    _define(
        "value_placement",
        ("Placeringer i værdispillet", "Value placements"),
        Placement,
        (_PLAN_KEY, _key("value_game_id", "value_game")),
        ("piece_id", "organisation_id", "strength", "comment"),
        _children(lambda p: p.value_games, "placements"),
        ["plan_id", "value_game_id", "piece_id", "organisation_id"],
        [
            _fk(["plan_id", "value_game_id", "piece_id"], "value_piece"),
            _org_fk("organisation_id"),
        ],
    ),
    _define(
        "workshop",
        ("Workshops", "Workshops"),
        Workshop,
        (_PLAN_KEY, _key("workshop_id")),
        (
            "title",
            "date",
            "kind",
            "facilitator",
            "place",
            "participant_ids",
            "output_ids",
            "notes",
        ),
        _own(lambda p: p.workshops),
        ["plan_id", "workshop_id"],
        [_to_plan()],
    ),
    _define(
        "agenda_item",
        ("Dagsordenspunkter", "Agenda items"),
        AgendaItem,
        (_PLAN_KEY, _key("workshop_id", "workshop"), _POSITION),
        ("title", "start", "minutes", "tool", "description"),
        _children(lambda p: p.workshops, "agenda", position=True),
        ["plan_id", "workshop_id", "position"],
        [_fk(["plan_id", "workshop_id"], "workshop")],
    ),
)


def _focus_area_rows(plan: Plan) -> Iterator[dict[str, Any]]:
    custom = {area.key: area for area in plan.custom_focus_areas}
    keys = [*plan.focus_areas, *(k for k in custom if k not in plan.focus_areas)]
    for position, key in enumerate(keys):
        yield {
            "plan_id": plan.id,
            "focus_area_key": key,
            "position": position,
            "label_da": plan.focus_area_label(key, "da"),
            "label_en": plan.focus_area_label(key, "en"),
            "custom": key not in FocusArea._value2member_map_,
            "in_plan": key in plan.focus_areas,
        }


_FOCUS_AREA = Table(
    kind="focus_area",
    label_da="Indsatsområder",
    label_en="Focus areas",
    columns=(
        _PLAN_KEY,
        _key("focus_area_key"),
        Column(name="position", type="integer"),
        Column(name="label_da"),
        Column(name="label_en"),
        Column(name="custom", type="boolean"),
        Column(name="in_plan", type="boolean"),
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


def _row_maker(defn: _Def) -> Callable[[Plan], Iterator[dict[str, Any]]]:
    """A generator of rows for one table, compiled from the column expressions."""
    names = defn.table.column_names
    keys = len(names) - len(defn.cells)
    items = [f"{names[i]!r}: keys[{i}]" for i in range(keys)]
    items += [f"{name!r}: {cell}" for name, cell in zip(names[keys:], defn.cells, strict=True)]
    source = (
        "def make(plan):\n"
        "    for keys, obj in walk(plan):\n"
        f"        yield {{{', '.join(items)}}}\n"
    )
    namespace: dict[str, Any] = {"walk": defn.walk}
    exec(compile(source, f"<rows of {defn.table.kind}>", "exec"), namespace)
    make: Callable[[Plan], Iterator[dict[str, Any]]] = namespace["make"]
    return make


_MAKERS: dict[str, Callable[[Plan], Iterator[dict[str, Any]]]] = {
    "focus_area": _focus_area_rows,
    **{kind: _row_maker(defn) for kind, defn in _BY_KIND.items()},
}


def _maker(kind: str) -> Callable[[Plan], Iterator[dict[str, Any]]]:
    try:
        return _MAKERS[kind]
    except KeyError:
        raise CfbuError(
            N_("unknown row kind {kind!r}; expected one of {allowed}"),
            kind=kind,
            allowed=", ".join(TABLES),
        ) from None


def plan_rows(plan: Plan, kind: str) -> Iterator[dict[str, Any]]:
    """The rows of one kind (``"mapping_entry"``, ...) in one plan, in the plan's order."""
    return _maker(kind)(plan)


def rows(plans: Iterable[Plan], kind: str) -> list[dict[str, Any]]:
    """The rows of one kind across ``plans``, plan by plan."""
    make = _maker(kind)
    return [row for plan in plans for row in make(plan)]
