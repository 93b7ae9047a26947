"""Every fault ends in one line and exit status 2 from ``cfbu``, never a traceback.

Each target kind, input kind and fault of ``test_targets.py`` run through the command with
click's CliRunner; ``-`` reads standard input and ``-o -`` writes standard output.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner, Result

import cfbu_toolkit as cfbu
from cfbu_toolkit.cli import main

PLAN = cfbu.Plan(id="p", name="Helhedsplan Æblehaven")
OLD = b"the previous file\n"
posix = pytest.mark.skipif(os.name != "posix", reason="POSIX file kinds")


def run(*args: str, stdin: bytes | None = None) -> Result:
    result = CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def fails_in_one_line(result: Result, *words: str) -> None:
    """Exit status 2, one line on stderr, naming what went wrong."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    cfbu.export(PLAN, path)
    return path


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CFBU_LANG", "en")


# -- targets -------------------------------------------------------------------------------


@posix
def test_export_to_a_fifo(plan_file: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    fails_in_one_line(run("export", str(plan_file), "-o", str(fifo)), "FIFO")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_export_to_a_folder(plan_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out.json"
    folder.mkdir()
    fails_in_one_line(run("export", str(plan_file), "-o", str(folder)), "folder")


def test_report_to_a_folder(plan_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "report.md"
    folder.mkdir()
    fails_in_one_line(run("report", str(plan_file), "-o", str(folder)), "folder")


def test_export_to_a_read_only_file_needs_force(plan_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(OLD)
    os.chmod(target, 0o444)
    fails_in_one_line(run("export", str(plan_file), "-o", str(target)), "read-only", "--force")
    assert target.read_bytes() == OLD
    assert run("export", str(plan_file), "-o", str(target), "--force").exit_code == 0
    assert cfbu.load(target) == PLAN


@posix
def test_export_through_a_symlink(plan_file: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(OLD)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert run("export", str(plan_file), "-o", str(link)).exit_code == 0
    assert link.is_symlink()
    assert cfbu.load(real) == PLAN


@posix
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_export_to_a_full_disk(
    plan_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(OLD)

    def full(*args: Any, **kwargs: Any) -> tuple[int, str]:
        return os.open("/dev/full", os.O_WRONLY), str(tmp_path / ".out.json.1.x.part")

    monkeypatch.setattr(tempfile, "mkstemp", full)
    result = run("export", str(plan_file), "-o", str(target))
    monkeypatch.undo()
    fails_in_one_line(result, str(target), os.strerror(errno.ENOSPC))
    assert "plugin" not in result.stderr
    assert target.read_bytes() == OLD


def test_demo_on_a_read_only_file_system(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(self: Path, *args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self))

    monkeypatch.setattr(Path, "mkdir", read_only)
    result = run("demo", "--out", str(tmp_path / "demo"))
    monkeypatch.undo()
    fails_in_one_line(result, os.strerror(errno.EROFS))


def test_export_on_a_read_only_file_system(
    plan_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    result = run("export", str(plan_file), "-o", str(tmp_path / "out.json"))
    monkeypatch.undo()
    fails_in_one_line(result, "out.json", os.strerror(errno.EROFS))


# -- standard input and output -------------------------------------------------------------


def test_dash_o_dash_writes_standard_output(
    plan_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("export", str(plan_file), "-o", "-", "--format", "json")
    assert result.exit_code == 0, result.output
    assert cfbu.load(result.stdout_bytes) == PLAN
    assert not (tmp_path / "-").exists()


def test_dash_o_dash_needs_a_format(plan_file: Path) -> None:
    fails_in_one_line(run("export", str(plan_file), "-o", "-"), "--format")


def test_dash_reads_standard_input(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run("export", "-", "-o", str(out), stdin=cfbu.export(PLAN, format="json"))
    assert result.exit_code == 0, result.output
    assert cfbu.load(out) == PLAN


def test_standard_input_to_standard_output() -> None:
    data = cfbu.export(PLAN, format="json")
    result = run("export", "-", "-o", "-", "--format", "json", stdin=data)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == data


def test_validate_reads_standard_input() -> None:
    result = run("validate", "-", stdin=cfbu.export(PLAN, format="json"))
    assert result.exit_code == 0, result.output


# -- inputs that are not files -------------------------------------------------------------


@posix
def test_a_fifo_input(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    fails_in_one_line(run("export", str(fifo), "-o", str(tmp_path / "x.json")), "FIFO")


@posix
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_dev_zero(tmp_path: Path) -> None:
    link = tmp_path / "plan.json"
    link.symlink_to("/dev/zero")
    fails_in_one_line(run("export", str(link), "-o", str(tmp_path / "x.json")), "device")
    fails_in_one_line(run("validate", str(link)), "device")


def test_a_folder_input(tmp_path: Path) -> None:
    folder = tmp_path / "plan.json"
    folder.mkdir()
    fails_in_one_line(run("export", str(folder), "-o", str(tmp_path / "x.json")), "folder")


# -- numbers and dates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("--within-days", str(10**30)),
        ("--on", "9999-12-31"),
        ("--on", "9999-12-31", "--within-days", str(10**30)),
        ("--on", "0001-01-01"),
    ],
)
def test_report_dates_at_the_calendars_ends(args: tuple[str, ...], tmp_path: Path) -> None:
    from cfbu_toolkit.examples import demo_plan

    source = tmp_path / "plan.json"
    cfbu.export(demo_plan(), source)
    result = run("report", str(source), "-o", str(tmp_path / "r.md"), *args)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "args",
    [("--within", str(10**30)), ("--on", "9999-12-31"), ("--on", "0001-01-01")],
)
def test_agreement_expiring_at_the_calendars_ends(args: tuple[str, ...], tmp_path: Path) -> None:
    from cfbu_toolkit.examples import demo_plan

    source = tmp_path / "plan.json"
    cfbu.export(demo_plan(), source)
    result = run("agreement", "expiring", str(source), *args)
    assert result.exit_code == 0, result.output


def _document(**data: Any) -> bytes:
    envelope = {"format": "cfbu-toolkit", "schema_version": 1, "kind": "plan"}
    return orjson.dumps({**envelope, "data": {"id": "p", "name": "P", **data}})


@pytest.mark.parametrize(
    "text",
    [
        _document(budget_dkk=10**18),
        _document().replace(b'"name":"P"', b'"name":"P","budget_dkk":1' + b"0" * 5000),
        _document().replace(b'"name":"P"', b'"name":"P","name":"Q"'),
        _document(area="x" * 100),
    ],
    ids=["amount over the limit", "5000 digits", "duplicate key", "over max_bytes"],
)
def test_bad_documents_end_in_one_line(text: bytes, tmp_path: Path, monkeypatch: Any) -> None:
    from cfbu_toolkit.io import document

    monkeypatch.setattr(document, "MAX_JSON_BYTES", 150)
    source = tmp_path / "bad.json"
    source.write_bytes(text)
    result = run("export", str(source), "-o", str(tmp_path / "x.md"))
    fails_in_one_line(result, "$")
