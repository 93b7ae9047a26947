"""The words a person reads: one gettext catalogue, Danish by default, English on request.

Every sentence is written once, in English, in the code, and marked for translation:

- ``_("Organisation")`` translates now, into the current language;
- ``N_("Organisation")`` only marks a string (a module constant, a table header) that is
  translated later with ``_(CONSTANT)`` or :func:`translate`;
- ``ngettext("{n} problem", "{n} problems", n, n=n)`` chooses the plural form.

Parameters are filled in *after* translation (``_("{cell}: expected a date", cell="B4")``),
so a translation never depends on a finished English sentence. The Danish catalogue is
``locale/da/LC_MESSAGES/cfbu_toolkit.po``; the build compiles it to ``.mo`` and the standard
:mod:`gettext` machinery reads it. In a source checkout whose ``.mo`` is missing or older
than the ``.po``, the ``.po`` is compiled in memory with Babel, so an edit shows at once.

The current language is Danish unless :func:`use_lang` says otherwise, or ``CFBU_LANG`` or
the usual ``LC_ALL``/``LC_MESSAGES``/``LANG`` variables start with ``en``. Dates, numbers
and percentages are formatted by Babel for the language (:func:`format_date` and friends).
"""

from __future__ import annotations

import contextvars
import functools
import gettext
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Literal, cast

if TYPE_CHECKING:
    import datetime as dt
    from decimal import Decimal

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "N_",
    "Lang",
    "_",
    "current_lang",
    "default_lang",
    "format_date",
    "format_datetime",
    "format_decimal",
    "format_money",
    "format_number",
    "format_percent",
    "format_time",
    "is_lang",
    "ngettext",
    "translate",
    "translations",
    "use_lang",
]

Lang = Literal["da", "en"]
LANGUAGES: tuple[Lang, ...] = ("da", "en")
DOMAIN = "cfbu_toolkit"
_HERE = os.path.dirname(__file__)
_BABEL_LOCALE = {"da": "da_DK", "en": "en_GB"}

_current: contextvars.ContextVar[Lang | None] = contextvars.ContextVar("cfbu_lang", default=None)


def default_lang() -> Lang:
    """The language from the environment: English when ``CFBU_LANG`` or ``LANG`` says so."""
    for variable in ("CFBU_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "").strip().lower()
        if value and value not in ("c", "posix", "c.utf-8"):
            return "en" if value.startswith("en") else "da"
    return "da"


def current_lang() -> Lang:
    """The language words are translated into right now."""
    return _current.get() or default_lang()


def is_lang(lang: object) -> bool:
    """Whether ``lang`` is a language the library speaks (``"da"`` or ``"en"``)."""
    return lang in LANGUAGES


def _checked(lang: object) -> Lang:
    if not is_lang(lang):
        # A programming error: the doors (export, load, the command) check ``lang`` first
        # and raise the library's own error; this is the last line of defence.
        raise ValueError(f"unknown language {lang!r}; expected 'da' or 'en'")
    return cast(Lang, lang)


@contextmanager
def use_lang(lang: Lang | None) -> Iterator[Lang]:
    """Translate into ``lang`` inside the ``with`` block (``None`` keeps the current one)."""
    chosen = current_lang() if lang is None else _checked(lang)
    token = _current.set(chosen)
    try:
        yield chosen
    finally:
        _current.reset(token)


def _compile_po(po: str) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    language = os.path.basename(os.path.dirname(os.path.dirname(po)))
    with open(po, "rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


@functools.cache
def translations(lang: Lang) -> gettext.NullTranslations:
    """The gettext translations for ``lang`` (English is the source language)."""
    if lang == "en":
        return gettext.NullTranslations()
    folder = os.path.join(_HERE, lang, "LC_MESSAGES")
    mo, po = os.path.join(folder, f"{DOMAIN}.mo"), os.path.join(folder, f"{DOMAIN}.po")
    if os.path.isfile(mo) and (
        not os.path.isfile(po) or os.path.getmtime(mo) >= os.path.getmtime(po)
    ):
        with open(mo, "rb") as handle:
            return gettext.GNUTranslations(handle)
    if os.path.isfile(po):
        return gettext.GNUTranslations(io.BytesIO(_compile_po(po)))
    return gettext.NullTranslations()


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it yet."""
    return message


def _fill(text: str, params: dict[str, Any]) -> str:
    return text.format(**params) if params else text


def translate(message: str, lang: Lang | None = None, /, **params: Any) -> str:
    """``message`` in ``lang`` (default: the current language), parameters filled in."""
    return _fill(translations(lang or current_lang()).gettext(message), params)


def _(message: str, /, **params: Any) -> str:
    """``message`` in the current language, parameters filled in after translation."""
    return _fill(translations(current_lang()).gettext(message), params)


def ngettext(singular: str, plural: str, n: int, /, **params: Any) -> str:
    """The singular or plural of a message for ``n``, in the current language."""
    return _fill(translations(current_lang()).ngettext(singular, plural, n), params)


# -- dates, numbers and amounts, by Babel ---------------------------------------------------


def _locale(lang: Lang | None) -> str:
    return _BABEL_LOCALE[lang or current_lang()]


def format_date(value: dt.date, lang: Lang | None = None, *, format: str = "medium") -> str:
    """A date as people of ``lang`` write it (``4. feb. 2025``; ``short``: ``04.02.2025``)."""
    from babel.dates import format_date as babel_date

    return babel_date(value, format=format, locale=_locale(lang))


def format_time(value: dt.time, lang: Lang | None = None) -> str:
    """A time of day (``09.30`` in Danish, ``09:30`` in English)."""
    from babel.dates import format_time as babel_time

    pattern = "HH:mm" if (lang or current_lang()) == "en" else "HH.mm"
    return babel_time(value, format=pattern, locale=_locale(lang))


def format_datetime(value: dt.datetime, lang: Lang | None = None) -> str:
    """A moment, date and time."""
    from babel.dates import format_datetime as babel_datetime

    return babel_datetime(value, format="medium", locale=_locale(lang))


def format_number(value: int, lang: Lang | None = None) -> str:
    """A whole number with the language's grouping (``12.500`` in Danish)."""
    from babel.numbers import format_decimal as babel_decimal

    return babel_decimal(value, locale=_locale(lang))


def format_decimal(value: float | Decimal, lang: Lang | None = None, *, digits: int = 1) -> str:
    """A number with ``digits`` decimals (``2,5`` in Danish)."""
    from babel.numbers import format_decimal as babel_decimal

    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return babel_decimal(value, format=pattern, locale=_locale(lang))


def format_percent(value: float, lang: Lang | None = None) -> str:
    """A share (0.25) as a percentage (``25 %`` in Danish)."""
    from babel.numbers import format_percent as babel_percent

    return babel_percent(value, locale=_locale(lang))


def format_money(value: int | Decimal, lang: Lang | None = None) -> str:
    """An amount in Danish kroner (``12.500 kr.``)."""
    from babel.numbers import format_currency

    return format_currency(value, "DKK", locale=_locale(lang), format_type="standard")
