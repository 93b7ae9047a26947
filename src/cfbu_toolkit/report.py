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
from pathlib import Path
from typing import Literal

from .analysis.portfolio import Portfolio
from .errors import CfbuError
from .formats.markdown.report import markdown_report
from .formats.xlsx.report import xlsx_report
from .locale import N_, is_lang, use_lang
from .model import Lang
from .privacy import PRIVACY_PROFILES, Privacy
from .progress import Progress

__all__ = ["REPORT_FORMATS", "markdown_report", "render_report", "write_report", "xlsx_report"]

ReportFormat = Literal["markdown", "xlsx"]
REPORT_FORMATS: dict[str, ReportFormat] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".xlsx": "xlsx",
}


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
            N_("{path}: a report is written as {known}; got {suffix}"),
            path=path,
            known=known,
            suffix=path.suffix or N_("no suffix"),
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
            N_("unknown privacy profile {privacy!r}; expected one of {allowed}"),
            privacy=privacy,
            allowed=", ".join(PRIVACY_PROFILES),
        )
    if not is_lang(lang):
        raise CfbuError(N_("unknown language {lang!r}; expected 'da' or 'en'"), lang=lang)
    day = on or dt.date.today()
    redacted = portfolio.redact(privacy, lang=lang)
    tables = redacted.roll_ups(day, within_days=within_days, lang=lang)
    if progress is not None:
        progress(0, len(tables))
    with use_lang(lang):
        if kind == "markdown":
            text = markdown_report(tables, day, len(portfolio), privacy, progress)
            return text.encode()
        buffer = io.BytesIO()
        xlsx_report(tables, buffer, day, len(portfolio), privacy, progress)
        return buffer.getvalue()
