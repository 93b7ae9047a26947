"""What reading a workbook reports: the warning, the error, and their wording.

Every message the importer gives is here, in Danish and English (:func:`say`); the model's
own messages are translated by :mod:`.messages`.
"""

from __future__ import annotations

from typing import Any

from ...errors import DocumentError, Problem, WorkbookWarning
from ...model import Lang

__all__ = ["WorkbookWarning", "describe", "fail", "say"]


def fail(message: str, source: str | None, where: str = "") -> DocumentError:
    return DocumentError([Problem(where=where or (source or "workbook"), message=message)])


def describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    first = text[0][:200] if text else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


_MESSAGES: dict[str, dict[str, str]] = {
    "da": {
        "file_too_big": "filen fylder {n} byte; grænsen er {limit}",
        "not_zip": "filen er ikke en Excel-projektmappe (ikke et zip-arkiv, eller arkivet er "
        "beskadiget)",
        "not_workbook": "filen er et zip-arkiv, men ikke en Excel-projektmappe",
        "too_many_parts": "arkivet har {n} dele; grænsen er {limit}",
        "too_big_unpacked": "arkivet fylder {n} byte udpakket; grænsen er {limit} (afvist "
        "uden at pakke ud)",
        "damaged": "projektmappen kan ikke læses; den er beskadiget eller ikke en "
        "Excel-projektmappe ({error})",
        "macros": "projektmappen indeholder makroer; de læses ikke og kommer ikke med",
        "no_root": "projektmappen har ikke et af arkene {wanted}",
        "too_many_rows": "arket har {n} rækker; grænsen er {limit}",
        "too_many_columns": "arket har {n} kolonner; grænsen er {limit}",
        "missing_column": 'kolonnen "{name}" mangler',
        "missing_row": 'rækken "{name}" mangler',
        "missing_sheet": 'arket "{sheet}" mangler; det læses som tomt',
        "duplicate_column": 'kolonnen "{name}" står to gange (også i {other})',
        "extra_columns": "arket {sheet} har kolonner, der ikke læses: {columns}",
        "extra_rows": 'arket {sheet} række {row}: "{label}" er ikke et felt og læses ikke',
        "required": "skal udfyldes",
        "not_one_of": '"{value}" er ikke en af {allowed}',
        "not_date": '"{value}" er ikke en dato (skriv dd-mm-åååå)',
        "not_time": '"{value}" er ikke et klokkeslæt (skriv tt:mm)',
        "not_int": '"{value}" er ikke et helt tal',
        "not_bool": '"{value}" er hverken {yes} eller {no}',
        "unknown_sheet": '"{value}" er ikke et ark med tekstlister',
        "no_parent": 'ID "{key}" findes ikke i arket {sheet}',
        "no_owner": 'tekstlisten hører til ID "{key}" {nr} i arket {sheet}, som ikke findes',
        "typed_twice": '"{name}" (ID {id}) er samme navn som "{other_name}" (ID {other_id}, '
        "{other}), bortset fra mellemrum og store/små bogstaver; er det samme organisation, "
        "så brug ét ID",
        "typed_same": '"{name}" (ID {id}) står også med ID {other_id} ({other}); er det samme '
        "organisation, så brug ét ID",
        "in_plan": "allerede i planen",
    },
    "en": {
        "file_too_big": "the file has {n} bytes; the limit is {limit}",
        "not_zip": "the file is not an Excel workbook (not a zip archive, or a damaged one)",
        "not_workbook": "the file is a zip archive but not an Excel workbook",
        "too_many_parts": "the archive has {n} parts; the limit is {limit}",
        "too_big_unpacked": "the archive unpacks to {n} bytes; the limit is {limit} "
        "(refused without unpacking)",
        "damaged": "the workbook cannot be read; it is damaged or not an Excel workbook ({error})",
        "macros": "the workbook holds macros; they are not read and not carried over",
        "no_root": "the workbook has none of the sheets {wanted}",
        "too_many_rows": "the sheet has {n} rows; the limit is {limit}",
        "too_many_columns": "the sheet has {n} columns; the limit is {limit}",
        "missing_column": 'column "{name}" is missing',
        "missing_row": 'row "{name}" is missing',
        "missing_sheet": 'sheet "{sheet}" is missing; read as empty',
        "duplicate_column": 'column "{name}" appears twice (also at {other})',
        "extra_columns": "sheet {sheet} has columns that are not read: {columns}",
        "extra_rows": 'sheet {sheet} row {row}: "{label}" is not a field and is not read',
        "required": "is required",
        "not_one_of": '"{value}" is not one of {allowed}',
        "not_date": '"{value}" is not a date (type dd-mm-yyyy)',
        "not_time": '"{value}" is not a time of day (type hh:mm)',
        "not_int": '"{value}" is not a whole number',
        "not_bool": '"{value}" is neither {yes} nor {no}',
        "unknown_sheet": '"{value}" is not a sheet with text lists',
        "no_parent": 'ID "{key}" is not in sheet {sheet}',
        "no_owner": 'the text list belongs to ID "{key}" {nr} in sheet {sheet}, which does '
        "not exist",
        "typed_twice": '"{name}" (ID {id}) has the same name as "{other_name}" (ID {other_id}, '
        "{other}) but for spaces and case; if it is the same organisation, use one ID",
        "typed_same": '"{name}" (ID {id}) is also there with ID {other_id} ({other}); if it is '
        "the same organisation, use one ID",
        "in_plan": "already in the plan",
    },
}


def say(lang: Lang, message: str, /, **values: Any) -> str:
    return _MESSAGES[lang][message].format(**values)
