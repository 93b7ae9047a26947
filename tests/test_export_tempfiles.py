"""A workbook writer's temporary files (XlsxWriter's one per worksheet, with the sheet's
text in it, and its parts before they are zipped; openpyxl's, for plugins that use it)
never stay in the system temp folder: an export keeps them in a private folder (0700)
that is removed when the export ends, however it ends, and the next export removes the
folder of one that was killed outright."""

from __future__ import annotations

import gc
import os
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pytest

import cfbu_toolkit as cfbu
from cfbu_toolkit._scratch import PREFIX
from cfbu_toolkit.plugins import ExporterSpec
from cfbu_toolkit.testing import fresh_plugin_host


@pytest.fixture
def system_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A system temp folder of the test's own (``tempfile.tempdir``, for this test only)."""
    folder = tmp_path / "systemp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _workbook_files(folder: Path) -> list[Path]:
    """The files in the export folders under ``folder``, but their lock files."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".lock"))


def test_a_cancelled_workbook_export_leaves_nothing(system_temp: Path, tmp_path: Path) -> None:
    plan = cfbu.examples.demo_plan()
    seen: list[tuple[list[str], int, list[Path]]] = []

    def cancel(done: int, total: int | None) -> None:
        folders = [p for p in system_temp.iterdir() if p.name.startswith(PREFIX)]
        seen.append(
            (
                [p.name for p in system_temp.iterdir()],
                stat.S_IMODE(folders[0].stat().st_mode),
                _workbook_files(system_temp),
            )
        )
        if _workbook_files(system_temp):
            raise KeyboardInterrupt  # the caller gives up half-way

    with pytest.raises(KeyboardInterrupt):
        cfbu.export(plan, tmp_path / "plan.xlsx", progress=cancel)
    names, mode, files = seen[-1]
    assert len(names) == 1
    assert names[0].startswith(PREFIX)
    assert mode == 0o700
    assert files, "the workbook writer wrote no temporary file into the private folder"
    assert all(f.parent.name.startswith(PREFIX) for f in files)
    assert list(system_temp.iterdir()) == []
    assert not (tmp_path / "plan.xlsx").exists()
    gc.collect()


def _half_written(obj: Any, stream: IO[bytes], context: cfbu.ExportContext) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Kontakter")
    for person in getattr(obj, "contacts", ()):
        sheet.append([person.name])
    raise RuntimeError("disk on fire")


class HalfWriter:
    @cfbu.hookimpl
    def cfbu_exporters(self) -> Iterable[ExporterSpec]:
        return [
            ExporterSpec(
                name="half",
                suffixes=(".xlsx",),
                media_type="application/x-test",
                kinds={"plan"},
                export=_half_written,
            )
        ]


@pytest.fixture
def half_writer() -> Iterator[None]:
    with fresh_plugin_host(builtins=()) as host:
        host.register(HalfWriter(), name="half")
        yield


# openpyxl's write-only generators, abandoned half-way on purpose here, raise in lxml when
# they are collected ("inconsistent exit action"): collected inside this test, and only
# that warning let through.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_failing_workbook_export_leaves_nothing(system_temp: Path, half_writer: None) -> None:
    with pytest.raises(cfbu.PluginError, match="disk on fire"):
        cfbu.export(cfbu.examples.demo_plan(), format="half")
    assert list(system_temp.iterdir()) == []
    gc.collect()


def test_exports_in_threads_each_clean_up(system_temp: Path, tmp_path: Path) -> None:
    plan = cfbu.examples.demo_plan()
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            cfbu.export(plan, tmp_path / f"plan{index}.xlsx")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert list(system_temp.iterdir()) == []
    assert all(cfbu.load(tmp_path / f"plan{i}.xlsx") for i in range(3))


CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import cfbu_toolkit as cfbu

    marker = Path(sys.argv[2])
    def wait(done, total):
        if any(p.is_file() and p.name != ".lock" for p in Path(sys.argv[3]).rglob("*")):
            marker.touch()
            time.sleep(120)  # killed here

    cfbu.export(cfbu.examples.demo_plan(), sys.argv[1], progress=wait)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 and flock are POSIX")
def test_the_next_export_removes_what_a_killed_one_left(tmp_path: Path) -> None:
    folder = tmp_path / "systemp"
    folder.mkdir()
    marker = tmp_path / "started"
    env = {**os.environ, "TMPDIR": str(folder)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path / "a.xlsx"), str(marker), str(folder)],
        env=env,
    )
    try:
        for _ in range(600):
            if marker.exists() or child.poll() is not None:
                break
            time.sleep(0.1)
        assert marker.exists(), "the child export never got as far as a temporary file"
        left = _workbook_files(folder)
        assert left
        assert all(f.parent.name.startswith(PREFIX) for f in left)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert _workbook_files(folder), "kill -9 runs no clean-up; the next export must do it"
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import cfbu_toolkit as c; c.export(c.Plan(id='p', name='P'), "
            f"{str(tmp_path / 'b.xlsx')!r})",
        ],
        env=env,
        check=True,
    )
    assert list(folder.iterdir()) == []


def test_another_export_looking_for_stale_folders_never_takes_a_live_one(
    system_temp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another export's clean-up running at the worst moment (the lock file made, not yet
    locked) leaves the folder in place: the lock file is locked before it has its name."""
    import fcntl

    from cfbu_toolkit import _scratch

    real_flock = fcntl.flock
    raced: list[list[str]] = []

    def flock_after_a_clean_up(fd: int, operation: int) -> None:
        if not raced:  # the first lock taken is the export's own
            raced.append(_scratch.remove_stale())
        real_flock(fd, operation)

    monkeypatch.setattr(fcntl, "flock", flock_after_a_clean_up)
    with _scratch.scratch(workbook=True) as folder:
        assert folder.is_dir()
        assert (folder / ".lock").exists()
    assert raced == [[]]


def test_the_built_in_workbook_export_leaves_openpyxl_unimported(tmp_path: Path) -> None:
    # It writes with XlsxWriter; openpyxl's temporary files need redirecting only for a
    # plugin's workbook exporter (as HalfWriter above), and its import costs a third of a
    # second on every `cfbu export ... .xlsx`.
    code = (
        "import sys, cfbu_toolkit as c; c.export(c.examples.demo_plan(), sys.argv[1]); "
        "print('openpyxl' in sys.modules)"
    )
    target = tmp_path / "plan.xlsx"
    out = subprocess.run(
        [sys.executable, "-c", code, str(target)], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
    assert cfbu.load(target) == cfbu.examples.demo_plan()
