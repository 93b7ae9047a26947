"""Dates, periods, amounts and counts as a Danish or English reader writes them."""

from __future__ import annotations

import datetime as dt

from ...model import Lang, Period
from .words import word

__all__ = ["date", "days_notice", "money", "percent", "period"]

_MONTHS = {
    "da": (
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def date(day: dt.date | None, lang: Lang) -> str:
    """``1. juli 2025`` in Danish, ``1 July 2025`` in English; "not set" for ``None``."""
    if day is None:
        return word("not_set", lang)
    month = _MONTHS[lang][day.month - 1]
    if lang == "en":
        return f"{day.day} {month} {day.year}"
    return f"{day.day}. {month} {day.year}"


def period(span: Period, lang: Lang) -> str:
    """``1. juli 2022 – 30. juni 2026``; an open end reads "fra ..." or "til ..."."""
    if span.start is None and span.end is None:
        return word("not_set", lang)
    if span.end is None:
        return f"{'from' if lang == 'en' else 'fra'} {date(span.start, lang)}"
    if span.start is None:
        return f"{'until' if lang == 'en' else 'til'} {date(span.end, lang)}"
    return f"{date(span.start, lang)} – {date(span.end, lang)}"


def _grouped(number: int, separator: str) -> str:
    return f"{number:,}".replace(",", separator)


def money(amount: int, lang: Lang) -> str:
    """``12.500.000 kr.`` in Danish, ``DKK 12,500,000`` in English."""
    if lang == "en":
        return f"DKK {_grouped(amount, ',')}"
    return f"{_grouped(amount, '.')} kr."


def percent(share: float, lang: Lang) -> str:
    """A share (0-1) as ``37,5 %`` in Danish, ``37.5%`` in English (one decimal at most)."""
    value = round(share * 100, 1)
    text = f"{value:.0f}" if value == int(value) else f"{value:.1f}"
    if lang == "en":
        return f"{text}%"
    return f"{text.replace('.', ',')} %"


def days_notice(days: int | None, lang: Lang) -> str:
    """``30 dages varsel`` / ``30 days' notice``; ``Uden varsel`` for 0."""
    if days is None:
        return word("not_set", lang)
    if lang == "en":
        if days == 0:
            return "No notice"
        return f"{days} day's notice" if days == 1 else f"{days} days' notice"
    if days == 0:
        return "Uden varsel"
    return f"{days} dags varsel" if days == 1 else f"{days} dages varsel"
