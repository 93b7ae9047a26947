"""Words of the Word documents that are not simple labels: the readiness checklist phrased
as what is still missing, and the short explanation on each value-game card.

The readiness check itself is :func:`cfbu_toolkit.workflows.agreements.readiness`; here
each finding is said as what the agreement still lacks ("Solbakkeskolen mangler en
underskriver"), never as a double negative.
"""

from __future__ import annotations

from collections.abc import Callable

from cfbu_toolkit.locale import N_, _
from cfbu_toolkit.model import ActivityAgreement, CollaborationAgreement, ValueCategory
from cfbu_toolkit.workflows.agreements import Readiness, ReadinessCheck, ReadinessCode

__all__ = ["CARD_EXPLANATIONS", "missing"]

Agreement = CollaborationAgreement | ActivityAgreement


def _period(agreement: Agreement) -> str:
    start, end = agreement.period.start, agreement.period.end
    if start is None and end is None:
        return _("The agreement is missing a start date and an end date")
    if start is None:
        return _("The agreement is missing a start date")
    return _("The agreement is missing an end date")


def _section(agreement: Agreement, key: str) -> str:
    heading = next((s.heading for s in agreement.sections if s.key == key), key)
    return _("The section “{heading}” is missing its text", heading=heading)


def _signatory(agreement: Agreement, name: str) -> str:
    if isinstance(agreement, ActivityAgreement):
        return _("The agreement is missing a volunteer who signs")
    return _("{name} is missing a signatory", name=name)


def _parties(agreement: Agreement) -> str:
    if isinstance(agreement, ActivityAgreement):
        return _("The agreement is missing a volunteer or an association")
    if not agreement.parties:
        return _("The agreement is missing its parties")
    return _("The agreement is missing a second party")


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
    ReadinessCode.CHILD_CERTIFICATE: N_(
        "A child-protection certificate (børneattest) is missing: record the day it was obtained"
    ),
}


def missing(
    readiness: Readiness, agreement: Agreement, name: Callable[[str], str]
) -> tuple[str, ...]:
    """What the agreement still lacks before it can be signed, one line per finding, in the
    current language. ``name`` turns an organisation id into a name."""
    lines = []
    for check in readiness.findings:
        lines.append(_line(check, agreement, name))
    return tuple(lines)


def _line(check: ReadinessCheck, agreement: Agreement, name: Callable[[str], str]) -> str:
    code = check.code
    if code is ReadinessCode.MISSING_SIGNATORY:
        return _signatory(agreement, name(check.subject))
    if code is ReadinessCode.NO_PARTIES:
        return _parties(agreement)
    if code is ReadinessCode.UNKNOWN_PARTY:
        return _("{name} must be added to the plan's organisations", name=name(check.subject))
    if code is ReadinessCode.EMPTY_SECTION:
        return _section(agreement, check.subject)
    if code is ReadinessCode.PERIOD_MISSING:
        return _period(agreement)
    simple = _SIMPLE.get(code)
    return _(simple) if simple else check.message()


CARD_EXPLANATIONS: dict[ValueCategory, str] = {
    ValueCategory.SOCIAL: N_("Better everyday lives and stronger relationships for residents"),
    ValueCategory.DEMOCRATIC: N_("Residents take part, have a say and are heard"),
    ValueCategory.ECONOMIC: N_("Money saved, earned or raised, for you or for others"),
    ValueCategory.INNOVATION: N_("New ways of working that none of us would find alone"),
    ValueCategory.QUALITY: N_("Better services and more coherent help for the resident"),
    ValueCategory.EFFECT: N_("Results you can see in your own goals and figures"),
    ValueCategory.KNOWLEDGE: N_("What we learn from each other and about the area"),
    ValueCategory.REPUTATION: N_("How the area and your organisation are seen"),
    ValueCategory.ACCESS: N_("Contact with residents you would not reach otherwise"),
    ValueCategory.WORK_JOY: N_("Meaning, energy and good colleagues in the work"),
}
"""The short explanation printed on a value-game card, by the piece's category."""
