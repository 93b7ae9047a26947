"""The portfolio report (``cfbu report``) as a workbook: a contents sheet, then one sheet
per roll-up. Every string is a text cell, never a formula (:mod:`cfbu_toolkit.workbook`)."""

from __future__ import annotations

import datetime as dt
from typing import IO, Any

from ...analysis.portfolio import RollUp
from ...locale import _, current_lang
from ...progress import Progress
from ...report_words import AS_OF, CONTENTS, HEADING, PERSONAL_DATA, PLANS, PRIVACY_WORDS, TOTAL
from ...workbook import column_letter, safe_sheet_title, value_cell

__all__ = ["xlsx_report"]


def xlsx_report(
    tables: tuple[RollUp, ...],
    stream: IO[bytes],
    on: dt.date,
    plans: int,
    privacy: str,
    progress: Progress | None = None,
) -> None:
    """Write the report as a workbook to ``stream``, in the current language."""
    lang = current_lang()
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)

    def row(sheet: Any, *values: Any, header: bool = False) -> None:
        sheet.append(
            [
                None if v is None else value_cell(sheet, v, font=bold if header else None)
                for v in values
            ]
        )

    used: set[str] = set()
    contents = workbook.create_sheet(safe_sheet_title(_(CONTENTS), used))
    contents.column_dimensions["A"].width = 28
    contents.column_dimensions["B"].width = 60
    row(contents, _(HEADING), header=True)
    row(contents, _(PLANS), plans)
    row(contents, _(AS_OF), on)
    row(contents, _(PERSONAL_DATA), _(PRIVACY_WORDS[privacy]))
    contents.append([])
    titles = []
    for table in tables:
        titles.append(safe_sheet_title(table.title(lang), used))
        row(contents, titles[-1], table.title(lang))

    for done, (table, title) in enumerate(zip(tables, titles, strict=True), start=1):
        sheet = workbook.create_sheet(title)
        widths = [len(c.header(lang)) for c in table.columns]
        shown_rows = []
        for values in table.rows:
            shown = [c.show(v, lang) for v, c in zip(values, table.columns, strict=True)]
            for i, value in enumerate(shown):
                width = 10 if isinstance(value, dt.date) else len(str(value or ""))
                widths[i] = max(widths[i], min(width, 60))
            shown_rows.append(shown)
        for i, width in enumerate(widths, start=1):
            sheet.column_dimensions[column_letter(i)].width = width + 2
        sheet.freeze_panes = "A2"
        last = column_letter(len(table.columns))
        sheet.auto_filter.ref = f"A1:{last}{len(shown_rows) + 1}"
        row(sheet, *(c.header(lang) for c in table.columns), header=True)
        for shown in shown_rows:
            row(sheet, *shown)
        totals = table.totals()
        if totals is not None and len(shown_rows) > 1:
            line = list(totals)
            line[0] = _(TOTAL)
            row(sheet, *line, header=True)
        if progress is not None:
            progress(done, len(tables))
    workbook.save(stream)
