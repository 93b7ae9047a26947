"""No personal-data string survives "omit" or "pseudonymise", in any installed format.

The formats are whatever is installed (``cfbu_toolkit.formats()``), so a new exporter or
plugin is covered as soon as it is there. Zip-based formats (a workbook, a data package)
are unpacked and every member searched; the others are decoded. XML and HTML entities and
Markdown backslash escapes are undone first, so an escaped name is still found.
"""

from __future__ import annotations

import html
import io
import re
import typing
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from _portfolio_fixtures import small_plan

import cfbu_toolkit as cfbu
from cfbu_toolkit.io.kinds import KINDS
from cfbu_toolkit.model._base import PII

DOCS = Path(__file__).parent.parent / "docs" / "privacy.md"


def _plan_formats() -> list[str]:
    return [f.name for f in cfbu.formats() if f.can_export and "plan" in f.kinds]


def _secrets(plan: cfbu.Plan) -> set[str]:
    found = set()
    for person in plan.contacts:
        for value in (person.name, person.email, person.phone):
            if value:
                found.add(value)
    return found


def _readable(data: bytes) -> str:
    """Everything a person or program could read out of ``data``."""
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = [archive.read(name) for name in archive.namelist()]
    else:
        parts = [data]
    text = "\n".join(part.decode("utf-8", errors="replace") for part in parts)
    text = html.unescape(text)
    return re.sub(r"\\(.)", r"\1", text)


def _leaks(data: bytes, secrets: set[str]) -> list[str]:
    text = _readable(data)
    folded = text.casefold()
    return sorted(s for s in secrets if s.casefold() in folded)


def test_there_is_a_plan_format_to_check() -> None:
    assert "json" in _plan_formats()


def test_the_demo_plan_has_personal_data_to_hide() -> None:
    plan = cfbu.examples.demo_plan()
    assert plan.contacts, "the demo plan has no contact persons, so the privacy test is empty"
    assert _leaks(cfbu.export(plan, format="json"), _secrets(plan)) == sorted(_secrets(plan))


@pytest.mark.parametrize("privacy", ["omit", "pseudonymise"])
@pytest.mark.parametrize("name", _plan_formats())
def test_no_personal_data_of_the_demo_plan(name: str, privacy: Any) -> None:
    plan = cfbu.examples.demo_plan()
    data = cfbu.export(plan, format=name, privacy=privacy)
    assert _leaks(data, _secrets(plan)) == []


@pytest.mark.parametrize("privacy", ["omit", "pseudonymise"])
@pytest.mark.parametrize("name", _plan_formats())
def test_no_personal_data_of_a_plan_that_names_people_in_free_text(
    name: str, privacy: Any
) -> None:
    plan = small_plan()
    assert "Birgitte" in plan.mappings[0].entries[0].notes
    secrets = _secrets(plan)
    assert _leaks(cfbu.export(plan, format="json"), secrets) == sorted(secrets)
    assert _leaks(cfbu.export(plan, format=name, privacy=privacy), secrets) == []


def _model_classes() -> dict[str, type[Any]]:
    found: dict[str, type[Any]] = {}
    pending = list(KINDS.values())
    while pending:
        cls = pending.pop()
        if cls.__name__ in found or not attrs.has(cls):
            continue
        found[cls.__name__] = cls
        for hint in typing.get_type_hints(cls).values():
            stack = [hint]
            while stack:
                t = stack.pop()
                stack.extend(typing.get_args(t))
                if isinstance(t, type) and attrs.has(t):
                    pending.append(t)
    return found


def _personal_fields() -> set[str]:
    return {
        f"{name}.{field.name}"
        for name, cls in _model_classes().items()
        for field in attrs.fields(cls)
        if field.metadata.get(PII)
    }


def test_the_docs_name_every_personal_data_field() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = sorted(f for f in _personal_fields() if f"`{f}`" not in text)
    assert missing == [], f"docs/privacy.md does not name {missing}"


def test_the_docs_table_names_only_personal_data_fields() -> None:
    text = DOCS.read_text(encoding="utf-8")
    in_table = set(re.findall(r"^\| `(\w+\.\w+)` \|", text, flags=re.MULTILINE))
    assert in_table, "the table of personal-data fields is missing from docs/privacy.md"
    assert in_table <= _personal_fields()
