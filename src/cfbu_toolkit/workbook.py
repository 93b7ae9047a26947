"""Workbook safety for everyone who writes a workbook: the exporter, the template, the
report and plugins (the Kumu plugin uses it; so can yours).

What a cell can hold and how text is carried into and out of one, safe sheet titles, and
:func:`text_cell`/:func:`value_cell`, which make openpyxl write-only cells that are never a
formula (the portfolio report uses them; so can a plugin). The exporter writes through
XlsxWriter, which escapes text exactly as :func:`encode_text` does; the importer decodes
both with :func:`decode_text`.
Nothing here imports openpyxl at import time. Save a workbook to a file through
:func:`cfbu_toolkit.files.atomic_write` (or :func:`cfbu_toolkit.export`), never straight
onto the target: a failed save would leave a broken file where the old one was.

Text and XML
    XML 1.0 cannot hold most C0 control characters, U+FFFE, U+FFFF or lone surrogates, and
    an XML parser turns a carriage return into a line feed. Such characters are carried
    losslessly with the OOXML escape ``_xHHHH_`` (the form Excel and xlsxwriter use); a
    literal ``_xHHHH_`` in the text gets its underscore escaped (``_x005F_``), so decoding
    is exact. Nothing is ever dropped.
Length
    A cell holds at most 32,767 characters, counted in UTF-16 code units as Excel counts
    them (an emoji counts twice). Longer text is refused, never cut.
Formulas
    Text is always stored as text, whatever it starts with (``=``, ``+``, ``-``, ``@``, an
    error literal such as ``#N/A``); the exporter writes such values as string cells.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .errors import CfbuError
from .locale import N_

__all__ = [
    "ERROR_LITERALS",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "MAX_SHEET_TITLE",
    "RESERVED_SHEET_TITLES",
    "check_sheet_title",
    "column_letter",
    "decode_text",
    "encode_text",
    "needs_text_cell",
    "safe_sheet_title",
    "text_cell",
    "utf16_length",
    "value_cell",
]

#: Excel's limits (Microsoft, "Excel specifications and limits").
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
MAX_CELL_CHARS = 32_767
MAX_SHEET_TITLE = 31
#: Sheet titles Excel keeps for itself.
RESERVED_SHEET_TITLES = frozenset({"history"})
_BAD_TITLE_CHARS = re.compile(r"[\[\]:*?/\\]")

#: Strings openpyxl would store as an error cell instead of text.
ERROR_LITERALS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}
)

# Characters XML 1.0 cannot carry (plus CR, which parsers normalise to LF), and a literal
# escape sequence that would otherwise be decoded on the way back.
_NEEDS_ESCAPE = re.compile(
    "[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_x[0-9A-Fa-f]{4}_"
)
_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")


def _escape(match: re.Match[str]) -> str:
    found = match.group(0)
    if len(found) == 1:
        return f"_x{ord(found):04X}_"
    return "_x005F_" + found[1:]


def encode_text(text: str) -> str:
    """``text`` in the form a cell carries it (unchanged unless it needs escaping)."""
    # Fast path: every character the pattern escapes is one ``str.isprintable`` rejects
    # (categories Cc, Cs and Cn), and a literal escape needs "_x". Text with a line break
    # or a tab is not "printable" and takes the pattern.
    if text.isprintable() and "_x" not in text:
        return text
    if _NEEDS_ESCAPE.search(text) is None:
        return text
    return _NEEDS_ESCAPE.sub(_escape, text)


def decode_text(text: str) -> str:
    """The inverse of :func:`encode_text`: ``_xHHHH_`` back to its character."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def utf16_length(text: str) -> int:
    """Length as Excel counts it: UTF-16 code units (characters above U+FFFF count twice)."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def needs_text_cell(text: str) -> bool:
    """Whether openpyxl would turn this string into a formula or an error cell."""
    return (len(text) > 1 and text[0] == "=") or text in ERROR_LITERALS


def column_letter(index: int) -> str:
    """The letters of a 1-based column number (1 -> A, 27 -> AA)."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def check_sheet_title(title: str) -> str:
    """``title`` if Excel accepts it as a sheet title; ``ValueError`` saying why if not."""
    if not title or len(title) > MAX_SHEET_TITLE:
        raise ValueError(f"sheet title {title!r} must have 1 to {MAX_SHEET_TITLE} characters")
    if _BAD_TITLE_CHARS.search(title) or title[0] == "'" or title[-1] == "'":
        raise ValueError(f"sheet title {title!r} holds a character Excel refuses")
    if title.casefold() in RESERVED_SHEET_TITLES:
        raise ValueError(f"sheet title {title!r} is reserved by Excel")
    return title


def safe_sheet_title(title: str, used: set[str]) -> str:
    """A sheet title Excel accepts, made from ``title`` and unique among ``used``.

    Characters Excel refuses become spaces, the title is cut to 31 characters, and a
    number is added when the title (case ignored) is taken or reserved. ``used`` is
    updated.
    """
    clean = _BAD_TITLE_CHARS.sub(" ", title).strip(" '") or "Ark"
    clean = clean[:MAX_SHEET_TITLE].rstrip()
    candidate, n = clean, 2
    while candidate.casefold() in used or candidate.casefold() in RESERVED_SHEET_TITLES:
        suffix = f" ({n})"
        candidate = clean[: MAX_SHEET_TITLE - len(suffix)].rstrip() + suffix
        n += 1
    used.add(candidate.casefold())
    return candidate


def checked_text(text: str) -> str:
    """``text`` as a cell carries it; :class:`CfbuError` when it is too long for a cell."""
    encoded = encode_text(text)
    length = utf16_length(encoded)
    if length > MAX_CELL_CHARS:
        raise CfbuError(
            N_(
                "a text of {length} characters does not fit in a cell "
                "(at most {limit}): {start!r}..."
            ),
            length=length,
            limit=MAX_CELL_CHARS,
            start=text[:40],
        )
    return encoded


def text_cell(sheet: Any, text: str, *, font: Any = None, alignment: Any = None) -> Any:
    """A write-only cell holding ``text`` as text: never a formula, never cut."""
    from openpyxl.cell import WriteOnlyCell

    made = WriteOnlyCell(sheet, value=checked_text(text))
    made.data_type = "s"
    if font is not None:
        made.font = font
    if alignment is not None:
        made.alignment = alignment
    return made


def value_cell(
    sheet: Any, value: Any, *, font: Any = None, date_format: str = "dd-mm-yyyy"
) -> Any:
    """A write-only cell for any value: text through :func:`text_cell`, dates as dates."""
    if isinstance(value, str):
        return text_cell(sheet, value, font=font)
    from openpyxl.cell import WriteOnlyCell

    made = WriteOnlyCell(sheet, value=value)
    if isinstance(value, dt.date):
        made.number_format = date_format
    if font is not None:
        made.font = font
    return made
