"""Writing the IDs an import gave to rows without one back into the workbook.

The next import of the workbook then matches every row by its ID. The workbook is the
person's own: besides the cells it may hold the partner map's chart, their formatting,
column widths, notes, comments and sheets of their own, which a spreadsheet library drops
or rewrites when it loads and saves a file (openpyxl drops charts). So only the cells are
changed, in the XML of their sheets; every other part of the archive is copied byte for
byte. Each ID goes in as an inline string, keeping the cell's style.

The workbook is saved beside itself and put in place atomically; the original is kept as
a backup first.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Iterable
from pathlib import Path
from xml.parsers import expat
from xml.sax.saxutils import escape, quoteattr

from ...errors import FormatError
from ...files import atomic_write
from ...locale import N_
from .parts import sheet_parts

__all__ = ["backup_path", "with_cells", "write_ids"]

Cells = dict[tuple[int, int], tuple[str, str]]
"""By (row, column): the cell's reference (``A5``) and the text to put in it."""


def backup_path(path: Path) -> Path:
    """A free name for ``path``'s backup beside it (``skema.backup.xlsx``, then
    ``skema.backup-2.xlsx``, ...)."""
    candidate = path.with_name(f"{path.stem}.backup{path.suffix}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.backup-{number}{path.suffix}")
        number += 1
    return candidate


def write_ids(path: Path, assigned: Iterable[tuple[str, str, str]]) -> Path | None:
    """Write each ``(sheet, cell, ID)`` into the workbook at ``path``; returns the backup of
    the original (``None`` when there was nothing to write)."""
    cells = list(assigned)
    if not cells:
        return None
    edited = with_cells(path.read_bytes(), cells)
    backup = backup_path(path)
    shutil.copy2(path, backup)
    with atomic_write(path) as stream:
        stream.write(edited)
    return backup


def with_cells(workbook: bytes, cells: Iterable[tuple[str, str, str]]) -> bytes:
    """``workbook`` (the bytes of an xlsx file) with each ``(sheet, cell, text)`` set; the
    parts holding no such cell are copied unchanged."""
    with zipfile.ZipFile(io.BytesIO(workbook)) as source:
        parts = dict(sheet_parts(source))
        wanted: dict[str, Cells] = {}
        for sheet, ref, text in cells:
            part = parts.get(sheet)
            if part is None:
                raise FormatError(N_("the workbook has no sheet {sheet!r}"), sheet=sheet)
            wanted.setdefault(part, {})[_position(ref)] = (ref, text)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename in wanted:
                    data = _set_cells(data, wanted[info.filename])
                target.writestr(info, data)
    return out.getvalue()


def _position(ref: str) -> tuple[int, int]:
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    letters, row = coordinate_from_string(ref)
    return row, column_index_from_string(letters)


class _Edits:
    """The byte ranges of a sheet's XML to replace, found in one pass of expat."""

    def __init__(self, xml: bytes, cells: Cells) -> None:
        self.xml, self.cells = xml, dict(cells)
        self.edits: list[tuple[int, int, bytes]] = []
        self.parser = expat.ParserCreate()
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.prefix = ""
        self.row = 0
        self.column = 0
        self.cell: tuple[int, dict[str, str]] | None = None  # start, attributes
        self.pending: list[tuple[int, tuple[str, str]]] = []  # wanted cells of this row

    def run(self) -> list[tuple[int, int, bytes]]:
        self.parser.Parse(self.xml, True)
        if self.cells:
            missing = ", ".join(ref for ref, _ in self.cells.values())
            raise FormatError(N_("the workbook has no row for the cells {cells}"), cells=missing)
        return self.edits

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        prefix, _, local = name.rpartition(":")
        at = self.parser.CurrentByteIndex
        if local == "row":
            self.prefix = f"{prefix}:" if prefix else ""
            self.row = int(attributes["r"]) if "r" in attributes else self.row + 1
            self.column = 0
            self.pending = sorted(
                (column, cell) for (row, column), cell in self.cells.items() if row == self.row
            )
            for column, _ in self.pending:
                del self.cells[(self.row, column)]
        elif local == "c" and self.pending:
            ref = attributes.get("r")
            self.column = _position(ref)[1] if ref else self.column + 1
            self._insert_before(at, self.column)
            self.cell = (at, attributes)

    def _end(self, name: str) -> None:
        local = name.rpartition(":")[2]
        at = self.parser.CurrentByteIndex
        if local == "c" and self.cell is not None:
            start, attributes = self.cell
            self.cell = None
            if self.pending and self.pending[0][0] == self.column:
                _, (ref, text) = self.pending.pop(0)
                head_end = self.xml.index(b">", start) + 1
                empty = self.xml[head_end - 2 : head_end] == b"/>"
                end = head_end if empty else self.xml.index(b">", at) + 1
                self.edits.append((start, end, self._cell(ref, text, attributes.get("s"))))
        elif local == "row" and self.pending:
            self._insert_before(at, None)

    def _insert_before(self, at: int, column: int | None) -> None:
        """The wanted cells left of ``column`` (all of them: ``None``), inserted at ``at``."""
        while self.pending and (column is None or self.pending[0][0] < column):
            _, (ref, text) = self.pending.pop(0)
            self.edits.append((at, at, self._cell(ref, text, None)))

    def _cell(self, ref: str, text: str, style: str | None) -> bytes:
        p = self.prefix
        s = f" s={quoteattr(style)}" if style is not None else ""
        xml = (
            f'<{p}c r="{ref}"{s} t="inlineStr"><{p}is><{p}t xml:space="preserve">'
            f"{escape(text)}</{p}t></{p}is></{p}c>"
        )
        return xml.encode("utf-8")


def _set_cells(xml: bytes, cells: Cells) -> bytes:
    """The sheet ``xml`` with ``cells`` set, each replacing the cell there (or added in
    column order to its row)."""
    edits = _Edits(xml, cells).run()
    out = bytearray(xml)
    # From the end back, so the earlier offsets hold; cells inserted at one place go in
    # in the order they were found (column order).
    for _, (start, end, text) in sorted(enumerate(edits), key=_place, reverse=True):
        out[start:end] = text
    return bytes(out)


def _place(edit: tuple[int, tuple[int, int, bytes]]) -> tuple[int, int]:
    order, (start, _, _) = edit
    return start, order
