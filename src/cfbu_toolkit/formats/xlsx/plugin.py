"""The Excel workbook format as one plugin: the exporter (:mod:`.writer`) and the importer.

The importer reads a workbook written by the exporter, or filled in by a person, back into
the model.

Headers are matched by name (Danish or English, case and spaces ignored, any order); an
extra column is reported as a warning; a missing required column is named. Every problem
is collected and reported at once with its sheet and cell, in the language asked for
(``lang=``, Danish by default). Cells are read the way people type them: real dates or
``dd-mm-åååå``, labels in either language, ``ja``/``nej``.

Workbooks arrive by e-mail, so they are read as untrusted: the file size, the number of
parts and their declared unpacked size are checked before anything is unpacked (a zip bomb
is refused at once), every XML part is refused if its prolog declares a DTD (no entity
expansion, no external entities), only cell values are read (never macros or links; a
formula gives the value it last showed, or its text when none was calculated, with a
warning naming the cell; an error value, merged cells and a logical value in a column
that takes none are errors naming the cell), sheets are read in read-only mode with their
declared dimensions reset, and row and column counts are checked while reading. Anything
that goes wrong becomes a :class:`~cfbu_toolkit.DocumentError`.

This module is the plugin and the top-level flow; the work is done beside it:
:mod:`.archive` (opening the file), :mod:`.marks` (formulas, error values and merged
cells found first), :mod:`.reader` and :mod:`.sheets` (reading sheets),
:mod:`.cellvalues` (reading cells), :mod:`.placing` (placing problems in cells) and
:mod:`.problems` (their wording); :mod:`.writer` writes workbooks.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from ...errors import FormatError
from ...io.collector import collector_paused
from ...io.kinds import Exportable, kind_of_class
from ...locale import N_
from ...model import Lang, Plan
from ...plugins.hookspecs import hookimpl
from ...plugins.types import ExporterSpec, ImportContext, ImporterSpec
from .archive import bounded, check_archive, open_workbook
from .layout import ROOT_TABLE
from .limits import READ_LIMIT_NAMES, ReadLimits
from .marks import find_marks
from .problems import WorkbookWarning
from .reader import ReadReport, WorkbookReader
from .writer import MEDIA_TYPE, export_xlsx

__all__ = ["ReadReport", "WorkbookWarning", "export_xlsx", "load_xlsx", "sniff_xlsx"]

#: The kinds a workbook holds: those the layout has a root table for.
KINDS = frozenset(kind_of_class(cls) for cls in ROOT_TABLE)


def load_xlsx(stream: IO[bytes], context: ImportContext) -> Exportable:
    """Read a workbook from ``stream`` into a plan or one of its parts.

    ``base=plan`` (an option of :func:`cfbu_toolkit.load`) merges what the workbook holds
    into ``plan`` (see :mod:`cfbu_toolkit.formats.xlsx.reimport`) and returns the merged plan, with
    every problem of the result placed in its cell; ``prune=True`` deletes what the plan
    holds and the workbook does not. ``report=callable`` is told a :class:`ReadReport`:
    what the merge changed and the IDs given to rows without one (with their cells).
    """
    lang: Lang = "en" if context.lang == "en" else "da"
    options = dict(context.options)
    base = options.pop("base", None)
    prune = bool(options.pop("prune", False))
    report = options.pop("report", None)
    if base is not None and not isinstance(base, Plan):
        raise FormatError(f"base= must be a Plan, got {type(base).__name__}")
    limits = ReadLimits.from_options(options)
    source = context.source
    archive_stream = bounded(stream, limits, lang, source)
    check_archive(archive_stream, limits, lang, source)
    marks = find_marks(archive_stream)
    reader = WorkbookReader(open_workbook(archive_stream, lang, source), lang, limits, source)
    reader.marks = marks
    reader.base = base
    reader.prune = prune
    try:
        with collector_paused():
            result = reader.read()
        if report is not None:
            report(ReadReport(changes=reader.changes, assigned=tuple(reader.assigned_ids())))
        return result
    finally:
        reader.close()


def sniff_xlsx(start: bytes) -> bool:
    """Whether ``start`` (the first bytes of an input) is a zip archive, as a workbook is."""
    return start.startswith(b"PK\x03\x04")


@hookimpl
def cfbu_exporters() -> Iterable[ExporterSpec]:
    return [
        ExporterSpec(
            name="xlsx",
            suffixes=(".xlsx",),
            media_type=MEDIA_TYPE,
            kinds=KINDS,
            export=export_xlsx,
            options=frozenset(),  # takes no options
            description=N_("Excel workbook to fill in and hand back (reads back with load)"),
        )
    ]


@hookimpl
def cfbu_importers() -> Iterable[ImporterSpec]:
    return [
        ImporterSpec(
            name="xlsx",
            suffixes=(".xlsx", ".xlsm"),
            media_type=MEDIA_TYPE,
            kinds=KINDS,
            load=load_xlsx,
            options=frozenset({"base", "prune", "report", "limits", *READ_LIMIT_NAMES}),
            sniff=sniff_xlsx,
            description=N_(
                "Excel workbook written by the xlsx exporter or filled in by hand "
                "(read defensively; macros never run)"
            ),
        )
    ]
