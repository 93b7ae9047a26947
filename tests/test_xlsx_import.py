"""The Excel importer: lossless round trip, headers by name, every problem with its cell."""

from __future__ import annotations

import datetime as dt
import io
import warnings
from typing import Any

import attrs
import pytest
from _profile import examples
from hypothesis import HealthCheck, given, settings

import cfbu_toolkit as cfbu
from cfbu_toolkit.errors import DocumentError
from cfbu_toolkit.formats.xlsx.plugin import WorkbookWarning
from cfbu_toolkit.locale import use_lang
from cfbu_toolkit.testing import exportables, plans

openpyxl = pytest.importorskip("openpyxl")

_SETTINGS = settings(
    max_examples=examples(0.8),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# -- lossless round trip ------------------------------------------------------------------------


def test_demo_plan_round_trips(tmp_path: Any) -> None:
    plan = cfbu.examples.demo_plan()
    target = tmp_path / "x.xlsx"
    cfbu.export(plan, target)
    assert cfbu.load(target) == plan
    cfbu.export(plan, target, lang="en")
    assert cfbu.load(target) == plan


def _invites_warnings(obj: Any) -> bool:
    """Whether a workbook of ``obj`` rightly warns on reading: an organisation twice in one
    mapping, or two organisations with the same name."""
    mappings = getattr(obj, "mappings", (obj,) if isinstance(obj, cfbu.Mapping) else ())
    for mapping in mappings:
        ids = [e.organisation_id for e in mapping.entries]
        if len(ids) != len(set(ids)):
            return True
    names = [" ".join(o.name.split()).casefold() for o in getattr(obj, "organisations", ())]
    return len(names) != len(set(names))


def _round_trip(obj: Any, **options: Any) -> Any:
    """``obj`` written as a workbook and read again; a warning only where it is invited."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        back = cfbu.load(cfbu.export(obj, format="xlsx", **options))
    assert all(issubclass(w.category, WorkbookWarning) for w in caught), caught
    assert not caught or _invites_warnings(obj), [str(w.message) for w in caught]
    return back


@_SETTINGS
@given(plans())
def test_plans_round_trip(plan: cfbu.Plan) -> None:
    assert _round_trip(plan) == plan


@_SETTINGS
@given(plans(xml_safe=False))
def test_plans_with_any_characters_round_trip(plan: cfbu.Plan) -> None:
    assert _round_trip(plan, lang="en") == plan


@_SETTINGS
@given(exportables())
def test_every_kind_round_trips(obj: Any) -> None:
    assert _round_trip(obj) == obj


def test_long_and_tricky_text_round_trips() -> None:
    plan = cfbu.examples.demo_plan()
    org = plan.organisations[0]
    texts = ("=SUM(A1)", "+45", "-1", "@x", "linje 1\nlinje 2\ttab", "🏠 æøå ÆØÅ", "x" * 32_767)
    orgs = tuple(
        attrs.evolve(org, id=f"t{i}", name=f"{org.name} {i}", description=t)
        for i, t in enumerate(texts)
    )
    plan = attrs.evolve(plan, organisations=(*plan.organisations, *orgs))
    assert cfbu.load(cfbu.export(plan, format="xlsx")) == plan


# -- editing a workbook the way a person does ---------------------------------------------------


def _edit(data: bytes, edit: Any) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    edit(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _mapping_plan() -> cfbu.Plan:
    orgs = (
        cfbu.Organisation(id="org-a", name="Jobcenter", sector=cfbu.ActorSector.MUNICIPALITY),
        cfbu.Organisation(id="org-b", name="Boldklubben", sector=cfbu.ActorSector.CIVIL_SOCIETY),
    )
    entries = tuple(
        cfbu.MappingEntry(
            id=f"e{i}",
            organisation_id=org.id,
            assessments=(
                cfbu.Assessment(
                    date=dt.date(2024, 1, 1),
                    interest=cfbu.Level.LOW,
                    influence=cfbu.Level.HIGH,
                ),
            ),
        )
        for i, org in enumerate(orgs)
    )
    mapping = cfbu.Mapping(id="map-1", title="Kortlægning 2024", entries=entries)
    return cfbu.Plan(id="p", name="Plan", organisations=orgs, mappings=(mapping,))


def _header(ws: Any) -> list[str]:
    return [c.value for c in ws[1]]


def test_columns_in_any_order_with_english_headers() -> None:
    plan = _mapping_plan()
    data = cfbu.export(plan, format="xlsx")

    def shuffle(wb: Any) -> None:
        ws = wb["Kortlægning"]
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        english = {"Interesse": "  INTEREST ", "Indflydelse": "influence", "ID": "id"}
        rows[0] = [english.get(h, h) for h in rows[0]]
        order = list(reversed(range(len(rows[0]))))
        ws.delete_rows(1, ws.max_row)
        for row in rows:
            ws.append([row[i] for i in order])

    assert cfbu.load(_edit(data, shuffle)) == plan


def test_extra_columns_are_reported_not_fatal() -> None:
    plan = _mapping_plan()

    def extra(wb: Any) -> None:
        ws = wb["Organisationer"]
        ws.cell(row=1, column=ws.max_column + 2, value="Min egen kolonne")
        ws.cell(row=2, column=ws.max_column, value="noget")

    data = _edit(cfbu.export(plan, format="xlsx"), extra)
    with pytest.warns(WorkbookWarning, match="Min egen kolonne"):
        assert cfbu.load(data) == plan


def test_missing_required_columns_are_named() -> None:
    def drop(wb: Any) -> None:
        ws = wb["Organisationer"]
        ws.delete_cols(_header(ws).index("Navn") + 1)
        ws = wb["Kortlægning"]
        ws.delete_cols(_header(ws).index("Organisation-ID") + 1)

    data = _edit(cfbu.export(_mapping_plan(), format="xlsx"), drop)
    with pytest.raises(DocumentError) as info:
        cfbu.load(data)
    found = {(p.where, p.text) for p in info.value.problems}
    assert ("Organisationer", 'kolonnen "Navn" mangler') in found
    assert ("Kortlægning", 'kolonnen "Organisation-ID" mangler') in found


@pytest.mark.parametrize(
    ("lang", "sheet", "expected"),
    [("da", "Plan", 'kolonnen "Værdi" mangler'), ("en", "Plan", 'column "Value" is missing')],
)
def test_a_missing_column_of_the_record_sheet_is_named_in_the_readers_words(
    lang: str, sheet: str, expected: str
) -> None:
    def drop(wb: Any) -> None:
        wb[sheet].delete_cols(_header(wb[sheet]).index("Værdi") + 1)

    data = _edit(cfbu.export(_mapping_plan(), format="xlsx"), drop)
    with use_lang(lang):
        with pytest.raises(DocumentError) as info:
            cfbu.load(data, lang=lang)
        assert (sheet, expected) in {(p.where, p.text) for p in info.value.problems}


def test_forms_people_type() -> None:
    plan = _mapping_plan()

    def typed(wb: Any) -> None:
        ws = wb["Kortlægning"]
        col = {h: i + 1 for i, h in enumerate(_header(ws))}
        ws.cell(row=2, column=col["Vurderet den"], value="15-03-2025")
        ws.cell(row=2, column=col["Interesse"], value="medium")
        ws.cell(row=2, column=col["Indflydelse"], value=" høj ")
        ws.cell(row=2, column=col["Eksisterende relation"], value="ja")
        ws.cell(row=3, column=col["Eksisterende relation"], value="NEJ")
        ws.cell(row=3, column=col["Opfølgning den"], value="2025-04-01")
        ws.cell(row=3, column=col["Status"], value="in dialogue")

    got = cfbu.load(_edit(cfbu.export(plan, format="xlsx"), typed))
    assert isinstance(got, cfbu.Plan)
    first, second = got.mappings[0].entries
    assert first.current.date == dt.date(2025, 3, 15)
    assert first.interest is cfbu.Level.MEDIUM
    assert first.influence is cfbu.Level.HIGH
    assert first.existing_relation is True
    assert second.existing_relation is False
    assert second.follow_up_on == dt.date(2025, 4, 1)
    assert second.status is cfbu.CollaborationStatus.IN_DIALOGUE


def _typos(wb: Any) -> None:
    ws = wb["Kortlægning"]
    col = {h: i + 1 for i, h in enumerate(_header(ws))}
    ws.cell(row=2, column=col["Interesse"], value="Mellem")
    ws.cell(row=3, column=col["Vurderet den"], value="31-02-2025")
    ws.cell(row=3, column=col["Eksisterende relation"], value="måske")
    ws.cell(row=2, column=col["Organisation-ID"], value="org-zzz")
    orgs = wb["Organisationer"]
    orgs["B3"].value = None  # a required name left empty


def test_every_problem_at_once_with_its_cell() -> None:
    data = _edit(cfbu.export(_mapping_plan(), format="xlsx"), _typos)
    with pytest.raises(DocumentError) as info:
        cfbu.load(data)
    problems = [str(p) for p in info.value.problems]
    ws_header = _header(openpyxl.load_workbook(io.BytesIO(data))["Kortlægning"])

    def cell(name: str, row: int) -> str:
        return f"Kortlægning!{openpyxl.utils.get_column_letter(ws_header.index(name) + 1)}{row}"

    assert f'{cell("Interesse", 2)}: "Mellem" er ikke en af Lav, Middel, Høj' in problems
    assert f'{cell("Vurderet den", 3)}: "31-02-2025" er ikke en dato (skriv dd-mm-åååå)' in (
        problems
    )
    assert f'{cell("Eksisterende relation", 3)}: "måske" er hverken Ja eller Nej' in problems
    assert "Organisationer!B3: skal udfyldes" in problems


def test_problems_in_english() -> None:
    data = _edit(cfbu.export(_mapping_plan(), format="xlsx"), _typos)
    with pytest.raises(DocumentError) as info:
        cfbu.load(data, lang="en")
    with use_lang("en"):  # problems are shown in the current language
        text = str(info.value)
    assert '"Mellem" is not one of Low, Medium, High' in text
    assert "is required" in text


def test_a_dangling_reference_is_placed_in_its_cell() -> None:
    def dangle(wb: Any) -> None:
        ws = wb["Kortlægning"]
        col = _header(ws).index("Organisation-ID") + 1
        ws.cell(row=3, column=col, value="org-zzz")

    data = _edit(cfbu.export(_mapping_plan(), format="xlsx"), dangle)
    with pytest.raises(DocumentError) as info:
        cfbu.load(data)
    ws_header = _header(openpyxl.load_workbook(io.BytesIO(data))["Kortlægning"])
    letter = openpyxl.utils.get_column_letter(ws_header.index("Organisation-ID") + 1)
    assert [p.where for p in info.value.problems] == [f"Kortlægning!{letter}3"]
    assert "org-zzz" in info.value.problems[0].text


def test_child_row_with_unknown_parent() -> None:
    def orphan(wb: Any) -> None:
        ws = wb["Kortlægning"]
        col = _header(ws).index("Kortlægning-ID") + 1
        ws.cell(row=2, column=col, value="map-nope")

    data = _edit(cfbu.export(_mapping_plan(), format="xlsx"), orphan)
    with pytest.raises(DocumentError, match='ID "map-nope" findes ikke i arket Kortlægninger'):
        cfbu.load(data)


def test_rows_without_an_id_get_one() -> None:
    def new_row(wb: Any) -> None:
        ws = wb["Organisationer"]
        ws.append([None, "Ny forening", "Civilsamfund/forening"])

    got = cfbu.load(_edit(cfbu.export(_mapping_plan(), format="xlsx"), new_row))
    assert isinstance(got, cfbu.Plan)
    new = got.organisations[-1]
    assert new.name == "Ny forening"
    assert new.id


def test_the_importer_is_registered() -> None:
    info = {f.name: f for f in cfbu.formats()}["xlsx"]
    assert info.can_export
    assert info.can_import
    assert ".xlsx" in info.suffixes
