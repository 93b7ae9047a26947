"""Targets treated with care, inputs that are not files refused, every fault one clear error.

One test per kind of target (FIFO, device, folder, symbolic link, hard link, read-only,
owner and mode, stale temporary files, full disk) and per kind of input (FIFO, device,
folder, a link to ``/dev/zero``, standard input), and the misuse of the API's doors.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import cfbu_toolkit as cfbu
from cfbu_toolkit import files
from cfbu_toolkit.errors import CfbuError, ModelError, PluginError
from cfbu_toolkit.locale import use_lang

PLAN = cfbu.Plan(id="p", name="Helhedsplan Æblehaven")
OLD = b"the previous file\n"

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX file kinds")


def _old(path: Path) -> Path:
    path.write_bytes(OLD)
    return path


@pytest.fixture(autouse=True)
def _english() -> Any:
    """The messages are matched in English here; the Danish is checked once, below."""
    with use_lang("en"):
        yield


# -- targets that are not files -------------------------------------------------------------


@posix
def test_a_fifo_target_is_refused_before_writing(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    with pytest.raises(CfbuError, match="FIFO"):
        cfbu.export(PLAN, fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]


@posix
def test_a_device_target_is_refused_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A regular file the check sees as a character device (never the real /dev/null).
    device = _old(tmp_path / "null.json")
    real_stat = os.stat

    def fake_stat(path: Any, *args: Any, **kwargs: Any) -> Any:
        result = real_stat(path, *args, **kwargs)
        if Path(path) == device:
            fields = list(result)
            fields[0] = stat.S_IFCHR | 0o666
            return os.stat_result(fields)
        return result

    monkeypatch.setattr(os, "stat", fake_stat)
    with pytest.raises(CfbuError, match="character device"):
        cfbu.export(PLAN, device)
    monkeypatch.undo()
    assert device.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null.json"]


def test_an_existing_folder_target_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "plan.json"
    folder.mkdir()
    with pytest.raises(CfbuError, match="folder"):
        cfbu.export(PLAN, folder)
    assert folder.is_dir()
    assert not list(folder.iterdir())


# -- links, mode, owner ---------------------------------------------------------------------


@posix
def test_a_symlinked_target_is_written_through(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = _old(tmp_path / "real" / "plan.json")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    cfbu.export(PLAN, link)
    assert link.is_symlink()
    assert cfbu.load(real) == PLAN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real"]


@posix
def test_a_second_hard_link_keeps_the_old_contents(tmp_path: Path) -> None:
    # The choice: replace atomically under the name given; other names keep the old file
    # (never a half-written one), as editors that write safely do.
    target = _old(tmp_path / "plan.json")
    other = tmp_path / "other.json"
    os.link(target, other)
    cfbu.export(PLAN, target)
    assert cfbu.load(target) == PLAN
    assert other.read_bytes() == OLD


@posix
def test_mode_is_kept_and_setuid_dropped(tmp_path: Path) -> None:
    target = _old(tmp_path / "plan.json")
    os.chmod(target, 0o640 | stat.S_ISUID | stat.S_ISGID)
    cfbu.export(PLAN, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@posix
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_owner_is_kept_where_permitted(tmp_path: Path) -> None:
    target = _old(tmp_path / "plan.json")
    os.chown(target, 1234, 2345)
    cfbu.export(PLAN, target)
    assert (target.stat().st_uid, target.stat().st_gid) == (1234, 2345)


def test_a_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        cfbu.export(PLAN, tmp_path / "new.json")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644


def test_a_read_only_target_is_refused_unless_forced(tmp_path: Path) -> None:
    target = _old(tmp_path / "plan.json")
    os.chmod(target, 0o444)
    with pytest.raises(CfbuError, match="read-only"):
        cfbu.export(PLAN, target)
    assert target.read_bytes() == OLD
    cfbu.export(PLAN, target, force=True)
    assert cfbu.load(target) == PLAN
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


# -- temporary files ------------------------------------------------------------------------


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@posix
def test_stale_parts_of_dead_writers_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    dead = tmp_path / f".plan.json.{_dead_pid()}.abcd_123.part"
    alive = tmp_path / f".plan.json.{os.getppid()}.efgh_456.part"
    ours = tmp_path / f".plan.json.{os.getpid()}.ijkl_789.part"
    foreign = tmp_path / ".plan.json.12.x.part"  # not our pattern
    other_target = tmp_path / f".other.json.{_dead_pid()}.mnop_012.part"
    for path in (dead, alive, ours, foreign, other_target):
        path.write_bytes(b"half")
    cfbu.export(PLAN, target)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert dead.name not in left
    assert {alive.name, ours.name, foreign.name, other_target.name, "plan.json"} == set(left)


@posix
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="process start from /proc")
def test_a_part_whose_pid_was_reused_is_stale(tmp_path: Path) -> None:
    # A living process with the writer's pid, started after the file was last written, is
    # another process: the pid was reused.
    part = tmp_path / f".plan.json.{os.getppid()}.abcd_123.part"
    part.write_bytes(b"half")
    os.utime(part, (0, 0))  # written in 1970, before any running process started
    assert files.remove_stale_parts(tmp_path / "plan.json") == [part]


# -- full disk and read-only file systems ---------------------------------------------------


@posix
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("suffix", [".json", ".xlsx", ".md"])
def test_a_full_disk_is_one_error_naming_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    # The temporary file's descriptor is /dev/full: every write fails with ENOSPC, from
    # the kernel, as on a full disk.
    import gc
    import tempfile

    target = _old(tmp_path / f"plan{suffix}")

    def full(*args: Any, **kwargs: Any) -> tuple[int, str]:
        return os.open("/dev/full", os.O_WRONLY), str(tmp_path / f".{target.name}.1.x.part")

    monkeypatch.setattr(tempfile, "mkstemp", full)
    # openpyxl leaves its ZipFile open when saving fails; its __del__ then complains.
    monkeypatch.setattr(sys, "unraisablehook", lambda *args: None)
    with pytest.raises(CfbuError) as info:
        cfbu.export(PLAN, target)
    gc.collect()
    monkeypatch.undo()
    assert not isinstance(info.value, PluginError)
    assert str(target) in str(info.value)
    assert os.strerror(errno.ENOSPC) in str(info.value)
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_a_full_disk_inside_an_exporter_is_not_blamed_on_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cfbu_toolkit.formats.json import plugin as json_exporter

    def no_space(obj: Any) -> bytes:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(json_exporter, "dumps", no_space)
    target = _old(tmp_path / "plan.json")
    with pytest.raises(CfbuError) as info:
        cfbu.export(PLAN, target)
    assert not isinstance(info.value, PluginError)
    assert str(target) in str(info.value)
    assert target.read_bytes() == OLD


def test_a_failing_fsync_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", failing)
    target = _old(tmp_path / "plan.json")
    with pytest.raises(CfbuError, match=r"plan\.json"):
        cfbu.export(PLAN, target)
    assert target.read_bytes() == OLD


def test_a_read_only_file_system_is_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def read_only(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(CfbuError, match=os.strerror(errno.EROFS)):
        cfbu.export(PLAN, tmp_path / "plan.json")


# -- inputs that are not files --------------------------------------------------------------


@posix
def test_a_fifo_input_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    with pytest.raises(CfbuError, match="FIFO"):
        cfbu.load(fifo)


@posix
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_dev_zero_is_refused_unread(tmp_path: Path) -> None:
    link = tmp_path / "plan.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(CfbuError, match="character device"):
        cfbu.load(link)


def test_a_folder_input_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CfbuError, match="folder"):
        cfbu.load(tmp_path)


def test_a_missing_input_is_one_error(tmp_path: Path) -> None:
    with pytest.raises(CfbuError, match="cannot read"):
        cfbu.load(tmp_path / "missing.json")


def test_standard_input_is_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    data = cfbu.export(PLAN, format="json")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert cfbu.load("-") == PLAN


def test_standard_input_is_read_up_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"{" + b" " * 5000 + b"}")))
    with pytest.raises(CfbuError, match="limit"):
        cfbu.load("-", max_bytes=1000)


def test_standard_output_is_dash(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    cfbu.export(PLAN, "-", format="json")
    assert cfbu.load(capfdbinary.readouterr().out) == PLAN


# -- misuse of the doors --------------------------------------------------------------------


@pytest.mark.parametrize("kind", [bytearray, memoryview])
def test_bytes_like_input_is_bytes(kind: Any) -> None:
    assert cfbu.load(kind(cfbu.export(PLAN, format="json"))) == PLAN


@pytest.mark.parametrize(
    "call",
    [
        lambda: cfbu.load(None),
        lambda: cfbu.load(123),
        lambda: cfbu.export(PLAN, 123),
        lambda: cfbu.validate(None),
    ],
    ids=["load(None)", "load(123)", "export(plan, 123)", "validate(None)"],
)
def test_wrong_types_raise_the_librarys_type_error(call: Any) -> None:
    with pytest.raises(TypeError) as info:
        call()
    assert info.value.__traceback__ is not None
    frame = info.traceback[-1]
    assert "cfbu_toolkit" in str(frame.path)


def test_export_of_none_is_the_librarys_error() -> None:
    with pytest.raises(CfbuError):
        cfbu.export(None, format="json")  # type: ignore[arg-type]


# -- numbers every format can carry ---------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda v: cfbu.Plan(id="p", name="P", budget_dkk=v), "budget_dkk"),
        (lambda v: cfbu.CoFinancing(organisation_id="o", amount_dkk=v), "amount_dkk"),
        (lambda v: cfbu.CollaborationAgreement(id="a", title="A", notice_days=v), "notice_days"),
    ],
)
@pytest.mark.parametrize("value", [10**15, 10**30, 10**5000], ids=["1e15", "1e30", "1e5000"])
def test_numbers_past_the_model_limits_are_refused(build: Any, field: str, value: int) -> None:
    with pytest.raises(ModelError) as info:
        build(value)
    assert info.value.field == field
    assert field in str(info.value)


def test_numbers_at_the_limits_round_trip_through_every_format() -> None:
    from cfbu_toolkit.model._base import MAX_AMOUNT, MAX_DAYS

    org = cfbu.Organisation(id="o", name="O", sector=cfbu.ActorSector.OTHER)
    plan = cfbu.Plan(
        id="p",
        name="P",
        budget_dkk=MAX_AMOUNT - 1,
        organisations=(org,),
        cofinancing=(cfbu.CoFinancing(organisation_id="o", amount_dkk=MAX_AMOUNT - 1),),
        collaboration_agreements=(
            cfbu.CollaborationAgreement(id="a", title="A", notice_days=MAX_DAYS),
        ),
    )
    for name in ("json", "xlsx"):
        assert cfbu.load(cfbu.export(plan, format=name)) == plan


# -- dates in options -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "within"),
    [("9999-12-31", 90), ("2025-01-01", 10**30), ("0001-01-01", 0), ("9999-12-31", 10**30)],
)
def test_dates_at_the_calendars_ends_do_not_overflow(on: str, within: int) -> None:
    import datetime as dt

    from cfbu_toolkit.analysis.coverage import agreements_expiring
    from cfbu_toolkit.examples import demo_plan

    found = agreements_expiring(demo_plan(), dt.date.fromisoformat(on), within)
    assert isinstance(found, tuple)


def test_the_messages_are_danish_by_default(tmp_path: Path) -> None:
    target = _old(tmp_path / "plan.json")
    os.chmod(target, 0o444)
    with use_lang("da"):
        with pytest.raises(CfbuError) as info:
            cfbu.export(PLAN, target)
        assert "skrivebeskyttet" in str(info.value)
        with pytest.raises(CfbuError) as info:
            cfbu.load(tmp_path)
        assert "kan ikke læse en mappe" in str(info.value)
