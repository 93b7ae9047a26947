"""The værdispil: each organisation places the value pieces it gains from the collaboration.

The puzzle's layout is CFBU's; here a game is its pieces and who placed which, with how
strongly (1-3) and why.
"""

from __future__ import annotations

import datetime as dt

import attrs

from ..locale import N_
from ._base import (
    Lang,
    check_range,
    check_unique,
    date_field,
    enum_field,
    flag,
    ident,
    items,
    opt_ref,
    optional_text,
    ref,
    required_text,
)
from .enums import ValueCategory

__all__ = ["Placement", "ValueGame", "ValuePiece"]


@attrs.frozen(kw_only=True)
class ValuePiece:
    """A piece of the puzzle: one value, in a category; ``custom`` if made on the day."""

    id: str = ident()
    label_da: str = required_text()
    label_en: str = optional_text()
    category: ValueCategory = enum_field(ValueCategory)
    custom: bool = flag()

    def label(self, lang: Lang = "da") -> str:
        """The value's name in ``lang`` (Danish when there is no English one)."""
        return self.label_en if lang == "en" and self.label_en else self.label_da


@attrs.frozen(kw_only=True)
class Placement:
    """An organisation placing a piece: the collaboration creates this value for it."""

    piece_id: str = ref(to="piece")
    organisation_id: str = ref(to="organisation")
    strength: int = attrs.field(default=2, validator=check_range(1, 3))
    comment: str = optional_text(personal=True)


@attrs.frozen(kw_only=True)
class ValueGame:
    """One round of the value game among the partners of a collaboration."""

    id: str = ident()
    title: str = required_text()
    date: dt.date | None = date_field()
    indsats_id: str | None = opt_ref(to="indsats")
    workshop_id: str | None = opt_ref(to="workshop")
    catalogue_version: str = optional_text()
    pieces: tuple[ValuePiece, ...] = items(check_unique(lambda p: p.id, N_("piece")))
    placements: tuple[Placement, ...] = items(
        check_unique(lambda p: (p.piece_id, p.organisation_id), N_("placement"))
    )
