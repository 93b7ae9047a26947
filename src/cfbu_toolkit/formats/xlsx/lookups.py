"""Dropdowns, input hints, header cells and the hidden lookup sheet they draw on.

Shared by the xlsx exporter and the registration template, so both write the same lists
(one column per enumeration on a hidden sheet, never inline) and the same kind of data
validation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ...locale import N_, translate
from ...model import Lang
from ...model.enums import LabelledEnum
from ...workbook import column_letter
from .book import Book, Sheet, Style
from .guide import wrapped_lines
from .layout import LOOKUPS, TABLES, YES_NO, Table

__all__ = [
    "HEADER",
    "Lookups",
    "add_validation",
    "enum_heading",
    "enums_of",
    "header_row",
    "lookup_refs",
    "write_lookup_sheet",
]

Lookups = dict[type[LabelledEnum] | None, str]
"""The range of each enumeration's list on the lookup sheet (``None``: yes/no)."""

#: Excel's limits for a data validation's input message.
MAX_PROMPT_TITLE, MAX_PROMPT = 32, 255


def enums_of(tables: Iterable[Table]) -> list[type[LabelledEnum] | None]:
    """Yes/no (``None``) first, then each enumeration the tables' columns use, once."""
    enums: list[type[LabelledEnum] | None] = [None]
    for table in tables:
        for column in table.columns:
            if column.enum is not None and column.enum not in enums:
                enums.append(column.enum)
    return enums


def lookup_refs(enums: Iterable[type[LabelledEnum] | None], lang: Lang) -> Lookups:
    """The absolute range each list will have on the lookup sheet, in column order."""
    title = LOOKUPS.title(lang)
    refs: Lookups = {}
    for index, enum in enumerate(enums, 1):
        size = 2 if enum is None else len(enum)
        letter = column_letter(index)
        refs[enum] = f"'{title}'!${letter}$2:${letter}${size + 1}"
    return refs


_YES_NO_HEADING = N_("Yes/no")


def enum_heading(enum: type[LabelledEnum], lang: Lang) -> str:
    """The heading of ``enum``'s list: the header of the first column that uses it (a
    person's word, never the class name)."""
    for table in TABLES:
        for column in table.columns:
            if column.enum is enum:
                return column.header(lang).split(" (")[0]
    return translate(N_("Values"), lang)  # pragma: no cover - every listed enum has a column


def write_lookup_sheet(book: Book, lookups: Lookups, lang: Lang) -> None:
    """The hidden sheet holding one list per enumeration, labels in ``lang``."""
    sheet = book.sheet(LOOKUPS.title(lang))
    sheet.hide()
    columns: list[list[str]] = []
    for enum in lookups:
        if enum is None:
            columns.append([translate(_YES_NO_HEADING, lang), *YES_NO[lang]])
        else:
            columns.append([enum_heading(enum, lang), *(m.label(lang) for m in enum)])
    sheet.widths([min(60, max(len(v) for v in values) + 2) for values in columns])
    for r in range(max(len(c) for c in columns)):
        sheet.append([c[r] if r < len(c) else None for c in columns])


def add_validation(
    sheet: Sheet,
    sqref: str,
    lang: Lang,
    *,
    formula: str | None = None,
    prompt_title: str | None = None,
    prompt: str | None = None,
) -> None:
    """A dropdown drawing on ``formula`` (a range) and/or an input hint, on ``sqref``.

    A value outside the list gets a warning, not a refusal: the importer names it by cell,
    and a person may have a reason (a new kind of actor, say).
    """
    options: dict[str, Any] = {"validate": "any", "ignore_blank": True}
    if formula is not None:
        options.update(
            validate="list",
            source=f"={formula}",
            dropdown=True,
            error_type="warning",
            show_error=True,
            error_title=translate(N_("Unknown value"), lang)[:MAX_PROMPT_TITLE],
            error_message=translate(N_("Pick a value from the list."), lang)[:MAX_PROMPT],
        )
    if prompt:
        options.update(show_input=True, input_message=prompt[:MAX_PROMPT])
        if prompt_title:
            options["input_title"] = prompt_title[:MAX_PROMPT_TITLE]
    sheet.ws.data_validation(sqref, options)


#: The look of a header cell: bold, shaded, wrapped, at the top.
HEADER: Style = {"bold": True, "bg_color": "#DDEBF7", "text_wrap": True, "valign": "top"}


def header_row(
    sheet: Sheet, headers: Sequence[str], widths: Sequence[float] | None = None
) -> None:
    """The header row: bold, shaded cells, always text; wrapped, so the header of a narrow
    column (an ID beside its names) reads in full on two lines.

    Given the columns' ``widths``, the row is made tall enough for its longest wrapped
    header: LibreOffice does not grow a row written without a height, and the second line
    would run over the first row of values.
    """
    if widths is not None:
        lines = max(wrapped_lines(h, int(w)) for h, w in zip(headers, widths, strict=True))
        if lines > 1:
            sheet.height(15 * lines)
    sheet.append(headers, HEADER)
