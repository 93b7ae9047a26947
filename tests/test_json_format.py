"""The JSON document format: round trips, determinism, every kind of bad input (each named
by its JSON path), fuzzing, and migrations from an older schema version."""

from __future__ import annotations

import copy
import datetime as dt
import io
from pathlib import Path
from typing import Any

import attrs
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cfbu_toolkit as cfbu
from cfbu_toolkit import (
    ActorSector,
    Assessment,
    ContactPerson,
    DocumentError,
    Level,
    Mapping,
    MappingEntry,
    Organisation,
    Plan,
    Problem,
    testing,
)
from cfbu_toolkit.io import KINDS, Migration, Migrations, converter, document, kind_of
from cfbu_toolkit.locale import use_lang
from cfbu_toolkit.testing import exportables, plans


def en(problem: Problem) -> str:
    """The problem's message in English (the tests read the English wording)."""
    with use_lang("en"):
        return problem.text


# --- a small plan whose document the bad-input tests edit --------------------------------


def small_plan() -> Plan:
    return Plan(
        id="p",
        name="Helhedsplan Æblehaven",
        organisations=[
            Organisation(id="o1", name="Jobcenter", sector=ActorSector.MUNICIPALITY),
            Organisation(id="o2", name="Boldklubben", sector=ActorSector.CIVIL_SOCIETY),
        ],
        contacts=[ContactPerson(id="c1", name="Anne Jensen", organisation_id="o1")],
        mappings=[
            Mapping(
                id="m1",
                title="Kortlægning",
                entries=[
                    MappingEntry(
                        id="e1",
                        organisation_id="o1",
                        assessments=[Assessment(date=dt.date(2024, 1, 1), interest=Level.HIGH)],
                    ),
                    MappingEntry(
                        id="e2",
                        organisation_id="o2",
                        contact_id="c1",
                        assessments=[Assessment(date=dt.date(2024, 2, 1))],
                    ),
                ],
            )
        ],
    )


@pytest.fixture
def doc() -> dict[str, Any]:
    loaded: dict[str, Any] = orjson.loads(cfbu.export(small_plan(), format="json"))
    return loaded


def problems_of(data: Any, **kw: Any) -> list[Problem]:
    raw = data if isinstance(data, bytes) else orjson.dumps(data)
    with pytest.raises(DocumentError) as info:
        cfbu.load(raw, **kw)
    return list(info.value.problems)


def where(data: Any, **kw: Any) -> list[str]:
    return [p.where for p in problems_of(data, **kw)]


# --- round trips --------------------------------------------------------------------------


def parts(plan: Plan) -> list[Any]:
    return [
        plan,
        *plan.mappings,
        *plan.collaboration_agreements,
        *plan.activity_agreements,
        *plan.dialogue_sessions,
        *plan.value_games,
    ]


def test_demo_plan_and_each_part_round_trip(demo_plan: Plan) -> None:
    seen = set()
    for obj in parts(demo_plan):
        seen.add(kind_of(obj))
        assert cfbu.from_dict(cfbu.to_dict(obj), type(obj)) == obj
        assert cfbu.load(cfbu.export(obj, format="json")) == obj
    assert "plan" in seen


@given(exportables())
def test_every_kind_round_trips(obj: Any) -> None:
    assert cfbu.from_dict(cfbu.to_dict(obj), type(obj)) == obj
    data = cfbu.export(obj, format="json")
    assert cfbu.load(data) == obj
    assert cfbu.load(data, format="json") == obj


@given(plans(max_size=3))
def test_every_part_of_a_plan_round_trips(plan: Plan) -> None:
    for obj in parts(plan):
        assert kind_of(obj) in KINDS
        assert cfbu.load(cfbu.export(obj, format="json")) == obj


@given(plans(xml_safe=False, max_size=2))
def test_any_unicode_round_trips(plan: Plan) -> None:
    assert cfbu.load(cfbu.export(plan, format="json")) == plan


def test_load_reads_paths_and_streams(tmp_path: Path) -> None:
    plan = small_plan()
    target = tmp_path / "plan.json"
    cfbu.export(plan, target)
    assert cfbu.load(target) == plan
    assert cfbu.load(str(target)) == plan
    with target.open("rb") as stream:
        assert cfbu.load(stream) == plan
    assert cfbu.load(io.BytesIO(target.read_bytes())) == plan


# --- determinism ------------------------------------------------------------------------------


def test_same_input_same_bytes(demo_plan: Plan) -> None:
    first = cfbu.export(demo_plan, format="json")
    assert cfbu.export(demo_plan, format="json") == first
    rebuilt = cfbu.load(first)
    assert rebuilt is not demo_plan
    assert cfbu.export(rebuilt, format="json") == first


@given(plans(max_size=2))
def test_equal_objects_give_equal_bytes(plan: Plan) -> None:
    again = cfbu.from_dict(cfbu.to_dict(plan), Plan)
    assert cfbu.export(again, format="json") == cfbu.export(plan, format="json")


def test_keys_keep_the_model_order(doc: dict[str, Any]) -> None:
    assert list(doc) == ["format", "schema_version", "kind", "data"]
    assert list(doc["data"]) == [f.name for f in attrs.fields(Plan)]
    assert list(doc["data"]["mappings"][0]["entries"][0]) == [
        f.name for f in attrs.fields(MappingEntry)
    ]
    assert list(doc["data"]["mappings"][0]["entries"][0]["assessments"][0]) == [
        f.name for f in attrs.fields(Assessment)
    ]


def test_envelope_values(doc: dict[str, Any]) -> None:
    assert doc["format"] == "cfbu-toolkit"
    assert doc["schema_version"] == 1
    assert doc["kind"] == "plan"


def test_document_is_utf8_indented_and_ends_in_newline() -> None:
    data = cfbu.export(small_plan(), format="json")
    assert data.endswith(b"}\n")
    assert "Æblehaven".encode() in data  # not \u-escaped
    assert b'\n  "schema_version": 1,' in data


# --- bad input, one test per kind, each naming the JSON path --------------------------------


def test_invalid_json_names_line_and_column() -> None:
    found = problems_of(b'{"format": "cfbu-toolkit",\n  "kind": ,\n}')
    assert [p.where for p in found] == ["linje 2, kolonne 11"]
    assert found[0].message == "invalid JSON: {reason}"
    assert found[0].text.startswith("ugyldig JSON: ")
    with use_lang("en"):
        found = problems_of(b'{"format": "cfbu-toolkit",\n  "kind": ,\n}')
    assert [p.where for p in found] == ["line 2, column 11"]


@pytest.mark.parametrize(
    "raw", [b"", b"{", b'{"a": 1,}', b"\xff\xfe{}", b'{"a": NaN}', b"{} {}"], ids=repr
)
def test_invalid_json_variants(raw: bytes) -> None:
    found = problems_of(raw, format="json")
    assert found[0].where.startswith("linje ")


def test_wrong_type(doc: dict[str, Any]) -> None:
    doc["data"]["mappings"][0]["entries"][0]["existing_relation"] = "yes"
    doc["data"]["organisations"][1]["name"] = 7
    found = problems_of(doc)
    assert [p.where for p in found] == [
        "$.data.organisations[1].name",
        "$.data.mappings[0].entries[0].existing_relation",
    ]
    assert "expected a string, got 7" in en(found[0])
    assert "true or false" in en(found[1])


@pytest.mark.parametrize(
    ("value", "path"),
    [
        (None, "$.data.name"),
        (7.9, "$.data.budget_dkk"),
        ("x", "$.data.budget_dkk"),
        (True, "$.data.budget_dkk"),
        ("2024-13-01", "$.data.period.start"),
        ("2024-01-01T00:00", "$.data.period.start"),
        ("Afd. 1", "$.data.housing_departments"),
        ({"x": 1}, "$.data.organisations"),
    ],
)
def test_wrong_types_are_not_coerced(doc: dict[str, Any], value: Any, path: str) -> None:
    parent = doc["data"]
    keys = path.removeprefix("$.data.").split(".")
    for key in keys[:-1]:
        parent = parent[key]
    parent[keys[-1]] = value
    assert where(doc) == [path]


def test_unknown_enum_value_lists_the_allowed_ones(doc: dict[str, Any]) -> None:
    doc["data"]["mappings"][0]["entries"][0]["assessments"][0]["interest"] = "huge"
    [problem] = problems_of(doc)
    assert problem.where == "$.data.mappings[0].entries[0].assessments[0].interest"
    assert "low, medium, high" in en(problem)
    assert "huge" in en(problem)


def test_enum_label_is_not_a_value(doc: dict[str, Any]) -> None:
    doc["data"]["organisations"][0]["sector"] = "Kommune"
    assert where(doc) == ["$.data.organisations[0].sector"]


def test_missing_field(doc: dict[str, Any]) -> None:
    del doc["data"]["organisations"][0]["name"]
    del doc["data"]["mappings"][0]["entries"][1]["organisation_id"]
    found = problems_of(doc)
    assert [p.where for p in found] == [
        "$.data.organisations[0].name",
        "$.data.mappings[0].entries[1].organisation_id",
    ]
    assert {p.message for p in found} == {"required field missing"}


def test_optional_fields_may_be_left_out(doc: dict[str, Any]) -> None:
    """A hand-written document may omit fields that have defaults; they take the default."""
    entry = doc["data"]["mappings"][0]["entries"][0]
    for key in ("notes", "next_step", "follow_up_on", "focus_areas"):
        entry.pop(key, None)
    del doc["data"]["organisations"][0]["website"]
    plan = cfbu.load(orjson.dumps(doc))
    assert isinstance(plan, cfbu.Plan)
    loaded = plan.mappings[0].entries[0]
    assert (loaded.notes, loaded.next_step, loaded.follow_up_on, loaded.focus_areas) == (
        "",
        "",
        None,
        (),
    )
    assert plan.organisations[0].website == ""


def test_unknown_field(doc: dict[str, Any]) -> None:
    doc["data"]["organisations"][0]["colour"] = "red"
    doc["data"]["zzz"] = 1
    found = problems_of(doc)
    assert sorted(p.where for p in found) == ["$.data.organisations[0].colour", "$.data.zzz"]
    assert {p.message for p in found} == {"unknown field"}


def test_dangling_reference(doc: dict[str, Any]) -> None:
    doc["data"]["mappings"][0]["entries"][0]["organisation_id"] = "o9"
    doc["data"]["mappings"][0]["entries"][1]["contact_id"] = "c9"
    found = problems_of(doc)
    assert [p.where for p in found] == [
        "$.data.mappings[0].entries[0].organisation_id",
        "$.data.mappings[0].entries[1].contact_id",
    ]
    assert "'o9'" in en(found[0])


def test_invalid_value_inside_model_rules(doc: dict[str, Any]) -> None:
    doc["data"]["contacts"][0]["email"] = "anne-at-kk"
    doc["data"]["period"] = {"start": "2024-02-01", "end": "2024-01-01"}
    assert where(doc) == ["$.data.period.end", "$.data.contacts[0].email"]


def test_duplicate_ids(doc: dict[str, Any]) -> None:
    doc["data"]["organisations"].append(dict(doc["data"]["organisations"][0]))
    found = problems_of(doc)
    assert [p.where for p in found] == ["$.data.organisations[2].id"]
    assert "$.data.organisations[0]" in en(found[0])


@pytest.mark.parametrize(("version", "word"), [(2, "newer"), (99, "newer"), (0, "no longer")])
def test_unsupported_schema_version(doc: dict[str, Any], version: int, word: str) -> None:
    doc["schema_version"] = version
    [problem] = problems_of(doc)
    assert problem.where == "$.schema_version"
    assert word in en(problem)


@pytest.mark.parametrize("version", ["1", 1.0, None, True])
def test_schema_version_must_be_a_whole_number(doc: dict[str, Any], version: Any) -> None:
    doc["schema_version"] = version
    assert where(doc) == ["$.schema_version"]


@pytest.mark.parametrize("value", ["cfbu", "", None, ["cfbu-toolkit"]])
def test_wrong_format(doc: dict[str, Any], value: Any) -> None:
    doc["format"] = value
    assert where(doc) == ["$.format"]


@pytest.mark.parametrize("value", ["plans", "", None, ["plan"], {"plan": 1}, 1])
def test_wrong_kind(doc: dict[str, Any], value: Any) -> None:
    doc["kind"] = value
    [problem] = problems_of(doc)
    assert problem.where == "$.kind"
    assert "plan, mapping" in en(problem)


def test_kind_not_matching_data(doc: dict[str, Any]) -> None:
    doc["kind"] = "mapping"
    found = where(doc)
    assert "$.data.title" in found
    assert "$.data.organisations" in found


@pytest.mark.parametrize("key", ["format", "schema_version", "kind", "data"])
def test_envelope_field_missing(doc: dict[str, Any], key: str) -> None:
    del doc[key]
    assert where(doc) == [f"$.{key}"]


def test_envelope_unknown_field(doc: dict[str, Any]) -> None:
    doc["comment"] = "x"
    assert where(doc) == ["$.comment"]


@pytest.mark.parametrize("top", [[1], "plan", 1, None, True])
def test_non_object_top_level(top: Any) -> None:
    assert where(top, format="json") == ["$"]


def test_non_object_top_level_without_format_name_cannot_be_sniffed() -> None:
    with pytest.raises(cfbu.FormatError, match="format="):
        cfbu.load(b"[1]")


@pytest.mark.parametrize("data", [[1], "x", None, 3])
def test_non_object_data(doc: dict[str, Any], data: Any) -> None:
    doc["data"] = data
    assert where(doc) == ["$.data"]


def test_error_message_names_the_file(tmp_path: Path, doc: dict[str, Any]) -> None:
    doc["data"]["name"] = ""
    target = tmp_path / "bad.json"
    target.write_bytes(orjson.dumps(doc))
    with pytest.raises(DocumentError, match=r"bad\.json") as info:
        cfbu.load(target)
    assert [p.where for p in info.value.problems] == ["$.data.name"]


def test_from_dict_reports_paths_from_the_root() -> None:
    data = cfbu.to_dict(small_plan())
    data["organisations"][0]["sector"] = "?"
    with pytest.raises(DocumentError) as info:
        cfbu.from_dict(data, Plan)
    assert [p.where for p in info.value.problems] == ["$.organisations[0].sector"]


def test_from_dict_refuses_classes_that_are_not_kinds() -> None:
    with pytest.raises(cfbu.FormatError, match="Organisation"):
        cfbu.from_dict({}, Organisation)


def test_to_dict_refuses_objects_that_are_not_kinds() -> None:
    with pytest.raises(cfbu.FormatError):
        cfbu.to_dict(small_plan().organisations[0])  # type: ignore[arg-type]


# --- fuzzing: nothing but the library's own errors escapes ---------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


@given(json_values)
def test_random_json_values_give_document_errors(value: Any) -> None:
    with pytest.raises(DocumentError):
        cfbu.load(orjson.dumps(value), format="json")


@given(st.binary(max_size=200))
def test_random_bytes_give_library_errors(raw: bytes) -> None:
    with pytest.raises(DocumentError):
        cfbu.load(raw, format="json")
    try:
        cfbu.load(raw)
    except cfbu.FormatError:
        pass  # not recognisable as any format
    except DocumentError:
        pass
    else:  # pragma: no cover - random bytes are never a valid document
        pytest.fail("random bytes loaded")


def _slots(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a JSON document."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _slots(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _slots(item, (*path, index))
    return found


def _mutate(document: Any, data: Any) -> Any:
    document = copy.deepcopy(document)
    slots = [s for s in _slots(document) if s]
    path = data.draw(st.sampled_from(slots))
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    action = data.draw(st.sampled_from(["replace", "delete", "add", "duplicate"]))
    if action == "replace":
        parent[last] = data.draw(json_values)
    elif action == "delete":
        del parent[last]
    elif action == "add" and isinstance(parent, dict):
        parent[data.draw(st.text(max_size=8))] = data.draw(json_values)
    elif action == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))
    return document


@given(data=st.data())
def test_mutated_documents_load_or_name_their_problems(data: Any) -> None:
    original = orjson.loads(cfbu.export(small_plan(), format="json"))
    mutated = _mutate(original, data)
    try:
        obj = cfbu.load(orjson.dumps(mutated), format="json")
    except DocumentError as exc:
        problems = exc.problems
    else:
        assert cfbu.validate(obj) == []
        return
    assert problems
    for problem in problems:
        assert problem.where.startswith("$"), problem
        assert problem.message


@given(plans(max_size=2), st.data())
def test_mutated_generated_documents_fail_cleanly(plan: Plan, data: Any) -> None:
    mutated = _mutate(orjson.loads(cfbu.export(plan, format="json")), data)
    problems: tuple[Problem, ...] = ()
    try:
        cfbu.load(orjson.dumps(mutated), format="json")
    except DocumentError as exc:
        problems = exc.problems
    assert all(p.where.startswith("$") for p in problems)


# --- migrations -------------------------------------------------------------------------------


def _rename_navn(document: dict[str, Any]) -> dict[str, Any]:
    """Made-up version 1 called an organisation's name ``navn``; version 2 ``name``."""
    data = dict(document["data"])
    data["organisations"] = [
        {("name" if key == "navn" else key): value for key, value in org.items()}
        for org in data["organisations"]
    ]
    return {**document, "schema_version": 2, "data": data}


MADE_UP = Migrations(
    current=2,
    steps=[Migration(from_version=1, description="navn -> name", upgrade=_rename_navn)],
)


def _as_version_1(plan: Plan) -> bytes:
    doc = orjson.loads(cfbu.export(plan, format="json"))
    for org in doc["data"]["organisations"]:
        org["navn"] = org.pop("name")
    doc["schema_version"] = 1
    return orjson.dumps(doc)


def test_an_older_version_migrates() -> None:
    plan = small_plan()
    old = _as_version_1(plan)
    assert document.loads(old, migrations=MADE_UP) == plan
    with pytest.raises(DocumentError) as info:  # without the step, "navn" is unknown
        document.loads(old)
    assert "$.data.organisations[0].navn" in [p.where for p in info.value.problems]


def test_the_current_version_needs_no_step() -> None:
    plan = small_plan()
    doc = orjson.loads(cfbu.export(plan, format="json"))
    doc["schema_version"] = 2
    assert document.loads(orjson.dumps(doc), migrations=MADE_UP) == plan


@pytest.mark.parametrize(
    ("version", "word", "ord_"), [(3, "newer", "nyere"), (0, "no longer", "ikke længere")]
)
def test_made_up_versions_out_of_range(version: int, word: str, ord_: str) -> None:
    doc = orjson.loads(_as_version_1(small_plan()))
    doc["schema_version"] = version
    with pytest.raises(DocumentError, match=ord_) as info:
        document.loads(orjson.dumps(doc), migrations=MADE_UP)
    with use_lang("en"):
        assert word in str(info.value)
    assert [p.where for p in info.value.problems] == ["$.schema_version"]
    assert MADE_UP.oldest == 1


def test_a_migrated_document_is_still_checked() -> None:
    doc = orjson.loads(_as_version_1(small_plan()))
    doc["data"]["organisations"][0]["navn"] = ""
    with pytest.raises(DocumentError) as info:
        document.loads(orjson.dumps(doc), migrations=MADE_UP)
    assert [p.where for p in info.value.problems] == ["$.data.organisations[0].name"]


@given(plans(max_size=2))
def test_generated_plans_migrate(plan: Plan) -> None:
    assert document.loads(_as_version_1(plan), migrations=MADE_UP) == plan


def test_with_steps_extends_the_library_migrations() -> None:
    extended = cfbu.io.MIGRATIONS.with_steps(
        [Migration(from_version=1, description="x", upgrade=_rename_navn)], current=2
    )
    assert extended.current == 2
    assert document.loads(_as_version_1(small_plan()), migrations=extended) == small_plan()


# --- the fast path and the detailed path agree ------------------------------------------------


def _outcome(structure: Any, data: Any, cls: type[Any]) -> Any:
    try:
        return structure(data, cls)
    except Exception as exc:  # which exception differs between the paths; that one does not
        return type(exc)


def _reordered(value: Any, data: Any) -> Any:
    """``value`` with the keys of some objects in another order (still the same document)."""
    if isinstance(value, list):
        return [_reordered(item, data) for item in value]
    if not isinstance(value, dict):
        return value
    items = [(key, _reordered(item, data)) for key, item in value.items()]
    if data.draw(st.booleans(), label="reorder"):
        items.reverse()
    return dict(items)


@given(exportables(), st.data())
def test_the_fast_and_the_detailed_path_agree(obj: Any, data: Any) -> None:
    """Valid documents take a generated fast path; a document it refuses is structured again
    by the detailed converter, which names every problem. For any document, valid or
    mutated, both give the same object or both refuse it, and ``load`` then names each
    problem by its path."""
    cls = type(obj)
    document = orjson.loads(cfbu.export(obj, format="json"))
    if data.draw(st.booleans(), label="mutate"):
        document = _mutate(document, data)
    document = _reordered(document, data)
    fast = _outcome(converter._fast.structure, document.get("data"), cls)
    detailed = _outcome(converter.converter.structure, document.get("data"), cls)
    if isinstance(fast, type) or isinstance(detailed, type):
        assert isinstance(fast, type), f"the fast path took what the detailed one refused: {fast}"
        assert isinstance(detailed, type), "the fast path refused a valid document"
        with pytest.raises(DocumentError) as info:
            cfbu.load(orjson.dumps(document), format="json")
        assert info.value.problems
        assert all(p.where.startswith("$") for p in info.value.problems)
    else:
        assert fast == detailed
        assert type(fast) is cls


_WRONG = [None, True, 7, 1.5, "x", "2024-01-01", [], ["x"], [7], [None], {}]


@given(st.sampled_from(testing.model_classes()).flatmap(testing.strategy_for))
def test_the_fast_path_checks_every_field(obj: Any) -> None:
    """Each field of each class in turn holds each kind of JSON value: the fast path must
    refuse whatever the detailed path (the class's own validators) refuses."""
    cls = type(obj)
    good = converter.unstructure(obj)
    for name in good:
        for value in _WRONG:
            changed = {**good, name: value}
            fast = _outcome(converter._fast.structure, changed, cls)
            detailed = _outcome(converter.converter.structure, changed, cls)
            assert isinstance(fast, type) == isinstance(detailed, type), (name, value)
            assert isinstance(fast, type) or fast == detailed
