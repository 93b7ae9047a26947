"""A sheet's rows read straight from its XML, the values as openpyxl gives them.

openpyxl's read-only sheets build a dictionary and, for text typed into a cell (which
XlsxWriter and many tools store in the cell, not in the shared-string table), a rich-text
object for every cell before the value is taken out. This reads the same ``<sheetData>``
with the standard library's parser and keeps only the values: two to three times faster,
the same values (a property test compares the two on any workbook), and stricter where
openpyxl is silent:

* a row numbered at or before the row above it (openpyxl drops it unread) and two cells
  of one column in a row (openpyxl keeps the second) are reported as damage, naming the
  place;
* a value in any column past the limit is seen, however far out it lies.

The parts come from openpyxl's open workbook (the sheet's part, the shared strings, the
date styles). Those are not part of openpyxl's documented interface, so when a version of
openpyxl no longer has them, :func:`row_source` says so and the caller reads through
openpyxl's own iteration instead.

Every XML part was checked for a document type declaration before any parser saw it (see
:mod:`.archive`), so the standard parser expands no entity and fetches nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import IO, Any
from xml.etree.ElementTree import iterparse

import attrs

from ...workbook import column_letter
from .parts import MAIN

__all__ = ["RowSource", "SheetDamage", "read_rows", "row_source"]

_ROW, _VALUE, _INLINE = f"{MAIN}row", f"{MAIN}v", f"{MAIN}is"
_TEXT, _RUN = f"{MAIN}t", f"{MAIN}r"
_DIGITS = "0123456789"
_LAST_COLUMN = 16_384  # XFD

Row = tuple[Any, ...]


class SheetDamage(Exception):
    """Something in a sheet's XML no spreadsheet program writes: ``where`` is the cell or
    row (``B7``, ``7``), ``message`` the importer's message for it (see
    :mod:`.problems`) and ``values`` what fills it in."""

    def __init__(self, where: str, message: str, **values: Any) -> None:
        super().__init__(f"{where}: {message} {values}")
        self.where = where
        self.message = message
        self.values = values


@attrs.frozen
class RowSource:
    """What reading one sheet's rows needs from the open workbook."""

    open: Callable[[], IO[bytes]]
    strings: Any  # the shared-string table, indexable
    date_styles: frozenset[int]
    duration_styles: frozenset[int]
    epoch: Any  # datetime.datetime


def row_source(ws: Any) -> RowSource | None:
    """What :func:`read_rows` needs from ``ws``, an openpyxl read-only sheet; ``None``
    when this version of openpyxl does not keep it where it used to."""
    try:
        wb = ws.parent
        return RowSource(
            open=ws._get_source,
            strings=ws._shared_strings,
            date_styles=frozenset(wb._date_formats),
            duration_styles=frozenset(wb._timedelta_formats),
            epoch=wb.epoch,
        )
    except (AttributeError, TypeError):
        return None


@functools.cache
def _columns() -> dict[str, int]:
    """Every column's number by its letters (``AB`` -> 28), made once, on first use."""
    return {column_letter(i): i for i in range(1, _LAST_COLUMN + 1)}


def _column(ref: str, columns: dict[str, int]) -> int:
    """The column number of a cell reference (``AB12`` -> 28); ``SheetDamage`` if none."""
    letters = ref.rstrip(_DIGITS)
    column = columns.get(letters)
    if column is None or letters == ref:
        raise SheetDamage(ref, "not_a_cell", ref=ref)
    return column


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        number = float(text)  # some programs write r="7.0"
        if not number.is_integer():
            raise
        return int(number)


def read_rows(
    source: RowSource, max_rows: int, max_columns: int
) -> Iterator[tuple[int, Row, int]]:
    """Each row of the sheet as (number, values, last column holding a value).

    The values stop at the last column holding a value within ``max_columns``; a row the
    file leaves out between two others comes as ``()``. The third item, past
    ``max_columns`` when a value lies there, lets the caller refuse the sheet by its limit;
    a row numbered past ``max_rows`` is yielded (empty) without the rows before it, for the
    same reason.
    """
    values = _Values(source)
    previous = 0
    with source.open() as part:
        for _, element in iterparse(part):
            if element.tag != _ROW:
                continue
            given = element.get("r")
            number = _row_number(given) if given else previous + 1
            if number <= previous:
                raise SheetDamage(str(number), "row_out_of_order", row=number, previous=previous)
            if number > max_rows:
                yield number, (), 0
                return
            for gap in range(previous + 1, number):
                yield gap, (), 0
            previous = number
            row, last = values.row(element, max_columns)
            element.clear()
            yield number, row, last


class _Values:
    """Cell values as openpyxl's read-only sheets give them with ``values_only``."""

    def __init__(self, source: RowSource) -> None:
        from openpyxl.utils.datetime import from_excel, from_ISO8601

        self.columns = _columns()
        self.strings = source.strings
        self.dates = source.date_styles
        self.durations = source.duration_styles
        self.epoch = source.epoch
        self.from_excel = from_excel
        self.from_iso = from_ISO8601

    def row(self, element: Any, max_columns: int) -> tuple[Row, int]:
        """The values of one ``<row>`` (up to ``max_columns``) and the last column holding
        a value, wherever it lies."""
        cells: list[Any] = []
        last = column = 0
        for cell in element:
            ref = cell.get("r")
            here = _column(ref, self.columns) if ref else column + 1
            if here <= column:
                where = ref or column_letter(here)
                raise SheetDamage(where, "cell_twice", column=column_letter(here))
            column = here
            value = self.value(cell)
            if value is None:
                continue
            last = column
            if column <= max_columns:
                if len(cells) < column - 1:
                    cells.extend([None] * (column - 1 - len(cells)))
                cells.append(value)
        return tuple(cells), last

    def value(self, cell: Any) -> Any:
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            text = cell.find(_INLINE)
            return None if text is None else _inline(text)
        raw = cell.findtext(_VALUE) or None
        if raw is None:
            return None
        if kind == "n":
            number = float(raw) if ("." in raw or "e" in raw or "E" in raw) else int(raw)
            style = cell.get("s")
            if style and int(style) in self.dates:
                try:
                    return self.from_excel(
                        number, self.epoch, timedelta=int(style) in self.durations
                    )
                except (OverflowError, ValueError):
                    return number  # a date no calendar holds: the number, as stored
            return number
        if kind == "s":
            return self.strings[int(raw)]
        if kind == "b":
            return bool(int(raw))
        if kind == "d":
            return self.from_iso(raw)
        return raw  # "str" (a formula's text), "e" (an error value) and anything else


def _inline(element: Any) -> str:
    """An inline string's text: its plain part, then each run's (phonetic hints left out)."""
    plain: str | None = None
    runs: list[str] = []
    for child in element:
        if child.tag == _TEXT:
            plain = child.text
        elif child.tag == _RUN:
            text = None
            for part in child:
                if part.tag == _TEXT:
                    text = part.text
            if text is not None:
                runs.append(text)
    return "".join(runs) if plain is None else plain + "".join(runs)
