"""``cfbu group``, ``cfbu meeting`` and ``cfbu followups``: a plan's groups, their meetings
(agenda, attendance, decisions, follow-ups) and every open follow-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..locale import N_, _, current_lang
from ..model import (
    GroupKind,
    MemberRole,
    Plan,
)
from ._common import Command, Group, friendly_errors, lang_option, option
from ._values import (
    DATE,
    PLAN_FILE,
    LabelChoice,
    change_plan,
    day_text,
    load_plan,
    plan_command,
)

F = TypeVar("F", bound=Callable[..., Any])

__all__ = ["COMMANDS"]


@click.group(
    name="group",
    cls=Group,
    help=N_("Steering, follow-up and working groups: members, roles, ambitions."),
)
def group() -> None:
    """Steering, follow-up and working groups: members, roles, ambitions."""


_GROUP = click.argument("group_name", metavar="GROUP")


def _change(file: Path, name: str, out: Path, change: Callable[[Plan, Any], Any]) -> None:
    """Change the group called ``name`` in the plan in FILE and write the plan to OUT."""
    from ..workflows.names import find_group

    change_plan(file, out, lambda plan: change(plan, find_group(plan, name)))


@plan_command(
    group,
    "add",
    N_("Add a group called NAME to the plan."),
    click.argument("name"),
    option(
        "--kind",
        type=LabelChoice(GroupKind),
        default=GroupKind.STEERING.value,
        show_default=True,
        help=N_("board, steering, follow_up, working_group or network (or the Danish name)."),
    ),
    option("--id", "group_id", help=N_("The group's id (made up by default).")),
    option("--mandate", default="", help=N_("What the group decides on.")),
)
def group_add(
    file: Path,
    name: str,
    kind: GroupKind,
    group_id: str | None,
    mandate: str,
    out: Path,
) -> None:
    """Add a group called NAME to the plan."""
    from ..workflows.groups import new_group

    change_plan(
        file,
        out,
        lambda _plan: new_group(name=name, kind=kind, group_id=group_id, mandate=mandate),
    )


@plan_command(
    group,
    "member",
    N_("Add PERSON to GROUP (both by name), change their role, or remove them."),
    _GROUP,
    click.argument("person"),
    option(
        "--role",
        type=LabelChoice(MemberRole),
        help=N_("chair, member, secretary or observer (or the Danish name)."),
    ),
    option("--for", "organisation", help=N_("The organisation the person sits for.")),
    option("--remove", is_flag=True, help=N_("Take the person out of the group.")),
)
def group_member(
    file: Path,
    group_name: str,
    person: str,
    role: MemberRole | None,
    organisation: str | None,
    remove: bool,
    out: Path,
) -> None:
    """Add PERSON to GROUP (both by name), change their role, or remove them."""
    from ..workflows.groups import add_member, remove_member, set_role

    def change(plan: Plan, chosen: Any) -> Any:
        if remove:
            return remove_member(plan, chosen, person)
        named = {c.id for c in plan.contacts if person in (c.name, c.id)}
        if any(m.contact_id in named for m in chosen.members):
            return set_role(plan, chosen, person, role or MemberRole.MEMBER)
        return add_member(
            plan, chosen, person, role=role or MemberRole.MEMBER, organisation=organisation
        )

    _change(file, group_name, out, change)


@plan_command(
    group,
    "ambition",
    N_("Add an ambition to GROUP (or remove one)."),
    _GROUP,
    click.argument("text"),
    option("--remove", is_flag=True, help=N_("Remove the ambition instead.")),
)
def group_ambition(file: Path, group_name: str, text: str, remove: bool, out: Path) -> None:
    """Add an ambition to GROUP (or remove one)."""
    from ..workflows.groups import add_ambition, remove_ambition

    step = remove_ambition if remove else add_ambition
    _change(file, group_name, out, lambda _plan, chosen: step(chosen, text))


@plan_command(
    group,
    "show",
    N_("Show GROUP: members and roles, ambitions, meetings with decisions."),
    _GROUP,
    changes=False,
)
def group_show(file: Path, group_name: str) -> None:
    """Show GROUP: members and roles, ambitions, meetings with decisions."""
    from ..workflows.names import find_group

    with friendly_errors():
        plan = load_plan(file)
        click.echo(group_text(plan, find_group(plan, group_name)), nl=False)


@click.group(
    name="meeting",
    cls=Group,
    help=N_("A group's meetings: agenda, attendance, decisions and follow-ups."),
)
def meeting() -> None:
    """A group's meetings: agenda, attendance, decisions and follow-ups."""


_PRESENT = option("--present", multiple=True, help=N_("Someone who came (repeat)."))
_ABSENT = option("--absent", multiple=True, help=N_("Someone who sent word (repeat)."))


@plan_command(
    meeting,
    "add",
    N_("Record a meeting of GROUP."),
    _GROUP,
    option("--date", "date", type=DATE, required=True, help=N_("The day of the meeting.")),
    option("--agenda", multiple=True, help=N_("An item on the agenda (repeat).")),
    _PRESENT,
    _ABSENT,
    option("--decision", "decisions", multiple=True, help=N_("A decision (repeat).")),
    option("--minutes", default="", help=N_("The minutes, as text.")),
)
def meeting_add(
    file: Path,
    group_name: str,
    date: dt.date,
    agenda: tuple[str, ...],
    present: tuple[str, ...],
    absent: tuple[str, ...],
    decisions: tuple[str, ...],
    minutes: str,
    out: Path,
) -> None:
    """Record a meeting of GROUP."""
    from ..workflows.groups import record_meeting

    def change(plan: Plan, chosen: Any) -> Any:
        return record_meeting(
            plan,
            chosen,
            date=date,
            agenda=agenda,
            present=present,
            absent=absent,
            decisions=decisions,
            minutes=minutes,
        )

    _change(file, group_name, out, change)


_MEETING_DATE = option(
    "--date",
    "date",
    type=DATE,
    help=N_("The day of the meeting (the latest meeting by default)."),
)


@plan_command(
    meeting,
    "decision",
    N_("Record a decision of GROUP's meeting."),
    _GROUP,
    click.argument("text"),
    _MEETING_DATE,
)
def meeting_decision(
    file: Path, group_name: str, text: str, date: dt.date | None, out: Path
) -> None:
    """Record a decision of GROUP's meeting."""
    from ..workflows.groups import add_decision

    _change(file, group_name, out, lambda _plan, chosen: add_decision(chosen, text, date=date))


@plan_command(
    meeting,
    "attendance",
    N_("Record who came to GROUP's meeting and who sent word."),
    _GROUP,
    _MEETING_DATE,
    _PRESENT,
    _ABSENT,
)
def meeting_attendance(
    file: Path,
    group_name: str,
    date: dt.date | None,
    present: tuple[str, ...],
    absent: tuple[str, ...],
    out: Path,
) -> None:
    """Record who came to GROUP's meeting and who sent word."""
    from ..workflows.groups import set_attendance

    _change(
        file,
        group_name,
        out,
        lambda plan, chosen: set_attendance(
            plan, chosen, date=date, present=present, absent=absent
        ),
    )


@plan_command(
    meeting,
    "followup",
    N_("Record a follow-up agreed at GROUP's meeting: what, who and by when."),
    _GROUP,
    click.argument("text"),
    _MEETING_DATE,
    option("--owner", help=N_("Who does it (a person's name).")),
    option("--due", type=DATE, help=N_("By when.")),
)
def meeting_followup(
    file: Path,
    group_name: str,
    text: str,
    date: dt.date | None,
    owner: str | None,
    due: dt.date | None,
    out: Path,
) -> None:
    """Record a follow-up agreed at GROUP's meeting: what, who and by when."""
    from ..workflows.groups import add_follow_up

    _change(
        file,
        group_name,
        out,
        lambda plan, chosen: add_follow_up(plan, chosen, text, date=date, owner=owner, due=due),
    )


@plan_command(
    meeting,
    "done",
    N_("Mark GROUP's open follow-up TEXT (or part of it) as done."),
    _GROUP,
    click.argument("text"),
    option("--on", "on", type=DATE, help=N_("The day it was done (today by default).")),
)
def meeting_done(file: Path, group_name: str, text: str, on: dt.date | None, out: Path) -> None:
    """Mark GROUP's open follow-up TEXT (or part of it) as done."""
    from ..workflows.groups import complete_follow_up

    day = on or dt.date.today()
    _change(file, group_name, out, lambda _plan, chosen: complete_follow_up(chosen, text, on=day))


@click.command(
    name="followups",
    cls=Command,
    help=N_(
        "List every open follow-up in the plan: the mapping's next steps, the meetings' "
        "follow-ups and the agreements' dates, oldest first, overdue ones marked."
    ),
)
@click.argument("file", type=PLAN_FILE)
@option("--today", "today", type=DATE, help=N_("Count overdue from this day (today)."))
@lang_option
def followups_command(file: Path, today: dt.date | None) -> None:
    """List every open follow-up in the plan: the mapping's next steps, the meetings'
    follow-ups and the agreements' dates, oldest first, overdue ones marked."""
    with friendly_errors():
        click.echo(followups_text(load_plan(file), today or dt.date.today()), nl=False)


def group_text(plan: Plan, group: Any) -> str:
    """A group as lines of text, in the current language."""
    people = {c.id: c.name for c in plan.contacts}
    lines = [f"{group.name} ({group.kind.label(current_lang())})"]
    if group.members:
        lines.append(_("Members:"))
        lines += [
            f"  {people.get(m.contact_id, m.contact_id)}: {m.role.label(current_lang())}"
            for m in group.members
        ]
    if group.ambitions:
        lines.append(_("Ambitions:"))
        lines += [f"  - {a}" for a in group.ambitions]
    for meeting in group.meetings:
        lines.append(_("Meeting {date}", date=day_text(meeting.date)))
        if meeting.agenda:
            lines.append("  " + _("Agenda: {items}", items="; ".join(meeting.agenda)))
        if meeting.present_ids:
            names = ", ".join(people.get(i, i) for i in meeting.present_ids)
            lines.append("  " + _("Present: {names}", names=names))
        if meeting.absent_ids:
            names = ", ".join(people.get(i, i) for i in meeting.absent_ids)
            lines.append("  " + _("Absent: {names}", names=names))
        lines += ["  " + _("Decided: {text}", text=d) for d in meeting.decisions]
        for follow_up in meeting.follow_ups:
            mark = "x" if follow_up.done else " "
            lines.append(f"  [{mark}] {follow_up.text}")
    return "\n".join(lines) + "\n"


def followups_text(plan: Plan, today: dt.date) -> str:
    """The open follow-ups as lines of text, in the current language."""
    from ..workflows.groups import followups

    found = followups(plan, today)
    if not found:
        return _("No open follow-ups.") + "\n"
    sources = {
        "mapping": _("Mapping"),
        "meeting": _("Meeting"),
        "agreement": _("Agreement"),
    }
    lines = []
    for item in found:
        due = day_text(item.due) if item.due else _("no date")
        mark = _("OVERDUE") + " " if item.overdue else ""
        owner = f" ({item.owner})" if item.owner else ""
        text = item.text or "-"
        lines.append(f"{mark}{due}  {sources[item.source]}: {item.where}: {text}{owner}")
    return "\n".join(lines) + "\n"


COMMANDS = (group, meeting, followups_command)
