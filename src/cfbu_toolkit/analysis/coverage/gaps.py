"""Gaps: the plan's focus areas and target groups with no active partner."""

from __future__ import annotations

import re

import attrs

from ...model import (
    Plan,
)
from ._shared import _Labelled
from .counts import _plan_focus_areas, _Tally, entry_focus_areas


@attrs.frozen(kw_only=True)
class FocusAreaGap(_Labelled):
    """A focus area of the plan with no active partner, and how close it is to one."""

    key: str
    label_da: str
    label_en: str
    mapped: int
    in_progress: int


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
