"""The Excel workbook format shared by the xlsx exporter and importer.

:mod:`.layout` says which sheets and columns a plan (or a part of one) becomes, in Danish
and English; :mod:`.cells` how text, dates and numbers are carried in cells safely;
:mod:`.limits` the limits an untrusted workbook is read under. Nothing in this package
imports openpyxl, so ``import cfbu_toolkit`` stays fast.
"""

from __future__ import annotations

from .limits import ReadLimits

__all__ = ["ReadLimits"]
