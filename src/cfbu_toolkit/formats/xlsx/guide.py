"""The guide sheet every workbook opens with: a title, paragraphs, and term/explanation
pairs in two columns with wrapped text. Used by the exporter and the registration template."""

from __future__ import annotations

import textwrap

from .book import Sheet, Style, shown

__all__ = ["GuideSheet", "wrapped_lines"]

_WRAP: Style = {"text_wrap": True, "valign": "top"}
_BOLD: Style = {**_WRAP, "bold": True}
_BIG: Style = {"bold": True, "font_size": 14}  # not wrapped: runs on across column B


class GuideSheet:
    """Writes the lines of a guide onto a sheet: column A terms, column B text."""

    def __init__(self, sheet: Sheet, *, term_width: int = 28, text_width: int = 100) -> None:
        self.sheet = sheet
        self.term_width, self.text_width = term_width, text_width
        sheet.widths([term_width, text_width])

    def line(self, term: str | None, text: str | None = None, *, bold: bool = False) -> None:
        """A row: ``term`` in column A (bold if asked), ``text`` in column B."""
        lines = max(wrapped_lines(term, self.term_width), wrapped_lines(text, self.text_width))
        # LibreOffice does not grow a row written without a height: rows would overlap.
        self.sheet.height(15 * lines)
        self.sheet.append([term, text], [_BOLD if bold else _WRAP, _WRAP])

    def title(self, text: str) -> None:
        """The guide's title, large, followed by an empty row."""
        self.sheet.height(24)  # the large title, never clipped
        self.sheet.append([shown(text)], _BIG)  # names the plan; never read back
        self.blank()

    def heading(self, text: str) -> None:
        """A section heading in bold."""
        self.line(text, bold=True)

    def paragraph(self, text: str) -> None:
        """A paragraph of text in column B."""
        self.line(None, text)

    def blank(self) -> None:
        """An empty row."""
        self.sheet.append([])


def wrapped_lines(text: str | None, width: int) -> int:
    """About how many lines ``text`` wraps to in a column ``width`` characters wide.

    Wrapped as a spreadsheet program wraps: at spaces and hyphens, a word longer than the
    line broken inside it, each line of ``text`` on its own.
    """
    if not text:
        return 1
    usable = max(width - 1, 1)
    return sum(max(1, len(textwrap.wrap(part, usable))) for part in text.split("\n"))
