"""Writing the IDs an import gave to rows without one back into the workbook.

The next import of the workbook then matches every row by its ID. The workbook is saved
beside itself and put in place atomically; the original is kept as a backup first.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from ...files import atomic_write

__all__ = ["backup_path", "write_ids"]


def backup_path(path: Path) -> Path:
    """A free name for ``path``'s backup beside it (``skema.backup.xlsx``, then
    ``skema.backup-2.xlsx``, ...)."""
    candidate = path.with_name(f"{path.stem}.backup{path.suffix}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.backup-{number}{path.suffix}")
        number += 1
    return candidate


def write_ids(path: Path, assigned: Iterable[tuple[str, str, str]]) -> Path | None:
    """Write each ``(sheet, cell, ID)`` into the workbook at ``path``; returns the backup of
    the original (``None`` when there was nothing to write)."""
    from openpyxl import load_workbook

    cells = list(assigned)
    if not cells:
        return None
    wb = load_workbook(path)
    for sheet, ref, ident in cells:
        cell = wb[sheet][ref]
        cell.value = ident
        cell.data_type = "s"
    backup = backup_path(path)
    shutil.copy2(path, backup)
    with atomic_write(path) as stream:
        wb.save(stream)
    return backup
