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

from ..locale import N_, _, current_lang
from ..model import AgendaTool, AgreementStatus, DialogueToolKind, Lang, Plan
from ._common import Group, IntRange, PathType, argument, friendly_errors, option

__all__ = ["COMMANDS"]

LANGS = click.Choice(["da", "en"])
PLAN_FILE = PathType(exists=True, dir_okay=False, path_type=Path)
OUT_FILE = PathType(dir_okay=False, path_type=Path)


_errors = friendly_errors


def _plan(file: Path) -> Plan:
    from .. import api
    from ..workflows._errors import WorkflowError

    obj = api.load(file)
    if not isinstance(obj, Plan):
        raise WorkflowError(
            N_("{file} holds a {kind}, not a whole plan"), file=file, kind=type(obj).__name__
        )
    return obj


def _save(plan: Plan, out: Path) -> None:
    from .. import api

    api.export(plan, out)
    click.echo(_("wrote {path}", path=out), err=True)


def _show(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=False)
        return
    from ..files import atomic_write

    with atomic_write(out) as stream:
        stream.write(text.encode("utf-8"))
    click.echo(_("wrote {path}", path=out), err=True)


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
    pass


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
    from ..workflows import put
    from ..workflows.dialogue import record_answer, tool_for

    with _errors():
        plan = _plan(file)
        session = _session(plan, session_id)
        tool = tool_for(session, plan)
        _save(put(plan, record_answer(session, question_id, text, agreed=agreed, tool=tool)), out)


@dialogue.command(name="unanswered", help=N_("List the questions a session has not answered yet."))
@argument("file", type=PLAN_FILE)
@option("--session", "session_id", required=True, help=N_("The session's id."))
@option("--lang", type=LANGS, default=None, help=_LANG_HELP)
def dialogue_unanswered(file: Path, session_id: str, lang: str | None) -> None:
    from ..workflows.dialogue import tool_for, unanswered

    with _errors():
        plan = _plan(file)
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
    from ..formats.markdown.workflow_views import comparison_markdown
    from ..workflows.dialogue import compare_in_plan

    with _errors():
        plan = _plan(file)
        comparison = compare_in_plan(plan, partner_id, organisation_id=organisation_id)
        _show(
            comparison_markdown(comparison, plan=plan, lang=cast(Lang, lang or current_lang())),
            out,
        )


# --- agreements ----------------------------------------------------------------------------


@click.group(
    cls=Group,
    help=N_("Samarbejdsaftaler and aktivitetsaftaler: draft, check, change status, expiry."),
)
def agreement() -> None:
    pass


@agreement.command(
    name="draft",
    help=N_(
        "Draft a samarbejdsaftale (--title, --party ...) or an aktivitetsaftale (--activity) "
        "from the catalogue template and add it to the plan."
    ),
)
@argument("file", type=PLAN_FILE)
@option("--id", "agreement_id", required=True, help=N_("The new agreement's id."))
@option("--title", help=N_("Title of a samarbejdsaftale."))
@option("--party", "parties", multiple=True, help=N_("A party's organisation id (repeat)."))
@option("--activity", help=N_("The activity of an aktivitetsaftale."))
@option("--volunteer-org", help=N_("The volunteers' association (aktivitetsaftale)."))
@option("--housing-contact", help=N_("The housing-social contact person (aktivitetsaftale)."))
@option("--lang", type=LANGS, default=None, help=_LANG_HELP)
@option("-o", "--out", type=OUT_FILE, required=True, help=_OUT_HELP)
def agreement_draft(
    file: Path,
    agreement_id: str,
    title: str | None,
    parties: tuple[str, ...],
    activity: str | None,
    volunteer_org: str | None,
    housing_contact: str | None,
    lang: str | None,
    out: Path,
) -> None:
    from ..workflows import put
    from ..workflows.agreements import draft_activity_agreement, draft_collaboration_agreement

    if (title is None) == (activity is None):
        raise click.UsageError(_("give either --title (samarbejdsaftale) or --activity"))
    with _errors():
        plan = _plan(file)
        language = cast(Lang, lang or current_lang())
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


@agreement.command(
    name="check",
    help=N_(
        "Print what stands between an agreement and a signature, as a checklist.\n\n"
        "Exit status 1 when the agreement is not ready to sign."
    ),
)
@argument("file", type=PLAN_FILE)
@option("--id", "agreement_id", required=True, help=N_("The agreement's id."))
@option("--lang", type=LANGS, default=None, help=_LANG_HELP)
@option("-o", "--out", type=OUT_FILE, help=_SHOW_HELP)
def agreement_check(file: Path, agreement_id: str, lang: str | None, out: Path | None) -> None:
    from ..formats.markdown.workflow_views import readiness_markdown
    from ..workflows.agreements import find_agreement, readiness

    with _errors():
        plan = _plan(file)
        found = readiness(find_agreement(plan, agreement_id), plan=plan)
        _show(readiness_markdown(found, lang=cast(Lang, lang or current_lang())), out)
    if not found.ready:
        sys.exit(1)


@agreement.command(
    name="status",
    help=N_("Move an agreement to another status (signing requires it to be ready)."),
)
@argument("file", type=PLAN_FILE)
@option("--id", "agreement_id", required=True, help=N_("The agreement's id."))
@option(
    "--to",
    "to",
    type=click.Choice([s.value for s in AgreementStatus]),
    required=True,
    help=N_("The new status."),
)
@option("--on", "on_text", help=N_("The day of the change (YYYY-MM-DD; today by default)."))
@option("-o", "--out", type=OUT_FILE, required=True, help=_OUT_HELP)
def agreement_status(
    file: Path, agreement_id: str, to: str, on_text: str | None, out: Path
) -> None:
    from ..workflows import put
    from ..workflows.agreements import change_status, find_agreement

    with _errors():
        plan = _plan(file)
        current: Any = find_agreement(plan, agreement_id)
        changed = change_status(current, AgreementStatus(to), on=_day(on_text), plan=plan)
        _save(put(plan, changed), out)


@agreement.command(
    name="expiring", help=N_("List agreements in force that end within --within days.")
)
@argument("file", type=PLAN_FILE)
@option(
    "--within",
    "within_days",
    type=IntRange(min=0),
    default=90,
    show_default=True,
    help=N_("The number of days ahead."),
)
@option("--on", "on_text", help=N_("Count from this day (YYYY-MM-DD; today by default)."))
def agreement_expiring(file: Path, within_days: int, on_text: str | None) -> None:
    from ..analysis.coverage import agreements_expiring

    with _errors():
        plan = _plan(file)
        day = _day(on_text) or dt.date.today()
        for item in agreements_expiring(plan, day, within_days):
            click.echo(f"{item.end.isoformat()}  {item.days_left:>4}  {item.id}  {item.title}")


# --- value game ----------------------------------------------------------------------------


@click.group(
    cls=Group, help=N_("The værdispil: who placed few values, and how a later round differs.")
)
def valuegame() -> None:
    pass


def _game(plan: Plan, game_id: str) -> Any:
    from ..workflows._errors import WorkflowError

    for game in plan.value_games:
        if game.id == game_id:
            return game
    raise WorkflowError(N_("plan {plan!r} has no value game {game!r}"), plan=plan.id, game=game_id)


@valuegame.command(name="few", help=N_("List organisations that placed at most --at-most pieces."))
@argument("file", type=PLAN_FILE)
@option("--game", "game_id", required=True, help=N_("The value game's id."))
@option(
    "--at-most",
    type=IntRange(min=0),
    default=2,
    show_default=True,
    help=N_("The most pieces that count as few."),
)
def valuegame_few(file: Path, game_id: str, at_most: int) -> None:
    from ..workflows.valuegame import few_placements

    with _errors():
        plan = _plan(file)
        for count in few_placements(_game(plan, game_id), at_most=at_most):
            click.echo(f"{count.organisation_id}: {count.pieces}")


@valuegame.command(
    name="compare",
    help=N_("Values gained and lost per organisation between two rounds of the game."),
)
@argument("file", type=PLAN_FILE)
@option("--earlier", required=True, help=N_("The earlier round's id."))
@option("--later", required=True, help=N_("The later round's id."))
def valuegame_compare(file: Path, earlier: str, later: str) -> None:
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


@click.group(cls=Group, help=N_("Workshops: a programme built from the tools."))
def workshop() -> None:
    pass


@workshop.command(
    name="programme", help=N_("Print a timed programme for a workshop with the given tools.")
)
@option(
    "--tool",
    "tools",
    type=click.Choice([t.value for t in AgendaTool]),
    multiple=True,
    required=True,
    help=N_("A tool, in the order of the day (repeat)."),
)
@option("--start", default="09:00", show_default=True, help=N_("Start time (HH:MM)."))
@option(
    "--break",
    "break_minutes",
    type=IntRange(min=0),
    default=15,
    show_default=True,
    help=N_("Minutes of break between the tools."),
)
@option("--lang", type=LANGS, default=None, help=_LANG_HELP)
@option("-o", "--out", type=OUT_FILE, help=_SHOW_HELP)
def workshop_programme(
    tools: tuple[str, ...], start: str, break_minutes: int, lang: str | None, out: Path | None
) -> None:
    from ..formats.markdown.workflow_views import programme_markdown
    from ..workflows.workshops import build_programme

    try:
        begin = dt.time.fromisoformat(start)
    except ValueError:
        raise click.BadParameter(_("{value!r} is not a time such as 09:00", value=start)) from None
    with _errors():
        agenda = build_programme(
            [AgendaTool(t) for t in tools],
            start=begin,
            break_minutes=break_minutes,
            lang=cast(Lang, lang or current_lang()),
        )
        _show(programme_markdown(agenda, lang=cast(Lang, lang or current_lang())), out)


COMMANDS = (dialogue, agreement, valuegame, workshop)
