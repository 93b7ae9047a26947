"""The mapping and value-game analysis, against expectations computed by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from cfbu_toolkit.analysis.mapping import (
    MappingCounts,
    Quadrant,
    count_by_sector,
    count_by_status,
    grid_cell,
    mapping_counts,
    quadrant,
    quadrant_of_levels,
    quadrants,
    unplaced,
)
from cfbu_toolkit.analysis.values import (
    shared_values,
    unique_values,
    unplaced_pieces,
    value_matrix,
)
from cfbu_toolkit.model import (
    ActorSector,
    Assessment,
    CollaborationStatus,
    Level,
    Mapping,
    MappingEntry,
    Organisation,
    Placement,
    Plan,
    ValueCategory,
    ValueGame,
    ValuePiece,
)

H, M, L = Level.HIGH, Level.MEDIUM, Level.LOW
DAY = dt.date(2025, 1, 1)


def entry(
    eid: str,
    org: str,
    interest: Level | None,
    influence: Level | None,
    status: CollaborationStatus = CollaborationStatus.POTENTIAL,
) -> MappingEntry:
    return MappingEntry(
        id=eid,
        organisation_id=org,
        assessments=(Assessment(date=DAY, status=status, interest=interest, influence=influence),),
    )


# -- quadrants -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("influence", "interest", "expected"),
    [
        (H, H, Quadrant.KEEP_CLOSE),
        (H, M, Quadrant.KEEP_CLOSE),
        (M, H, Quadrant.KEEP_CLOSE),
        (M, M, Quadrant.KEEP_CLOSE),
        (H, L, Quadrant.KEEP_SATISFIED),
        (M, L, Quadrant.KEEP_SATISFIED),
        (L, H, Quadrant.KEEP_INFORMED),
        (L, M, Quadrant.KEEP_INFORMED),
        (L, L, Quadrant.MONITOR),
    ],
)
def test_medium_counts_as_high(influence: Level, interest: Level, expected: Quadrant) -> None:
    assert quadrant_of_levels(influence, interest) is expected
    assert quadrant(entry("e", "o", interest, influence)) is expected
    assert expected.high_influence == (influence is not L)
    assert expected.high_interest == (interest is not L)


def test_entry_without_both_levels_has_no_quadrant() -> None:
    assert quadrant(entry("e", "o", None, H)) is None
    assert quadrant(entry("e", "o", H, None)) is None
    assert grid_cell(entry("e", "o", None, None)) is None


def test_the_latest_assessment_counts() -> None:
    first = entry("e", "o", L, L)
    later = first.reassess(Assessment(date=dt.date(2025, 6, 1), interest=H, influence=H))
    assert quadrant(first) is Quadrant.MONITOR
    assert quadrant(later) is Quadrant.KEEP_CLOSE


def test_grid_cell_keeps_three_levels_apart() -> None:
    assert grid_cell(entry("e", "o", M, H)) == (2, 3)
    assert grid_cell(entry("e", "o", L, M)) == (1, 2)


def test_quadrant_labels_in_both_languages() -> None:
    assert [q.label() for q in Quadrant] == [
        "Inddrag tæt",
        "Hold tilfreds",
        "Hold informeret",
        "Hold øje",
    ]
    assert [q.label("en") for q in Quadrant] == [
        "Keep close",
        "Keep satisfied",
        "Keep informed",
        "Monitor",
    ]
    assert Quadrant.from_label("hold øje") is Quadrant.MONITOR
    assert Quadrant.from_label("Keep informed") is Quadrant.KEEP_INFORMED


ORGS = (
    Organisation(id="job", name="Jobcenter", sector=ActorSector.MUNICIPALITY),
    Organisation(id="skole", name="Skolen", sector=ActorSector.MUNICIPALITY),
    Organisation(id="politi", name="Politiet", sector=ActorSector.POLICE),
    Organisation(id="klub", name="Klubben", sector=ActorSector.CIVIL_SOCIETY),
)
MAPPING = Mapping(
    id="m",
    title="Kortlægning",
    entries=(
        entry("e1", "job", H, H, CollaborationStatus.ACTIVE),
        entry("e2", "skole", M, M, CollaborationStatus.IN_DIALOGUE),
        entry("e3", "politi", L, H, CollaborationStatus.ACTIVE),
        entry("e4", "klub", H, L, CollaborationStatus.CONTACTED),
        entry("e5", "klub", L, L),
        entry("e6", "ukendt", None, M),
    ),
)


def test_quadrants_of_a_mapping() -> None:
    found = quadrants(MAPPING)
    assert list(found) == list(Quadrant)
    ids = {q: [e.id for e in entries] for q, entries in found.items()}
    assert ids == {
        Quadrant.KEEP_CLOSE: ["e1", "e2"],
        Quadrant.KEEP_SATISFIED: ["e3"],
        Quadrant.KEEP_INFORMED: ["e4"],
        Quadrant.MONITOR: ["e5"],
    }
    assert [e.id for e in unplaced(MAPPING)] == ["e6"]


def test_counts_per_status() -> None:
    counts = count_by_status(MAPPING)
    assert list(counts) == list(CollaborationStatus)
    assert counts == {
        CollaborationStatus.POTENTIAL: 2,
        CollaborationStatus.CONTACTED: 1,
        CollaborationStatus.IN_DIALOGUE: 1,
        CollaborationStatus.ACTIVE: 2,
        CollaborationStatus.PAUSED: 0,
        CollaborationStatus.ENDED: 0,
        CollaborationStatus.DESELECTED: 0,
    }


def test_counts_per_sector_from_a_plan_or_organisations() -> None:
    plan = Plan(id="p", name="Plan", organisations=ORGS, mappings=(MAPPING,))
    expected = dict.fromkeys(ActorSector, 0)
    expected.update(
        {ActorSector.MUNICIPALITY: 2, ActorSector.POLICE: 1, ActorSector.CIVIL_SOCIETY: 2}
    )
    assert count_by_sector(MAPPING, plan) == expected
    assert count_by_sector(MAPPING, list(ORGS)) == expected
    assert list(count_by_sector(MAPPING, ORGS)) == list(ActorSector)


def test_mapping_counts_summary() -> None:
    counts = mapping_counts(MAPPING, ORGS)
    assert isinstance(counts, MappingCounts)
    assert counts.total == 6
    assert counts.unplaced == 1
    assert counts.unknown_organisation_ids == ("ukendt",)
    assert counts.by_quadrant == {
        Quadrant.KEEP_CLOSE: 2,
        Quadrant.KEEP_SATISFIED: 1,
        Quadrant.KEEP_INFORMED: 1,
        Quadrant.MONITOR: 1,
    }
    assert sum(counts.by_sector.values()) == 5


def test_counts_of_an_empty_mapping() -> None:
    counts = mapping_counts(Mapping(id="m", title="Tom"), ())
    assert counts.total == 0
    assert set(counts.by_quadrant.values()) == {0}
    assert set(counts.by_status.values()) == {0}


# -- the value game --------------------------------------------------------------------------


def piece(pid: str, label: str) -> ValuePiece:
    return ValuePiece(id=pid, label_da=label, category=ValueCategory.SOCIAL)


GAME = ValueGame(
    id="g",
    title="Værdispil",
    pieces=(
        piece("tryg", "Tryghed"),
        piece("job", "Job"),
        piece("viden", "Viden"),
        piece("glemt", "Glemt"),
        piece("faelles", "Fællesskab"),
    ),
    placements=(
        Placement(piece_id="job", organisation_id="A", strength=3),
        Placement(piece_id="tryg", organisation_id="A", strength=1),
        Placement(piece_id="tryg", organisation_id="B", strength=3),
        Placement(piece_id="tryg", organisation_id="C", strength=2),
        Placement(piece_id="job", organisation_id="C", strength=1),
        Placement(piece_id="viden", organisation_id="B", strength=2),
        Placement(piece_id="faelles", organisation_id="B", strength=3),
        Placement(piece_id="faelles", organisation_id="C", strength=3),
        Placement(piece_id="mangler", organisation_id="D", strength=2),
    ),
)


def test_value_matrix() -> None:
    matrix = value_matrix(GAME)
    assert matrix.organisation_ids == ("A", "B", "C", "D")
    assert [p.id for p in matrix.pieces] == ["tryg", "job", "viden", "glemt", "faelles"]
    assert matrix.strength("A", "job") == 3
    assert matrix.strength("B", "job") is None
    assert matrix.placed_by("tryg") == ("A", "B", "C")
    assert matrix.unknown_piece_ids == ("mangler",)
    assert matrix.rows()[0] == {
        "piece_id": "tryg",
        "label": "Tryghed",
        "A": 1,
        "B": 3,
        "C": 2,
        "D": None,
    }


def test_shared_values_by_at_least_two_sorted_by_reach_then_strength() -> None:
    shared = shared_values(GAME)
    # tryg: 3 orgs (strength 6); fælles: 2 orgs (6); job: 2 orgs (4)
    assert [s.piece.id for s in shared] == ["tryg", "faelles", "job"]
    first = shared[0]
    assert first.organisation_ids == ("A", "B", "C")
    assert first.strengths == (1, 3, 2)
    assert first.count == 3
    assert first.of == 4  # D placed a piece the game does not hold, but took part
    assert first.share == pytest.approx(0.75)
    assert not first.by_all
    assert first.total_strength == 6


def test_shared_values_thresholds() -> None:
    assert [s.piece.id for s in shared_values(GAME, min_organisations=3)] == ["tryg"]
    assert shared_values(GAME, min_share=1.0) == ()
    three = ValueGame(id="g", title="t", pieces=GAME.pieces, placements=GAME.placements[:8])
    by_all = shared_values(three, min_share=1.0)
    assert [s.piece.id for s in by_all] == ["tryg"]
    assert by_all[0].by_all
    with pytest.raises(ValueError, match="min_share"):
        shared_values(GAME, min_share=1.5)
    with pytest.raises(ValueError, match="min_organisations"):
        shared_values(GAME, min_organisations=0)
    with pytest.raises(TypeError):
        shared_values(GAME, min_organisations=True)


def test_unique_and_unplaced_values() -> None:
    unique = unique_values(GAME)
    assert [(u.piece.id, u.organisation_id, u.strength) for u in unique] == [("viden", "B", 2)]
    assert [p.id for p in unplaced_pieces(GAME)] == ["glemt"]


def test_empty_game() -> None:
    empty = ValueGame(id="g", title="t", pieces=(piece("a", "A"),))
    assert value_matrix(empty).organisation_ids == ()
    assert shared_values(empty) == ()
    assert unique_values(empty) == ()
    assert [p.id for p in unplaced_pieces(empty)] == ["a"]
