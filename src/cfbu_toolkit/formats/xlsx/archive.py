"""Opening an untrusted workbook, checked before anything is unpacked.

The file size, the number of parts and their declared unpacked size are checked first (a
zip bomb is refused at once), as is each part on its own (shared strings and styles are read
whole, before any row); a workbook with macros gives a warning (they are never read).

Then the start of every XML part is read up to its first element: a document type
declaration (``<!DOCTYPE``, which is where entities are declared) is refused. The parts of
an OOXML package never carry one (ECMA-376 Part 2, §8.1.4), so this refuses every entity
expansion and external-entity attack before any parser sees the part, at a fraction of what
parsing everything through defusedxml costs; Python's expat bounds entity amplification and
fetches nothing external besides. The workbook is then opened read-only, values only (never
macros, links or formulas). openpyxl is imported only when a workbook is opened.
"""

from __future__ import annotations

import io
import os
import warnings
import zipfile
from typing import IO, Any

from ...errors import DocumentError, Problem
from ...locale import N_
from ...model import Lang
from .limits import ReadLimits
from .problems import WorkbookWarning, describe, fail, say

__all__ = ["bounded", "check_archive", "check_prologs", "open_workbook"]

#: Parts openpyxl reads whole before any row, with their own limits (see ReadLimits).
_WHOLE_PARTS = {
    "xl/sharedstrings.xml": "max_shared_strings_bytes",
    "xl/styles.xml": "max_styles_bytes",
}
_XML_SUFFIXES = (".xml", ".rels", ".vml")
#: What reading a damaged or unusual archive raises (zlib's error is caught as BadZipFile
#: by zipfile; encrypted or exotic compression raises RuntimeError/NotImplementedError).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    EOFError,
    ValueError,
    RuntimeError,
    NotImplementedError,
)


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
    """Refuse what is not a zip or would inflate past ``limits``, before any parser reads it."""
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
    for info in infos:
        name = info.filename.lower()
        limit_name = _WHOLE_PARTS.get(name)
        if limit_name is None and name.startswith("xl/worksheets/"):
            limit_name = "max_sheet_bytes"
        limit = getattr(limits, limit_name) if limit_name else None
        if limit is not None and info.file_size > limit:
            raise _refused(
                N_("the part {part} holds {size} bytes unpacked; the limit is {limit}"),
                source,
                part=info.filename,
                size=info.file_size,
                limit=limit,
            )
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        warnings.warn(say(lang, "macros"), WorkbookWarning, stacklevel=4)
    check_prologs(stream, source)
    check_row_counts(stream, limits, source)


def _count_rows(part: IO[bytes]) -> int:
    """How many ``<row>`` elements a sheet part holds, counted in its bytes (no parsing)."""
    count, tail = 0, b""
    while True:
        chunk = part.read(1 << 20)
        if not chunk:
            return count
        data = tail + chunk
        count += data.count(b"<row ") + data.count(b"<row>")
        # A tag split across chunks is counted in the next round, never twice.
        tail = data[-5:]
        count -= tail.count(b"<row ") + tail.count(b"<row>")


def check_row_counts(stream: IO[bytes], limits: ReadLimits, source: str | None) -> None:
    """Refuse a sheet with more rows than ``max_rows`` before any of it is parsed.

    Counting the row tags in the raw bytes takes a fraction of a second even for a sheet
    of a million rows, where parsing them (empty or not) would take minutes.
    """
    start = stream.tell()
    too_many = None
    try:
        with zipfile.ZipFile(stream) as archive:
            for info in archive.infolist():
                if info.filename.lower().startswith("xl/worksheets/sheet"):
                    with archive.open(info) as part:
                        rows = _count_rows(part)
                    if rows > limits.max_rows:
                        too_many = (info.filename, rows)
                        break
    except _ZIP_ERRORS:
        raise fail(say("da", "not_zip"), source) from None
    finally:
        stream.seek(start)
    if too_many is not None:
        raise _refused(
            N_("the part {part} has {rows} rows; the limit is {limit} (max_rows=)"),
            source,
            part=too_many[0],
            rows=too_many[1],
            limit=limits.max_rows,
        )


def _refused(message: str, source: str | None, **params: object) -> DocumentError:
    return DocumentError([Problem(where=source or "workbook", message=message, params=params)])


_CHUNK = 4096


class _Text:
    """An XML part read as text in chunks, with its encoding taken from its byte-order mark."""

    def __init__(self, part: IO[bytes]) -> None:
        import codecs

        self.part = part
        head = part.read(4)
        encoding = "utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8"
        self.decoder = codecs.getincrementaldecoder(encoding)("replace")
        self.first = self.decoder.decode(head).lstrip("\ufeff")

    def more(self) -> str:
        return self.decoder.decode(self.part.read(_CHUNK))


def _prolog_has_doctype(part: IO[bytes]) -> bool:
    """Whether the XML in ``part`` declares a document type before its first element.

    Reads only the prolog: the XML declaration, comments, processing instructions and
    white space, in chunks (a long comment cannot hide a declaration behind it).
    """
    reader = _Text(part)
    text = reader.first
    while True:
        text = text.lstrip()
        while len(text) < 9:
            more = reader.more()
            if not more:
                return text.upper().startswith("<!DOCTYPE")
            text = (text + more).lstrip()
        if not text.startswith(("<?", "<!--")):
            # The first element, or a declaration (in a prolog, only <!DOCTYPE can be one).
            return text.startswith("<!")
        end = "?>" if text.startswith("<?") else "-->"
        position = text.find(end, 2)
        while position < 0:
            more = reader.more()
            if not more:
                return False
            text = text[-len(end) :] + more
            position = text.find(end)
        text = text[position + len(end) :]


def check_prologs(stream: IO[bytes], source: str | None) -> None:
    """Refuse a workbook any of whose XML parts declares a document type (entities)."""
    start = stream.tell()
    declared = None
    try:
        with zipfile.ZipFile(stream) as archive:
            for info in archive.infolist():
                if info.filename.lower().endswith(_XML_SUFFIXES):
                    with archive.open(info) as part:
                        if _prolog_has_doctype(part):
                            declared = info.filename
                            break
    except _ZIP_ERRORS:
        raise fail(say("da", "not_zip"), source) from None
    finally:
        stream.seek(start)
    if declared is not None:
        raise _refused(
            N_(
                "the part {part} declares a document type (<!DOCTYPE>), which a workbook "
                "never holds; refused unread"
            ),
            source,
            part=declared,
        )


def open_workbook(stream: IO[bytes], lang: Lang, source: str | None) -> Any:
    """Open the workbook read-only, turning openpyxl's failures into a problem naming the file."""
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(
                stream, read_only=True, data_only=True, keep_links=False, keep_vba=False
            )
    except Exception as exc:
        raise fail(say(lang, "damaged", error=describe(exc)), source) from None
