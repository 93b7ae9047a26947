"""The workflows on the command line: ``cfbu dialogue`` and ``cfbu workshop`` (agreements,
the value game and groups have modules of their own).

Commands that change a plan read it from FILE and write the changed plan to ``--out`` (the
format chosen from its suffix; it may be FILE itself, which is replaced only when the
export succeeds). Commands that show something print Markdown, or write it to ``--out``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, cast

import click

from ..locale import N_, _, current_lang
from ..model import AgendaTool, DialogueToolKind, Lang, Plan
from ._common import (
    Command,
    Group,
    argument,
    friendly_errors,
    lang_option,
    option,
)
from ._values import (
    DATE,
    OUT_FILE,
    PLAN_FILE,
    TIME,
    LabelChoice,
    change_plan,
    load_plan,
    save_plan,
    show_text,
)

LANGS = click.Choice(["da", "en"])


def _day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            _("{value!r} is not a date such as 2025-03-31", value=value)
        ) from None


_OUT_HELP = N_("Write the changed plan here (the format from the suffix; may be FILE itself).")
_LANG_HELP = N_("Language of what is printed and written: da (default) or en.")
_SHOW_HELP = N_("Write the Markdown here instead of printing it.")


# --- dialogue ------------------------------------------------------------------------------


@click.group(
    cls=Group,
    help=N_("The dialogue tools: start a session, record answers, compare the two perspectives."),
)
def dialogue() -> None:
    """Dialogue sessions: start, answer, list what is open, compare."""


@dialogue.command(name="start", help=N_("Start a dialogue session in the plan in FILE."))
@argument("file", type=PLAN_FILE)
@option(
    "--tool",
    "tool_kind",
    type=click.Choice(
        [
            DialogueToolKind.HOUSING_SOCIAL_CONTRIBUTION.value,
            DialogueToolKind.PARTNER_PERSPECTIVE.value,
        ]
    ),
    required=True,
)
@option("--org", "organisation_id", required=True, help=N_("The organisation that answers."))
@option("--about", help=N_("The partner the answers are about (partner perspective)."))
@option("--id", "session_id", required=True, help=N_("The new session's id."))
@option("--date", "date_text", help=N_("The day of the session (YYYY-MM-DD)."))
@option("-o", "--out", type=OUT_FILE, required=True, help=_OUT_HELP)
def dialogue_start(
    file: Path,
    tool_kind: str,
    organisation_id: str,
    about: str | None,
    session_id: str,
    date_text: str | None,
    out: Path,
) -> None:
    """Start a dialogue session and write the plan with it to OUT."""
    from ..workflows.dialogue import start_session

    kind = DialogueToolKind(tool_kind)
    day = _day(date_text)
    change_plan(
        file,
        out,
        lambda plan: start_session(
            kind, organisation_id, about=about, session_id=session_id, date=day, plan=plan
        ),
    )


def _session(plan: Plan, session_id: str) -> Any:
    from ..workflows._errors import WorkflowError

    for session in plan.dialogue_sessions:
        if session.id == session_id:
            return session
    raise WorkflowError(
        N_("plan {plan!r} has no dialogue session {session!r}"), plan=plan.id, session=session_id
    )


@dialogue.command(
    name="answer", help=N_("Record (or replace) the answer to one question of a session.")
)
@argument("file", type=PLAN_FILE)
@option("--session", "session_id", required=True, help=N_("The session's id."))
@option("--question", "question_id", required=True, help=N_("The question's id."))
@option("--text", required=True, help=N_("The answer."))
@option("--agreed", is_flag=True, help=N_("Everyone present stands behind the answer."))
@option("-o", "--out", type=OUT_FILE, required=True, help=_OUT_HELP)
def dialogue_answer(
    file: Path, session_id: str, question_id: str, text: str, agreed: bool, out: Path
) -> None:
    """Record one answer in a session and write the plan to OUT."""
    from ..workflows.dialogue import record_answer, tool_for

    def change(plan: Plan) -> Any:
        session = _session(plan, session_id)
        tool = tool_for(session, plan)
        return record_answer(session, question_id, text, agreed=agreed, tool=tool)

    change_plan(file, out, change)


@dialogue.command(name="unanswered", help=N_("List the questions a session has not answered yet."))
@argument("file", type=PLAN_FILE)
@option("--session", "session_id", required=True, help=N_("The session's id."))
@option("--lang", type=LANGS, default=None, help=_LANG_HELP)
def dialogue_unanswered(file: Path, session_id: str, lang: str | None) -> None:
    """List the questions of a session still without an answer."""
    from ..workflows.dialogue import tool_for, unanswered

    with friendly_errors():
        plan = load_plan(file)
        session = _session(plan, session_id)
        for question in unanswered(session, tool_for(session, plan)):
            click.echo(f"{question.id}: {question.text(cast(Lang, lang or current_lang()))}")


@dialogue.command(
    name="compare",
    help=N_("Compare the housing-social contribution with the perspective on a partner."),
)
@argument("file", type=PLAN_FILE)
@option("--about", "partner_id", required=True, help=N_("The partner organisation."))
@option("--by", "organisation_id", help=N_("The organisation that recorded the sessions."))
@option("--lang", type=LANGS, default=None, help=_LANG_HELP)
@option("-o", "--out", type=OUT_FILE, help=_SHOW_HELP)
def dialogue_compare(
    file: Path, partner_id: str, organisation_id: str | None, lang: str | None, out: Path | None
) -> None:
    """Show the team's own answers beside what it knows of a partner."""
    from ..formats.markdown.workflow_views import comparison_markdown
    from ..workflows.dialogue import compare_in_plan

    with friendly_errors():
        plan = load_plan(file)
        comparison = compare_in_plan(plan, partner_id, organisation_id=organisation_id)
        show_text(
            comparison_markdown(comparison, plan=plan, lang=cast(Lang, lang or current_lang())),
            out,
        )


# --- agreements ----------------------------------------------------------------------------


# --- workshop ------------------------------------------------------------------------------


@click.group(cls=Group, help=N_("Workshops: a programme built from the tools."))
def workshop() -> None:
    """Workshops: a programme built from the tools."""


@workshop.command(
    name="programme",
    cls=Command,
    help=N_(
        "Print a timed programme for a workshop with the given tools, with breaks and lunch; "
        "--save adds it to a plan as a workshop."
    ),
)
@option(
    "--tool",
    "tools",
    type=LabelChoice(AgendaTool),
    multiple=True,
    required=True,
    help=N_("A tool, in the order of the day (repeat)."),
)
@option("--start", type=TIME, default="9:00", show_default=True, help=N_("Start time."))
@option(
    "--break",
    "break_minutes",
    type=click.IntRange(min=0),
    default=15,
    show_default=True,
    help=N_("Minutes of each break between tools (0: none)."),
)
@option(
    "--lunch",
    "lunch_minutes",
    type=click.IntRange(min=0),
    default=45,
    show_default=True,
    help=N_("Minutes of lunch (0: none)."),
)
@option(
    "--lunch-after",
    type=TIME,
    default="11:30",
    show_default=True,
    help=N_("Lunch comes at the first break from this time."),
)
@option(
    "--save",
    type=PLAN_FILE,
    help=N_("Add the workshop to the plan in this file (with --title and --date)."),
)
@option("--title", help=N_("The workshop's title (for --save)."))
@option("--date", "date", type=DATE, help=N_("The workshop's day (for --save)."))
@option("--id", "workshop_id", help=N_("The workshop's id (for --save; made up by default)."))
@option("--place", default="", help=N_("Where it is held (for --save)."))
@lang_option
@option(
    "-o",
    "--out",
    type=OUT_FILE,
    help=N_("Write the programme (or, with --save, the plan) here."),
)
def workshop_programme(
    tools: tuple[AgendaTool, ...],
    start: dt.time,
    break_minutes: int,
    lunch_minutes: int,
    lunch_after: dt.time,
    save: Path | None,
    title: str | None,
    date: dt.date | None,
    workshop_id: str | None,
    place: str,
    out: Path | None,
) -> None:
    """Print a timed programme for a workshop with the given tools, with breaks and
    lunch; --save adds it to a plan as a workshop."""
    from ..formats.markdown.workflow_views import programme_markdown
    from ..workflows._errors import WorkflowError
    from ..workflows.workshops import build_programme, build_workshop

    with friendly_errors():
        language = current_lang()
        options: dict[str, Any] = {
            "start": start,
            "break_minutes": break_minutes,
            "lunch_minutes": lunch_minutes,
            "lunch_after": lunch_after,
            "lang": language,
        }
        agenda = build_programme(list(tools), **options)
        if save is not None:
            if title is None or date is None:
                raise WorkflowError(N_("--save needs --title and --date"))
            from ..model import new_id
            from ..workflows import put

            plan = load_plan(save)
            made = build_workshop(
                workshop_id=workshop_id or new_id("ws-"),
                title=title,
                date=date,
                tools=list(tools),
                place=place,
                **options,
            )
            save_plan(put(plan, made), out or save)
            agenda = made.agenda
            out = None
        show_text(programme_markdown(agenda, lang=language), out)


COMMANDS = (dialogue, workshop)
