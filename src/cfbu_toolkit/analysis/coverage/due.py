"""What is due: follow-ups by a day, and agreements that end soon."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Literal

import attrs

from ...errors import CfbuError
from ...locale import N_
from ...model import (
    ActivityAgreement,
    AgreementStatus,
    CollaborationAgreement,
    CollaborationStatus,
    Lang,
    Plan,
)
from ._shared import (
    _AGREEMENT_CLOSED,
    _CLOSED,
    KIND_LABELS,
    _lang,
)

FollowUpKind = Literal["mapping_entry", "activity_agreement"]
AgreementKind = Literal["collaboration_agreement", "activity_agreement"]


@attrs.frozen(kw_only=True)
class FollowUp:
    """Something to follow up: a mapping entry's next step or an activity agreement's review."""

    kind: FollowUpKind
    id: str
    organisation_id: str | None
    due: dt.date
    days_overdue: int
    """0 when due on the day asked about."""
    what: str
    """The next step (a mapping entry) or the activity (an activity agreement)."""
    responsible_id: str | None
    status: CollaborationStatus | AgreementStatus

    def label(self, lang: Lang = "da") -> str:
        """What kind of thing is due, in ``lang``."""
        return _lang(KIND_LABELS[self.kind], lang)


def follow_ups_due(
    plan: Plan, on: dt.date, *, include_closed: bool = False
) -> tuple[FollowUp, ...]:
    """Follow-ups due on or before ``on``, the oldest first.

    Mapping entries count by ``follow_up_on``, activity agreements by ``review_on``.
    Entries that ended or were deselected, and agreements that expired or were terminated,
    are left out unless ``include_closed``.
    """
    found: list[FollowUp] = []
    for m in plan.mappings:
        for entry in m.entries:
            if entry.follow_up_on is None or entry.follow_up_on > on:
                continue
            if entry.status in _CLOSED and not include_closed:
                continue
            found.append(
                FollowUp(
                    kind="mapping_entry",
                    id=entry.id,
                    organisation_id=entry.organisation_id,
                    due=entry.follow_up_on,
                    days_overdue=(on - entry.follow_up_on).days,
                    what=entry.next_step,
                    responsible_id=entry.responsible_id,
                    status=entry.status,
                )
            )
    for agreement in plan.activity_agreements:
        if agreement.review_on is None or agreement.review_on > on:
            continue
        if agreement.status in _AGREEMENT_CLOSED and not include_closed:
            continue
        found.append(
            FollowUp(
                kind="activity_agreement",
                id=agreement.id,
                organisation_id=agreement.volunteer_organisation_id,
                due=agreement.review_on,
                days_overdue=(on - agreement.review_on).days,
                what=agreement.activity,
                responsible_id=agreement.housing_contact_id,
                status=agreement.status,
            )
        )
    found.sort(key=lambda f: (f.due, f.kind, f.id))
    return tuple(found)


@attrs.frozen(kw_only=True)
class ExpiringAgreement:
    """An agreement that ends soon, with the last day to give notice if it has a notice."""

    kind: AgreementKind
    id: str
    title: str
    status: AgreementStatus
    end: dt.date
    days_left: int
    notice_days: int | None
    notice_by: dt.date | None
    """``end`` less the notice period: the last day to give notice (or to decide to renew)."""

    def label(self, lang: Lang = "da") -> str:
        """The kind of agreement in ``lang``, for a report's column."""
        return _lang(KIND_LABELS[self.kind], lang)


_IN_FORCE = (AgreementStatus.SIGNED, AgreementStatus.ACTIVE)


def agreements_expiring(
    plan: Plan,
    on: dt.date,
    within_days: int = 90,
    *,
    statuses: Iterable[AgreementStatus] = _IN_FORCE,
) -> tuple[ExpiringAgreement, ...]:
    """Agreements of ``statuses`` (signed or active by default) whose period ends from
    ``on`` up to and including ``within_days`` days later, the soonest first."""
    if within_days < 0:
        raise CfbuError(N_("within_days must be 0 or more, got {days}"), days=within_days)
    wanted = frozenset(statuses)
    last = _days_after(on, within_days)
    found = [
        ExpiringAgreement(
            kind=kind,
            id=agreement.id,
            title=title,
            status=agreement.status,
            end=end,
            days_left=(end - on).days,
            notice_days=agreement.notice_days,
            notice_by=(
                _days_after(end, -agreement.notice_days)
                if agreement.notice_days is not None
                else None
            ),
        )
        for kind, agreement, title, end in _agreement_ends(plan)
        if agreement.status in wanted and on <= end <= last
    ]
    found.sort(key=lambda a: (a.end, a.kind, a.id))
    return tuple(found)


def _days_after(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, held at the ends of the calendar (year 1 and 9999)."""
    if days >= (dt.date.max - day).days:
        return dt.date.max
    if days <= (dt.date.min - day).days:
        return dt.date.min
    return day + dt.timedelta(days=days)


def _agreement_ends(
    plan: Plan,
) -> Iterator[tuple[AgreementKind, CollaborationAgreement | ActivityAgreement, str, dt.date]]:
    for c in plan.collaboration_agreements:
        if c.period.end is not None:
            yield "collaboration_agreement", c, c.title, c.period.end
    for a in plan.activity_agreements:
        if a.period.end is not None:
            yield "activity_agreement", a, a.activity, a.period.end
