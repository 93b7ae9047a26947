"""Formulas a person typed into a workbook, found before the cells are read.

The importer reads cached values (``data_only``): a formula that no spreadsheet program
has calculated yet (typed as ``=A1`` into a note and saved by a program that does not
calculate) reads as empty. This module finds every formula cell so the importer can give
its text back, or name the cell when it reads the calculated value. A workbook written by
cfbu_toolkit holds no formulas; a sheet part without ``<f`` is skipped unparsed.
"""

from __future__ import annotations

import re
import zipfile
from typing import IO
from xml.etree.ElementTree import iterparse

from .parts import MAIN, sheet_parts

__all__ = ["Formulas", "find_formulas"]

Formulas = dict[str, dict[tuple[int, int], tuple[str, bool]]]
"""By sheet title: (row, column) -> (the formula's text, whether a value was cached)."""

_MAIN = MAIN
_CELL = re.compile(r"([A-Z]{1,3})(\d+)")
_CHUNK = 1 << 20


def _has_formula(archive: zipfile.ZipFile, name: str) -> bool:
    tail = b""
    with archive.open(name) as part:
        while chunk := part.read(_CHUNK):
            data = tail + chunk
            if b"<f>" in data or b"<f " in data or b":f>" in data or b":f " in data:
                return True
            tail = data[-4:]
    return False


def _column(letters: str) -> int:
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number


def find_formulas(stream: IO[bytes]) -> Formulas:
    """Every formula cell of every sheet of the workbook in ``stream`` (a checked archive)."""
    found: Formulas = {}
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
            sheets = sheet_parts(archive)
            for title, part in sheets:
                if part is None or part not in names or not _has_formula(archive, part):
                    continue
                cells = found.setdefault(title, {})
                with archive.open(part) as xml:
                    for _, elem in iterparse(xml):
                        if elem.tag != f"{_MAIN}c":
                            continue
                        formula = elem.find(f"{_MAIN}f")
                        match = _CELL.fullmatch(elem.get("r", ""))
                        if formula is not None and match and formula.text:
                            value = elem.find(f"{_MAIN}v")
                            cached = value is not None and bool(value.text)
                            key = (int(match[2]), _column(match[1]))
                            cells[key] = (formula.text, cached)
                        elem.clear()
    except (zipfile.BadZipFile, KeyError, SyntaxError, OSError):
        return {}  # the reader reports a damaged workbook itself
    finally:
        stream.seek(0)
    return found
