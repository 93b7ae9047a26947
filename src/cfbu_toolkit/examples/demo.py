"""Placeholder demo plan: replaced by the full one (see the demo-plan work)."""

from __future__ import annotations

import datetime as dt

from ..model import ActorSector, FocusArea, FundingPeriod, Organisation, Period, Plan


def demo_plan() -> Plan:
    """A complete fictional plan (Danish, invented area and people)."""
    return Plan(
        id="plan-solbakken",
        name="Helhedsplan Solbakken 2022-2026",
        area="Solbakken",
        municipality="Egedal Kommune",
        funding_period=FundingPeriod.LBF_2019_26,
        focus_areas=tuple(a.value for a in FocusArea.of_period(FundingPeriod.LBF_2019_26)),
        period=Period(start=dt.date(2022, 7, 1), end=dt.date(2026, 6, 30)),
        organisations=(
            Organisation(id="org-jobcenter", name="Jobcenter", sector=ActorSector.MUNICIPALITY),
        ),
    )
