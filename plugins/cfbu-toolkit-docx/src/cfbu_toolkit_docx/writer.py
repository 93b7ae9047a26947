"""Writing the body of a Word document: text that is always text, in the template's styles.

User text enters a document only as the *value* of a run (python-docx escapes ``&``, ``<``
and ``>``); it is never part of a template's source, so ``{{ }}`` and ``{% %}`` in it are
printed as they are. The rule for characters Word XML cannot hold (:func:`clean`): a tab
stays a tab, a line break (``\\n``, ``\\r\\n`` or ``\\r``) becomes a line break in the
paragraph, and every other C0 control character, U+FFFE and U+FFFF become U+FFFD (�), so
the loss is visible instead of silent. Whatever python-docx still refuses becomes a
:class:`~cfbu_toolkit.FormatError` naming the field.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from cfbu_toolkit import FormatError
from cfbu_toolkit.locale import N_

__all__ = ["REPLACEMENT", "Writer", "clean"]

REPLACEMENT = "\ufffd"
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def clean(text: str) -> str:
    """``text`` as Word XML can hold it (see the module's rule for control characters)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ILLEGAL.sub(REPLACEMENT, text)


def one_line(text: str) -> str:
    """``text`` cleaned, with line breaks and tabs as spaces (for headers and titles)."""
    return " ".join(clean(text).replace("\t", " ").split("\n"))


def set_widths(table: Any, widths_cm: Sequence[float]) -> None:
    """Fix the columns' widths (Word and LibreOffice both honour the grid and the cells)."""
    from docx.shared import Cm

    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=False):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(width)


def keep_together(table: Any) -> None:
    """Keep a table on one page: rows are not split, each row keeps with the next."""
    from docx.oxml import OxmlElement

    rows = list(table.rows)
    for index, row in enumerate(rows):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        if index < len(rows) - 1:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


class Writer:
    """Adds paragraphs, tables and pictures to a docxtpl sub-document.

    ``field`` names what a piece of text is (``sections[2].text``) for the error message
    when Word cannot hold it.
    """

    def __init__(self, subdoc: Any, width_cm: float = 17.0) -> None:
        self.doc = subdoc
        self.width_cm = width_cm
        self._next_on_new_page = False
        styles = subdoc.subdocx.styles
        self._styles = {style.name for style in styles}

    def _style(self, name: str, fallback: str = "Normal") -> str | None:
        if name in self._styles:
            return name
        return fallback if fallback in self._styles else None

    def _run(self, paragraph: Any, text: str, field: str) -> Any:
        try:
            run = paragraph.add_run(clean(text))
        except ValueError as exc:
            raise FormatError(
                N_("{field}: cannot be written to Word: {reason}"), field=field, reason=str(exc)
            ) from None
        if _RTL.search(text):
            run.font.rtl = True
        return run

    def _paragraph(self, style: str | None) -> Any:
        paragraph = self.doc.add_paragraph(style=style)
        if self._next_on_new_page:
            paragraph.paragraph_format.page_break_before = True
            self._next_on_new_page = False
        return paragraph

    def heading(self, text: str, level: int = 1, *, field: str = "heading") -> Any:
        paragraph = self._paragraph(self._style(f"Heading {level}"))
        if level == 0:
            paragraph.style = self._style("Title")
        self._run(paragraph, one_line(text), field)
        return paragraph

    def para(
        self,
        text: str = "",
        *,
        style: str = "Normal",
        field: str = "text",
        bold: bool = False,
        italic: bool = False,
        keep_with_next: bool = False,
    ) -> Any:
        paragraph = self._paragraph(self._style(style))
        if keep_with_next:
            paragraph.paragraph_format.keep_with_next = True
        if text:
            run = self._run(paragraph, text, field)
            run.bold = bold or None
            run.italic = italic or None
        return paragraph

    def labelled(
        self, label: str, text: str, *, field: str = "text", style: str = "Normal"
    ) -> Any:
        """A paragraph "Label: text" with the label in bold."""
        paragraph = self.doc.add_paragraph(style=self._style(style))
        self._run(paragraph, label + ": ", "label").bold = True
        self._run(paragraph, text, field)
        return paragraph

    def bullets(self, items: Iterable[str], *, field: str = "item") -> None:
        for index, item in enumerate(items):
            paragraph = self.doc.add_paragraph(style=self._style("List Bullet"))
            self._run(paragraph, item, f"{field}[{index}]")

    def checklist(self, items: Iterable[str], *, field: str = "item") -> None:
        for index, item in enumerate(items):
            paragraph = self.doc.add_paragraph(style=self._style("Normal"))
            self._run(paragraph, "☐ ", "box")
            self._run(paragraph, item, f"{field}[{index}]")

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        field: str = "table",
        widths_cm: Sequence[float] | None = None,
    ) -> Any:
        table = self.doc.add_table(rows=1 + len(rows), cols=len(header))
        style = self._style("Table Grid", "")
        if style:
            table.style = style
        for col, text in enumerate(header):
            cell = table.cell(0, col)
            self._run(cell.paragraphs[0], text, f"{field}.header").bold = True
        for r, row in enumerate(rows, 1):
            for col, text in enumerate(row):
                self._run(table.cell(r, col).paragraphs[0], text, f"{field}[{r - 1}]")
        if not widths_cm:
            widths_cm = [self.width_cm / len(header)] * len(header)
        set_widths(table, widths_cm)
        return table

    def writing_space(self, lines: int = 4) -> Any:
        """A framed empty box to write in by hand (one table cell of a fixed height)."""
        from docx.enum.table import WD_ROW_HEIGHT_RULE
        from docx.shared import Cm

        table = self.doc.add_table(rows=1, cols=1)
        style = self._style("Table Grid", "")
        if style:
            table.style = style
        row = table.rows[0]
        row.height = Cm(0.75 * lines)
        row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
        set_widths(table, [self.width_cm])
        keep_together(table)
        self.doc.add_paragraph(style=self._style("Small"))
        return table

    def signature_lines(self, labels: Sequence[str], *, filled: dict[str, str]) -> Any:
        """A two-column block: a label, then what is known or a line to write on."""
        from docx.shared import Pt

        table = self.doc.add_table(rows=len(labels), cols=2)
        for r, label in enumerate(labels):
            left, right = table.cell(r, 0), table.cell(r, 1)
            for cell in (left, right):
                cell.paragraphs[0].paragraph_format.space_before = Pt(16)
            self._run(left.paragraphs[0], label, "label")
            value = filled.get(label, "")
            self._run(right.paragraphs[0], value if value else "_" * 36, "signature")
        set_widths(table, [4.5, self.width_cm - 4.5])
        keep_together(table)
        return table

    def page_break(self) -> None:
        """Start the next paragraph on a new page."""
        self._next_on_new_page = True

    def picture(self, png: bytes, width_cm: float = 16.5) -> None:
        from docx.shared import Cm

        self.doc.add_picture(io.BytesIO(png), width=Cm(width_cm))
