"""Portfolio: flat rows that join, roll-ups across plans, loading, and the report."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import pytest
from _portfolio_fixtures import PERSON_EMAIL, PERSON_NAME, PERSON_PHONE, small_plan
from _profile import examples
from click.testing import CliRunner
from hypothesis import given, settings

import cfbu_toolkit as cfbu
from cfbu_toolkit.analysis.portfolio import Portfolio
from cfbu_toolkit.analysis.rows import TABLES, plan_rows, rows
from cfbu_toolkit.cli import main
from cfbu_toolkit.locale import use_lang
from cfbu_toolkit.report import render_report, write_report
from cfbu_toolkit.testing import plans

REQUIRED_KINDS = {
    "plan",
    "organisation",
    "contact",
    "mapping_entry",
    "assessment",
    "dialogue_answer",
    "collaboration_agreement",
    "agreement_party",
    "activity_agreement",
    "value_placement",
    "group_member",
}
#: What a cell of each column type holds (besides ``None``).
CELL_TYPES: dict[str, type | tuple[type, ...]] = {
    "text": str,
    "enum": str,
    "integer": int,
    "decimal": (int, float),
    "boolean": bool,
    "date": dt.date,
    "time": dt.time,
    "list": tuple,
}


@pytest.fixture
def portfolio() -> Portfolio:
    return Portfolio(
        [small_plan(), small_plan("plan-other", "Helhedsplan Anden Vej"), _tiny_plan()]
    )


def _tiny_plan() -> cfbu.Plan:
    return cfbu.Plan(
        id="plan-tiny",
        name="Lille plan",
        organisations=[
            cfbu.Organisation(id="o1", name="Politiet", sector=cfbu.ActorSector.POLICE)
        ],
    )


def check_keys(all_rows: dict[str, list[dict[str, Any]]]) -> None:
    """Every table's columns, primary key and foreign keys hold in ``all_rows``."""
    for kind, table in TABLES.items():
        seen: set[tuple[Any, ...]] = set()
        for row in all_rows[kind]:
            assert tuple(row) == table.column_names, kind
            for column in table.columns:
                value = row[column.name]
                if value is None:
                    assert not column.required, (kind, column.name)
                    continue
                assert isinstance(value, CELL_TYPES[column.type]), (kind, column.name, value)
                items = value if column.type == "list" else (value,)
                assert column.type != "list" or column.item_type is not None
                item_type = CELL_TYPES[column.item_type or column.type]
                assert all(isinstance(v, item_type) for v in items), (kind, column.name)
                assert all(type(v) is str for v in items if isinstance(v, str)), kind
                assert type(value) is not dt.datetime, (kind, column.name)
                if column.type == "integer":
                    assert type(value) is int, (kind, column.name)
            key = tuple(row[c] for c in table.primary_key)
            assert None not in key, (kind, key)
            assert key not in seen, f"{kind}: primary key {key} repeats"
            seen.add(key)
            for column in table.columns:
                if column.values and row[column.name] is not None:
                    value = row[column.name]
                    items = value if column.type == "list" else (value,)
                    assert set(items) <= set(column.values), (kind, column.name)
        for fk in table.foreign_keys:
            targets = {tuple(r[c] for c in fk.table_columns) for r in all_rows[fk.table]}
            for row in all_rows[kind]:
                values = tuple(row[c] for c in fk.columns)
                if None in values:
                    continue
                assert values in targets, f"{kind}.{fk.columns} -> {fk.table}: {values}"


def test_the_kinds_asked_for_are_there() -> None:
    assert set(TABLES) >= REQUIRED_KINDS
    assert Portfolio.kinds() == tuple(TABLES)


def test_rows_join_across_plans(portfolio: Portfolio) -> None:
    all_rows = {kind: portfolio.rows(kind) for kind in TABLES}
    check_keys(all_rows)
    assert Counter(r["plan_id"] for r in all_rows["mapping_entry"]) == {
        "plan-small": 7,
        "plan-other": 7,
    }
    assert len(all_rows["plan"]) == 3


@settings(max_examples=examples(0.4))  # the profile's deadline and health checks (conftest)
@given(plans(max_size=3))
def test_rows_of_any_consistent_plan_join(plan: cfbu.Plan) -> None:
    check_keys({kind: list(plan_rows(plan, kind)) for kind in TABLES})


def test_a_mapping_entry_row() -> None:
    plan = small_plan()
    row = next(r for r in rows([plan], "mapping_entry") if r["mapping_entry_id"] == "e1")
    assert row["plan_id"] == "plan-small"
    assert row["mapping_id"] == "m1"
    assert row["organisation_id"] == "o1"
    assert row["status"] == "active"
    assert type(row["status"]) is str
    assert row["assessed_on"] == dt.date(2024, 3, 1)
    assert row["follow_up_on"] == dt.date(2024, 5, 1)
    assert row["relevance"] is None
    assert row["existing_relation"] is False
    e5 = next(r for r in rows([plan], "mapping_entry") if r["mapping_entry_id"] == "e5")
    assert e5["focus_areas"] == ("education_life_chances", "sundhed")
    history = [r for r in rows([plan], "assessment") if r["mapping_entry_id"] == "e5"]
    assert [(r["position"], r["status"], r["date"]) for r in history] == [
        (0, "contacted", dt.date(2024, 1, 10)),
        (1, "active", dt.date(2024, 2, 1)),
        (2, "paused", dt.date(2024, 4, 1)),
    ]


def test_plan_and_focus_area_rows() -> None:
    plan = small_plan()
    (row,) = rows([plan], "plan")
    assert row["focus_areas"] == (
        "employment",
        "education_life_chances",
        "crime_prevention",
        "sundhed",
    )
    assert row["funding_period"] == "lbf_2019_26"
    areas = rows([plan], "focus_area")
    assert [(a["focus_area_key"], a["custom"], a["label_da"]) for a in areas] == [
        ("employment", False, "Beskæftigelse"),
        ("education_life_chances", False, "Uddannelse og livschancer"),
        ("crime_prevention", False, "Kriminalitetsforebyggelse"),
        ("sundhed", True, "Sundhed"),
    ]


def test_personal_columns_are_marked() -> None:
    personal = {
        (kind, c.name) for kind, table in TABLES.items() for c in table.columns if c.personal
    }
    assert {
        ("contact", "name"),
        ("contact", "email"),
        ("contact", "phone"),
        ("contact", "contact_id"),
        ("mapping_entry", "notes"),
        ("mapping_entry", "responsible_id"),
        ("agreement_party", "signatory_id"),
        ("group_member", "contact_id"),
        ("dialogue_answer", "text"),
    } <= personal
    assert ("organisation", "name") not in personal


def test_unknown_kind() -> None:
    with pytest.raises(cfbu.CfbuError, match="ukendt rækketype 'pizza'"):
        rows([small_plan()], "pizza")
    with use_lang("en"), pytest.raises(cfbu.CfbuError, match="unknown row kind 'pizza'"):
        rows([small_plan()], "pizza")


def test_duplicate_plan_ids_are_refused() -> None:
    with (
        use_lang("en"),
        pytest.raises(cfbu.DuplicatePlanError, match="'plan-small' appears twice"),
    ):
        Portfolio([small_plan(), small_plan()])
    with pytest.raises(cfbu.CfbuError, match="element 0 er en Mapping"):
        Portfolio([small_plan().mappings[0]])
    with use_lang("en"), pytest.raises(cfbu.CfbuError, match="item 0 is a Mapping"):
        Portfolio([small_plan().mappings[0]])


def test_organisations_by_sector(portfolio: Portfolio) -> None:
    table = portfolio.organisations_by_sector()
    by_plan = {row["plan_id"]: row for row in table.as_dicts()}
    assert by_plan["plan-small"]["municipal_organisations"] == 2
    assert "municipality" not in by_plan["plan-small"]
    assert by_plan["plan-small"]["police"] == 1
    assert by_plan["plan-small"]["total"] == 6
    assert by_plan["plan-tiny"]["police"] == 1
    assert by_plan["plan-tiny"]["total"] == 1
    totals = dict(zip(table.keys, table.totals() or (), strict=True))
    assert totals["total"] == 13
    assert totals["municipal_organisations"] == 4
    assert [c.header("da") for c in table.columns][:3] == [
        "Plan-id",
        "Helhedsplan",  # the plan name: the domain's word, through the catalogue
        "Kommunale organisationer",
    ]
    assert table.columns[2].header("en") == "Municipal organisations"
    # "Kommune" in the summary is the plan's municipality, and only there.
    assert "Kommune" not in [c.header("da") for c in table.columns]
    assert "Kommune" in [c.header("da") for c in portfolio.summary().columns]


def test_funnel_by_plan(portfolio: Portfolio) -> None:
    by_plan = {row["plan_id"]: row for row in portfolio.funnel_by_plan().as_dicts()}
    assert by_plan["plan-small"] == {
        "plan_id": "plan-small",
        "plan_name": "Helhedsplan Lille Vænge",
        "mapped": 6,
        "reached_contacted": 5,
        "reached_in_dialogue": 4,
        "reached_active": 3,
        "active_now": 2,
        "paused": 1,
        "ended": 0,
        "deselected": 1,
    }
    assert by_plan["plan-tiny"]["mapped"] == 0


def test_agreements_by_status(portfolio: Portfolio) -> None:
    table = portfolio.agreements_by_status()
    rows_ = [r for r in table.as_dicts() if r["plan_id"] == "plan-small"]
    collab, activity = rows_
    assert collab["agreement_kind"] == "collaboration_agreement"
    assert (collab["active"], collab["signed"], collab["draft"], collab["total"]) == (3, 1, 1, 5)
    assert (activity["active"], activity["terminated"], activity["total"]) == (1, 1, 2)
    kind = table.columns[2]
    assert kind.show("activity_agreement", "da") == "Aktivitetsaftale"


def test_gaps_follow_ups_and_expiring(portfolio: Portfolio) -> None:
    on = dt.date(2024, 5, 20)
    gaps = [r for r in portfolio.gaps_by_plan("en").as_dicts() if r["plan_id"] == "plan-small"]
    assert [(g["gap_kind"], g["name"]) for g in gaps] == [
        ("focus_area", "Education and life chances"),
        ("focus_area", "Crime prevention"),
        ("focus_area", "Health"),
        ("target_group", "Børn 6-12 år"),
    ]
    due = portfolio.follow_ups_due(on).as_dicts()
    assert [(r["plan_id"], r["id"]) for r in due] == [
        ("plan-other", "e1"),
        ("plan-small", "e1"),
        ("plan-other", "aa1"),
        ("plan-small", "aa1"),
        ("plan-other", "e4"),
        ("plan-small", "e4"),
    ]
    assert due[0]["responsible"] == PERSON_NAME
    assert due[0]["organisation"] == "Org o1"
    assert due[0]["due"] == dt.date(2024, 5, 1)
    expiring = portfolio.agreements_expiring(on, 60).as_dicts()
    assert [r["id"] for r in expiring if r["plan_id"] == "plan-small"] == ["aa1", "ca1", "ca2"]


def test_redact_applies_to_every_plan(portfolio: Portfolio) -> None:
    omitted = portfolio.redact("omit")
    assert omitted.rows("contact") == []
    pseudo = portfolio.redact("pseudonymise")
    names = {r["name"] for r in pseudo.rows("contact")}
    assert PERSON_NAME not in names
    # The same person gets the same pseudonym in both plans, so rows still join.
    ids = {r["plan_id"]: r["contact_id"] for r in pseudo.rows("contact")}
    assert ids["plan-small"] == ids["plan-other"] != "c1"
    assert portfolio.redact("keep") is portfolio


def _write_plans(folder: Path) -> None:
    (folder / "nested").mkdir(parents=True)
    cfbu.export(small_plan(), folder / "a.json")
    cfbu.export(small_plan("plan-b", "B"), folder / "nested" / "b.json")
    cfbu.export(_tiny_plan(), folder / ".hidden.json")  # a hidden file is not read
    (folder / "notes.txt").write_text("not a plan", encoding="utf-8")


def test_from_paths(tmp_path: Path) -> None:
    _write_plans(tmp_path)
    seen: list[tuple[int, int | None]] = []
    loaded = Portfolio.from_paths(tmp_path, progress=lambda d, t: seen.append((d, t)))
    assert [p.id for p in loaded] == ["plan-small", "plan-b"]
    assert seen == [(1, 2), (2, 2)]
    again = Portfolio.from_paths([tmp_path / "a.json", str(tmp_path / "nested")])
    assert len(again) == 2


def test_from_paths_errors(tmp_path: Path) -> None:
    with use_lang("en"):
        with pytest.raises(cfbu.CfbuError, match="no such file or folder"):
            Portfolio.from_paths(tmp_path / "missing")
        (tmp_path / "empty").mkdir()
        with pytest.raises(cfbu.CfbuError, match="no plan files found"):
            Portfolio.from_paths(tmp_path / "empty")
        cfbu.export(small_plan().mappings[0], tmp_path / "mapping.json")
        with pytest.raises(cfbu.NotAPlanError, match="holds a mapping, not a plan"):
            Portfolio.from_paths(tmp_path / "mapping.json")
        cfbu.export(small_plan(), tmp_path / "one.json")
        cfbu.export(attrs.evolve(small_plan(), name="Andet navn"), tmp_path / "two.json")
        with pytest.raises(cfbu.DuplicatePlanError, match="appears twice") as info:
            Portfolio.from_paths([tmp_path / "one.json", tmp_path / "two.json"])
        assert info.value.plan_id == "plan-small"
        with pytest.raises(cfbu.DuplicatePlanError, match="appears twice"):
            Portfolio([small_plan(), small_plan()])
    assert issubclass(cfbu.NotAPlanError, cfbu.CfbuError)
    assert issubclass(cfbu.DuplicatePlanError, cfbu.CfbuError)


def test_the_same_plan_in_two_formats_counts_once(tmp_path: Path) -> None:
    cfbu.export(small_plan(), tmp_path / "plan.json")
    cfbu.export(small_plan(), tmp_path / "plan.xlsx")
    portfolio = Portfolio.from_paths(tmp_path)
    assert len(portfolio) == 1
    json_file, xlsx_file = tmp_path / "plan.json", tmp_path / "plan.xlsx"
    with use_lang("da"):
        assert [n.text for n in portfolio.notices] == [
            f"{xlsx_file}: samme plan som {json_file}; tælles med én gang"
        ]


def test_skip_leaves_out_broken_files_and_names_them(tmp_path: Path) -> None:
    for number in range(3):
        cfbu.export(small_plan(f"plan-{number}"), tmp_path / f"plan-{number}.json")
    (tmp_path / "broken.json").write_text('{"format": "cfbu-toolkit", ', encoding="utf-8")
    cfbu.export(attrs.evolve(small_plan("plan-1"), name="Anden"), tmp_path / "zz-other.json")
    with pytest.raises(cfbu.NotAPlanError) as info:
        Portfolio.from_paths(tmp_path, on_error="raise")
    assert info.value.path == str(tmp_path / "broken.json")
    portfolio = Portfolio.from_paths(tmp_path, on_error="skip")
    assert [p.id for p in portfolio] == ["plan-0", "plan-1", "plan-2"]
    assert [n.path for n in portfolio.notices] == [
        str(tmp_path / "broken.json"),
        str(tmp_path / "zz-other.json"),
    ]
    with use_lang("da"):
        assert all("sprunget over" in n.text for n in portfolio.notices)
    with pytest.raises(cfbu.CfbuError):
        Portfolio.from_paths(tmp_path, on_error="ignore")  # type: ignore[arg-type]


def test_report_over_the_demo_folder(tmp_path: Path) -> None:
    runner = CliRunner()
    demo = runner.invoke(main, ["demo", "-o", str(tmp_path / "demo")])
    assert demo.exit_code == 0, demo.output
    result = runner.invoke(main, ["report", str(tmp_path / "demo"), "-o", str(tmp_path / "r.md")])
    assert result.exit_code == 0, result.output
    assert "demo-plan-kumu.xlsx" in result.output
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# ")
    strict = runner.invoke(
        main, ["report", str(tmp_path / "demo"), "--strict", "-o", str(tmp_path / "s.md")]
    )
    assert strict.exit_code == 2
    assert "demo-plan-kumu.xlsx" in strict.output


# -- the report ------------------------------------------------------------------------------

ON = dt.date(2024, 5, 20)


def test_markdown_report(portfolio: Portfolio) -> None:
    text = render_report(portfolio, "markdown", on=ON).decode()
    assert text.startswith("# Porteføljerapport\n")
    assert "## Samarbejdstragten pr. plan" in text
    assert "| plan-small | Helhedsplan Lille Vænge | 6 | 5 | 4 | 3 | 2 | 1 | 0 | 1 |" in text
    assert "| **I alt** |" in text
    assert PERSON_NAME in text  # "keep": the responsible person is named
    english = render_report(portfolio, "markdown", on=ON, lang="en").decode()
    assert "## Collaboration funnel by plan" in english
    assert "Aktivitetsaftale" not in english
    assert render_report(portfolio, "markdown", on=ON) == text.encode()


def test_markdown_report_escapes_table_text() -> None:
    plan = attrs.evolve(_tiny_plan(), name="A | B <script>\nC")
    text = render_report(Portfolio([plan]), "markdown", on=ON).decode()
    assert "A \\| B &lt;script&gt;<br>C" in text


@pytest.mark.parametrize("privacy", ["omit", "pseudonymise"])
@pytest.mark.parametrize("kind", ["markdown", "xlsx"])
def test_the_report_honours_privacy(portfolio: Portfolio, privacy: Any, kind: Any) -> None:
    data = render_report(portfolio, kind, on=ON, privacy=privacy)
    text = _text_of(data) if kind == "xlsx" else data.decode()
    for secret in (PERSON_NAME, PERSON_EMAIL, PERSON_PHONE):
        assert secret not in text
    assert "Lektiehjælp" in text  # the rest is still there


def _text_of(workbook: bytes) -> str:
    import html

    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        return "\n".join(
            html.unescape(archive.read(name).decode("utf-8"))
            for name in archive.namelist()
            if name.endswith(".xml")
        )


def test_xlsx_report(tmp_path: Path, portfolio: Portfolio) -> None:
    import openpyxl

    evil = attrs.evolve(_tiny_plan(), id="plan-evil", name='=HYPERLINK("x")')
    target = tmp_path / "rapport.xlsx"
    write_report(Portfolio([*portfolio, evil]), target, on=ON)
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames[0] == "Indhold"
    assert "Samarbejdstragten pr. plan" in workbook.sheetnames
    assert all(len(name) <= 31 for name in workbook.sheetnames)
    funnel = workbook["Samarbejdstragten pr. plan"]
    assert funnel.freeze_panes == "A2"
    header = [c.value for c in funnel[1]]
    assert header[:3] == ["Plan-id", "Helhedsplan", "Kortlagt"]
    values = {row[0].value: [c.value for c in row] for row in funnel.iter_rows(min_row=2)}
    assert values["plan-small"][2:] == [6, 5, 4, 3, 2, 1, 0, 1]
    assert values["I alt"][2] == 12
    summary = workbook[workbook.sheetnames[1]]
    names = [row[1] for row in summary.iter_rows(min_row=2)]
    evil_cell = next(c for c in names if c.value == '=HYPERLINK("x")')
    assert evil_cell.data_type == "s"  # text, never a formula
    due = workbook[next(n for n in workbook.sheetnames if n.startswith("Opfølgninger"))]
    due_dates = [row[5].value for row in due.iter_rows(min_row=2)]
    assert isinstance(due_dates[0], dt.datetime)  # a native date
    assert not list(tmp_path.glob(".*.part"))


def test_report_needs_a_known_suffix(tmp_path: Path, portfolio: Portfolio) -> None:
    with pytest.raises(cfbu.CfbuError, match="en rapport skrives som"):
        write_report(portfolio, tmp_path / "report.pdf")
    assert not list(tmp_path.iterdir())


def test_cfbu_report_command(tmp_path: Path) -> None:
    _write_plans(tmp_path / "plans")
    runner = CliRunner()
    out = tmp_path / "report.md"
    result = runner.invoke(
        main,
        [
            "report",
            str(tmp_path / "plans"),
            "-o",
            str(out),
            "--on",
            "2024-05-20",
            "--privacy",
            "omit",
        ],
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "- Helhedsplaner: 2" in text
    assert "- Opgjort pr.: 20. maj 2024" in text
    assert PERSON_NAME not in text
    result = runner.invoke(main, ["report", str(tmp_path / "plans"), "-o", "x.pdf"])
    assert result.exit_code == 2
    assert "en rapport skrives som" in result.output
