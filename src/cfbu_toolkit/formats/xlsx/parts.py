"""Where each sheet of a workbook lives in its zip archive.

A sheet's title is in ``xl/workbook.xml``; the part holding its cells is named by a
relationship in ``xl/_rels/workbook.xml.rels``. Both the formula finder (reading) and the
ID write-back (editing a person's workbook in place) go from a title to its part.
"""

from __future__ import annotations

import posixpath
import zipfile
from xml.etree.ElementTree import iterparse

__all__ = ["MAIN", "sheet_parts"]

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def sheet_parts(archive: zipfile.ZipFile) -> list[tuple[str, str | None]]:
    """Each sheet's title and the name of its part (``None`` when no relationship names
    one); empty when the archive has no workbook part."""
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return []
    targets = {}
    with archive.open("xl/_rels/workbook.xml.rels") as rels:
        for _, elem in iterparse(rels):
            if elem.tag == f"{_PKG_REL}Relationship":
                target = elem.get("Target", "")
                path = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join("xl", target))
                )
                targets[elem.get("Id")] = path
    sheets = []
    with archive.open("xl/workbook.xml") as book:
        for _, elem in iterparse(book):
            if elem.tag == f"{MAIN}sheet":
                sheets.append((elem.get("name", ""), targets.get(elem.get(f"{_REL}id"))))
    return sheets
