"""The portfolio report behind ``cfbu report``: every roll-up, as a workbook or Markdown.

Danish by default, English with ``lang="en"``. The privacy profile is applied to the plans
before anything is counted or named, so under ``"omit"`` no contact person appears and
under ``"pseudonymise"`` only pseudonyms do. The file is written beside the target and put
in place only when complete.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, Literal

from .analysis.portfolio import Portfolio, RollUp
from .errors import CfbuError
from .model import Lang
from .privacy import PRIVACY_PROFILES, Privacy

__all__ = ["REPORT_FORMATS", "markdown_report", "write_report", "xlsx_report"]

ReportFormat = Literal["markdown", "xlsx"]
REPORT_FORMATS: dict[str, ReportFormat] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".xlsx": "xlsx",
}
Progress = Callable[[int, int | None], None]

_WORDS = {
    "heading": ("Porteføljerapport", "Portfolio report"),
    "plans": ("Helhedsplaner", "Plans"),
    "date": ("Opgjort pr.", "As of"),
    "privacy": ("Persondata", "Personal data"),
    "total": ("I alt", "Total"),
    "none": ("Ingen.", "None."),
    "contents": ("Indhold", "Contents"),
    "sheet_contents": ("Indhold", "Contents"),
}
_PRIVACY_WORDS = {
    "keep": ("med (som i planerne)", "kept (as in the plans)"),
    "pseudonymise": ("pseudonymiseret", "pseudonymised"),
    "omit": ("udeladt", "omitted"),
}


def _w(key: str, lang: Lang) -> str:
    return _WORDS[key][1 if lang == "en" else 0]


def write_report(
    portfolio: Portfolio,
    target: str | os.PathLike[str],
    *,
    on: dt.date | None = None,
    within_days: int = 90,
    lang: Lang = "da",
    privacy: Privacy = "keep",
    progress: Progress | None = None,
) -> None:
    """Write the roll-up report of ``portfolio`` to ``target`` (``.xlsx`` or ``.md``).

    ``on`` is the day follow-ups and expiring agreements are counted from (today by default).
    """
    path = Path(target)
    kind = REPORT_FORMATS.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(REPORT_FORMATS)
        raise CfbuError(
            f"{path}: a report is written as {known}; got {path.suffix or 'no suffix'}"
        )
    data = render_report(
        portfolio,
        kind,
        on=on,
        within_days=within_days,
        lang=lang,
        privacy=privacy,
        progress=progress,
    )
    from .files import atomic_write

    with atomic_write(path) as stream:
        stream.write(data)


def render_report(
    portfolio: Portfolio,
    kind: ReportFormat,
    *,
    on: dt.date | None = None,
    within_days: int = 90,
    lang: Lang = "da",
    privacy: Privacy = "keep",
    progress: Progress | None = None,
) -> bytes:
    """The report as bytes (``kind`` is ``"markdown"`` or ``"xlsx"``)."""
    if privacy not in PRIVACY_PROFILES:
        raise CfbuError(
            f"unknown privacy profile {privacy!r}; expected one of {', '.join(PRIVACY_PROFILES)}"
        )
    if lang not in ("da", "en"):
        raise CfbuError(f"unknown language {lang!r}; expected 'da' or 'en'")
    day = on or dt.date.today()
    redacted = portfolio.redact(privacy, lang=lang)
    tables = redacted.roll_ups(day, within_days=within_days, lang=lang)
    if progress is not None:
        progress(0, len(tables))
    if kind == "markdown":
        return markdown_report(tables, day, len(portfolio), lang, privacy, progress).encode()
    buffer = io.BytesIO()
    xlsx_report(tables, buffer, day, len(portfolio), lang, privacy, progress)
    return buffer.getvalue()


# -- Markdown ----------------------------------------------------------------------------


def _md_cell(value: Any, column: Any, lang: Lang) -> str:
    shown = column.show(value, lang)
    if shown is None:
        return ""
    if isinstance(shown, dt.date):
        return shown.isoformat()
    text = str(shown)
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "<br>".join(text.splitlines()) if "\n" in text or "\r" in text else text


def markdown_report(
    tables: tuple[RollUp, ...],
    on: dt.date,
    plans: int,
    lang: Lang,
    privacy: Privacy,
    progress: Progress | None = None,
) -> str:
    """The report as GitHub-flavoured Markdown."""
    privacy_word = _PRIVACY_WORDS[privacy][1 if lang == "en" else 0]
    lines = [
        f"# {_w('heading', lang)}",
        "",
        f"- {_w('plans', lang)}: {plans}",
        f"- {_w('date', lang)}: {on.isoformat()}",
        f"- {_w('privacy', lang)}: {privacy_word}",
        "",
    ]
    for done, table in enumerate(tables, start=1):
        lines += [f"## {_md_cell(table.title(lang), _PLAIN, lang)}", ""]
        if not table.rows:
            lines += [_w("none", lang), ""]
        else:
            headers = [_md_cell(c.header(lang), _PLAIN, lang) for c in table.columns]
            align = ["---:" if c.numeric else "---" for c in table.columns]
            lines.append("| " + " | ".join(headers) + " |")
            lines.append("| " + " | ".join(align) + " |")
            for row in table.rows:
                cells = [_md_cell(v, c, lang) for v, c in zip(row, table.columns, strict=True)]
                lines.append("| " + " | ".join(cells) + " |")
            totals = table.totals()
            if totals is not None and len(table.rows) > 1:
                cells = [f"**{t}**" if t is not None else "" for t in totals]
                cells[0] = f"**{_w('total', lang)}**"
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
        if progress is not None:
            progress(done, len(tables))
    return "\n".join(lines)


class _Plain:
    """A column that shows its values as they are (for titles and headers)."""

    @staticmethod
    def show(value: Any, lang: Lang) -> Any:
        return value


_PLAIN = _Plain()


# -- Excel -------------------------------------------------------------------------------


def _sheet_title(title: str, used: set[str]) -> str:
    from .excel.cells import MAX_SHEET_TITLE

    clean = "".join(" " if c in "[]:*?/\\" else c for c in title).strip(" '") or "Ark"
    clean = clean[:MAX_SHEET_TITLE].rstrip()
    candidate, n = clean, 2
    while candidate.casefold() in used or candidate.casefold() == "history":
        suffix = f" ({n})"
        candidate = clean[: MAX_SHEET_TITLE - len(suffix)].rstrip() + suffix
        n += 1
    used.add(candidate.casefold())
    return candidate


def xlsx_report(
    tables: tuple[RollUp, ...],
    stream: IO[bytes],
    on: dt.date,
    plans: int,
    lang: Lang,
    privacy: Privacy,
    progress: Progress | None = None,
) -> None:
    """The report as a workbook: a contents sheet, then one sheet per roll-up.

    Written with openpyxl's write-only mode; every string is a text cell, never a formula.
    """
    # Imported here (openpyxl takes a while to import) and typed as Any: openpyxl ships no
    # type information of its own.
    import importlib

    Workbook = importlib.import_module("openpyxl").Workbook
    WriteOnlyCell = importlib.import_module("openpyxl.cell").WriteOnlyCell
    Font = importlib.import_module("openpyxl.styles").Font

    from .excel.cells import MAX_CELL_CHARS, column_letter, encode_text, utf16_length

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)

    def cell(sheet: Any, value: Any, *, header: bool = False) -> Any:
        if isinstance(value, str):
            text = encode_text(value)
            if utf16_length(text) > MAX_CELL_CHARS:
                raise CfbuError(
                    f"a text of {utf16_length(text)} characters does not fit in a cell "
                    f"(at most {MAX_CELL_CHARS}): {value[:40]!r}..."
                )
            made = WriteOnlyCell(sheet, value=text)
            made.data_type = "s"
        else:
            made = WriteOnlyCell(sheet, value=value)
            if isinstance(value, dt.date):
                made.number_format = "yyyy-mm-dd"
        if header:
            made.font = bold
        return made

    used: set[str] = set()
    contents = workbook.create_sheet(_sheet_title(_w("sheet_contents", lang), used))
    contents.column_dimensions["A"].width = 28
    contents.column_dimensions["B"].width = 60
    contents.append([cell(contents, _w("heading", lang), header=True)])
    contents.append([cell(contents, _w("plans", lang)), cell(contents, plans)])
    contents.append([cell(contents, _w("date", lang)), cell(contents, on)])
    privacy_word = _PRIVACY_WORDS[privacy][1 if lang == "en" else 0]
    contents.append([cell(contents, _w("privacy", lang)), cell(contents, privacy_word)])
    contents.append([])
    titles = []
    for table in tables:
        titles.append(_sheet_title(table.title(lang), used))
        contents.append([cell(contents, titles[-1]), cell(contents, table.title(lang))])

    for done, (table, title) in enumerate(zip(tables, titles, strict=True), start=1):
        sheet = workbook.create_sheet(title)
        widths = [len(c.header(lang)) for c in table.columns]
        shown_rows = []
        for row in table.rows:
            shown = [c.show(v, lang) for v, c in zip(row, table.columns, strict=True)]
            for i, value in enumerate(shown):
                width = 10 if isinstance(value, dt.date) else len(str(value or ""))
                widths[i] = max(widths[i], min(width, 60))
            shown_rows.append(shown)
        for i, width in enumerate(widths, start=1):
            sheet.column_dimensions[column_letter(i)].width = width + 2
        sheet.freeze_panes = "A2"
        last = column_letter(len(table.columns))
        sheet.auto_filter.ref = f"A1:{last}{len(shown_rows) + 1}"
        sheet.append([cell(sheet, c.header(lang), header=True) for c in table.columns])
        for shown in shown_rows:
            sheet.append([cell(sheet, v) for v in shown])
        totals = table.totals()
        if totals is not None and len(shown_rows) > 1:
            line = [cell(sheet, t, header=True) if t is not None else None for t in totals]
            line[0] = cell(sheet, _w("total", lang), header=True)
            sheet.append(line)
        if progress is not None:
            progress(done, len(tables))
    workbook.save(stream)
