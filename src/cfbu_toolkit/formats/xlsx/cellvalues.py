"""Cell values the way people type them: dates, times, whole numbers, yes/no, labels, IDs.

Each parser takes what a cell holds (text, a number, a real date) and gives the model's
value, or raises :class:`CellError` with a message for the cell.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from ...errors import ModelError
from ...model import FocusArea, Lang
from ...model.enums import LabelledEnum
from ...workbook import decode_text
from .layout import YES_NO, Column
from .problems import say

__all__ = ["CellError", "as_key", "parser_for", "text_of", "to_int"]


class CellError(Exception):
    """A cell that cannot be read; ``message`` says why, in the reader's language."""

    def __init__(self, message: str) -> None:
        self.message = message


def text_of(raw: Any) -> str:
    """A cell as text (empty for an empty cell)."""
    if raw is None:
        return ""
    if isinstance(raw, str):
        return decode_text(raw)
    return _number_text(raw)


def parser_for(column: Column, lang: Lang, custom_keys: set[str]) -> Callable[[Any], Any]:
    """How to read a cell of ``column``; ``custom_keys`` are the plan's own focus areas."""
    kind = column.kind
    if kind in ("text", "opt_text"):
        return lambda raw: decode_text(raw) if raw.__class__ is str else _number_text(raw)
    if kind in ("id", "ref", "parent"):
        return as_key
    if kind == "refs":
        return lambda raw: tuple(_split_ids(raw))
    if kind in ("enum", "enums"):
        enum = column.enum
        if enum is None:  # pragma: no cover - the layout names one
            raise TypeError(f"column {column.attr} has no enumeration")
        if kind == "enum":
            return lambda raw: _enum(enum, raw, lang)
        return lambda raw: tuple(_enum(enum, part, lang) for part in _split(raw))
    if kind == "focus":
        return lambda raw: _focus(raw, custom_keys)
    if kind == "focus_list":
        return lambda raw: tuple(_focus(p, custom_keys) for p in _split(raw))
    if kind == "date":
        return lambda raw: _date(raw, lang)
    if kind == "time":
        return lambda raw: _time(raw, lang)
    if kind in ("int", "nr"):
        return lambda raw: to_int(raw, lang)
    if kind == "bool":
        return lambda raw: _bool(raw, lang)
    return lambda raw: raw  # pragma: no cover


def _number_text(raw: Any) -> str:
    if isinstance(raw, bool):
        return "Ja" if raw else "Nej"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat()
    if isinstance(raw, dt.date | dt.time):
        return raw.isoformat()
    return str(raw)


def as_key(raw: Any) -> str:
    """A cell read as a lookup key (numbers typed as ids become their text)."""
    if isinstance(raw, str):
        return raw.strip()
    return _number_text(raw)


_SPLIT_IDS = re.compile(r"[,;\s]+")
_SPLIT = re.compile(r"[,;\n]")


def _split_ids(raw: Any) -> list[str]:
    return [p for p in _SPLIT_IDS.split(as_key(raw)) if p]


def _split(raw: Any) -> list[str]:
    return [p.strip() for p in _SPLIT.split(as_key(raw)) if p.strip()]


def _enum(enum: type[LabelledEnum], raw: Any, lang: Lang) -> Any:
    text = raw if isinstance(raw, str) else _number_text(raw)
    try:
        return enum.from_label(text)
    except ModelError:
        allowed = ", ".join(m.label(lang) for m in enum)
        raise CellError(say(lang, "not_one_of", value=text.strip(), allowed=allowed)) from None


def _focus(raw: Any, custom: set[str]) -> str:
    text = as_key(raw)
    if text in custom:
        return text
    try:
        return FocusArea.from_label(text).value
    except ModelError:
        return text


_DMY = re.compile(r"(\d{1,2})[-./](\d{1,2})[-./](\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _date(raw: Any, lang: Lang) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        text = raw.strip()
        match = _DMY.fullmatch(text)
        try:
            if match:
                return dt.date(int(match[3]), int(match[2]), int(match[1]))
            match = _YMD.fullmatch(text)
            if match:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    raise CellError(say(lang, "not_date", value=_shown(raw)))


def _time(raw: Any, lang: Lang) -> dt.time:
    if isinstance(raw, dt.time):
        return raw
    if isinstance(raw, dt.datetime):
        return raw.time()
    if isinstance(raw, str):
        text = raw.strip().replace(".", ":")
        try:
            return dt.time.fromisoformat(text if len(text) != 4 else f"0{text}")
        except ValueError:
            pass
    raise CellError(say(lang, "not_time", value=_shown(raw)))


#: More digits than any number of the model can have (amounts stay under 10**15).
_MAX_DIGITS = 30
_THOUSANDS = re.compile(r"-?\d{1,3}(\.\d{3})+")


def to_int(raw: Any, lang: Lang) -> int:
    """A cell read as a whole number; ``3.0`` counts, ``3.5`` and booleans do not."""
    if isinstance(raw, bool):
        raise CellError(say(lang, "not_int", value=_shown(raw)))
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str):
        text = raw.strip().replace(" ", "").replace("\u00a0", "")
        if _THOUSANDS.fullmatch(text):
            text = text.replace(".", "")
        if re.fullmatch(r"-?\d+", text):
            if len(text) > _MAX_DIGITS:  # int() itself refuses past 4,300 digits
                raise CellError(say(lang, "too_many_digits", n=len(text.lstrip("-"))))
            return int(text)
    raise CellError(say(lang, "not_int", value=_shown(raw)))


_TRUE = {"ja", "j", "yes", "y", "true", "sand", "x", "1"}
_FALSE = {"nej", "n", "no", "false", "falsk", "0", "-"}


def _bool(raw: Any, lang: Lang) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str):
        key = raw.strip().casefold()
        if key in _TRUE:
            return True
        if key in _FALSE:
            return False
    yes, no = YES_NO[lang]
    raise CellError(say(lang, "not_bool", value=_shown(raw), yes=yes, no=no))


def _shown(raw: Any) -> str:
    text = raw if isinstance(raw, str) else _number_text(raw)
    return text if len(text) <= 40 else text[:37] + "..."
