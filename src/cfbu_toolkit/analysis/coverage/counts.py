"""Coverage: mapping entries by sector, actor type, resource kind and focus area."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import attrs

from ...errors import CfbuError
from ...locale import N_
from ...model import (
    ActorSector,
    ActorType,
    CollaborationStatus,
    Mapping,
    MappingEntry,
    Organisation,
    Plan,
    ResourceKind,
)
from ...model.enums import LabelledEnum
from ._shared import (
    _IN_PROGRESS,
    Dimension,
    Status,
    _Labelled,
)


@attrs.frozen(kw_only=True)
class CoverageCount(_Labelled):
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
