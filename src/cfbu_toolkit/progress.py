"""The one progress callback type, low in the layers so every area can name it."""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["Progress"]

Progress = Callable[[int, int | None], None]
"""``progress(done, total)``: called now and then during long work; ``total`` may be unknown.

Exporters, importers, the report and the portfolio all take one; the command passes a
progress bar. Also available as ``cfbu_toolkit.plugins.Progress``.
"""
