"""A realistic, fictional demo plan: Helhedsplan Solbakken in Egedal Kommune.

Everything is invented: the area, the housing organisation, the people, their e-mail
addresses (on ``-eksempel.dk`` domains) and phone numbers. The plan is built on the
built-in catalogue and follows one new effort, *Unge på vej*, from mapping through dialogue
and agreements to the value game and the workshop day. All dates are fixed, so every call
gives an equal plan; the result is cached, which is safe because the model is frozen.

One mapping note names a contact person in full on purpose (the job centre's row), so
privacy redaction of free text has something to find.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from ..catalog import CATALOGUE_VERSION, dialogue_tools
from ..model import CoFinancing, CustomFocusArea, FocusArea, FundingPeriod, Period, Plan
from ._actors import contacts, organisations
from ._agreements import activity_agreements, collaboration_agreements
from ._dialogue import dialogue_sessions
from ._mapping import mapping
from ._organisation import groups, indsatser, workshops
from ._values import value_game

__all__ = ["demo_plan"]

_HEALTH = CustomFocusArea(
    key="health_wellbeing", label_da="Sundhed og trivsel", label_en="Health and well-being"
)


@cache
def demo_plan() -> Plan:
    """A complete fictional plan (Danish, invented area and people)."""
    return Plan(
        id="plan-solbakken",
        name="Helhedsplan Solbakken 2023-2026",
        area="Solbakken",
        municipality="Egedal Kommune",
        housing_departments=("Solbakken Nord (afd. 12)", "Solbakken Syd (afd. 14)"),
        funding_period=FundingPeriod.LBF_2019_26,
        focus_areas=(
            *(a.value for a in FocusArea.of_period(FundingPeriod.LBF_2019_26)),
            _HEALTH.key,
        ),
        custom_focus_areas=(_HEALTH,),
        period=Period(start=dt.date(2023, 1, 1), end=dt.date(2026, 12, 31)),
        budget_dkk=24_000_000,
        cofinancing=(
            CoFinancing(
                organisation_id="org-egedal-kommune",
                amount_dkk=3_800_000,
                note="Kommunens andel af den lokale medfinansiering",
            ),
            CoFinancing(
                organisation_id="org-boligselskabet-egebo",
                amount_dkk=2_400_000,
                note="Boligorganisationens andel, heraf lokaler i Solbakkehuset",
            ),
            CoFinancing(
                organisation_id="org-fonden-boern-i-boligomraader",
                amount_dkk=600_000,
                note="Bevilling til lektiecafé og fritidsaktiviteter",
            ),
        ),
        catalogue_version=CATALOGUE_VERSION,
        organisations=organisations(),
        contacts=contacts(),
        indsatser=indsatser(),
        groups=groups(),
        mappings=(mapping(),),
        dialogue_tools=dialogue_tools(),
        dialogue_sessions=dialogue_sessions(),
        collaboration_agreements=collaboration_agreements(),
        activity_agreements=activity_agreements(),
        value_games=(value_game(),),
        workshops=workshops(),
    )
