"""The workflows' views inside the documents: the readiness checklist of an agreement not
yet signed, the dialogue comparisons of a plan, and each workshop's programme.

The views are :mod:`cfbu_toolkit.formats.markdown.workflow_views`'s (they escape user text with
:mod:`.escape`); this module picks what to show and at which heading level.
"""

from __future__ import annotations

import datetime as dt

from ...model import (
    ActivityAgreement,
    AgreementStatus,
    CollaborationAgreement,
    DialogueSession,
    DialogueTool,
    DialogueToolKind,
    Plan,
    Workshop,
)
from ...workflows import WorkflowError
from ...workflows.agreements import readiness
from ...workflows.dialogue import DialogueComparison, compare_perspectives, tool_for
from .context import Ctx
from .workflow_views import comparison_markdown, programme_markdown, readiness_markdown
from .writer import Doc

__all__ = ["UNSIGNED", "comparison", "dialogue_comparisons", "programme", "readiness_checklist"]

UNSIGNED = frozenset({AgreementStatus.DRAFT, AgreementStatus.IN_REVIEW})
"""The statuses whose agreement gets the "ready to sign?" checklist."""


def readiness_checklist(
    doc: Doc, agreement: CollaborationAgreement | ActivityAgreement, ctx: Ctx
) -> None:
    """What is still missing before an unsigned agreement can be signed, then what is in
    place."""
    if agreement.status not in UNSIGNED:
        return
    check = readiness(agreement, plan=ctx.names.plan)
    plan = ctx.names.plan
    view = readiness_markdown(
        check, lang=ctx.lang, level=ctx.h(1), titled=False, agreement=agreement, plan=plan
    )
    doc.markdown(view)


def _day(session: DialogueSession) -> dt.date:
    return session.date or dt.date.min


def dialogue_comparisons(plan: Plan) -> list[DialogueComparison]:
    """Each partner-perspective session (in the plan's order) next to the latest
    housing-social contribution session of the organisation that recorded it.

    A partner session about nobody, or whose organisation has no housing-social session,
    has nothing to be compared with and is left out.
    """
    tools: dict[str, DialogueTool] = {}
    own: dict[str, DialogueSession] = {}
    partners: list[DialogueSession] = []
    for session in plan.dialogue_sessions:
        try:
            tool = tool_for(session, plan)
        except WorkflowError:
            continue  # a question set the document does not know: no comparison
        tools[session.id] = tool
        if tool.kind is DialogueToolKind.HOUSING_SOCIAL_CONTRIBUTION:
            latest = own.get(session.organisation_id)
            if latest is None or _day(session) >= _day(latest):
                own[session.organisation_id] = session
        elif tool.kind is DialogueToolKind.PARTNER_PERSPECTIVE:
            partners.append(session)
    result = []
    for partner in partners:
        mine = own.get(partner.organisation_id)
        if mine is None or partner.about_organisation_id is None:
            continue
        result.append(
            compare_perspectives(
                mine, partner, own_tool=tools[mine.id], partner_tool=tools[partner.id]
            )
        )
    return result


def comparison(doc: Doc, compared: DialogueComparison, ctx: Ctx) -> None:
    """One comparison, its title at the part's level."""
    view = comparison_markdown(compared, plan=ctx.names.plan, lang=ctx.lang, level=ctx.h(0))
    doc.markdown(view)


def programme(doc: Doc, workshop: Workshop, ctx: Ctx) -> None:
    """The workshop's programme: times, blocks and the tool used in each, and its end."""
    if workshop.agenda:
        doc.markdown(programme_markdown(workshop.agenda, lang=ctx.lang, level=ctx.h(0)))
