"""Print setup for every sheet of a workbook: A4, fitted to the page width, the header row
repeated on each page, a print area, and a footer with the sheet's name and page number.

Call :func:`set_up_printing` right after creating a (write-only) sheet, before its first
row: the fit-to-page flag sits at the top of the sheet's XML. :func:`set_print_area` may
come after the rows.
"""

from __future__ import annotations

from typing import Any

from ...workbook import column_letter

__all__ = ["set_print_area", "set_up_printing"]


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
