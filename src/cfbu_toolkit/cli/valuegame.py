"""``cfbu valuegame``: rounds of the value game, placements by name, and what changed
between two rounds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..locale import N_, _, current_lang
from ..model import (
    Plan,
)
from ._common import Command, Group, friendly_errors, lang_option, option
from ._values import (
    DATE,
    PLAN_FILE,
    change_plan,
    load_plan,
    plan_command,
)

F = TypeVar("F", bound=Callable[..., Any])

__all__ = ["COMMANDS"]


@click.group(
    cls=Group,
    help=N_("The value game: rounds, placements by name, and what changed between rounds."),
)
def valuegame() -> None:
    pass


def _game_option(function: F) -> F:
    return option(
        "--game",
        "game_name",
        required=True,
        help=N_("The round of the value game: its title or id."),
    )(function)


@plan_command(
    valuegame,
    "round",
    N_("Start a new round of the value game, from the catalogue or an earlier round."),
    option("--title", required=True, help=N_("The new round's title.")),
    option(
        "--from",
        "previous",
        help=N_("Lay out the pieces of this earlier round (the catalogue's by default)."),
    ),
    option("--id", "game_id", help=N_("The new round's id (made up by default).")),
    option("--date", "date", type=DATE, help=N_("The day the round is played.")),
)
def valuegame_round(
    file: Path,
    title: str,
    previous: str | None,
    game_id: str | None,
    date: dt.date | None,
    out: Path,
) -> None:
    """Start a new round of the value game, from the catalogue or an earlier round."""
    from ..workflows.valuegame import start_round

    _plan, game = change_plan(
        file,
        out,
        lambda plan: start_round(plan, title=title, previous=previous, game_id=game_id, date=date),
    )
    click.echo(_("new round: {title} ({id})", title=game.title, id=game.id))


@plan_command(
    valuegame,
    "place",
    N_("ORGANISATION places the pieces VALUES (by name) in the round."),
    _game_option,
    click.argument("organisation"),
    click.argument("values", nargs=-1, required=True),
    option(
        "--strength",
        type=click.IntRange(1, 3),
        default=2,
        show_default=True,
        help=N_("How much value the collaboration creates (1-3)."),
    ),
    option("--comment", default="", help=N_("Why the organisation placed it.")),
    option("--remove", is_flag=True, help=N_("Take the pieces off again.")),
)
def valuegame_place(
    file: Path,
    game_name: str,
    organisation: str,
    values: tuple[str, ...],
    strength: int,
    comment: str,
    remove: bool,
    out: Path,
) -> None:
    """ORGANISATION places the pieces VALUES (by name) in the round."""
    from ..model import ValueGame
    from ..workflows.names import find_game
    from ..workflows.valuegame import place_by_name, remove_by_name

    def change(plan: Plan) -> ValueGame:
        game = find_game(plan, game_name)
        for value in values:
            if remove:
                game = remove_by_name(plan, game, organisation, value)
            else:
                game = place_by_name(
                    plan, game, organisation, value, strength=strength, comment=comment
                )
        return game

    change_plan(file, out, change)


@valuegame.command(
    name="compare",
    cls=Command,
    help=N_(
        "Compare two rounds (EARLIER LATER, by title): what moved, what disappeared, what "
        "became shared."
    ),
)
@click.argument("file", type=PLAN_FILE)
@click.argument("rounds", nargs=-1)
@option("--earlier", help=N_("The earlier round (title or id)."))
@option("--later", help=N_("The later round (title or id)."))
@lang_option
def valuegame_compare(
    file: Path,
    rounds: tuple[str, ...],
    earlier: str | None,
    later: str | None,
) -> None:
    """Compare two rounds (EARLIER LATER, by title): what moved, what disappeared, what
    became shared."""
    from ..workflows._errors import WorkflowError

    with friendly_errors():
        named = [*rounds, *(r for r in (earlier, later) if r is not None)]
        if len(named) != 2:
            raise WorkflowError(N_("name two rounds: the earlier and the later"))
        click.echo(rounds_text(load_plan(file), named[0], named[1]), nl=False)


@valuegame.command(
    name="few",
    cls=Command,
    help=N_(
        "List the organisations that placed few pieces: they may see little value in staying."
    ),
)
@click.argument("file", type=PLAN_FILE)
@_game_option
@option(
    "--at-most",
    type=click.IntRange(min=0),
    default=2,
    show_default=True,
    help=N_("List organisations that placed this many pieces or fewer."),
)
@lang_option
def valuegame_few(file: Path, game_name: str, at_most: int) -> None:
    """List the organisations that placed few pieces: they may see little value in
    staying."""
    from ..locale import ngettext
    from ..workflows.names import find_game
    from ..workflows.valuegame import few_placements

    with friendly_errors():
        plan = load_plan(file)
        names = {o.id: o.name for o in plan.organisations}
        found = few_placements(find_game(plan, game_name), at_most=at_most)
        if not found:
            click.echo(_("No organisation placed {count} pieces or fewer.", count=at_most))
        for count in found:
            name = names.get(count.organisation_id, count.organisation_id)
            pieces = ngettext("{n} piece", "{n} pieces", count.pieces, n=count.pieces)
            click.echo(f"{name}: {pieces}")


def rounds_text(plan: Plan, earlier: str, later: str) -> str:
    """The comparison of two rounds as lines of text, in the current language."""
    from ..workflows.names import find_game
    from ..workflows.valuegame import compare_rounds

    lang = current_lang()
    diff = compare_rounds(plan, find_game(plan, earlier), find_game(plan, later), lang=lang)
    lines = [_("{earlier} → {later}", earlier=diff.earlier, later=diff.later)]
    if diff.unchanged:
        lines.append(_("No changes: every organisation placed the same values as before."))
        return "\n".join(lines) + "\n"

    def strength(value: int | None) -> str:
        return "-" if value is None else str(value)

    if diff.moved:
        lines.append(_("Moved:"))
        lines += [
            f"  {m.organisation}: {m.value} {strength(m.before)} → {strength(m.after)}"
            for m in diff.moved
        ]
    if diff.became_shared:
        lines.append(_("Became shared:"))
        lines += [f"  {s.value}: {', '.join(s.after)}" for s in diff.became_shared]
    if diff.disappeared:
        lines.append(_("Disappeared:"))
        lines += [f"  {s.value} ({', '.join(s.before)})" for s in diff.disappeared]
    if diff.appeared:
        lines.append(_("New:"))
        lines += [f"  {s.value}: {', '.join(s.after)}" for s in diff.appeared]
    if diff.joined:
        lines.append(_("Joined: {names}", names=", ".join(diff.joined)))
    if diff.left:
        lines.append(_("Not in the later round: {names}", names=", ".join(diff.left)))
    return "\n".join(lines) + "\n"


COMMANDS = (valuegame,)
