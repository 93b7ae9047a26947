"""Run the Python examples in README.md as tests (Sybil); fixtures every test folder
(the core's and the plugins') may use."""

import os
import shutil

import pytest
from sybil import Sybil
from sybil.parsers.myst import PythonCodeBlockParser

pytest_collect_file = Sybil(parsers=[PythonCodeBlockParser()], patterns=["README.md"]).pytest()


@pytest.fixture
def soffice() -> str:
    """LibreOffice's ``soffice``: the test is skipped when it is missing, except in CI,
    where .ci/install-libreoffice.sh must have installed it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is missing in CI; run .ci/install-libreoffice.sh")
        pytest.skip("LibreOffice (soffice) is not installed; run .ci/install-libreoffice.sh")
    return found
