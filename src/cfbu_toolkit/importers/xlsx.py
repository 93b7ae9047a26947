"""The Excel importer: reads a workbook written by the xlsx exporter, or filled in by a
person, back into the model.

Headers are matched by name (Danish or English, case and spaces ignored, any order); an
extra column is reported as a warning; a missing required column is named. Every problem
is collected and reported at once with its sheet and cell, in the language asked for
(``lang=``, Danish by default). Cells are read the way people type them: real dates or
``dd-mm-åååå``, labels in either language, ``ja``/``nej``.

Workbooks arrive by e-mail, so they are read as untrusted: the file size, the number of
parts and their declared unpacked size are checked before anything is unpacked (a zip bomb
is refused at once), XML is parsed through defusedxml (entity expansion and external
entities refused), only cell values are read (never macros, links or formulas: a formula
gives the value it last showed), sheets are read in read-only mode with their declared
dimensions reset, and row and column counts are checked while reading. Anything that goes
wrong becomes a :class:`~cfbu_toolkit.DocumentError`.

This module is the plugin and the top-level flow; the work is done in
:mod:`cfbu_toolkit.excel`: :mod:`~cfbu_toolkit.excel.archive` (opening the file),
:mod:`~cfbu_toolkit.excel.reader` and :mod:`~cfbu_toolkit.excel.sheets` (reading sheets),
:mod:`~cfbu_toolkit.excel.cellvalues` (reading cells), :mod:`~cfbu_toolkit.excel.placing`
(placing problems in cells) and :mod:`~cfbu_toolkit.excel.problems` (their wording).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from ..errors import FormatError
from ..excel.archive import bounded, check_archive, open_workbook
from ..excel.limits import ReadLimits
from ..excel.problems import WorkbookWarning
from ..excel.reader import WorkbookReader
from ..exporters.xlsx import MEDIA_TYPE
from ..io.kinds import Exportable
from ..model import Lang, Plan
from ..plugins.hookspecs import hookimpl
from ..plugins.types import ImportContext, ImporterSpec

__all__ = ["WorkbookWarning", "load_xlsx"]


def load_xlsx(stream: IO[bytes], context: ImportContext) -> Exportable:
    """Read a workbook from ``stream`` into a plan or one of its parts.

    ``base=plan`` (an option of :func:`cfbu_toolkit.load`) merges what the workbook holds
    into ``plan`` (see :mod:`cfbu_toolkit.excel.reimport`) and returns the merged plan, with
    every problem of the result placed in its cell.
    """
    lang: Lang = "en" if context.lang == "en" else "da"
    options = dict(context.options)
    base = options.pop("base", None)
    if base is not None and not isinstance(base, Plan):
        raise FormatError(f"base= must be a Plan, got {type(base).__name__}")
    limits = ReadLimits.from_options(options)
    source = context.source
    archive_stream = bounded(stream, limits, lang, source)
    check_archive(archive_stream, limits, lang, source)
    reader = WorkbookReader(open_workbook(archive_stream, lang, source), lang, limits, source)
    reader.base = base
    try:
        return reader.read()
    finally:
        reader.close()


@hookimpl
def cfbu_importers() -> Iterable[ImporterSpec]:
    return [
        ImporterSpec(
            name="xlsx",
            suffixes=(".xlsx", ".xlsm"),
            media_type=MEDIA_TYPE,
            kinds=frozenset(ROOT_TABLE_KINDS),
            load=load_xlsx,
            description="Excel workbook written by the xlsx exporter or filled in by hand "
            "(read defensively; macros never run)",
        )
    ]


ROOT_TABLE_KINDS = (
    "plan",
    "mapping",
    "collaboration_agreement",
    "activity_agreement",
    "dialogue_session",
    "value_game",
)
