"""How many hypothesis examples a property takes, relative to the loaded profile.

A test states its share of the profile's ``max_examples`` (``fast`` 20, ``ci`` 50,
``thorough`` 200, see ``conftest.py``) instead of a fixed count, so a quick local run stays
quick and a thorough run tries more. Shares are written against ``ci`` (50): ``0.5`` is 25
examples there, as many as the fixed counts they replace.
"""

from __future__ import annotations

from hypothesis import settings


def examples(share: float, *, floor: int = 1) -> int:
    """``share`` of the loaded profile's ``max_examples``, at least ``floor``."""
    return max(floor, round(settings().max_examples * share))
