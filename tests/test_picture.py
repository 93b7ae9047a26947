"""The partner map as a picture: every organisation placed, no two labels overlapping,
Danish or English quadrant words, the same bytes for the same input."""

from __future__ import annotations

import datetime as dt
import itertools
import sys
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from _profile import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cfbu_toolkit as cfbu
from cfbu_toolkit.analysis.mapping import quadrant
from cfbu_toolkit.errors import CfbuError
from cfbu_toolkit.formats.picture import draw_maps, label_texts
from cfbu_toolkit.model import (
    ActorSector,
    Assessment,
    Level,
    Mapping,
    MappingEntry,
    Organisation,
    Plan,
)
from cfbu_toolkit.testing import names

pytest.importorskip("matplotlib")
pytestmark = pytest.mark.filterwarnings("ignore:Glyph .* missing")

SVG = "{http://www.w3.org/2000/svg}"


def _boxes(fig: Any) -> dict[str, Any]:
    renderer = fig.canvas.get_renderer()
    return {text.get_gid(): text.get_window_extent(renderer) for text in label_texts(fig)}


def _assert_apart(fig: Any) -> None:
    boxes = _boxes(fig)
    for (a, box_a), (b, box_b) in itertools.combinations(boxes.items(), 2):
        assert not box_a.overlaps(box_b), f"labels {a} and {b} overlap: {box_a} {box_b}"
    axes = [ax.get_window_extent(fig.canvas.get_renderer()) for ax in fig.axes]
    for gid, box in boxes.items():
        assert any(
            ax.x0 <= box.x0 and box.x1 <= ax.x1 and ax.y0 <= box.y0 and box.y1 <= ax.y1
            for ax in axes
        ), f"label {gid} reaches outside the grid: {box}"


def test_the_demo_plan_gives_an_svg_and_a_png(tmp_path: Any) -> None:
    plan = cfbu.examples.demo_plan()
    cfbu.export(plan, tmp_path / "kort.svg")
    cfbu.export(plan, tmp_path / "kort.png")
    assert (tmp_path / "kort.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    root = ET.fromstring((tmp_path / "kort.svg").read_bytes())
    texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    for word in ("Inddrag tæt", "Hold tilfreds", "Hold informeret", "Hold øje"):
        assert word in texts
    for entry in plan.mappings[0].entries:
        name = plan.organisation(entry.organisation_id).name
        assert name.split()[0] in texts


def test_english_quadrant_words() -> None:
    svg = cfbu.export(cfbu.examples.demo_plan(), format="svg", lang="en").decode()
    for word in ("Keep close", "Keep satisfied", "Keep informed", "Monitor"):
        assert word in svg
    assert "Inddrag" not in svg


def test_no_two_labels_of_the_demo_plan_overlap_and_every_entry_is_placed() -> None:
    plan = cfbu.examples.demo_plan()
    fig = draw_maps(plan)
    placed = {e.id for e in plan.mappings[0].entries if quadrant(e) is not None}
    assert {gid.split(":", 1)[1] for gid in _boxes(fig)} == placed
    assert len(placed) >= 30
    _assert_apart(fig)


def _crowded(names_: list[str], level: Level) -> Plan:
    orgs = tuple(
        Organisation(id=f"org-{i}", name=name, sector=ActorSector.CIVIL_SOCIETY)
        for i, name in enumerate(names_)
    )
    day = dt.date(2025, 1, 1)
    entries = tuple(
        MappingEntry(
            id=f"me-{i}",
            organisation_id=org.id,
            assessments=(Assessment(date=day, interest=level, influence=level),),
        )
        for i, org in enumerate(orgs)
    )
    mapping = Mapping(id="m", title="Mange i samme felt", entries=entries)
    return Plan(id="p", name="Plan", organisations=orgs, mappings=(mapping,))


@settings(
    max_examples=examples(0.12, floor=3),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(
        st.one_of(names(), st.text(min_size=60, max_size=200).filter(str.strip)),
        min_size=1,
        max_size=18,
    ),
    st.sampled_from(list(Level)),
)
def test_labels_sharing_a_cell_never_overlap(names_: list[str], level: Level) -> None:
    fig = draw_maps(_crowded(names_, level))
    assert len(label_texts(fig)) == len(names_)
    _assert_apart(fig)


def test_dollar_signs_are_text_not_mathematics() -> None:
    fig = draw_maps(_crowded(["$x^2$ Forening", "50$ og 60$"], Level.HIGH))
    assert sorted(t.get_text() for t in label_texts(fig)) == ["$x^2$ Forening", "50$ og 60$"]
    _assert_apart(fig)


def test_the_same_input_gives_the_same_bytes() -> None:
    plan = cfbu.examples.demo_plan()
    for name in ("svg", "png"):
        assert cfbu.export(plan, format=name) == cfbu.export(plan, format=name)


def test_a_mapping_without_its_plan_says_names_are_missing() -> None:
    plan = cfbu.examples.demo_plan()
    mapping = plan.mappings[0]
    alone = cfbu.export(mapping, format="svg").decode()
    assert "Navnene mangler" in alone
    assert "org-" in alone
    with_plan = cfbu.export(mapping, format="svg", plan=plan).decode()
    assert "Navnene mangler" not in with_plan


def test_a_plan_without_mappings_gives_an_empty_grid() -> None:
    plan = Plan(id="p", name="Tom plan")
    svg = cfbu.export(plan, format="svg").decode()
    assert "Planen har endnu ingen kortlægning" in svg


def test_other_kinds_are_refused_before_drawing() -> None:
    plan = cfbu.examples.demo_plan()
    with pytest.raises(cfbu.FormatError):
        cfbu.export(plan.collaboration_agreements[0], format="png")


def test_missing_matplotlib_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(CfbuError, match=r"cfbu-toolkit\[picture\]"):
        cfbu.export(cfbu.examples.demo_plan(), format="svg")
