"""The influence/interest grid of each mapping as a native Excel chart, on a sheet of its own.

Each mapping gets a block: a small table of its organisations (name, interest, influence,
field of the grid) and, beside it, a scatter chart of them with one series per field of the
grid, so the four fields have their own colour and a legend in the workbook's language.
Levels are plotted as 1-3; organisations sharing a cell of the grid are spread a little so
each point shows. The sheet is for reading: the importer does not read it.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ...analysis.mapping import READABLE_POINTS, Quadrant, quadrant
from ...locale import N_, format_number, translate
from ...model import Lang, Level, Mapping
from ...workbook import encode_text
from .printing import set_print_area, set_up_printing

__all__ = ["GRID_TITLE", "write_grid_sheet"]

GRID_TITLE = N_("Grid")
_BLOCK_ROWS = 22  # a chart of about 11 cm fits beside its table
_CAPPED = N_(
    "The chart shows the first {shown} of {total} placed organisations; "
    "the mapping sheet shows them all."
)
_COLOURS = {
    Quadrant.KEEP_CLOSE: "C00000",
    Quadrant.KEEP_SATISFIED: "ED7D31",
    Quadrant.KEEP_INFORMED: "2E75B6",
    Quadrant.MONITOR: "7F7F7F",
}
_X = 15  # column O
_LEVELS = {level.rank: level for level in Level}
_ORDER = (Quadrant.KEEP_CLOSE, Quadrant.KEEP_SATISFIED, Quadrant.KEEP_INFORMED, Quadrant.MONITOR)


def write_grid_sheet(
    wb: Any, mappings: Iterable[Mapping], names: dict[str, str], lang: Lang
) -> bool:
    """Add the grid sheet for ``mappings`` (organisation names by ID in ``names``); ``False``
    (and no sheet) when no entry has both an interest and an influence."""
    from openpyxl.chart import Reference, ScatterChart, Series
    from openpyxl.chart.shapes import GraphicalProperties
    from openpyxl.styles import Font

    blocks = []
    for mapping in mappings:
        points = []
        for entry in mapping.entries:
            field = quadrant(entry)
            if field is not None and entry.interest is not None and entry.influence is not None:
                name = names.get(entry.organisation_id, entry.organisation_id)
                points.append((field, name, entry.interest.rank, entry.influence.rank))
        if points:
            # The first READABLE_POINTS by field and name (all of them sorted, when fewer).
            shown = heapq.nsmallest(READABLE_POINTS, points, key=_by_field_and_name)
            blocks.append((mapping, len(points), shown))
    if not blocks:
        return False
    ws = wb.create_sheet(translate(GRID_TITLE, lang))
    set_up_printing(ws, landscape=True, title_rows=False)
    for letter, width in zip("ABCD", (34, 11, 12, 18), strict=True):
        ws.column_dimensions[letter].width = width
    for letter in ("O", "P"):  # the plotted values
        ws.column_dimensions[letter].hidden = True
    bold = Font(bold=True)
    headers = [
        translate(N_("Organisation"), lang),
        translate(N_("Interest"), lang),
        translate(N_("Influence"), lang),
        translate(N_("Field"), lang),
    ]
    row = 0
    for mapping, found, points in blocks:
        top = row + 1
        ws.append([_text(ws, mapping.title, bold)])
        if found > READABLE_POINTS:
            total = format_number(found, lang)
            limit = format_number(READABLE_POINTS, lang)
            ws.append([_text(ws, translate(_CAPPED, lang, shown=limit, total=total))])
            top += 1
        ws.append([_text(ws, h, bold) for h in headers])
        first = top + 2
        seen: dict[tuple[int, int], int] = defaultdict(int)
        step = _steps(points)
        for field, name, interest, influence in points:
            k = seen[(interest, influence)]
            seen[(interest, influence)] += 1
            # 0, +step, -step, +2 step, ...: every point stays inside its cell of the grid
            spread = step[(interest, influence)] * ((k + 1) // 2) * (1 if k % 2 else -1)
            ws.append(
                [
                    _text(ws, name),
                    _text(ws, _LEVELS[interest].label(lang)),
                    _text(ws, _LEVELS[influence].label(lang)),
                    _text(ws, field.label(lang)),
                    *([None] * 10),
                    interest + spread,  # plotted (column O, hidden): spread in its cell
                    influence - spread,
                ]
            )
        last = first + len(points) - 1
        chart = ScatterChart()
        chart.title = encode_text(mapping.title)[:250]
        chart.style = 2
        chart.visible_cells_only = False  # the plotted columns are hidden
        chart.height, chart.width = 10.5, 15
        chart.x_axis.title = translate(N_("Interest"), lang)
        chart.y_axis.title = translate(N_("Influence"), lang)
        for axis in (chart.x_axis, chart.y_axis):
            axis.scaling.min, axis.scaling.max = 0.5, 3.5
            axis.majorUnit = 1
            axis.delete = False
        start = first
        for field in _ORDER:
            count = sum(1 for p in points if p[0] is field)
            if not count:
                continue
            end = start + count - 1
            xs = Reference(ws, min_col=_X, min_row=start, max_row=end)
            ys = Reference(ws, min_col=_X + 1, min_row=start, max_row=end)
            series = Series(ys, xs, title=field.label(lang))
            series.marker.symbol = "circle"
            series.marker.size = 9
            colour = _COLOURS[field]
            series.marker.graphicalProperties = GraphicalProperties(solidFill=colour)
            series.marker.graphicalProperties.line.solidFill = colour
            series.graphicalProperties.line.noFill = True
            chart.series.append(series)
            start = end + 1
        ws.add_chart(chart, f"F{top}")
        used = last - top + 1
        for _ in range(max(_BLOCK_ROWS - used, 1)):
            ws.append([])
        row = top - 1 + max(_BLOCK_ROWS, used + 1)
    set_print_area(ws, 14, row)
    return True


def _by_field_and_name(point: tuple[Quadrant, str, int, int]) -> tuple[int, str]:
    return _ORDER.index(point[0]), point[1].casefold()


def _steps(points: list[tuple[Any, str, int, int]]) -> dict[tuple[int, int], float]:
    """How far apart the points sharing a cell are spread: 0.12, or less when many share it,
    so the farthest stays within 0.4 of the cell's centre."""
    count: dict[tuple[int, int], int] = defaultdict(int)
    for _, _, interest, influence in points:
        count[(interest, influence)] += 1
    return {cell: min(0.12, 0.4 / max(1, (n // 2))) for cell, n in count.items()}


def _text(ws: Any, value: str, font: Any = None) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=encode_text(value))
    cell.data_type = "s"
    if font is not None:
        cell.font = font
    return cell
