"""Markdown for the workflows' own views: the readiness checklist, the dialogue comparison
and the workshop programme, in Danish (default) or English.

Every piece of user text (titles, names, answers, headings) is escaped with the Markdown
exporter's rules, so it reads as text and never as structure. Each function returns the
document as a string ending in a newline; ``level`` is the level of its first heading (2 by
default, deeper where the Markdown exporter places the view inside a larger document).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ...model import AgendaItem, Lang, Plan, Workshop
from ...workflows.agreements import Readiness
from ...workflows.dialogue import AnsweredQuestion, DialogueComparison, TopicComparison
from .escape import cell, heading, inline

__all__ = ["comparison_markdown", "programme_markdown", "readiness_markdown"]

_WORDS: dict[str, tuple[str, str]] = {
    "readiness": ("Klar til underskrift?", "Ready to sign?"),
    "ready": ("Klar til underskrift.", "Ready to sign."),
    "not_ready_one": ("Ikke klar: 1 punkt mangler.", "Not ready: 1 item is missing."),
    "not_ready_many": ("Ikke klar: {n} punkter mangler.", "Not ready: {n} items are missing."),
    "collaboration_agreement": ("Samarbejdsaftale", "Collaboration agreement"),
    "activity_agreement": ("Aktivitetsaftale", "Activity agreement"),
    "comparison": (
        "Det boligsociale bidrag og samarbejdspartens perspektiv",
        "The housing-social contribution and the partner's perspective",
    ),
    "between": ("{own} om sig selv og om {partner}", "{own} about itself and about {partner}"),
    "gaps": ("Hvor der skal tales sammen", "Where to talk"),
    "no_gaps": (
        "Begge sider har svaret på alle emner, og svarene er der enighed om.",
        "Both sides have answered every topic, and the answers are agreed.",
    ),
    "own_side": ("Det siger vi om os selv", "What we say about ourselves"),
    "partner_side": ("Det har vi noteret om {partner}", "What we recorded about {partner}"),
    "no_answer": ("Intet svar.", "No answer."),
    "unanswered": ("Ubesvaret", "Unanswered"),
    "not_agreed": ("(ikke enighed)", "(not agreed)"),
    "shared_terms": ("Fælles ord", "Words in common"),
    "programme": ("Program", "Programme"),
    "time": ("Tidspunkt", "Time"),
    "minutes": ("Minutter", "Minutes"),
    "item": ("Punkt", "Item"),
    "tool": ("Redskab", "Tool"),
    "ends": ("Slut", "Ends"),
    "place": ("Sted", "Place"),
    "facilitator": ("Facilitator", "Facilitator"),
}


def _w(key: str, lang: Lang, **values: object) -> str:
    text = _WORDS[key][1 if lang == "en" else 0]
    return text.format(**values) if values else text


def _h(level: int) -> str:
    """The marks of a heading at ``level`` (Markdown has six)."""
    return "#" * max(1, min(level, 6))


def _date(day: object, lang: Lang) -> str:
    import datetime as dt

    if not isinstance(day, dt.date):
        return ""
    return f"{day.day}.{day.month}.{day.year}" if lang == "da" else day.isoformat()


# --- readiness ---------------------------------------------------------------------------


def readiness_markdown(
    readiness: Readiness, *, lang: Lang = "da", level: int = 2, titled: bool = True
) -> str:
    """The readiness check as a checklist: ``- [x]`` for what holds, ``- [ ]`` for what
    still stands between the agreement and a signature (said as the problem).

    ``titled=False`` leaves the agreement's kind and title out of the heading, for the
    checklist inside the agreement's own document.
    """
    title = _w("readiness", lang)
    if titled:
        title += f" {_w(readiness.kind, lang)}: {heading(readiness.title)}"
    lines = [f"{_h(level)} {title}", ""]
    count = len(readiness.findings)
    if count == 0:
        lines.append(_w("ready", lang))
    elif count == 1:
        lines.append(_w("not_ready_one", lang))
    else:
        lines.append(_w("not_ready_many", lang, n=count))
    lines.append("")
    for check in readiness.checks:
        box = "x" if check.ok else " "
        lines.append(f"- [{box}] {inline(check.message(lang))}")
    return "\n".join(lines) + "\n"


# --- dialogue comparison -----------------------------------------------------------------


def _name(plan: Plan | None, organisation_id: str) -> str:
    if plan is not None:
        for organisation in plan.organisations:
            if organisation.id == organisation_id:
                return organisation.name
    return organisation_id


def _answers(items: Sequence[AnsweredQuestion], lang: Lang) -> list[str]:
    lines = []
    for item in items:
        flag = "" if item.answer.agreed else f" {_w('not_agreed', lang)}"
        lines.append(f"- **{inline(item.question.text(lang))}**{flag}")
        lines.append(f"  {inline(item.answer.text)}")
    return lines


def _topic(topic: TopicComparison, partner: str, lang: Lang, level: int) -> list[str]:
    lines = [f"{_h(level)} {topic.topic.label(lang)}", "", f"*{topic.status.label(lang)}*", ""]
    for title, answered, missing in (
        (_w("own_side", lang), topic.own, topic.own_unanswered),
        (_w("partner_side", lang, partner=partner), topic.partner, topic.partner_unanswered),
    ):
        lines += [f"{_h(level + 1)} {title}", ""]
        if answered:
            lines += _answers(answered, lang)
        else:
            lines.append(_w("no_answer", lang))
        if missing:
            lines.append("")
            lines.append(f"{_w('unanswered', lang)}:")
            lines.append("")
            lines += [f"- {inline(q.text(lang))}" for q in missing]
        lines.append("")
    if topic.shared_terms:
        terms = ", ".join(inline(t) for t in topic.shared_terms)
        lines += [f"{_w('shared_terms', lang)}: {terms}", ""]
    return lines


def comparison_markdown(
    comparison: DialogueComparison,
    *,
    plan: Plan | None = None,
    lang: Lang = "da",
    level: int = 2,
) -> str:
    """The two perspectives side by side: first where to talk, then topic by topic.

    With ``plan``, organisations are named; otherwise by id.
    """
    own = heading(_name(plan, comparison.organisation_id))
    partner = heading(_name(plan, comparison.partner_id))
    lines = [
        f"{_h(level)} {_w('comparison', lang)}",
        "",
        _w("between", lang, own=own, partner=partner),
        "",
        f"{_h(level + 1)} {_w('gaps', lang)}",
        "",
    ]
    if comparison.gaps:
        lines += [f"- {t.topic.label(lang)}: {t.status.label(lang)}" for t in comparison.gaps]
    else:
        lines.append(_w("no_gaps", lang))
    lines.append("")
    for topic in comparison.topics:
        lines += _topic(topic, partner, lang, level + 1)
    return "\n".join(lines).rstrip("\n") + "\n"


# --- workshop programme ------------------------------------------------------------------


def _clock(item: AgendaItem) -> str:
    return item.start.isoformat("minutes") if item.start is not None else ""


def programme_markdown(
    programme: Workshop | Iterable[AgendaItem], *, lang: Lang = "da", level: int = 2
) -> str:
    """A workshop's programme (or an agenda) as a table: time, minutes, item, tool."""
    lines: list[str] = []
    if isinstance(programme, Workshop):
        workshop = programme
        items: tuple[AgendaItem, ...] = workshop.agenda
        lines += [f"{_h(level)} {_w('programme', lang)}: {heading(workshop.title)}", ""]
        facts = [_date(workshop.date, lang), workshop.kind.label(lang)]
        if workshop.place:
            facts.append(f"{_w('place', lang)}: {inline(workshop.place)}")
        if workshop.facilitator:
            facts.append(f"{_w('facilitator', lang)}: {inline(workshop.facilitator)}")
        lines += [" · ".join(facts), ""]
    else:
        items = tuple(programme)
        lines += [f"{_h(level)} {_w('programme', lang)}", ""]
    header = " | ".join(_w(key, lang) for key in ("time", "minutes", "item", "tool"))
    lines += [
        f"| {header} |",
        "| --- | ---: | --- | --- |",
    ]
    for item in items:
        what = f"**{cell(item.title)}**"
        if item.description:
            what += f"<br>{cell(item.description)}"
        minutes = "" if item.minutes is None else str(item.minutes)
        tool = item.tool.label(lang) if item.tool is not None else ""
        lines.append(f"| {_clock(item)} | {minutes} | {what} | {cell(tool)} |")
    from ...workflows.workshops import programme_end

    end = programme_end(items)
    if end is not None:
        lines += ["", f"{_w('ends', lang)}: {end.isoformat('minutes')}"]
    return "\n".join(lines) + "\n"
