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
from .book import Book, Sheet, Style, shown
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
_X = 14  # column O (0-based): the plotted values, hidden, in O and P
#: XlsxWriter's default chart size in centimetres (480 x 288 pixels at 96 dpi).
_CHART_CM = (12.7, 7.62)
_BOLD: Style = {"bold": True}
_LEVELS = {level.rank: level for level in Level}
_ORDER = (Quadrant.KEEP_CLOSE, Quadrant.KEEP_SATISFIED, Quadrant.KEEP_INFORMED, Quadrant.MONITOR)


def write_grid_sheet(
    book: Book, mappings: Iterable[Mapping], names: dict[str, str], lang: Lang
) -> bool:
    """Add the grid sheet for ``mappings`` (organisation names by ID in ``names``); ``False``
    (and no sheet) when no entry has both an interest and an influence."""
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
            readable = heapq.nsmallest(READABLE_POINTS, points, key=_by_field_and_name)
            blocks.append((mapping, len(points), readable))
    if not blocks:
        return False
    sheet = book.sheet(translate(GRID_TITLE, lang))
    set_up_printing(sheet, landscape=True, title_rows=False)
    sheet.widths((34, 11, 12, 18))
    for column in (_X, _X + 1):  # the plotted values
        sheet.width(column, 8, hidden=True)
    headers = [
        translate(N_("Organisation"), lang),
        translate(N_("Interest"), lang),
        translate(N_("Influence"), lang),
        translate(N_("Field"), lang),
    ]
    for mapping, found, points in blocks:
        top = sheet.row
        sheet.append([shown(mapping.title)], _BOLD)
        if found > READABLE_POINTS:
            total = format_number(found, lang)
            limit = format_number(READABLE_POINTS, lang)
            sheet.append([translate(_CAPPED, lang, shown=limit, total=total)])
        sheet.append(headers, _BOLD)
        first = sheet.row
        seen: dict[tuple[int, int], int] = defaultdict(int)
        step = _steps(points)
        for field, name, interest, influence in points:
            k = seen[(interest, influence)]
            seen[(interest, influence)] += 1
            # 0, +step, -step, +2 step, ...: every point stays inside its cell of the grid
            spread = step[(interest, influence)] * ((k + 1) // 2) * (1 if k % 2 else -1)
            sheet.append(
                [
                    shown(name),
                    _LEVELS[interest].label(lang),
                    _LEVELS[influence].label(lang),
                    field.label(lang),
                    *([None] * (_X - 4)),
                    interest + spread,  # plotted (columns O and P, hidden): spread in its cell
                    influence - spread,
                ]
            )
        chart = _chart(book, sheet, top, mapping.title, points, first, lang)
        sheet.ws.insert_chart(top, 5, chart)  # column F, beside the table
        used = sheet.row - top
        for _ in range(max(_BLOCK_ROWS - used, 1)):
            sheet.append([])
    set_print_area(sheet, _X, sheet.row)
    return True


def _chart(
    book: Book, sheet: Sheet, top: int, title: str, points: list[Any], first: int, lang: Lang
) -> Any:
    """The scatter chart of ``points`` (plotted from row ``first`` on), a series per field;
    ``title`` stands in column A of row ``top``."""
    chart = book.workbook.add_chart({"type": "scatter"})
    # The title points at its cell, with the text as the cached value: given as text, a
    # title such as "Status!Q3 2025" would be taken by XlsxWriter for a reference, and
    # the file would hold a broken formula.
    chart.set_title({"name": [sheet.ws.name, top, 0], "data": [shown(title)[:250]]})
    chart.set_style(2)
    chart.show_hidden_data()  # the plotted columns are hidden
    chart.set_size({"x_scale": 15 / _CHART_CM[0], "y_scale": 10.5 / _CHART_CM[1]})
    for axis, word in ((chart.set_x_axis, N_("Interest")), (chart.set_y_axis, N_("Influence"))):
        axis({"name": translate(word, lang), "min": 0.5, "max": 3.5, "major_unit": 1})
    name = sheet.ws.name
    start = first
    for field in _ORDER:
        count = sum(1 for p in points if p[0] is field)
        if not count:
            continue
        end = start + count - 1
        colour = "#" + _COLOURS[field]
        chart.add_series(
            {
                "name": field.label(lang),
                "categories": [name, start, _X, end, _X],
                "values": [name, start, _X + 1, end, _X + 1],
                "marker": {
                    "type": "circle",
                    "size": 9,
                    "fill": {"color": colour},
                    "border": {"color": colour},
                },
            }
        )
        start = end + 1
    return chart


def _by_field_and_name(point: tuple[Quadrant, str, int, int]) -> tuple[int, str]:
    return _ORDER.index(point[0]), point[1].casefold()


def _steps(points: list[tuple[Any, str, int, int]]) -> dict[tuple[int, int], float]:
    """How far apart the points sharing a cell are spread: 0.12, or less when many share it,
    so the farthest stays within 0.4 of the cell's centre."""
    count: dict[tuple[int, int], int] = defaultdict(int)
    for _, _, interest, influence in points:
        count[(interest, influence)] += 1
    return {cell: min(0.12, 0.4 / max(1, (n // 2))) for cell, n in count.items()}
