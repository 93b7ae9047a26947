"""Reading and writing files with care.

Writing is whole: a failed or killed write never leaves a half-written target. The bytes go
to a temporary file beside the target, which replaces it only once everything is on disk.
Before a byte is written the target is checked:

- a device, a FIFO, a socket or a folder is refused (replacing ``/dev/null`` with a
  regular file is never an export);
- a symbolic link is written through: the file it points at gets the new contents and the
  link stays a link;
- a file with other hard links is replaced under this name only (the safe choice: the
  other names keep the previous contents, never a half-written file);
- the new file gets the old one's mode (setuid and setgid bits dropped) and, where the
  system permits, its owner and group;
- a read-only file (no write permission in its mode) is refused unless ``force=True``;
- temporary files left by a writer that died (our own naming pattern only:
  ``.NAME.PID.XXXXXXXX.part``) are removed by the next write to the same target.

A full disk, a read-only file system or a write error ends in one :class:`CfbuError`
naming the target; the previous file is kept.

Reading refuses anything but a regular file (a FIFO would block, ``/dev/zero`` never ends)
before a byte is read; ``-`` is standard input, read up to a size limit.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, BinaryIO

from .errors import CfbuError
from .locale import N_, format_number, translate

__all__ = [
    "MAX_INPUT_BYTES",
    "STDIO",
    "atomic_write",
    "open_input",
    "read_stdin",
    "remove_stale_parts",
]

STDIO = "-"
"""The name that means standard input (to ``load``) or standard output (to ``export``)."""

MAX_INPUT_BYTES = 200 * 1024 * 1024
"""The most standard input is read by default, in bytes (``max_bytes=`` changes it)."""

STALE_AFTER = 24 * 60 * 60
"""Seconds after which a temporary file whose writer cannot be checked counts as stale."""

_KINDS = (
    (stat.S_ISDIR, N_("a folder")),
    (stat.S_ISFIFO, N_("a FIFO (named pipe)")),
    (stat.S_ISCHR, N_("a character device")),
    (stat.S_ISBLK, N_("a block device")),
    (stat.S_ISSOCK, N_("a socket")),
)
_DISK_FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG})


def _kind(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return translate(name)
    return translate(N_("not a regular file"))


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


class WriteFailed(CfbuError):
    """Writing a target failed (disk full, read-only file system, ...); the old file is kept."""


# -- reading ---------------------------------------------------------------------------------


def open_input(path: str | os.PathLike[str]) -> BinaryIO:
    """Open ``path`` for reading, refusing anything but a regular file before reading.

    The file is opened without blocking (a FIFO would otherwise wait for a writer) and
    checked on the open descriptor, so it cannot be swapped for something else between the
    check and the read.
    """
    name = os.fspath(path)
    nonblock = getattr(os, "O_NONBLOCK", 0)
    flags = os.O_RDONLY | nonblock | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)
    except OSError as exc:
        raise CfbuError(
            N_("{path}: cannot read: {reason}"), path=name, reason=_reason(exc)
        ) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise CfbuError(
                N_("{path}: cannot read {kind}; give a file, or - for standard input"),
                path=name,
                kind=_kind(mode),
            )
        if nonblock:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_stdin(max_bytes: int | None = None, stream: IO[bytes] | None = None) -> bytes:
    """Standard input (or ``stream``), whole, refused when over ``max_bytes`` (200 MiB)."""
    limit = MAX_INPUT_BYTES if max_bytes is None else max_bytes
    source = stream if stream is not None else sys.stdin.buffer
    data = source.read(limit + 1)
    if len(data) > limit:
        raise CfbuError(
            N_("the input is over the limit of {limit} bytes (raise it with max_bytes=)"),
            limit=format_number(limit),
        )
    return data


# -- writing ---------------------------------------------------------------------------------


def _part_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(name)}\.(\d+)\.[a-z0-9_]{{8}}\.part")


def _process_start(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch), where the system says."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        with open("/proc/stat", "rb") as handle:
            boot = next(int(line.split()[1]) for line in handle if line.startswith(b"btime "))
        return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def _writer_gone(pid: int, written: float) -> bool:
    """Whether the process that wrote a temporary file (last at ``written``) has ended."""
    if pid == os.getpid():
        return False
    if os.name != "posix":
        return time.time() - written > STALE_AFTER
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass  # alive, another user's
    except OSError:
        return time.time() - written > STALE_AFTER
    started = _process_start(pid)
    # A process that started after the file was last written is another one with that pid.
    return started is not None and started > written + 1


def remove_stale_parts(path: Path) -> list[Path]:
    """Remove temporary files of dead writers to ``path``; the removed files are returned.

    Only files of our own naming pattern (``.NAME.PID.XXXXXXXX.part``) are touched, and only
    when the process that wrote them has ended.
    """
    directory = path.parent if str(path.parent) else Path()
    pattern = _part_pattern(path.name)
    removed = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return []
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and _writer_gone(int(match[1]), info.st_mtime):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _resolve_target(path: Path) -> Path:
    """The file a write to ``path`` changes: a symbolic link is followed to its file."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def _check_target(path: Path, shown: Path, force: bool) -> os.stat_result | None:
    """The target's status, or ``None`` when it does not exist; refused when unsuitable."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WriteFailed(
            N_("{path}: cannot write: {reason}"), path=str(shown), reason=_reason(exc)
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise WriteFailed(
            N_("{path}: is {kind}, not a file; nothing written"),
            path=str(shown),
            kind=_kind(info.st_mode),
        )
    if not force and not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise WriteFailed(
            N_("{path}: read-only file; nothing written (force=True or --force replaces it)"),
            path=str(shown),
        )
    return info


class _TargetFile(io.FileIO):
    """The temporary file; a failed write names the target instead of a plugin."""

    shown = ""

    def write(self, data: Any) -> int:
        try:
            return super().write(data)
        except OSError as exc:
            raise WriteFailed(
                N_("{path}: cannot write: {reason}; the previous file is kept"),
                path=self.shown,
                reason=_reason(exc),
            ) from None


def disk_error(exc: OSError, target: object) -> WriteFailed | None:
    """A :class:`WriteFailed` naming ``target`` for a full disk or read-only file system."""
    if exc.errno in _DISK_FULL or exc.errno == errno.EROFS:
        return WriteFailed(
            N_("{path}: cannot write: {reason}; the previous file is kept"),
            path=str(target),
            reason=_reason(exc),
        )
    return None


def _apply_owner_and_mode(temp: str, info: os.stat_result | None) -> None:
    if info is None:
        # mkstemp makes the file private (0600): give it the mode a new file would get, so
        # an export to a shared folder stays readable there.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        return
    if hasattr(os, "chown"):
        # Where not permitted, the new file belongs to whoever writes it.
        with contextlib.suppress(OSError):
            os.chown(temp, info.st_uid, info.st_gid)
    os.chmod(temp, stat.S_IMODE(info.st_mode) & ~(stat.S_ISUID | stat.S_ISGID))


@contextmanager
def atomic_write(path: Path | str, *, force: bool = False) -> Iterator[BinaryIO]:
    """A stream to a temporary file beside ``path`` that replaces it only on success.

    See the module's description for how the target is checked first (``force=True``
    replaces a read-only file).
    """
    shown = Path(path)
    target = _resolve_target(shown)
    info = _check_target(target, shown, force)
    directory = target.parent if str(target.parent) else Path()
    remove_stale_parts(target)
    try:
        fd, temp = tempfile.mkstemp(
            dir=directory, prefix=f".{target.name}.{os.getpid()}.", suffix=".part"
        )
    except OSError as exc:
        raise WriteFailed(
            N_("{path}: cannot write here: {reason}"), path=str(shown), reason=_reason(exc)
        ) from None
    try:
        raw = _TargetFile(fd, "wb", closefd=True)
        raw.shown = str(shown)
        with io.BufferedWriter(raw) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        _apply_owner_and_mode(temp, info)
        os.replace(temp, target)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, CfbuError):
            raise WriteFailed(
                N_("{path}: cannot write: {reason}; the previous file is kept"),
                path=str(shown),
                reason=_reason(exc),
            ) from None
        raise
