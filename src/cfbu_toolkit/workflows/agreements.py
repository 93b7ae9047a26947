"""The agreement workflow: draft from the template, check readiness, move through statuses.

A *samarbejdsaftale* (:class:`~cfbu_toolkit.model.CollaborationAgreement`) or an
*aktivitetsaftale* (:class:`~cfbu_toolkit.model.ActivityAgreement`) starts as a draft built
from the catalogue's section template with its parties taken from the plan.
:func:`readiness` lists everything that stands between the draft and a signature, in Danish
or English; :func:`change_status` moves an agreement along its life::

    draft ⇄ in_review → signed → active → expired | terminated

and refuses every other move, and signing while :func:`readiness` finds problems.
Agreements that run out soon are found by
:func:`cfbu_toolkit.analysis.coverage.agreements_expiring`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import Literal, TypeVar, cast

import attrs

from ..model import (
    ActivityAgreement,
    AgreementParty,
    AgreementSection,
    AgreementStatus,
    CollaborationAgreement,
    CollaborationDegree,
    Lang,
    Period,
    Plan,
    new_id,
)
from ._errors import NotReadyError, TransitionError, WorkflowError

__all__ = [
    "SECTIONS_FROM_FIELDS",
    "TRANSITIONS",
    "Agreement",
    "Readiness",
    "ReadinessCheck",
    "ReadinessCode",
    "add_section",
    "allowed_statuses",
    "change_status",
    "draft_activity_agreement",
    "draft_collaboration_agreement",
    "find_agreement",
    "readiness",
    "remove_section",
    "set_section",
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
    S.SIGNED: (S.ACTIVE,),
    S.ACTIVE: (S.EXPIRED, S.TERMINATED),
    S.EXPIRED: (),
    S.TERMINATED: (),
}


# --- drafting --------------------------------------------------------------------------------


def _organisation_ids(plan: Plan) -> set[str]:
    return {o.id for o in plan.organisations}


def _check_contact(plan: Plan, contact_id: str | None, role: str) -> None:
    if contact_id is not None and contact_id not in {c.id for c in plan.contacts}:
        raise WorkflowError(f"{role}: plan {plan.id!r} has no contact person {contact_id!r}")


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
            raise WorkflowError(f"plan {plan.id!r} has no organisation {organisation_id!r}")
        signatory = signatories.pop(organisation_id, None)
        _check_contact(plan, signatory, f"signatory for {organisation_id!r}")
        parties.append(
            AgreementParty(
                organisation_id=organisation_id,
                signatory_id=signatory,
                contact_id=_first_contact(plan, organisation_id),
            )
        )
    if signatories:
        raise WorkflowError(
            f"signatories given for organisations that are not parties: {sorted(signatories)}"
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
                f"plan {plan.id!r} has no organisation {volunteer_organisation_id!r}"
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
    raise WorkflowError(f"agreement {agreement.id!r} has no section {key!r} (it has {keys})")


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
        raise WorkflowError(f"agreement {agreement.id!r} already has a section {key!r}")
    sections = list(agreement.sections)
    position = len(sections) if after is None else _section_index(agreement, after) + 1
    sections.insert(position, section)
    return attrs.evolve(agreement, sections=tuple(sections))


def remove_section(agreement: A, key: str) -> A:
    """A copy of ``agreement`` without section ``key``; a required section stays."""
    section = agreement.sections[_section_index(agreement, key)]
    if section.required:
        raise WorkflowError(
            f"section {key!r} ({section.heading}) is required and cannot be removed"
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
    raise WorkflowError(f"plan {plan.id!r} has no agreement {agreement_id!r}")


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
            (f"{name} har ingen underskriver", f"{name} has no signatory"),
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
    if agreement.child_certificate_required:
        obtained = agreement.child_certificate_obtained_on
        checks.add(
            ReadinessCode.CHILD_CERTIFICATE,
            obtained is not None,
            (
                "Børneattesten er indhentet" + (f" ({_fmt(obtained, 'da')})" if obtained else ""),
                "The child-protection certificate (børneattest) is obtained"
                + (f" ({_fmt(obtained, 'en')})" if obtained else ""),
            ),
            (
                "Der kræves børneattest, men der er ikke registreret en dato for, "
                "hvornår den er indhentet",
                "A child-protection certificate (børneattest) is required, but no date "
                "it was obtained is recorded",
            ),
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


def change_status(
    agreement: A,
    to: AgreementStatus,
    *,
    on: dt.date | None = None,
    plan: Plan | None = None,
) -> A:
    """A copy of ``agreement`` moved to status ``to`` (see :data:`TRANSITIONS`).

    Signing runs :func:`readiness` (with ``plan``) and raises
    :class:`~cfbu_toolkit.workflows.NotReadyError` when anything stands in the way; it
    records ``on`` (today by default) as the signing day where none is recorded. An agreement
    expires only once its end date has passed ``on``; to end it earlier, terminate it.
    """
    current = agreement.status
    if to is current:
        raise TransitionError(
            f"agreement {agreement.id!r} is already {current.value}", current=current, wanted=to
        )
    allowed = TRANSITIONS[current]
    if to not in allowed:
        if allowed:
            nexts = " or ".join(s.value for s in allowed)
            hint = f"from {current.value} it can only move to {nexts}"
        else:
            hint = f"{current.value} is final"
        raise TransitionError(
            f"agreement {agreement.id!r} cannot move from {current.value} to {to.value}: {hint}",
            current=current,
            wanted=to,
        )
    day = on or dt.date.today()
    if to is S.SIGNED:
        found = readiness(agreement, plan=plan)
        if not found.ready:
            listed = "; ".join(found.messages("en"))
            raise NotReadyError(
                f"agreement {agreement.id!r} is not ready to sign: {listed}", readiness=found
            )
        return cast(A, _sign(agreement, day))
    if to is S.EXPIRED:
        end = agreement.period.end
        if end is None or day <= end:
            runs = "has no end date" if end is None else f"runs until {end.isoformat()}"
            raise TransitionError(
                f"agreement {agreement.id!r} {runs}, so it cannot have expired on "
                f"{day.isoformat()}; terminate it to end it early",
                current=current,
                wanted=to,
            )
    return attrs.evolve(agreement, status=to)
