"""Every hook is documented in docs/plugins.md: a heading per hook, its arguments named,
its descriptor type mentioned; and no heading documents a hook that does not exist."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pluggy
import pytest

from cfbu_toolkit.plugins import hookspecs

DOCS = Path(__file__).parent.parent / "docs" / "plugins.md"


def hook_names() -> list[str]:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    names = sorted(name for name in vars(pm.hook) if name.startswith("cfbu_"))
    # The spec module and the manager agree (a hookspec without the marker would be lost).
    assert names == sorted(
        name
        for name, obj in vars(hookspecs).items()
        if name.startswith("cfbu_") and inspect.isfunction(obj)
    )
    return names


def sections() -> dict[str, str]:
    """The text under each ``## `cfbu_...` `` heading, by hook name."""
    text = DOCS.read_text(encoding="utf-8")
    parts = re.split(r"^#{2,3} `(cfbu_\w+)`[ \t]*$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def spec_of(name: str) -> pluggy.HookCaller:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    caller: pluggy.HookCaller = getattr(pm.hook, name)
    return caller


def test_there_are_hooks_to_document() -> None:
    assert hook_names()


@pytest.mark.parametrize("name", hook_names())
def test_hook_has_a_heading(name: str) -> None:
    assert name in sections(), f"docs/plugins.md has no '## `{name}`' heading"


@pytest.mark.parametrize("name", hook_names())
def test_hook_arguments_and_return_type_are_documented(name: str) -> None:
    section = sections().get(name, "")
    spec = spec_of(name).spec
    assert spec is not None
    for argument in spec.argnames:
        assert f"`{argument}`" in section, f"argument {argument!r} of {name} is not documented"
    returned = str(inspect.signature(spec.function).return_annotation)
    for descriptor in re.findall(r"\b[A-Z]\w+Spec\b", returned):
        assert descriptor in section, f"{name} returns {descriptor}; the docs do not say so"


def test_no_heading_documents_a_hook_that_does_not_exist() -> None:
    stale = sorted(set(sections()) - set(hook_names()))
    assert not stale, f"docs/plugins.md documents hooks that do not exist: {stale}"
