"""Shared fixtures of the docx plugin's tests."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("CFBU_LANG", "da")

import cfbu_toolkit as cfbu


@pytest.fixture(scope="session")
def plan() -> cfbu.Plan:
    return cfbu.examples.demo_plan()
