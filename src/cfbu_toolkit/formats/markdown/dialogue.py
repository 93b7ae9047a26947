"""A dialogue session: the tool's questions grouped by theme, with the answers.

A question not answered yet carries the facilitator's hint from the catalogue, so a session
without answers is the blank sheet to bring to the meeting."""

from __future__ import annotations

from ...locale import N_, _
from ...model import DialogueAnswer, DialogueQuestion, DialogueSession, DialogueTheme, DialogueTool
from . import fmt
from .context import Ctx
from .escape import Md, inline
from .writer import Doc

__all__ = ["dialogue_session", "find_tool"]


def find_tool(session: DialogueSession, ctx: Ctx) -> DialogueTool | None:
    """The question set a session answers, found in the plan (None without one)."""
    plan = ctx.names.plan
    if plan is None:
        return None
    for tool in plan.dialogue_tools:
        if tool.id == session.tool_id:
            return tool
    return None


def _italic(text: str) -> Md:
    return Md(f"*{inline(text)}*")


def _answer(doc: Doc, answer: DialogueAnswer | None, ctx: Ctx) -> None:
    if answer is None or not answer.text.strip():
        doc.para(_italic(_("Not answered.")))
        return
    doc.paragraphs(answer.text)
    if answer.agreed:
        doc.para(_italic(_("Everyone stood behind the answer.")))


def session_title(session: DialogueSession, ctx: Ctx) -> str:
    tool = find_tool(session, ctx)
    title = tool.title(ctx.lang) if tool is not None else _("Dialogue session")
    if session.about_organisation_id:
        return f"{title} – {ctx.names.org(session.about_organisation_id)}"
    return f"{title} – {ctx.names.org(session.organisation_id)}"


def dialogue_session(doc: Doc, session: DialogueSession, ctx: Ctx) -> None:
    """Write a dialogue session: its questions with their answers and the hints."""
    names = ctx.names
    tool = find_tool(session, ctx)
    doc.heading(ctx.h(0), session_title(session, ctx))
    fields = []
    if tool is not None:
        fields.append((_("Tool"), tool.title(ctx.lang)))
    else:
        fields.append((_("Tool"), session.tool_id))
    fields.append((_("Answered by"), names.org(session.organisation_id)))
    if session.about_organisation_id:
        fields.append((_("About"), names.org(session.about_organisation_id)))
    fields.append((_("Date"), fmt.date(session.date, ctx.lang)))
    if session.facilitator_id:
        fields.append((_("Facilitator"), names.contact(session.facilitator_id)))
    if session.participant_ids:
        fields.append((_("Participants"), names.contacts(session.participant_ids)))
    doc.fields(fields)

    if tool is None:
        doc.para(_italic(_(_TOOL_UNKNOWN)))
        doc.heading(ctx.h(1), _("Answers"))
        for answer in session.answers:
            doc.heading(ctx.h(2), answer.question_id)
            _answer(doc, answer, ctx)
    else:
        _by_theme(doc, session, tool, ctx)

    if session.follow_ups:
        doc.heading(ctx.h(1), _("Follow-up"))
        doc.bullets(session.follow_ups)


def _by_theme(doc: Doc, session: DialogueSession, tool: DialogueTool, ctx: Ctx) -> None:
    themes: dict[DialogueTheme, list[tuple[int, DialogueQuestion]]] = {}
    for number, question in enumerate(tool.questions, 1):
        themes.setdefault(question.theme, []).append((number, question))
    for theme, questions in themes.items():
        doc.heading(ctx.h(1), ctx.label(theme))
        for number, question in questions:
            doc.heading(ctx.h(2), f"{number}. {question.text(ctx.lang)}")
            answer = session.answer(question.id)
            hint = question.hint(ctx.lang)
            if hint and (answer is None or not answer.text.strip()):
                # a question still to be asked: the facilitator's hint goes with it
                doc.para(_italic(_("For the facilitator: {hint}", hint=hint)))
            _answer(doc, answer, ctx)
    known = {q.id for q in tool.questions}
    others = [a for a in session.answers if a.question_id not in known]
    if others:
        doc.heading(ctx.h(1), _("Answers outside the question set"))
        for answer in others:
            doc.heading(ctx.h(2), answer.question_id)
            _answer(doc, answer, ctx)


_TOOL_UNKNOWN = N_(
    "The question set is not part of the document; answers are listed by question id."
)
