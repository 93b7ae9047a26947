"""The guide sheet every workbook opens with: a title, paragraphs, and term/explanation
pairs in two columns with wrapped text. Used by the exporter and the registration template."""

from __future__ import annotations

import textwrap
from typing import Any

from ...workbook import text_cell

__all__ = ["GuideSheet", "wrapped_lines"]


class GuideSheet:
    """Writes the lines of a guide onto a write-only sheet: column A terms, column B text."""

    def __init__(self, sheet: Any, *, term_width: int = 28, text_width: int = 100) -> None:
        from openpyxl.styles import Alignment, Font

        self.sheet = sheet
        self.term_width, self.text_width = term_width, text_width
        self.row = 0
        sheet.column_dimensions["A"].width = term_width
        sheet.column_dimensions["B"].width = text_width
        self._wrap = Alignment(wrap_text=True, vertical="top")
        self._bold = Font(bold=True)
        self._big = Font(bold=True, size=14)

    def _cell(self, text: str | None, font: Any = None) -> Any:
        if text is None:
            return None
        return text_cell(self.sheet, text, font=font, alignment=self._wrap)

    def line(self, term: str | None, text: str | None = None, *, bold: bool = False) -> None:
        """A row: ``term`` in column A (bold if asked), ``text`` in column B."""
        font = self._bold if bold else None
        self._height(wrapped_lines(term, self.term_width), wrapped_lines(text, self.text_width))
        self.sheet.append([self._cell(term, font), self._cell(text)])

    def title(self, text: str) -> None:
        """The guide's title, large, followed by an empty row."""
        self.row += 1
        self.sheet.row_dimensions[self.row].height = 24  # the large title, never clipped
        # Not wrapped: the title runs on across column B instead of being cut off in A.
        self.sheet.append([text_cell(self.sheet, text, font=self._big)])
        self.blank()

    def heading(self, text: str) -> None:
        """A section heading in bold."""
        self.line(text, bold=True)

    def paragraph(self, text: str) -> None:
        """A paragraph of text in column B."""
        self.line(None, text)

    def blank(self) -> None:
        """An empty row."""
        self.row += 1
        self.sheet.append([])

    def _height(self, *lines: int) -> None:
        """The next row's height from its wrapped lines, so no program lets rows overlap
        (LibreOffice does not grow a row written without a height)."""
        self.row += 1
        self.sheet.row_dimensions[self.row].height = 15 * max(1, *lines)


def wrapped_lines(text: str | None, width: int) -> int:
    """About how many lines ``text`` wraps to in a column ``width`` characters wide.

    Wrapped as a spreadsheet program wraps: at spaces and hyphens, a word longer than the
    line broken inside it, each line of ``text`` on its own.
    """
    if not text:
        return 1
    usable = max(width - 1, 1)
    return sum(max(1, len(textwrap.wrap(part, usable))) for part in text.split("\n"))
