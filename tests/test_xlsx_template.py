"""The registration workbook: written by ``cfbu template``, filled in the way a person does,
read back with every problem named by its cell, then read back right once corrected."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

import cfbu_toolkit as cfbu
from cfbu_toolkit.cli import main
from cfbu_toolkit.errors import DocumentError
from cfbu_toolkit.formats.xlsx.plugin import WorkbookWarning
from cfbu_toolkit.formats.xlsx.template import mapping_template
from cfbu_toolkit.locale import use_lang

openpyxl = pytest.importorskip("openpyxl")

#: The registration sheet's columns as the person leaves them: Interesse and Indflydelse
#: dragged to the front, an extra column of their own at the end.
ORDER = [
    "Interesse",
    "Indflydelse",
    "ID",
    "Kortlægning-ID",
    "Organisation-ID",
    "Kontaktperson-ID",
    "Tilbud og ydelser",
    "Eksisterende relation",
    "Vurderet den",
    "Status",
    "Relevans",
    "Næste skridt",
    "Opfølgning den",
    "Min egen note",
]


def _template(tmp_path: Path, *args: str) -> Path:
    target = tmp_path / "skema.xlsx"
    again = ["--force"] if target.exists() else []
    result = CliRunner().invoke(
        main, ["template", "kortlaegning", "-o", str(target), *again, *args]
    )
    assert result.exit_code == 0, result.output
    assert str(target) in result.output
    return target


def _rows(ws: Any) -> None:
    ws.delete_rows(2, ws.max_row)


def _fill(path: Path, *, typos: bool, drop: str | None = None) -> Path:
    """Fill the template in with openpyxl, as a person would in Excel."""
    wb = openpyxl.load_workbook(path)
    wb["Plan"]["B3"] = "Solbakken"

    orgs = wb["Organisationer"]
    _rows(orgs)
    orgs.append(["O1", "Jobcenter Egedal", "Kommune", "Jobcenter", "Professionel"])
    # English labels, typed by someone who works in English.
    orgs.append(["O2", "Boldklubben Solbakken", "Civil society/association", "Sports club"])
    orgs.cell(row=1, column=11, value="Kommentar")  # an extra column
    orgs.cell(row=2, column=11, value="ringer tilbage")

    contacts = wb["Kontaktpersoner"]
    _rows(contacts)
    email = "mette.egedal.dk" if typos else "mette@egedal.dk"
    contacts.append(["P1", "Mette Hansen", "O1", "Virksomhedskonsulent", email])

    entries = wb["Kortlægning"]
    entries.delete_rows(1, entries.max_row)
    order = [h for h in ORDER if h != drop]
    entries.append(order)
    first = {
        "Interesse": "Mellem" if typos else "Middel",
        "Indflydelse": "Høj",
        "Kortlægning-ID": "K1",
        "Organisation-ID": "O1",
        "Kontaktperson-ID": "P1",
        "Tilbud og ydelser": "Jobcafé",
        "Eksisterende relation": "ja",
        "Vurderet den": "05-03-2026",
        "Status": "I dialog",
        "Næste skridt": "Aftal møde",
        "Opfølgning den": "31-02-2026" if typos else "01-04-2026",
        "Min egen note": "husk kaffe",
    }
    second = {
        "Interesse": "High",
        "Indflydelse": "lav",
        "ID": "R2",
        "Kortlægning-ID": "K1",
        "Organisation-ID": "O2",
        "Eksisterende relation": "nej",
        "Vurderet den": dt.datetime(2026, 3, 5),
        "Relevans": "middel",
    }
    for values in (first, second):
        entries.append([values.get(h) for h in order])
    target = path.with_name(f"udfyldt-{typos}-{drop}.xlsx")
    wb.save(target)
    return target


def _letter(name: str, order: list[str] = ORDER) -> str:
    return openpyxl.utils.get_column_letter(order.index(name) + 1)


def test_the_template_has_what_a_person_needs(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(_template(tmp_path))
    assert wb.sheetnames == [
        "Vejledning",
        "Kortlægning",
        "Organisationer",
        "Kontaktpersoner",
        "Kortlægninger",
        "Plan",
        "Opslag",
    ]
    assert wb["Opslag"].sheet_state == "hidden"
    guide = " ".join(str(c.value) for row in wb["Vejledning"].iter_rows() for c in row if c.value)
    for words in (
        "jobcenter",
        "skoler",
        "SSP",
        "sundhedspleje",
        "dagtilbud",
        "klubber",
        "Politiet",
        "Boligorganisationen",
        "Beboerdemokratiet",
        "Foreninger",
        "Frivillige",
        "Erhvervslivet",
        "Fonde",
        "Inddrag tæt",
        "Hold tilfreds",
        "Hold informeret",
        "Hold øje",
        "Opfølgning den",
    ):
        assert words.casefold() in guide.casefold(), words
    for title in ("Kortlægning", "Organisationer", "Kontaktpersoner", "Kortlægninger"):
        ws = wb[title]
        headers = [c.value for c in ws[1]]
        assert any(c.value is not None for c in ws[2])  # one example row
        assert ws.max_row == 2
        by_column = {}
        for dv in ws.data_validations.dataValidation:
            for cell_range in dv.sqref.ranges:
                by_column[cell_range.min_col] = dv
        for index, header in enumerate(headers, 1):
            dv = by_column.get(index)
            assert dv is not None, (title, header)
            assert dv.prompt, (title, header)
            assert dv.showInputMessage, (title, header)
            assert dv.promptTitle == header
    entries = wb["Kortlægning"]
    headers = [c.value for c in entries[1]]
    lists = {}
    for dv in entries.data_validations.dataValidation:
        if dv.type == "list":
            lists[headers[next(iter(dv.sqref.ranges)).min_col - 1]] = dv.formula1
    for enumerated in ("Status", "Relevans", "Interesse", "Indflydelse"):
        assert lists[enumerated].startswith("'Opslag'!$"), enumerated
    assert lists["Eksisterende relation"].startswith("'Opslag'!$")
    assert lists["Organisation-ID"] == "'Organisationer'!$B$2:$B$2000"  # picked by name
    organisations = wb["Organisationer"]
    sector_lists = [
        dv.formula1 for dv in organisations.data_validations.dataValidation if dv.type == "list"
    ]
    assert len(sector_lists) == 3  # Sektor, Aktørtype, Ressourcetype


def test_the_template_reads_back_as_a_plan_without_its_examples(tmp_path: Path) -> None:
    path = _template(tmp_path, "--plan-name", "Solbakken")
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        plan = cfbu.load(path)
    # one notice per example row, and none about the sheets a template leaves out
    assert sorted(str(w.message) for w in warned) == [
        "Kontaktpersoner!A2: eksempelrækken springes over",
        "Kortlægning!A2: eksempelrækken springes over",
        "Organisationer!A2: eksempelrækken springes over",
    ]
    assert isinstance(plan, cfbu.Plan)
    assert plan.name == "Solbakken"
    assert plan.organisations == ()
    assert plan.contacts == ()
    (mapping,) = plan.mappings
    assert mapping.id == "K1"
    assert mapping.entries == ()


@pytest.mark.filterwarnings("ignore:.*eksempelrækken springes over")
def test_a_blank_plan_name_is_named_by_its_cell(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as info:
        cfbu.load(_template(tmp_path))
    assert [str(p) for p in info.value.problems] == ["Plan!B3: skal udfyldes"]


def test_the_template_in_english(tmp_path: Path) -> None:
    path = _template(tmp_path, "--lang", "en", "--plan-name", "Solbakken")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:3] == ["Guide", "Mapping entries", "Organisations"]
    assert "Interest" in [c.value for c in wb["Mapping entries"][1]]
    row = [c.value for c in wb["Mapping entries"][2]]
    assert any(isinstance(v, str) and v.startswith("That more young") for v in row)
    with pytest.warns(WorkbookWarning, match="the example row is skipped"):
        plan = cfbu.load(path, lang="en")
    assert isinstance(plan, cfbu.Plan)
    assert plan.mappings[0].title == "Mapping of partners"


def test_a_filled_template_names_every_problem_by_cell(tmp_path: Path) -> None:
    filled = _fill(_template(tmp_path), typos=True)
    with pytest.warns(WorkbookWarning) as warned, pytest.raises(DocumentError) as info:
        cfbu.load(filled)
    problems = sorted(str(p) for p in info.value.problems)
    (email,) = [p for p in problems if p.startswith("Kontaktpersoner!")]
    problems.remove(email)
    assert problems == sorted(
        [
            f'Kortlægning!{_letter("Interesse")}2: "Mellem" er ikke en af Lav, Middel, Høj',
            f'Kortlægning!{_letter("Opfølgning den")}2: "31-02-2026" er ikke en dato '
            "(skriv dd-mm-åååå)",
        ]
    )
    # The model's own message (translated by the model's message ids once they are there)
    assert email.startswith("Kontaktpersoner!E2: ")
    assert "mette.egedal.dk" in email
    assert _letter("Interesse") == "A"  # the reordered column is found by its header
    extra = " ".join(str(w.message) for w in warned)
    assert "N1 (Min egen note)" in extra
    assert "K1 (Kommentar)" in extra


def test_a_missing_required_column_is_named(tmp_path: Path) -> None:
    filled = _fill(_template(tmp_path), typos=False, drop="Vurderet den")
    with pytest.warns(WorkbookWarning), pytest.raises(DocumentError) as info:
        cfbu.load(filled)
    assert [str(p) for p in info.value.problems] == [
        'Kortlægning: kolonnen "Vurderet den" mangler'
    ]


def test_a_dangling_organisation_is_named_in_danish(tmp_path: Path) -> None:
    filled = _fill(_template(tmp_path), typos=False)
    wb = openpyxl.load_workbook(filled)
    wb["Kortlægning"][f"{_letter('Organisation-ID')}3"] = "O3"
    wb.save(filled)
    with pytest.warns(WorkbookWarning), pytest.raises(DocumentError) as info:
        cfbu.load(filled)
    assert [str(p) for p in info.value.problems] == [
        f'Kortlægning!{_letter("Organisation-ID")}3: "O3" er hverken ID eller navn på nogen '
        "organisation"
    ]
    with pytest.warns(WorkbookWarning), pytest.raises(DocumentError) as info:
        cfbu.load(filled, lang="en")
    with use_lang("en"):
        assert [p.text for p in info.value.problems] == [
            '"O3" is neither the ID nor the name of any organisation'
        ]


def test_the_corrected_file_reads_back_as_expected(tmp_path: Path) -> None:
    filled = _fill(_template(tmp_path), typos=False)
    with pytest.warns(WorkbookWarning):
        plan = cfbu.load(filled)
    assert isinstance(plan, cfbu.Plan)
    first, _second = plan.mappings[0].entries
    assert first.id
    assert first.id != "R2"
    expected = cfbu.Plan(
        id=plan.id,
        name="Solbakken",
        organisations=(
            cfbu.Organisation(
                id="O1",
                name="Jobcenter Egedal",
                sector=cfbu.ActorSector.MUNICIPALITY,
                actor_type=cfbu.ActorType.JOBCENTER,
                resource_kind=cfbu.ResourceKind.PROFESSIONAL,
            ),
            cfbu.Organisation(
                id="O2",
                name="Boldklubben Solbakken",
                sector=cfbu.ActorSector.CIVIL_SOCIETY,
                actor_type=cfbu.ActorType.SPORTS_CLUB,
            ),
        ),
        contacts=(
            cfbu.ContactPerson(
                id="P1",
                name="Mette Hansen",
                organisation_id="O1",
                role="Virksomhedskonsulent",
                email="mette@egedal.dk",
            ),
        ),
        mappings=(
            cfbu.Mapping(
                id="K1",
                title="Kortlægning af samarbejdsaktører",
                entries=(
                    cfbu.MappingEntry(
                        id=first.id,
                        organisation_id="O1",
                        contact_id="P1",
                        services_offered="Jobcafé",
                        existing_relation=True,
                        assessments=(
                            cfbu.Assessment(
                                date=dt.date(2026, 3, 5),
                                status=cfbu.CollaborationStatus.IN_DIALOGUE,
                                interest=cfbu.Level.MEDIUM,
                                influence=cfbu.Level.HIGH,
                            ),
                        ),
                        next_step="Aftal møde",
                        follow_up_on=dt.date(2026, 4, 1),
                    ),
                    cfbu.MappingEntry(
                        id="R2",
                        organisation_id="O2",
                        existing_relation=False,
                        assessments=(
                            cfbu.Assessment(
                                date=dt.date(2026, 3, 5),
                                relevance=cfbu.Level.MEDIUM,
                                interest=cfbu.Level.HIGH,
                                influence=cfbu.Level.LOW,
                            ),
                        ),
                    ),
                ),
            ),
        ),
    )
    assert plan == expected
    assert attrs.evolve(plan, id="x") != plan  # the comparison is not vacuous


def test_cfbu_import_writes_json_and_lists_problems(tmp_path: Path) -> None:
    runner = CliRunner()
    good = _fill(_template(tmp_path), typos=False)
    out = tmp_path / "plan.json"
    result = runner.invoke(main, ["import", str(good), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "advarsel:" in result.output  # the extra columns
    loaded = cfbu.load(out)
    assert isinstance(loaded, cfbu.Plan)
    assert loaded.organisations[0].name == "Jobcenter Egedal"

    bad = _fill(_template(tmp_path), typos=True)
    out2 = tmp_path / "bad.json"
    result = runner.invoke(main, ["import", str(bad), "-o", str(out2)])
    assert result.exit_code == 1
    assert f'{bad}: Kortlægning!A2: "Mellem" er ikke en af Lav, Middel, Høj' in result.output
    assert f"{bad}: Kontaktpersoner!E2:" in result.output
    assert not out2.exists()

    result = runner.invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1
    assert result.output.count(f"{bad}: ") == 3  # every problem, each with its cell
    result = runner.invoke(main, ["validate", "--lang", "en", str(bad)])
    assert '"Mellem" is not one of Low, Medium, High' in result.output


def test_the_api_returns_bytes_and_writes_streams(tmp_path: Path) -> None:
    data = mapping_template(lang="en")
    assert isinstance(data, bytes)
    assert data[:2] == b"PK"
    with (tmp_path / "x.xlsx").open("wb") as stream:
        assert mapping_template(stream) is None
    with pytest.raises(cfbu.FormatError):
        mapping_template(lang="de")  # type: ignore[arg-type]


def test_a_plan_name_that_looks_like_a_formula_is_written_as_text(tmp_path: Path) -> None:
    name = '=HYPERLINK("http://evil.example";"Klik")'
    path = _template(tmp_path, "--plan-name", name)
    cell = openpyxl.load_workbook(path)["Plan"]["B3"]
    assert cell.data_type == "s"
    assert cell.value == name
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WorkbookWarning)
        plan = cfbu.load(path)
    assert isinstance(plan, cfbu.Plan)
    assert plan.name == name
