"""The exception hierarchy.

Every error the library raises on purpose derives from :class:`CfbuError`, so a caller
can catch the library's failures without catching a dependency's by accident.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .locale import N_, ngettext, translate

__all__ = [
    "CfbuError",
    "DocumentError",
    "FormatError",
    "ModelError",
    "PluginError",
    "Problem",
]


def _params(value: Mapping[str, Any]) -> dict[str, Any]:
    return dict(value)


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with a document or a plan, and where it is.

    ``where`` is a JSON path such as ``$.mappings[0].entries[3].interest`` or a cell such
    as ``Kortlægning!D7``.
    """

    where: str
    message: str
    """The message in English with ``{placeholders}``: the catalogue's message id."""
    params: Mapping[str, Any] = attrs.field(factory=dict, converter=_params, hash=False)
    """The values of the placeholders."""

    @property
    def text(self) -> str:
        """The message in the current language, placeholders filled in."""
        return translate(self.message, None, **self.params)

    def __str__(self) -> str:
        return f"{self.where}: {self.text}"


class CfbuError(Exception):
    """Base class of every error cfbu_toolkit raises on purpose.

    Raised with a message id and its parameters (``CfbuError(N_("{path}: cannot read"),
    path=p)``); ``str(error)`` is the message in the current language.
    """

    def __init__(self, message: str = "", /, **params: Any) -> None:
        self.message = message
        self.params = params
        super().__init__(message)

    def __str__(self) -> str:
        return translate(self.message, None, **self.params)


class ModelError(CfbuError, ValueError):
    """A model object was built with a value it cannot hold (raised by constructors)."""

    def __init__(self, message: str, /, *, field: str | None = None, **params: Any) -> None:
        self.field = field
        super().__init__(message, **params)

    def __str__(self) -> str:
        text = super().__str__()
        return f"{self.field}: {text}" if self.field else text


class DocumentError(CfbuError, ValueError):
    """A document (JSON, a workbook, ...) could not be read into the model.

    ``problems`` lists every problem found, each with its place, not only the first.
    """

    def __init__(self, problems: Iterable[Problem], *, source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(N_("{count} problems"), count=len(self.problems))

    def __str__(self) -> str:
        head = f"{self.source}: " if self.source else ""
        count = len(self.problems)
        if count == 1:
            return f"{head}{self.problems[0]}"
        lines = "\n".join(f"  {p}" for p in self.problems)
        title = ngettext("{count} problem:", "{count} problems:", count, count=count)
        return f"{head}{title}\n{lines}"


class FormatError(CfbuError, ValueError):
    """A format is unknown, or cannot take the kind of object it was given."""


class PluginError(CfbuError):
    """A plugin failed; the message names the plugin and what it was doing."""

    def __init__(self, message: str, /, *, plugin: str | None = None, **params: Any) -> None:
        self.plugin = plugin
        super().__init__(message, plugin=plugin, **params)
