"""The portfolio report (``cfbu report``) as GitHub-flavoured Markdown.

Every value passes through the exporter's own escaping (:mod:`.escape`), so user text can
never add a link, an image, emphasis or a table cell.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...analysis.portfolio import RollUp
from ...locale import _, format_number
from ...progress import Progress
from ...report_words import AS_OF, HEADING, NONE, PERSONAL_DATA, PLANS, PRIVACY_WORDS, TOTAL
from . import fmt
from .escape import cell, heading

__all__ = ["markdown_report"]


def _md_cell(value: Any, column: Any) -> str:
    shown = column.show(value)
    if shown is None:
        return ""
    if isinstance(shown, dt.date):
        return fmt.date(shown)
    if isinstance(shown, int) and not isinstance(shown, bool):
        return format_number(shown)
    return str(cell(str(shown)))


def markdown_report(
    tables: tuple[RollUp, ...],
    on: dt.date,
    plans: int,
    privacy: str,
    progress: Progress | None = None,
) -> str:
    """The report as Markdown, in the current language (see :func:`~cfbu_toolkit.locale.
    use_lang`)."""
    lines = [
        f"# {heading(_(HEADING))}",
        "",
        f"- {_(PLANS)}: {plans}",
        f"- {_(AS_OF)}: {fmt.date(on)}",
        f"- {_(PERSONAL_DATA)}: {_(PRIVACY_WORDS[privacy])}",
        "",
    ]
    for done, table in enumerate(tables, start=1):
        lines += [f"## {heading(table.title())}", ""]
        if not table.rows:
            lines += [_(NONE), ""]
        else:
            headers = [str(cell(c.header())) for c in table.columns]
            align = ["---:" if c.numeric else "---" for c in table.columns]
            lines.append("| " + " | ".join(headers) + " |")
            lines.append("| " + " | ".join(align) + " |")
            for row in table.rows:
                cells = [_md_cell(v, c) for v, c in zip(row, table.columns, strict=True)]
                lines.append("| " + " | ".join(cells) + " |")
            totals = table.totals()
            if totals is not None and len(table.rows) > 1:
                cells = [f"**{format_number(t)}**" if t is not None else "" for t in totals]
                cells[0] = f"**{_(TOTAL)}**"
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
        if progress is not None:
            progress(done, len(tables))
    return "\n".join(lines)
