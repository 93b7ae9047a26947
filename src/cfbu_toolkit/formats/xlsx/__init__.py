"""The Excel workbook format shared by the xlsx exporter and importer.

:mod:`.layout` says which sheets and columns a plan (or a part of one) becomes, in Danish
and English; :mod:`.cells` how text, dates and numbers are carried in cells safely;
:mod:`.limits` the limits an untrusted workbook is read under. The importer's pieces:
:mod:`.archive` opens an untrusted workbook, :mod:`.reader` and :mod:`.sheets` read its
sheets, :mod:`.cellvalues` its cells, :mod:`.placing` places problems in cells and
:mod:`.problems` words them. Nothing in this package imports openpyxl at import time
(:func:`.archive.open_workbook` imports it when a workbook is opened), so
``import cfbu_toolkit`` stays fast.
"""

from __future__ import annotations

from .limits import ReadLimits

__all__ = ["ReadLimits"]
