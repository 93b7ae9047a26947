"""Typed tables for pipelines: Arrow, pandas and Parquet, queried with DuckDB.

A municipal data team's path: export a portfolio of twenty plans to Parquet, query it with
DuckDB (mapping entries joined to organisations and plans; the collaboration funnel) and
get the answers the library's own analysis gives.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs
import pytest
from _portfolio_fixtures import small_plan

import cfbu_toolkit as cfbu
from cfbu_toolkit.analysis import TABLES, Portfolio
from cfbu_toolkit.analysis.coverage import FUNNEL_STAGES, coverage

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
duckdb = pytest.importorskip("duckdb")


def _variant(index: int) -> cfbu.Plan:
    """``small_plan`` under a new id, with the last ``index % 4`` entries of each mapping
    left out, so the plans' answers differ."""
    plan = small_plan(f"plan-{index:02d}", f"Helhedsplan {index}")
    drop = index % 4
    mappings = [
        attrs.evolve(m, entries=m.entries[: max(len(m.entries) - drop, 1)]) for m in plan.mappings
    ]
    return attrs.evolve(plan, mappings=mappings)


@pytest.fixture(scope="module")
def portfolio() -> Portfolio:
    return Portfolio([cfbu.examples.demo_plan(), *(_variant(i) for i in range(19))])


@pytest.fixture(scope="module")
def parquet(portfolio: Portfolio, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("parquet")
    written = portfolio.to_parquet(folder)
    assert [p.name for p in written] == [f"{kind}.parquet" for kind in TABLES]
    return folder


def _sql(folder: Path, query: str) -> list[tuple[Any, ...]]:
    connection = duckdb.connect()
    try:
        for kind in TABLES:
            path = (folder / f"{kind}.parquet").as_posix()
            connection.execute(
                f'CREATE VIEW "{kind}" AS '
                f"SELECT * FROM read_parquet('{path}', file_row_number = true)"
            )
        return connection.execute(query).fetchall()
    finally:
        connection.close()


# The entries that count: each organisation once per plan, by its most recently assessed
# entry, the later one winning a tie (as cfbu_toolkit.analysis.coverage counts them).
_COUNTED = """
    WITH ranked AS (
        SELECT *, row_number() OVER (
            PARTITION BY plan_id, organisation_id
            ORDER BY assessed_on DESC, file_row_number DESC
        ) AS pick
        FROM mapping_entry
    )
    SELECT * FROM ranked WHERE pick = 1
"""


def test_partners_per_sector_join_entries_organisations_and_plans(
    portfolio: Portfolio, parquet: Path
) -> None:
    found = _sql(
        parquet,
        f"""
        WITH counted AS ({_COUNTED})
        SELECT p.plan_id, p.name, o.sector::VARCHAR,
               count(*),
               count(*) FILTER (WHERE e.status IN ('contacted', 'in_dialogue')),
               count(*) FILTER (WHERE e.status = 'active')
        FROM counted e
        JOIN organisation o USING (plan_id, organisation_id)
        JOIN plan p USING (plan_id)
        GROUP BY ALL
        ORDER BY ALL
        """,
    )
    expected = sorted(
        (plan.id, plan.name, c.key, c.mapped, c.in_progress, c.active)
        for plan in portfolio
        for c in coverage(plan).by_sector
        if c.mapped
    )
    assert found == expected
    assert len({row[0] for row in found}) == 20


def test_the_funnel_in_sql_is_the_library_s_funnel(portfolio: Portfolio, parquet: Path) -> None:
    ranks = " ".join(f"WHEN '{s.value}' THEN {rank}" for rank, s in enumerate(FUNNEL_STAGES))
    reached = ", ".join(
        f"count(*) FILTER (WHERE furthest >= {rank})" for rank in range(1, len(FUNNEL_STAGES))
    )
    found = _sql(
        parquet,
        f"""
        WITH counted AS ({_COUNTED}),
        furthest AS (
            SELECT plan_id, mapping_entry_id,
                   max(CASE status::VARCHAR {ranks} ELSE 0 END) AS furthest
            FROM assessment GROUP BY ALL
        )
        SELECT e.plan_id, p.name, count(*), {reached},
               count(*) FILTER (WHERE e.status = 'active'),
               count(*) FILTER (WHERE e.status = 'paused'),
               count(*) FILTER (WHERE e.status = 'ended'),
               count(*) FILTER (WHERE e.status = 'deselected')
        FROM counted e
        JOIN furthest f USING (plan_id, mapping_entry_id)
        JOIN plan p USING (plan_id)
        GROUP BY ALL
        ORDER BY e.plan_id
        """,
    )
    expected = sorted(portfolio.funnel_by_plan().rows)
    assert found == expected


def test_parquet_keeps_the_types(parquet: Path) -> None:
    schema = pq.read_schema(parquet / "mapping_entry.parquet")
    assert schema.field("assessed_on").type == pa.date32()
    assert pa.types.is_dictionary(schema.field("status").type)
    assert schema.field("focus_areas").type == pa.list_(pa.string())
    assert schema.field("notes").metadata[b"cfbu:personal"] == b"true"
    assert schema.metadata[b"cfbu:primary_key"] == b'["plan_id", "mapping_entry_id"]'
    (deadline,) = _sql(parquet, "SELECT typeof(follow_up_on) FROM mapping_entry LIMIT 1")
    assert deadline == ("DATE",)
    days = _sql(parquet, "SELECT DISTINCT typeof(notice_days) FROM activity_agreement")
    assert days == [("BIGINT",)]


@pytest.mark.parametrize("kind", list(TABLES))
def test_an_empty_kind_keeps_its_full_schema(kind: str) -> None:
    table = Portfolio([]).to_arrow(kind)
    assert table.num_rows == 0
    assert table.column_names == list(TABLES[kind].column_names)
    assert table.schema == Portfolio([cfbu.examples.demo_plan()]).to_arrow(kind).schema


def test_arrow_values_are_the_rows_values(portfolio: Portfolio) -> None:
    for kind in ("mapping_entry", "agenda_item", "activity_agreement", "plan"):
        table = portfolio.to_arrow(kind)
        as_rows = portfolio.rows(kind)
        for name in table.column_names:
            values = table.column(name).to_pylist()
            expected = [row[name] for row in as_rows]
            expected = [list(v) if isinstance(v, tuple) else v for v in expected]
            assert values == expected, (kind, name)


def test_to_pandas_types(portfolio: Portfolio) -> None:
    pytest.importorskip("pandas")
    frame = portfolio.to_pandas("activity_agreement")
    assert str(frame["notice_days"].dtype) == "Int64"
    assert str(frame["status"].dtype) == "category"
    assert str(frame["period_start"].dtype).startswith("datetime64")
    entries = portfolio.to_pandas("mapping_entry")
    assert len(entries) == len(portfolio.rows("mapping_entry"))
    assert entries["assessed_on"].min().date() >= dt.date(2000, 1, 1)


def test_cfbu_report_writes_parquet(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cfbu_toolkit.cli import main

    plans = tmp_path / "plans"
    plans.mkdir()
    for index in range(3):
        cfbu.export(_variant(index), plans / f"plan-{index}.json")
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(
        main, ["report", str(plans), "--format", "parquet", "-o", str(out), "--privacy", "omit"]
    )
    assert result.exit_code == 0, result.output
    assert f"skrev {len(TABLES)} Parquet-filer" in result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{k}.parquet" for k in TABLES)
    assert pq.read_table(out / "plan.parquet").num_rows == 3
    assert pq.read_table(out / "contact.parquet").num_rows == 0  # omitted: personal data
    assert pq.read_schema(out / "contact.parquet").names == list(TABLES["contact"].column_names)
    result = runner.invoke(main, ["report", str(plans), "-o", str(out)])
    assert result.exit_code == 2
    assert "er en mappe" in result.output
