"""The value game seen from above: who placed which value how strongly, and what is shared.

The organisations of a game are those that placed at least one piece, in the order of
their first placement. "Placed by all" means by all of those.
"""

from __future__ import annotations

import attrs

from ..model import Lang, ValueGame, ValuePiece

__all__ = [
    "SharedValue",
    "UniqueValue",
    "ValueMatrix",
    "shared_values",
    "unique_values",
    "unplaced_pieces",
    "value_matrix",
]


@attrs.frozen(kw_only=True)
class ValueMatrix:
    """Organisations × value pieces, each cell the strength (1-3) of a placement.

    ``pieces`` are all the game's pieces in game order (placed or not);
    ``organisation_ids`` are the organisations that placed something, in order of first
    placement. Placements of a piece the game does not hold are not in the matrix; their
    piece ids are in ``unknown_piece_ids``.
    """

    organisation_ids: tuple[str, ...]
    pieces: tuple[ValuePiece, ...]
    cells: dict[tuple[str, str], int]
    """``(organisation_id, piece_id) -> strength``, only where a piece was placed."""
    unknown_piece_ids: tuple[str, ...] = ()

    def strength(self, organisation_id: str, piece_id: str) -> int | None:
        """The strength the organisation gave the piece, or ``None`` if it did not place it."""
        return self.cells.get((organisation_id, piece_id))

    def placed_by(self, piece_id: str) -> tuple[str, ...]:
        """The organisations that placed the piece, in matrix order."""
        return tuple(org for org in self.organisation_ids if (org, piece_id) in self.cells)

    def rows(self, lang: Lang = "da") -> list[dict[str, object]]:
        """One flat dict per piece: ``piece_id``, ``label`` and a column per organisation
        (the strength, or ``None``), ready for a data frame."""
        rows: list[dict[str, object]] = []
        for piece in self.pieces:
            row: dict[str, object] = {"piece_id": piece.id, "label": piece.label(lang)}
            for org in self.organisation_ids:
                row[org] = self.cells.get((org, piece.id))
            rows.append(row)
        return rows


def value_matrix(game: ValueGame) -> ValueMatrix:
    """The organisation × value matrix of a game."""
    known = {piece.id for piece in game.pieces}
    organisations: list[str] = []
    unknown: list[str] = []
    cells: dict[tuple[str, str], int] = {}
    for placement in game.placements:
        if placement.organisation_id not in organisations:
            organisations.append(placement.organisation_id)
        if placement.piece_id not in known:
            if placement.piece_id not in unknown:
                unknown.append(placement.piece_id)
            continue
        cells[(placement.organisation_id, placement.piece_id)] = placement.strength
    return ValueMatrix(
        organisation_ids=tuple(organisations),
        pieces=game.pieces,
        cells=cells,
        unknown_piece_ids=tuple(unknown),
    )


@attrs.frozen(kw_only=True)
class SharedValue:
    """A value several organisations placed, with who and how strongly."""

    piece: ValuePiece
    organisation_ids: tuple[str, ...]
    strengths: tuple[int, ...]
    """The strength each of ``organisation_ids`` gave, in the same order."""
    of: int
    """How many organisations took part in the game (placed anything)."""

    @property
    def count(self) -> int:
        """How many organisations placed the value."""
        return len(self.organisation_ids)

    @property
    def share(self) -> float:
        """The share of the game's organisations that placed the value (0-1)."""
        return self.count / self.of if self.of else 0.0

    @property
    def by_all(self) -> bool:
        """Whether every organisation in the game placed the value."""
        return self.count == self.of

    @property
    def total_strength(self) -> int:
        """The strengths added up: how strongly the value is shared."""
        return sum(self.strengths)


def _check_threshold(min_organisations: int, min_share: float) -> None:
    if isinstance(min_organisations, bool) or not isinstance(min_organisations, int):
        raise TypeError(f"min_organisations must be a whole number, got {min_organisations!r}")
    if min_organisations < 1:
        raise ValueError(f"min_organisations must be 1 or more, got {min_organisations}")
    if isinstance(min_share, bool) or not isinstance(min_share, int | float):
        raise TypeError(f"min_share must be a number from 0 to 1, got {min_share!r}")
    if not 0.0 <= min_share <= 1.0:
        raise ValueError(f"min_share must be from 0 to 1, got {min_share}")


def shared_values(
    game: ValueGame, *, min_organisations: int = 2, min_share: float = 0.0
) -> tuple[SharedValue, ...]:
    """The values placed by at least ``min_organisations`` organisations and at least
    ``min_share`` of them (``min_share=1.0``: by all that took part).

    Sorted by how many placed the value (most first), then by total strength, then in
    game order.
    """
    _check_threshold(min_organisations, min_share)
    matrix = value_matrix(game)
    of = len(matrix.organisation_ids)
    found: list[tuple[int, SharedValue]] = []
    for order, piece in enumerate(matrix.pieces):
        orgs = matrix.placed_by(piece.id)
        if len(orgs) < min_organisations or (of and len(orgs) / of < min_share):
            continue
        strengths = tuple(matrix.cells[(org, piece.id)] for org in orgs)
        found.append(
            (order, SharedValue(piece=piece, organisation_ids=orgs, strengths=strengths, of=of))
        )
    found.sort(key=lambda item: (-item[1].count, -item[1].total_strength, item[0]))
    return tuple(value for _, value in found)


@attrs.frozen(kw_only=True)
class UniqueValue:
    """A value only one organisation placed."""

    piece: ValuePiece
    organisation_id: str
    strength: int


def unique_values(game: ValueGame) -> tuple[UniqueValue, ...]:
    """The values exactly one organisation placed, in game order."""
    matrix = value_matrix(game)
    found = []
    for piece in matrix.pieces:
        orgs = matrix.placed_by(piece.id)
        if len(orgs) == 1:
            found.append(
                UniqueValue(
                    piece=piece,
                    organisation_id=orgs[0],
                    strength=matrix.cells[(orgs[0], piece.id)],
                )
            )
    return tuple(found)


def unplaced_pieces(game: ValueGame) -> tuple[ValuePiece, ...]:
    """The pieces nobody placed, in game order."""
    placed = {placement.piece_id for placement in game.placements}
    return tuple(piece for piece in game.pieces if piece.id not in placed)
