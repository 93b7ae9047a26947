"""Personal data: which fields hold it, and the profiles that leave it out or pseudonymise it.

The model marks personal data in field metadata (see ``cfbu_toolkit.model._base.pii``):
everything about a :class:`~cfbu_toolkit.model.ContactPerson`, every reference to one
(signatories, members, participants, facilitators, responsible persons), and free text that
may name people (notes, answers, minutes, comments). Profiles:

``keep``
    everything as it is.
``pseudonymise``
    each contact person gets a stable pseudonym derived from their id (the same id gives the
    same pseudonym in every plan and every export, so rows still join); e-mail, phone and
    role are dropped; the contact's name, e-mail and phone are replaced wherever they occur
    in free text.
``omit``
    contact persons are removed with every reference to them (a group membership, which
    is nothing but a person, goes with it), and their names, e-mails and phones are replaced
    by ``[udeladt]`` (``[omitted]`` in English) in free text.

Free text can only be cleaned of people the plan knows as contacts; a name typed into a
note about someone who is not a contact stays. Keep such names out of free text.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import Any, Literal, TypeVar, get_args

import attrs

from .errors import CfbuError
from .model import ContactPerson, Lang, Plan
from .model._base import PII
from .model._fields import field_infos

__all__ = ["PRIVACY_PROFILES", "Privacy", "personal_fields", "pseudonym", "redact"]

Privacy = Literal["keep", "pseudonymise", "omit"]
PRIVACY_PROFILES: tuple[Privacy, ...] = get_args(Privacy)

T = TypeVar("T")
_DROP = object()
_OMITTED = {"da": "[udeladt]", "en": "[omitted]"}


def pseudonym(contact_id: str, *, key: str = "") -> str:
    """The stable pseudonymous id for a contact (``p-`` and 12 hex digits).

    ``key`` salts the hash: data teams that must stop anyone from recomputing pseudonyms
    from known ids pass a secret of their own.
    """
    digest = hashlib.blake2b(contact_id.encode(), key=key.encode()[:64], digest_size=6)
    return f"p-{digest.hexdigest()}"


@cache
def personal_fields(cls: Any) -> tuple[str, ...]:
    """The names of the fields of ``cls`` that hold personal data."""
    return tuple(f.name for f in attrs.fields(cls) if f.metadata.get(PII))


@cache
def _plan(cls: Any) -> tuple[tuple[str, str, bool], ...]:
    """(field, what to do, optional) for each field the walk must look at."""
    actions = []
    for info in field_infos(cls):
        if info.ref == "contact":
            actions.append((info.name, "contact_ref", not info.required))
        elif info.personal:
            actions.append((info.name, "text", not info.required))
        elif info.nested:
            actions.append((info.name, "nested", not info.required))
    return tuple(actions)


@attrs.define
class _Redactor:
    mode: Privacy
    lang: Lang
    key: str
    pattern: re.Pattern[str] | None = None
    replacement: dict[str, str] = attrs.field(factory=dict)

    def learn(self, contacts: tuple[ContactPerson, ...]) -> None:
        for person in contacts:
            value = (
                f"Person {pseudonym(person.id, key=self.key)[2:8].upper()}"
                if self.mode == "pseudonymise"
                else _OMITTED[self.lang]
            )
            for text in (person.name, person.email, person.phone):
                if text and len(text.strip()) > 2:
                    # Both forms: "Strauß" casefolds to "strauss", which does not match
                    # "Strauß" even ignoring case.
                    self.replacement[text] = value
                    self.replacement[text.casefold()] = value
        if self.replacement:
            alternatives = sorted(self.replacement, key=len, reverse=True)
            self.pattern = re.compile("|".join(map(re.escape, alternatives)), re.IGNORECASE)

    def _replace(self, match: re.Match[str]) -> str:
        found = match.group(0)
        value = self.replacement.get(found) or self.replacement.get(found.casefold())
        if value is None:  # matched ignoring case under rules casefold does not share
            value = next(
                v
                for k, v in self.replacement.items()
                if re.fullmatch(re.escape(k), found, re.IGNORECASE)
            )
        return value

    def text(self, value: str) -> str:
        if self.pattern is None or not value:
            return value
        return self.pattern.sub(self._replace, value)

    def contact_ref(self, value: Any) -> Any:
        if type(value) is tuple:
            return tuple(self.contact_ref(v) for v in value) if self.mode != "omit" else ()
        if value is None:
            return None
        return pseudonym(value, key=self.key) if self.mode == "pseudonymise" else _DROP

    def walk(self, obj: Any) -> Any:
        if type(obj) is tuple:
            out = [self.walk(item) for item in obj]
            return tuple(item for item in out if item is not _DROP)
        if not attrs.has(type(obj)):
            return self.text(obj) if type(obj) is str else obj
        if type(obj) is ContactPerson:
            return self.person(obj)
        changes: dict[str, Any] = {}
        for name, action, optional in _plan(type(obj)):  # type: ignore[arg-type]
            value = getattr(obj, name)
            if action == "contact_ref":
                new = self.contact_ref(value)
                if new is _DROP:
                    if not optional:
                        return _DROP
                    new = None
            elif action == "text":
                new = self.walk(value)
            else:
                new = self.walk(value)
            if new is not value:
                changes[name] = new
        return attrs.evolve(obj, **changes) if changes else obj

    def person(self, person: ContactPerson) -> Any:
        if self.mode == "omit":
            return _DROP
        alias = pseudonym(person.id, key=self.key)
        return attrs.evolve(
            person,
            id=alias,
            name=f"Person {alias[2:8].upper()}",
            role="",
            email=None,
            phone=None,
        )


def redact(obj: T, privacy: Privacy, *, lang: Lang = "da", key: str = "") -> T:
    """``obj`` under a privacy profile: ``"keep"``, ``"pseudonymise"`` or ``"omit"``.

    Works on a whole plan or one of its parts; only a plan knows its contact persons, so
    only a plan's free text is cleaned of their names.
    """
    if privacy not in PRIVACY_PROFILES:
        raise CfbuError(
            f"unknown privacy profile {privacy!r}; expected one of {', '.join(PRIVACY_PROFILES)}"
        )
    if privacy == "keep":
        return obj
    redactor = _Redactor(privacy, lang, key)
    if isinstance(obj, Plan):
        redactor.learn(obj.contacts)
    result = redactor.walk(obj)
    if result is _DROP:  # only a ContactPerson on its own can vanish entirely
        raise CfbuError("nothing is left of the object under privacy='omit'")
    return result  # type: ignore[no-any-return]
