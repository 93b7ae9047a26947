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
    "MAX_PROBLEMS",
    "CfbuError",
    "DocumentError",
    "DuplicatePlanError",
    "FormatError",
    "ModelError",
    "NotAPlanError",
    "PluginError",
    "Problem",
    "ProblemList",
    "Text",
    "WorkbookWarning",
]

MAX_PROBLEMS = 1000
"""At most this many problems are listed for one document or one check; the rest are
counted (:attr:`ProblemList.more`), so a file whose every item is wrong costs no more memory
than a file with a thousand mistakes."""


def _params(value: Mapping[str, Any]) -> dict[str, Any]:
    return dict(value)


class Text:
    """A message id with parameters, translated when it is shown: a word inside a message.

    ``ModelError(N_("expected {what}, got {got}"), what=Text(N_("a date")), got=...)``
    shows "expected a date" in English and "forventede en dato" in Danish, in whatever
    language is current when the error is shown.
    """

    __slots__ = ("message", "params")

    def __init__(self, message: str, /, **params: Any) -> None:
        self.message = message
        self.params = params

    def __str__(self) -> str:
        return translate(self.message, None, **self.params)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"Text({self.message!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Text):
            return NotImplemented
        return (self.message, self.params) == (other.message, other.params)

    def __hash__(self) -> int:
        return hash(self.message)


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


class ProblemList(list[Problem]):
    """Problems found by one check, at most ``limit`` of them kept.

    :meth:`add` keeps a problem while there is room and otherwise only counts it in
    :attr:`more`. :attr:`stopped` says the check stopped looking once the list was full, so
    there may be more problems than are counted.
    """

    def __init__(self, problems: Iterable[Problem] = (), *, limit: int = MAX_PROBLEMS) -> None:
        super().__init__()
        self.limit = limit
        self.more = 0
        self.stopped = False
        for problem in problems:
            self.add(problem)

    @property
    def full(self) -> bool:
        """Whether the list holds ``limit`` problems (further ones are only counted)."""
        return len(self) >= self.limit

    def add(self, problem: Problem) -> None:
        """Keep ``problem``, or only count it when the list is full."""
        if len(self) < self.limit:
            self.append(problem)
        else:
            self.more += 1

    def merge(self, other: Iterable[Problem]) -> None:
        """Add every problem of ``other``, with its uncounted rest and whether it stopped."""
        for problem in other:
            self.add(problem)
        self.more += getattr(other, "more", 0)
        self.stopped = self.stopped or getattr(other, "stopped", False)


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

    ``problems`` lists the problems found, each with its place, not only the first: at
    most ``MAX_PROBLEMS`` of them. ``more`` counts further problems that are not listed;
    ``stopped`` says reading stopped at the limit, so there may be more still.
    """

    def __init__(
        self,
        problems: Iterable[Problem],
        *,
        source: str | None = None,
        more: int | None = None,
        stopped: bool | None = None,
    ) -> None:
        kept = ProblemList(problems)
        self.problems: tuple[Problem, ...] = tuple(kept)
        self.more: int = kept.more + (getattr(problems, "more", 0) if more is None else more)
        self.stopped: bool = (
            bool(getattr(problems, "stopped", False)) if stopped is None else stopped
        )
        self.source = source
        super().__init__(N_("{count} problems"), count=len(self.problems))

    def __str__(self) -> str:
        head = f"{self.source}: " if self.source else ""
        count = len(self.problems)
        if count == 1 and not self.more and not self.stopped:
            return f"{head}{self.problems[0]}"
        lines = "\n".join(f"  {p}" for p in self.problems)
        title = ngettext("{count} problem:", "{count} problems:", count, count=count)
        tail = ""
        if self.more:
            tail += "\n  " + ngettext(
                "... and {more} more problem, not listed",
                "... and {more} more problems, not listed",
                self.more,
                more=self.more,
            )
        if self.stopped:
            tail += "\n  " + translate(
                N_("... reading stopped after {count} problems; there may be more"),
                None,
                count=count + self.more,
            )
        return f"{head}{title}\n{lines}{tail}"


class FormatError(CfbuError, ValueError):
    """A format is unknown, or cannot take the kind of object it was given."""


class PluginError(CfbuError):
    """A plugin failed; the message names the plugin and what it was doing."""

    def __init__(self, message: str, /, *, plugin: str | None = None, **params: Any) -> None:
        self.plugin = plugin
        super().__init__(message, plugin=plugin, **params)


class NotAPlanError(CfbuError, ValueError):
    """A file given to a portfolio holds no plan: another kind of document, or one that
    cannot be read. ``path`` names the file, ``reason`` says why."""

    def __init__(self, message: str, /, *, path: str, **params: Any) -> None:
        self.path = path
        super().__init__(message, path=path, **params)


class DuplicatePlanError(CfbuError, ValueError):
    """Two different plans with the same id were given to a portfolio; their rows would not
    join apart. ``paths`` names the files (or item numbers) that hold them."""

    def __init__(self, message: str, /, *, plan_id: str, first: str, second: str) -> None:
        self.plan_id = plan_id
        self.paths = (first, second)
        super().__init__(message, plan_id=plan_id, first=first, second=second)


class WorkbookWarning(UserWarning):
    """Something in a workbook was left out but did not stop it from loading.

    Filter it with :mod:`warnings` (``warnings.simplefilter("error", WorkbookWarning)`` makes
    every such omission an error).
    """
