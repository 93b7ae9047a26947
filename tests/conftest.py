"""Shared test setup: hypothesis profiles and the demo plan.

``HYPOTHESIS_PROFILE=ci`` (used by ``.ci/run``) runs more examples, ``thorough`` many
more; the default, ``fast``, keeps a local run short. None sets a deadline: the tests
share a small machine, and timing is not what they check.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

# The tests expect the library's default language whatever the machine's LANG says; a test
# of the environment's effect sets these itself.
os.environ["CFBU_LANG"] = "da"

import pytest
from hypothesis import HealthCheck, settings

import cfbu_toolkit as cfbu
from cfbu_toolkit.locale import use_lang

_COMMON = {
    "deadline": None,
    # Whole plans are big examples; generating them is slow by hypothesis' standards.
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
}
settings.register_profile("fast", max_examples=20, **_COMMON)  # type: ignore[arg-type]
# CI must finish within 15 minutes on a 2-core machine: 50 examples per property there;
# "thorough" is for a run by hand before a release.
settings.register_profile("ci", max_examples=50, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("thorough", max_examples=200, **_COMMON)  # type: ignore[arg-type]
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))


@pytest.fixture(scope="session")
def demo_plan() -> cfbu.Plan:
    """The bundled demo plan (built once; model objects are immutable)."""
    return cfbu.examples.demo_plan()


@pytest.fixture
def english() -> Iterator[None]:
    """Messages in English for the test: for tests of a workflow's logic that match its
    message (the Danish of every message is checked by ``test_catalogue``)."""
    with use_lang("en"):
        yield
