"""Run the examples in the documentation as tests (Sybil).

Python blocks run in one namespace per page. ``console`` blocks run their ``$ cfbu ...``
commands (other commands are shown, not run), in a folder of their own per page:

- a command shown without output must succeed (exit status 0);
- the lines shown under a command must appear in its output, one right after the other
  (the first anywhere); ``...`` stands for any lines in between; a command whose output
  starts with ``fejl:`` or ``error:`` must fail (exit status 2);
- ``$ export CFBU_LANG=en`` sets the language of the page's later commands, and a command
  ending in ``|| true`` may end with any exit status.
"""

from __future__ import annotations

import os
import shlex
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sybil import Example, Sybil
from sybil.parsers.myst import CodeBlockParser, PythonCodeBlockParser, SkipParser

_ERROR_PREFIXES = ("fejl:", "error:")


def _commands(source: str) -> Iterator[tuple[str, list[str]]]:
    """The block's commands, each with the output lines shown under it."""
    command: str | None = None
    output: list[str] = []
    pending = ""
    for line in source.splitlines():
        if pending or line.startswith("$ "):
            text = pending + (line[2:] if not pending else line.strip())
            if text.endswith("\\"):
                pending = text[:-1] + " "
                continue
            pending = ""
            if command is not None:
                yield command, output
            command, output = text, []
        elif command is not None:
            output.append(line.rstrip())
    if command is not None:
        yield command, output


def _appears_in_order(expected: list[str], actual: list[str]) -> str | None:
    """``None`` when the expected lines appear in ``actual``: the first anywhere, each next
    one right after the one before (or anywhere later after a ``...`` line); else the
    first line that does not."""
    position = 0
    anywhere = True
    for line in (e for e in expected if e.strip()):
        if line.strip() == "...":
            anywhere = True
            continue
        if anywhere:
            while position < len(actual) and actual[position] != line:
                position += 1
        if position >= len(actual) or actual[position] != line:
            return line
        position += 1
        anywhere = False
    return None


def _run(command: str, output: list[str], namespace: dict[str, Any]) -> None:
    from click.testing import CliRunner

    from cfbu_toolkit.cli import main

    any_status = command.rstrip().endswith("|| true")
    if any_status:
        command = command.rstrip()[: -len("|| true")]
    words = shlex.split(command)
    if words[:1] == ["export"] and len(words) == 2 and "=" in words[1]:
        name, value = words[1].split("=", 1)
        namespace["_cfbu_env"][name] = value
        return
    if words[:1] != ["cfbu"]:
        return
    folder: Path = namespace["_cfbu_dir"]
    here = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(
            main, words[1:], env=namespace["_cfbu_env"], catch_exceptions=False
        )
    finally:
        os.chdir(here)
    actual = [line.rstrip() for line in result.output.splitlines()]
    shown = [line for line in output if line.strip()]
    failing = any(line.startswith(_ERROR_PREFIXES) for line in shown)
    if not any_status:
        wanted = 2 if failing else 0
        assert result.exit_code == wanted, (
            f"$ {command}\nexit status {result.exit_code}, expected {wanted}:\n{result.output}"
        )
    missing = _appears_in_order(output, actual)
    assert missing is None, f"$ {command}\nexpected the line\n  {missing}\nin:\n{result.output}"


def _evaluate_console(example: Example) -> None:
    for command, output in _commands(str(example.parsed)):
        _run(command, output, example.namespace)


def _setup(namespace: dict[str, Any]) -> None:
    namespace["_cfbu_dir"] = Path(tempfile.mkdtemp(prefix="cfbu-docs-"))
    namespace["_cfbu_env"] = {"CFBU_LANG": "da"}


def _teardown(namespace: dict[str, Any]) -> None:
    shutil.rmtree(namespace["_cfbu_dir"], ignore_errors=True)


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(),
        CodeBlockParser(language="console", evaluator=_evaluate_console),
        SkipParser(),
    ],
    patterns=["*.md"],
    setup=_setup,
    teardown=_teardown,
).pytest()
