"""The plan (boligsocial helhedsplan/indsats), its efforts and its groups."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

import attrs

from ..errors import ModelError
from ..locale import N_
from ._base import (
    Lang,
    Period,
    check_amount,
    check_name,
    check_unique,
    date_field,
    enum_field,
    freeze,
    ident,
    items,
    opt_ref,
    optional_text,
    ref,
    refs,
    required_date,
    required_text,
    text_list,
)
from .actors import ContactPerson, Organisation
from .agreements import ActivityAgreement, CollaborationAgreement
from .dialogue import DialogueSession, DialogueTool
from .enums import FocusArea, FundingPeriod, GroupKind, MemberRole
from .mapping import Mapping
from .values import ValueGame
from .workshop import Workshop

T = TypeVar("T")

__all__ = [
    "CoFinancing",
    "CustomFocusArea",
    "FollowUp",
    "Goal",
    "Group",
    "Indsats",
    "Meeting",
    "Membership",
    "Plan",
]


@attrs.frozen(kw_only=True)
class CustomFocusArea:
    """A focus area of the plan's own, for older periods or plans without LBF funds."""

    key: str = ident()
    label_da: str = required_text()
    label_en: str = optional_text()

    def label(self, lang: Lang = "da") -> str:
        """The focus area's name in ``lang`` (Danish when there is no English one)."""
        return self.label_en if lang == "en" and self.label_en else self.label_da


@attrs.frozen(kw_only=True)
class Goal:
    """A goal of an effort, with how it is measured."""

    text: str = required_text()
    indicator: str = optional_text()
    target: str = optional_text()
    deadline: dt.date | None = date_field()


@attrs.frozen(kw_only=True)
class Indsats:
    """An effort within the plan; a new one is where a mapping of partners starts."""

    id: str = ident()
    title: str = required_text()
    focus_area: str | None = opt_ref(to="focus_area")
    purpose: str = optional_text()
    target_group: str = optional_text()
    goals: tuple[Goal, ...] = items()
    owner_organisation_id: str | None = opt_ref(to="organisation")
    period: Period = attrs.field(factory=Period)


@attrs.frozen(kw_only=True)
class Membership:
    """A person's seat in a group, on behalf of an organisation."""

    contact_id: str = ref(to="contact")
    organisation_id: str | None = opt_ref(to="organisation")
    role: MemberRole = enum_field(MemberRole, default=MemberRole.MEMBER)


@attrs.frozen(kw_only=True)
class FollowUp:
    """Something a meeting agreed someone will do: what, who, by when, and when it was done."""

    text: str = required_text(personal=True)
    owner_id: str | None = opt_ref(to="contact")
    due: dt.date | None = date_field()
    done_on: dt.date | None = date_field()

    @property
    def done(self) -> bool:
        """Whether the follow-up is done."""
        return self.done_on is not None


@attrs.frozen(kw_only=True)
class Meeting:
    """A meeting of a group: agenda, who came, what it decided and who follows up."""

    date: dt.date = required_date()
    agenda: tuple[str, ...] = text_list()
    minutes: str = optional_text(personal=True)
    decisions: tuple[str, ...] = text_list(personal=True)
    present_ids: tuple[str, ...] = refs(to="contact")
    absent_ids: tuple[str, ...] = refs(to="contact")
    follow_ups: tuple[FollowUp, ...] = items()


@attrs.frozen(kw_only=True)
class Group:
    """A board, steering, follow-up or working group, or a network."""

    id: str = ident()
    kind: GroupKind = enum_field(GroupKind)
    name: str = required_text()
    mandate: str = optional_text()
    members: tuple[Membership, ...] = items(check_unique(lambda m: m.contact_id, N_("member")))
    ambitions: tuple[str, ...] = text_list()
    meetings: tuple[Meeting, ...] = items()


def _check_required(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        raise ModelError(
            N_("expected a whole number of 0 or more, got None"), field=attribute.name
        )


@attrs.frozen(kw_only=True)
class CoFinancing:
    """One party's share of the plan's budget, in Danish kroner."""

    organisation_id: str = ref(to="organisation")
    amount_dkk: int = attrs.field(validator=[_check_required, check_amount])
    note: str = optional_text()


def _check_focus_areas(instance: Plan, attribute: attrs.Attribute[Any], value: Any) -> None:
    custom = {area.key for area in instance.custom_focus_areas}
    for key in value:
        if key not in custom and key not in FocusArea._value2member_map_:
            raise ModelError(
                N_(
                    "{key!r} is neither a Landsbyggefonden focus area nor one of the plan's "
                    "custom_focus_areas"
                ),
                field=attribute.name,
                key=key,
            )


@attrs.frozen(kw_only=True)
class Plan:
    """A boligsocial helhedsplan (or indsats) and everything its collaboration work holds.

    Construction checks each object by itself; :func:`cfbu_toolkit.validate` checks the
    whole (references between objects, unique identifiers).
    """

    id: str = ident()
    name: str = required_text()
    area: str = optional_text()
    municipality: str = optional_text()
    housing_departments: tuple[str, ...] = text_list()
    funding_period: FundingPeriod = enum_field(FundingPeriod, default=FundingPeriod.LBF_2019_26)
    focus_areas: tuple[str, ...] = attrs.field(default=(), converter=freeze)
    custom_focus_areas: tuple[CustomFocusArea, ...] = items(
        check_unique(lambda a: a.key, N_("key"))
    )
    period: Period = attrs.field(factory=Period)
    budget_dkk: int | None = attrs.field(default=None, validator=check_amount)
    cofinancing: tuple[CoFinancing, ...] = items()
    catalogue_version: str = optional_text()
    organisations: tuple[Organisation, ...] = items()
    contacts: tuple[ContactPerson, ...] = items()
    indsatser: tuple[Indsats, ...] = items()
    groups: tuple[Group, ...] = items()
    mappings: tuple[Mapping, ...] = items()
    dialogue_tools: tuple[DialogueTool, ...] = items()
    dialogue_sessions: tuple[DialogueSession, ...] = items()
    collaboration_agreements: tuple[CollaborationAgreement, ...] = items()
    activity_agreements: tuple[ActivityAgreement, ...] = items()
    value_games: tuple[ValueGame, ...] = items()
    workshops: tuple[Workshop, ...] = items()

    @focus_areas.validator
    def _focus(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        for key in value:
            check_name(self, attribute, key)
        _check_focus_areas(self, attribute, value)

    def focus_area_label(self, key: str, lang: Lang = "da") -> str:
        """The label of a focus area key: Landsbyggefonden's or one of the plan's own."""
        if key in FocusArea._value2member_map_:
            return FocusArea(key).label(lang)
        for area in self.custom_focus_areas:
            if area.key == key:
                return area.label(lang)
        return key

    @property
    def cofinancing_share(self) -> float | None:
        """The co-financed share of the budget (0-1), or ``None`` without a budget."""
        if not self.budget_dkk:
            return None
        return sum(c.amount_dkk for c in self.cofinancing) / self.budget_dkk

    def organisation(self, organisation_id: str) -> Organisation:
        """The organisation with this id (``KeyError`` when there is none)."""
        return _index(self.organisations, organisation_id)

    def contact(self, contact_id: str) -> ContactPerson:
        """The contact person with this id (``KeyError`` when there is none)."""
        return _index(self.contacts, contact_id)


def _index(objects: tuple[T, ...], key: str) -> T:
    for obj in objects:
        if obj.id == key:  # type: ignore[attr-defined]
            return obj
    raise KeyError(key)
