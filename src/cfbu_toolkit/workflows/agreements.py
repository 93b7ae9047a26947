"""The agreement workflow: draft from the template, check readiness, move through statuses.

A *samarbejdsaftale* (:class:`~cfbu_toolkit.model.CollaborationAgreement`) or an
*aktivitetsaftale* (:class:`~cfbu_toolkit.model.ActivityAgreement`) starts as a draft built
from the catalogue's section template with its parties taken from the plan.
:func:`readiness` lists everything that stands between the draft and a signature, in Danish
or English; :func:`change_status` moves an agreement along its life::

    draft ⇄ in_review → signed → active → expired | terminated
                        signed → terminated   (called off before it starts)

and refuses every other move, with the reason, and signing while :func:`readiness` finds
problems. The editing steps (:func:`set_section`, :func:`add_party`, :func:`set_signatory`,
:func:`set_period`, ...) choose organisations and people by name as well as by id;
:func:`record_signature` records the day each party signs, :func:`renew` starts the next
period's draft and :func:`end_agreement` ends an agreement (expired, or terminated early).
Agreements that run out soon are found by
:func:`cfbu_toolkit.analysis.coverage.agreements_expiring`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import Any, Literal, TypeVar, cast

import attrs

from ..errors import Text
from ..locale import N_, _, current_lang, format_date, translate
from ..model import (
    ActivityAgreement,
    AgreementParty,
    AgreementSection,
    AgreementStatus,
    ChildCertificate,
    CollaborationAgreement,
    CollaborationDegree,
    Lang,
    Period,
    Plan,
    new_id,
)
from ._errors import NotReadyError, TransitionError, WorkflowError
from .names import find_contact, find_organisation, pick, pick_by_name

__all__ = [
    "SECTIONS_FROM_FIELDS",
    "TRANSITIONS",
    "Agreement",
    "Readiness",
    "ReadinessCheck",
    "ReadinessCode",
    "add_party",
    "add_section",
    "add_volunteer",
    "allowed_statuses",
    "change_status",
    "draft_activity_agreement",
    "draft_collaboration_agreement",
    "end_agreement",
    "find_agreement",
    "find_section",
    "readiness",
    "record_child_certificate",
    "record_signature",
    "remove_party",
    "remove_section",
    "remove_volunteer",
    "renew",
    "set_children_under_15",
    "set_housing_contact",
    "set_notice",
    "set_party_contact",
    "set_period",
    "set_section",
    "set_signatory",
    "unsigned_parties",
    "write_section",
]

Agreement = CollaborationAgreement | ActivityAgreement
"""Either kind of agreement."""

A = TypeVar("A", CollaborationAgreement, ActivityAgreement)
S = AgreementStatus

#: Sections written from the agreement's own fields rather than typed as text: the parties
#: (from :attr:`~cfbu_toolkit.model.CollaborationAgreement.parties`) and the signature block
#: (from the signatories). An empty text there is not a problem; the parties and signatory
#: checks cover them.
SECTIONS_FROM_FIELDS = frozenset({"parties", "signatures"})

#: The statuses an agreement may move to from each status.
TRANSITIONS: Mapping[AgreementStatus, tuple[AgreementStatus, ...]] = {
    S.DRAFT: (S.IN_REVIEW,),
    S.IN_REVIEW: (S.DRAFT, S.SIGNED),
    S.SIGNED: (S.ACTIVE, S.TERMINATED),
    S.ACTIVE: (S.EXPIRED, S.TERMINATED),
    S.EXPIRED: (),
    S.TERMINATED: (),
}


# --- drafting --------------------------------------------------------------------------------


def _organisation_ids(plan: Plan) -> set[str]:
    return {o.id for o in plan.organisations}


def _check_contact(plan: Plan, contact_id: str | None, role: str | Text) -> None:
    if contact_id is not None and contact_id not in {c.id for c in plan.contacts}:
        raise WorkflowError(
            N_("{role}: plan {plan!r} has no contact person {contact!r}"),
            role=role,
            plan=plan.id,
            contact=contact_id,
        )


def _first_contact(plan: Plan, organisation_id: str) -> str | None:
    for contact in plan.contacts:
        if contact.organisation_id == organisation_id:
            return contact.id
    return None


def _catalogue_version() -> str:
    from ..catalog import CATALOGUE_VERSION

    return CATALOGUE_VERSION


def draft_collaboration_agreement(
    plan: Plan,
    organisation_ids: Iterable[str],
    *,
    title: str,
    agreement_id: str | None = None,
    indsats_id: str | None = None,
    degree: CollaborationDegree = CollaborationDegree.SHARED_TASKS,
    period: Period | None = None,
    notice_days: int | None = None,
    signatories: Mapping[str, str] | None = None,
    lang: Lang = "da",
) -> CollaborationAgreement:
    """A draft *samarbejdsaftale* between ``organisation_ids``, from the catalogue template.

    Each party's contact is the plan's first contact person at that organisation;
    ``signatories`` maps an organisation id to the contact person who signs for it (left
    empty otherwise, for :func:`readiness` to point out). Sections are headed in ``lang``.
    """
    from ..catalog import collaboration_sections

    known = _organisation_ids(plan)
    signatories = dict(signatories or {})
    parties = []
    for organisation_id in organisation_ids:
        if organisation_id not in known:
            raise WorkflowError(
                N_("plan {plan!r} has no organisation {organisation!r}"),
                plan=plan.id,
                organisation=organisation_id,
            )
        signatory = signatories.pop(organisation_id, None)
        _check_contact(
            plan,
            signatory,
            Text(N_("signatory for {organisation!r}"), organisation=organisation_id),
        )
        parties.append(
            AgreementParty(
                organisation_id=organisation_id,
                signatory_id=signatory,
                contact_id=_first_contact(plan, organisation_id),
            )
        )
    if signatories:
        raise WorkflowError(
            N_("signatories given for organisations that are not parties: {organisations}"),
            organisations=", ".join(sorted(signatories)),
        )
    return CollaborationAgreement(
        id=agreement_id or new_id("agreement-"),
        title=title,
        indsats_id=indsats_id,
        parties=tuple(parties),
        degree=degree,
        sections=collaboration_sections(lang),
        period=period or Period(),
        notice_days=notice_days,
        template_version=_catalogue_version(),
    )


def draft_activity_agreement(
    plan: Plan,
    *,
    activity: str,
    volunteer_organisation_id: str | None = None,
    volunteer_contact_id: str | None = None,
    housing_contact_id: str | None = None,
    agreement_id: str | None = None,
    indsats_id: str | None = None,
    place: str = "",
    schedule: str = "",
    period: Period | None = None,
    child_certificate_required: bool = False,
    notice_days: int | None = None,
    lang: Lang = "da",
) -> ActivityAgreement:
    """A draft *aktivitetsaftale* with a volunteer (or an association), from the template.

    Without ``volunteer_contact_id``, the plan's first contact person at
    ``volunteer_organisation_id`` is taken.
    """
    from ..catalog import activity_sections

    if volunteer_organisation_id is not None:
        if volunteer_organisation_id not in _organisation_ids(plan):
            raise WorkflowError(
                N_("plan {plan!r} has no organisation {organisation!r}"),
                plan=plan.id,
                organisation=volunteer_organisation_id,
            )
        if volunteer_contact_id is None:
            volunteer_contact_id = _first_contact(plan, volunteer_organisation_id)
    _check_contact(plan, volunteer_contact_id, "volunteer_contact_id")
    _check_contact(plan, housing_contact_id, "housing_contact_id")
    return ActivityAgreement(
        id=agreement_id or new_id("activity-"),
        activity=activity,
        indsats_id=indsats_id,
        place=place,
        schedule=schedule,
        period=period or Period(),
        volunteer_organisation_id=volunteer_organisation_id,
        volunteer_contact_id=volunteer_contact_id,
        housing_contact_id=housing_contact_id,
        sections=activity_sections(lang),
        child_certificate_required=child_certificate_required,
        notice_days=notice_days,
        template_version=_catalogue_version(),
    )


def _section_index(agreement: Agreement, key: str) -> int:
    for index, section in enumerate(agreement.sections):
        if section.key == key:
            return index
    keys = ", ".join(s.key for s in agreement.sections)
    raise WorkflowError(
        N_("agreement {agreement!r} has no section {key!r} (it has {keys})"),
        agreement=agreement.id,
        key=key,
        keys=keys,
    )


def set_section(agreement: A, key: str, text: str) -> A:
    """A copy of ``agreement`` with the text of section ``key`` replaced by ``text``."""
    index = _section_index(agreement, key)
    sections = list(agreement.sections)
    sections[index] = attrs.evolve(sections[index], text=text)
    return attrs.evolve(agreement, sections=tuple(sections))


def add_section(
    agreement: A,
    *,
    key: str,
    heading: str,
    text: str = "",
    required: bool = False,
    after: str | None = None,
) -> A:
    """A copy of ``agreement`` with a section of the user's own, after section ``after``
    (at the end without it)."""
    section = AgreementSection(key=key, heading=heading, text=text, required=required)
    if any(s.key == key for s in agreement.sections):
        raise WorkflowError(
            N_("agreement {agreement!r} already has a section {key!r}"),
            agreement=agreement.id,
            key=key,
        )
    sections = list(agreement.sections)
    position = len(sections) if after is None else _section_index(agreement, after) + 1
    sections.insert(position, section)
    return attrs.evolve(agreement, sections=tuple(sections))


def remove_section(agreement: A, key: str) -> A:
    """A copy of ``agreement`` without section ``key``; a required section stays."""
    section = agreement.sections[_section_index(agreement, key)]
    if section.required:
        raise WorkflowError(
            N_("section {key!r} ({heading}) is required and cannot be removed"),
            key=key,
            heading=section.heading,
        )
    return attrs.evolve(agreement, sections=tuple(s for s in agreement.sections if s.key != key))


def find_agreement(plan: Plan, agreement_id: str) -> Agreement:
    """The plan's collaboration or activity agreement with this id."""
    agreements: tuple[Agreement, ...] = (
        *plan.collaboration_agreements,
        *plan.activity_agreements,
    )
    for agreement in agreements:
        if agreement.id == agreement_id:
            return agreement
    raise WorkflowError(
        N_("plan {plan!r} has no agreement {agreement!r}"), plan=plan.id, agreement=agreement_id
    )


# --- readiness -------------------------------------------------------------------------------


class ReadinessCode(enum.StrEnum):
    """What a readiness check looks at."""

    NO_PARTIES = "no_parties"
    UNKNOWN_PARTY = "unknown_party"
    MISSING_SIGNATORY = "missing_signatory"
    NO_HOUSING_CONTACT = "no_housing_contact"
    EMPTY_SECTION = "empty_section"
    PERIOD_MISSING = "period_missing"
    PERIOD_ORDER = "period_order"
    PERIOD_OUTSIDE_PLAN = "period_outside_plan"
    NO_NOTICE_PERIOD = "no_notice_period"
    CHILD_CERTIFICATE = "child_certificate"
    CONFIDENTIALITY = "confidentiality"


@attrs.frozen(kw_only=True)
class ReadinessCheck:
    """One thing that must hold before signing, and whether it does.

    ``requirement`` is the checklist line (what must hold); ``problem`` says what is wrong
    when it does not. ``subject`` is the section key or organisation id concerned, if any.
    """

    code: ReadinessCode
    ok: bool
    subject: str = ""
    requirement_da: str
    requirement_en: str
    problem_da: str = ""
    problem_en: str = ""

    def requirement(self, lang: Lang = "da") -> str:
        """The checklist line in ``lang``: what must hold before signing."""
        return self.requirement_en if lang == "en" else self.requirement_da

    def message(self, lang: Lang = "da") -> str:
        """What is wrong (or, when the check holds, what holds)."""
        if self.ok:
            return self.requirement(lang)
        return self.problem_en if lang == "en" else self.problem_da


@attrs.frozen(kw_only=True)
class Readiness:
    """Every check of one agreement before signing; :attr:`findings` are those that fail."""

    agreement_id: str
    kind: Literal["collaboration_agreement", "activity_agreement"]
    title: str
    checks: tuple[ReadinessCheck, ...]

    @property
    def findings(self) -> tuple[ReadinessCheck, ...]:
        """The checks that fail: what stands between the draft and a signature."""
        return tuple(c for c in self.checks if not c.ok)

    @property
    def ready(self) -> bool:
        """Whether nothing stands in the way of signing."""
        return not self.findings

    @property
    def codes(self) -> frozenset[ReadinessCode]:
        """The codes of the findings."""
        return frozenset(c.code for c in self.findings)

    def messages(self, lang: Lang = "da") -> tuple[str, ...]:
        """The findings, one sentence each, in ``lang``."""
        return tuple(c.message(lang) for c in self.findings)


def _fmt(day: dt.date, lang: Lang) -> str:
    return f"{day.day}.{day.month}.{day.year}" if lang == "da" else day.isoformat()


class _Checks:
    """Collects checks; every line is written in both languages at once."""

    def __init__(self, plan: Plan | None) -> None:
        self.plan = plan
        self.items: list[ReadinessCheck] = []

    def name(self, organisation_id: str) -> str:
        if self.plan is not None:
            for organisation in self.plan.organisations:
                if organisation.id == organisation_id:
                    return organisation.name
        return organisation_id

    def person(self, contact_id: str) -> str:
        if self.plan is not None:
            for contact in self.plan.contacts:
                if contact.id == contact_id:
                    return contact.name
        return contact_id

    def add(
        self,
        code: ReadinessCode,
        ok: bool,
        requirement: tuple[str, str],
        problem: tuple[str, str] = ("", ""),
        subject: str = "",
    ) -> None:
        self.items.append(
            ReadinessCheck(
                code=code,
                ok=ok,
                subject=subject,
                requirement_da=requirement[0],
                requirement_en=requirement[1],
                problem_da="" if ok else problem[0],
                problem_en="" if ok else problem[1],
            )
        )


def _sections(checks: _Checks, sections: Iterable[AgreementSection]) -> None:
    for section in sections:
        if not section.required or section.key in SECTIONS_FROM_FIELDS:
            continue
        heading = section.heading
        checks.add(
            ReadinessCode.EMPTY_SECTION,
            bool(section.text.strip()),
            (f"Afsnittet »{heading}« er udfyldt", f"The section “{heading}” is filled in"),
            (
                f"Det krævede afsnit »{heading}« er tomt",
                f"The required section “{heading}” is empty",
            ),
            subject=section.key,
        )


def _period(checks: _Checks, period: Period, review_on: dt.date | None = None) -> None:
    start, end = period.start, period.end
    missing = [
        (da, en)
        for day, da, en in ((start, "startdato", "start"), (end, "slutdato", "end"))
        if day is None
    ]
    checks.add(
        ReadinessCode.PERIOD_MISSING,
        not missing,
        (
            "Aftalens periode har start- og slutdato",
            "The agreement's period has a start and an end",
        ),
        (
            "Aftalens periode mangler " + " og ".join(da for da, _ in missing),
            "The agreement's period has no " + " and no ".join(en for _, en in missing) + " date",
        ),
    )
    problems_da: list[str] = []
    problems_en: list[str] = []
    if start is not None and end is not None and end < start:
        problems_da.append(
            f"slutdatoen {_fmt(end, 'da')} ligger før startdatoen {_fmt(start, 'da')}"
        )
        problems_en.append(f"the end {_fmt(end, 'en')} is before the start {_fmt(start, 'en')}")
    if review_on is not None and (
        (start is not None and review_on < start) or (end is not None and review_on > end)
    ):
        problems_da.append(f"opfølgningsdatoen {_fmt(review_on, 'da')} ligger uden for perioden")
        problems_en.append(f"the review date {_fmt(review_on, 'en')} is outside the period")
    checks.add(
        ReadinessCode.PERIOD_ORDER,
        not problems_da,
        ("Datoerne ligger i rigtig rækkefølge", "The dates are in order"),
        (
            "Datoerne passer ikke sammen: " + "; ".join(problems_da),
            "The dates do not fit together: " + "; ".join(problems_en),
        ),
    )
    plan = checks.plan
    if plan is not None and (plan.period.start is not None or plan.period.end is not None):
        outside = (
            start is not None and plan.period.start is not None and start < plan.period.start
        ) or (end is not None and plan.period.end is not None and end > plan.period.end)
        checks.add(
            ReadinessCode.PERIOD_OUTSIDE_PLAN,
            not outside,
            (
                "Aftalens periode ligger inden for helhedsplanens periode",
                "The agreement's period lies within the plan's period",
            ),
            (
                "Aftalens periode rækker uden for helhedsplanens periode",
                "The agreement's period reaches outside the plan's period",
            ),
        )


def _notice(checks: _Checks, notice_days: int | None) -> None:
    checks.add(
        ReadinessCode.NO_NOTICE_PERIOD,
        notice_days is not None,
        ("Der er aftalt et opsigelsesvarsel", "A notice period is agreed"),
        ("Der er ikke aftalt et opsigelsesvarsel", "No notice period is agreed"),
    )


#: What a party without a signatory lacks: one message for the check, the command, the
#: Markdown and the Word document.
MISSING_SIGNATORY = N_("{name} is missing a signatory")


def _both(message: str, /, **params: Any) -> tuple[str, str]:
    """``message`` in Danish and in English, for a check that keeps both."""
    return translate(message, "da", **params), translate(message, "en", **params)


def _collaboration(checks: _Checks, agreement: CollaborationAgreement) -> None:
    count = len(agreement.parties)
    checks.add(
        ReadinessCode.NO_PARTIES,
        count >= 2,
        ("Aftalen har mindst to parter", "The agreement has at least two parties"),
        (
            ("Aftalen har ingen parter", "The agreement has no parties")
            if count == 0
            else ("Aftalen har kun én part", "The agreement has only one party")
        ),
    )
    plan = checks.plan
    known = _organisation_ids(plan) if plan is not None else None
    for party in agreement.parties:
        name = checks.name(party.organisation_id)
        if known is not None:
            checks.add(
                ReadinessCode.UNKNOWN_PARTY,
                party.organisation_id in known,
                (f"{name} findes i planen", f"{name} is in the plan"),
                (
                    f"Parten {name} findes ikke blandt planens organisationer",
                    f"The party {name} is not among the plan's organisations",
                ),
                subject=party.organisation_id,
            )
        checks.add(
            ReadinessCode.MISSING_SIGNATORY,
            party.signatory_id is not None,
            (f"{name} har en underskriver", f"{name} has a signatory"),
            _both(MISSING_SIGNATORY, name=name),
            subject=party.organisation_id,
        )
    _sections(checks, agreement.sections)
    _period(checks, agreement.period)
    _notice(checks, agreement.notice_days)


def _activity(checks: _Checks, agreement: ActivityAgreement) -> None:
    has_volunteer = (
        agreement.volunteer_contact_id is not None
        or agreement.volunteer_organisation_id is not None
    )
    checks.add(
        ReadinessCode.NO_PARTIES,
        has_volunteer,
        ("Den frivillige eller foreningen er angivet", "The volunteer or association is named"),
        (
            "Aftalen har ingen frivillig part (hverken en frivillig eller en forening)",
            "The agreement has no volunteer party (neither a volunteer nor an association)",
        ),
    )
    if has_volunteer:
        checks.add(
            ReadinessCode.MISSING_SIGNATORY,
            agreement.volunteer_contact_id is not None,
            (
                "Der er en frivillig, der skriver under",
                "There is a volunteer who signs",
            ),
            (
                f"Ingen frivillig hos {checks.name(agreement.volunteer_organisation_id or '')} "
                "er angivet til at skrive under",
                "No volunteer at "
                f"{checks.name(agreement.volunteer_organisation_id or '')} is named to sign",
            ),
            subject=agreement.volunteer_organisation_id or "",
        )
    checks.add(
        ReadinessCode.NO_HOUSING_CONTACT,
        agreement.housing_contact_id is not None,
        (
            "Den boligsociale indsats har en kontaktperson",
            "The housing-social effort has a contact person",
        ),
        (
            "Den boligsociale kontaktperson er ikke angivet",
            "The housing-social contact person is not named",
        ),
    )
    _sections(checks, agreement.sections)
    _period(checks, agreement.period, agreement.review_on)
    _notice(checks, agreement.notice_days)
    checks.add(
        ReadinessCode.CONFIDENTIALITY,
        agreement.confidentiality_agreed,
        ("Tavshedspligten er aftalt", "Confidentiality is agreed"),
        ("Tavshedspligten er ikke aftalt", "Confidentiality is not agreed"),
    )
    if agreement.needs_child_certificates:
        _child_certificates(checks, agreement)


def _child_certificates(checks: _Checks, agreement: ActivityAgreement) -> None:
    """A børneattest date for every volunteer named in the agreement."""
    volunteers = agreement.named_volunteers
    why = (
        N_("the activity involves children under 15")
        if agreement.involves_children_under_15
        else N_("a børneattest is required")
    )
    if not volunteers:
        # No one named yet (a finding of its own): only the agreement's own date counts.
        obtained = agreement.child_certificate_obtained_on
        requirement = N_("The børneattest is obtained")
        problem = N_("A børneattest is required, but no date it was obtained is recorded ({why})")
        checks.add(
            ReadinessCode.CHILD_CERTIFICATE,
            obtained is not None,
            (translate(requirement, "da"), translate(requirement, "en")),
            tuple(  # type: ignore[arg-type]
                translate(problem, lang, why=translate(why, lang)) for lang in ("da", "en")
            ),
        )
    for contact_id in volunteers:
        person = checks.person(contact_id)
        obtained = agreement.certificate_on(contact_id)
        if obtained is None:
            requirement = N_("{person} has a børneattest")
        else:
            requirement = N_("The børneattest of {person} is obtained ({day})")
        problem = N_(
            "{person} has no børneattest date recorded, and {why}: Danish law asks for a "
            "børneattest for direct contact with children under 15"
        )
        da, en = (
            {
                "person": person,
                "day": _fmt(obtained, lang) if obtained else "",
                "why": translate(why, lang),
            }
            for lang in ("da", "en")
        )
        checks.add(
            ReadinessCode.CHILD_CERTIFICATE,
            obtained is not None,
            (translate(requirement, "da", **da), translate(requirement, "en", **en)),
            (translate(problem, "da", **da), translate(problem, "en", **en)),
            subject=contact_id,
        )


def readiness(agreement: Agreement, *, plan: Plan | None = None) -> Readiness:
    """Everything that must hold before ``agreement`` can be signed, each checked.

    With ``plan``, parties are named by their organisation's name, must be in the plan, and
    the agreement's period must lie within the plan's.
    """
    checks = _Checks(plan)
    if isinstance(agreement, CollaborationAgreement):
        _collaboration(checks, agreement)
        return Readiness(
            agreement_id=agreement.id,
            kind="collaboration_agreement",
            title=agreement.title,
            checks=tuple(checks.items),
        )
    _activity(checks, agreement)
    return Readiness(
        agreement_id=agreement.id,
        kind="activity_agreement",
        title=agreement.activity,
        checks=tuple(checks.items),
    )


# --- status ----------------------------------------------------------------------------------


def allowed_statuses(agreement: Agreement) -> tuple[AgreementStatus, ...]:
    """The statuses ``agreement`` may move to next."""
    return TRANSITIONS[agreement.status]


def _sign(agreement: Agreement, on: dt.date) -> Agreement:
    if isinstance(agreement, CollaborationAgreement):
        parties = tuple(attrs.evolve(p, signed_on=p.signed_on or on) for p in agreement.parties)
        return attrs.evolve(agreement, parties=parties, status=S.SIGNED)
    return attrs.evolve(agreement, signed_on=agreement.signed_on or on, status=S.SIGNED)


class _StatusLabel:
    """A status that shows its label in the language current when a message is read."""

    def __init__(self, status: AgreementStatus) -> None:
        self.status = status

    def __format__(self, spec: str) -> str:
        return format(self.status.label(current_lang()), spec)

    def __str__(self) -> str:
        return format(self, "")

    def __repr__(self) -> str:
        return f"_StatusLabel({self.status!r})"


class _Choices:
    """Statuses joined by "or" in the language current when a message is read."""

    def __init__(self, statuses: Iterable[AgreementStatus]) -> None:
        self.statuses = tuple(statuses)

    def __format__(self, spec: str) -> str:
        words = [s.label(current_lang()) for s in self.statuses]
        joined = (" " + _("or") + " ").join(words)
        return format(joined, spec)

    def __str__(self) -> str:
        return format(self, "")


def _agreement_name(agreement: Agreement) -> str:
    return agreement.title if isinstance(agreement, CollaborationAgreement) else agreement.activity


def change_status(
    agreement: A,
    to: AgreementStatus,
    *,
    on: dt.date | None = None,
    plan: Plan | None = None,
) -> A:
    """A copy of ``agreement`` moved to status ``to`` (see :data:`TRANSITIONS`).

    Every other move raises :class:`~cfbu_toolkit.workflows.TransitionError` saying why, in
    the current language. Signing runs :func:`readiness` (with ``plan``) and raises
    :class:`~cfbu_toolkit.workflows.NotReadyError` when anything stands in the way; it
    records ``on`` (today by default) as the signing day of every party that has none. An
    agreement expires only once its end date has passed ``on``; to end it earlier,
    terminate it. A signed agreement that has not started can be terminated (called off);
    :func:`end_agreement` records the day and the reason too.
    """
    current = agreement.status
    name = _agreement_name(agreement)
    if to is current:
        raise TransitionError(
            N_("the agreement {name!r} is already {status}"),
            current=current,
            wanted=to,
            name=name,
            status=_StatusLabel(current),
        )
    allowed = TRANSITIONS[current]
    if to not in allowed:
        reason = _REFUSALS.get((current, to))
        params: dict[str, Any] = {
            "name": name,
            "old": _StatusLabel(current),
            "new": _StatusLabel(to),
            "allowed": _Choices(allowed),
        }
        if reason is None:
            reason = (
                N_(
                    "the agreement {name!r} cannot move from {old} to {new}: "
                    "from {old} it can only move to {allowed}"
                )
                if allowed
                else N_("the agreement {name!r} cannot move from {old} to {new}: {old} is final")
            )
        raise TransitionError(reason, current=current, wanted=to, **params)
    day = on or dt.date.today()
    if to is S.SIGNED:
        found = readiness(agreement, plan=plan)
        if not found.ready:
            raise NotReadyError(
                N_("the agreement {name!r} is not ready to sign: {findings}"),
                readiness=found,
                name=name,
                findings=_Findings(found),
            )
        return cast(A, _sign(agreement, day))
    if to is S.EXPIRED:
        end = agreement.period.end
        if end is None:
            raise TransitionError(
                N_(
                    "the agreement {name!r} has no end date, so it cannot have expired; "
                    "terminate it to end it"
                ),
                current=current,
                wanted=to,
                name=name,
            )
        if day <= end:
            raise TransitionError(
                N_(
                    "the agreement {name!r} runs until {end}, so it cannot have expired on "
                    "{day}; terminate it to end it early"
                ),
                current=current,
                wanted=to,
                name=name,
                end=_Day(end),
                day=_Day(day),
            )
    if to is S.ACTIVE and agreement.period.start is not None and day < agreement.period.start:
        raise TransitionError(
            N_(
                "the agreement {name!r} starts on {start}, so it cannot be active on {day}; "
                "give the day it starts"
            ),
            current=current,
            wanted=to,
            name=name,
            start=_Day(agreement.period.start),
            day=_Day(day),
        )
    return attrs.evolve(agreement, status=to)


#: Why the moves people most often try are refused, beyond "it can only move to ...".
_REFUSALS: Mapping[tuple[AgreementStatus, AgreementStatus], str] = {
    (S.DRAFT, S.SIGNED): N_(
        "the agreement {name!r} cannot be signed while it is a draft: send it for review "
        "first ({old} → {allowed})"
    ),
    (S.DRAFT, S.ACTIVE): N_(
        "the agreement {name!r} cannot be active before it is signed: a draft goes to "
        "review, then it is signed"
    ),
    (S.IN_REVIEW, S.ACTIVE): N_(
        "the agreement {name!r} cannot be active before it is signed: sign it first"
    ),
    (S.DRAFT, S.EXPIRED): N_(
        "the agreement {name!r} cannot expire before it has been signed and in force; "
        "a draft that is not wanted can simply be deleted"
    ),
    (S.IN_REVIEW, S.EXPIRED): N_(
        "the agreement {name!r} cannot expire before it has been signed and in force; "
        "send it back to draft or delete it"
    ),
    (S.DRAFT, S.TERMINATED): N_(
        "the agreement {name!r} cannot be terminated before it is signed; "
        "a draft that is not wanted can simply be deleted"
    ),
    (S.IN_REVIEW, S.TERMINATED): N_(
        "the agreement {name!r} cannot be terminated before it is signed; "
        "send it back to draft or delete it"
    ),
    (S.SIGNED, S.DRAFT): N_(
        "the agreement {name!r} is signed and cannot go back to draft; renew it to "
        "start a new draft"
    ),
    (S.SIGNED, S.IN_REVIEW): N_(
        "the agreement {name!r} is signed and cannot go back to review; renew it to "
        "start a new draft"
    ),
    (S.SIGNED, S.EXPIRED): N_(
        "the agreement {name!r} has not started, so it cannot expire; terminate it to "
        "call it off before it starts"
    ),
    (S.ACTIVE, S.DRAFT): N_(
        "the agreement {name!r} is in force and cannot go back to draft; renew it to "
        "start a new draft"
    ),
    (S.ACTIVE, S.IN_REVIEW): N_(
        "the agreement {name!r} is in force and cannot go back to review; renew it to "
        "start a new draft"
    ),
    (S.ACTIVE, S.SIGNED): N_(
        "the agreement {name!r} is in force; it was signed already and cannot be signed again"
    ),
}


class _Day:
    """A date written for the language current when a message is read."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __format__(self, spec: str) -> str:
        return format(format_date(self.day), spec)

    def __str__(self) -> str:
        return format(self, "")


class _Findings:
    """A readiness check's findings joined, in the language current when read."""

    def __init__(self, found: Readiness) -> None:
        self.found = found

    def __format__(self, spec: str) -> str:
        lang: Lang = "en" if current_lang() == "en" else "da"
        return format("; ".join(self.found.messages(lang)), spec)

    def __str__(self) -> str:
        return format(self, "")


# --- editing ---------------------------------------------------------------------------------

_EDITABLE = (S.DRAFT, S.IN_REVIEW)


def _check_editable(agreement: Agreement) -> None:
    if agreement.status not in _EDITABLE:
        raise WorkflowError(
            N_(
                "the agreement {name!r} is {status} and can no longer be changed; renew it "
                "to start a new draft"
            ),
            name=_agreement_name(agreement),
            status=_StatusLabel(agreement.status),
        )


def find_section(agreement: Agreement, typed: str) -> AgreementSection:
    """The section of ``agreement`` with this key or heading (or a part of the heading)."""
    return pick(
        typed,
        agreement.sections,
        what=N_("section"),
        ident=lambda s: s.key,
        names=lambda s: (s.heading,),
        label=lambda s: f"{s.heading} ({s.key})",
    )


def write_section(agreement: A, section: str, text: str, *, append: bool = False) -> A:
    """A copy of ``agreement`` where ``section`` (a key or a heading) has ``text``; with
    ``append``, ``text`` is added as a new paragraph after what the section says."""
    _check_editable(agreement)
    key = find_section(agreement, section).key
    if append:
        old = agreement.sections[_section_index(agreement, key)].text.rstrip()
        text = f"{old}\n\n{text.strip()}" if old else text.strip()
    return set_section(agreement, key, text)


def _party_index(agreement: CollaborationAgreement, organisation_id: str) -> int:
    for index, party in enumerate(agreement.parties):
        if party.organisation_id == organisation_id:
            return index
    raise WorkflowError(
        N_("{organisation!r} is not a party to the agreement {name!r}"),
        organisation=organisation_id,
        name=agreement.title,
    )


def add_party(
    plan: Plan,
    agreement: CollaborationAgreement,
    organisation: str,
    *,
    signatory: str | None = None,
    contact: str | None = None,
) -> CollaborationAgreement:
    """A copy of ``agreement`` with the organisation named ``organisation`` as a party;
    ``signatory`` and ``contact`` name people (the contact defaults to the organisation's
    first contact person in the plan)."""
    _check_editable(agreement)
    org = find_organisation(plan, organisation)
    if any(p.organisation_id == org.id for p in agreement.parties):
        raise WorkflowError(
            N_("{organisation} is already a party to the agreement {name!r}"),
            organisation=org.name,
            name=agreement.title,
        )
    party = AgreementParty(
        organisation_id=org.id,
        signatory_id=None
        if signatory is None
        else find_contact(plan, signatory, organisation_id=org.id).id,
        contact_id=(
            _first_contact(plan, org.id)
            if contact is None
            else find_contact(plan, contact, organisation_id=org.id).id
        ),
    )
    return attrs.evolve(agreement, parties=(*agreement.parties, party))


def remove_party(
    plan: Plan, agreement: CollaborationAgreement, organisation: str
) -> CollaborationAgreement:
    """A copy of ``agreement`` without the party named ``organisation``."""
    _check_editable(agreement)
    org_id = _party_organisation(plan, agreement, organisation)
    return attrs.evolve(
        agreement, parties=tuple(p for p in agreement.parties if p.organisation_id != org_id)
    )


def _party_organisation(plan: Plan, agreement: CollaborationAgreement, typed: str) -> str:
    """The organisation id of the party ``typed`` names (among the parties only)."""
    names = {o.id: o.name for o in plan.organisations}
    party = pick_by_name(
        typed,
        agreement.parties,
        what=N_("party"),
        ident=lambda p: p.organisation_id,
        name=lambda p: names.get(p.organisation_id, p.organisation_id),
    )
    return party.organisation_id


def _set_party(
    agreement: CollaborationAgreement, organisation_id: str, **changes: Any
) -> CollaborationAgreement:
    index = _party_index(agreement, organisation_id)
    parties = list(agreement.parties)
    parties[index] = attrs.evolve(parties[index], **changes)
    return attrs.evolve(agreement, parties=tuple(parties))


def set_signatory(
    plan: Plan, agreement: CollaborationAgreement, organisation: str, person: str | None
) -> CollaborationAgreement:
    """A copy of ``agreement`` where ``person`` signs for the party ``organisation``
    (``None`` removes the signatory)."""
    return _set_party_person(plan, agreement, organisation, person, "signatory_id")


def set_party_contact(
    plan: Plan, agreement: CollaborationAgreement, organisation: str, person: str | None
) -> CollaborationAgreement:
    """A copy of ``agreement`` where ``person`` is the contact of the party ``organisation``
    (``None`` removes the contact)."""
    return _set_party_person(plan, agreement, organisation, person, "contact_id")


def _set_party_person(
    plan: Plan,
    agreement: CollaborationAgreement,
    organisation: str,
    person: str | None,
    field: str,
) -> CollaborationAgreement:
    """Set ``field`` (a person id) of the party ``organisation`` to ``person``, looked for
    among that organisation's people first; ``None`` clears it."""
    _check_editable(agreement)
    org_id = _party_organisation(plan, agreement, organisation)
    chosen = None if person is None else find_contact(plan, person, organisation_id=org_id).id
    return _set_party(agreement, org_id, **{field: chosen})


def set_period(agreement: A, *, start: dt.date | None = None, end: dt.date | None = None) -> A:
    """A copy of ``agreement`` with its period's start and/or end set (``None`` keeps it)."""
    _check_editable(agreement)
    new_start = agreement.period.start if start is None else start
    new_end = agreement.period.end if end is None else end
    if new_start is not None and new_end is not None and new_end < new_start:
        raise WorkflowError(
            N_("the period cannot end ({end}) before it starts ({start})"),
            start=_Day(new_start),
            end=_Day(new_end),
        )
    return attrs.evolve(agreement, period=Period(start=new_start, end=new_end))


def set_notice(agreement: A, days: int | None) -> A:
    """A copy of ``agreement`` with a notice period of ``days`` days (``None``: none agreed)."""
    _check_editable(agreement)
    if days is not None and days < 0:
        raise WorkflowError(N_("a notice period is 0 days or more, not {days}"), days=days)
    return attrs.evolve(agreement, notice_days=days)


def record_signature(plan: Plan, agreement: A, party: str, on: dt.date) -> A:
    """A copy of ``agreement`` recording that ``party`` signed on ``on``.

    For a samarbejdsaftale ``party`` names one of its parties (organisation name or id);
    for an aktivitetsaftale it names the volunteer or the association. The status is not
    changed: move it to signed with :func:`change_status` once everyone has signed.
    """
    if agreement.status not in (S.DRAFT, S.IN_REVIEW, S.SIGNED):
        raise WorkflowError(
            N_(
                "the agreement {name!r} is {status}; signatures are recorded before it is in force"
            ),
            name=_agreement_name(agreement),
            status=_StatusLabel(agreement.status),
        )
    if isinstance(agreement, CollaborationAgreement):
        org_id = _party_organisation(plan, agreement, party)
        return cast(A, _set_party(agreement, org_id, signed_on=on))  # type: ignore[redundant-cast]
    return attrs.evolve(agreement, signed_on=on)


def unsigned_parties(agreement: CollaborationAgreement) -> tuple[str, ...]:
    """The organisation ids of the parties with no signature day recorded."""
    return tuple(p.organisation_id for p in agreement.parties if p.signed_on is None)


# --- activity agreements ---------------------------------------------------------------------


def set_children_under_15(agreement: ActivityAgreement, involved: bool) -> ActivityAgreement:
    """A copy of ``agreement`` saying whether the activity involves children under 15 (then
    every named volunteer needs a børneattest before it is ready)."""
    _check_editable(agreement)
    return attrs.evolve(agreement, involves_children_under_15=involved)


def add_volunteer(plan: Plan, agreement: ActivityAgreement, person: str) -> ActivityAgreement:
    """A copy of ``agreement`` naming one more volunteer (the first one named also signs)."""
    _check_editable(agreement)
    contact = find_contact(plan, person, organisation_id=agreement.volunteer_organisation_id)
    if contact.id in agreement.named_volunteers:
        raise WorkflowError(
            N_("{person} is already named in the agreement {name!r}"),
            person=contact.name,
            name=agreement.activity,
        )
    if agreement.volunteer_contact_id is None:
        return attrs.evolve(agreement, volunteer_contact_id=contact.id)
    return attrs.evolve(agreement, volunteer_ids=(*agreement.volunteer_ids, contact.id))


def remove_volunteer(plan: Plan, agreement: ActivityAgreement, person: str) -> ActivityAgreement:
    """A copy of ``agreement`` no longer naming ``person`` (nor their certificate date)."""
    _check_editable(agreement)
    named = {c.id: c.name for c in plan.contacts if c.id in agreement.named_volunteers}
    chosen = pick_by_name(
        person,
        agreement.named_volunteers,
        what=N_("volunteer"),
        ident=lambda i: i,
        name=lambda i: named.get(i, i),
    )
    certificates = tuple(c for c in agreement.child_certificates if c.contact_id != chosen)
    if chosen == agreement.volunteer_contact_id:
        rest = agreement.volunteer_ids
        return attrs.evolve(
            agreement,
            volunteer_contact_id=rest[0] if rest else None,
            volunteer_ids=rest[1:],
            child_certificate_obtained_on=None,
            child_certificates=certificates,
        )
    return attrs.evolve(
        agreement,
        volunteer_ids=tuple(i for i in agreement.volunteer_ids if i != chosen),
        child_certificates=certificates,
    )


def set_housing_contact(
    plan: Plan, agreement: ActivityAgreement, person: str
) -> ActivityAgreement:
    """A copy of ``agreement`` with ``person`` as the housing-social contact person."""
    _check_editable(agreement)
    return attrs.evolve(agreement, housing_contact_id=find_contact(plan, person).id)


def record_child_certificate(
    plan: Plan, agreement: ActivityAgreement, person: str, obtained_on: dt.date
) -> ActivityAgreement:
    """A copy of ``agreement`` recording the day the børneattest of the named volunteer
    ``person`` was obtained (only the day, never its content)."""
    named = {c.id: c.name for c in plan.contacts if c.id in agreement.named_volunteers}
    chosen = pick_by_name(
        person,
        agreement.named_volunteers,
        what=N_("volunteer"),
        ident=lambda i: i,
        name=lambda i: named.get(i, i),
    )
    certificates = [c for c in agreement.child_certificates if c.contact_id != chosen]
    certificates.append(ChildCertificate(contact_id=chosen, obtained_on=obtained_on))
    return attrs.evolve(agreement, child_certificates=tuple(certificates))


# --- renewing and ending ---------------------------------------------------------------------


def renew(
    agreement: A,
    *,
    end: dt.date,
    start: dt.date | None = None,
    agreement_id: str | None = None,
) -> A:
    """The next period's draft of a signed, active or expired ``agreement``: the same
    parties, sections and notice, a new id, no signatures, running from ``start`` (the day
    after the old end by default) to ``end``."""
    if agreement.status not in (S.SIGNED, S.ACTIVE, S.EXPIRED):
        raise WorkflowError(
            N_(
                "the agreement {name!r} is {status}; only a signed, active or expired "
                "agreement can be renewed"
            ),
            name=_agreement_name(agreement),
            status=_StatusLabel(agreement.status),
        )
    if start is None:
        old_end = agreement.period.end
        start = old_end + dt.timedelta(days=1) if old_end is not None else None
    if start is not None and end < start:
        raise WorkflowError(
            N_("the period cannot end ({end}) before it starts ({start})"),
            start=_Day(start),
            end=_Day(end),
        )
    changes: dict[str, Any] = {
        "id": agreement_id or new_id(agreement.id.split("-")[0] + "-"),
        "period": Period(start=start, end=end),
        "status": S.DRAFT,
        "ended_on": None,
        "end_reason": "",
    }
    if isinstance(agreement, CollaborationAgreement):
        changes["parties"] = tuple(attrs.evolve(p, signed_on=None) for p in agreement.parties)
    else:
        changes["signed_on"] = None
    return attrs.evolve(agreement, **changes)


def end_agreement(agreement: A, *, on: dt.date, reason: str = "") -> A:
    """A copy of ``agreement`` ended on ``on``: expired when its period is over, terminated
    (given notice, or called off before it starts) otherwise; ``reason`` is kept."""
    end = agreement.period.end
    if agreement.status is S.ACTIVE and end is not None and on > end:
        to = S.EXPIRED
    else:
        to = S.TERMINATED
    ended = change_status(agreement, to, on=on)
    return attrs.evolve(ended, ended_on=on, end_reason=reason)
