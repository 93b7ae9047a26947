"""The value-game workflow: set out the pieces, let each organisation place its values,
see who placed few, and compare a later round with an earlier one.

The organisation × value matrix and the values shared by all or unique to one are derived
views of a game; they live in :mod:`cfbu_toolkit.analysis.values`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from ..model import Placement, ValueCategory, ValueGame, ValuePiece, new_id
from ._errors import WorkflowError

__all__ = [
    "GameComparison",
    "OrganisationChange",
    "PlacementCount",
    "StrengthChange",
    "add_custom_piece",
    "compare_games",
    "few_placements",
    "new_game",
    "place",
    "place_many",
    "remove_placement",
    "repeat_game",
]


def new_game(
    *,
    title: str,
    game_id: str | None = None,
    date: dt.date | None = None,
    indsats_id: str | None = None,
    workshop_id: str | None = None,
    pieces: Iterable[ValuePiece] | None = None,
) -> ValueGame:
    """A game with no placements yet, laid out with ``pieces`` (the catalogue's by default)."""
    from ..catalog import CATALOGUE_VERSION, value_pieces

    return ValueGame(
        id=game_id or new_id("game-"),
        title=title,
        date=date,
        indsats_id=indsats_id,
        workshop_id=workshop_id,
        catalogue_version=CATALOGUE_VERSION,
        pieces=tuple(value_pieces() if pieces is None else pieces),
    )


def add_custom_piece(
    game: ValueGame,
    *,
    piece_id: str,
    label_da: str,
    category: ValueCategory,
    label_en: str = "",
) -> ValueGame:
    """A copy of ``game`` with a piece made on the day (marked ``custom``)."""
    if any(p.id == piece_id for p in game.pieces):
        raise WorkflowError(f"game {game.id!r} already has a piece {piece_id!r}")
    piece = ValuePiece(
        id=piece_id, label_da=label_da, label_en=label_en, category=category, custom=True
    )
    return attrs.evolve(game, pieces=(*game.pieces, piece))


def place(
    game: ValueGame,
    organisation_id: str,
    piece_id: str,
    *,
    strength: int = 2,
    comment: str = "",
) -> ValueGame:
    """A copy of ``game`` where ``organisation_id`` has placed ``piece_id`` with
    ``strength`` (1-3); placing the same piece again replaces the earlier placement."""
    if not any(p.id == piece_id for p in game.pieces):
        raise WorkflowError(
            f"game {game.id!r} has no piece {piece_id!r}; add it with add_custom_piece first"
        )
    new = Placement(
        piece_id=piece_id, organisation_id=organisation_id, strength=strength, comment=comment
    )
    placements = list(game.placements)
    for index, old in enumerate(placements):
        if (old.piece_id, old.organisation_id) == (piece_id, organisation_id):
            placements[index] = new
            break
    else:
        placements.append(new)
    return attrs.evolve(game, placements=tuple(placements))


def place_many(game: ValueGame, organisation_id: str, strengths: Mapping[str, int]) -> ValueGame:
    """:func:`place` for each ``piece_id: strength`` of ``strengths``."""
    for piece_id, strength in strengths.items():
        game = place(game, organisation_id, piece_id, strength=strength)
    return game


def remove_placement(game: ValueGame, organisation_id: str, piece_id: str) -> ValueGame:
    """A copy of ``game`` without that organisation's placement of that piece."""
    kept = tuple(
        p
        for p in game.placements
        if (p.piece_id, p.organisation_id) != (piece_id, organisation_id)
    )
    return attrs.evolve(game, placements=kept)


@attrs.frozen(kw_only=True)
class PlacementCount:
    """How many pieces an organisation placed, and how strongly in all."""

    organisation_id: str
    pieces: int
    total_strength: int


def few_placements(
    game: ValueGame, *, at_most: int = 2, organisation_ids: Iterable[str] = ()
) -> tuple[PlacementCount, ...]:
    """The organisations that placed ``at_most`` pieces or fewer, fewest first.

    They may see little value in staying in the collaboration. ``organisation_ids`` adds
    organisations that took part but placed nothing (they count as zero).
    """
    if at_most < 0:
        raise WorkflowError(f"at_most must be 0 or more, got {at_most}")
    counts: dict[str, list[int]] = {o: [0, 0] for o in organisation_ids}
    for placement in game.placements:
        count = counts.setdefault(placement.organisation_id, [0, 0])
        count[0] += 1
        count[1] += placement.strength
    few = [
        PlacementCount(organisation_id=o, pieces=n, total_strength=s)
        for o, (n, s) in counts.items()
        if n <= at_most
    ]
    return tuple(sorted(few, key=lambda c: (c.pieces, c.total_strength, c.organisation_id)))


def repeat_game(
    earlier: ValueGame,
    *,
    title: str,
    game_id: str | None = None,
    date: dt.date | None = None,
    workshop_id: str | None = None,
) -> ValueGame:
    """A new round of ``earlier``: the same pieces (custom ones included), no placements."""
    return attrs.evolve(
        earlier,
        id=game_id or new_id("game-"),
        title=title,
        date=date,
        workshop_id=workshop_id,
        placements=(),
    )


@attrs.frozen(kw_only=True)
class StrengthChange:
    """A piece both rounds placed, with a different strength."""

    piece_id: str
    before: int
    after: int

    @property
    def delta(self) -> int:
        return self.after - self.before


@attrs.frozen(kw_only=True)
class OrganisationChange:
    """What changed for one organisation between two rounds of the game."""

    organisation_id: str
    gained: tuple[str, ...]
    lost: tuple[str, ...]
    strength_changes: tuple[StrengthChange, ...]
    in_earlier: bool
    in_later: bool

    @property
    def changed(self) -> bool:
        return bool(self.gained or self.lost or self.strength_changes)


@attrs.frozen(kw_only=True)
class GameComparison:
    """A later round of the game next to an earlier one, organisation by organisation."""

    earlier_id: str
    later_id: str
    organisations: tuple[OrganisationChange, ...]

    def organisation(self, organisation_id: str) -> OrganisationChange:
        for change in self.organisations:
            if change.organisation_id == organisation_id:
                return change
        raise KeyError(organisation_id)

    @property
    def joined(self) -> tuple[str, ...]:
        """Organisations that placed pieces only in the later round."""
        return tuple(c.organisation_id for c in self.organisations if not c.in_earlier)

    @property
    def left(self) -> tuple[str, ...]:
        """Organisations that placed pieces only in the earlier round."""
        return tuple(c.organisation_id for c in self.organisations if not c.in_later)


def _by_organisation(game: ValueGame) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for placement in game.placements:
        out.setdefault(placement.organisation_id, {})[placement.piece_id] = placement.strength
    return out


def compare_games(earlier: ValueGame, later: ValueGame) -> GameComparison:
    """Which values each organisation gained or lost between ``earlier`` and ``later``, and
    how the strength of the values it kept changed. Pieces are matched by id."""
    before, after = _by_organisation(earlier), _by_organisation(later)
    order = list(before) + [o for o in after if o not in before]
    changes = []
    for organisation_id in order:
        old, new = before.get(organisation_id, {}), after.get(organisation_id, {})
        changes.append(
            OrganisationChange(
                organisation_id=organisation_id,
                gained=tuple(p for p in new if p not in old),
                lost=tuple(p for p in old if p not in new),
                strength_changes=tuple(
                    StrengthChange(piece_id=p, before=old[p], after=new[p])
                    for p in old
                    if p in new and old[p] != new[p]
                ),
                in_earlier=organisation_id in before,
                in_later=organisation_id in after,
            )
        )
    return GameComparison(earlier_id=earlier.id, later_id=later.id, organisations=tuple(changes))
