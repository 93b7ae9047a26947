"""What an agreement still lacks before it can be signed, said as what is missing.

:func:`~cfbu_toolkit.workflows.agreements.readiness` checks an agreement; :func:`missing`
turns each failed check into one line a person reads ("Solbakkeskolen mangler en
underskriver"), never a double negative ("[ ] Solbakkeskolen har ingen underskriver"). The
lines are in the current language (:func:`cfbu_toolkit.locale.use_lang`).
"""

from __future__ import annotations

from collections.abc import Callable

from ..catalog import AgreementKind, section_templates
from ..locale import N_, _, current_lang
from ..model import ActivityAgreement, CollaborationAgreement
from .agreements import MISSING_SIGNATORY, Readiness, ReadinessCheck, ReadinessCode

__all__ = ["missing"]

Agreement = CollaborationAgreement | ActivityAgreement

_SIMPLE: dict[ReadinessCode, str] = {
    ReadinessCode.NO_HOUSING_CONTACT: N_("The housing-social effort is missing a contact person"),
    ReadinessCode.PERIOD_ORDER: N_(
        "The dates must fit together: the end after the start, the review within the period"
    ),
    ReadinessCode.PERIOD_OUTSIDE_PLAN: N_(
        "The agreement's period must lie within the plan's period"
    ),
    ReadinessCode.NO_NOTICE_PERIOD: N_("The agreement is missing a notice period"),
    ReadinessCode.CONFIDENTIALITY: N_(
        "The agreement is missing an agreed duty of confidentiality"
    ),
}
# A missing børneattest is said by the check itself: it names the volunteer.


def _kind(agreement: Agreement) -> AgreementKind:
    if isinstance(agreement, ActivityAgreement):
        return "activity_agreement"
    return "collaboration_agreement"


def _heading(agreement: Agreement, key: str) -> str:
    """The section's heading, in the current language when it is the catalogue's."""
    heading = next((s.heading for s in agreement.sections if s.key == key), key)
    for template in section_templates(_kind(agreement)):
        if template.key == key and heading in (template.heading_da, template.heading_en):
            return template.heading(current_lang())
    return heading


def _period(agreement: Agreement) -> str:
    start, end = agreement.period.start, agreement.period.end
    if start is None and end is None:
        return _("The agreement is missing a start date and an end date")
    if start is None:
        return _("The agreement is missing a start date")
    return _("The agreement is missing an end date")


def _line(check: ReadinessCheck, agreement: Agreement, name: Callable[[str], str]) -> str:
    code = check.code
    if code is ReadinessCode.MISSING_SIGNATORY:
        if isinstance(agreement, ActivityAgreement):
            return _("The agreement is missing a volunteer who signs")
        return _(MISSING_SIGNATORY, name=name(check.subject))
    if code is ReadinessCode.NO_PARTIES:
        if isinstance(agreement, ActivityAgreement):
            return _("The agreement is missing a volunteer or an association")
        if not agreement.parties:
            return _("The agreement is missing its parties")
        return _("The agreement is missing a second party")
    if code is ReadinessCode.UNKNOWN_PARTY:
        return _("{name} must be added to the plan's organisations", name=name(check.subject))
    if code is ReadinessCode.EMPTY_SECTION:
        heading = _heading(agreement, check.subject)
        return _("The section “{heading}” is missing its text", heading=heading)
    if code is ReadinessCode.PERIOD_MISSING:
        return _period(agreement)
    simple = _SIMPLE.get(code)
    return _(simple) if simple is not None else check.message(current_lang())


def missing(
    readiness: Readiness, agreement: Agreement, name: Callable[[str], str] = str
) -> tuple[str, ...]:
    """What ``agreement`` still lacks before it can be signed, one line per failed check of
    ``readiness``, in the current language. ``name`` turns an organisation id into a name."""
    return tuple(_line(check, agreement, name) for check in readiness.findings)
