"""``cfbu agreement``: samarbejdsaftaler and aktivitetsaftaler from draft to signed to
ended, everything chosen by name.

Commands that change a plan read it from FILE and write the changed plan to ``--out``
(which may be FILE itself).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs
import click

from ..locale import N_, _, current_lang
from ..model import (
    ActivityAgreement,
    AgreementStatus,
    CollaborationAgreement,
    Plan,
)
from ._common import Command, Group, friendly_errors, lang_option, option
from ._values import (
    DATE,
    OUT_FILE,
    PLAN_FILE,
    LabelChoice,
    change_plan,
    day_text,
    load_plan,
    plan_command,
    show_text,
)

if TYPE_CHECKING:
    from ..workflows import Part

F = TypeVar("F", bound=Callable[..., Any])
P = TypeVar("P", bound="Part")

__all__ = ["COMMANDS"]


@click.group(
    cls=Group,
    help=N_("Samarbejdsaftaler and aktivitetsaftaler: draft, write, sign, check, renew and end."),
)
def agreement() -> None:
    pass


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
    from ..workflows.names import find_agreement_by_name

    return find_agreement_by_name(plan, name)


def _collaboration(agreement: Any) -> CollaborationAgreement:
    from ..workflows._errors import WorkflowError

    if not isinstance(agreement, CollaborationAgreement):
        raise WorkflowError(
            N_("{name!r} is an activity agreement; it has a volunteer, not parties"),
            name=agreement.activity,
        )
    return agreement


def _activity(agreement: Any) -> ActivityAgreement:
    from ..workflows._errors import WorkflowError

    if not isinstance(agreement, ActivityAgreement):
        raise WorkflowError(
            N_("{name!r} is a collaboration agreement; volunteers belong to activity agreements"),
            name=agreement.title,
        )
    return agreement


def _section_text(text: str | None, file_: Path | None, edit: bool, current: str) -> str:
    from ..workflows._errors import WorkflowError

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


def _command(name: str, help: str, *params: Callable[[F], F]) -> Callable[[F], F]:
    """A command that changes the agreement named by ``--agreement`` in the plan in FILE."""
    return plan_command(agreement, name, help, _agreement_option, *params)


def _change(file: Path, name: str, out: Path, change: Callable[[Plan, Any], P]) -> P:
    """Change the agreement called ``name`` in the plan in FILE and write the plan to OUT."""
    return change_plan(file, out, lambda plan: change(plan, _find(plan, name)))[1]


@_command(
    "section",
    N_(
        "Set or append the text of SECTION (its heading or key): from TEXT, from standard "
        "input (TEXT is -), from --file or in $EDITOR (--edit)."
    ),
    click.argument("section"),
    click.argument("text", required=False),
    option(
        "--file",
        "file_",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help=N_("Read the text from this file."),
    ),
    option("--edit", is_flag=True, help=N_("Write the text in $EDITOR.")),
    option("--append", is_flag=True, help=N_("Add the text after what the section says.")),
)
def agreement_section(
    file: Path,
    agreement_name: str,
    section: str,
    text: str | None,
    file_: Path | None,
    edit: bool,
    append: bool,
    out: Path,
) -> None:
    """Set or append the text of SECTION (its heading or key): from TEXT, from standard
    input (TEXT is -), from --file or in $EDITOR (--edit)."""
    from ..workflows.agreements import find_section, write_section

    def change(plan: Plan, found: Any) -> Any:
        new_text = _section_text(text, file_, edit, find_section(found, section).text)
        return write_section(found, section, new_text, append=append)

    _change(file, agreement_name, out, change)


@_command(
    "party",
    N_("Add or remove a party to a samarbejdsaftale, by the organisation's name."),
    click.argument("action", type=click.Choice(["add", "remove"])),
    click.argument("organisation"),
    option("--signatory", help=N_("The person who signs for the organisation (add).")),
    option("--contact", help=N_("The organisation's contact person (add).")),
)
def agreement_party(
    file: Path,
    agreement_name: str,
    action: str,
    organisation: str,
    signatory: str | None,
    contact: str | None,
    out: Path,
) -> None:
    """Add or remove a party to a samarbejdsaftale, by the organisation's name."""
    from ..workflows.agreements import add_party, remove_party

    def change(plan: Plan, found: Any) -> CollaborationAgreement:
        if action == "add":
            return add_party(
                plan, _collaboration(found), organisation, signatory=signatory, contact=contact
            )
        return remove_party(plan, _collaboration(found), organisation)

    _change(file, agreement_name, out, change)


@_command(
    "signatory",
    N_("PERSON signs for the party ORGANISATION (both by name)."),
    click.argument("organisation"),
    click.argument("person"),
)
def agreement_signatory(
    file: Path, agreement_name: str, organisation: str, person: str, out: Path
) -> None:
    """PERSON signs for the party ORGANISATION (both by name)."""
    from ..workflows.agreements import set_signatory

    _change(
        file,
        agreement_name,
        out,
        lambda plan, found: set_signatory(plan, _collaboration(found), organisation, person),
    )


@_command(
    "contact",
    N_(
        "PERSON is the contact of the party ORGANISATION; for an aktivitetsaftale, "
        "ORGANISATION is 'housing' and PERSON the housing-social contact person."
    ),
    click.argument("organisation"),
    click.argument("person"),
)
def agreement_contact(
    file: Path, agreement_name: str, organisation: str, person: str, out: Path
) -> None:
    """PERSON is the contact of the party ORGANISATION; for an aktivitetsaftale,
    ORGANISATION is 'housing' and PERSON the housing-social contact person."""
    from ..workflows.agreements import set_housing_contact, set_party_contact

    def change(plan: Plan, found: Any) -> Any:
        if isinstance(found, ActivityAgreement):
            return set_housing_contact(plan, found, person)
        return set_party_contact(plan, found, organisation, person)

    _change(file, agreement_name, out, change)


@_command(
    "period",
    N_("Set the period the agreement runs (its start, its end or both)."),
    option("--start", type=DATE, help=N_("The first day (dd-mm-yyyy).")),
    option("--end", type=DATE, help=N_("The last day (dd-mm-yyyy).")),
)
def agreement_period(
    file: Path, agreement_name: str, start: dt.date | None, end: dt.date | None, out: Path
) -> None:
    """Set the period the agreement runs (its start, its end or both)."""
    from ..workflows.agreements import set_period

    _change(
        file, agreement_name, out, lambda _plan, found: set_period(found, start=start, end=end)
    )


@_command(
    "notice",
    N_("Set the notice period (opsigelsesvarsel) in DAYS."),
    click.argument("days", type=click.IntRange(min=0)),
)
def agreement_notice(file: Path, agreement_name: str, days: int, out: Path) -> None:
    """Set the notice period (opsigelsesvarsel) in DAYS."""
    from ..workflows.agreements import set_notice

    _change(file, agreement_name, out, lambda _plan, found: set_notice(found, days))


@_command(
    "sign",
    N_(
        "Record the day PARTY (an organisation, or the volunteer) signed. Move the agreement "
        "to signed with 'cfbu agreement status' once everyone has signed."
    ),
    click.argument("party"),
    option("--on", "on", type=DATE, help=N_("The day it was signed (today by default).")),
)
def agreement_sign(
    file: Path, agreement_name: str, party: str, on: dt.date | None, out: Path
) -> None:
    """Record the day PARTY (an organisation, or the volunteer) signed. Move the
    agreement to signed with 'cfbu agreement status' once everyone has signed."""
    from ..workflows.agreements import record_signature, unsigned_parties

    day = on or dt.date.today()
    plan, changed = change_plan(
        file, out, lambda plan: record_signature(plan, _find(plan, agreement_name), party, day)
    )
    if isinstance(changed, CollaborationAgreement):
        missing = unsigned_parties(changed)
        names = {o.id: o.name for o in plan.organisations}
        if missing:
            click.echo(
                _("Still to sign: {names}", names=", ".join(names.get(m, m) for m in missing))
            )
        else:
            click.echo(_("Every party has signed."))


@_command(
    "volunteer",
    N_("Name a volunteer in an aktivitetsaftale, or remove one (by name)."),
    click.argument("action", type=click.Choice(["add", "remove"])),
    click.argument("person"),
)
def agreement_volunteer(
    file: Path, agreement_name: str, action: str, person: str, out: Path
) -> None:
    """Name a volunteer in an aktivitetsaftale, or remove one (by name)."""
    from ..workflows.agreements import add_volunteer, remove_volunteer

    step = add_volunteer if action == "add" else remove_volunteer
    _change(file, agreement_name, out, lambda plan, found: step(plan, _activity(found), person))


@_command(
    "children",
    N_(
        "Whether the activity involves children under 15 (then every volunteer named needs a "
        "børneattest before the agreement is ready)."
    ),
    click.argument("answer", type=click.Choice(["yes", "no", "ja", "nej"])),
)
def agreement_children(file: Path, agreement_name: str, answer: str, out: Path) -> None:
    """Whether the activity involves children under 15 (then every volunteer named needs
    a børneattest before the agreement is ready)."""
    from ..workflows.agreements import set_children_under_15

    involves = answer in ("yes", "ja")
    _change(
        file,
        agreement_name,
        out,
        lambda _plan, found: set_children_under_15(_activity(found), involves),
    )


@_command(
    "certificate",
    N_(
        "Record the day the børneattest of the volunteer PERSON was obtained (only the day, "
        "never what it says)."
    ),
    click.argument("person"),
    option("--on", "on", type=DATE, required=True, help=N_("The day it was obtained.")),
)
def agreement_certificate(
    file: Path, agreement_name: str, person: str, on: dt.date, out: Path
) -> None:
    """Record the day the børneattest of the volunteer PERSON was obtained (only the
    day, never what it says)."""
    from ..workflows.agreements import record_child_certificate

    _change(
        file,
        agreement_name,
        out,
        lambda plan, found: record_child_certificate(plan, _activity(found), person, on),
    )


@plan_command(
    agreement,
    "draft",
    N_(
        "Draft a samarbejdsaftale (--title, --party ...) or an aktivitetsaftale (--activity) "
        "from the catalogue template and add it to the plan."
    ),
    option("--id", "agreement_id", help=N_("The new agreement's id (made up by default).")),
    option("--title", help=N_("Title of a samarbejdsaftale.")),
    option("--party", "parties", multiple=True, help=N_("A party, by name (repeat).")),
    option("--activity", help=N_("The activity of an aktivitetsaftale.")),
    option("--volunteer-org", help=N_("The volunteers' association (aktivitetsaftale).")),
    option("--volunteer", "volunteers", multiple=True, help=N_("A volunteer, by name (repeat).")),
    option("--housing-contact", help=N_("The housing-social contact person (aktivitetsaftale).")),
    option(
        "--children-under-15",
        is_flag=True,
        help=N_("The activity involves children under 15 (a børneattest is needed)."),
    ),
    option("--start", type=DATE, help=N_("The first day (dd-mm-yyyy).")),
    option("--end", type=DATE, help=N_("The last day (dd-mm-yyyy).")),
    option("--notice", type=click.IntRange(min=0), help=N_("The notice period in days.")),
)
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
    out: Path,
) -> None:
    """Draft a samarbejdsaftale (--title, --party ...) or an aktivitetsaftale
    (--activity) from the catalogue template and add it to the plan."""
    from ..model import Period
    from ..workflows._errors import WorkflowError
    from ..workflows.agreements import (
        add_volunteer,
        draft_activity_agreement,
        draft_collaboration_agreement,
    )
    from ..workflows.names import find_contact, find_organisation

    language = current_lang()
    period = Period(start=start, end=end)

    def draft(plan: Plan) -> Any:
        if (title is None) == (activity is None):
            raise WorkflowError(N_("give either --title (samarbejdsaftale) or --activity"))
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
        return drafted

    click.echo(_("new draft: {id}", id=change_plan(file, out, draft)[1].id))


@agreement.command(
    name="check",
    cls=Command,
    help=N_(
        "Print what stands between an agreement and a signature, as a checklist. Exit status "
        "1 when it is not ready to sign."
    ),
)
@click.argument("file", type=PLAN_FILE)
@_agreement_option
@lang_option
@option("-o", "--out", type=OUT_FILE, help=N_("Write the checklist here instead."))
def agreement_check(file: Path, agreement_name: str, out: Path | None) -> None:
    """Print what stands between an agreement and a signature, as a checklist. Exit
    status 1 when it is not ready to sign."""
    from ..formats.markdown.workflow_views import readiness_markdown
    from ..workflows.agreements import readiness

    with friendly_errors():
        plan = load_plan(file)
        chosen = _find(plan, agreement_name)
        found = readiness(chosen, plan=plan)
        # The same lines as the agreement's own document (Markdown, Word): one wording.
        text = readiness_markdown(found, lang=current_lang(), agreement=chosen, plan=plan)
        show_text(text, out)
    if not found.ready:
        sys.exit(1)


@_command(
    "renew",
    N_("Start the next period's draft of a signed, active or expired agreement."),
    option("--end", type=DATE, required=True, help=N_("The new period's last day.")),
    option("--start", type=DATE, help=N_("The new period's first day (the day after the end).")),
    option("--new-id", help=N_("The id of the new draft (made up by default).")),
)
def agreement_renew(
    file: Path,
    agreement_name: str,
    end: dt.date,
    start: dt.date | None,
    new_id: str | None,
    out: Path,
) -> None:
    """Start the next period's draft of a signed, active or expired agreement."""
    from ..workflows.agreements import renew

    renewed = _change(
        file,
        agreement_name,
        out,
        lambda _plan, found: renew(found, end=end, start=start, agreement_id=new_id),
    )
    click.echo(_("new draft: {id}", id=renewed.id))


@_command(
    "end",
    N_(
        "End an agreement: expired after its period, terminated before (also a signed "
        "agreement called off before it starts)."
    ),
    option("--on", "on", type=DATE, help=N_("The day it ends (today by default).")),
    option("--reason", default="", help=N_("Why it ends.")),
)
def agreement_end(
    file: Path, agreement_name: str, on: dt.date | None, reason: str, out: Path
) -> None:
    """End an agreement: expired after its period, terminated before (also a signed
    agreement called off before it starts)."""
    from ..workflows.agreements import end_agreement

    day = on or dt.date.today()
    ended = _change(
        file, agreement_name, out, lambda _plan, found: end_agreement(found, on=day, reason=reason)
    )
    click.echo(_("status: {status}", status=ended.status.label(current_lang())))


@_command(
    "status",
    N_(
        "Move an agreement to another status; every move that is not possible is refused with"
        " the reason, and signing requires the agreement to be ready."
    ),
    option(
        "--to",
        "to",
        type=LabelChoice(AgreementStatus),
        required=True,
        help=N_("draft, in_review, signed, active, expired or terminated (or the Danish name)."),
    ),
    option("--on", "on", type=DATE, help=N_("The day of the change (today by default).")),
)
def agreement_status(
    file: Path, agreement_name: str, to: AgreementStatus, on: dt.date | None, out: Path
) -> None:
    """Move an agreement to another status; every move that is not possible is refused
    with the reason, and signing requires the agreement to be ready."""
    from ..workflows.agreements import change_status

    _change(
        file, agreement_name, out, lambda plan, found: change_status(found, to, on=on, plan=plan)
    )
    click.echo(_("status: {status}", status=to.label(current_lang())))


@agreement.command(
    name="expiring",
    cls=Command,
    help=N_("List agreements in force that end within --within days."),
)
@click.argument("file", type=PLAN_FILE)
@option(
    "--within",
    "within_days",
    type=click.IntRange(min=0),
    default=90,
    show_default=True,
    help=N_("How many days ahead to look."),
)
@option("--on", "on", type=DATE, help=N_("Count from this day (today by default)."))
@lang_option
def agreement_expiring(file: Path, within_days: int, on: dt.date | None) -> None:
    from ..analysis.coverage import agreements_expiring

    with friendly_errors():
        plan = load_plan(file)
        for item in agreements_expiring(plan, on or dt.date.today(), within_days):
            click.echo(f"{day_text(item.end)}  {item.days_left:>4}  {item.title}")


COMMANDS = (agreement,)
