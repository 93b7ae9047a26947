"""What every part's renderer needs: language, names behind ids, heading level, progress."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ...locale import _, current_lang
from ...model import ContactPerson, LabelledEnum, Lang, Organisation, Plan
from ...plugins.types import ExportContext
from .words import TITLE_WORDS, starts_with_word

__all__ = ["Ctx", "Names", "Progress"]


class Names:
    """Organisation and contact names behind ids; the id itself when the plan is unknown."""

    def __init__(self, plan: Plan | None) -> None:
        self.plan = plan
        self._orgs: dict[str, Organisation] = {}
        self._contacts: dict[str, ContactPerson] = {}
        if plan is not None:
            self._orgs = {org.id: org for org in plan.organisations}
            self._contacts = {c.id: c for c in plan.contacts}

    def organisation(self, organisation_id: str) -> Organisation | None:
        """The organisation with this id, or None when the plan does not hold it."""
        return self._orgs.get(organisation_id)

    def org(self, organisation_id: str | None) -> str:
        """The organisation's name (its id when it is not known)."""
        if organisation_id is None:
            return ""
        org = self._orgs.get(organisation_id)
        return org.name if org is not None else organisation_id

    def contact(self, contact_id: str | None) -> str:
        """The contact's name (their id when not known; empty for ``None``)."""
        if contact_id is None:
            return ""
        person = self._contacts.get(contact_id)
        return person.name if person is not None else contact_id

    def contact_line(self, contact_id: str | None) -> str:
        """Name, role, e-mail and phone, as far as they are known."""
        if contact_id is None:
            return ""
        person = self._contacts.get(contact_id)
        if person is None:
            return contact_id
        return ", ".join(p for p in (person.name, person.role, person.email, person.phone) if p)

    def contacts(self, contact_ids: Iterable[str]) -> str:
        """The contact persons' names, comma-separated."""
        return ", ".join(self.contact(c) for c in contact_ids)


class Progress:
    """Counts units of work (a mapping entry, a part) and reports now and then."""

    STEP = 250

    def __init__(self, context: ExportContext, total: int) -> None:
        self.context = context
        self.total = max(total, 1)
        self.done = 0
        self._reported = -1

    def tick(self, units: int = 1, *, flush: bool = False) -> None:
        """Count ``units`` done, reporting every ``STEP`` (or now, with ``flush``)."""
        before = self.done
        self.done = min(self.done + units, self.total)
        if flush or self.done // self.STEP != before // self.STEP or self.done == self.total:
            self._report()

    def finish(self) -> None:
        """Report the work as complete, whatever was counted."""
        self.done = self.total
        self._report()

    def _report(self) -> None:
        if self.done != self._reported:
            self._reported = self.done
            self.context.report(self.done, self.total)


@attrs.frozen
class Ctx:
    """The rendering context of one export."""

    lang: Lang
    """The language of the export; the renderers run inside ``use_lang(lang)``, so ``_()``
    and the locale's formatting follow it. Model texts held in both languages (questions,
    tool titles, value pieces) are picked with it."""
    names: Names
    progress: Progress
    level: int = 1
    """The heading level of the part's title."""
    anchors: bool = False
    """Whether parts get anchors (inside a plan, for its table of contents)."""

    def label(self, member: LabelledEnum | None) -> str:
        """An enumeration member's label in the current language (empty for ``None``)."""
        return "" if member is None else member.label(current_lang())

    def titled(self, key: str, title: str) -> str:
        """``Word: title``, or the title alone when it already starts with the word
        ("Samarbejdsaftale om ..." needs no "Samarbejdsaftale:" in front), in either language."""
        if starts_with_word(title, key):
            return title
        return f"{_(TITLE_WORDS[key])}: {title}"

    def h(self, offset: int) -> int:
        """The heading level ``offset`` below the part's title."""
        return self.level + offset

    def deeper(self, levels: int = 1) -> Ctx:
        """The same context, its headings ``levels`` deeper (a part inside the plan)."""
        return attrs.evolve(self, level=self.level + levels)
