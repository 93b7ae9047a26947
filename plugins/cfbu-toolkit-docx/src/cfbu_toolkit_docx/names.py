"""Names behind ids, from the plan when the caller gave it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from cfbu_toolkit.model import Plan

__all__ = ["Names"]

T = TypeVar("T")


class Names:
    """Looks up organisations, contacts and efforts; remembers when an id had to be shown."""

    def __init__(self, plan: Plan | None) -> None:
        self.plan = plan
        self._orgs = {o.id: o for o in plan.organisations} if plan else {}
        self._contacts = {c.id: c for c in plan.contacts} if plan else {}
        self.shown_ids = False

    def _known(self, table: dict[str, T], key: str | None, shown: Callable[[T], str]) -> str:
        """How the object with id ``key`` is shown; its id when the plan does not hold it
        (noted, so the document can say ids were shown), nothing for no id."""
        if key is None:
            return ""
        found = table.get(key)
        if found is None:
            self.shown_ids = True
            return key
        return shown(found)

    def org(self, organisation_id: str | None) -> str:
        """The organisation's name."""
        return self._known(self._orgs, organisation_id, lambda o: o.name)

    def contact(self, contact_id: str | None) -> str:
        """The contact person's name."""
        return self._known(self._contacts, contact_id, lambda c: c.name)

    def contact_line(self, contact_id: str | None) -> str:
        """Name, role, e-mail and phone, as far as they are known."""
        return self._known(
            self._contacts,
            contact_id,
            lambda c: ", ".join(p for p in (c.name, c.role, c.email, c.phone) if p),
        )

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
