"""Workshops and groups: a programme built from the tools, and a group's meetings.

:func:`build_programme` turns a list of tools into a timed agenda: a welcome, one block per
tool (with a default length per tool, see :data:`DEFAULT_MINUTES`), breaks between the
blocks, and a closing round. :func:`add_meeting` records a meeting of a styre- or
følgegruppe with its decisions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

import attrs

from ..locale import N_, _, format_time
from ..model import (
    AgendaItem,
    AgendaTool,
    Group,
    Lang,
    Meeting,
    MemberRole,
    Membership,
    Workshop,
    WorkshopKind,
)
from ._errors import WorkflowError

__all__ = [
    "DEFAULT_MINUTES",
    "Decision",
    "add_meeting",
    "add_member",
    "build_programme",
    "build_workshop",
    "decisions",
    "finish_text",
    "programme_end",
    "programme_finish",
]

#: How long a block with each tool takes by default, in minutes.
DEFAULT_MINUTES: Mapping[AgendaTool, int] = {
    AgendaTool.MAPPING: 60,
    AgendaTool.HOUSING_SOCIAL_CONTRIBUTION: 75,
    AgendaTool.PARTNER_PERSPECTIVE: 75,
    AgendaTool.COLLABORATION_AGREEMENT: 60,
    AgendaTool.ACTIVITY_AGREEMENT: 45,
    AgendaTool.VALUE_GAME: 60,
}

_DESCRIPTIONS: Mapping[AgendaTool, tuple[str, str]] = {
    AgendaTool.MAPPING: (
        "Hvem er omkring indsatsen? Vi kortlægger professionelle og frivillige ressourcer.",
        "Who is around the effort? We map professional and volunteer resources.",
    ),
    AgendaTool.HOUSING_SOCIAL_CONTRIBUTION: (
        "Hvad står vi for, hvad kan vi bidrage med, og hvad vil vi opnå?",
        "What do we stand for, what can we contribute, and what do we want to achieve?",
    ),
    AgendaTool.PARTNER_PERSPECTIVE: (
        "Samarbejdspartens rammer, værdier og metoder.",
        "The partner's framework, values and methods.",
    ),
    AgendaTool.COLLABORATION_AGREEMENT: (
        "Vi gennemgår udkastet til samarbejdsaftale afsnit for afsnit.",
        "We go through the draft collaboration agreement section by section.",
    ),
    AgendaTool.ACTIVITY_AGREEMENT: (
        "Forventninger mellem den frivillige og den boligsociale indsats.",
        "Expectations between the volunteer and the housing-social effort.",
    ),
    AgendaTool.VALUE_GAME: (
        "Hver organisation lægger de værdier, samarbejdet skaber for den.",
        "Each organisation places the values the collaboration creates for it.",
    ),
}

_WELCOME = ("Velkomst og formål", "Welcome and purpose")
_BREAK = ("Pause", "Break")
_LUNCH = ("Frokost", "Lunch")
_CLOSING = ("Opsamling og næste skridt", "Summing up and next steps")


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[1] if lang == "en" else pair[0]


_DAY = 24 * 60


def _add(start: dt.time, minutes: int) -> dt.time:
    """The time ``minutes`` after ``start``, for a programme being built: one that runs
    past midnight is refused (a start typed as 19:00 for 09:00 is the likely cause)."""
    total = start.hour * 60 + start.minute + minutes
    if total >= _DAY:
        raise WorkflowError(
            N_(
                "the programme runs past midnight ({minutes} minutes after {start}); "
                "start earlier or shorten the blocks"
            ),
            minutes=minutes,
            start=start.isoformat("minutes"),
        )
    return dt.time(total // 60, total % 60)


def build_programme(
    tools: Sequence[AgendaTool],
    *,
    start: dt.time,
    minutes: Mapping[AgendaTool, int] | None = None,
    break_minutes: int = 15,
    welcome_minutes: int = 15,
    closing_minutes: int = 15,
    lunch_minutes: int = 45,
    lunch_after: dt.time = dt.time(11, 30),
    lang: Lang = "da",
) -> tuple[AgendaItem, ...]:
    """A timed agenda: welcome, one block per tool with breaks between, lunch, closing.

    ``minutes`` overrides :data:`DEFAULT_MINUTES` for some tools; a zero ``break_minutes``,
    ``welcome_minutes``, ``closing_minutes`` or ``lunch_minutes`` leaves that block out.
    Lunch takes the place of the break before the first tool that starts at
    ``lunch_after`` or later, or that would otherwise run more than an hour and a half
    past it; a programme that is over before then, or starts after it, has no lunch.
    Titles and descriptions are in ``lang``.
    """
    if not tools:
        raise WorkflowError(N_("a programme needs at least one tool"))
    for name, value in (
        ("break_minutes", break_minutes),
        ("welcome_minutes", welcome_minutes),
        ("closing_minutes", closing_minutes),
        ("lunch_minutes", lunch_minutes),
    ):
        if value < 0:
            raise WorkflowError(
                N_("{name} must be 0 or more, got {value}"), name=name, value=value
            )
    lengths = {**DEFAULT_MINUTES, **(minutes or {})}
    items: list[AgendaItem] = []
    clock = start

    def block(title: str, length: int, tool: AgendaTool | None = None, text: str = "") -> None:
        nonlocal clock
        if length <= 0:
            raise WorkflowError(
                N_("the block {title!r} must last at least one minute"), title=title
            )
        items.append(
            AgendaItem(title=title, start=clock, minutes=length, tool=tool, description=text)
        )
        clock = _add(clock, length)

    if welcome_minutes:
        block(_pick(_WELCOME, lang), welcome_minutes)
    lunch_from = lunch_after.hour * 60 + lunch_after.minute
    # A programme that starts after lunch time has had its lunch already.
    had_lunch = not lunch_minutes or start >= lunch_after
    for index, tool in enumerate(tools):
        now = clock.hour * 60 + clock.minute
        if (
            index
            and not had_lunch
            and (now >= lunch_from or now + lengths[tool] > lunch_from + 90)
        ):
            block(_pick(_LUNCH, lang), lunch_minutes)
            had_lunch = True
        elif index and break_minutes:
            block(_pick(_BREAK, lang), break_minutes)
        block(tool.label(lang), lengths[tool], tool, _pick(_DESCRIPTIONS[tool], lang))
    if closing_minutes:
        block(_pick(_CLOSING, lang), closing_minutes)
    return tuple(items)


def programme_finish(agenda: Iterable[AgendaItem]) -> tuple[dt.time, int] | None:
    """When the last timed block of ``agenda`` ends: the time of day and how many days
    after the programme's day (0 the same day, 1 past midnight); ``None`` if no block is
    timed.

    A plan may hold a programme that runs past midnight (a night café, or times typed
    by hand): it is shown as it is, never refused when it is exported.
    """
    last: int | None = None
    for item in agenda:
        if item.start is not None and item.minutes is not None:
            total = item.start.hour * 60 + item.start.minute + item.minutes
            last = total if last is None or total > last else last
    if last is None:
        return None
    days, minutes = divmod(last, _DAY)
    return dt.time(minutes // 60, minutes % 60), days


def programme_end(agenda: Iterable[AgendaItem]) -> dt.time | None:
    """The time of day the last timed block of ``agenda`` ends (``None`` if no block is
    timed); past midnight, on a later day (:func:`programme_finish` says which)."""
    finish = programme_finish(agenda)
    return finish[0] if finish is not None else None


def finish_text(agenda: Iterable[AgendaItem]) -> str | None:
    """When the programme ends, as every document showing it says it, in the current
    language ("Slut kl. 00.30 næste dag" past midnight); ``None`` if no block is timed."""
    finish = programme_finish(agenda)
    if finish is None:
        return None
    end, days = finish
    if days == 0:
        return _("Ends at {time}", time=format_time(end))
    if days == 1:
        return _("Ends at {time} the next day", time=format_time(end))
    return _("Ends at {time}, {days} days later", time=format_time(end), days=days)


def build_workshop(
    *,
    workshop_id: str,
    title: str,
    date: dt.date,
    tools: Sequence[AgendaTool],
    start: dt.time,
    kind: WorkshopKind = WorkshopKind.WITH_PARTNERS,
    place: str = "",
    facilitator: str = "",
    participant_ids: Iterable[str] = (),
    minutes: Mapping[AgendaTool, int] | None = None,
    break_minutes: int = 15,
    welcome_minutes: int = 15,
    closing_minutes: int = 15,
    lunch_minutes: int = 45,
    lunch_after: dt.time = dt.time(11, 30),
    lang: Lang = "da",
) -> Workshop:
    """A :class:`~cfbu_toolkit.model.Workshop` whose agenda is :func:`build_programme`'s."""
    agenda = build_programme(
        tools,
        start=start,
        minutes=minutes,
        break_minutes=break_minutes,
        welcome_minutes=welcome_minutes,
        closing_minutes=closing_minutes,
        lunch_minutes=lunch_minutes,
        lunch_after=lunch_after,
        lang=lang,
    )
    return Workshop(
        id=workshop_id,
        title=title,
        date=date,
        kind=kind,
        facilitator=facilitator,
        place=place,
        agenda=agenda,
        participant_ids=tuple(participant_ids),
    )


def add_member(
    group: Group,
    contact_id: str,
    *,
    organisation_id: str | None = None,
    role: MemberRole = MemberRole.MEMBER,
) -> Group:
    """A copy of ``group`` with a new member."""
    if any(m.contact_id == contact_id for m in group.members):
        raise WorkflowError(
            N_("{contact!r} is already a member of group {group!r}"),
            contact=contact_id,
            group=group.id,
        )
    member = Membership(contact_id=contact_id, organisation_id=organisation_id, role=role)
    return attrs.evolve(group, members=(*group.members, member))


def add_meeting(
    group: Group,
    *,
    date: dt.date,
    agenda: Iterable[str] = (),
    minutes: str = "",
    decisions: Iterable[str] = (),
) -> Group:
    """A copy of ``group`` with a meeting and its decisions; meetings stay in date order
    (a meeting on a day that already has one goes after it)."""
    meeting = Meeting(date=date, agenda=tuple(agenda), minutes=minutes, decisions=tuple(decisions))
    meetings = list(group.meetings)
    position = sum(1 for m in meetings if m.date <= date)
    meetings.insert(position, meeting)
    return attrs.evolve(group, meetings=tuple(meetings))


@attrs.frozen(kw_only=True)
class Decision:
    """A decision a group made, and when."""

    date: dt.date
    text: str


def decisions(group: Group, *, since: dt.date | None = None) -> tuple[Decision, ...]:
    """Every decision of the group's meetings (since ``since``, inclusive), oldest first."""
    return tuple(
        Decision(date=meeting.date, text=text)
        for meeting in sorted(group.meetings, key=lambda m: m.date)
        if since is None or meeting.date >= since
        for text in meeting.decisions
    )
