"""What reading a workbook reports: the warning, the error, and their wording.

Every message the importer gives is here, in English and marked for the catalogue: a
:class:`~cfbu_toolkit.errors.Problem` carries the message id and its values
(:func:`problem`), :func:`say` gives the sentence in a language. The model's and
validation's problems carry their own message ids and are shown in the current language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...errors import DocumentError, Problem, WorkbookWarning
from ...locale import N_, translate
from ...model import Lang

__all__ = ["WorkbookWarning", "describe", "fail", "params", "problem", "say"]


def fail(message: str, source: str | None, where: str = "") -> DocumentError:
    """A one-problem error, placed at ``where`` (else the file, else "workbook")."""
    return DocumentError([Problem(where=where or (source or "workbook"), message=message)])


def describe(exc: BaseException) -> str:
    """A dependency's exception in one short line, never a traceback."""
    text = str(exc).strip().splitlines()
    first = text[0][:200] if text else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


_MESSAGES: dict[str, str] = {
    "file_too_big": N_("the file has {n} bytes; the limit is {limit}"),
    "not_zip": N_("the file is not an Excel workbook (not a zip archive, or a damaged one)"),
    "not_workbook": N_("the file is a zip archive but not an Excel workbook"),
    "too_many_parts": N_("the archive has {n} parts; the limit is {limit}"),
    "too_big_unpacked": N_(
        "the archive unpacks to {n} bytes; the limit is {limit} (refused without unpacking)"
    ),
    "damaged": N_("the workbook cannot be read; it is damaged or not an Excel workbook ({error})"),
    "macros": N_("the workbook holds macros; they are not read and not carried over"),
    "no_root": N_("the workbook has none of the sheets {wanted}"),
    "row_out_of_order": N_(
        "row {row} comes after row {previous} in the file, which no spreadsheet program "
        "writes; the sheet is damaged (open the workbook in a spreadsheet program and save "
        "it again)"
    ),
    "cell_twice": N_(
        "the row holds a second cell in column {column}, or its cells are out of order, "
        "which no spreadsheet program writes; the sheet is damaged (open the workbook in a "
        "spreadsheet program and save it again)"
    ),
    "not_a_cell": N_(
        '"{ref}" is not a cell of a sheet; the sheet is damaged (open the workbook in a '
        "spreadsheet program and save it again)"
    ),
    "too_many_rows": N_("the sheet has {n} rows; the limit is {limit}"),
    "too_many_columns": N_("the sheet has {n} columns; the limit is {limit}"),
    "missing_column": N_('column "{name}" is missing'),
    "missing_row": N_('row "{name}" is missing'),
    "missing_sheet": N_('sheet "{sheet}" is missing; read as empty'),
    "duplicate_column": N_('column "{name}" appears twice (also at {other})'),
    "extra_columns": N_("sheet {sheet} has columns that are not read: {columns}"),
    "extra_rows": N_('sheet {sheet} row {row}: "{label}" is not a field and is not read'),
    "required": N_("is required"),
    "not_one_of": N_('"{value}" is not one of {allowed}'),
    "not_date": N_('"{value}" is not a date (type dd-mm-yyyy)'),
    "not_time": N_('"{value}" is not a time of day (type hh:mm)'),
    "not_int": N_('"{value}" is not a whole number'),
    "too_many_digits": N_("the number has {n} digits, far more than any number here can have"),
    "not_bool": N_('"{value}" is neither {yes} nor {no}'),
    "unknown_sheet": N_('"{value}" is not a sheet with text lists'),
    "no_parent": N_('ID "{key}" is not in sheet {sheet}'),
    "no_owner": N_(
        'the text list belongs to ID "{key}" {nr} in sheet {sheet}, which does not exist'
    ),
    "typed_twice": N_(
        '"{name}" (ID {id}) has the same name as "{other_name}" (ID {other_id}, {other}) '
        "but for spaces and case; if it is the same organisation, use one ID"
    ),
    "typed_same": N_(
        '"{name}" (ID {id}) is also there with ID {other_id} ({other}); if it is the same '
        "organisation, use one ID"
    ),
    "in_plan": N_("already in the plan"),
    "example_skipped": N_("{where}: the example row is skipped"),
    "example_edited": N_(
        "the example row (ID {id}) has been edited: delete its ID to keep it as a real row, "
        "or delete the row"
    ),
    "organisation_twice": N_(
        "the organisation is also in {other} of the same mapping: keep one row per "
        "organisation (a new assessment goes in the same row, with a new date)"
    ),
    "formula_uncached": N_(
        "the cell holds the formula {formula}, which no spreadsheet program has calculated, "
        "so its value is unknown; type the value itself (put ' in front of text that starts "
        "with =)"
    ),
    "formula_value": N_(
        "the cell holds the formula {formula}; read as its result {value!r}, not as text"
    ),
    "error_value": N_(
        "the cell holds the error value {value} (a formula or reference that failed), "
        "not data; correct the cell or empty it"
    ),
    "merged": N_(
        "the cells {range} are merged, so only the first holds a value and the others read "
        "as empty; unmerge them and type the value in each cell it belongs to"
    ),
    "logical_value": N_(
        "the cell holds the logical value {value}, which this column does not take; type "
        "the text itself (start with an apostrophe to keep {value} as text)"
    ),
    "template_mark_ignored": N_(
        "the workbook is marked as a registration template but holds sheets a template "
        "does not ({sheets}); it is read as any workbook, and missing sheets are reported"
    ),
    "no_such_name": N_('"{value}" is neither the ID nor the name of any {what}'),
    "name_twice": N_('"{value}" is the name of more than one {what}; use the ID'),
    "name_not_of_id": N_(
        'the name "{value}" is not the name of {ident} ("{name}"), the ID beside it; the ID '
        "was kept. To choose another {what}, empty the ID and pick the name; to rename "
        "{ident}, change its name on its own sheet"
    ),
}


def say(lang: Lang | None, message: str, /, **values: Any) -> str:
    """The importer's message ``message`` (a key of the table) in ``lang``, filled in."""
    return translate(_MESSAGES[message], lang, **values)


def params(**values: Any) -> Mapping[str, Any]:
    """A problem's values, typed for :class:`~cfbu_toolkit.errors.Problem`."""
    return values


def problem(where: str, message: str, /, **values: Any) -> Problem:
    """A problem at ``where`` with the importer's message ``message`` (a key of the table)."""
    return Problem(where=where, message=_MESSAGES[message], params=params(**values))
