"""Names behind ids, from the plan when the caller gave it."""

from __future__ import annotations

from collections.abc import Iterable

from cfbu_toolkit.model import Plan

__all__ = ["Names"]


class Names:
    """Looks up organisations, contacts and efforts; remembers when an id had to be shown."""

    def __init__(self, plan: Plan | None) -> None:
        self.plan = plan
        self._orgs = {o.id: o for o in plan.organisations} if plan else {}
        self._contacts = {c.id: c for c in plan.contacts} if plan else {}
        self.shown_ids = False

    def org(self, organisation_id: str | None) -> str:
        if organisation_id is None:
            return ""
        org = self._orgs.get(organisation_id)
        if org is None:
            self.shown_ids = True
            return organisation_id
        return org.name

    def contact(self, contact_id: str | None) -> str:
        if contact_id is None:
            return ""
        person = self._contacts.get(contact_id)
        if person is None:
            self.shown_ids = True
            return contact_id
        return person.name

    def contact_line(self, contact_id: str | None) -> str:
        """Name, role, e-mail and phone, as far as they are known."""
        if contact_id is None:
            return ""
        person = self._contacts.get(contact_id)
        if person is None:
            self.shown_ids = True
            return contact_id
        return ", ".join(p for p in (person.name, person.role, person.email, person.phone) if p)

    def contacts(self, contact_ids: Iterable[str]) -> str:
        return ", ".join(self.contact(c) for c in contact_ids)

    def indsats(self, indsats_id: str | None) -> str:
        if indsats_id is None:
            return ""
        for indsats in self.plan.indsatser if self.plan else ():
            if indsats.id == indsats_id:
                return indsats.title
        self.shown_ids = True
        return indsats_id
