"""Construction checks what one object can check by itself, and every class round-trips
through the converter."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cfbu_toolkit as cfbu
from cfbu_toolkit import (
    AgendaItem,
    Assessment,
    CoFinancing,
    CollaborationStatus,
    ContactPerson,
    DialogueSession,
    Goal,
    Group,
    Level,
    Mapping,
    MappingEntry,
    Membership,
    ModelError,
    Organisation,
    Period,
    Placement,
    Plan,
    ValueGame,
    ValuePiece,
)
from cfbu_toolkit.io import converter
from cfbu_toolkit.locale import use_lang
from cfbu_toolkit.model import ActorSector, ValueCategory
from cfbu_toolkit.testing import (
    emails,
    identifiers,
    model_classes,
    names,
    phones,
    strategy_for,
    text,
)

D = dt.date


def org(**kw: Any) -> Organisation:
    return Organisation(
        **{"id": "o1", "name": "Jobcenter", "sector": ActorSector.MUNICIPALITY, **kw}
    )


def entry(**kw: Any) -> MappingEntry:
    fields = {
        "id": "e1",
        "organisation_id": "o1",
        "assessments": (Assessment(date=D(2024, 1, 1)),),
        **kw,
    }
    return MappingEntry(**fields)


# --- identifiers and required text ------------------------------------------------------


@pytest.mark.parametrize(
    "bad", ["", " x", "-x", "_x", "a b", "æble", "a/b", "x" * 129, None, 7, "a\n"]
)
def test_bad_ids_are_refused(bad: Any) -> None:
    with pytest.raises(ModelError) as info:
        org(id=bad)
    assert info.value.field == "id"


@pytest.mark.parametrize("good", ["a", "0", "org-1", "a.b:c_d-e", "x" * 128])
def test_good_ids_are_accepted(good: str) -> None:
    assert org(id=good).id == good


@pytest.mark.parametrize("bad", ["", " ", "\t\n", "\u00a0", None])
def test_blank_names_are_refused(bad: Any) -> None:
    with pytest.raises(ModelError) as info:
        org(name=bad)
    assert info.value.field == "name"


def test_unknown_enum_member_is_refused_with_allowed_values() -> None:
    with pytest.raises(ModelError, match="municipality") as info:
        org(sector="kommune")
    assert info.value.field == "sector"


def test_enum_value_string_is_not_a_member() -> None:
    with pytest.raises(ModelError):
        org(sector="municipality")  # the value, not the member


# --- e-mail and phone ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad", ["anne", "anne@", "@kk.dk", "anne@kk", "anne@kk.d", "an ne@kk.dk", "a@b@c.dk"]
)
def test_bad_emails_are_refused(bad: str) -> None:
    with pytest.raises(ModelError) as info:
        ContactPerson(id="c", name="Anne", email=bad)
    assert info.value.field == "email"


@pytest.mark.parametrize("bad", ["12345", "abc", "+45 12 34 56 7x", "1" * 16, "++4512345678"])
def test_bad_phones_are_refused(bad: str) -> None:
    with pytest.raises(ModelError) as info:
        ContactPerson(id="c", name="Anne", phone=bad)
    assert info.value.field == "phone"


@given(emails(), phones())
def test_generated_contact_details_are_accepted(email: str, phone: str) -> None:
    person = ContactPerson(id="c", name="Anne", email=email, phone=phone)
    assert (person.email, person.phone) == (email, phone)


# --- dates ----------------------------------------------------------------------------------


def test_period_end_before_start_is_refused() -> None:
    with pytest.raises(ModelError) as info:
        Period(start=D(2024, 5, 1), end=D(2024, 4, 30))
    assert info.value.field == "end"


def test_period_may_be_open_or_one_day() -> None:
    assert Period(start=D(2024, 1, 1), end=D(2024, 1, 1)).contains(D(2024, 1, 1))
    assert Period(end=D(2024, 1, 1)).contains(D(1900, 1, 1))
    assert not Period(start=D(2024, 1, 2)).contains(D(2024, 1, 1))


def test_datetime_is_not_a_date() -> None:
    with pytest.raises(ModelError):
        Period(start=dt.datetime(2024, 1, 1))


def test_assessment_history_out_of_order_is_refused() -> None:
    with pytest.raises(ModelError, match="datoorden") as info:
        entry(assessments=(Assessment(date=D(2024, 2, 1)), Assessment(date=D(2024, 1, 1))))
    assert info.value.field == "assessments"
    with use_lang("en"):
        assert "date order" in str(info.value)


@pytest.mark.usefixtures("english")  # matches the English message
def test_assessment_history_may_not_be_empty() -> None:
    with pytest.raises(ModelError, match="at least one"):
        entry(assessments=())


def test_reassess_adds_history() -> None:
    first = entry()
    later = first.reassess(
        Assessment(date=D(2024, 3, 1), status=CollaborationStatus.ACTIVE, interest=Level.HIGH)
    )
    assert len(later.assessments) == 2
    assert later.status is CollaborationStatus.ACTIVE
    assert later.interest is Level.HIGH
    assert first.status is CollaborationStatus.POTENTIAL


# --- numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [0, 4, -1, True, 2.0, "2", None])
def test_placement_strength_is_one_to_three(bad: Any) -> None:
    with pytest.raises(ModelError) as info:
        Placement(piece_id="p", organisation_id="o", strength=bad)
    assert info.value.field == "strength"


@pytest.mark.parametrize("strength", [1, 2, 3])
def test_placement_strength_in_range(strength: int) -> None:
    assert Placement(piece_id="p", organisation_id="o", strength=strength).strength == strength


@pytest.mark.parametrize("bad", [-1, 1.5, True, "100", None])
def test_cofinancing_amount_is_a_whole_number(bad: Any) -> None:
    with pytest.raises(ModelError) as info:
        CoFinancing(organisation_id="o", amount_dkk=bad)
    assert info.value.field == "amount_dkk"


def test_agenda_start_is_hours_and_minutes() -> None:
    assert AgendaItem(title="Velkomst", start=dt.time(9, 30)).start == dt.time(9, 30)
    for bad in (dt.time(9, 30, 15), dt.time(9, 30, tzinfo=dt.UTC), "09:30"):
        with pytest.raises(ModelError):
            AgendaItem(title="Velkomst", start=bad)


# --- collections ------------------------------------------------------------------------------


def test_lists_become_tuples() -> None:
    game = ValueGame(
        id="g",
        title="Værdispil",
        pieces=[ValuePiece(id="v", label_da="Tryghed", category=ValueCategory.SOCIAL)],
        placements=[Placement(piece_id="v", organisation_id="o")],
    )
    assert type(game.pieces) is tuple
    assert type(game.placements) is tuple
    mapping = Mapping(id="m", title="Kortlægning", entries=[entry()], conducted_by=["c1"])
    assert type(mapping.entries) is tuple
    assert mapping.conducted_by == ("c1",)
    plan = Plan(id="p", name="Plan", housing_departments=["Afd. 1"], focus_areas=["employment"])
    assert plan.housing_departments == ("Afd. 1",)
    assert plan.focus_areas == ("employment",)


def test_generators_become_tuples() -> None:
    mapping = Mapping(id="m", title="K", conducted_by=(f"c{i}" for i in range(3)))
    assert mapping.conducted_by == ("c0", "c1", "c2")


@pytest.mark.parametrize("bad", ["c1", b"c1", {"c1": 1}])
def test_strings_are_refused_where_lists_are_expected(bad: Any) -> None:
    with pytest.raises(ModelError, match="list"):
        Mapping(id="m", title="K", conducted_by=bad)


def test_string_list_items_must_be_text() -> None:
    with pytest.raises(ModelError):
        Plan(id="p", name="Plan", housing_departments=["Afd. 1", 2])


def test_duplicate_members_pieces_and_answers_are_refused() -> None:
    with pytest.raises(ModelError, match="mere end én gang") as info:
        Group(
            id="g",
            kind=cfbu.GroupKind.BOARD,
            name="Bestyrelse",
            members=[Membership(contact_id="c"), Membership(contact_id="c")],
        )
    with use_lang("en"):
        assert "more than once" in str(info.value)
    piece = ValuePiece(id="v", label_da="Tryghed", category=ValueCategory.SOCIAL)
    with pytest.raises(ModelError, match="mere end én gang"):
        ValueGame(id="g", title="Spil", pieces=[piece, piece])
    with use_lang("en"), pytest.raises(ModelError, match="more than once"):
        ValueGame(id="g", title="Spil", pieces=[piece, piece])
    answer = cfbu.DialogueAnswer(question_id="q1")
    with pytest.raises(ModelError, match="mere end én gang"):
        DialogueSession(id="s", tool_id="t", organisation_id="o", answers=[answer, answer])
    with use_lang("en"), pytest.raises(ModelError, match="more than once"):
        DialogueSession(id="s", tool_id="t", organisation_id="o", answers=[answer, answer])


def test_unknown_plan_focus_area_is_refused() -> None:
    with pytest.raises(ModelError) as info:
        Plan(id="p", name="Plan", focus_areas=["beskæftigelse"])
    assert info.value.field == "focus_areas"
    custom = cfbu.CustomFocusArea(key="tryghed", label_da="Tryghed")
    plan = Plan(id="p", name="Plan", focus_areas=["tryghed"], custom_focus_areas=[custom])
    assert plan.focus_area_label("tryghed") == "Tryghed"


def test_models_are_frozen_and_keyword_only() -> None:
    goal = Goal(text="Flere i job")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        goal.text = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Goal("Flere i job")  # type: ignore[misc]


@pytest.mark.usefixtures("english")  # matches the English message
def test_model_errors_are_library_errors() -> None:
    with pytest.raises(cfbu.CfbuError):
        org(name="")
    with pytest.raises(ValueError, match="empty"):  # also a ValueError, for callers
        org(name="")


# --- the strategies build valid objects of every class, and each round-trips --------------


def test_a_strategy_for_every_model_class() -> None:
    public = {
        getattr(cfbu.model, name)
        for name in cfbu.model.__all__
        if attrs.has(getattr(cfbu.model, name, None))  # type: ignore[arg-type]
    }
    assert public == set(model_classes())
    with pytest.raises(TypeError, match="no strategy"):
        strategy_for(int)


@pytest.mark.parametrize("cls", model_classes(), ids=lambda c: c.__name__)
@given(data=st.data())
def test_every_class_round_trips_through_the_converter(cls: type[Any], data: Any) -> None:
    obj = data.draw(strategy_for(cls))
    plain = converter.unstructure(obj)
    assert converter.structure(plain, cls) == obj
    assert cfbu.validate(obj) == []


@pytest.mark.parametrize("cls", [Organisation, MappingEntry, cfbu.Workshop])
@given(data=st.data())
def test_any_unicode_round_trips(cls: type[Any], data: Any) -> None:
    obj = data.draw(strategy_for(cls, xml_safe=False))
    assert converter.structure(converter.unstructure(obj), cls) == obj


_XML_OK = {0x9, 0xA, 0xD}


def _xml_char(c: str) -> bool:
    o = ord(c)
    return o in _XML_OK or 0x20 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or 0x10000 <= o <= 0x10FFFF


@given(text())
def test_default_text_holds_only_xml_characters(value: str) -> None:
    assert all(map(_xml_char, value))


@given(names(), identifiers())
def test_names_are_not_blank_and_ids_are_valid(name: str, ident: str) -> None:
    assert name.strip()
    assert org(id=ident, name=name).id == ident


def test_testing_module_says_what_to_install_without_hypothesis() -> None:
    code = (
        "import sys\n"
        "sys.modules['hypothesis'] = None\n"
        "try:\n"
        "    import cfbu_toolkit.testing\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "cfbu-toolkit[test]" in out
