"""Reading a sheet: its rows within the limits, its columns found by header name.

Headers are matched by name (Danish or English, case and spaces ignored, any order); an
extra column is warned about, a repeated or missing one reported in its cell.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterable, Iterator
from typing import Any

from ...errors import CfbuError, DocumentError, Problem
from ...locale import N_
from ...model import Lang
from ...workbook import column_letter
from .layout import Column
from .limits import ReadLimits
from .marks import Marks
from .problems import WorkbookWarning, describe, fail, problem, say
from .sheetdata import SheetDamage, read_rows, row_source

__all__ = ["SheetReader", "norm"]


def norm(text: object) -> str:
    """A title or header compared loosely: spaces collapsed, case folded."""
    return " ".join(str(text).split()).casefold() if text is not None else ""


def _sheets_by_name(worksheets: Iterable[Any], source: str | None) -> dict[str, Any]:
    """The visible sheets by normalised title; hidden ones are never read in their place.

    Two sheets whose titles differ only in case or spaces are ambiguous, and so is a hidden
    sheet named like a visible one (someone may have hidden the real one): refused, naming
    both, rather than read one of them silently.
    """
    found: dict[str, Any] = {}
    hidden: dict[str, Any] = {}
    for ws in worksheets:
        key = norm(ws.title)
        if key in found or (key in hidden and ws.sheet_state == "visible"):
            other = found.get(key) or hidden[key]
            raise _ambiguous(other.title, ws.title, source)
        if ws.sheet_state == "visible":
            found[key] = ws
        elif key in found:
            raise _ambiguous(found[key].title, ws.title, source)
        else:
            hidden[key] = ws
    return found


def _ambiguous(first: str, second: str, source: str | None) -> DocumentError:
    return DocumentError(
        [
            Problem(
                where=source or "workbook",
                message=N_(
                    "the sheets {first!r} and {second!r} have the same name but for case, "
                    "spaces or being hidden; rename or delete one"
                ),
                params={"first": first, "second": second},
            )
        ]
    )


class SheetReader:
    """The sheets of an open workbook, and the problems found in them so far."""

    def __init__(self, wb: Any, lang: Lang, limits: ReadLimits, source: str | None) -> None:
        self.wb = wb
        self.lang = lang
        self.limits = limits
        self.source = source
        self.problems: list[Problem] = []
        self.sheets = _sheets_by_name(wb.worksheets, source)
        self.marks: Marks = {}  # formulas, error values and merged ranges, by sheet
        self._merges_checked: set[str] = set()

    def close(self) -> None:
        """Close the workbook; a damaged one must not hide the real error."""
        with contextlib.suppress(Exception):  # closing a damaged archive may fail too
            self.wb.close()

    def problem(self, where: str, message: str, /, **values: Any) -> None:
        """Note a problem and go on reading, so the person sees all of them at once."""
        self.problems.append(problem(where, message, **values))

    def raise_if_problems(self) -> None:
        """Raise the problems noted so far, if any."""
        if self.problems:
            raise DocumentError(self.problems, source=self.source)

    def sheet(self, table_da: str, table_en: str) -> Any | None:
        """The visible sheet with this Danish or English title, or None."""
        return self.sheets.get(norm(table_da)) or self.sheets.get(norm(table_en))

    def rows(self, ws: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """The rows of ``ws`` with their numbers, checked against the limits."""
        declared_rows, declared_cols = ws.max_row, ws.max_column
        title = ws.title
        if declared_rows and declared_rows > self.limits.max_rows:
            raise fail(
                say(self.lang, "too_many_rows", n=declared_rows, limit=self.limits.max_rows),
                self.source,
                title,
            )
        if declared_cols and declared_cols > self.limits.max_columns:
            raise fail(
                say(self.lang, "too_many_columns", n=declared_cols, limit=self.limits.max_columns),
                self.source,
                title,
            )
        self._merged(title)
        max_rows, max_cols = self.limits.max_rows, self.limits.max_columns
        number = 0
        try:
            for number, row, last in self._cells(ws):
                if number > max_rows:
                    raise fail(
                        say(self.lang, "too_many_rows", n=f"{number}+", limit=max_rows),
                        self.source,
                        title,
                    )
                if last > max_cols:
                    raise fail(
                        say(self.lang, "too_many_columns", n=last, limit=max_cols),
                        self.source,
                        title,
                    )
                yield number, row
        except CfbuError:
            raise
        except SheetDamage as exc:
            raise fail(
                say(self.lang, exc.message, **exc.values), self.source, f"{title}!{exc.where}"
            ) from None
        except Exception as exc:
            raise fail(
                say(self.lang, "damaged", error=describe(exc)),
                self.source,
                f"{title}!{number + 1}",
            ) from None

    def _cells(self, ws: Any) -> Iterator[tuple[int, tuple[Any, ...], int]]:
        """(number, values, last column with a value) of each row: read from the sheet's
        XML (:mod:`.sheetdata`), or through openpyxl where its parts cannot be had."""
        max_rows, max_cols = self.limits.max_rows, self.limits.max_columns
        source = row_source(ws)
        if source is not None:
            yield from read_rows(source, max_rows, max_cols)
            return
        ws.reset_dimensions()
        # One column past the limit is read, to see a value there; a row reaching
        # further is never padded out to its last column (a lying sheet can reach XFD).
        for number, row in enumerate(ws.iter_rows(values_only=True, max_col=max_cols + 1), 1):
            past = len(row) > max_cols and any(v is not None for v in row[max_cols:])
            yield number, row, max_cols + 1 if past else 0

    def _merged(self, title: str) -> None:
        """Merged ranges reaching below the header of a sheet that is read: an error each.

        Only a range's first cell holds its value; the others read as empty, so a value
        meant for several rows would land in one of them without a word.
        """
        if title in self._merges_checked:
            return
        self._merges_checked.add(title)
        marks = self.marks.get(title)
        for ref, last_row in marks.merged if marks is not None else ():
            if last_row >= 2:
                self.problem(f"{title}!{ref}", "merged", range=ref)

    def header(
        self, ws: Any, columns: Iterable[Column], header: tuple[Any, ...]
    ) -> dict[int, Column]:
        """Column positions by header; extra columns warned about, duplicates reported."""
        known: dict[str, Column] = {}
        for column in columns:
            known[norm(column.da)] = column
            known[norm(column.en)] = column
        found: dict[int, Column] = {}
        seen: dict[str, str] = {}
        extra = []
        marks = self.marks.get(ws.title)
        errors = marks.errors if marks is not None else {}
        for index, text in enumerate(header):
            key = norm(text)
            if not key:
                continue
            match = known.get(key)
            letter = column_letter(index + 1)
            if (1, index + 1) in errors:  # a header lost to an error: its column is unknown
                self.problem(f"{ws.title}!{letter}1", "error_value", value=text)
                continue
            if match is None:
                extra.append(f"{letter}1 ({str(text).strip()})")
                continue
            if match.attr in seen:
                self.problem(
                    f"{ws.title}!{letter}1",
                    "duplicate_column",
                    name=match.header(self.lang),
                    other=seen[match.attr],
                )
                continue
            seen[match.attr] = f"{letter}1"
            found[index] = match
        if extra:
            warnings.warn(
                say(self.lang, "extra_columns", sheet=ws.title, columns=", ".join(extra)),
                WorkbookWarning,
                stacklevel=5,
            )
        return found

    def missing(
        self,
        title: str,
        header: dict[int, Column],
        required: Iterable[str],
        columns: Iterable[Column],
    ) -> bool:
        """Note each required column missing from ``title`` by its header in the reader's
        language (``columns``: those the header was read against); True when any is."""
        present = {c.attr for c in header.values()}
        names = {c.attr: c.header(self.lang) for c in columns}
        missing = False
        for attr in sorted(required):
            if attr not in present:
                missing = True
                self.problem(title, "missing_column", name=names.get(attr, attr))
        return missing
