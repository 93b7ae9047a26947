"""Print setup for every sheet of a workbook: A4, fitted to the page width, the header row
repeated on each page, a print area, and a footer with the sheet's name and page number.

Call :func:`set_up_printing` right after creating a (write-only) sheet, before its first
row: the fit-to-page flag sits at the top of the sheet's XML. :func:`set_print_area` may
come after the rows.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from ...workbook import MAX_ROWS, column_letter

__all__ = ["READABLE_WIDTH", "fit_columns", "set_print_area", "set_up_printing"]


def set_up_printing(ws: Any, *, landscape: bool = True, title_rows: bool = True) -> None:
    """A4, ``landscape`` or portrait, as wide as one page, as long as it takes."""
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    setup = ws.page_setup
    setup.paperSize = "9"  # A4
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages down as needed
    margins = ws.page_margins
    margins.left = margins.right = 0.5
    margins.top = margins.bottom = 0.6
    margins.header = margins.footer = 0.3
    ws.print_options.gridLines = False
    ws.oddFooter.left.text = "&A"  # the sheet's name
    ws.oddFooter.right.text = "&P / &N"  # page n of m
    ws.evenFooter.left.text = "&A"
    ws.evenFooter.right.text = "&P / &N"
    if title_rows:
        ws.print_title_rows = "1:1"


def set_print_area(ws: Any, columns: int, rows: int) -> None:
    """The print area: the first ``columns`` columns of the first ``rows`` rows."""
    ws.print_area = f"A1:{column_letter(max(columns, 1))}{max(rows, 1)}"


#: Column width units (characters of the default font) a landscape A4 page shows at about
#: three quarters of full size: text of 11 points prints at 8. A sheet wider than this
#: prints on more pages side by side rather than smaller.
READABLE_WIDTH = 190


def fit_columns(ws: Any, widths: Sequence[float], rows: int | None, *, first: int = 0) -> None:
    """Print the columns from ``first`` (0-based; the IDs before it are for the importer)
    to the last, on as many pages side by side as keeps the text readable, with the first
    printed column (what names the row) repeated at the left of each page, pages read
    across before down. ``rows``: the rows to print (``None``: every row filled in, for a
    sheet people add rows to)."""
    printed = widths[first:]
    title = printed[0] if printed else 0
    rest = sum(printed) - title
    pages = max(1, math.ceil(rest / max(READABLE_WIDTH - title, 1))) if rest > 0 else 1
    start = column_letter(first + 1)
    last = column_letter(max(len(widths), 1))
    ws.print_area = f"{start}1:{last}{MAX_ROWS if rows is None else max(rows, 1)}"
    ws.page_setup.fitToWidth = pages
    if pages > 1:
        ws.print_title_cols = f"{start}:{start}"
        ws.page_setup.pageOrder = "overThenDown"
