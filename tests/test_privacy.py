"""Privacy profiles on the JSON export: no contact's name, e-mail or phone survives "omit"
or "pseudonymise" (on the demo plan and on generated plans with those strings planted in
every free-text field that may hold them), pseudonyms are stable, and what is left of a
plan still validates."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import Any

import attrs
import orjson
import pytest
from hypothesis import given

import cfbu_toolkit as cfbu
from cfbu_toolkit import ContactPerson, Plan
from cfbu_toolkit.locale import use_lang
from cfbu_toolkit.model._base import PII, REF
from cfbu_toolkit.privacy import personal_fields, pseudonym
from cfbu_toolkit.testing import plans

MODES = ["omit", "pseudonymise"]


def secrets(plan: Plan) -> set[str]:
    found = set()
    for person in plan.contacts:
        for value in (person.name, person.email, person.phone):
            if value:
                found.add(value)
    return found


def strings(value: Any) -> list[str]:
    """Every string (keys and values) in parsed JSON."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *strings(v)]]
    return []


def leaks(data: bytes, plan: Plan) -> list[str]:
    text = "\n".join(strings(orjson.loads(data))).casefold()
    raw = data.decode().casefold()
    return sorted(s for s in secrets(plan) if s.casefold() in text or s.casefold() in raw)


def plant(obj: Any, words: str) -> Any:
    """``obj`` with ``words`` added to every free-text field marked as personal data."""
    if type(obj) is tuple:
        return tuple(plant(item, words) for item in obj)
    if not attrs.has(type(obj)) or type(obj) is ContactPerson:
        return obj
    changes = {}
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        if field.metadata.get(PII) and not field.metadata.get(REF):
            if type(value) is str:
                changes[field.name] = f"{value} {words}"
            elif type(value) is tuple:
                changes[field.name] = (*value, words)
        elif type(value) is tuple or attrs.has(type(value)):
            changes[field.name] = plant(value, words)
    return attrs.evolve(obj, **changes)


def planted(plan: Plan) -> Plan:
    words = " / ".join(sorted(secrets(plan)))
    return plant(plan, f"(talte med {words}; ring til {words.upper()})") if words else plan


# --- the demo plan ------------------------------------------------------------------------


def test_demo_plan_has_personal_data_to_hide(demo_plan: Plan) -> None:
    data = cfbu.export(demo_plan, format="json")
    assert secrets(demo_plan)
    assert leaks(data, demo_plan) == sorted(secrets(demo_plan))


@pytest.mark.parametrize("privacy", MODES)
def test_demo_plan_json_has_no_personal_data(demo_plan: Plan, privacy: Any) -> None:
    assert leaks(cfbu.export(demo_plan, format="json", privacy=privacy), demo_plan) == []


@pytest.mark.parametrize("privacy", MODES)
def test_demo_plan_with_names_in_free_text(demo_plan: Plan, privacy: Any) -> None:
    plan = planted(demo_plan)
    assert cfbu.validate(plan) == []
    assert leaks(cfbu.export(plan, format="json", privacy=privacy), plan) == []


@pytest.mark.parametrize("privacy", MODES)
def test_demo_plan_redacted_still_validates_and_round_trips(demo_plan: Plan, privacy: Any) -> None:
    redacted = cfbu.redact(demo_plan, privacy)
    assert cfbu.validate(redacted) == []
    data = cfbu.export(demo_plan, format="json", privacy=privacy)
    assert cfbu.load(data) == redacted


# --- generated plans ----------------------------------------------------------------------


@given(plans(max_size=3))
def test_generated_plans_leak_nothing(plan: Plan) -> None:
    plan = planted(plan)
    for privacy in MODES:
        data = cfbu.export(plan, format="json", privacy=privacy)  # type: ignore[arg-type]
        assert leaks(data, plan) == [], privacy
        redacted = cfbu.redact(plan, privacy)  # type: ignore[arg-type]
        assert cfbu.validate(redacted) == []
        assert cfbu.load(data) == redacted


@given(plans(max_size=3))
def test_omit_removes_every_contact_and_reference(plan: Plan) -> None:
    redacted = cfbu.redact(plan, "omit")
    assert redacted.contacts == ()
    for group in redacted.groups:
        assert group.members == ()
    # Every field that references a contact person is empty, wherever it sits.
    assert list(_contact_references(redacted)) == []


def _contact_references(obj: Any) -> Any:
    """Every non-empty value of a contact-reference field below ``obj``."""
    if type(obj) is tuple:
        for item in obj:
            yield from _contact_references(item)
        return
    if not attrs.has(type(obj)):
        return
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        if field.metadata.get(REF) == "contact":
            if value not in (None, ()):
                yield type(obj).__name__, field.name, value
        else:
            yield from _contact_references(value)


@given(plans(max_size=3))
def test_pseudonyms_are_stable_and_still_join(plan: Plan) -> None:
    first = cfbu.redact(plan, "pseudonymise")
    assert cfbu.redact(plan, "pseudonymise") == first
    assert cfbu.export(plan, format="json", privacy="pseudonymise") == cfbu.export(
        plan, format="json", privacy="pseudonymise"
    )
    assert [p.id for p in first.contacts] == [pseudonym(p.id) for p in plan.contacts]
    assert len(first.contacts) == len(plan.contacts)
    for group, original in zip(first.groups, plan.groups, strict=True):
        assert [m.contact_id for m in group.members] == [
            pseudonym(m.contact_id) for m in original.members
        ]


def test_pseudonyms_are_the_same_across_plans() -> None:
    anne = ContactPerson(id="c-anne", name="Anne Jensen", email="anne@kk.dk")
    one = Plan(id="p1", name="Plan 1", contacts=[anne])
    other = Plan(
        id="p2",
        name="Plan 2",
        contacts=[ContactPerson(id="c-bo", name="Bo Ørum"), anne],
        workshops=[
            cfbu.Workshop(id="w", title="W", date=dt.date(2024, 1, 1), participant_ids=["c-anne"])
        ],
    )
    a = cfbu.redact(one, "pseudonymise").contacts[0]
    b = cfbu.redact(other, "pseudonymise").contacts[1]
    assert a == b
    assert a.id == pseudonym("c-anne")
    assert a.name not in ("Anne Jensen", "")
    assert a.email is None
    assert cfbu.redact(other, "pseudonymise").workshops[0].participant_ids == (a.id,)


def test_a_key_changes_the_pseudonyms() -> None:
    assert pseudonym("c1") == pseudonym("c1")
    assert pseudonym("c1", key="hemmelig") != pseudonym("c1")
    assert pseudonym("c1") != pseudonym("c2")


@pytest.mark.parametrize(
    "name", ["Anne Strauß", "İbrahim Yılmaz", "Ali Yılmaz", "Kasper Jensen", "ÆBLE Ørum"]
)
@pytest.mark.parametrize("privacy", MODES)
def test_names_are_found_in_any_case(name: str, privacy: Any) -> None:
    note = f"{name} / {name.upper()} / {name.lower()} / {name.casefold()}"
    plan = Plan(
        id="p",
        name="Plan",
        contacts=[ContactPerson(id="c1", name=name)],
        workshops=[cfbu.Workshop(id="w", title="W", date=dt.date(2024, 1, 1), notes=[note])],
    )
    [redacted] = cfbu.redact(plan, privacy).workshops[0].notes
    assert name.casefold() not in redacted.casefold()
    assert redacted.count("/") == 3


def test_keep_changes_nothing(demo_plan: Plan) -> None:
    assert cfbu.redact(demo_plan, "keep") is demo_plan
    assert cfbu.export(demo_plan, format="json", privacy="keep") == cfbu.export(
        demo_plan, format="json"
    )


def test_unknown_profile_is_refused(demo_plan: Plan) -> None:
    # One Danish word for the profile on both doors.
    with pytest.raises(cfbu.CfbuError, match=r"ukendt persondataprofil 'hide'.*pseudonymise"):
        cfbu.redact(demo_plan, "hide")  # type: ignore[arg-type]
    with pytest.raises(cfbu.FormatError, match="persondataprofil"):
        cfbu.export(demo_plan, format="json", privacy="hide")  # type: ignore[arg-type]
    with use_lang("en"), pytest.raises(cfbu.FormatError, match="privacy"):
        cfbu.export(demo_plan, format="json", privacy="hide")  # type: ignore[arg-type]


def test_contact_persons_are_personal_data_through_and_through() -> None:
    assert {"name", "role", "email", "phone"} <= set(personal_fields(ContactPerson))
    assert personal_fields(cfbu.Organisation) == ()


def test_a_part_alone_loses_its_contact_references() -> None:
    entry = cfbu.MappingEntry(
        id="e1",
        organisation_id="o1",
        contact_id="c-anne",
        responsible_id="c-anne",
        assessments=[cfbu.Assessment(date=dt.date(2024, 1, 1), assessed_by="c-anne")],
    )
    mapping = cfbu.Mapping(id="m", title="K", entries=[entry], conducted_by=["c-anne"])
    data = cfbu.export(mapping, format="json", privacy="omit")
    assert b"c-anne" not in data
    data = cfbu.export(mapping, format="json", privacy="pseudonymise")
    assert b"c-anne" not in data
    assert pseudonym("c-anne").encode() in data


_ORDER_SCRIPT = """
import sys
import cfbu_toolkit as c
plan = c.Plan(
    id="p",
    name="P",
    organisations=[c.Organisation(id="o", name="Org", sector=c.ActorSector.OTHER,
                                  description="Anne Jensen er kontakt")],
    contacts=[c.ContactPerson(id="c", name="Anne Jensen")],
)
if sys.argv[1] == "load-first":
    c.load(c.export(plan, format="json"))
sys.stdout.write(c.export(plan, format="json", privacy="omit").decode())
"""


def test_redaction_does_not_depend_on_what_ran_before() -> None:
    """cattrs resolves field annotations in place on first use; the privacy walk once
    decided what to clean from the annotation text, so a load before the first redaction
    changed what it cleaned."""
    outputs = {
        order: subprocess.run(
            [sys.executable, "-c", _ORDER_SCRIPT, order],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for order in ("fresh", "load-first")
    }
    assert outputs["fresh"] == outputs["load-first"]
