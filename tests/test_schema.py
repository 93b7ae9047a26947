"""The generated JSON Schema: valid, complete, deterministic, and it agrees with the exports."""

from __future__ import annotations

import copy
import datetime as dt
import enum
import functools
import json
import typing
from typing import Any

import attrs
import jsonschema
import pytest
from _profile import examples
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

import cfbu_toolkit as cfbu
from cfbu_toolkit.cli import main
from cfbu_toolkit.io.kinds import KINDS
from cfbu_toolkit.io.schema import PERSONAL_DATA, json_schema
from cfbu_toolkit.locale import use_lang
from cfbu_toolkit.model._base import PII
from cfbu_toolkit.testing import exportables

Validator = jsonschema.Draft202012Validator


def _validator(schema: dict[str, Any]) -> jsonschema.protocols.Validator:
    return Validator(schema, format_checker=Validator.FORMAT_CHECKER)


@functools.cache
def _cached_validator(kind: str | None) -> jsonschema.protocols.Validator:
    return _validator(json_schema(kind))


def _errors(schema: dict[str, Any], document: Any) -> list[str]:
    return sorted(e.message for e in _validator(schema).iter_errors(document))


def _reachable(root: type[Any]) -> dict[str, type[Any]]:
    """Every attrs class and enumeration reachable from ``root``, by name (walked here
    independently of the generator)."""
    found: dict[str, type[Any]] = {}
    pending = [root]
    while pending:
        cls = pending.pop()
        if cls.__name__ in found:
            continue
        found[cls.__name__] = cls
        if not attrs.has(cls):
            continue
        for hint in typing.get_type_hints(cls).values():
            stack = [hint]
            while stack:
                t = stack.pop()
                stack.extend(typing.get_args(t))
                if isinstance(t, type) and (attrs.has(t) or issubclass(t, enum.Enum)):
                    pending.append(t)
    return found


@pytest.mark.parametrize("kind", [None, *KINDS])
def test_the_schema_is_valid_draft_2020_12(kind: str | None) -> None:
    schema = json_schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Validator.check_schema(schema)


def test_the_schema_is_deterministic_and_fresh() -> None:
    first = json_schema()
    text = json.dumps(first, ensure_ascii=False)
    first["$defs"]["Plan"]["properties"].clear()
    assert json.dumps(json_schema(), ensure_ascii=False) == text


def test_every_class_and_field_is_described() -> None:
    defs = json_schema()["$defs"]
    classes: dict[str, type[Any]] = {}
    for cls in KINDS.values():
        classes.update(_reachable(cls))
    assert set(defs) == set(classes)
    for name, cls in classes.items():
        schema = defs[name]
        if issubclass(cls, enum.Enum):
            assert schema["enum"] == [m.value for m in cls]
            for member in cls:
                da, en = member.label("da"), member.label("en")
                assert schema["x-cfbu-labels"][member.value] == {"da": da, "en": en}
                assert f"- {member.value}: {da} / {en}" in schema["description"]
            continue
        fields = attrs.fields(cls)
        assert list(schema["properties"]) == [f.name for f in fields]
        assert schema.get("required", []) == [f.name for f in fields if f.default is attrs.NOTHING]
        assert schema["additionalProperties"] is False
        for field in fields:
            flagged = schema["properties"][field.name].get(PERSONAL_DATA, False)
            assert flagged == bool(field.metadata.get(PII)), f"{name}.{field.name}"


def test_dates_ranges_and_references() -> None:
    defs = json_schema()["$defs"]
    follow_up = defs["MappingEntry"]["properties"]["follow_up_on"]
    assert follow_up["format"] == "date"
    assert follow_up["type"] == ["string", "null"]
    strength = defs["Placement"]["properties"]["strength"]
    assert (strength["minimum"], strength["maximum"]) == (1, 3)
    assert defs["MappingEntry"]["properties"]["organisation_id"]["x-cfbu-ref"] == "organisation"
    assert defs["ContactPerson"]["properties"]["email"][PERSONAL_DATA] is True
    assert defs["Plan"]["properties"]["budget_dkk"]["minimum"] == 0
    assert defs["Plan"]["properties"]["budget_dkk"]["exclusiveMaximum"] == 10**15
    notice = defs["CollaborationAgreement"]["properties"]["notice_days"]
    assert (notice["minimum"], notice["maximum"]) == (0, 36_525)


def test_the_demo_plan_validates() -> None:
    document = json.loads(cfbu.export(cfbu.examples.demo_plan(), format="json"))
    assert _errors(json_schema(), document) == []
    assert _errors(json_schema("plan"), document) == []


@settings(
    # The plan strategy is slow (about a second a plan on a busy two-core machine).
    max_examples=examples(0.5),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(exportables(xml_safe=False))
def test_every_exported_document_validates(obj: Any) -> None:
    document = json.loads(cfbu.export(obj, format="json"))
    for kind in (None, document["kind"]):
        errors = [e.message for e in _cached_validator(kind).iter_errors(document)]
        assert errors == [], kind


@pytest.fixture(scope="module")
def plan_document() -> dict[str, Any]:
    plan = cfbu.Plan(
        id="p",
        name="Plan",
        organisations=[
            cfbu.Organisation(id="o1", name="Skolen", sector=cfbu.ActorSector.MUNICIPALITY)
        ],
        mappings=[
            cfbu.Mapping(
                id="m1",
                title="Kortlægning",
                entries=[
                    cfbu.MappingEntry(
                        id="e1",
                        organisation_id="o1",
                        assessments=[cfbu.Assessment(date=dt.date(2024, 1, 1))],
                    )
                ],
            )
        ],
    )
    document: dict[str, Any] = json.loads(cfbu.export(plan, format="json"))
    return document


def _broken(document: dict[str, Any], change: Any) -> dict[str, Any]:
    copied = copy.deepcopy(document)
    change(copied)
    return copied


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["data"].update(colour="blue"), "'colour' was unexpected"),
        (
            lambda d: d["data"]["mappings"][0]["entries"][0].update(mood="happy"),
            "'mood' was unexpected",
        ),
        (
            lambda d: d["data"]["organisations"][0].update(sector="church"),
            "'church' is not one of",
        ),
        (
            lambda d: d["data"]["mappings"][0]["entries"][0]["assessments"][0].update(
                interest="very"
            ),
            "'very' is not",
        ),
        (
            lambda d: d["data"]["mappings"][0]["entries"][0]["assessments"][0].update(
                date="1/2/2024"
            ),
            "does not match",
        ),
        (lambda d: d["data"].pop("name"), "'name' is a required property"),
        (lambda d: d.update(schema_version=99), "1 was expected"),
        (lambda d: d.update(kind="pizza"), "'pizza' is not one of"),
        (lambda d: d.update(format="other"), "'cfbu-toolkit' was expected"),
        (lambda d: d.update(extra=True), "'extra' was unexpected"),
        (lambda d: d["data"].update(id="has space"), "does not match"),
    ],
)
def test_invalid_documents_fail(plan_document: dict[str, Any], change: Any, expected: str) -> None:
    document = _broken(plan_document, change)
    errors = _errors(json_schema(), document)
    assert any(expected in e for e in errors), errors


def test_the_kind_decides_what_data_must_be(plan_document: dict[str, Any]) -> None:
    document = _broken(plan_document, lambda d: d.update(kind="mapping"))
    assert _errors(json_schema(), document)
    assert _errors(json_schema("mapping"), document)
    assert _errors(json_schema("plan"), plan_document) == []


def test_a_bad_date_fails_the_format_check(plan_document: dict[str, Any]) -> None:
    document = _broken(
        plan_document,
        lambda d: d["data"]["mappings"][0]["entries"][0]["assessments"][0].update(
            date="2024-02-30"
        ),
    )
    assert any("is not a 'date'" in e for e in _errors(json_schema(), document))


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(cfbu.FormatError, match="ukendt type 'pizza'"):
        json_schema("pizza")
    with use_lang("en"), pytest.raises(cfbu.FormatError, match="unknown kind 'pizza'"):
        json_schema("pizza")


def test_cfbu_schema_command() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == json_schema()
    result = runner.invoke(main, ["schema", "mapping"])
    assert result.exit_code == 0
    assert json.loads(result.output)["properties"]["kind"] == {"const": "mapping"}
    assert "æ" in result.output or "ø" in result.output  # Danish labels, not \u escapes
    result = runner.invoke(main, ["schema", "pizza"])
    assert result.exit_code == 2
    assert "ukendt type 'pizza'" in result.output
