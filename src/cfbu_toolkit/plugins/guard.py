"""Running a plugin's code: ``sys.exit`` and a stray ``KeyboardInterrupt`` stop the plugin,
not the program; a person's Ctrl-C still stops the program.

A plugin's hook, exporter or importer that raises :class:`SystemExit` (``sys.exit()``,
``exit()``) or :class:`KeyboardInterrupt` is stopped with a
:class:`~cfbu_toolkit.PluginError` naming it, like any other exception from it; the other
plugins keep working. Ctrl-C is told apart from a plugin raising ``KeyboardInterrupt`` by
the signal itself: while plugin code runs in the main thread, a SIGINT handler counts the
interrupts that really arrive (and then does what the handler before it did, which by
default raises ``KeyboardInterrupt``). A ``KeyboardInterrupt`` that follows a counted
signal is the person's and passes through unchanged; one without a signal was raised by
code and is the plugin's. Outside the main thread no signal can arrive, so any
``KeyboardInterrupt`` there is the plugin's. While the library's own code runs, nothing is
caught at all.

An exception that the caller's own callback raised inside a plugin's call (a ``progress``
callback that raises to cancel an export) is marked with :func:`mark_callers` and passes
through unchanged.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from types import FrameType
from typing import Any

from ..errors import PluginError
from ..locale import N_

__all__ = ["from_caller", "guarded", "mark_callers"]

_CALLER = "_cfbu_from_caller"


class _Signals:
    """How many SIGINTs have arrived while plugin code was running."""

    count = 0


def _watch_sigint() -> Callable[[], None]:
    """Count SIGINTs until the returned function is called (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    try:
        previous = signal.getsignal(signal.SIGINT)
    except (ValueError, OSError):  # pragma: no cover - no signals on this platform
        return lambda: None

    def handler(signum: int, frame: FrameType | None) -> Any:
        _Signals.count += 1
        if callable(previous):
            return previous(signum, frame)
        if previous == signal.SIG_DFL:  # pragma: no cover - not Python's default
            signal.default_int_handler(signum, frame)
        return None  # SIG_IGN: the program ignores Ctrl-C; so do we

    try:
        signal.signal(signal.SIGINT, handler)
    except (ValueError, OSError):  # pragma: no cover - e.g. an embedded interpreter
        return lambda: None

    def restore() -> None:
        if signal.getsignal(signal.SIGINT) is handler:
            signal.signal(signal.SIGINT, previous)

    return restore


def mark_callers(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` (the caller's callback) with every exception it raises marked as the
    caller's, so :func:`guarded` lets it through unchanged."""

    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except BaseException as exc:
            with suppress(AttributeError):  # an exception without a __dict__ stays unmarked
                setattr(exc, _CALLER, True)
            raise

    return call


def from_caller(exc: BaseException) -> bool:
    """Whether ``exc`` was raised by a callback of the caller (see :func:`mark_callers`)."""
    return bool(getattr(exc, _CALLER, False))


@contextmanager
def guarded(plugin: str, distribution: str, what: str) -> Iterator[None]:
    """Run plugin code: ``SystemExit`` and a ``KeyboardInterrupt`` not from Ctrl-C become a
    :class:`~cfbu_toolkit.PluginError` naming ``plugin`` and ``what`` it was doing."""
    before = _Signals.count
    restore = _watch_sigint()
    try:
        yield
    except (SystemExit, KeyboardInterrupt) as exc:
        if from_caller(exc) or (isinstance(exc, KeyboardInterrupt) and _Signals.count != before):
            raise
        raise PluginError(
            N_("plugin {name!r} ({distribution}) tried to end the program in {what} ({error})"),
            plugin=plugin,
            name=plugin,
            distribution=distribution,
            what=what,
            error=type(exc).__name__,
        ) from exc
    finally:
        restore()
