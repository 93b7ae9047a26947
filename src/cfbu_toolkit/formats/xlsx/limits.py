"""Limits an untrusted workbook is read under, checked before anything is unpacked.

Pass any of them to :func:`cfbu_toolkit.load` as options, for example
``cfbu.load("skema.xlsx", max_rows=200_000)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ...errors import FormatError

__all__ = ["DEFAULT_MAX_ROWS", "ReadLimits"]

#: Rows per sheet by default: far more than a plan's registrations (a mapping of 100,000
#: organisations fits twice), far fewer than Excel's 1,048,576, which an empty sheet can
#: claim cheaply and which would take minutes to parse. Pass ``max_rows=`` for more.
DEFAULT_MAX_ROWS = 250_000


def _positive(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise FormatError(f"{attribute.name} must be a whole number of 1 or more, got {value!r}")


@attrs.frozen(kw_only=True)
class ReadLimits:
    """How much a workbook may hold before it is refused unread.

    ``max_file_bytes``: the size of the file itself. ``max_uncompressed_bytes``: the sum of
    the sizes its parts declare once unpacked (a zip bomb declares a huge one, or lies and
    then fails its checksum). ``max_parts``: entries in the archive.
    ``max_shared_strings_bytes``, ``max_styles_bytes`` and ``max_sheet_bytes``: one part's
    unpacked size (the shared strings and the styles are read whole before any row, so a
    small file declaring a huge one would otherwise cost minutes). ``max_rows`` and
    ``max_columns``: per sheet, checked against the declared dimension and the row tags
    counted in the sheet's bytes before parsing, and again while reading, since a
    declaration can lie.
    """

    max_file_bytes: int = attrs.field(default=200 * 2**20, validator=_positive)
    max_uncompressed_bytes: int = attrs.field(default=1024 * 2**20, validator=_positive)
    max_parts: int = attrs.field(default=1_000, validator=_positive)
    max_shared_strings_bytes: int = attrs.field(default=64 * 2**20, validator=_positive)
    max_styles_bytes: int = attrs.field(default=16 * 2**20, validator=_positive)
    max_sheet_bytes: int = attrs.field(default=512 * 2**20, validator=_positive)
    max_rows: int = attrs.field(default=DEFAULT_MAX_ROWS, validator=_positive)
    max_columns: int = attrs.field(default=200, validator=_positive)

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> ReadLimits:
        """The limits named in ``options`` (unknown option names are an error)."""
        names = {f.name for f in attrs.fields(cls)}
        given = {k: v for k, v in options.items() if k in names}
        unknown = sorted(set(options) - names - {"limits"})
        if unknown:
            raise FormatError(
                f"unknown option(s) for reading a workbook: {', '.join(unknown)}; "
                f"expected some of {', '.join(sorted(names))}"
            )
        base = options.get("limits")
        if base is not None and not isinstance(base, ReadLimits):
            raise FormatError(f"limits= must be a ReadLimits, got {type(base).__name__}")
        return attrs.evolve(base or cls(), **given)
