"""A realistic, fictional demo plan, for the README, the docs and the tests."""

from __future__ import annotations

from .demo import demo_plan

__all__ = ["demo_plan"]
