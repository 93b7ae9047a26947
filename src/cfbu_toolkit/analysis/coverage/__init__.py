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

from ._shared import FUNNEL_STAGES, KIND_LABELS
from .counts import Coverage, CoverageCount, coverage, entry_focus_areas
from .due import ExpiringAgreement, FollowUp, agreements_expiring, follow_ups_due
from .funnel import Funnel, FunnelStage, funnel
from .gaps import FocusAreaGap, Gaps, TargetGroupGap, gaps

__all__ = [
    "FUNNEL_STAGES",
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
