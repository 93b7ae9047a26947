"""``Portfolio.from_paths`` reads from a folder only what an importer of whole plans takes.

An installed importer for ``.csv`` must not make every stray ``.csv`` beside the plans an
error: the file is read only when the importer declares the kind ``plan`` and its
``sniff`` recognises the file; otherwise it is left out with a notice.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO

import pytest
from _portfolio_fixtures import small_plan

import cfbu_toolkit as cfbu
from cfbu_toolkit.analysis.portfolio import Portfolio
from cfbu_toolkit.locale import use_lang
from cfbu_toolkit.plugins import PluginHost
from cfbu_toolkit.testing import plugin_host

__all__ = ["plugin_host"]

MARK = b"plan-csv\n"


def _load_plan_csv(stream: IO[bytes], context: cfbu.ImportContext) -> cfbu.Exportable:
    """A toy format: the mark, then ``id;name``."""
    data = stream.read()
    if not data.startswith(MARK):
        raise cfbu.DocumentError([cfbu.Problem(where="line 1", message="expected the mark")])
    plan_id, _, name = data[len(MARK) :].decode().strip().partition(";")
    return small_plan(plan_id, name)


def _load_mapping_tsv(stream: IO[bytes], context: cfbu.ImportContext) -> cfbu.Exportable:
    return small_plan().mappings[0]


class CsvPlans:
    @cfbu.hookimpl
    def cfbu_importers(self) -> list[cfbu.ImporterSpec]:
        return [
            cfbu.ImporterSpec(
                name="plancsv",
                suffixes=(".csv",),
                media_type="text/csv",
                kinds={"plan"},
                load=_load_plan_csv,
                sniff=lambda start: start.startswith(MARK),
            ),
            cfbu.ImporterSpec(
                name="mappingtsv",
                suffixes=(".tsv",),
                media_type="text/tab-separated-values",
                kinds={"mapping"},
                load=_load_mapping_tsv,
            ),
        ]


@pytest.fixture
def folder(tmp_path: Path, plugin_host: PluginHost) -> Path:
    plugin_host.register(CsvPlans(), name="csvplans")
    cfbu.export(small_plan("plan-a", "A"), tmp_path / "a.json")
    (tmp_path / "b.csv").write_bytes(MARK + b"plan-b;B\n")
    (tmp_path / "budget.csv").write_text("post;beløb\nkaffe;120\n", encoding="utf-8")
    (tmp_path / "contacts.tsv").write_text("navn\tmail\n", encoding="utf-8")
    return tmp_path


def test_a_stray_csv_is_skipped_with_a_notice_not_an_error(folder: Path) -> None:
    portfolio = Portfolio.from_paths(folder)  # on_error="raise": the stray is no error
    assert [p.id for p in portfolio] == ["plan-a", "plan-b"]
    assert [n.path for n in portfolio.notices] == [str(folder / "budget.csv")]
    with use_lang("da"):
        assert portfolio.notices[0].text == (
            f"{folder / 'budget.csv'}: sprunget over: importøren plancsv genkender den ikke "
            "som sit format"
        )
    assert Portfolio.find_files(folder) == [folder / "a.json", folder / "b.csv"]


def test_only_importers_of_whole_plans_are_searched_for(folder: Path) -> None:
    # The .tsv importer reads mappings only: its files are not even candidates.
    assert folder / "contacts.tsv" not in Portfolio.find_files(folder)
    (folder / "only").mkdir()
    (folder / "only" / "contacts.tsv").write_text("navn\n", encoding="utf-8")
    with pytest.raises(cfbu.CfbuError) as info:
        Portfolio.from_paths(folder / "only")
    with use_lang("en"):
        assert str(info.value) == (
            "no plan files found (looked for files ending in .csv, .json, .xlsm, .xlsx)"
        )


def test_a_file_named_on_purpose_is_read_whatever_it_is(folder: Path) -> None:
    with pytest.raises(cfbu.NotAPlanError, match=r"budget\.csv"):
        Portfolio.from_paths(folder / "budget.csv")
    with pytest.raises(cfbu.NotAPlanError, match=r"contacts\.tsv"):
        Portfolio.from_paths(folder / "contacts.tsv")


def test_a_broken_sniffer_matches_nothing(tmp_path: Path, plugin_host: PluginHost) -> None:
    def broken(start: bytes) -> bool:
        raise RuntimeError("boom")

    class Broken:
        @cfbu.hookimpl
        def cfbu_importers(self) -> list[cfbu.ImporterSpec]:
            spec = CsvPlans().cfbu_importers()[0]
            return [cfbu.ImporterSpec(**{**_fields(spec), "sniff": broken})]

    plugin_host.register(Broken(), name="broken")
    cfbu.export(small_plan(), tmp_path / "a.json")
    (tmp_path / "b.csv").write_bytes(MARK + b"plan-b;B\n")
    portfolio = Portfolio.from_paths(tmp_path)
    assert [p.id for p in portfolio] == [small_plan().id]
    assert [n.path for n in portfolio.notices] == [str(tmp_path / "b.csv")]


def _fields(spec: cfbu.ImporterSpec) -> dict[str, object]:
    names = ("name", "suffixes", "media_type", "kinds", "load")
    return {name: getattr(spec, name) for name in names}


def test_load_reads_the_toy_format() -> None:
    # The fake importer itself works, so the skips above are the selection's doing.
    plan = _load_plan_csv(io.BytesIO(MARK + b"plan-b;B\n"), cfbu.ImportContext())
    assert isinstance(plan, cfbu.Plan)
    assert plan.id == "plan-b"
