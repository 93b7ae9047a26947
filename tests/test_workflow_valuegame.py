"""The value-game workflow: placing pieces, few placements, comparing rounds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

import cfbu_toolkit as cfbu
from cfbu_toolkit import catalog
from cfbu_toolkit.analysis.values import shared_values, unique_values
from cfbu_toolkit.cli import main
from cfbu_toolkit.workflows import WorkflowError, put
from cfbu_toolkit.workflows.valuegame import (
    add_custom_piece,
    compare_games,
    few_placements,
    new_game,
    place,
    place_many,
    remove_placement,
    repeat_game,
)


@pytest.fixture
def game() -> cfbu.ValueGame:
    return new_game(title="Værdispil i følgegruppen", game_id="spil-1", date=dt.date(2024, 3, 1))


def test_new_game_uses_catalogue(game: cfbu.ValueGame) -> None:
    assert game.pieces == catalog.value_pieces()
    assert game.catalogue_version == catalog.CATALOGUE_VERSION
    assert game.placements == ()


def test_place_and_replace(game: cfbu.ValueGame) -> None:
    first, second = game.pieces[0].id, game.pieces[1].id
    placed = place(game, "job", first, strength=3, comment="Flere i job")
    placed = place(placed, "job", second)
    placed = place(placed, "job", first, strength=1)
    assert game.placements == ()
    assert [(p.piece_id, p.strength, p.comment) for p in placed.placements] == [
        (first, 1, ""),
        (second, 2, ""),
    ]
    assert remove_placement(placed, "job", first).placements == placed.placements[1:]


@pytest.mark.usefixtures("english")  # matches the English message
def test_place_refuses_unknown_piece_and_bad_strength(game: cfbu.ValueGame) -> None:
    with pytest.raises(WorkflowError, match="no piece 'x'"):
        place(game, "job", "x")
    with pytest.raises(cfbu.ModelError, match="strength"):
        place(game, "job", game.pieces[0].id, strength=4)


@pytest.mark.usefixtures("english")  # matches the English message
def test_custom_piece(game: cfbu.ValueGame) -> None:
    game = add_custom_piece(
        game, piece_id="egen-ro", label_da="Ro i opgangen", category=cfbu.ValueCategory.SOCIAL
    )
    assert game.pieces[-1].custom
    assert place(game, "bs", "egen-ro").placements[0].piece_id == "egen-ro"
    with pytest.raises(WorkflowError, match="already has a piece"):
        add_custom_piece(
            game, piece_id="egen-ro", label_da="x", category=cfbu.ValueCategory.SOCIAL
        )


def test_few_placements(game: cfbu.ValueGame) -> None:
    ids = [p.id for p in game.pieces]
    game = place_many(game, "job", {ids[0]: 3, ids[1]: 3, ids[2]: 2})
    game = place_many(game, "skole", {ids[0]: 1})
    game = place_many(game, "bs", {ids[0]: 2, ids[3]: 2})
    few = few_placements(game, at_most=2, organisation_ids=["politi"])
    assert [(c.organisation_id, c.pieces) for c in few] == [("politi", 0), ("skole", 1), ("bs", 2)]
    assert [c.organisation_id for c in few_placements(game, at_most=1)] == ["skole"]
    assert few_placements(game, at_most=0) == ()


def test_compare_rounds(game: cfbu.ValueGame) -> None:
    a, b, c = (p.id for p in game.pieces[:3])
    earlier = place_many(game, "job", {a: 3, b: 2})
    earlier = place_many(earlier, "skole", {a: 1})
    later = repeat_game(earlier, title="Et år efter", game_id="spil-2", date=dt.date(2025, 3, 1))
    assert later.placements == ()
    assert later.pieces == earlier.pieces
    later = place_many(later, "job", {a: 1, c: 2})
    later = place_many(later, "bs", {a: 3})
    result = compare_games(earlier, later)
    job = result.organisation("job")
    assert job.gained == (c,)
    assert job.lost == (b,)
    assert [(s.piece_id, s.before, s.after, s.delta) for s in job.strength_changes] == [
        (a, 3, 1, -2)
    ]
    assert result.left == ("skole",)
    assert result.organisation("skole").lost == (a,)
    assert result.joined == ("bs",)
    assert not compare_games(earlier, earlier).organisations[0].changed


def test_user_pieces_survive_json(game: cfbu.ValueGame) -> None:
    game = add_custom_piece(
        game,
        piece_id="egen-kaffe",
        label_da="Kaffe og snak",
        label_en="Coffee and a chat",
        category=cfbu.ValueCategory.WORK_JOY,
    )
    game = place(game, "job", "egen-kaffe", strength=3, comment="Vi lærer hinanden at kende")
    assert cfbu.load(cfbu.export(game, format="json")) == game


def test_works_with_value_analysis(game: cfbu.ValueGame) -> None:
    a, b = game.pieces[0].id, game.pieces[1].id
    game = place_many(game, "job", {a: 3, b: 1})
    game = place_many(game, "bs", {a: 2})
    assert [v.piece.id for v in shared_values(game, min_share=1.0)] == [a]
    assert [(v.piece.id, v.organisation_id) for v in unique_values(game)] == [(b, "job")]


def test_game_in_plan_validates() -> None:
    plan = cfbu.Plan(
        id="p",
        name="Plan",
        organisations=(
            cfbu.Organisation(id="job", name="Jobcenter", sector=cfbu.ActorSector.MUNICIPALITY),
        ),
    )
    game = place(new_game(title="Spil", game_id="g"), "job", catalog.value_pieces()[0].id)
    assert cfbu.validate(put(plan, game)) == []
    stray = place(game, "ukendt", catalog.value_pieces()[0].id)
    assert [p.where for p in cfbu.validate(put(plan, stray))] == [
        "$.value_games[0].placements[1].organisation_id"
    ]


def test_demo_plan_value_game_end_to_end(tmp_path: Path) -> None:
    plan = cfbu.examples.demo_plan()
    earlier = plan.value_games[0]
    few = few_placements(earlier, at_most=2)
    assert [c.organisation_id for c in few] == ["org-solbakkeskolen"]
    later = repeat_game(earlier, title="Værdispil et år efter", game_id="vg-2025")
    for placement in earlier.placements:
        if placement.organisation_id != "org-jobcenter-egedal":
            later = place(
                later, placement.organisation_id, placement.piece_id, strength=placement.strength
            )
    school_piece = next(
        p.id
        for p in later.pieces
        if not any(
            q.piece_id == p.id and q.organisation_id == "org-solbakkeskolen"
            for q in later.placements
        )
    )
    later = place(later, "org-solbakkeskolen", school_piece, strength=3)
    result = compare_games(earlier, later)
    assert result.left == ("org-jobcenter-egedal",)
    assert result.organisation("org-solbakkeskolen").gained == (school_piece,)
    assert few_placements(later, at_most=2) == ()
    plan = put(plan, later)
    assert cfbu.validate(plan) == []
    source = tmp_path / "plan.json"
    cfbu.export(plan, source)
    runner = CliRunner()
    shown = runner.invoke(main, ["valuegame", "few", str(source), "--game", earlier.id])
    assert shown.exit_code == 0, shown.output
    assert shown.output == "Solbakkeskolen: 2 brikker\n"
    english = runner.invoke(
        main, ["valuegame", "few", str(source), "--game", earlier.title, "--lang", "en"]
    )
    assert english.output == "Solbakkeskolen: 2 pieces\n"
    compared = runner.invoke(
        main, ["valuegame", "compare", str(source), "--earlier", earlier.id, "--later", "vg-2025"]
    )
    assert compared.exit_code == 0, compared.output
    label = next(p.label_da for p in later.pieces if p.id == school_piece)
    assert "Ikke med i den senere runde: Jobcenter Egedal" in compared.output
    assert f"  Solbakkeskolen: {label} - → 3" in compared.output
    itself = runner.invoke(main, ["valuegame", "compare", str(source), "vg-2025", "vg-2025"])
    assert "Ingen ændringer" in itself.output
