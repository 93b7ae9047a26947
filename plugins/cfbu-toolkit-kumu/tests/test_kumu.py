"""Tests of the Kumu exporter itself: the rows it builds and the workbook it writes.

These call the plugin directly (no entry point needed); discovery through the installed
entry point is tested in the main repository's ``tests/test_kumu_plugin.py``.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import openpyxl  # type: ignore[import-untyped,unused-ignore]
import pytest
from cfbu_toolkit_kumu import (
    CONNECTION_HEADERS,
    ELEMENT_HEADERS,
    Connection,
    cfbu_exporters,
    export_kumu,
    kumu_tables,
)

from cfbu_toolkit import (
    ActivityAgreement,
    ActorSector,
    ActorType,
    AgreementParty,
    AgreementStatus,
    Assessment,
    CollaborationAgreement,
    CollaborationStatus,
    ContactPerson,
    ExportContext,
    ExporterSpec,
    FormatError,
    Group,
    GroupKind,
    Mapping,
    MappingEntry,
    Membership,
    Organisation,
    Plan,
    ResourceKind,
)

DAY = dt.date(2024, 3, 1)


def org(id: str, name: str, sector: ActorSector, **kw: Any) -> Organisation:
    return Organisation(id=id, name=name, sector=sector, **kw)


def entry(id: str, organisation_id: str, *statuses: CollaborationStatus) -> MappingEntry:
    return MappingEntry(
        id=id,
        organisation_id=organisation_id,
        assessments=tuple(
            Assessment(date=DAY + dt.timedelta(days=i), status=s) for i, s in enumerate(statuses)
        ),
    )


def small_plan(**changes: Any) -> Plan:
    fields: dict[str, Any] = {
        "id": "plan-test",
        "name": "Helhedsplan Testparken",
        "area": "Testparken",
        "municipality": "Testrup Kommune",
        "organisations": (
            org(
                "org-bo",
                "Boligselskabet Test",
                ActorSector.HOUSING_ORG,
                actor_type=ActorType.HOUSING_ADMIN,
                description="Administrerer afdelingen",
            ),
            org(
                "org-job",
                "Jobcenter Testrup",
                ActorSector.MUNICIPALITY,
                actor_type=ActorType.JOBCENTER,
            ),
            org(
                "org-skole",
                "Testparkens Skole",
                ActorSector.MUNICIPALITY,
                actor_type=ActorType.SCHOOL,
            ),
            org(
                "org-fodbold",
                "Testparken FC",
                ActorSector.CIVIL_SOCIETY,
                actor_type=ActorType.SPORTS_CLUB,
                resource_kind=ResourceKind.VOLUNTEER,
            ),
            org("org-andet", "Kaffeklubben", ActorSector.OTHER),
        ),
        "contacts": (
            ContactPerson(id="c-anna", name="Anna Jensen", organisation_id="org-bo"),
            ContactPerson(id="c-omar", name="Omar Ali", organisation_id="org-job"),
            ContactPerson(id="c-sofie", name="Sofie Holm", organisation_id="org-skole"),
        ),
        "groups": (
            Group(
                id="g-styre",
                kind=GroupKind.STEERING,
                name="Styregruppen",
                members=(
                    Membership(contact_id="c-anna"),  # sits for her contact's organisation
                    Membership(contact_id="c-omar", organisation_id="org-job"),
                    Membership(contact_id="c-sofie", organisation_id="org-skole"),
                ),
            ),
        ),
        "collaboration_agreements": (
            CollaborationAgreement(
                id="sa-1",
                title="Samarbejdsaftale om job",
                parties=(
                    AgreementParty(organisation_id="org-job"),
                    AgreementParty(organisation_id="org-bo"),
                ),
                status=AgreementStatus.SIGNED,
            ),
            CollaborationAgreement(
                id="sa-2",
                title="Samarbejdsaftale om lektiecafé",
                parties=(
                    AgreementParty(organisation_id="org-bo"),
                    AgreementParty(organisation_id="org-job"),
                ),
            ),
        ),
        "activity_agreements": (
            ActivityAgreement(
                id="aa-1", activity="Fodbold fredag aften", volunteer_organisation_id="org-fodbold"
            ),
        ),
        "mappings": (
            Mapping(
                id="m-1",
                title="Kortlægning af beskæftigelsesindsatsen",
                entries=(
                    entry(
                        "e-1", "org-job", CollaborationStatus.POTENTIAL, CollaborationStatus.ACTIVE
                    ),
                    entry("e-2", "org-fodbold", CollaborationStatus.IN_DIALOGUE),
                ),
            ),
        ),
    }
    fields.update(changes)
    return Plan(**fields)


def by_type(connections: list[Connection], type_: str) -> list[tuple[str, str]]:
    return [(c.from_, c.to) for c in connections if c.type == type_]


def write(plan: Plan, **options: Any) -> openpyxl.Workbook:
    lang = options.pop("lang", "da")
    stream = io.BytesIO()
    export_kumu(plan, stream, ExportContext(lang=lang, options=options))
    stream.seek(0)
    return openpyxl.load_workbook(stream)


# -- rows -------------------------------------------------------------------------------------


def test_elements_one_per_organisation_with_type_tags_and_id() -> None:
    elements, _ = kumu_tables(small_plan(), own_organisation="org-bo")
    assert [e.id for e in elements] == [
        "org-bo",
        "org-job",
        "org-skole",
        "org-fodbold",
        "org-andet",
    ]
    job = elements[1]
    assert job.label == "Jobcenter Testrup"
    assert job.type == ActorType.JOBCENTER.label("da")
    # sector, resource kind, then the current status from the mapping (not the earlier one)
    assert job.tags == ("Kommune", "Professionel", CollaborationStatus.ACTIVE.label("da"))
    assert elements[0].description == "Administrerer afdelingen"
    # an actor type of "other" falls back to the sector's label
    assert elements[4].type == ActorSector.OTHER.label("da")


def test_connections_cover_mapping_agreements_activity_and_groups() -> None:
    _, connections = kumu_tables(small_plan(), own_organisation="org-bo")
    assert by_type(connections, "Kortlægning") == [
        ("Boligselskabet Test", "Jobcenter Testrup"),
        ("Boligselskabet Test", "Testparken FC"),
    ]
    mapped = [c for c in connections if c.type == "Kortlægning"]
    assert mapped[0].tags == (CollaborationStatus.ACTIVE.label("da"),)
    assert mapped[0].description == "Kortlægning af beskæftigelsesindsatsen"
    assert by_type(connections, "Aktivitetsaftale") == [("Boligselskabet Test", "Testparken FC")]
    # a group of three organisations gives each pair once, in the plan's order
    assert by_type(connections, "Fælles gruppe") == [
        ("Boligselskabet Test", "Jobcenter Testrup"),
        ("Boligselskabet Test", "Testparkens Skole"),
        ("Jobcenter Testrup", "Testparkens Skole"),
    ]


def test_two_agreements_between_the_same_parties_are_one_connection() -> None:
    _, connections = kumu_tables(small_plan(), own_organisation="org-bo")
    agreements = [c for c in connections if c.type == "Samarbejdsaftale"]
    assert len(agreements) == 1
    (agreement,) = agreements
    # parties in either order give the same pair, earlier organisation in the plan first
    assert (agreement.from_, agreement.to) == ("Boligselskabet Test", "Jobcenter Testrup")
    assert agreement.description == "Samarbejdsaftale om job; Samarbejdsaftale om lektiecafé"
    assert AgreementStatus.SIGNED.label("da") in agreement.tags
    assert AgreementStatus.DRAFT.label("da") in agreement.tags


def test_without_own_organisation_the_plan_is_an_element() -> None:
    elements, connections = kumu_tables(small_plan())
    assert elements[0].id == "plan-test"
    assert elements[0].label == "Helhedsplan Testparken"
    assert elements[0].type == "Boligsocial helhedsplan"
    assert elements[0].description == "Testparken, Testrup Kommune"
    assert by_type(connections, "Kortlægning")[0] == (
        "Helhedsplan Testparken",
        "Jobcenter Testrup",
    )


def test_the_plan_element_is_left_out_when_nothing_connects_to_it() -> None:
    elements, _ = kumu_tables(small_plan(mappings=(), activity_agreements=()))
    assert "plan-test" not in [e.id for e in elements]


def test_unknown_own_organisation_is_an_error() -> None:
    with pytest.raises(FormatError, match="own_organisation='org-nope'"):
        kumu_tables(small_plan(), own_organisation="org-nope")


def test_a_reference_to_an_unknown_organisation_names_where() -> None:
    plan = small_plan(
        groups=(
            Group(
                id="g",
                kind=GroupKind.NETWORK,
                name="Netværk",
                members=(Membership(contact_id="c-anna", organisation_id="org-ghost"),),
            ),
        )
    )
    with pytest.raises(FormatError, match=r"\$\.groups\[0\]\.members\[0\]\.organisation_id"):
        kumu_tables(plan)


def test_english_labels() -> None:
    elements, connections = kumu_tables(small_plan(), lang="en", own_organisation="org-bo")
    assert elements[1].type == ActorType.JOBCENTER.label("en")
    assert elements[1].tags[:2] == ("Municipality", "Professional")
    assert {c.type for c in connections} == {
        "Mapping",
        "Collaboration agreement",
        "Activity agreement",
        "Shared group",
    }


def test_duplicate_names_and_pipes_keep_labels_unique_and_unsplit() -> None:
    plan = small_plan(
        organisations=(
            org("org-a", "Klub | Forening", ActorSector.CIVIL_SOCIETY),
            org("org-b", "Klubben", ActorSector.CIVIL_SOCIETY),
            org("org-c", "klubben", ActorSector.CIVIL_SOCIETY),
        ),
        contacts=(),
        groups=(),
        collaboration_agreements=(
            CollaborationAgreement(
                id="sa",
                title="Aftale",
                parties=(
                    AgreementParty(organisation_id="org-a"),
                    AgreementParty(organisation_id="org-b"),
                ),
            ),
        ),
        activity_agreements=(),
        mappings=(),
    )
    elements, connections = kumu_tables(plan)
    assert [e.label for e in elements] == ["Klub ¦ Forening", "Klubben (org-b)", "klubben (org-c)"]
    assert (connections[0].from_, connections[0].to) == ("Klub ¦ Forening", "Klubben (org-b)")


# -- the workbook -----------------------------------------------------------------------------


def test_workbook_has_kumu_headers() -> None:
    book = write(small_plan(), own_organisation="org-bo")
    assert book.sheetnames == ["Elements", "Connections"]
    elements, connections = book["Elements"], book["Connections"]
    assert elements["A1"].value == "Label"
    assert [c.value for c in elements[1]] == list(ELEMENT_HEADERS)
    assert (connections["A1"].value, connections["B1"].value) == ("From", "To")
    assert [c.value for c in connections[1]] == list(CONNECTION_HEADERS)
    active = CollaborationStatus.ACTIVE.label("da")
    assert elements["D3"].value == f"Kommune|Professionel|{active}"
    assert elements.max_row == 6
    assert elements.freeze_panes == "A2"


def test_text_that_looks_like_a_formula_stays_text() -> None:
    tricky = ['=HYPERLINK("http://x")', "+45 lige ud", "-minus", "@home", "#N/A"]
    plan = small_plan(
        organisations=tuple(
            org(f"org-{i}", name, ActorSector.OTHER, description=name)
            for i, name in enumerate(tricky)
        ),
        contacts=(),
        groups=(),
        collaboration_agreements=(),
        activity_agreements=(),
        mappings=(),
    )
    sheet = write(plan)["Elements"]
    for row, name in enumerate(tricky, start=2):
        for column in ("A", "C"):
            cell = sheet[f"{column}{row}"]
            assert cell.value == name
            assert cell.data_type == "s"


def test_a_character_a_workbook_cannot_hold_is_an_error_naming_the_cell() -> None:
    plan = small_plan(
        organisations=(org("org-x", "Bad\x07bell", ActorSector.OTHER),),
        contacts=(),
        groups=(),
        collaboration_agreements=(),
        activity_agreements=(),
        mappings=(),
    )
    with pytest.raises(FormatError, match=r"Elements!A2: .*U\+0007"):
        write(plan)


def test_unknown_option_is_an_error() -> None:
    with pytest.raises(FormatError, match="own_organization"):
        write(small_plan(), own_organization="org-bo")


def test_progress_is_reported_per_row() -> None:
    calls: list[tuple[int, int | None]] = []
    context = ExportContext(
        options={"own_organisation": "org-bo"}, progress=lambda d, t: calls.append((d, t))
    )
    elements, connections = kumu_tables(small_plan(), own_organisation="org-bo")
    export_kumu(small_plan(), io.BytesIO(), context)
    total = len(elements) + len(connections)
    assert calls[-1] == (total, total)
    assert [done for done, _ in calls] == list(range(1, total + 1))


def test_the_hook_returns_one_valid_descriptor() -> None:
    (spec,) = list(cfbu_exporters())
    assert isinstance(spec, ExporterSpec)
    assert spec.name == "kumu"
    assert spec.kinds == frozenset({"plan"})
    assert spec.export is export_kumu


def test_same_plan_same_rows() -> None:
    assert kumu_tables(small_plan()) == kumu_tables(small_plan())
