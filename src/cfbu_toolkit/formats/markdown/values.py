"""A value game: the organisation × value matrix, the shared values and the unique ones."""

from __future__ import annotations

from ...analysis.values import shared_values, unique_values, unplaced_pieces, value_matrix
from ...locale import N_, _
from ...model import ValueGame, ValuePiece
from . import fmt
from .context import Ctx
from .escape import Md, inline
from .writer import Doc, bold

__all__ = ["value_game"]

_MARKS = {1: "●", 2: "●●", 3: "●●●"}
_NONE = "–"


def _piece(piece: ValuePiece, ctx: Ctx) -> Md:
    category = ctx.label(piece.category)
    if piece.custom:
        category = f"{category}, {_(_W_OWN_PIECE)}"
    return Md(f"{bold(piece.label(ctx.lang))} ({inline(category)})")


def value_game(doc: Doc, game: ValueGame, ctx: Ctx) -> None:
    """Write a value game: the partner-by-value matrix and the shared values."""
    names = ctx.names
    doc.heading(ctx.h(0), ctx.titled("value_game", game.title))
    fields = []
    if game.date is not None:
        fields.append((_("Date"), fmt.date(game.date, ctx.lang)))
    plan = names.plan
    if game.workshop_id is not None:
        title = game.workshop_id
        if plan is not None:
            title = next((w.title for w in plan.workshops if w.id == game.workshop_id), title)
        fields.append((_("Workshop"), title))
    doc.fields(fields)

    matrix = value_matrix(game)
    doc.heading(ctx.h(1), _("Value matrix"))
    placed = [p for p in matrix.pieces if matrix.placed_by(p.id)]
    if not placed:
        doc.para(Md(f"*{inline(_(_W_NO_VALUES_PLACED_YET))}*"))
    else:
        headers = [
            _("Value"),
            _("Category"),
            *(names.org(org) for org in matrix.organisation_ids),
            _("Total"),
        ]
        rows = []
        for piece in placed:
            marks = [
                _MARKS.get(matrix.strength(org, piece.id) or 0, _NONE)
                for org in matrix.organisation_ids
            ]
            count = len(matrix.placed_by(piece.id))
            rows.append([piece.label(ctx.lang), ctx.label(piece.category), *marks, str(count)])
        doc.table(headers, rows)
        doc.para(Md(f"*{inline(_(_W_STRENGTH_A_LITTLE_SOME))}*"))

    doc.heading(ctx.h(1), _("Shared values"))
    shared = shared_values(game)
    if not shared:
        doc.para(Md(f"*{inline(_(_W_NO_VALUE_WAS_PLACED))}*"))
    else:
        items = []
        for value in shared:
            if value.by_all:
                how = _("placed by all {of}", of=value.of)
            else:
                how = _("placed by {count} of {of}", count=value.count, of=value.of)
            who = ", ".join(names.org(org) for org in value.organisation_ids)
            items.append(Md(f"{_piece(value.piece, ctx)} – {inline(f'{how}: {who}')}"))
        doc.bullets(items)

    doc.heading(ctx.h(1), _("Values only one placed"))
    unique = unique_values(game)
    if not unique:
        doc.para(Md(f"*{inline(_(_W_NONE))}*"))
    else:
        doc.bullets(
            Md(
                f"{_piece(u.piece, ctx)} – "
                f"{inline(names.org(u.organisation_id) + ' ' + _MARKS[u.strength])}"
            )
            for u in unique
        )

    nobody = unplaced_pieces(game)
    if nobody:
        doc.heading(ctx.h(1), _("Values nobody placed"))
        doc.bullets(_piece(p, ctx) for p in nobody)

    pieces = {p.id: p for p in game.pieces}
    comments = [p for p in game.placements if p.comment.strip()]
    if comments:
        doc.heading(ctx.h(1), _("Comments"))
        items = []
        for placement in comments:
            known = pieces.get(placement.piece_id)
            label = known.label(ctx.lang) if known is not None else placement.piece_id
            head = f"{names.org(placement.organisation_id)} – {label}:"
            items.append(Md(f"{bold(head)} {inline(placement.comment)}"))
        doc.bullets(items)


# Words used inside f-strings, marked here so the catalogue's extraction finds them.
_W_OWN_PIECE = N_("own piece")
_W_NO_VALUES_PLACED_YET = N_("No values placed yet.")
_W_STRENGTH_A_LITTLE_SOME = N_("Strength: ● a little, ●● some, ●●● a lot. – means not placed.")
_W_NO_VALUE_WAS_PLACED = N_("No value was placed by more than one organisation.")
_W_NONE = N_("None.")
