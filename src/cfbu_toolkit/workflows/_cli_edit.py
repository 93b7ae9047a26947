"""The workflows' editing commands: agreements from draft to signed to ended, value-game
rounds, groups and meetings, follow-ups, and saved workshop programmes.

Everything is chosen by name (an id works too); dates and times are read as people type
them (:mod:`cfbu_toolkit.workflows.parsing`). Every message is Danish by default and
English with ``--lang en``. Commands that change a plan read it from FILE and write the
changed plan to ``--out`` (which may be FILE itself).

:func:`register` adds the commands to the ``cfbu`` groups; it is written so it can move into
``cfbu_toolkit/cli/`` as it stands.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar, cast

import attrs
import click

from ..locale import N_, _, current_lang, format_date, use_lang
from ..model import (
    ActivityAgreement,
    AgendaTool,
    AgreementStatus,
    CollaborationAgreement,
    GroupKind,
    Lang,
    MemberRole,
    Plan,
)

F = TypeVar("F", bound=Callable[..., Any])

PLAN_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
OUT_FILE = click.Path(dir_okay=False, path_type=Path)


# --- words -----------------------------------------------------------------------------------


class _Translated:
    """Help texts written in English, marked ``N_``, translated when help is shown."""

    def _help(self, text: str | None) -> str | None:
        return _(text) if text else text


class TOption(click.Option):
    """An option whose help is translated when it is shown."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        original = self.help
        self.help = _(original) if original else original
        try:
            return super().get_help_record(ctx)
        finally:
            self.help = original


class TCommand(click.Command):
    """A command whose help is translated (in ``--lang``'s language) when it is shown."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with use_lang(_lang_from(ctx)):
            original = self.help
            self.help = _(original) if original else original
            try:
                super().format_help(ctx, formatter)
            finally:
                self.help = original

    def get_short_help_str(self, limit: int = 45) -> str:
        original = self.help
        self.help = _(original) if original else original
        try:
            return super().get_short_help_str(limit)
        finally:
            self.help = original


class TGroup(click.Group):
    """A group whose help is translated when it is shown."""

    command_class = TCommand

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        original = self.help
        self.help = _(original) if original else original
        try:
            super().format_help(ctx, formatter)
        finally:
            self.help = original

    def get_short_help_str(self, limit: int = 45) -> str:
        original = self.help
        self.help = _(original) if original else original
        try:
            return super().get_short_help_str(limit)
        finally:
            self.help = original


def _lang_from(ctx: click.Context) -> Lang | None:
    """``--lang`` as typed on the command line, read before the command runs (for --help)."""
    args = sys.argv[1:] if not ctx.args and not ctx.protected_args else ctx.args
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args) and args[index + 1] in ("da", "en"):
            return cast(Lang, args[index + 1])
        if arg.startswith("--lang=") and arg[7:] in ("da", "en"):
            return cast(Lang, arg[7:])
    return None


def option(*names: str, **kwargs: Any) -> Callable[[F], F]:
    """A click option with a translated help text."""
    return click.option(*names, cls=TOption, **kwargs)


def lang_option(function: F) -> F:
    """``--lang da|en``: the language of every message (Danish by default)."""
    return option(
        "--lang",
        type=click.Choice(["da", "en"]),
        default=None,
        help=N_("Language of the messages: da (default) or en."),
    )(function)


def out_option(function: F) -> F:
    """``-o/--out``: where the changed plan is written."""
    return option(
        "-o",
        "--out",
        type=OUT_FILE,
        required=True,
        help=N_("Write the changed plan here (the format from the suffix; may be FILE itself)."),
    )(function)


# --- values as people type them --------------------------------------------------------------


class DateType(click.ParamType):  # type: ignore[type-arg]
    """A date written dd-mm-åååå, d/m-åååå, d.m.åååå or åååå-mm-dd."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.date):
            return value
        from .parsing import ParseError, parse_date

        try:
            return parse_date(str(value))
        except ParseError as exc:
            self.fail(str(exc), param, ctx)


class TimeType(click.ParamType):  # type: ignore[type-arg]
    """A time of day written 9, 9:00, 9.00 or 13:30."""

    name = "time"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.time):
            return value
        from .parsing import ParseError, parse_time

        try:
            return parse_time(str(value))
        except ParseError as exc:
            self.fail(str(exc), param, ctx)


DATE = DateType()
TIME = TimeType()


class LabelChoice(click.ParamType):  # type: ignore[type-arg]
    """A member of an enumeration, typed as its value or its Danish or English label."""

    def __init__(self, enum: Any) -> None:
        self.enum = enum
        self.name = enum.__name__

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, self.enum):
            return value
        try:
            return self.enum.from_label(str(value))
        except Exception:
            choices = ", ".join(f"{m.value} ({m.label(current_lang())})" for m in self.enum)
            self.fail(_("{value!r} is not one of: {choices}", value=value, choices=choices))


# --- running a command -----------------------------------------------------------------------


@contextmanager
def running(lang: str | None) -> Iterator[None]:
    """Messages in ``lang``; the library's errors as one line each and exit status 2."""
    from ..errors import CfbuError

    with use_lang(cast(Lang | None, lang)):
        try:
            yield
        except CfbuError as exc:
            for line in str(exc).splitlines():
                click.echo(_("error: {message}", message=line.strip()), err=True)
            sys.exit(2)


def load_plan(file: Path) -> Plan:
    """The whole plan in ``file``."""
    from .. import api
    from ._errors import WorkflowError

    obj = api.load(file)
    if not isinstance(obj, Plan):
        raise WorkflowError(N_("{path} does not hold a whole plan"), path=str(file))
    return obj


def save_plan(plan: Plan, out: Path) -> None:
    """Write ``plan`` to ``out`` and say so."""
    from .. import api

    api.export(plan, out, lang=current_lang())
    click.echo(_("wrote {path}", path=str(out)), err=True)


def _day(value: dt.date | None) -> str:
    return format_date(value) if value is not None else ""


# --- agreements ------------------------------------------------------------------------------


def _agreement_option(function: F) -> F:
    return option(
        "-a",
        "--agreement",
        "--id",
        "agreement_name",
        required=True,
        help=N_("The agreement: its title (or activity), or its id."),
    )(function)


def _find(plan: Plan, name: str) -> Any:
    from .names import find_agreement_by_name

    return find_agreement_by_name(plan, name)


def _collaboration(agreement: Any) -> CollaborationAgreement:
    from ._errors import WorkflowError

    if not isinstance(agreement, CollaborationAgreement):
        raise WorkflowError(
            N_("{name!r} is an activity agreement; it has a volunteer, not parties"),
            name=agreement.activity,
        )
    return agreement


def _activity(agreement: Any) -> ActivityAgreement:
    from ._errors import WorkflowError

    if not isinstance(agreement, ActivityAgreement):
        raise WorkflowError(
            N_("{name!r} is a collaboration agreement; volunteers belong to activity agreements"),
            name=agreement.title,
        )
    return agreement


def _section_text(text: str | None, file_: Path | None, edit: bool, current: str) -> str:
    from ._errors import WorkflowError

    given = [t for t in (text is not None, file_ is not None, edit) if t]
    if len(given) != 1:
        raise WorkflowError(
            N_("give the text as an argument, '-' for standard input, --file or --edit")
        )
    if file_ is not None:
        return file_.read_text(encoding="utf-8")
    if edit:
        edited = click.edit(current, extension=".md")
        if edited is None:
            raise WorkflowError(N_("the editor was closed without saving; nothing changed"))
        return edited
    if text == "-":
        return sys.stdin.read()
    return cast(str, text)


def register_agreement(agreement: click.Group) -> None:
    """Add the editing commands to ``cfbu agreement``."""

    @agreement.command(
        name="section",
        cls=TCommand,
        help=N_(
            "Set or append the text of SECTION (its heading or key): from TEXT, from standard "
            "input (TEXT is -), from --file or in $EDITOR (--edit)."
        ),
    )
    @click.argument("file", type=PLAN_FILE)
    @_agreement_option
    @click.argument("section")
    @click.argument("text", required=False)
    @option(
        "--file",
        "file_",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help=N_("Read the text from this file."),
    )
    @option("--edit", is_flag=True, help=N_("Write the text in $EDITOR."))
    @option("--append", is_flag=True, help=N_("Add the text after what the section says."))
    @lang_option
    @out_option
    def agreement_section(
        file: Path,
        agreement_name: str,
        section: str,
        text: str | None,
        file_: Path | None,
        edit: bool,
        append: bool,
        lang: str | None,
        out: Path,
    ) -> None:
        """Set or append the text of SECTION (its heading or key): from TEXT, from standard
        input (TEXT is -), from --file or in $EDITOR (--edit)."""
        from . import put
        from .agreements import find_section, write_section

        with running(lang):
            plan = load_plan(file)
            found = _find(plan, agreement_name)
            current = find_section(found, section).text
            new_text = _section_text(text, file_, edit, current)
            save_plan(put(plan, write_section(found, section, new_text, append=append)), out)

    @agreement.command(
        name="party",
        cls=TCommand,
        help=N_("Add or remove a party to a samarbejdsaftale, by the organisation's name."),
    )
    @click.argument("file", type=PLAN_FILE)
    @_agreement_option
    @click.argument("action", type=click.Choice(["add", "remove"]))
    @click.argument("organisation")
    @option("--signatory", help=N_("The person who signs for the organisation (add)."))
    @option("--contact", help=N_("The organisation's contact person (add)."))
    @lang_option
    @out_option
    def agreement_party(
        file: Path,
        agreement_name: str,
        action: str,
        organisation: str,
        signatory: str | None,
        contact: str | None,
        lang: str | None,
        out: Path,
    ) -> None:
        """Add or remove a party to a samarbejdsaftale, by the organisation's name."""
        from . import put
        from .agreements import add_party, remove_party

        with running(lang):
            plan = load_plan(file)
            found = _collaboration(_find(plan, agreement_name))
            if action == "add":
                changed = add_party(
                    plan, found, organisation, signatory=signatory, contact=contact
                )
            else:
                changed = remove_party(plan, found, organisation)
            save_plan(put(plan, changed), out)

    @agreement.command(
        name="signatory",
        cls=TCommand,
        help=N_("PERSON signs for the party ORGANISATION (both by name)."),
    )
    @click.argument("file", type=PLAN_FILE)
    @_agreement_option
    @click.argument("organisation")
    @click.argument("person")
    @lang_option
    @out_option
    def agreement_signatory(
        file: Path,
        agreement_name: str,
        organisation: str,
        person: str,
        lang: str | None,
        out: Path,
    ) -> None:
        """PERSON signs for the party ORGANISATION (both by name)."""
        from . import put
        from .agreements import set_signatory

        with running(lang):
            plan = load_plan(file)
            found = _collaboration(_find(plan, agreement_name))
            save_plan(put(plan, set_signatory(plan, found, organisation, person)), out)

    @agreement.command(
        name="contact",
        cls=TCommand,
        help=N_(
            "PERSON is the contact of the party ORGANISATION; for an aktivitetsaftale, "
            "ORGANISATION is 'housing' and PERSON the housing-social contact person."
        ),
    )
    @click.argument("file", type=PLAN_FILE)
    @_agreement_option
    @click.argument("organisation")
    @click.argument("person")
    @lang_option
    @out_option
    def agreement_contact(
        file: Path,
        agreement_name: str,
        organisation: str,
        person: str,
        lang: str | None,
        out: Path,
    ) -> None:
        """PERSON is the contact of the party ORGANISATION; for an aktivitetsaftale,
        ORGANISATION is 'housing' and PERSON the housing-social contact person."""
        from . import put
        from .agreements import set_housing_contact, set_party_contact

        with running(lang):
            plan = load_plan(file)
            found = _find(plan, agreement_name)
            if isinstance(found, ActivityAgreement):
                changed: Any = set_housing_contact(plan, found, person)
            else:
                changed = set_party_contact(plan, found, organisation, person)
            save_plan(put(plan, changed), out)

    @agreement.command(
        name="period",
        cls=TCommand,
        help=N_("Set the period the agreement runs (its start, its end or both)."),
    )
    @click.argument("file", type=PLAN_FILE)
    @_agreement_option
    @option("--start", type=DATE, help=N_("The first day (dd-mm-yyyy)."))
    @option("--end", type=DATE, help=N_("The last day (dd-mm-yyyy)."))
    @lang_option
    @out_option
    def agreement_period(
        file: Path,
        agreement_name: str,
        start: dt.date | None,
        end: dt.date | None,
        lang: str | None,
        out: Path,
    ) -> None:
        """Set the period the agreement runs (its start, its end or both)."""
        from . import put
        from .agreements import set_period

        with running(lang):
            plan = load_plan(file)
            found = _find(plan, agreement_name)
            save_plan(put(plan, set_period(found, start=start, end=end)), out)

    @agreement.command(
        name="notice", cls=TCommand, help=N_("Set the notice period (opsigelsesvarsel) in DAYS.")
    )
    @click.argument("file", type=PLAN_FILE)
    @_agreement_option
    @click.argument("days", type=click.IntRange(min=0))
    @lang_option
    @out_option
    def agreement_notice(
        file: Path, agreement_name: str, days: int, lang: str | None, out: Path
    ) -> None:
        """Set the notice period (opsigelsesvarsel) in DAYS."""
        from . import put
        from .agreements import set_notice

        with running(lang):
            plan = load_plan(file)
            save_plan(put(plan, set_notice(_find(plan, agreement_name), days)), out)

    @agreement.command(
        name="sign",
        cls=TCommand,
        help=N_(
            "Record the day PARTY (an organisation, or the volunteer) signed. Move the agreement "
            "to signed with 'cfbu agreement status' once everyone has signed."
        ),
    )
    @click.argument("file", type=PLAN_FILE)
    @_agreement_option
    @click.argument("party")
    @option("--on", "on", type=DATE, help=N_("The day it was signed (today by default)."))
    @lang_option
    @out_option
    def agreement_sign(
        file: Path,
        agreement_name: str,
        party: str,
        on: dt.date | None,
        lang: str | None,
        out: Path,
    ) -> None:
        """Record the day PARTY (an organisation, or the volunteer) signed. Move the
        agreement to signed with 'cfbu agreement status' once everyone has signed."""
        from . import put
        from .agreements import record_signature, unsigned_parties

        with running(lang):
            plan = load_plan(file)
            found = _find(plan, agreement_name)
            changed = record_signature(plan, found, party, on or dt.date.today())
            save_plan(put(plan, changed), out)
            if isinstance(changed, CollaborationAgreement):
                missing = unsigned_parties(changed)
                names = {o.id: o.name for o in plan.organisations}
                if missing:
                    click.echo(
                        _(
                            "Still to sign: {names}",
                            names=", ".join(names.get(m, m) for m in missing),
                        )
                    )
                else:
                    click.echo(_("Every party has signed."))

    @agreement.command(
        name="volunteer",
        cls=TCommand,
        help=N_("Name a volunteer in an aktivitetsaftale, or remove one (by name)."),
    )
    @click.argument("file", type=PLAN_FILE)
    @_agreement_option
    @click.argument("action", type=click.Choice(["add", "remove"]))
    @click.argument("person")
    @lang_option
    @out_option
    def agreement_volunteer(
        file: Path,
        agreement_name: str,
        action: str,
        person: str,
        lang: str | None,
        out: Path,
    ) -> None:
        """Name a volunteer in an aktivitetsaftale, or remove one (by name)."""
        from . import put
        from .agreements import add_volunteer, remove_volunteer

        with running(lang):
            plan = load_plan(file)
            found = _activity(_find(plan, agreement_name))
            step = add_volunteer if action == "add" else remove_volunteer
            save_plan(put(plan, step(plan, found, person)), out)

    @agreement.command(
        name="children",
        cls=TCommand,
        help=N_(
            "Whether the activity involves children under 15 (then every volunteer named needs a "
            "børneattest before the agreement is ready)."
        ),
    )
    @click.argument("file", type=PLAN_FILE)
    @_agreement_option
    @click.argument("answer", type=click.Choice(["yes", "no", "ja", "nej"]))
    @lang_option
    @out_option
    def agreement_children(
        file: Path, agreement_name: str, answer: str, lang: str | None, out: Path
    ) -> None:
        """Whether the activity involves children under 15 (then every volunteer named needs
        a børneattest before the agreement is ready)."""
        from . import put
        from .agreements import set_children_under_15

        with running(lang):
            plan = load_plan(file)
            found = _activity(_find(plan, agreement_name))
            changed = set_children_under_15(found, answer in ("yes", "ja"))
            save_plan(put(plan, changed), out)

    @agreement.command(
        name="certificate",
        cls=TCommand,
        help=N_(
            "Record the day the børneattest of the volunteer PERSON was obtained (only the day, "
            "never what it says)."
        ),
    )
    @click.argument("file", type=PLAN_FILE)
    @_agreement_option
    @click.argument("person")
    @option("--on", "on", type=DATE, required=True, help=N_("The day it was obtained."))
    @lang_option
    @out_option
    def agreement_certificate(
        file: Path,
        agreement_name: str,
        person: str,
        on: dt.date,
        lang: str | None,
        out: Path,
    ) -> None:
        """Record the day the børneattest of the volunteer PERSON was obtained (only the
        day, never what it says)."""
        from . import put
        from .agreements import record_child_certificate

        with running(lang):
            plan = load_plan(file)
            found = _activity(_find(plan, agreement_name))
            save_plan(put(plan, record_child_certificate(plan, found, person, on)), out)

    @agreement.command(
        name="draft",
        cls=TCommand,
        help=N_(
            "Draft a samarbejdsaftale (--title, --party ...) or an aktivitetsaftale (--activity) "
            "from the catalogue template and add it to the plan."
        ),
    )
    @click.argument("file", type=PLAN_FILE)
    @option("--id", "agreement_id", help=N_("The new agreement's id (made up by default)."))
    @option("--title", help=N_("Title of a samarbejdsaftale."))
    @option("--party", "parties", multiple=True, help=N_("A party, by name (repeat)."))
    @option("--activity", help=N_("The activity of an aktivitetsaftale."))
    @option("--volunteer-org", help=N_("The volunteers' association (aktivitetsaftale)."))
    @option("--volunteer", "volunteers", multiple=True, help=N_("A volunteer, by name (repeat)."))
    @option("--housing-contact", help=N_("The housing-social contact person (aktivitetsaftale)."))
    @option(
        "--children-under-15",
        is_flag=True,
        help=N_("The activity involves children under 15 (a børneattest is needed)."),
    )
    @option("--start", type=DATE, help=N_("The first day (dd-mm-yyyy)."))
    @option("--end", type=DATE, help=N_("The last day (dd-mm-yyyy)."))
    @option("--notice", type=click.IntRange(min=0), help=N_("The notice period in days."))
    @lang_option
    @out_option
    def agreement_draft(
        file: Path,
        agreement_id: str | None,
        title: str | None,
        parties: tuple[str, ...],
        activity: str | None,
        volunteer_org: str | None,
        volunteers: tuple[str, ...],
        housing_contact: str | None,
        children_under_15: bool,
        start: dt.date | None,
        end: dt.date | None,
        notice: int | None,
        lang: str | None,
        out: Path,
    ) -> None:
        """Draft a samarbejdsaftale (--title, --party ...) or an aktivitetsaftale
        (--activity) from the catalogue template and add it to the plan."""
        from ..model import Period
        from . import put
        from ._errors import WorkflowError
        from .agreements import (
            add_volunteer,
            draft_activity_agreement,
            draft_collaboration_agreement,
        )
        from .names import find_contact, find_organisation

        with running(lang):
            if (title is None) == (activity is None):
                raise WorkflowError(N_("give either --title (samarbejdsaftale) or --activity"))
            language: Lang = "en" if current_lang() == "en" else "da"
            plan = load_plan(file)
            period = Period(start=start, end=end)
            if title is not None:
                drafted: Any = draft_collaboration_agreement(
                    plan,
                    [find_organisation(plan, p).id for p in parties],
                    title=title,
                    agreement_id=agreement_id,
                    period=period,
                    notice_days=notice,
                    lang=language,
                )
            else:
                org = None if volunteer_org is None else find_organisation(plan, volunteer_org)
                first = None
                if volunteers:
                    first = find_contact(
                        plan, volunteers[0], organisation_id=org.id if org else None
                    ).id
                drafted = draft_activity_agreement(
                    plan,
                    activity=cast(str, activity),
                    volunteer_organisation_id=org.id if org else None,
                    volunteer_contact_id=first,
                    housing_contact_id=(
                        None if housing_contact is None else find_contact(plan, housing_contact).id
                    ),
                    agreement_id=agreement_id,
                    period=period,
                    notice_days=notice,
                    lang=language,
                )
                drafted = attrs.evolve(drafted, involves_children_under_15=children_under_15)
                for person in volunteers[1:]:
                    drafted = add_volunteer(plan, drafted, person)
            save_plan(put(plan, drafted), out)
            click.echo(_("new draft: {id}", id=drafted.id))

    @agreement.command(
        name="check",
        cls=TCommand,
        help=N_(
            "Print what stands between an agreement and a signature, as a checklist. Exit status "
            "1 when it is not ready to sign."
        ),
    )
    @click.argument("file", type=PLAN_FILE)
    @_agreement_option
    @lang_option
    @option("-o", "--out", type=OUT_FILE, help=N_("Write the checklist here instead."))
    def agreement_check(
        file: Path, agreement_name: str, lang: str | None, out: Path | None
    ) -> None:
        """Print what stands between an agreement and a signature, as a checklist. Exit
        status 1 when it is not ready to sign."""
        from .agreements import readiness
        from .render import readiness_markdown

        with running(lang):
            plan = load_plan(file)
            found = readiness(_find(plan, agreement_name), plan=plan)
            language: Lang = "en" if current_lang() == "en" else "da"
            text = readiness_markdown(found, lang=language)
            if out is None:
                click.echo(text, nl=False)
            else:
                from ..files import atomic_write

                with atomic_write(out) as stream:
                    stream.write(text.encode("utf-8"))
                click.echo(_("wrote {path}", path=str(out)), err=True)
        if not found.ready:
            sys.exit(1)

    @agreement.command(
        name="renew",
        cls=TCommand,
        help=N_("Start the next period's draft of a signed, active or expired agreement."),
    )
    @click.argument("file", type=PLAN_FILE)
    @_agreement_option
    @option("--end", type=DATE, required=True, help=N_("The new period's last day."))
    @option("--start", type=DATE, help=N_("The new period's first day (the day after the end)."))
    @option("--new-id", help=N_("The id of the new draft (made up by default)."))
    @lang_option
    @out_option
    def agreement_renew(
        file: Path,
        agreement_name: str,
        end: dt.date,
        start: dt.date | None,
        new_id: str | None,
        lang: str | None,
        out: Path,
    ) -> None:
        """Start the next period's draft of a signed, active or expired agreement."""
        from . import put
        from .agreements import renew

        with running(lang):
            plan = load_plan(file)
            found = _find(plan, agreement_name)
            renewed = renew(found, end=end, start=start, agreement_id=new_id)
            save_plan(put(plan, renewed), out)
            click.echo(_("new draft: {id}", id=renewed.id))

    @agreement.command(
        name="end",
        cls=TCommand,
        help=N_(
            "End an agreement: expired after its period, terminated before (also a signed "
            "agreement called off before it starts)."
        ),
    )
    @click.argument("file", type=PLAN_FILE)
    @_agreement_option
    @option("--on", "on", type=DATE, help=N_("The day it ends (today by default)."))
    @option("--reason", default="", help=N_("Why it ends."))
    @lang_option
    @out_option
    def agreement_end(
        file: Path,
        agreement_name: str,
        on: dt.date | None,
        reason: str,
        lang: str | None,
        out: Path,
    ) -> None:
        """End an agreement: expired after its period, terminated before (also a signed
        agreement called off before it starts)."""
        from . import put
        from .agreements import end_agreement

        with running(lang):
            plan = load_plan(file)
            found = _find(plan, agreement_name)
            ended = end_agreement(found, on=on or dt.date.today(), reason=reason)
            save_plan(put(plan, ended), out)
            click.echo(_("status: {status}", status=ended.status.label(current_lang())))

    @agreement.command(
        name="status",
        cls=TCommand,
        help=N_(
            "Move an agreement to another status; every move that is not possible is refused with"
            " the reason, and signing requires the agreement to be ready."
        ),
    )
    @click.argument("file", type=PLAN_FILE)
    @_agreement_option
    @option(
        "--to",
        "to",
        type=LabelChoice(AgreementStatus),
        required=True,
        help=N_("draft, in_review, signed, active, expired or terminated (or the Danish name)."),
    )
    @option("--on", "on", type=DATE, help=N_("The day of the change (today by default)."))
    @lang_option
    @out_option
    def agreement_status(
        file: Path,
        agreement_name: str,
        to: AgreementStatus,
        on: dt.date | None,
        lang: str | None,
        out: Path,
    ) -> None:
        """Move an agreement to another status; every move that is not possible is refused
        with the reason, and signing requires the agreement to be ready."""
        from . import put
        from .agreements import change_status

        with running(lang):
            plan = load_plan(file)
            found = _find(plan, agreement_name)
            save_plan(put(plan, change_status(found, to, on=on, plan=plan)), out)
            click.echo(_("status: {status}", status=to.label(current_lang())))


# --- value game ------------------------------------------------------------------------------


def _game_option(function: F) -> F:
    return option(
        "--game",
        "game_name",
        required=True,
        help=N_("The round of the value game: its title or id."),
    )(function)


def register_valuegame(valuegame: click.Group) -> None:
    """Add rounds, placements and the comparison to ``cfbu valuegame``."""

    @valuegame.command(
        name="round",
        cls=TCommand,
        help=N_("Start a new round of the value game, from the catalogue or an earlier round."),
    )
    @click.argument("file", type=PLAN_FILE)
    @option("--title", required=True, help=N_("The new round's title."))
    @option(
        "--from",
        "previous",
        help=N_("Lay out the pieces of this earlier round (the catalogue's by default)."),
    )
    @option("--id", "game_id", help=N_("The new round's id (made up by default)."))
    @option("--date", "date", type=DATE, help=N_("The day the round is played."))
    @lang_option
    @out_option
    def valuegame_round(
        file: Path,
        title: str,
        previous: str | None,
        game_id: str | None,
        date: dt.date | None,
        lang: str | None,
        out: Path,
    ) -> None:
        """Start a new round of the value game, from the catalogue or an earlier round."""
        from . import put
        from .valuegame import start_round

        with running(lang):
            plan = load_plan(file)
            game = start_round(plan, title=title, previous=previous, game_id=game_id, date=date)
            save_plan(put(plan, game), out)
            click.echo(_("new round: {title} ({id})", title=game.title, id=game.id))

    @valuegame.command(
        name="place",
        cls=TCommand,
        help=N_("ORGANISATION places the pieces VALUES (by name) in the round."),
    )
    @click.argument("file", type=PLAN_FILE)
    @_game_option
    @click.argument("organisation")
    @click.argument("values", nargs=-1, required=True)
    @option(
        "--strength",
        type=click.IntRange(1, 3),
        default=2,
        show_default=True,
        help=N_("How much value the collaboration creates (1-3)."),
    )
    @option("--comment", default="", help=N_("Why the organisation placed it."))
    @option("--remove", is_flag=True, help=N_("Take the pieces off again."))
    @lang_option
    @out_option
    def valuegame_place(
        file: Path,
        game_name: str,
        organisation: str,
        values: tuple[str, ...],
        strength: int,
        comment: str,
        remove: bool,
        lang: str | None,
        out: Path,
    ) -> None:
        """ORGANISATION places the pieces VALUES (by name) in the round."""
        from . import put
        from .names import find_game
        from .valuegame import place_by_name, remove_by_name

        with running(lang):
            plan = load_plan(file)
            game = find_game(plan, game_name)
            for value in values:
                if remove:
                    game = remove_by_name(plan, game, organisation, value)
                else:
                    game = place_by_name(
                        plan, game, organisation, value, strength=strength, comment=comment
                    )
            save_plan(put(plan, game), out)

    @valuegame.command(
        name="compare",
        cls=TCommand,
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
        lang: str | None,
    ) -> None:
        """Compare two rounds (EARLIER LATER, by title): what moved, what disappeared, what
        became shared."""
        from ._errors import WorkflowError

        with running(lang):
            named = [*rounds, *(r for r in (earlier, later) if r is not None)]
            if len(named) != 2:
                raise WorkflowError(N_("name two rounds: the earlier and the later"))
            click.echo(rounds_text(load_plan(file), named[0], named[1]), nl=False)

    @valuegame.command(
        name="few",
        cls=TCommand,
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
    def valuegame_few(file: Path, game_name: str, at_most: int, lang: str | None) -> None:
        """List the organisations that placed few pieces: they may see little value in
        staying."""
        from ..locale import ngettext
        from .names import find_game
        from .valuegame import few_placements

        with running(lang):
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
    from .names import find_game
    from .valuegame import compare_rounds

    lang: Lang = "en" if current_lang() == "en" else "da"
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


# --- groups, meetings, follow-ups ------------------------------------------------------------


def register_groups(main: click.Group) -> None:
    """Add ``cfbu group``, ``cfbu meeting`` and ``cfbu followups``."""

    @main.group(
        name="group",
        cls=TGroup,
        help=N_("Steering, follow-up and working groups: members, roles, ambitions."),
    )
    def group() -> None:
        """Steering, follow-up and working groups: members, roles, ambitions."""

    @group.command(name="add", cls=TCommand, help=N_("Add a group called NAME to the plan."))
    @click.argument("file", type=PLAN_FILE)
    @click.argument("name")
    @option(
        "--kind",
        type=LabelChoice(GroupKind),
        default=GroupKind.STEERING.value,
        show_default=True,
        help=N_("board, steering, follow_up, working_group or network (or the Danish name)."),
    )
    @option("--id", "group_id", help=N_("The group's id (made up by default)."))
    @option("--mandate", default="", help=N_("What the group decides on."))
    @lang_option
    @out_option
    def group_add(
        file: Path,
        name: str,
        kind: GroupKind,
        group_id: str | None,
        mandate: str,
        lang: str | None,
        out: Path,
    ) -> None:
        """Add a group called NAME to the plan."""
        from . import put
        from .groups import new_group

        with running(lang):
            plan = load_plan(file)
            made = new_group(name=name, kind=kind, group_id=group_id, mandate=mandate)
            save_plan(put(plan, made), out)

    @group.command(
        name="member",
        cls=TCommand,
        help=N_("Add PERSON to GROUP (both by name), change their role, or remove them."),
    )
    @click.argument("file", type=PLAN_FILE)
    @click.argument("group_name", metavar="GROUP")
    @click.argument("person")
    @option(
        "--role",
        type=LabelChoice(MemberRole),
        help=N_("chair, member, secretary or observer (or the Danish name)."),
    )
    @option("--for", "organisation", help=N_("The organisation the person sits for."))
    @option("--remove", is_flag=True, help=N_("Take the person out of the group."))
    @lang_option
    @out_option
    def group_member(
        file: Path,
        group_name: str,
        person: str,
        role: MemberRole | None,
        organisation: str | None,
        remove: bool,
        lang: str | None,
        out: Path,
    ) -> None:
        """Add PERSON to GROUP (both by name), change their role, or remove them."""
        from . import put
        from .groups import add_member, remove_member, set_role
        from .names import find_group

        with running(lang):
            plan = load_plan(file)
            chosen = find_group(plan, group_name)
            if remove:
                changed = remove_member(plan, chosen, person)
            elif any(
                m.contact_id in {c.id for c in plan.contacts if c.name == person or c.id == person}
                for m in chosen.members
            ):
                changed = set_role(plan, chosen, person, role or MemberRole.MEMBER)
            else:
                changed = add_member(
                    plan, chosen, person, role=role or MemberRole.MEMBER, organisation=organisation
                )
            save_plan(put(plan, changed), out)

    @group.command(
        name="ambition", cls=TCommand, help=N_("Add an ambition to GROUP (or remove one).")
    )
    @click.argument("file", type=PLAN_FILE)
    @click.argument("group_name", metavar="GROUP")
    @click.argument("text")
    @option("--remove", is_flag=True, help=N_("Remove the ambition instead."))
    @lang_option
    @out_option
    def group_ambition(
        file: Path, group_name: str, text: str, remove: bool, lang: str | None, out: Path
    ) -> None:
        """Add an ambition to GROUP (or remove one)."""
        from . import put
        from .groups import add_ambition, remove_ambition
        from .names import find_group

        with running(lang):
            plan = load_plan(file)
            chosen = find_group(plan, group_name)
            step = remove_ambition if remove else add_ambition
            save_plan(put(plan, step(chosen, text)), out)

    @group.command(
        name="show",
        cls=TCommand,
        help=N_("Show GROUP: members and roles, ambitions, meetings with decisions."),
    )
    @click.argument("file", type=PLAN_FILE)
    @click.argument("group_name", metavar="GROUP")
    @lang_option
    def group_show(file: Path, group_name: str, lang: str | None) -> None:
        """Show GROUP: members and roles, ambitions, meetings with decisions."""
        from .names import find_group

        with running(lang):
            plan = load_plan(file)
            click.echo(group_text(plan, find_group(plan, group_name)), nl=False)

    @main.group(
        name="meeting",
        cls=TGroup,
        help=N_("A group's meetings: agenda, attendance, decisions and follow-ups."),
    )
    def meeting() -> None:
        """A group's meetings: agenda, attendance, decisions and follow-ups."""

    @meeting.command(name="add", cls=TCommand, help=N_("Record a meeting of GROUP."))
    @click.argument("file", type=PLAN_FILE)
    @click.argument("group_name", metavar="GROUP")
    @option("--date", "date", type=DATE, required=True, help=N_("The day of the meeting."))
    @option("--agenda", multiple=True, help=N_("An item on the agenda (repeat)."))
    @option("--present", multiple=True, help=N_("Someone who came (repeat)."))
    @option("--absent", multiple=True, help=N_("Someone who sent word (repeat)."))
    @option("--decision", "decisions", multiple=True, help=N_("A decision (repeat)."))
    @option("--minutes", default="", help=N_("The minutes, as text."))
    @lang_option
    @out_option
    def meeting_add(
        file: Path,
        group_name: str,
        date: dt.date,
        agenda: tuple[str, ...],
        present: tuple[str, ...],
        absent: tuple[str, ...],
        decisions: tuple[str, ...],
        minutes: str,
        lang: str | None,
        out: Path,
    ) -> None:
        """Record a meeting of GROUP."""
        from . import put
        from .groups import record_meeting
        from .names import find_group

        with running(lang):
            plan = load_plan(file)
            chosen = find_group(plan, group_name)
            changed = record_meeting(
                plan,
                chosen,
                date=date,
                agenda=agenda,
                present=present,
                absent=absent,
                decisions=decisions,
                minutes=minutes,
            )
            save_plan(put(plan, changed), out)

    def _meeting_date(function: F) -> F:
        return option(
            "--date",
            "date",
            type=DATE,
            help=N_("The day of the meeting (the latest meeting by default)."),
        )(function)

    @meeting.command(
        name="decision", cls=TCommand, help=N_("Record a decision of GROUP's meeting.")
    )
    @click.argument("file", type=PLAN_FILE)
    @click.argument("group_name", metavar="GROUP")
    @click.argument("text")
    @_meeting_date
    @lang_option
    @out_option
    def meeting_decision(
        file: Path,
        group_name: str,
        text: str,
        date: dt.date | None,
        lang: str | None,
        out: Path,
    ) -> None:
        """Record a decision of GROUP's meeting."""
        from . import put
        from .groups import add_decision
        from .names import find_group

        with running(lang):
            plan = load_plan(file)
            chosen = find_group(plan, group_name)
            save_plan(put(plan, add_decision(chosen, text, date=date)), out)

    @meeting.command(
        name="attendance",
        cls=TCommand,
        help=N_("Record who came to GROUP's meeting and who sent word."),
    )
    @click.argument("file", type=PLAN_FILE)
    @click.argument("group_name", metavar="GROUP")
    @_meeting_date
    @option("--present", multiple=True, help=N_("Someone who came (repeat)."))
    @option("--absent", multiple=True, help=N_("Someone who sent word (repeat)."))
    @lang_option
    @out_option
    def meeting_attendance(
        file: Path,
        group_name: str,
        date: dt.date | None,
        present: tuple[str, ...],
        absent: tuple[str, ...],
        lang: str | None,
        out: Path,
    ) -> None:
        """Record who came to GROUP's meeting and who sent word."""
        from . import put
        from .groups import set_attendance
        from .names import find_group

        with running(lang):
            plan = load_plan(file)
            chosen = find_group(plan, group_name)
            changed = set_attendance(plan, chosen, date=date, present=present, absent=absent)
            save_plan(put(plan, changed), out)

    @meeting.command(
        name="followup",
        cls=TCommand,
        help=N_("Record a follow-up agreed at GROUP's meeting: what, who and by when."),
    )
    @click.argument("file", type=PLAN_FILE)
    @click.argument("group_name", metavar="GROUP")
    @click.argument("text")
    @_meeting_date
    @option("--owner", help=N_("Who does it (a person's name)."))
    @option("--due", type=DATE, help=N_("By when."))
    @lang_option
    @out_option
    def meeting_followup(
        file: Path,
        group_name: str,
        text: str,
        date: dt.date | None,
        owner: str | None,
        due: dt.date | None,
        lang: str | None,
        out: Path,
    ) -> None:
        """Record a follow-up agreed at GROUP's meeting: what, who and by when."""
        from . import put
        from .groups import add_follow_up
        from .names import find_group

        with running(lang):
            plan = load_plan(file)
            chosen = find_group(plan, group_name)
            changed = add_follow_up(plan, chosen, text, date=date, owner=owner, due=due)
            save_plan(put(plan, changed), out)

    @meeting.command(
        name="done",
        cls=TCommand,
        help=N_("Mark GROUP's open follow-up TEXT (or part of it) as done."),
    )
    @click.argument("file", type=PLAN_FILE)
    @click.argument("group_name", metavar="GROUP")
    @click.argument("text")
    @option("--on", "on", type=DATE, help=N_("The day it was done (today by default)."))
    @lang_option
    @out_option
    def meeting_done(
        file: Path,
        group_name: str,
        text: str,
        on: dt.date | None,
        lang: str | None,
        out: Path,
    ) -> None:
        """Mark GROUP's open follow-up TEXT (or part of it) as done."""
        from . import put
        from .groups import complete_follow_up
        from .names import find_group

        with running(lang):
            plan = load_plan(file)
            chosen = find_group(plan, group_name)
            changed = complete_follow_up(chosen, text, on=on or dt.date.today())
            save_plan(put(plan, changed), out)

    @main.command(
        name="followups",
        cls=TCommand,
        help=N_(
            "List every open follow-up in the plan: the mapping's next steps, the meetings' "
            "follow-ups and the agreements' dates, oldest first, overdue ones marked."
        ),
    )
    @click.argument("file", type=PLAN_FILE)
    @option("--today", "today", type=DATE, help=N_("Count overdue from this day (today)."))
    @lang_option
    def followups_command(file: Path, today: dt.date | None, lang: str | None) -> None:
        """List every open follow-up in the plan: the mapping's next steps, the meetings'
        follow-ups and the agreements' dates, oldest first, overdue ones marked."""
        with running(lang):
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
        lines.append(_("Meeting {date}", date=_day(meeting.date)))
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
    from .groups import followups

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
        due = _day(item.due) if item.due else _("no date")
        mark = _("OVERDUE") + " " if item.overdue else ""
        owner = f" ({item.owner})" if item.owner else ""
        text = item.text or "-"
        lines.append(f"{mark}{due}  {sources[item.source]}: {item.where}: {text}{owner}")
    return "\n".join(lines) + "\n"


# --- workshops -------------------------------------------------------------------------------


def register_workshop(workshop: click.Group) -> None:
    """Replace ``cfbu workshop programme`` with one that has lunch and saves into a plan."""

    @workshop.command(
        name="programme",
        cls=TCommand,
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
        lang: str | None,
        out: Path | None,
    ) -> None:
        """Print a timed programme for a workshop with the given tools, with breaks and
        lunch; --save adds it to a plan as a workshop."""
        from ._errors import WorkflowError
        from .render import programme_markdown
        from .workshops import build_programme, build_workshop

        with running(lang):
            language: Lang = "en" if current_lang() == "en" else "da"
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
                from . import put

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
            text = programme_markdown(agenda, lang=language)
            if out is None:
                click.echo(text, nl=False)
            else:
                from ..files import atomic_write

                with atomic_write(out) as stream:
                    stream.write(text.encode("utf-8"))
                click.echo(_("wrote {path}", path=str(out)), err=True)


def register(main: click.Group) -> None:
    """Add every editing command to the ``cfbu`` group ``main`` (whose ``agreement``,
    ``valuegame`` and ``workshop`` groups are there already)."""
    register_agreement(cast(click.Group, main.commands["agreement"]))
    register_valuegame(cast(click.Group, main.commands["valuegame"]))
    register_workshop(cast(click.Group, main.commands["workshop"]))
    register_groups(main)
