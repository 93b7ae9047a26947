"""Markdown for the workflows' own views: the readiness checklist, the dialogue comparison
and the workshop programme, in the current language (see :func:`cfbu_toolkit.locale.use_lang`).

Every piece of user text (titles, names, answers, headings) is escaped with the Markdown
exporter's rules, so it reads as text and never as structure. Each function returns the
document as a string ending in a newline; ``level`` is the level of its first heading (2 by
default, deeper where the Markdown exporter places the view inside a larger document).
Functions that take ``lang=`` render in that language (``None``: the current one).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ...locale import N_, Lang, _, current_lang, format_time, ngettext, use_lang
from ...model import ActivityAgreement, AgendaItem, CollaborationAgreement, Plan, Workshop
from ...workflows.agreements import Readiness
from ...workflows.dialogue import AnsweredQuestion, DialogueComparison, TopicComparison
from ...workflows.missing import missing
from . import fmt
from .escape import cell, heading, inline

__all__ = ["comparison_markdown", "programme_markdown", "readiness_markdown"]

_KINDS = {
    "collaboration_agreement": N_("Collaboration agreement"),
    "activity_agreement": N_("Activity agreement"),
}


def _h(level: int) -> str:
    """The marks of a heading at ``level`` (Markdown has six)."""
    return "#" * max(1, min(level, 6))


def _name(plan: Plan | None, organisation_id: str) -> str:
    if plan is not None:
        for organisation in plan.organisations:
            if organisation.id == organisation_id:
                return organisation.name
    return organisation_id


# --- readiness ---------------------------------------------------------------------------


def readiness_markdown(
    readiness: Readiness,
    *,
    lang: Lang | None = None,
    level: int = 2,
    titled: bool = True,
    agreement: CollaborationAgreement | ActivityAgreement | None = None,
    plan: Plan | None = None,
) -> str:
    """The readiness check: first what is still missing before the agreement can be
    signed, said as what is missing ("Solbakkeskolen mangler en underskriver"), then what
    is in place, ticked (``- [x]``).

    ``titled=False`` leaves the agreement's kind and title out of the heading, for the
    checklist inside the agreement's own document. With ``agreement`` (and ``plan`` for
    the names of the parties), each missing item is phrased from the agreement itself;
    without it, from the check.
    """
    with use_lang(lang):
        title = _("Ready to sign?")
        if titled:
            title += f" {_(_KINDS[readiness.kind])}: {heading(readiness.title)}"
        lines = [f"{_h(level)} {title}", ""]
        count = len(readiness.findings)
        if count == 0:
            lines += [_("Nothing is missing: the agreement is ready to be signed."), ""]
        else:
            if agreement is not None:
                said = missing(readiness, agreement, lambda i: _name(plan, i))
            else:
                said = tuple(check.message(current_lang()) for check in readiness.findings)
            lines.append(
                ngettext(
                    "Not ready: {n} thing is missing.",
                    "Not ready: {n} things are missing.",
                    count,
                    n=count,
                )
            )
            lines.append("")
            lines += [f"- {inline(line)}" for line in said]
            lines.append("")
        done = [check for check in readiness.checks if check.ok]
        if done:
            lines += [_("In place:"), ""]
            lines += [f"- [x] {inline(check.message(current_lang()))}" for check in done]
        return "\n".join(lines).rstrip("\n") + "\n"


# --- dialogue comparison -----------------------------------------------------------------


def _answers(items: Sequence[AnsweredQuestion]) -> list[str]:
    lines = []
    for item in items:
        flag = "" if item.answer.agreed else f" {_(_W_NOT_AGREED)}"
        lines.append(f"- **{inline(item.question.text(current_lang()), start=False)}**{flag}")
        lines.append(f"  {inline(item.answer.text)}")
    return lines


def _topic(topic: TopicComparison, partner: str, level: int) -> list[str]:
    lines = [
        f"{_h(level)} {topic.topic.label(current_lang())}",
        "",
        f"*{topic.status.label(current_lang())}*",
        "",
    ]
    for title, answered, unanswered in (
        (_("What we say about ourselves"), topic.own, topic.own_unanswered),
        (
            _("What we recorded about {partner}", partner=partner),
            topic.partner,
            topic.partner_unanswered,
        ),
    ):
        lines += [f"{_h(level + 1)} {title}", ""]
        if answered:
            lines += _answers(answered)
        else:
            lines.append(_("No answer."))
        if unanswered:
            lines += ["", _("Unanswered:"), ""]
            lines += [f"- {inline(q.text(current_lang()))}" for q in unanswered]
        lines.append("")
    if topic.shared_terms:
        terms = ", ".join(inline(t, start=False) for t in topic.shared_terms)
        lines += [_("Words in common: {terms}", terms=terms), ""]
    return lines


def comparison_markdown(
    comparison: DialogueComparison,
    *,
    plan: Plan | None = None,
    lang: Lang | None = None,
    level: int = 2,
) -> str:
    """The two perspectives side by side: first where to talk, then topic by topic.

    With ``plan``, organisations are named; otherwise by id.
    """
    with use_lang(lang):
        own = heading(_name(plan, comparison.organisation_id))
        partner = heading(_name(plan, comparison.partner_id))
        lines = [
            f"{_h(level)} {_(_W_THE_HOUSING_SOCIAL_CONTRIBUTION)}",
            "",
            _("{own} about itself and about {partner}", own=own, partner=partner),
            "",
            f"{_h(level + 1)} {_(_W_WHERE_TO_TALK)}",
            "",
        ]
        if comparison.gaps:
            lines += [
                f"- {t.topic.label(current_lang())}: {t.status.label(current_lang())}"
                for t in comparison.gaps
            ]
        else:
            lines.append(_("Both sides have answered every topic, and the answers are agreed."))
        lines.append("")
        for topic in comparison.topics:
            lines += _topic(topic, partner, level + 1)
        return "\n".join(lines).rstrip("\n") + "\n"


# --- workshop programme ------------------------------------------------------------------


def _clock(item: AgendaItem) -> str:
    return format_time(item.start) if item.start is not None else ""


def programme_markdown(
    programme: Workshop | Iterable[AgendaItem], *, lang: Lang | None = None, level: int = 2
) -> str:
    """A workshop's programme (or an agenda) as a table: time, minutes, item, tool."""
    with use_lang(lang):
        lines: list[str] = []
        if isinstance(programme, Workshop):
            workshop = programme
            items: tuple[AgendaItem, ...] = workshop.agenda
            lines += [f"{_h(level)} {_(_W_PROGRAMME)}: {heading(workshop.title)}", ""]
            facts = [fmt.date(workshop.date), workshop.kind.label(current_lang())]
            if workshop.place:
                facts.append(f"{_(_W_PLACE)}: {inline(workshop.place, start=False)}")
            if workshop.facilitator:
                facts.append(f"{_(_W_FACILITATOR)}: {inline(workshop.facilitator, start=False)}")
            lines += [" · ".join(facts), ""]
        else:
            items = tuple(programme)
            lines += [f"{_h(level)} {_(_W_PROGRAMME)}", ""]
        header = " | ".join(_(word) for word in _HEADER)
        lines += [
            f"| {header} |",
            "| --- | ---: | --- | --- |",
        ]
        for item in items:
            what = f"**{cell(item.title)}**"
            if item.description:
                what += f"<br>{cell(item.description)}"
            minutes = "" if item.minutes is None else str(item.minutes)
            tool = item.tool.label(current_lang()) if item.tool is not None else ""
            lines.append(f"| {_clock(item)} | {minutes} | {what} | {cell(tool)} |")
        from ...workflows.workshops import finish_text

        finish = finish_text(items)
        if finish is not None:
            lines += ["", finish]
        return "\n".join(lines) + "\n"


_HEADER = (N_("Time"), N_("Minutes"), N_("Item"), N_("Tool"))


# Words used inside f-strings, marked here so the catalogue's extraction finds them.
_W_NOT_AGREED = N_("(not agreed)")
_W_THE_HOUSING_SOCIAL_CONTRIBUTION = N_(
    "The housing-social contribution and the partner’s perspective"
)
_W_WHERE_TO_TALK = N_("Where to talk")
_W_PROGRAMME = N_("Programme")
_W_PLACE = N_("Place")
_W_FACILITATOR = N_("Facilitator")
