"""The workflows on the command line: ``cfbu dialogue``, ``cfbu agreement``,
``cfbu valuegame`` and ``cfbu workshop``.

Commands that change a plan read it from FILE and write the changed plan to ``--out`` (the
format chosen from its suffix; it may be FILE itself, which is replaced only when the
export succeeds). Commands that show something print Markdown, or write it to ``--out``.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any, cast

import click

from ..model import AgendaTool, AgreementStatus, DialogueToolKind, Lang, Plan
from ._common import Group, friendly_errors

LANGS = click.Choice(["da", "en"])
PLAN_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
OUT_FILE = click.Path(dir_okay=False, path_type=Path)


_errors = friendly_errors


def _plan(file: Path) -> Plan:
    from .. import api
    from ..workflows._errors import WorkflowError

    obj = api.load(file)
    if not isinstance(obj, Plan):
        raise WorkflowError(f"{file} holds a {type(obj).__name__}, not a whole plan")
    return obj


def _save(plan: Plan, out: Path) -> None:
    from .. import api

    api.export(plan, out)
    click.echo(f"wrote {out}", err=True)


def _show(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=False)
        return
    from ..files import atomic_write

    with atomic_write(out) as stream:
        stream.write(text.encode("utf-8"))
    click.echo(f"wrote {out}", err=True)


def _day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date such as 2025-03-31") from None


_OUT_HELP = "Write the changed plan here (the format from the suffix; may be FILE itself)."
_SHOW_HELP = "Write the Markdown here instead of printing it."


# --- dialogue ------------------------------------------------------------------------------


@click.group(cls=Group)
def dialogue() -> None:
    """The dialogue tools: start a session, record answers, compare the two perspectives."""


@dialogue.command(name="start")
@click.argument("file", type=PLAN_FILE)
@click.option(
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
@click.option("--org", "organisation_id", required=True, help="The organisation that answers.")
@click.option("--about", help="The partner the answers are about (partner perspective).")
@click.option("--id", "session_id", required=True, help="The new session's id.")
@click.option("--date", "date_text", help="The day of the session (YYYY-MM-DD).")
@click.option("-o", "--out", type=OUT_FILE, required=True, help=_OUT_HELP)
def dialogue_start(
    file: Path,
    tool_kind: str,
    organisation_id: str,
    about: str | None,
    session_id: str,
    date_text: str | None,
    out: Path,
) -> None:
    """Start a dialogue session in the plan in FILE."""
    from ..workflows import put
    from ..workflows.dialogue import start_session

    with _errors():
        plan = _plan(file)
        session = start_session(
            DialogueToolKind(tool_kind),
            organisation_id,
            about=about,
            session_id=session_id,
            date=_day(date_text),
            plan=plan,
        )
        _save(put(plan, session), out)


def _session(plan: Plan, session_id: str) -> Any:
    from ..workflows._errors import WorkflowError

    for session in plan.dialogue_sessions:
        if session.id == session_id:
            return session
    raise WorkflowError(f"plan {plan.id!r} has no dialogue session {session_id!r}")


@dialogue.command(name="answer")
@click.argument("file", type=PLAN_FILE)
@click.option("--session", "session_id", required=True)
@click.option("--question", "question_id", required=True)
@click.option("--text", required=True, help="The answer.")
@click.option("--agreed", is_flag=True, help="Everyone present stands behind the answer.")
@click.option("-o", "--out", type=OUT_FILE, required=True, help=_OUT_HELP)
def dialogue_answer(
    file: Path, session_id: str, question_id: str, text: str, agreed: bool, out: Path
) -> None:
    """Record (or replace) the answer to one question of a session."""
    from ..workflows import put
    from ..workflows.dialogue import record_answer, tool_for

    with _errors():
        plan = _plan(file)
        session = _session(plan, session_id)
        tool = tool_for(session, plan)
        _save(put(plan, record_answer(session, question_id, text, agreed=agreed, tool=tool)), out)


@dialogue.command(name="unanswered")
@click.argument("file", type=PLAN_FILE)
@click.option("--session", "session_id", required=True)
@click.option("--lang", type=LANGS, default="da", show_default=True)
def dialogue_unanswered(file: Path, session_id: str, lang: str) -> None:
    """List the questions a session has not answered yet."""
    from ..workflows.dialogue import tool_for, unanswered

    with _errors():
        plan = _plan(file)
        session = _session(plan, session_id)
        for question in unanswered(session, tool_for(session, plan)):
            click.echo(f"{question.id}: {question.text(cast(Lang, lang))}")


@dialogue.command(name="compare")
@click.argument("file", type=PLAN_FILE)
@click.option("--about", "partner_id", required=True, help="The partner organisation.")
@click.option("--by", "organisation_id", help="The organisation that recorded the sessions.")
@click.option("--lang", type=LANGS, default="da", show_default=True)
@click.option("-o", "--out", type=OUT_FILE, help=_SHOW_HELP)
def dialogue_compare(
    file: Path, partner_id: str, organisation_id: str | None, lang: str, out: Path | None
) -> None:
    """Compare the housing-social contribution with the perspective on a partner."""
    from ..formats.markdown.workflow_views import comparison_markdown
    from ..workflows.dialogue import compare_in_plan

    with _errors():
        plan = _plan(file)
        comparison = compare_in_plan(plan, partner_id, organisation_id=organisation_id)
        _show(comparison_markdown(comparison, plan=plan, lang=cast(Lang, lang)), out)


# --- agreements ----------------------------------------------------------------------------


@click.group(cls=Group)
def agreement() -> None:
    """Samarbejdsaftaler and aktivitetsaftaler: draft, check, change status, expiry."""


@agreement.command(name="draft")
@click.argument("file", type=PLAN_FILE)
@click.option("--id", "agreement_id", required=True, help="The new agreement's id.")
@click.option("--title", help="Title of a samarbejdsaftale.")
@click.option("--party", "parties", multiple=True, help="A party's organisation id (repeat).")
@click.option("--activity", help="The activity of an aktivitetsaftale.")
@click.option("--volunteer-org", help="The volunteers' association (aktivitetsaftale).")
@click.option("--housing-contact", help="The housing-social contact person (aktivitetsaftale).")
@click.option("--lang", type=LANGS, default="da", show_default=True)
@click.option("-o", "--out", type=OUT_FILE, required=True, help=_OUT_HELP)
def agreement_draft(
    file: Path,
    agreement_id: str,
    title: str | None,
    parties: tuple[str, ...],
    activity: str | None,
    volunteer_org: str | None,
    housing_contact: str | None,
    lang: str,
    out: Path,
) -> None:
    """Draft a samarbejdsaftale (--title, --party ...) or an aktivitetsaftale (--activity)
    from the catalogue template and add it to the plan."""
    from ..workflows import put
    from ..workflows.agreements import draft_activity_agreement, draft_collaboration_agreement

    if (title is None) == (activity is None):
        raise click.UsageError("give either --title (samarbejdsaftale) or --activity")
    with _errors():
        plan = _plan(file)
        language = cast(Lang, lang)
        if title is not None:
            drafted: Any = draft_collaboration_agreement(
                plan, parties, title=title, agreement_id=agreement_id, lang=language
            )
        else:
            drafted = draft_activity_agreement(
                plan,
                activity=cast(str, activity),
                volunteer_organisation_id=volunteer_org,
                housing_contact_id=housing_contact,
                agreement_id=agreement_id,
                lang=language,
            )
        _save(put(plan, drafted), out)


@agreement.command(name="check")
@click.argument("file", type=PLAN_FILE)
@click.option("--id", "agreement_id", required=True)
@click.option("--lang", type=LANGS, default="da", show_default=True)
@click.option("-o", "--out", type=OUT_FILE, help=_SHOW_HELP)
def agreement_check(file: Path, agreement_id: str, lang: str, out: Path | None) -> None:
    """Print what stands between an agreement and a signature, as a checklist.

    Exit status 1 when the agreement is not ready to sign.
    """
    from ..formats.markdown.workflow_views import readiness_markdown
    from ..workflows.agreements import find_agreement, readiness

    with _errors():
        plan = _plan(file)
        subject = find_agreement(plan, agreement_id)
        found = readiness(subject, plan=plan)
        _show(readiness_markdown(found, lang=cast(Lang, lang), agreement=subject, plan=plan), out)
    if not found.ready:
        sys.exit(1)


@agreement.command(name="status")
@click.argument("file", type=PLAN_FILE)
@click.option("--id", "agreement_id", required=True)
@click.option("--to", "to", type=click.Choice([s.value for s in AgreementStatus]), required=True)
@click.option("--on", "on_text", help="The day of the change (YYYY-MM-DD; today by default).")
@click.option("-o", "--out", type=OUT_FILE, required=True, help=_OUT_HELP)
def agreement_status(
    file: Path, agreement_id: str, to: str, on_text: str | None, out: Path
) -> None:
    """Move an agreement to another status (signing requires it to be ready)."""
    from ..workflows import put
    from ..workflows.agreements import change_status, find_agreement

    with _errors():
        plan = _plan(file)
        current: Any = find_agreement(plan, agreement_id)
        changed = change_status(current, AgreementStatus(to), on=_day(on_text), plan=plan)
        _save(put(plan, changed), out)


@agreement.command(name="expiring")
@click.argument("file", type=PLAN_FILE)
@click.option("--within", "within_days", type=click.IntRange(min=0), default=90, show_default=True)
@click.option("--on", "on_text", help="Count from this day (YYYY-MM-DD; today by default).")
def agreement_expiring(file: Path, within_days: int, on_text: str | None) -> None:
    """List agreements in force that end within --within days."""
    from ..analysis.coverage import agreements_expiring

    with _errors():
        plan = _plan(file)
        day = _day(on_text) or dt.date.today()
        for item in agreements_expiring(plan, day, within_days):
            click.echo(f"{item.end.isoformat()}  {item.days_left:>4}  {item.id}  {item.title}")


# --- value game ----------------------------------------------------------------------------


@click.group(cls=Group)
def valuegame() -> None:
    """The værdispil: who placed few values, and how a later round differs."""


def _game(plan: Plan, game_id: str) -> Any:
    from ..workflows._errors import WorkflowError

    for game in plan.value_games:
        if game.id == game_id:
            return game
    raise WorkflowError(f"plan {plan.id!r} has no value game {game_id!r}")


@valuegame.command(name="few")
@click.argument("file", type=PLAN_FILE)
@click.option("--game", "game_id", required=True)
@click.option("--at-most", type=click.IntRange(min=0), default=2, show_default=True)
def valuegame_few(file: Path, game_id: str, at_most: int) -> None:
    """List organisations that placed at most --at-most pieces."""
    from ..workflows.valuegame import few_placements

    with _errors():
        plan = _plan(file)
        for count in few_placements(_game(plan, game_id), at_most=at_most):
            click.echo(f"{count.organisation_id}: {count.pieces}")


@valuegame.command(name="compare")
@click.argument("file", type=PLAN_FILE)
@click.option("--earlier", required=True)
@click.option("--later", required=True)
def valuegame_compare(file: Path, earlier: str, later: str) -> None:
    """Values gained and lost per organisation between two rounds of the game."""
    from ..workflows.valuegame import compare_games

    with _errors():
        plan = _plan(file)
        result = compare_games(_game(plan, earlier), _game(plan, later))
        for change in result.organisations:
            if not change.changed:
                continue
            moved = ", ".join(
                f"{s.piece_id} {s.before}→{s.after}" for s in change.strength_changes
            )
            click.echo(
                f"{change.organisation_id}: +[{', '.join(change.gained)}] "
                f"-[{', '.join(change.lost)}] {moved}".rstrip()
            )


# --- workshop ------------------------------------------------------------------------------


@click.group(cls=Group)
def workshop() -> None:
    """Workshops: a programme built from the tools."""


@workshop.command(name="programme")
@click.option(
    "--tool",
    "tools",
    type=click.Choice([t.value for t in AgendaTool]),
    multiple=True,
    required=True,
    help="A tool, in the order of the day (repeat).",
)
@click.option("--start", default="09:00", show_default=True, help="Start time (HH:MM).")
@click.option(
    "--break", "break_minutes", type=click.IntRange(min=0), default=15, show_default=True
)
@click.option("--lang", type=LANGS, default="da", show_default=True)
@click.option("-o", "--out", type=OUT_FILE, help=_SHOW_HELP)
def workshop_programme(
    tools: tuple[str, ...], start: str, break_minutes: int, lang: str, out: Path | None
) -> None:
    """Print a timed programme for a workshop with the given tools."""
    from ..formats.markdown.workflow_views import programme_markdown
    from ..workflows.workshops import build_programme

    try:
        begin = dt.time.fromisoformat(start)
    except ValueError:
        raise click.BadParameter(f"{start!r} is not a time such as 09:00") from None
    with _errors():
        agenda = build_programme(
            [AgendaTool(t) for t in tools],
            start=begin,
            break_minutes=break_minutes,
            lang=cast(Lang, lang),
        )
        _show(programme_markdown(agenda, lang=cast(Lang, lang)), out)


COMMANDS = (dialogue, agreement, valuegame, workshop)
