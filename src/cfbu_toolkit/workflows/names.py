"""Things chosen by the name a person knows them by, not by their id.

Each ``find_*`` function takes what was typed and tries, in order: the exact id; the exact
name (ignoring case and extra spaces); a name that contains what was typed. A word that
matches nothing raises :class:`~cfbu_toolkit.workflows.NameNotFoundError` listing the names
there are; one that matches several raises
:class:`~cfbu_toolkit.workflows.AmbiguousNameError` listing those it matches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from ..locale import N_, _
from ..model import (
    ActivityAgreement,
    CollaborationAgreement,
    ContactPerson,
    Group,
    Lang,
    Organisation,
    Plan,
    ValueGame,
    ValuePiece,
)
from ._errors import AmbiguousNameError, NameNotFoundError

__all__ = [
    "find_agreement_by_name",
    "find_contact",
    "find_game",
    "find_group",
    "find_organisation",
    "find_piece",
    "pick",
    "pick_by_name",
]

T = TypeVar("T")

#: How many candidates an error lists before it says "and N more".
MAX_LISTED = 12


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _listing(names: Sequence[str]) -> str:
    shown = ", ".join(sorted(names)[:MAX_LISTED])
    if len(names) > MAX_LISTED:
        shown += " " + _("and {count} more", count=len(names) - MAX_LISTED)
    return shown or "-"


def pick(
    typed: str,
    objects: Iterable[T],
    *,
    what: str,
    ident: Callable[[T], str],
    names: Callable[[T], Iterable[str]],
    label: Callable[[T], str],
) -> T:
    """The one object of ``objects`` that ``typed`` names (see the module's docstring).

    ``what`` is a message id saying what is looked for (``N_("organisation")``), ``ident``
    gives an object's id, ``names`` the names it may be called by, ``label`` how an error
    lists it.
    """
    pool = list(objects)
    for obj in pool:
        if ident(obj) == typed:
            return obj
    wanted = _norm(typed)
    if not wanted:
        labels = [label(o) for o in pool]
        raise NameNotFoundError(
            N_("no {what} was named; choose one of: {listing}"),
            candidates=labels,
            what=_(what),
            listing=_listing(labels),
        )
    exact = [o for o in pool if any(_norm(n) == wanted for n in names(o))]
    found = exact or [o for o in pool if any(wanted in _norm(n) for n in names(o))]
    if len(found) == 1:
        return found[0]
    if not found:
        labels = [label(o) for o in pool]
        raise NameNotFoundError(
            N_("no {what} is called {typed!r}; choose one of: {listing}"),
            candidates=labels,
            what=_(what),
            typed=typed,
            listing=_listing(labels),
        )
    labels = [label(o) for o in found]
    raise AmbiguousNameError(
        N_("{typed!r} fits more than one {what}: {listing}; write more of the name"),
        candidates=labels,
        what=_(what),
        typed=typed,
        listing=_listing(labels),
    )


def pick_by_name(
    typed: str,
    objects: Iterable[T],
    *,
    what: str,
    ident: Callable[[T], str],
    name: Callable[[T], str],
) -> T:
    """:func:`pick` for things known by one name each, which is also how an error lists them."""
    return pick(typed, objects, what=what, ident=ident, names=lambda o: (name(o),), label=name)


def find_organisation(plan: Plan, typed: str) -> Organisation:
    """The plan's organisation with this id or name."""
    return pick_by_name(
        typed,
        plan.organisations,
        what=N_("organisation"),
        ident=lambda o: o.id,
        name=lambda o: o.name,
    )


def find_contact(plan: Plan, typed: str, *, organisation_id: str | None = None) -> ContactPerson:
    """The plan's contact person with this id or name; with ``organisation_id``, people at
    that organisation are tried first, then everyone."""

    def among(pool: Sequence[ContactPerson]) -> ContactPerson:
        return pick_by_name(
            typed,
            pool,
            what=N_("person"),
            ident=lambda c: c.id,
            name=lambda c: c.name,
        )

    if organisation_id is not None:
        local = [c for c in plan.contacts if c.organisation_id == organisation_id]
        if local:
            try:
                return among(local)
            except NameNotFoundError:
                pass
    return among(plan.contacts)


def find_group(plan: Plan, typed: str) -> Group:
    """The plan's group with this id or name."""
    return pick_by_name(
        typed,
        plan.groups,
        what=N_("group"),
        ident=lambda g: g.id,
        name=lambda g: g.name,
    )


def find_game(plan: Plan, typed: str) -> ValueGame:
    """The plan's value game (round) with this id or title."""
    return pick_by_name(
        typed,
        plan.value_games,
        what=N_("value game"),
        ident=lambda g: g.id,
        name=lambda g: g.title,
    )


def find_piece(game: ValueGame, typed: str, *, lang: Lang = "da") -> ValuePiece:
    """The game's value piece with this id or label (Danish or English)."""
    return pick(
        typed,
        game.pieces,
        what=N_("value"),
        ident=lambda p: p.id,
        names=lambda p: (p.label_da, p.label_en) if p.label_en else (p.label_da,),
        label=lambda p: p.label(lang),
    )


def find_agreement_by_name(plan: Plan, typed: str) -> CollaborationAgreement | ActivityAgreement:
    """The plan's collaboration or activity agreement with this id, title or activity."""
    agreements: list[CollaborationAgreement | ActivityAgreement] = [
        *plan.collaboration_agreements,
        *plan.activity_agreements,
    ]

    def title(a: CollaborationAgreement | ActivityAgreement) -> str:
        return a.title if isinstance(a, CollaborationAgreement) else a.activity

    return pick(
        typed,
        agreements,
        what=N_("agreement"),
        ident=lambda a: a.id,
        names=lambda a: (title(a),),
        label=title,
    )
