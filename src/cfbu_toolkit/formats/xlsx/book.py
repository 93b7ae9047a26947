"""The workbooks this package writes (the export and the registration template), on
XlsxWriter in its constant-memory mode: each row goes to disk when the next one starts, so
memory stays flat however many rows a mapping has, and writing takes about three quarters
of the time openpyxl takes for the same cells.

:func:`open_book` makes the workbook and closes it into the stream only when everything
was written; on an error nothing reaches the stream and XlsxWriter's temporary files (in
the export's private folder, :mod:`cfbu_toolkit._scratch`) are removed. :class:`Sheet`
appends rows as openpyxl's write-only sheets do, for the small sheets; the exporter's
large tables write their cells straight through XlsxWriter.

Text is always text (never a formula, a number or a link) and carried exactly: XlsxWriter
escapes the characters XML cannot hold with ``_xHHHH_``, as
:func:`~cfbu_toolkit.workbook.encode_text` does. Text a cell cannot hold (too long, or a
lone surrogate no file can carry) is refused by :func:`text_fault`, never cut. XlsxWriter
is imported inside the functions only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import IO, Any

from ...errors import CfbuError
from ...locale import N_
from ...workbook import MAX_CELL_CHARS, utf16_length

__all__ = [
    "CREATED",
    "DATE_FORMAT",
    "SHORT_TEXT",
    "TIME_FORMAT",
    "Book",
    "Sheet",
    "Style",
    "checked",
    "open_book",
    "shown",
    "text_fault",
]

DATE_FORMAT = "dd-mm-yyyy"
TIME_FORMAT = "hh:mm"
#: The creation time written into every workbook, so exports of the same object compare.
CREATED = dt.datetime(2020, 1, 1)

Style = Mapping[str, Any]
"""A cell's look as XlsxWriter's format properties (``{"bold": True}``)."""

#: The faults :func:`text_fault` finds, as messages naming the text's length and limit.
FAULTS: dict[str, str] = {
    "too_long": N_(
        "the text has {n} characters; a cell holds at most {limit} (characters outside "
        "Unicode's basic plane, such as emoji, count twice). Split the text."
    ),
    "surrogate": N_(
        "the text holds a lone surrogate (U+{code}), a character no file can hold; remove it"
    ),
}
#: Text no longer than this always fits a cell (even at two UTF-16 units a character).
SHORT_TEXT = MAX_CELL_CHARS // 2
_SURROGATE = re.compile("[\ud800-\udfff]")


def text_fault(text: str) -> tuple[str, dict[str, Any]] | None:
    """Why ``text`` cannot go into a cell (a key of :data:`FAULTS` and its parameters), or
    ``None`` when it can. Cheap for the text nearly every cell holds."""
    if len(text) > SHORT_TEXT and utf16_length(text) > MAX_CELL_CHARS:
        return "too_long", {"n": utf16_length(text), "limit": MAX_CELL_CHARS}
    if not text.isprintable():  # lone surrogates are not printable; most text is
        found = _SURROGATE.search(text)
        if found is not None:
            return "surrogate", {"code": f"{ord(found.group()):04X}"}
    return None


def checked(text: str) -> str:
    """``text`` if a cell can hold it; :class:`~cfbu_toolkit.errors.CfbuError` saying why
    not (for text of our own and names, where no cell reference helps)."""
    fault = text_fault(text)
    if fault is None:
        return text
    key, params = fault
    raise CfbuError(FAULTS[key], **params)


def shown(text: str) -> str:
    """``text`` for a cell that is only read, never read back (the grid): a lone surrogate
    becomes U+FFFD, and text longer than a cell holds is cut with an ellipsis."""
    if not text.isprintable():
        text = _SURROGATE.sub("\ufffd", text)
    if len(text) > SHORT_TEXT and utf16_length(text) > MAX_CELL_CHARS:
        text = text[: SHORT_TEXT - 1] + "\u2026"
    return text


@contextlib.contextmanager
def open_book(stream: IO[bytes], *, title: str, keywords: str = "") -> Iterator[Book]:
    """A :class:`Book` writing to ``stream``, closed into it when the block ends without an
    error; after an error the stream gets nothing."""
    from ..._scratch import current_folder, scratch

    with contextlib.ExitStack() as stack:
        folder = current_folder()
        if folder is None:
            folder = str(stack.enter_context(scratch(workbook=False)))
        book = Book(stream, folder, title=title, keywords=keywords)
        try:
            yield book
        except BaseException:
            book.discard()
            raise
        book.close()


class Book:
    """An XlsxWriter workbook in constant-memory mode, with its formats made once."""

    def __init__(self, stream: IO[bytes], folder: str, *, title: str, keywords: str = "") -> None:
        import xlsxwriter

        self.workbook = xlsxwriter.Workbook(
            stream,
            {
                "constant_memory": True,
                "tmpdir": folder,
                # Text stays text: "=SUM(A1)", "0042" and "https://..." are what was typed.
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        self.workbook.set_properties(
            {
                "title": shown(title)[:255],  # for reading only
                "author": "cfbu_toolkit",
                "created": CREATED,
                "keywords": keywords,
            }
        )
        self._formats: dict[frozenset[tuple[str, Any]], Any] = {}

    def format(self, style: Style | None) -> Any:
        """The XlsxWriter format for ``style`` (``None``: none), made once per workbook."""
        if not style:
            return None
        key = frozenset(style.items())
        found = self._formats.get(key)
        if found is None:
            found = self._formats[key] = self.workbook.add_format(dict(style))
        return found

    def sheet(self, title: str) -> Sheet:
        """A new sheet at the end of the workbook."""
        return Sheet(self, self.workbook.add_worksheet(title))

    def close(self) -> None:
        """Write the workbook into its stream."""
        self.workbook.close()

    def discard(self) -> None:
        """Give up: the stream gets nothing, the sheets' temporary files are closed."""
        self.workbook.fileclosed = True
        for worksheet in self.workbook.worksheets():
            with contextlib.suppress(Exception):
                worksheet._opt_close()


class Sheet:
    """A worksheet written row by row from the top, as openpyxl's write-only sheets are.

    ``row`` is the next row's number (0-based); ``ws`` is the XlsxWriter worksheet, for
    what this class does not wrap (print setup, validation, charts).
    """

    def __init__(self, book: Book, ws: Any) -> None:
        self.book, self.ws, self.row = book, ws, 0

    def width(self, column: int, width: float, *, hidden: bool = False) -> None:
        """Column ``column`` (0-based) ``width`` characters wide."""
        self.ws.set_column(column, column, width, None, {"hidden": True} if hidden else None)

    def widths(self, widths: Sequence[float]) -> None:
        """The widths of the first columns, in order."""
        for column, width in enumerate(widths):
            self.width(column, width)

    def freeze_header(self) -> None:
        """Keep the first row in view when scrolling."""
        self.ws.freeze_panes(1, 0)

    def filter(self, columns: int, rows: int) -> None:
        """A filter on the header of the first ``columns`` columns over ``rows`` rows."""
        self.ws.autofilter(0, 0, max(rows, 2) - 1, max(columns, 1) - 1)

    def height(self, height: float) -> None:
        """The next row ``height`` points tall (before it is appended)."""
        self.ws.set_row(self.row, height)

    def hide(self) -> None:
        """Hide the sheet (the lookup lists)."""
        self.ws.hide()

    def append(
        self, values: Sequence[Any], style: Style | Sequence[Style | None] | None = None
    ) -> None:
        """The next row: ``values`` from column A (``None`` leaves a cell empty), each with
        ``style`` or its own of a sequence of styles. Text is refused by :func:`checked`."""
        styles = style if isinstance(style, Sequence) else [style] * len(values)
        for column, (value, own) in enumerate(zip(values, styles, strict=False)):
            if value is not None:
                self.put(self.row, column, value, own)
        self.row += 1

    def put(self, row: int, column: int, value: Any, style: Style | None = None) -> None:
        """One cell: text as text, dates and times with their number format, numbers."""
        ws, book = self.ws, self.book
        if isinstance(value, str):
            ws.write_string(row, column, checked(value), book.format(style))
        elif isinstance(value, dt.date | dt.time):
            shown = TIME_FORMAT if isinstance(value, dt.time) else DATE_FORMAT
            ws.write_datetime(
                row, column, value, book.format({**(style or {}), "num_format": shown})
            )
        elif isinstance(value, bool):
            ws.write_boolean(row, column, value, book.format(style))
        else:
            ws.write_number(row, column, value, book.format(style))
