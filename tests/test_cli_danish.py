"""Every ``--help`` and every error the command prints is Danish by default, English on request."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from _english_help import english_words
from click.testing import CliRunner, Result

from cfbu_toolkit.cli import main

ENGLISH_ENV = {"CFBU_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "en_GB.UTF-8"}


def _paths(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield prefix
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _paths(command, (*prefix, name))
        else:
            yield (*prefix, name)


def _names(group: click.Group) -> set[str]:
    found = {"cfbu", "main"}
    for name, command in group.commands.items():
        found.add(name)
        if isinstance(command, click.Group):
            found |= _names(command)
    return found


COMMAND_PATHS = list(_paths(main))
COMMAND_NAMES = _names(main)


def run(*args: str, env: dict[str, str | None] | None = None) -> Result:
    result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def test_the_walk_finds_every_command() -> None:
    # The walk reaches into the groups: a subcommand is two words.
    assert ("export",) in COMMAND_PATHS
    assert any(len(path) == 2 for path in COMMAND_PATHS)


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=lambda p: " ".join(p) or "cfbu")
def test_every_help_is_danish(path: tuple[str, ...]) -> None:
    result = run(*path, "--help")
    assert result.exit_code == 0, result.output
    text = result.output
    assert "Brug:" in text
    assert "Usage:" not in text
    assert "Vis denne hjælp og afslut." in text
    found = english_words(text, allow=COMMAND_NAMES)
    assert not found, f"English in `cfbu {' '.join(path)} --help`: {found}\n{text}"


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=lambda p: " ".join(p) or "cfbu")
def test_every_help_is_english_with_lang_en(path: tuple[str, ...]) -> None:
    result = run(*path, "--help", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert "Show this message and exit." in result.output
    assert "Brug:" not in result.output


def test_an_english_lang_gives_english_help() -> None:
    result = run("export", "--help", env=ENGLISH_ENV)
    assert "Usage: main export [OPTIONS] FILE" in result.output
    assert "The file to write; - is standard output." in result.output
    assert "[required]" in result.output


def test_the_top_level_help_documents_the_exit_statuses() -> None:
    assert "Afslutningsstatus: 0 udført; 1" in run("--help").output
    assert "Exit status: 0 done; 1 problems" in run("--help", "--lang", "en").output


def test_the_english_word_list_finds_english() -> None:
    # The heuristic must be able to fail, or the tests above prove nothing.
    assert english_words("Show this message and exit.") == [
        "Show",
        "this",
        "message",
        "and",
        "exit",
    ]
    assert english_words("Vis denne hjælp og afslut; --out FIL [keep|omit] 'the' .xlsx") == []


# -- errors -------------------------------------------------------------------------------


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    import cfbu_toolkit as cfbu
    from cfbu_toolkit.examples import demo_plan

    target = tmp_path / "plan.json"
    cfbu.export(demo_plan(), target)
    return target


def _danish_error(result: Result, *expected: str) -> None:
    assert result.exit_code == 2, result.output
    for text in expected:
        assert text in result.output, result.output
    assert "Traceback" not in result.output
    assert not english_words(result.output, allow=COMMAND_NAMES), result.output


def test_a_missing_option_in_danish(plan_file: Path) -> None:
    result = run("export", str(plan_file))
    _danish_error(
        result,
        "Brug: main export [TILVALG] FIL",
        "Prøv 'main export --help' for at få hjælp.",
        "Fejl: Manglende tilvalg '-o' / '--out'.",
    )


def test_a_bad_choice_in_danish(plan_file: Path, tmp_path: Path) -> None:
    result = run("export", str(plan_file), "-o", str(tmp_path / "x.json"), "--privacy", "nej")
    _danish_error(
        result,
        "Fejl: Ugyldig værdi for '--privacy': 'nej' er ikke en af 'keep', 'pseudonymise', 'omit'.",
    )


def test_an_unknown_command_in_danish() -> None:
    _danish_error(run("eksporter"), "Fejl: Kommandoen 'eksporter' findes ikke.")


def test_a_bad_number_in_danish(plan_file: Path, tmp_path: Path) -> None:
    result = run("report", str(plan_file), "-o", str(tmp_path / "r.md"), "--within-days", "mange")
    _danish_error(result, "'mange' er ikke et gyldigt heltal.")


def test_an_unknown_format_in_danish(plan_file: Path, tmp_path: Path) -> None:
    result = run("export", str(plan_file), "-o", str(tmp_path / "x.txt"))
    _danish_error(result, "fejl: intet installeret format til eksport tager filer")


def test_an_unreadable_file_in_danish(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = run("export", str(broken), "-o", str(tmp_path / "x.md"))
    # The reason after the colon is orjson's own (English) words.
    assert result.exit_code == 2
    assert "linje 1, kolonne 2: ugyldig JSON: " in result.output
    not_a_document = tmp_path / "list.json"
    not_a_document.write_text("[]", encoding="utf-8")
    result = run("export", str(not_a_document), "-o", str(tmp_path / "x.md"))
    _danish_error(result, "$: forventede et cfbu-toolkit-dokument")


def test_a_plan_with_problems_in_danish(plan_file: Path) -> None:
    import orjson

    document = orjson.loads(plan_file.read_bytes())
    document["data"]["organisations"].append(dict(document["data"]["organisations"][1]))
    document["data"]["contacts"][0]["organisation_id"] = "org-findes-ikke"
    plan_file.write_bytes(orjson.dumps(document))
    result = run("validate", str(plan_file))
    assert result.exit_code == 1, result.output
    assert (
        "er allerede brugt ved" in result.output or "forekommer mere end én gang" in result.output
    )
    assert "ingen organisation har id'et 'org-findes-ikke'" in result.output
    assert "problemer fundet" in result.output
    assert not english_words(result.output, allow=COMMAND_NAMES), result.output


def test_errors_in_english_with_lang_en(plan_file: Path) -> None:
    result = run("export", str(plan_file), "--lang", "en")
    assert "Error: Missing option '-o' / '--out'." in result.output
    assert "Usage: main export [OPTIONS] FILE" in result.output


def test_errors_in_english_with_an_english_lang(plan_file: Path, tmp_path: Path) -> None:
    result = run("export", str(plan_file), "-o", str(tmp_path / "x.txt"), env=ENGLISH_ENV)
    assert "error: no installed format can export files ending in .txt" in result.output
    unknown = run("eksporter", env=ENGLISH_ENV)
    assert "Error: No such command 'eksporter'." in unknown.output
