"""A private scratch folder for one export, removed when the export ends, however it ends.

A workbook writer keeps each worksheet in a temporary file, with the sheet's text in it,
until the workbook is saved: XlsxWriter (the exporter and the template) in its ``tmpdir``,
openpyxl (the portfolio report, and plugins that use it) in the system temp folder, which it
only cleans at interpreter exit. An export that fails or is interrupted would leave them
there. During an export, :func:`scratch` makes a folder of its own (mode 0700, in the
system temp folder); :func:`current_folder` gives it to XlsxWriter as its ``tmpdir``, and
openpyxl's temporary files go into it too. The folder is removed in a ``finally``, also on
an error or Ctrl-C.

openpyxl has no setting for where those files go, so its ``create_temporary_file`` is
replaced once (under a lock) by one that asks a context variable: inside an export, the
export's folder; anywhere else, openpyxl's own behaviour. The context variable makes it
safe for exports running in several threads at once; ``tempfile.tempdir`` is never touched.

A process killed outright (``kill -9``) cannot clean up: each folder holds a lock file that
its export keeps locked (``flock``), and the next export removes every folder whose lock is
free, that is, whose export is gone.
"""

from __future__ import annotations

import contextvars
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

__all__ = ["PREFIX", "current_folder", "remove_stale", "scratch"]

PREFIX = "cfbu-export-"
_LOCK_NAME = ".lock"
_GRACE_SECONDS = 60  # a folder just made, whose lock file is not there yet

_folder: contextvars.ContextVar[tuple[str, list[str]] | None] = contextvars.ContextVar(
    "cfbu_scratch", default=None
)
_patch_lock = threading.Lock()
_original: Any = None


def current_folder() -> str | None:
    """The folder of the export running in this context, if any (XlsxWriter's ``tmpdir``)."""
    current = _folder.get()
    return None if current is None else current[0]


def _create_temporary_file(suffix: str = "") -> str:
    """Stand-in for openpyxl's ``create_temporary_file``: in the export's own folder, if any."""
    current = _folder.get()
    if current is None:
        return str(_original(suffix))
    directory, made = current
    fd, name = tempfile.mkstemp(suffix=suffix, prefix="openpyxl.", dir=directory)
    os.close(fd)
    from openpyxl.worksheet import _writer  # type: ignore[import-untyped,unused-ignore]

    _writer.ALL_TEMP_FILES.append(name)  # its cleanup() removes the name from this list
    made.append(name)
    return name


def _redirect_openpyxl() -> None:
    """Send openpyxl's temporary files to the export's folder (once per process)."""
    global _original
    if _original is not None:
        return
    try:
        from openpyxl.worksheet import _writer
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        return
    with _patch_lock:
        if _original is None:
            _original = _writer.create_temporary_file
            _writer.create_temporary_file = _create_temporary_file


def _lock(path: Path) -> int | None:
    """Lock ``path`` for this process; the file descriptor, or None where flock is missing.

    The file is made and locked under another name, then renamed into place: another
    export looking for stale folders never finds it there unlocked (between an open and
    its flock it would have taken a live folder for a dead one and removed it).
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no stale-folder removal
        return None
    making = path.with_name(path.name + ".new")
    fd = os.open(making, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.replace(making, path)
    except OSError:
        os.close(fd)
        raise
    return fd


def remove_stale(directory: str | None = None) -> list[str]:
    """Remove the scratch folders of exports that are gone (killed); their paths."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return []
    base = directory or tempfile.gettempdir()
    removed = []
    try:
        entries = list(os.scandir(base))
    except OSError:
        return []
    uid = os.getuid()
    for entry in entries:
        if not entry.name.startswith(PREFIX):
            continue
        try:
            if not entry.is_dir(follow_symlinks=False) or entry.stat().st_uid != uid:
                continue
            lock = os.path.join(entry.path, _LOCK_NAME)
            try:
                fd = os.open(lock, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
            except FileNotFoundError:
                if time.time() - entry.stat().st_mtime < _GRACE_SECONDS:
                    continue  # being made right now
            else:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    continue  # its export is running
                finally:
                    os.close(fd)
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(entry.path)
        except OSError:
            continue
    return removed


@contextmanager
def scratch(*, workbook: bool) -> Iterator[Path]:
    """A private folder for the duration of one export; ``workbook``: openpyxl writes there."""
    remove_stale()
    path = Path(tempfile.mkdtemp(prefix=PREFIX))  # mode 0700
    made: list[str] = []
    fd = None
    token = None
    try:
        fd = _lock(path / _LOCK_NAME)
        if workbook or "openpyxl" in sys.modules:
            _redirect_openpyxl()
        token = _folder.set((str(path), made))
        yield path
    finally:
        if token is not None:
            _folder.reset(token)
        if made:
            _forget(made)
        shutil.rmtree(path, ignore_errors=True)
        if fd is not None:
            os.close(fd)


def _forget(names: list[str]) -> None:
    """Take our files off openpyxl's list of files to remove at exit (one at a time: the
    list is shared with other threads)."""
    from openpyxl.worksheet import _writer

    for name in names:
        with suppress(ValueError):
            _writer.ALL_TEMP_FILES.remove(name)
