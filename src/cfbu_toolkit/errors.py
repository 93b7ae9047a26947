"""The exception hierarchy.

Every error the library raises on purpose derives from :class:`CfbuError`, so a caller
can catch the library's failures without catching a dependency's by accident.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "CfbuError",
    "DocumentError",
    "FormatError",
    "ModelError",
    "PluginError",
    "Problem",
]


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with a document or a plan, and where it is.

    ``where`` is a JSON path such as ``$.mappings[0].entries[3].interest`` or a cell such
    as ``Kortlægning!D7``.
    """

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class CfbuError(Exception):
    """Base class of every error cfbu_toolkit raises on purpose."""


class ModelError(CfbuError, ValueError):
    """A model object was built with a value it cannot hold (raised by constructors)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}" if field else message)


class DocumentError(CfbuError, ValueError):
    """A document (JSON, a workbook, ...) could not be read into the model.

    ``problems`` lists every problem found, each with its place, not only the first.
    """

    def __init__(self, problems: Iterable[Problem], *, source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        head = f"{source}: " if source else ""
        count = len(self.problems)
        if count == 1:
            text = f"{head}{self.problems[0]}"
        else:
            lines = "\n".join(f"  {p}" for p in self.problems)
            text = f"{head}{count} problems:\n{lines}"
        super().__init__(text)


class FormatError(CfbuError, ValueError):
    """A format is unknown, or cannot take the kind of object it was given."""


class PluginError(CfbuError):
    """A plugin failed; the message names the plugin and what it was doing."""

    def __init__(self, message: str, *, plugin: str | None = None) -> None:
        self.plugin = plugin
        super().__init__(message)
