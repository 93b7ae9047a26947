"""The value-game workflow: set out the pieces, let each organisation place its values,
see who placed few, and compare a later round with an earlier one.

The organisation × value matrix and the values shared by all or unique to one are derived
views of a game; they live in :mod:`cfbu_toolkit.analysis.values`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from ..locale import N_
from ..model import Lang, Placement, Plan, ValueCategory, ValueGame, ValuePiece, new_id
from ._errors import WorkflowError
from .names import find_game, find_organisation, find_piece

__all__ = [
    "GameComparison",
    "OrganisationChange",
    "PlacementCount",
    "RoundComparison",
    "SharedValue",
    "StrengthChange",
    "ValueMove",
    "add_custom_piece",
    "compare_games",
    "compare_rounds",
    "few_placements",
    "new_game",
    "place",
    "place_by_name",
    "place_many",
    "remove_by_name",
    "remove_placement",
    "repeat_game",
    "start_round",
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
        raise WorkflowError(
            N_("game {game!r} already has a piece {piece!r}"), game=game.id, piece=piece_id
        )
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
            N_("game {game!r} has no piece {piece!r}; add it with add_custom_piece first"),
            game=game.id,
            piece=piece_id,
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
        raise WorkflowError(
            N_("{name} must be 0 or more, got {value}"), name="at_most", value=at_most
        )
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
        """How much the strength went up (negative: down)."""
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
        """Whether anything changed for the organisation between the rounds."""
        return bool(self.gained or self.lost or self.strength_changes)


@attrs.frozen(kw_only=True)
class GameComparison:
    """A later round of the game next to an earlier one, organisation by organisation."""

    earlier_id: str
    later_id: str
    organisations: tuple[OrganisationChange, ...]

    def organisation(self, organisation_id: str) -> OrganisationChange:
        """The changes for one organisation (``KeyError`` when it took no part)."""
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


# --- rounds, by name -------------------------------------------------------------------------


def start_round(
    plan: Plan,
    *,
    title: str,
    previous: str | None = None,
    game_id: str | None = None,
    date: dt.date | None = None,
    indsats_id: str | None = None,
) -> ValueGame:
    """A new round of the value game: with the pieces of the round ``previous`` (its title
    or id; custom pieces included) or, without it, the catalogue's pieces."""
    if previous is None:
        return new_game(title=title, game_id=game_id, date=date, indsats_id=indsats_id)
    earlier = find_game(plan, previous)
    game = repeat_game(earlier, title=title, game_id=game_id, date=date)
    return attrs.evolve(game, indsats_id=indsats_id or earlier.indsats_id)


def place_by_name(
    plan: Plan,
    game: ValueGame,
    organisation: str,
    value: str,
    *,
    strength: int = 2,
    comment: str = "",
) -> ValueGame:
    """:func:`place`, with the organisation and the value chosen by name (or id)."""
    if not 1 <= strength <= 3:
        raise WorkflowError(N_("a strength is 1, 2 or 3, not {strength}"), strength=strength)
    org = find_organisation(plan, organisation)
    piece = find_piece(game, value)
    return place(game, org.id, piece.id, strength=strength, comment=comment)


def remove_by_name(plan: Plan, game: ValueGame, organisation: str, value: str) -> ValueGame:
    """:func:`remove_placement`, with the organisation and the value chosen by name."""
    org = find_organisation(plan, organisation)
    piece = find_piece(game, value)
    if not any(p.organisation_id == org.id and p.piece_id == piece.id for p in game.placements):
        raise WorkflowError(
            N_("{organisation} has not placed {value!r} in {game!r}"),
            organisation=org.name,
            value=piece.label_da,
            game=game.title,
        )
    return remove_placement(game, org.id, piece.id)


@attrs.frozen(kw_only=True)
class ValueMove:
    """One organisation's placement of one value, before and after (``None``: not placed)."""

    organisation_id: str
    organisation: str
    piece_id: str
    value: str
    before: int | None
    after: int | None


@attrs.frozen(kw_only=True)
class SharedValue:
    """A value and the organisations that placed it, before and after."""

    piece_id: str
    value: str
    before: tuple[str, ...]
    after: tuple[str, ...]


@attrs.frozen(kw_only=True)
class RoundComparison:
    """Two rounds of the value game side by side, with names, in one language.

    ``moved`` are placements that came, went or changed strength; ``disappeared`` values
    no organisation placed any more; ``appeared`` values placed only in the later round;
    ``became_shared`` values placed by one organisation or none before and by two or more
    after.
    """

    earlier: str
    later: str
    moved: tuple[ValueMove, ...]
    disappeared: tuple[SharedValue, ...]
    appeared: tuple[SharedValue, ...]
    became_shared: tuple[SharedValue, ...]
    joined: tuple[str, ...]
    left: tuple[str, ...]

    @property
    def unchanged(self) -> bool:
        """Whether nothing at all changed between the rounds."""
        return not (self.moved or self.disappeared or self.appeared or self.became_shared)


def compare_rounds(
    plan: Plan | None, earlier: ValueGame, later: ValueGame, *, lang: Lang = "da"
) -> RoundComparison:
    """What changed from ``earlier`` to ``later``, with organisations named from ``plan``
    and values labelled in ``lang``. Pieces are matched by id."""
    names = {o.id: o.name for o in plan.organisations} if plan is not None else {}
    labels = {p.id: p.label(lang) for p in (*earlier.pieces, *later.pieces)}
    before, after = _by_organisation(earlier), _by_organisation(later)
    moved: list[ValueMove] = []
    for organisation_id in list(before) + [o for o in after if o not in before]:
        old, new = before.get(organisation_id, {}), after.get(organisation_id, {})
        for piece_id in list(old) + [p for p in new if p not in old]:
            if old.get(piece_id) != new.get(piece_id):
                moved.append(
                    ValueMove(
                        organisation_id=organisation_id,
                        organisation=names.get(organisation_id, organisation_id),
                        piece_id=piece_id,
                        value=labels.get(piece_id, piece_id),
                        before=old.get(piece_id),
                        after=new.get(piece_id),
                    )
                )

    def holders(game: dict[str, dict[str, int]], piece_id: str) -> tuple[str, ...]:
        return tuple(names.get(o, o) for o, pieces in game.items() if piece_id in pieces)

    pieces = list(dict.fromkeys(p.piece_id for p in (*earlier.placements, *later.placements)))
    shared = [
        SharedValue(
            piece_id=p,
            value=labels.get(p, p),
            before=holders(before, p),
            after=holders(after, p),
        )
        for p in pieces
    ]
    return RoundComparison(
        earlier=earlier.title,
        later=later.title,
        moved=tuple(moved),
        disappeared=tuple(s for s in shared if s.before and not s.after),
        appeared=tuple(s for s in shared if s.after and not s.before),
        became_shared=tuple(s for s in shared if len(s.before) <= 1 < len(s.after)),
        joined=tuple(names.get(o, o) for o in after if o not in before),
        left=tuple(names.get(o, o) for o in before if o not in after),
    )
