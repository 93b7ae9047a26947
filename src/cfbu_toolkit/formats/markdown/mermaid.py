"""The influence × interest grid as a Mermaid ``quadrantChart``.

Interest runs along x, influence up y. Quadrant 1 (top right) is *keep close*, 2 (top
left) *keep satisfied*, 3 (bottom left) *monitor*, 4 (bottom right) *keep informed*, as
:mod:`cfbu_toolkit.analysis.mapping` classifies them: medium counts as high, so a medium
level is drawn in the high half, nearer the middle than a high one. Each level is a band
of the axis; the points that share a cell of the 3 × 3 grid are spread on a small grid
inside it, in mapping order, so they never cover each other and the same mapping always
gives the same chart.

Every text is quoted and passed through :func:`~.escape.mermaid_text`; coordinates are
written as ``0.ddd`` (Mermaid reads ``1``, ``0`` or ``0.`` and digits).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ...analysis.mapping import READABLE_POINTS, Quadrant
from ...locale import N_, _
from ...model import Level
from .context import Ctx
from .escape import mermaid_text

__all__ = ["MAX_POINTS", "quadrant_chart"]

MAX_POINTS = READABLE_POINTS
"""Mermaid refuses diagrams over 50,000 characters; a chart stops being readable long before."""

_BANDS: dict[Level, tuple[float, float]] = {
    Level.LOW: (0.05, 0.45),
    Level.MEDIUM: (0.55, 0.72),
    Level.HIGH: (0.77, 0.95),
}


def _spread(count: int, low: float, high: float, columns: int) -> list[float]:
    step = (high - low) / columns
    return [low + step * (i + 0.5) for i in range(count)]


def _positions(levels: Sequence[tuple[Level, Level]]) -> list[tuple[float, float]]:
    """``(x, y)`` for each ``(interest, influence)`` pair, spread within shared cells."""
    cells: dict[tuple[Level, Level], list[int]] = {}
    for index, pair in enumerate(levels):
        cells.setdefault(pair, []).append(index)
    out: list[tuple[float, float]] = [(0.0, 0.0)] * len(levels)
    for (interest, influence), indices in cells.items():
        n = len(indices)
        columns = math.ceil(math.sqrt(n))
        rows = math.ceil(n / columns)
        x_low, x_high = _BANDS[interest]
        y_low, y_high = _BANDS[influence]
        xs = _spread(columns, x_low, x_high, columns)
        # top row first, so the first point of a cell sits top left
        ys = list(reversed(_spread(rows, y_low, y_high, rows)))
        for k, index in enumerate(indices):
            out[index] = (xs[k % columns], ys[k // columns])
    return out


def _coordinate(value: float) -> str:
    text = f"{value:.3f}"
    if not text.startswith("0.") or text == "0.000":  # pragma: no cover - bands forbid it
        raise ValueError(f"coordinate {value} outside the chart")
    return text


def _quoted(text: str) -> str:
    return f'"{mermaid_text(text) or "-"}"'


def quadrant_chart(points: Sequence[tuple[str, Level, Level]], ctx: Ctx) -> list[str]:
    """The lines of a ``quadrantChart`` for ``(name, interest, influence)`` points."""
    positions = _positions([(interest, influence) for _name, interest, influence in points])
    lines = [
        "quadrantChart",
        f"    title {mermaid_text(_(_W_INFLUENCE_AND_INTEREST))}",
        f"    x-axis {_quoted(_(_W_LOW_INTEREST))} --> {_quoted(_(_W_HIGH_INTEREST))}",
        f"    y-axis {_quoted(_(_W_LOW_INFLUENCE))} --> {_quoted(_(_W_HIGH_INFLUENCE))}",
        f"    quadrant-1 {_quoted(ctx.label(Quadrant.KEEP_CLOSE))}",
        f"    quadrant-2 {_quoted(ctx.label(Quadrant.KEEP_SATISFIED))}",
        f"    quadrant-3 {_quoted(ctx.label(Quadrant.MONITOR))}",
        f"    quadrant-4 {_quoted(ctx.label(Quadrant.KEEP_INFORMED))}",
    ]
    for (name, _interest, _influence), (x, y) in zip(points, positions, strict=True):
        lines.append(f"    {_quoted(name)}: [{_coordinate(x)}, {_coordinate(y)}]")
    return lines


# Words used inside f-strings, marked here so the catalogue's extraction finds them.
_W_INFLUENCE_AND_INTEREST = N_("Influence and interest")
_W_LOW_INTEREST = N_("Low interest")
_W_HIGH_INTEREST = N_("High interest")
_W_LOW_INFLUENCE = N_("Low influence")
_W_HIGH_INFLUENCE = N_("High influence")
