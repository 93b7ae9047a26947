"""Schema versions of the JSON document and the explicit steps between them.

A document of an older version is upgraded one version at a time, each step a small,
tested function on the plain JSON data; a newer version than this library knows is refused
with an error that says to upgrade.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from ..errors import Problem
from ..locale import N_
from ..model._base import freeze

__all__ = ["CURRENT_SCHEMA_VERSION", "MIGRATIONS", "Migration", "Migrations"]

CURRENT_SCHEMA_VERSION = 1

Document = dict[str, Any]


@attrs.frozen(kw_only=True)
class Migration:
    """One step: turns a document of ``from_version`` into one of ``from_version + 1``."""

    from_version: int
    description: str
    upgrade: Callable[[Document], Document]


@attrs.frozen
class Migrations:
    """The steps from every supported older version up to ``current``."""

    current: int
    steps: tuple[Migration, ...] = attrs.field(default=(), converter=freeze)

    @property
    def oldest(self) -> int:
        """The oldest version that can still be read."""
        return min((s.from_version for s in self.steps), default=self.current)

    def upgrade(self, document: Document, version: int) -> Document | Problem:
        """``document`` brought to the current version, or the problem that prevents it."""
        if version > self.current:
            return Problem(
                where="$.schema_version",
                message=N_(
                    "version {version} is newer than this cfbu-toolkit reads (up to {current}); "
                    "upgrade cfbu-toolkit"
                ),
                params={"version": version, "current": self.current},
            )
        by_version = {step.from_version: step for step in self.steps}
        while version < self.current:
            step = by_version.get(version)
            if step is None:
                return Problem(
                    where="$.schema_version",
                    message=N_(
                        "version {version} is no longer supported "
                        "(this cfbu-toolkit reads {oldest} to {current})"
                    ),
                    params={"version": version, "oldest": self.oldest, "current": self.current},
                )
            document = step.upgrade(document)
            version += 1
        return document

    def with_steps(self, steps: Iterable[Migration], current: int) -> Migrations:
        """A copy with more steps and a newer current version (for tests and plugins)."""
        return Migrations(current, (*self.steps, *steps))


MIGRATIONS = Migrations(CURRENT_SCHEMA_VERSION)
"""The library's migrations. Version 1 is the first, so there are no steps yet."""
