"""Placing a problem found in a whole object on the cell it came from.

The reader notes where each object was read (:class:`Place`); a problem at a model path
such as ``$.organisations[2].name`` is then named by its sheet and cell.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

__all__ = ["Place", "cell_of", "path_index"]


@attrs.define
class Place:
    """Where an object was read: its sheet, row and column letters."""

    sheet: str
    row: int
    letters: dict[str, str]  # attribute -> column letter; "" for a record sheet's rows


def path_index(obj: Any, places: dict[int, Place]) -> dict[str, Place]:
    """Each object's JSON path mapped to where it was read, so problems can name a cell."""
    from ...validation import spell_path, walk_objects

    index: dict[str, Place] = {}
    for item, path in walk_objects(obj, "$"):
        place = places.get(id(item))
        if place is not None:
            index[spell_path(path)] = place
    return index


_TAIL = re.compile(r"\[\d+\]$")


def cell_of(path: str, index: dict[str, Place]) -> str:
    """The cell (``Sheet!D7``) a problem's path points at, or the nearest row it knows."""
    attr = ""
    current = path
    while current and current not in index:
        head, _, tail = current.rpartition(".")
        if not head:
            return path
        attr = f"{_TAIL.sub('', tail)}.{attr}" if attr else _TAIL.sub("", tail)
        current = head
    place = index.get(current)
    if place is None:
        return path
    if not place.letters:
        return place.sheet
    field = attr.split(".", 1)[0] if attr else "id"
    if field == "assessments":
        field = "current." + attr.split(".", 1)[-1] if "." in attr else "id"
    letter = place.letters.get(field) or place.letters.get(attr) or place.letters.get("id", "A")
    return f"{place.sheet}!{letter}{place.row}"
