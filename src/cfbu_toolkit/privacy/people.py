"""Who a plan knows: the people whose names, e-mails and phones free text is cleaned of.

A plan knows its contact persons. A part (a mapping, an agreement, ...) holds only ids of
people, so it is cleaned of the people of the plan passed with it; without one, of the
contact persons it holds itself (none, for the parts there are today), and of every
e-mail address, phone number and CPR number whoever it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs

from ..model import ContactPerson, Organisation
from ..model._fields import field_infos

__all__ = ["organisation_numbers", "people_in"]


def _objects(obj: Any) -> Iterator[Any]:
    """Every model object in ``obj``, ``obj`` included (depth first)."""
    stack = [obj]
    while stack:
        item = stack.pop()
        if type(item) is tuple:
            stack.extend(reversed(item))
        elif attrs.has(type(item)):
            yield item
            stack.extend(
                getattr(item, info.name)
                for info in reversed(field_infos(type(item)))  # type: ignore[arg-type]
                if info.nested
            )


def people_in(*objects: Any) -> tuple[ContactPerson, ...]:
    """Every contact person held anywhere in ``objects``, each id once, in order."""
    found: dict[str, ContactPerson] = {}
    for obj in objects:
        for item in _objects(obj):
            if type(item) is ContactPerson:
                found.setdefault(item.id, item)
    return tuple(found.values())


_CVR = re.compile(r"(?:DK)?[ \u00a0-]?(\d{2}[ \u00a0]?\d{2}[ \u00a0]?\d{2}[ \u00a0]?\d{2})")


def organisation_numbers(*objects: Any) -> frozenset[str]:
    """The CVR numbers (eight digits) of the organisations in ``objects``.

    A CVR number looks like a phone number; these are kept where they stand in free text
    unless they are the phone number of someone the plan knows.
    """
    found = set()
    for obj in objects:
        for item in _objects(obj):
            if type(item) is Organisation:
                match = _CVR.fullmatch(item.cvr.strip())
                if match:
                    found.add("".join(c for c in match.group(1) if c.isdigit()))
    return frozenset(found)
