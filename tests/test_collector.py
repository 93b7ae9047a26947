"""The cyclic garbage collector is paused where many lasting objects are made, and always
left as it was found."""

from __future__ import annotations

import gc
import importlib
from collections.abc import Iterator
from typing import Any

import pytest

import cfbu_toolkit as cfbu
from cfbu_toolkit.io.collector import collector_paused

# The module, not the function of the same name that ``cfbu_toolkit.analysis`` exports.
rows_module = importlib.import_module("cfbu_toolkit.analysis.rows")


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.mark.usefixtures("collector_on")
def test_paused_inside_and_on_again_after_an_error() -> None:
    inside: list[bool] = []

    def fail() -> None:
        with collector_paused():
            inside.append(gc.isenabled())
            raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        fail()
    assert inside == [False]
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_a_collector_someone_else_turned_off_stays_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_analysis_rows_are_made_with_the_collector_paused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []

    def make(plan: Any) -> list[dict[str, Any]]:
        seen.append(gc.isenabled())
        return [{"plan_id": plan.id}]

    monkeypatch.setattr(rows_module, "_maker", lambda kind: make)
    plans = [cfbu.Plan(id=f"p{i}", name=f"Plan {i}") for i in range(3)]
    assert rows_module.rows(plans, "mapping_entry") == [{"plan_id": f"p{i}"} for i in range(3)]
    assert seen == [False, False, False]
    assert gc.isenabled()
