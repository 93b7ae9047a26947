"""Shared building blocks for the model: validators, converters, identifiers, periods.

Validators raise :class:`~cfbu_toolkit.errors.ModelError` naming the field, so a bad value
is reported the same way whether it came from Python code, JSON or a workbook.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Iterable
from types import GenericAlias
from typing import Any, Literal, TypeVar

import attrs

from ..errors import ModelError, Text
from ..locale import N_

__all__ = [
    "MAX_AMOUNT",
    "MAX_COUNT",
    "MAX_DAYS",
    "PII",
    "REF",
    "TEXT",
    "Lang",
    "Period",
    "freeze",
    "new_id",
]

Lang = Literal["da", "en"]
"""The languages people read exports in: Danish (the default) and English."""

T = TypeVar("T")
V = TypeVar("V", bound=Callable[..., None])

MAX_AMOUNT = 10**15
"""Amounts (``budget_dkk``, ``amount_dkk``) are whole kroner below this: every format can
carry them exactly (a spreadsheet holds whole numbers exactly up to 2**53, JSON readers
often only to 2**63)."""

MAX_COUNT = 10**15
"""Counts such as a workshop's minutes are below this, for the same reason."""

MAX_DAYS = 36_525
"""Day counts (``notice_days``) are at most this: a hundred years, so that dates computed
from them stay within the calendar."""

#: Field metadata key marking personal data (see :mod:`cfbu_toolkit.privacy`).
PII = "cfbu_pii"
#: Field metadata key marking free text a person types (privacy cleans every such field).
TEXT = "cfbu_text"

#: Field metadata key holding the field's name for people, in English and marked with
#: ``N_`` (the Danish is in the catalogue): a format shows it where it has no header of
#: its own for the field (a new field's workbook column, for instance).
LABEL = "cfbu_label"


def labelled(field: Any, label: str | None) -> Any:
    """``field`` (an attrs field being defined) with its name for people, if given."""
    if label is not None:
        field.metadata = {**field.metadata, LABEL: label}
    return field


_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}")
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}")
_PHONE_RE = re.compile(r"\+?[0-9][0-9 ().-]{4,22}[0-9]")


def new_id(prefix: str = "") -> str:
    """A fresh, globally unique identifier (``prefix`` + 32 hex digits)."""
    return f"{prefix}{uuid.uuid4().hex}"


def freeze(value: Iterable[Any]) -> tuple[Any, ...]:
    """Turn any iterable (a list, typically) into a tuple, so models stay immutable.

    A string is refused: iterating it would silently give its characters.
    """
    if type(value) is tuple:
        return value
    if isinstance(value, str | bytes | dict):
        raise ModelError(N_("expected a list of values, got {type}"), type=type(value).__name__)
    return tuple(value)


def _name(attribute: attrs.Attribute[Any]) -> str:
    return attribute.name


_ACCEPTS: dict[Callable[..., None], Any] = {}


def type_check(accepted: Any) -> Callable[[V], V]:
    """Mark a validator as checking only that a value is of the type ``accepted``.

    Nothing else: every value of that type passes. A reader that already guarantees a
    field's type (the JSON converter) may then build the object without running it
    again; every other validator (patterns, ranges, date order) still runs. The field
    description (:mod:`._fields`) decides which validators a field's type implies.
    """

    def mark(validator: V) -> V:
        _ACCEPTS[validator] = accepted
        return validator

    return mark


def accepted_type(validator: Callable[..., None]) -> Any:
    """The type a validator marked with :func:`type_check` accepts, or ``None``."""
    return _ACCEPTS.get(validator)


def check_id(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An identifier: 1-128 letters, digits, ``_ . : -``, starting with a letter or digit."""
    if type(value) is not str or not _ID_RE.fullmatch(value):
        raise ModelError(
            N_(
                "{value!r} is not a valid identifier (1-128 of A-Z a-z 0-9 _ . : -, "
                "starting with a letter or digit)"
            ),
            field=_name(attribute),
            value=value,
        )


# The two below repeat check_id's test so that a valid value costs no further call: a
# large plan holds hundreds of thousands of references.


def check_optional_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not str or not _ID_RE.fullmatch(value)):
        check_id(instance, attribute, value)


def check_ids(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    for item in value:
        if type(item) is not str or not _ID_RE.fullmatch(item):
            check_id(instance, attribute, item)


@type_check(str)
def check_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Any string (empty allowed)."""
    if not isinstance(value, str):
        raise ModelError(
            N_("expected text, got {type}"), field=_name(attribute), type=type(value).__name__
        )


def check_name(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A required text: a string with something other than spaces in it."""
    if type(value) is not str or not value.strip():
        raise ModelError(N_("must not be empty"), field=_name(attribute))


def check_email(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _EMAIL_RE.fullmatch(value):
        raise ModelError(
            N_("{value!r} is not an e-mail address (expected name@domain.dk)"),
            field=_name(attribute),
            value=value,
        )


def check_phone(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    digits = sum(c.isdigit() for c in value)
    if not _PHONE_RE.fullmatch(value) or not 6 <= digits <= 15:
        raise ModelError(
            N_(
                "{value!r} is not a phone number (expected digits, spaces and an optional "
                "leading +, such as +45 33 12 34 56)"
            ),
            field=_name(attribute),
            value=value,
        )


def check_range(low: int, high: int) -> Callable[[object, attrs.Attribute[Any], int], None]:
    def check(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ModelError(
                N_("expected a whole number from {low} to {high}, got {value!r}"),
                field=_name(attribute),
                low=low,
                high=high,
                value=value,
            )

    return check


def check_optional_non_negative(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ModelError(
            N_("expected a whole number of 0 or more, got {value!r}"),
            field=_name(attribute),
            value=value,
        )


def check_whole(high: int, *, inclusive: bool = False) -> Callable[..., None]:
    """A validator: ``None`` or a whole number from 0 up to ``high`` (exclusive by default)."""
    message = (
        N_("{value} is too large; expected a whole number up to {limit}")
        if inclusive
        else N_("{value} is too large; expected a whole number below {limit}")
    )

    def check(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            return
        check_optional_non_negative(_, attribute, value)
        if value > high or (value == high and not inclusive):
            # str() of a number of thousands of digits is itself refused by Python.
            shown = value if value < 10**30 else f"~10**{int(value.bit_length() * 0.30103)}"
            raise ModelError(message, field=_name(attribute), value=shown, limit=high)

    return check


check_amount = check_whole(MAX_AMOUNT)
check_count = check_whole(MAX_COUNT)
check_days = check_whole(MAX_DAYS, inclusive=True)


def check_unique(key: Callable[[Any], object], what: str) -> Callable[..., None]:
    """Items of a tuple field must not repeat ``key`` (an id, a question, a section)."""

    def check(_: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        seen: set[object] = set()
        for item in value:
            k = key(item)
            if k in seen:
                raise ModelError(
                    N_("{what} {key!r} appears more than once"),
                    field=_name(attribute),
                    what=Text(what),
                    key=k,
                )
            seen.add(k)

    return check


def check_dates_in_order(
    first: str,
) -> Callable[[Any, attrs.Attribute[Any], dt.date | None], None]:
    """A validator requiring its field's date to be on or after the date in ``first``."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: dt.date | None) -> None:
        start = getattr(instance, first)
        if start is not None and value is not None and value < start:
            raise ModelError(
                N_("{date} is before {first} {start}"),
                field=_name(attribute),
                date=value.isoformat(),
                first=first,
                start=start.isoformat(),
            )

    return check


def pii(**kwargs: Any) -> Any:
    """An attrs field holding personal data; privacy profiles find it by this mark."""
    metadata = dict(kwargs.pop("metadata", {}))
    metadata[PII] = True
    return attrs.field(metadata=metadata, **kwargs)


def optional_text(*, personal: bool = False, label: str | None = None) -> Any:
    """An optional free-text field (empty by default); ``personal`` if it may name people."""
    make = pii if personal else attrs.field
    return labelled(make(default="", validator=check_text, metadata={TEXT: True}), label)


def text_list(*, personal: bool = False, label: str | None = None) -> Any:
    """A list of free-text lines."""
    make = pii if personal else attrs.field
    return labelled(
        make(default=(), converter=freeze, validator=each(check_text), metadata={TEXT: True}),
        label,
    )


def items(*validators: Callable[..., None], personal: bool = False) -> Any:
    """A list of nested model objects, stored as a tuple."""
    make = pii if personal else attrs.field
    return make(default=(), converter=freeze, validator=list(validators) or None)


def ident() -> Any:
    """The object's own identifier (required)."""
    return attrs.field(validator=check_id)


#: Field metadata key naming what a reference points at ("organisation", "contact", ...).
REF = "cfbu_ref"


def _ref_field(to: str, **kwargs: Any) -> Any:
    """References to contact persons are personal data: they tie a row to a person."""
    metadata: dict[str, Any] = {REF: to}
    if to == "contact":
        metadata[PII] = True
    return attrs.field(metadata=metadata, **kwargs)


def ref(*, to: str) -> Any:
    """A required reference to the identifier of another object (of kind ``to``)."""
    return _ref_field(to, validator=check_id)


def opt_ref(*, to: str, label: str | None = None) -> Any:
    """An optional reference to another object's identifier."""
    return labelled(_ref_field(to, default=None, validator=check_optional_id), label)


def refs(*, to: str) -> Any:
    """A list of references to other objects' identifiers."""
    return _ref_field(to, default=(), converter=freeze, validator=check_ids)


def required_text(*, personal: bool = False, label: str | None = None) -> Any:
    """A required, non-blank text such as a name or a title."""
    make = pii if personal else attrs.field
    return labelled(make(validator=check_name, metadata={TEXT: True}), label)


def enum_field(cls: type[T], default: Any = attrs.NOTHING, *, label: str | None = None) -> Any:
    """A field holding a member of the enumeration ``cls``."""
    return labelled(attrs.field(default=default, validator=check_member(cls)), label)


def check_member(cls: type[Any]) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, cls):
            allowed = ", ".join(str(m.value) for m in cls)
            raise ModelError(
                N_("{value!r} is not a {kind} (expected one of {allowed})"),
                field=_name(attribute),
                value=value,
                kind=cls.__name__,
                allowed=allowed,
            )

    return type_check(cls)(check)


def check_optional_member(
    cls: type[Any],
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    check = check_member(cls)

    def check_optional(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    return type_check(cls | None)(check_optional)


@type_check(dt.date)
def check_date(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A date (a ``datetime`` is refused: the model holds days, not moments)."""
    if type(value) is not dt.date:
        raise ModelError(
            N_("expected a date, got {type}"), field=_name(attribute), type=type(value).__name__
        )


@type_check(dt.date | None)
def check_optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_date(instance, attribute, value)


def date_field(*, after: str | None = None, label: str | None = None) -> Any:
    """An optional date; with ``after``, not before the date in that field."""
    validators: list[Callable[..., None]] = [check_optional_date]
    if after is not None:
        validators.append(check_dates_in_order(after))
    return labelled(attrs.field(default=None, validator=validators), label)


@type_check(bool)
def check_bool(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not bool:
        raise ModelError(
            N_("expected true or false, got {value!r}"), field=_name(attribute), value=value
        )


def flag(default: bool = False, *, label: str | None = None) -> Any:
    """A yes/no field."""
    return labelled(attrs.field(default=default, validator=check_bool), label)


@attrs.frozen(kw_only=True)
class Period:
    """A span of dates; either end may be open (``None``), the end never before the start."""

    start: dt.date | None = date_field()
    end: dt.date | None = date_field(after="start")

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` falls within the period (open ends reach forever)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def required_date() -> Any:
    """A required date."""
    return attrs.field(validator=check_date)


def each(validator: Callable[..., None]) -> Callable[..., None]:
    """Apply ``validator`` to every item of a tuple field."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for item in value:
            validator(instance, attribute, item)

    accepted = accepted_type(validator)
    return check if accepted is None else type_check(GenericAlias(tuple, (accepted, ...)))(check)
