"""Dates, periods, amounts and counts as a reader of the current language writes them.

One way for every Markdown document and the report: Babel's long date (``1. juli 2025``,
``1 July 2025``), its amounts in kroner and its percentages, through
:mod:`cfbu_toolkit.locale`. ``lang`` (where given) overrides the current language.
"""

from __future__ import annotations

import datetime as dt

from ...locale import Lang, _, format_date, format_percent, ngettext, use_lang
from ...model import Period

__all__ = ["date", "days_notice", "money", "percent", "period"]


def date(day: dt.date | None, lang: Lang | None = None) -> str:
    """``1. juli 2025`` in Danish, ``1 July 2025`` in English; "not set" for ``None``."""
    with use_lang(lang):
        if day is None:
            return _("Not set")
        return format_date(day, format="long")


def period(span: Period, lang: Lang | None = None) -> str:
    """``1. juli 2022 – 30. juni 2026``; an open end reads "fra ..." or "til ..."."""
    with use_lang(lang):
        if span.start is None and span.end is None:
            return _("Not set")
        if span.end is None:
            return _("from {start}", start=date(span.start))
        if span.start is None:
            return _("until {end}", end=date(span.end))
        return f"{date(span.start)} – {date(span.end)}"


def money(amount: int, lang: Lang | None = None) -> str:
    """Whole Danish kroner as the language writes them (``12.500.000 kr.``,
    ``DKK12,500,000``): Babel's currency pattern for the language, without øre."""
    from babel import Locale
    from babel.numbers import format_currency

    with use_lang(lang) as chosen:
        locale = Locale.parse(_BABEL_LOCALE[chosen])
    pattern = locale.currency_formats["standard"].pattern.replace(".00", "")
    return format_currency(amount, "DKK", format=pattern, locale=locale, currency_digits=False)


_BABEL_LOCALE = {"da": "da_DK", "en": "en_GB"}


def percent(share: float, lang: Lang | None = None) -> str:
    """A share (0-1) as a percentage (``38 %``; ``38%``)."""
    return format_percent(share, lang)


def days_notice(days: int | None, lang: Lang | None = None) -> str:
    """``30 dages varsel`` / ``30 days' notice``; ``Uden varsel`` for 0."""
    with use_lang(lang):
        if days is None:
            return _("Not set")
        if days == 0:
            return _("No notice")
        return ngettext("{n} day's notice", "{n} days' notice", days, n=days)
