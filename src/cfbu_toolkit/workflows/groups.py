"""Groups and their meetings, by name: a styregruppe's or følgegruppe's members and roles,
its ambitions, its meetings (agenda, who came, decisions, follow-ups), and every open
follow-up of a plan in one list.

People, organisations and groups are chosen by name or id (see :mod:`.names`); a meeting
by its date. Every step returns a new object; :func:`~cfbu_toolkit.workflows.put` puts a
changed group back into the plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal

import attrs

from ..locale import N_, _
from ..model import (
    ActivityAgreement,
    AgreementStatus,
    CollaborationAgreement,
    FollowUp,
    Group,
    GroupKind,
    Meeting,
    MemberRole,
    Membership,
    Plan,
    new_id,
)
from ._errors import AmbiguousNameError, WorkflowError
from .names import find_contact, find_organisation, pick_by_name

__all__ = [
    "OpenFollowUp",
    "add_ambition",
    "add_decision",
    "add_follow_up",
    "add_member",
    "complete_follow_up",
    "find_meeting",
    "followups",
    "new_group",
    "record_meeting",
    "remove_ambition",
    "remove_member",
    "set_attendance",
    "set_role",
]


def new_group(
    *, name: str, kind: GroupKind, group_id: str | None = None, mandate: str = ""
) -> Group:
    """A group with no members yet."""
    return Group(id=group_id or new_id("group-"), kind=kind, name=name, mandate=mandate)


def add_member(
    plan: Plan,
    group: Group,
    person: str,
    *,
    role: MemberRole = MemberRole.MEMBER,
    organisation: str | None = None,
) -> Group:
    """A copy of ``group`` with the person named ``person`` as a member in ``role``, on
    behalf of ``organisation`` (the person's own organisation by default)."""
    contact = find_contact(plan, person)
    if any(m.contact_id == contact.id for m in group.members):
        raise WorkflowError(
            N_("{person} is already a member of {group}"), person=contact.name, group=group.name
        )
    org_id = (
        contact.organisation_id
        if organisation is None
        else find_organisation(plan, organisation).id
    )
    member = Membership(contact_id=contact.id, organisation_id=org_id, role=role)
    return attrs.evolve(group, members=(*group.members, member))


def _member(plan: Plan, group: Group, person: str) -> Membership:
    names = {c.id: c.name for c in plan.contacts}
    return pick_by_name(
        person,
        group.members,
        what=N_("member"),
        ident=lambda m: m.contact_id,
        name=lambda m: names.get(m.contact_id, m.contact_id),
    )


def remove_member(plan: Plan, group: Group, person: str) -> Group:
    """A copy of ``group`` without the member named ``person``."""
    gone = _member(plan, group, person).contact_id
    return attrs.evolve(group, members=tuple(m for m in group.members if m.contact_id != gone))


def set_role(plan: Plan, group: Group, person: str, role: MemberRole) -> Group:
    """A copy of ``group`` where the member named ``person`` has ``role``."""
    chosen = _member(plan, group, person).contact_id
    return attrs.evolve(
        group,
        members=tuple(
            attrs.evolve(m, role=role) if m.contact_id == chosen else m for m in group.members
        ),
    )


def add_ambition(group: Group, text: str) -> Group:
    """A copy of ``group`` with one more ambition."""
    if not text.strip():
        raise WorkflowError(N_("an ambition needs a text"))
    return attrs.evolve(group, ambitions=(*group.ambitions, text.strip()))


def remove_ambition(group: Group, text: str) -> Group:
    """A copy of ``group`` without the ambition ``text`` (or the one that contains it)."""
    chosen = pick_by_name(
        text,
        group.ambitions,
        what=N_("ambition"),
        ident=lambda a: a,
        name=lambda a: a,
    )
    return attrs.evolve(group, ambitions=tuple(a for a in group.ambitions if a != chosen))


def _people(plan: Plan, names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(find_contact(plan, n).id for n in names))


def record_meeting(
    plan: Plan,
    group: Group,
    *,
    date: dt.date,
    agenda: Iterable[str] = (),
    present: Iterable[str] = (),
    absent: Iterable[str] = (),
    decisions: Iterable[str] = (),
    minutes: str = "",
) -> Group:
    """A copy of ``group`` with a meeting on ``date``; ``present`` and ``absent`` name
    people. Meetings stay in date order; one meeting a day."""
    if any(m.date == date for m in group.meetings):
        raise WorkflowError(
            N_("{group} already has a meeting on {date}; change that one instead"),
            group=group.name,
            date=date.isoformat(),
        )
    meeting = Meeting(
        date=date,
        agenda=tuple(agenda),
        minutes=minutes,
        decisions=tuple(decisions),
        present_ids=_people(plan, present),
        absent_ids=_people(plan, absent),
    )
    meetings = list(group.meetings)
    meetings.insert(sum(1 for m in meetings if m.date <= date), meeting)
    return attrs.evolve(group, meetings=tuple(meetings))


def find_meeting(group: Group, date: dt.date | None = None) -> Meeting:
    """The group's meeting on ``date`` (its latest meeting without one)."""
    if not group.meetings:
        raise WorkflowError(N_("{group} has no meetings yet"), group=group.name)
    if date is None:
        return max(group.meetings, key=lambda m: m.date)
    found = [m for m in group.meetings if m.date == date]
    if not found:
        days = ", ".join(m.date.isoformat() for m in group.meetings)
        raise WorkflowError(
            N_("{group} has no meeting on {date}; its meetings are on {days}"),
            group=group.name,
            date=date.isoformat(),
            days=days,
        )
    if len(found) > 1:
        raise AmbiguousNameError(
            N_("{group} has {count} meetings on {date}"),
            group=group.name,
            count=len(found),
            date=date.isoformat(),
        )
    return found[0]


def _change_meeting(group: Group, meeting: Meeting, **changes: Any) -> Group:
    return attrs.evolve(
        group,
        meetings=tuple(attrs.evolve(m, **changes) if m is meeting else m for m in group.meetings),
    )


def add_decision(group: Group, text: str, *, date: dt.date | None = None) -> Group:
    """A copy of ``group`` whose meeting on ``date`` (the latest by default) decided ``text``."""
    if not text.strip():
        raise WorkflowError(N_("a decision needs a text"))
    meeting = find_meeting(group, date)
    return _change_meeting(group, meeting, decisions=(*meeting.decisions, text.strip()))


def set_attendance(
    plan: Plan,
    group: Group,
    *,
    date: dt.date | None = None,
    present: Iterable[str] = (),
    absent: Iterable[str] = (),
) -> Group:
    """A copy of ``group`` recording who came to (and who sent word they could not come
    to) its meeting on ``date``; people named again move between the two lists."""
    meeting = find_meeting(group, date)
    came, away = _people(plan, present), _people(plan, absent)
    present_ids = tuple(dict.fromkeys(i for i in (*meeting.present_ids, *came) if i not in away))
    absent_ids = tuple(dict.fromkeys(i for i in (*meeting.absent_ids, *away) if i not in came))
    return _change_meeting(group, meeting, present_ids=present_ids, absent_ids=absent_ids)


def add_follow_up(
    plan: Plan,
    group: Group,
    text: str,
    *,
    date: dt.date | None = None,
    owner: str | None = None,
    due: dt.date | None = None,
) -> Group:
    """A copy of ``group`` whose meeting on ``date`` (the latest by default) agreed that
    ``owner`` (a person's name) does ``text`` by ``due``."""
    meeting = find_meeting(group, date)
    follow_up = FollowUp(
        text=text.strip(),
        owner_id=None if owner is None else find_contact(plan, owner).id,
        due=due,
    )
    return _change_meeting(group, meeting, follow_ups=(*meeting.follow_ups, follow_up))


def complete_follow_up(group: Group, text: str, *, on: dt.date) -> Group:
    """A copy of ``group`` where the open follow-up ``text`` (or the one that contains it)
    is done on ``on``."""
    open_ = [(m, f) for m in group.meetings for f in m.follow_ups if not f.done]
    meeting, chosen = pick_by_name(
        text,
        open_,
        what=N_("open follow-up"),
        ident=lambda pair: pair[1].text,
        name=lambda pair: pair[1].text,
    )
    follow_ups = tuple(
        attrs.evolve(f, done_on=on) if f is chosen else f for f in meeting.follow_ups
    )
    return _change_meeting(group, meeting, follow_ups=follow_ups)


Source = Literal["mapping", "meeting", "agreement"]


@attrs.frozen(kw_only=True)
class OpenFollowUp:
    """Something still to be done, wherever in the plan it was agreed."""

    source: Source
    where: str
    """What it belongs to: a mapping and organisation, a group and meeting day, an agreement."""
    text: str
    owner_id: str | None
    owner: str
    """The owner's name ('' when no one is named)."""
    due: dt.date | None
    overdue: bool


_ENDED = (AgreementStatus.EXPIRED, AgreementStatus.TERMINATED)


def followups(plan: Plan, today: dt.date) -> tuple[OpenFollowUp, ...]:
    """Every open follow-up of ``plan``: the mapping's next steps, the follow-ups of the
    groups' meetings that are not done, and the agreements' review and end dates. Oldest
    due date first (those without a date last); ``overdue`` when the date has passed."""
    organisations = {o.id: o.name for o in plan.organisations}
    people = {c.id: c.name for c in plan.contacts}
    found: list[OpenFollowUp] = []

    def add(
        source: Source, where: str, text: str, owner_id: str | None, due: dt.date | None
    ) -> None:
        found.append(
            OpenFollowUp(
                source=source,
                where=where,
                text=text,
                owner_id=owner_id,
                owner=people.get(owner_id, owner_id) if owner_id else "",
                due=due,
                overdue=due is not None and due < today,
            )
        )

    for mapping in plan.mappings:
        for entry in mapping.entries:
            if entry.next_step.strip() or entry.follow_up_on is not None:
                name = organisations.get(entry.organisation_id, entry.organisation_id)
                add(
                    "mapping",
                    f"{mapping.title}: {name}",
                    entry.next_step.strip(),
                    entry.responsible_id,
                    entry.follow_up_on,
                )
    for group in plan.groups:
        for meeting in group.meetings:
            for follow_up in meeting.follow_ups:
                if not follow_up.done:
                    add(
                        "meeting",
                        f"{group.name} {meeting.date.isoformat()}",
                        follow_up.text,
                        follow_up.owner_id,
                        follow_up.due,
                    )
    agreements: list[CollaborationAgreement | ActivityAgreement] = [
        *plan.collaboration_agreements,
        *plan.activity_agreements,
    ]
    for agreement in agreements:
        if agreement.status in _ENDED:
            continue
        if isinstance(agreement, ActivityAgreement):
            if agreement.review_on is not None:
                add(
                    "agreement",
                    agreement.activity,
                    _("Follow up on the agreement"),
                    agreement.housing_contact_id,
                    agreement.review_on,
                )
        elif agreement.status is AgreementStatus.ACTIVE and agreement.period.end is not None:
            contact = next((p.contact_id for p in agreement.parties if p.contact_id), None)
            add(
                "agreement",
                agreement.title,
                _("The agreement runs out: renew it or end it"),
                contact,
                agreement.period.end,
            )
    far = dt.date.max
    return tuple(sorted(found, key=lambda f: (f.due or far, f.source, f.where)))
