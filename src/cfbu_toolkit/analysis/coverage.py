"""How far the mapping reaches, where it falls short, and what is due.

Pure functions over a plan; each returns a frozen attrs result whose groups carry Danish
and English labels.

* :func:`coverage`: mapping entries by sector, actor type, professional/volunteer resource
  and focus area, each with how many are active partners now;
* :func:`gaps`: the plan's focus areas and target groups with no active partner;
* :func:`funnel`: potential → contacted → in dialogue → active, and how many are paused,
  ended or deselected;
* :func:`follow_ups_due`: mapping entries and activity agreements to follow up by a day;
* :func:`agreements_expiring`: agreements that end within a number of days of a day.

A mapping entry's focus areas are its own, or else the focus area of the effort
(``indsats``) its mapping belongs to. Sector, actor type and resource kind are the
organisation's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Literal

import attrs

from ..errors import CfbuError
from ..locale import N_, translate
from ..model import (
    ActivityAgreement,
    ActorSector,
    ActorType,
    AgreementStatus,
    CollaborationAgreement,
    CollaborationStatus,
    Lang,
    Mapping,
    MappingEntry,
    Organisation,
    Plan,
    ResourceKind,
)
from ..model.enums import LabelledEnum

__all__ = [
    "KIND_LABELS",
    "Coverage",
    "CoverageCount",
    "ExpiringAgreement",
    "FocusAreaGap",
    "FollowUp",
    "Funnel",
    "FunnelStage",
    "Gaps",
    "TargetGroupGap",
    "agreements_expiring",
    "coverage",
    "entry_focus_areas",
    "follow_ups_due",
    "funnel",
    "gaps",
]

Status = CollaborationStatus

#: The stages of the funnel, in order; the other statuses lie beside it.
FUNNEL_STAGES: tuple[CollaborationStatus, ...] = (
    Status.POTENTIAL,
    Status.CONTACTED,
    Status.IN_DIALOGUE,
    Status.ACTIVE,
)
_RANK = {status: rank for rank, status in enumerate(FUNNEL_STAGES)}
_RANK_OF_VALUE = {status.value: rank for status, rank in _RANK.items()}
_RANKS = range(len(FUNNEL_STAGES))
_IN_PROGRESS = frozenset({Status.CONTACTED, Status.IN_DIALOGUE})
_CLOSED = frozenset({Status.ENDED, Status.DESELECTED})
_AGREEMENT_CLOSED = frozenset({AgreementStatus.EXPIRED, AgreementStatus.TERMINATED})

#: Labels of the kinds of thing a follow-up or an expiring agreement can be.
KIND_LABELS: dict[str, str] = {  # English; Danish in the catalogue
    "mapping_entry": N_("Mapping entry"),
    "collaboration_agreement": N_("Collaboration agreement"),
    "activity_agreement": N_("Activity agreement"),
}

Dimension = Literal["sector", "actor_type", "resource_kind", "focus_area"]


def _lang(message: str, lang: Lang | None) -> str:
    return translate(message, lang)


# -- coverage ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CoverageCount:
    """The mapping entries in one group (one sector, one focus area, ...)."""

    key: str
    """The stable key: an enumeration value or a focus-area key."""
    label_da: str
    label_en: str
    mapped: int
    """Entries in the group, whatever their status."""
    in_progress: int
    """Of those, contacted or in dialogue now."""
    active: int
    """Of those, active partners now."""

    def label(self, lang: Lang = "da") -> str:
        """The group's name in ``lang``."""
        return {"da": self.label_da, "en": self.label_en}[lang]


@attrs.frozen(kw_only=True)
class Coverage:
    """A mapping's entries counted by sector, actor type, resource kind and focus area.

    Sectors, actor types and resource kinds list every member of their enumeration (zeros
    show what nobody mapped); focus areas list the plan's, then any others the entries name.
    An entry with several focus areas counts in each.
    """

    total: int
    active: int
    by_sector: tuple[CoverageCount, ...]
    by_actor_type: tuple[CoverageCount, ...]
    by_resource_kind: tuple[CoverageCount, ...]
    by_focus_area: tuple[CoverageCount, ...]
    without_focus_area: int
    """Entries with no focus area of their own nor through their mapping's effort."""

    def by(self, dimension: Dimension) -> tuple[CoverageCount, ...]:
        """The counts of one dimension by name."""
        return {
            "sector": self.by_sector,
            "actor_type": self.by_actor_type,
            "resource_kind": self.by_resource_kind,
            "focus_area": self.by_focus_area,
        }[dimension]

    def count(self, dimension: Dimension, key: str) -> CoverageCount:
        """The count of one group (``KeyError`` when the dimension has no such key)."""
        for item in self.by(dimension):
            if item.key == key:
                return item
        raise KeyError(key)


def _mapping(plan: Plan, mapping: Mapping | str | None) -> list[Mapping]:
    if mapping is None:
        return list(plan.mappings)
    if isinstance(mapping, Mapping):
        return [mapping]
    for candidate in plan.mappings:
        if candidate.id == mapping:
            return [candidate]
    raise CfbuError(
        N_("plan {plan!r} has no mapping with id {mapping!r}"), plan=plan.id, mapping=mapping
    )


def _selected(plan: Plan, mapping: Mapping | str | None) -> list[tuple[MappingEntry, Mapping]]:
    """The entries to count. All mappings together count each organisation once, by its
    most recently assessed entry (the later mapping wins a tie)."""
    mappings = _mapping(plan, mapping)
    pairs = [(entry, m) for m in mappings for entry in m.entries]
    if mapping is not None or len(mappings) < 2:
        return pairs
    latest: dict[str, tuple[MappingEntry, Mapping]] = {}
    for pair in pairs:
        entry = pair[0]
        seen = latest.get(entry.organisation_id)
        if seen is None or seen[0].current.date <= entry.current.date:
            latest[entry.organisation_id] = pair
    return [pair for pair in pairs if latest[pair[0].organisation_id] is pair]


def entry_focus_areas(plan: Plan, entry: MappingEntry, mapping: Mapping) -> tuple[str, ...]:
    """The focus areas an entry counts towards: its own, else its mapping's effort's."""
    if entry.focus_areas:
        return entry.focus_areas
    if mapping.indsats_id is not None:
        for indsats in plan.indsatser:
            if indsats.id == mapping.indsats_id and indsats.focus_area is not None:
                return (indsats.focus_area,)
    return ()


def _organisations(plan: Plan) -> dict[str, Organisation]:
    return {org.id: org for org in plan.organisations}


def _organisation(orgs: dict[str, Organisation], entry: MappingEntry) -> Organisation:
    try:
        return orgs[entry.organisation_id]
    except KeyError:
        raise CfbuError(
            N_(
                "mapping entry {entry!r} refers to organisation {organisation!r}, "
                "which the plan does not have (run cfbu_toolkit.validate on the plan)"
            ),
            entry=entry.id,
            organisation=entry.organisation_id,
        ) from None


def _plan_focus_areas(plan: Plan) -> list[str]:
    keys = list(plan.focus_areas)
    keys += [a.key for a in plan.custom_focus_areas if a.key not in keys]
    return keys


class _Tally:
    def __init__(self) -> None:
        self.mapped: Counter[str] = Counter()
        self.in_progress: Counter[str] = Counter()
        self.active: Counter[str] = Counter()

    def add(self, key: str, status: CollaborationStatus) -> None:
        self.mapped[key] += 1
        if status in _IN_PROGRESS:
            self.in_progress[key] += 1
        elif status is Status.ACTIVE:
            self.active[key] += 1

    def count(self, key: str, labels: tuple[str, str]) -> CoverageCount:
        return CoverageCount(
            key=key,
            label_da=labels[0],
            label_en=labels[1],
            mapped=self.mapped[key],
            in_progress=self.in_progress[key],
            active=self.active[key],
        )

    def enum_counts(self, cls: Iterable[LabelledEnum]) -> tuple[CoverageCount, ...]:
        return tuple(self.count(str(m), (m.label("da"), m.label("en"))) for m in cls)


def coverage(plan: Plan, mapping: Mapping | str | None = None) -> Coverage:
    """How a mapping (by object or id; by default all the plan's mappings) covers the field.

    With several mappings and no ``mapping``, each organisation counts once, by its most
    recently assessed entry.
    """
    orgs = _organisations(plan)
    sector, actor_type, resource, area = _Tally(), _Tally(), _Tally(), _Tally()
    total = active = without = 0
    found_areas: list[str] = []
    for entry, m in _selected(plan, mapping):
        org = _organisation(orgs, entry)
        status = entry.status
        total += 1
        active += status is Status.ACTIVE
        sector.add(org.sector.value, status)
        actor_type.add(org.actor_type.value, status)
        resource.add(org.resource_kind.value, status)
        keys = entry_focus_areas(plan, entry, m)
        without += not keys
        for key in keys:
            if key not in found_areas:
                found_areas.append(key)
            area.add(key, status)
    area_keys = _plan_focus_areas(plan)
    area_keys += [k for k in found_areas if k not in area_keys]
    return Coverage(
        total=total,
        active=active,
        by_sector=sector.enum_counts(ActorSector),
        by_actor_type=actor_type.enum_counts(ActorType),
        by_resource_kind=resource.enum_counts(ResourceKind),
        by_focus_area=tuple(
            area.count(k, (plan.focus_area_label(k, "da"), plan.focus_area_label(k, "en")))
            for k in area_keys
        ),
        without_focus_area=without,
    )


# -- gaps ------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class FocusAreaGap:
    """A focus area of the plan with no active partner, and how close it is to one."""

    key: str
    label_da: str
    label_en: str
    mapped: int
    in_progress: int

    def label(self, lang: Lang = "da") -> str:
        """The target group's name in ``lang``."""
        return {"da": self.label_da, "en": self.label_en}[lang]


@attrs.frozen(kw_only=True)
class TargetGroupGap:
    """A target group of the plan's efforts with no active partner."""

    target_group: str
    indsats_ids: tuple[str, ...]
    mapped: int
    in_progress: int


@attrs.frozen(kw_only=True)
class Gaps:
    """The plan's focus areas and target groups that no active partner works with."""

    focus_areas: tuple[FocusAreaGap, ...]
    target_groups: tuple[TargetGroupGap, ...]

    def __bool__(self) -> bool:
        return bool(self.focus_areas or self.target_groups)


_SPLIT = re.compile(r"[,;\n]+")


def _groups_named(text: str) -> set[str]:
    return {part.strip().casefold() for part in _SPLIT.split(text) if part.strip()}


def gaps(plan: Plan) -> Gaps:
    """Focus areas and target groups of the plan without an active partner.

    A focus area is covered by an active mapping entry that counts towards it (see
    :func:`entry_focus_areas`). The target groups are those of the plan's efforts; one is
    covered by an active entry in a mapping of an effort with that target group, or by an
    active entry that names the group among its own (separated by commas, semicolons or
    line breaks; case does not matter).
    """
    pairs = [(entry, m) for m in plan.mappings for entry in m.entries]
    areas = _Tally()
    for entry, m in pairs:
        for key in entry_focus_areas(plan, entry, m):
            areas.add(key, entry.status)
    area_gaps = tuple(
        FocusAreaGap(
            key=key,
            label_da=plan.focus_area_label(key, "da"),
            label_en=plan.focus_area_label(key, "en"),
            mapped=areas.mapped[key],
            in_progress=areas.in_progress[key],
        )
        for key in _plan_focus_areas(plan)
        if not areas.active[key]
    )
    groups: dict[str, tuple[str, list[str]]] = {}
    for indsats in plan.indsatser:
        name = indsats.target_group.strip()
        if name:
            groups.setdefault(name.casefold(), (name, []))[1].append(indsats.id)
    group_gaps = []
    for folded, (name, indsats_ids) in groups.items():
        tally = _Tally()
        for entry, m in pairs:
            if m.indsats_id in indsats_ids or folded in _groups_named(entry.target_groups):
                tally.add(folded, entry.status)
        if not tally.active[folded]:
            group_gaps.append(
                TargetGroupGap(
                    target_group=name,
                    indsats_ids=tuple(indsats_ids),
                    mapped=tally.mapped[folded],
                    in_progress=tally.in_progress[folded],
                )
            )
    return Gaps(focus_areas=area_gaps, target_groups=tuple(group_gaps))


# -- funnel ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class FunnelStage:
    """One stage: how many stand there now, and how many ever got this far."""

    status: CollaborationStatus
    current: int
    reached: int

    def label(self, lang: Lang = "da") -> str:
        """The stage's name in ``lang`` (its status's label)."""
        return self.status.label(lang)


@attrs.frozen(kw_only=True)
class Funnel:
    """The collaboration funnel of a mapping.

    ``reached`` of a stage counts the entries whose assessment history ever stood at that
    stage or a later one (every entry has reached *potential*: it was mapped). Paused,
    ended and deselected lie beside the funnel and are counted as they stand now.
    """

    total: int
    stages: tuple[FunnelStage, ...]
    paused: int
    ended: int
    deselected: int

    def stage(self, status: CollaborationStatus) -> FunnelStage:
        """The stage of ``status`` (``KeyError`` for a status beside the funnel)."""
        for stage in self.stages:
            if stage.status is status:
                return stage
        raise KeyError(status)


def funnel(plan: Plan, mapping: Mapping | str | None = None) -> Funnel:
    """The funnel of a mapping (by object or id; by default all the plan's mappings, each
    organisation once, as in :func:`coverage`)."""
    selected = _selected(plan, mapping)
    # One pass, counting stable values (str keys hash in C; enumeration members do not).
    current: Counter[str] = Counter()
    furthest: Counter[int] = Counter()
    for entry, _ in selected:
        history = entry.assessments
        current[history[-1].status._value_] += 1
        furthest[max([_RANK_OF_VALUE.get(a.status._value_, 0) for a in history])] += 1
    reached = [sum(n for rank, n in furthest.items() if rank >= r) for r in _RANKS]
    return Funnel(
        total=len(selected),
        stages=tuple(
            FunnelStage(status=status, current=current[status.value], reached=reached[rank])
            for rank, status in enumerate(FUNNEL_STAGES)
        ),
        paused=current[Status.PAUSED.value],
        ended=current[Status.ENDED.value],
        deselected=current[Status.DESELECTED.value],
    )


# -- what is due -------------------------------------------------------------------------


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
