"""Print setup for every sheet of a workbook: A4, fitted to the page width, the header row
repeated on each page, a print area, and a footer with the sheet's name and page number.

Each function takes a :class:`~.book.Sheet` and may be called before or after its rows.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ...workbook import MAX_ROWS
from .book import Sheet

__all__ = ["READABLE_WIDTH", "fit_columns", "set_print_area", "set_up_printing"]

_MARGINS = {"left": 0.5, "right": 0.5, "top": 0.6, "bottom": 0.6}
#: The sheet's name at the left of the footer, page n of m at the right.
_FOOTER = "&L&A&R&P / &N"


def set_up_printing(sheet: Sheet, *, landscape: bool = True, title_rows: bool = True) -> None:
    """A4, ``landscape`` or portrait, as wide as one page, as long as it takes."""
    ws = sheet.ws
    ws.set_paper(9)  # A4
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)  # one page wide, as many pages down as needed
    ws.set_margins(**_MARGINS)
    ws.set_header("", {"margin": 0.3})
    ws.set_footer(_FOOTER, {"margin": 0.3})
    if title_rows:
        ws.repeat_rows(0)


def set_print_area(sheet: Sheet, columns: int, rows: int) -> None:
    """The print area: the first ``columns`` columns of the first ``rows`` rows."""
    sheet.ws.print_area(0, 0, max(rows, 1) - 1, max(columns, 1) - 1)


#: Column width units (characters of the default font) a landscape A4 page shows at about
#: three quarters of full size: text of 11 points prints at 8. A sheet wider than this
#: prints on more pages side by side rather than smaller.
READABLE_WIDTH = 190


def fit_columns(
    sheet: Sheet, widths: Sequence[float], rows: int | None, *, first: int = 0
) -> None:
    """Print the columns from ``first`` (0-based; the IDs before it are for the importer)
    to the last, on as many pages side by side as keeps the text readable, with the first
    printed column (what names the row) repeated at the left of each page, pages read
    across before down. ``rows``: the rows to print (``None``: every row filled in, for a
    sheet people add rows to)."""
    printed = widths[first:]
    title = printed[0] if printed else 0
    rest = sum(printed) - title
    pages = max(1, math.ceil(rest / max(READABLE_WIDTH - title, 1))) if rest > 0 else 1
    ws = sheet.ws
    # Every row but the very last: XlsxWriter writes a whole-column area as "$B:$I", which
    # openpyxl cannot read back (it warns, and drops the print area).
    last_row = MAX_ROWS - 1 if rows is None else max(rows, 1)
    ws.print_area(0, first, last_row - 1, max(len(widths), 1) - 1)
    ws.fit_to_pages(pages, 0)
    if pages > 1:
        ws.repeat_columns(first)
        ws.print_across()
