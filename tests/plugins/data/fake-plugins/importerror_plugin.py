"""A plugin that cannot be imported: a dependency it needs is missing."""

from __future__ import annotations

raise ImportError("No module named 'some_missing_dependency'")
