"""The funnel: potential → contacted → in dialogue → active, and beside it."""

from __future__ import annotations

from collections import Counter

import attrs

from ...model import (
    CollaborationStatus,
    Lang,
    Mapping,
    Plan,
)
from ._shared import (
    _RANK_OF_VALUE,
    _RANKS,
    FUNNEL_STAGES,
    Status,
)
from .counts import _selected


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
    # One pass collecting stable values (str keys hash in C; enumeration members do not),
    # then counted in C: each entry's status now, and the furthest stage it reached (for an
    # entry assessed once, where it is now).
    rank = _RANK_OF_VALUE.get
    now: list[str] = []
    once: list[str] = []
    furthest_of_history: list[int] = []
    for entry, _ in selected:
        history = entry.assessments
        value = history[-1].status._value_
        now.append(value)
        if len(history) == 1:
            once.append(value)
        else:
            furthest_of_history.append(max([rank(a.status._value_, 0) for a in history]))
    current = Counter(now)
    furthest = Counter(furthest_of_history)
    for value, n in Counter(once).items():
        furthest[rank(value, 0)] += n
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
