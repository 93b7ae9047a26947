"""Opening an untrusted workbook, checked before anything is unpacked.

The file size, the number of parts and their declared unpacked size are checked first (a
zip bomb is refused at once); a workbook with macros gives a warning (they are never read).
The workbook is then opened read-only through defusedxml, values only (never macros, links
or formulas). openpyxl is imported only when a workbook is opened.
"""

from __future__ import annotations

import io
import os
import warnings
import zipfile
from typing import IO, Any

from ...errors import CfbuError
from ...model import Lang
from .limits import ReadLimits
from .problems import WorkbookWarning, describe, fail, say

__all__ = ["bounded", "check_archive", "open_workbook"]


def bounded(stream: IO[bytes], limits: ReadLimits, lang: Lang, source: str | None) -> IO[bytes]:
    """A seekable stream of at most ``max_file_bytes`` (read into memory if needed)."""
    try:
        seekable = stream.seekable()
    except (AttributeError, OSError, ValueError):
        seekable = False
    if seekable:
        start = stream.tell()
        size = stream.seek(0, os.SEEK_END) - start
        stream.seek(start)
        if size > limits.max_file_bytes:
            raise fail(say(lang, "file_too_big", n=size, limit=limits.max_file_bytes), source)
        return stream
    data = stream.read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        raise fail(say(lang, "file_too_big", n=len(data), limit=limits.max_file_bytes), source)
    return io.BytesIO(data)


def check_archive(stream: IO[bytes], limits: ReadLimits, lang: Lang, source: str | None) -> None:
    start = stream.tell()
    try:
        with zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise fail(say(lang, "not_zip"), source) from None
    finally:
        stream.seek(start)
    if len(infos) > limits.max_parts:
        raise fail(say(lang, "too_many_parts", n=len(infos), limit=limits.max_parts), source)
    total = sum(info.file_size for info in infos)
    if total > limits.max_uncompressed_bytes:
        raise fail(
            say(lang, "too_big_unpacked", n=total, limit=limits.max_uncompressed_bytes), source
        )
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise fail(say(lang, "not_workbook"), source)
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        warnings.warn(say(lang, "macros"), WorkbookWarning, stacklevel=4)


def open_workbook(stream: IO[bytes], lang: Lang, source: str | None) -> Any:
    import openpyxl

    if not openpyxl.DEFUSEDXML:
        raise CfbuError(
            "reading workbooks safely needs defusedxml: pip install defusedxml "
            "(and do not set OPENPYXL_DEFUSEDXML=False)"
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(
                stream, read_only=True, data_only=True, keep_links=False, keep_vba=False
            )
    except Exception as exc:
        raise fail(say(lang, "damaged", error=describe(exc)), source) from None
