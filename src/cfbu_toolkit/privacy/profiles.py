"""The walk that applies a privacy profile to a plan or a part.

Every field is handled by what the model says it is
(:func:`~cfbu_toolkit.model._fields.field_infos`): a reference to a contact person is
pseudonymised or dropped, a contact person is pseudonymised or dropped, nested objects
are walked, and *every* free-text field (marked personal or not, so a new text field is
covered as soon as it exists) is cleaned of the names, e-mail addresses and phone numbers
of the people known (:mod:`.people`) and of every e-mail address, phone number and CPR
number at all (:mod:`.patterns`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import cache
from typing import Any, Literal, TypeVar, get_args

import attrs

from ..errors import CfbuError
from ..locale import N_, translate
from ..model import ContactPerson, Lang, Plan
from ..model._base import PII
from ..model._fields import field_infos
from . import patterns
from .people import organisation_numbers, people_in

__all__ = ["PRIVACY_PROFILES", "Privacy", "Redactor", "personal_fields", "pseudonym", "redact"]

Privacy = Literal["keep", "pseudonymise", "omit"]
PRIVACY_PROFILES: tuple[Privacy, ...] = get_args(Privacy)

T = TypeVar("T")
_DROP = object()
OMITTED = N_("[omitted]")


def pseudonym(contact_id: str, *, key: str = "") -> str:
    """The stable pseudonymous id for a contact (``p-`` and 12 hex digits).

    ``key`` salts the hash: data teams that must stop anyone from recomputing pseudonyms
    from known ids pass a secret of their own.
    """
    digest = hashlib.blake2b(contact_id.encode(), key=key.encode()[:64], digest_size=6)
    return f"p-{digest.hexdigest()}"


def pseudonym_name(contact_id: str, *, key: str = "") -> str:
    """The name a pseudonymised contact goes by: ``Person`` and six hex digits of its id."""
    return f"Person {pseudonym(contact_id, key=key)[2:8].upper()}"


@cache
def personal_fields(cls: Any) -> tuple[str, ...]:
    """The names of the fields of ``cls`` that hold personal data."""
    return tuple(f.name for f in attrs.fields(cls) if f.metadata.get(PII))


@cache
def _actions(cls: Any) -> tuple[tuple[str, str, bool], ...]:
    """(field, what to do, optional) for each field the walk must look at."""
    actions = []
    for info in field_infos(cls):
        if info.ref == "contact":
            actions.append((info.name, "contact_ref", not info.required))
        elif info.nested:
            actions.append((info.name, "nested", not info.required))
        elif info.text or (info.personal and info.ref is None):
            actions.append((info.name, "text", not info.required))
    return tuple(actions)


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


_WORD = re.compile(r"\w+")


@attrs.frozen
class _Person:
    """One known person as free text is searched for them."""

    pattern: re.Pattern[str]
    words: frozenset[str]
    replacement: str


@attrs.frozen
class _Cleaner:
    """Takes people, e-mail addresses, phone and CPR numbers out of free text.

    Three passes, each run only on text that can hold what it looks for: runs of digits
    (every phone and CPR number, a known person's phone in any writing), e-mail addresses,
    then the names of known people (a text is searched for a name only if it holds the
    name's first or last word).
    """

    people: tuple[_Person, ...]
    emails: dict[str, str]
    phones: dict[str, str]
    omitted: str
    keep_numbers: frozenset[str]

    @classmethod
    def build(
        cls,
        people: tuple[ContactPerson, ...],
        *,
        mode: Privacy,
        omitted: str,
        key: str,
        keep_numbers: frozenset[str],
    ) -> _Cleaner:
        found: list[_Person] = []
        emails: dict[str, str] = {}
        phones: dict[str, str] = {}
        # Longer names first: "Anne Marie Holm" before "Anne Marie".
        for person in sorted(people, key=lambda p: len(p.name), reverse=True):
            value = pseudonym_name(person.id, key=key) if mode == "pseudonymise" else omitted
            if person.email and person.email.strip():
                emails.setdefault(person.email.strip().casefold(), value)
            digits = patterns.phone_digits(person.phone or "")
            if len(digits) >= 6:  # the model asks for six at least
                phones.setdefault(digits, value)
            name = patterns.name_pattern(person.name)
            if name:
                compiled = re.compile(name, re.IGNORECASE)
                found.append(_Person(compiled, patterns.name_words(person.name), value))
        return cls(tuple(found), emails, phones, omitted, keep_numbers)

    def _number(self, match: re.Match[str]) -> str:
        run = match.group()
        digits = _digits(run)
        for known, value in self.phones.items():
            if known in digits:
                return value
        run = patterns.CPR.sub(self.omitted, run)
        return patterns.PHONE.sub(self._phone, run)

    def _phone(self, match: re.Match[str]) -> str:
        if _digits(match.group()) in self.keep_numbers:
            return match.group()  # an organisation's CVR number, not a person's phone
        return self.omitted

    def _email(self, match: re.Match[str]) -> str:
        return self.emails.get(match.group().casefold(), self.omitted)

    def __call__(self, text: str) -> str:
        if not text:
            return text
        if "@" in text:
            text = _EMAIL.sub(self._email, text)
        if any(c.isdigit() for c in text):
            text = patterns.DIGITS.sub(self._number, text)
        words: set[str] | None = None
        for person in self.people:
            if person.words:
                if words is None:
                    words = set(_WORD.findall(text.casefold()))
                if words.isdisjoint(person.words):
                    continue
            text, count = person.pattern.subn(person.replacement, text)
            if count:
                words = None  # the text changed
        return text


#: An e-mail address starting where a word starts (so a long word is scanned once).
_EMAIL = re.compile(rf"(?<![\w.+%'-]){patterns.EMAIL.pattern}", re.IGNORECASE)


@attrs.define
class Redactor:
    """Applies one profile to objects, knowing a set of people.

    Made by :func:`redact`; one redactor can clean several objects the same way (a part
    and the plan it belongs to).
    """

    mode: Privacy
    key: str
    clean: Callable[[str], str]

    def text(self, value: Any) -> Any:
        """Free text (or a tuple of it) with the people and contact details removed."""
        if type(value) is str:
            return self.clean(value)
        if type(value) is tuple:
            cleaned = tuple(self.text(item) for item in value)
            return value if cleaned == value else cleaned
        return value

    def contact_ref(self, value: Any) -> Any:
        """A reference to a contact person: pseudonymised, or dropped under omit."""
        if type(value) is tuple:
            return tuple(self.contact_ref(v) for v in value) if self.mode != "omit" else ()
        if value is None:
            return None
        return pseudonym(value, key=self.key) if self.mode == "pseudonymise" else _DROP

    def walk(self, obj: Any) -> Any:
        """Any object, tuple or text with the profile applied to every field it holds."""
        if type(obj) is tuple:
            out = [self.walk(item) for item in obj]
            kept = tuple(item for item in out if item is not _DROP)
            return obj if len(kept) == len(obj) and all(map(_same, kept, obj)) else kept
        if type(obj) is str:
            return self.clean(obj)
        if not attrs.has(type(obj)):
            return obj
        if type(obj) is ContactPerson:
            return self.person(obj)
        changes: dict[str, Any] = {}
        for name, action, optional in _actions(type(obj)):  # type: ignore[arg-type]
            value = getattr(obj, name)
            if action == "contact_ref":
                new = self.contact_ref(value)
                if new is _DROP:
                    if not optional:
                        return _DROP
                    new = None
            elif action == "text":
                new = self.text(value)
            else:
                new = self.walk(value)
            if new is not value and new != value:
                changes[name] = new
        return attrs.evolve(obj, **changes) if changes else obj

    def person(self, person: ContactPerson) -> Any:
        """A contact person: pseudonymised field by field, or dropped under omit."""
        if self.mode == "omit":
            return _DROP
        return attrs.evolve(
            person,
            id=pseudonym(person.id, key=self.key),
            name=pseudonym_name(person.id, key=self.key),
            role="",
            email=None,
            phone=None,
        )


def _same(a: object, b: object) -> bool:
    return a is b


def redactor(privacy: Privacy, *sources: Any, lang: Lang = "da", key: str = "") -> Redactor:
    """A redactor for ``privacy`` that knows the people held in ``sources``."""
    if privacy not in PRIVACY_PROFILES:
        raise CfbuError(
            N_("unknown privacy profile {profile!r}; expected one of {expected}"),
            profile=privacy,
            expected=", ".join(PRIVACY_PROFILES),
        )
    cleaner = _Cleaner.build(
        people_in(*sources),
        mode=privacy,
        omitted=translate(OMITTED, lang),
        key=key,
        keep_numbers=organisation_numbers(*sources),
    )
    return Redactor(privacy, key, cleaner)


def redact(
    obj: T, privacy: Privacy, *, lang: Lang = "da", key: str = "", plan: Plan | None = None
) -> T:
    """``obj`` under a privacy profile: ``"keep"``, ``"pseudonymise"`` or ``"omit"``.

    Works on a whole plan or one of its parts. Every free-text field is cleaned of the
    names, e-mail addresses and phone numbers of the people known — the contact persons
    of ``plan`` (for a part, pass the plan it belongs to) and of ``obj`` itself — and of
    any e-mail address, phone number and CPR number at all.
    """
    if privacy == "keep" and privacy in PRIVACY_PROFILES:
        return obj
    sources = (obj,) if plan is None or plan is obj else (plan, obj)
    result = redactor(privacy, *sources, lang=lang, key=key).walk(obj)
    if result is _DROP:  # only a ContactPerson on its own can vanish entirely
        raise CfbuError(N_("nothing is left of the object under privacy='omit'"))
    return result  # type: ignore[no-any-return]
