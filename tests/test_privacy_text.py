"""Free text under a privacy profile: every text field is cleaned, of the people the plan
knows in any spelling and of any e-mail, phone and CPR number; parts know the plan's people;
pseudonyms are the same everywhere; and the limits docs/privacy.md states."""

from __future__ import annotations

import datetime as dt
import typing
from typing import Any

import attrs
import pytest

import cfbu_toolkit as cfbu
from cfbu_toolkit import (
    ActorSector,
    Assessment,
    ContactPerson,
    Mapping,
    MappingEntry,
    Organisation,
    Plan,
)
from cfbu_toolkit.io.kinds import KINDS
from cfbu_toolkit.model._base import REF
from cfbu_toolkit.model._fields import field_infos
from cfbu_toolkit.privacy import pseudonym

LOUISE = ContactPerson(
    id="c-louise",
    name="Louise Østergaard Holm",
    email="loh@egebo.dk",
    phone="+45 71 23 45 67",
)
BO = ContactPerson(id="c-bo", name="Bo Ek", phone="20304050")
ORG = Organisation(id="o1", name="Jobcenter", sector=ActorSector.MUNICIPALITY, cvr="12345678")


def plan_with(note: str) -> Plan:
    return Plan(
        id="p",
        name="Plan",
        organisations=[ORG],
        contacts=[LOUISE, BO],
        mappings=[
            Mapping(
                id="m",
                title="Kortlægning",
                entries=[
                    MappingEntry(
                        id="e",
                        organisation_id="o1",
                        services_offered=note,
                        assessments=[Assessment(date=dt.date(2024, 1, 1))],
                    )
                ],
            )
        ],
    )


def cleaned(note: str, privacy: Any = "omit", **kw: Any) -> str:
    plan = plan_with(note)
    return cfbu.redact(plan, privacy, **kw).mappings[0].entries[0].services_offered


@pytest.mark.parametrize(
    "written",
    [
        "Louise Østergaard Holm",
        "louise østergaard holm",
        "LOUISE ØSTERGAARD HOLM",
        "Louise  Østergaard\nHolm",
        "Louise\u00a0Østergaard Holm",
        "Holm, Louise Østergaard",
        "Holm Louise Østergaard",
        "holm,\n louise østergaard",
        "Louise Østergaard Holms forslag",
        "Holm, Louise",  # the middle name left out
        "Louise Holm",
        "holm louise",
        "loh@egebo.dk",
        "LOH@EGEBO.DK",
        "+45 71 23 45 67",
        "71234567",
        "71 23 45 67",
        "7123 4567",
        "71-23-45-67",
        "71.23.45.67",
        "+4571234567",
        "0045 71234567",
        "0045 71 23 45 67",
        "(+45) 71 23 45 67",
        "Bo Ek",
        "bo ek",
        "Ek, Bo",
        "20 30 40 50",
    ],
)
def test_a_known_person_in_any_spelling_goes(written: str) -> None:
    for privacy in ("omit", "pseudonymise"):
        text = cleaned(f"Ring til {written} i morgen", privacy)
        assert written.casefold() not in text.casefold(), (privacy, text)
        assert text.startswith("Ring til "), text
        assert text.endswith(" i morgen"), text


@pytest.mark.parametrize(
    "written",
    [
        "ukendt@example.org",
        "010190-1234",
        "0101901234",
        "010190 1234",
        "+45 88 77 66 55",
        "88776655",
        "88 77 66 55",
        "+46 8 123 456 78",
    ],
)
def test_any_email_phone_or_cpr_goes_whoever_it_belongs_to(written: str) -> None:
    assert cleaned(f"se {written}.") == "se [udeladt]."
    assert cleaned(f"see {written}", lang="en") == "see [omitted]"


@pytest.mark.parametrize(
    "kept",
    [
        "Helhedsplan 2024-2030",
        "mødet 2024-01-15 kl. 10.30",
        "15.01.2024",
        "budget 12.500.000 kr.",
        "CVR 12345678",  # the plan's organisation's own number
        "Bolig og Ekspert",  # "Bo" and "Ek" only inside longer words
        "Louise",  # a first name alone is not recognised (the documented limit)
    ],
)
def test_what_is_not_personal_stays(kept: str) -> None:
    assert cleaned(kept) == kept


def test_pseudonyms_replace_names_and_are_the_same_everywhere() -> None:
    alias = f"Person {pseudonym(LOUISE.id)[2:8].upper()}"
    text = cleaned("Louise Østergaard Holm, loh@egebo.dk, 71234567", "pseudonymise")
    assert text == f"{alias}, {alias}, {alias}"
    plan = plan_with("Holm, Louise Østergaard")
    whole = cfbu.redact(plan, "pseudonymise")
    part = cfbu.redact(plan.mappings[0], "pseudonymise", plan=plan)
    assert whole.mappings[0] == part
    assert whole.contacts[0].name == alias


def test_a_part_uses_the_people_of_the_plan_passed_with_it() -> None:
    plan = plan_with("Bo Ek ringer på 71234567")
    mapping = plan.mappings[0]
    with_plan = cfbu.redact(mapping, "omit", plan=plan).entries[0].services_offered
    assert with_plan == "[udeladt] ringer på [udeladt]"
    # Without the plan the part knows no names; numbers and addresses still go.
    alone = cfbu.redact(mapping, "omit").entries[0].services_offered
    assert alone == "Bo Ek ringer på [udeladt]"


def test_export_of_a_part_with_plan_cleans_the_part_and_the_plan(tmp_path: Any) -> None:
    plan = plan_with("kontakt Louise Østergaard Holm")
    data = cfbu.export(plan.mappings[0], format="json", privacy="omit", plan=plan)
    assert b"Louise" not in data
    assert b"[udeladt]" in data

    seen: list[Any] = []

    class Spy:
        @cfbu.hookimpl
        def cfbu_exporters(self) -> list[cfbu.ExporterSpec]:
            return [
                cfbu.ExporterSpec(
                    name="spy",
                    suffixes=(".spy",),
                    media_type="text/plain",
                    kinds=set(KINDS),
                    export=lambda obj, stream, context: seen.append((obj, context)),
                    options={"extra"},
                )
            ]

    from cfbu_toolkit.testing import fresh_plugin_host

    with fresh_plugin_host() as host:
        host.register(Spy(), name="spy")
        cfbu.export(plan.mappings[0], format="spy", privacy="omit", plan=plan, extra=plan)
    [(obj, context)] = seen
    assert context.plan.contacts == ()
    assert context.options["extra"].contacts == ()
    for thing in (obj, context.plan, context.options["extra"]):
        assert "Louise" not in repr(thing)


def test_a_replaced_redact_does_not_switch_privacy_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plugin patching the privacy functions after import cannot turn privacy off."""
    import cfbu_toolkit.api
    import cfbu_toolkit.privacy
    import cfbu_toolkit.privacy.profiles

    def nothing(obj: Any, *args: Any, **kwargs: Any) -> Any:
        return obj

    monkeypatch.setattr(cfbu, "redact", nothing)
    monkeypatch.setattr(cfbu_toolkit.privacy, "redact", nothing)
    monkeypatch.setattr(cfbu_toolkit.privacy.profiles, "redact", nothing)
    monkeypatch.setattr(cfbu_toolkit.privacy.profiles, "redactor", nothing)
    monkeypatch.setattr(cfbu_toolkit.api, "_redactor", nothing)
    monkeypatch.setattr(cfbu_toolkit.api, "redact", nothing, raising=False)
    data = cfbu.export(plan_with("Louise Østergaard Holm"), format="json", privacy="omit")
    assert b"Louise" not in data
    assert b"loh@" not in data


# --- every free-text field is covered ------------------------------------------------------


def _model_classes() -> list[type[Any]]:
    found: dict[str, type[Any]] = {}
    pending = [*list(KINDS.values()), cfbu.Workshop]
    while pending:
        cls = pending.pop()
        if cls.__name__ in found or not attrs.has(cls):
            continue
        found[cls.__name__] = cls
        for hint in typing.get_type_hints(cls).values():
            stack = [hint]
            while stack:
                t = stack.pop()
                stack.extend(typing.get_args(t))
                if isinstance(t, type) and attrs.has(t):
                    pending.append(t)
    return list(found.values())


def _holds_text(annotation: Any) -> bool:
    return annotation is str or any(_holds_text(a) for a in typing.get_args(annotation))


#: str fields that are not free text: identifiers and keys, and the plan's focus-area keys.
NOT_TEXT = {"Plan.focus_areas"}


def test_every_string_field_is_free_text_an_id_or_a_reference() -> None:
    """A new str field must be marked as text (optional_text, required_text, text_list) to
    be cleaned; this fails when one is added any other way."""
    unclassified = []
    for cls in _model_classes():
        text = {i.name for i in field_infos(cls) if i.text}
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):
            if not _holds_text(hints[field.name]) or field.metadata.get(REF):
                continue
            where = f"{cls.__name__}.{field.name}"
            is_id = field.name in ("id", "key")
            personal_contact = cls is ContactPerson and field.name in ("email", "phone")
            if field.name not in text and not (is_id or personal_contact or where in NOT_TEXT):
                unclassified.append(where)
    assert unclassified == []


def test_fields_not_marked_personal_are_cleaned_too() -> None:
    day = dt.date(2024, 1, 1)
    plan = Plan(
        id="p",
        name="Plan for Louise Østergaard Holm",
        contacts=[LOUISE],
        organisations=[
            Organisation(
                id="o",
                name="O",
                sector=ActorSector.MUNICIPALITY,
                description="spørg Holm, Louise Østergaard",
            )
        ],
        workshops=[cfbu.Workshop(id="w", title="71 23 45 67", date=day, place="loh@egebo.dk")],
    )
    redacted = cfbu.redact(plan, "omit")
    assert redacted.name == "Plan for [udeladt]"
    assert redacted.organisations[0].description == "spørg [udeladt]"
    assert (redacted.workshops[0].title, redacted.workshops[0].place) == ("[udeladt]",) * 2
    assert cfbu.validate(redacted) == []
