"""Cells a person's spreadsheet program marked, found before the cells are read.

The importer reads cached values in read-only mode (``data_only``), which hides three
things a person may have put into a workbook, and each would change their data silently:

* a formula that no spreadsheet program has calculated yet (typed as ``=A1`` into a note
  and saved by a program that does not calculate) reads as empty;
* an error value (``#REF!``, ``#N/A``, ``#DIV/0!``, ...) reads as its text;
* merged cells read as one value in the first cell and nothing in the others.

This module finds them all in one pass over each sheet's XML, so the importer can name
the cell (or range). A workbook written by cfbu_toolkit holds none of them; a sheet part
with none of their marks is skipped unparsed.
"""

from __future__ import annotations

import re
import zipfile
from typing import IO
from xml.etree.ElementTree import iterparse

import attrs

from .parts import MAIN, sheet_parts

__all__ = ["Marks", "SheetMarks", "find_marks"]

Cell = tuple[int, int]
"""(row, column), both counted from 1."""


@attrs.define
class SheetMarks:
    """What one sheet holds besides plain values."""

    formulas: dict[Cell, tuple[str, bool]] = attrs.Factory(dict)
    """(the formula's text, whether a value was cached) by cell."""
    errors: dict[Cell, str] = attrs.Factory(dict)
    """The error value shown (``#REF!``) by cell."""
    merged: list[tuple[str, int]] = attrs.Factory(list)
    """Each merged range (``A2:B3``) with its last row."""


Marks = dict[str, SheetMarks]
"""By sheet title."""

_MAIN = MAIN
_CELL = re.compile(r"([A-Z]{1,3})(\d+)")
_RANGE_END = re.compile(r"(?:.*:)?[A-Z]{1,3}(\d+)")
_CHUNK = 1 << 20
_SIGNS = (b"<f>", b"<f ", b":f>", b":f ", b't="e"', b"t='e'", b"mergeCell")


def _is_marked(archive: zipfile.ZipFile, name: str) -> bool:
    tail = b""
    with archive.open(name) as part:
        while chunk := part.read(_CHUNK):
            data = tail + chunk
            if any(sign in data for sign in _SIGNS):
                return True
            tail = data[-10:]
    return False


def _column(letters: str) -> int:
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number


def _read_sheet(archive: zipfile.ZipFile, part: str) -> SheetMarks:
    marks = SheetMarks()
    with archive.open(part) as xml:
        for _, elem in iterparse(xml):
            if elem.tag == f"{_MAIN}mergeCell":
                ref = elem.get("ref", "")
                end = _RANGE_END.fullmatch(ref)
                if end:
                    marks.merged.append((ref, int(end[1])))
            if elem.tag != f"{_MAIN}c":
                continue
            match = _CELL.fullmatch(elem.get("r", ""))
            if match:
                key = (int(match[2]), _column(match[1]))
                value = elem.find(f"{_MAIN}v")
                if elem.get("t") == "e":
                    marks.errors[key] = (value.text or "") if value is not None else ""
                formula = elem.find(f"{_MAIN}f")
                if formula is not None and formula.text:
                    cached = value is not None and bool(value.text)
                    marks.formulas[key] = (formula.text, cached)
            elem.clear()
    return marks


def find_marks(stream: IO[bytes]) -> Marks:
    """The formulas, error values and merged ranges of every sheet of the workbook in
    ``stream`` (an archive already checked against the limits)."""
    found: Marks = {}
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
            for title, part in sheet_parts(archive):
                if part is None or part not in names or not _is_marked(archive, part):
                    continue
                found[title] = _read_sheet(archive, part)
    except (zipfile.BadZipFile, KeyError, SyntaxError, OSError):
        return {}  # the reader reports a damaged workbook itself
    finally:
        stream.seek(0)
    return found
