"""Hypothesis strategies for the model, for this library's tests and for plugin authors.

Every strategy builds only objects the model accepts, and :func:`plans` builds whole plans
whose references all resolve, so ``cfbu_toolkit.validate(plan) == []``. Use them to check
that an exporter or importer handles anything a user can put into a plan::

    from hypothesis import given
    from cfbu_toolkit.testing import plans

    @given(plans())
    def test_my_format_round_trips(plan):
        assert my_load(my_dump(plan)) == plan

Text is nasty on purpose: Danish letters, emoji, a leading ``=``, ``+``, ``-``, ``@``,
``|`` or ``#``, line breaks, tabs and HTML. By default only characters that XML 1.0 can
hold are drawn, so spreadsheet and document formats can be tested with the same
strategies; pass ``xml_safe=False`` for any Unicode text (lone surrogates excepted: no
UTF-8 format can hold them, and Python cannot encode them).

The names:

``strategy_for(cls, *, xml_safe=True)``
    a strategy for any model class (every class in :mod:`cfbu_toolkit.model`); references
    are arbitrary valid identifiers, so a part on its own is valid, though a plan made of
    such parts would not be.
``plans(*, xml_safe=True, max_size=4)``
    referentially consistent plans; ``max_size`` bounds each list in them.
``exportables(*, xml_safe=True)``
    any kind ``export`` and ``load`` take: a plan, or one of its parts.
``plugin_host`` (a pytest fixture) and ``fresh_plugin_host(...)``
    a plugin host of its own for one test: register a plugin on it
    (``plugin_host.register(MyPlugin(), name="mine")``) and it is gone after the test.
``text()``, ``names()``, ``identifiers()``, ``emails()``, ``phones()``, ``person_names()``,
``dates()``, ``periods()``
    the building blocks.

Hypothesis is a test dependency: install ``cfbu-toolkit[test]``.
"""

from __future__ import annotations

import datetime as dt
import os
import string
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any, TypeVar

try:
    import pytest
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "cfbu_toolkit.testing needs hypothesis and pytest, test dependencies: "
        "pip install 'cfbu-toolkit[test]'"
    ) from exc

import attrs

from .io.kinds import Exportable
from .model import (
    ActivityAgreement,
    ActorSector,
    ActorType,
    AgendaItem,
    AgendaTool,
    AgreementParty,
    AgreementSection,
    AgreementStatus,
    Assessment,
    ChildCertificate,
    CoFinancing,
    CollaborationAgreement,
    CollaborationDegree,
    CollaborationStatus,
    ContactPerson,
    CustomFocusArea,
    DialogueAnswer,
    DialogueQuestion,
    DialogueSession,
    DialogueTheme,
    DialogueTool,
    DialogueToolKind,
    FocusArea,
    FollowUp,
    FundingPeriod,
    Goal,
    Group,
    GroupKind,
    Indsats,
    LawfulBasis,
    Level,
    Mapping,
    MappingEntry,
    MappingMethod,
    Meeting,
    MemberRole,
    Membership,
    Organisation,
    Period,
    Placement,
    Plan,
    ResourceKind,
    ValueCategory,
    ValueGame,
    ValuePiece,
    Workshop,
    WorkshopKind,
)
from .plugins.manager import PluginHost, set_host

__all__ = [
    "NASTY_FRAGMENTS",
    "dates",
    "emails",
    "exportables",
    "fresh_plugin_host",
    "identifiers",
    "model_classes",
    "names",
    "periods",
    "person_names",
    "phones",
    "plans",
    "plugin_host",
    "strategy_for",
    "text",
]

T = TypeVar("T")
S = st.SearchStrategy

#: Pieces of text that have broken spreadsheets, Markdown tables, HTML and CSV before.
NASTY_FRAGMENTS: tuple[str, ...] = (
    "=SUM(A1:A9)",
    "=1+1",
    "+45 ring",
    "-2",
    "@navn",
    "|",
    "a | b",
    "# Overskrift",
    "#N/A",
    "#DIV/0!",
    "\n",
    "\r\n",
    "\t",
    "<b>fed</b>",
    "<script>alert(1)</script>",
    "&amp; &",
    "æøå ÆØÅ",
    "Søren Ærø",
    "🏠",
    "👩‍👩‍👧",
    "'",
    '"',
    "\\",
    "`kode`",
    "*stjerne*",
    "[link](http://x)",
    " ",
    "\u00a0",
    "\u2028",
)

_XML_CHARS = st.one_of(
    st.characters(
        exclude_categories=["Cs", "Cc"],
        exclude_characters="\ufffe\uffff",
    ),
    st.sampled_from("\t\n\r\x7f\x85"),
)
_ANY_CHARS = st.characters(exclude_categories=["Cs"])


@cache
def text(*, xml_safe: bool = True, max_size: int = 40) -> S[str]:
    """Free text, often nasty (see :data:`NASTY_FRAGMENTS`); possibly empty."""
    chars = _XML_CHARS if xml_safe else _ANY_CHARS
    piece = st.one_of(st.text(chars, max_size=12), st.sampled_from(NASTY_FRAGMENTS))
    return st.lists(piece, max_size=4).map("".join).map(lambda s: s[:max_size])


@cache
def names(*, xml_safe: bool = True) -> S[str]:
    """Required text: like :func:`text`, but with something other than spaces in it."""
    return text(xml_safe=xml_safe).filter(lambda s: bool(s.strip()))


@cache
def text_lists(*, xml_safe: bool = True) -> S[tuple[str, ...]]:
    return st.lists(text(xml_safe=xml_safe), max_size=3).map(tuple)


_ID_FIRST = string.ascii_letters + string.digits
_ID_REST = _ID_FIRST + "_.:-"


@cache
def identifiers() -> S[str]:
    """Valid identifiers: a letter or digit, then letters, digits and ``_ . : -``."""
    return st.builds(
        str.__add__,
        st.sampled_from(_ID_FIRST),
        st.text(st.sampled_from(_ID_REST), max_size=15),
    )


_FIRST = ("Anne", "Søren", "Åse", "Mette", "Ahmad", "Fatima", "Jens", "Ærlige", "Øjvind")
_LAST = ("Jensen", "Ørum", "Nielsen", "Ali", "Kæraa", "Hansen", "Østergård", "Yilmaz")


@cache
def person_names(*, xml_safe: bool = True) -> S[str]:
    """A person's name: Danish first and last names, sometimes with nasty text around.

    A drawn name is distinctive enough to search an export for (it has a first and a last
    name), which the privacy tests rely on.
    """
    plain = st.builds(
        lambda f, m, last: f"{f} {m}{last}",
        st.sampled_from(_FIRST),
        st.sampled_from(("", "K. ", "Marie ", "=")),
        st.sampled_from(_LAST),
    )
    nasty = st.builds(
        lambda prefix, core, suffix: f"{prefix}{core}{suffix}",
        st.sampled_from(("", "=", "+", "@", "-", "#", "|")),
        plain,
        text(xml_safe=xml_safe, max_size=8),
    )
    return st.one_of(plain, nasty)


@cache
def emails() -> S[str]:
    """E-mail addresses the model accepts (``name@domain.tld``)."""
    local = st.from_regex(r"[a-z0-9][a-z0-9._+-]{0,10}", fullmatch=True)
    domain = st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True)
    tld = st.sampled_from(("dk", "com", "org", "kk.dk"))
    return st.builds(lambda a, b, c: f"{a}@{b}.{c}", local, domain, tld)


@cache
def phones() -> S[str]:
    """Phone numbers the model accepts, Danish style (``+45 33 12 34 56``, ``33123456``)."""
    digits = st.lists(st.integers(10, 99), min_size=4, max_size=4)
    return st.builds(
        lambda prefix, ds, spaced: prefix + (" " if spaced else "").join(map(str, ds)),
        st.sampled_from(("+45 ", "", "0045 ")),
        digits,
        st.booleans(),
    )


@cache
def dates() -> S[dt.date]:
    """Dates from 1990 to 2100."""
    return st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))


def _optional(strategy: S[T]) -> S[T | None]:
    return st.one_of(st.none(), strategy)


@cache
def periods() -> S[Period]:
    """Periods with either end open and the end never before the start."""

    def build(a: dt.date | None, b: dt.date | None) -> Period:
        if a is not None and b is not None and b < a:
            a, b = b, a
        return Period(start=a, end=b)

    return st.builds(build, _optional(dates()), _optional(dates()))


@cache
def _times() -> S[dt.time]:
    return st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))


def _or(given: S[T] | None, default: S[T]) -> S[T]:
    return default if given is None else given


@cache
def _enum(cls: type[T]) -> S[T]:
    return st.sampled_from(list(cls))  # type: ignore[call-overload]


def _amount() -> S[int]:
    return st.integers(min_value=0, max_value=10**12)


# --- references ------------------------------------------------------------------------


@attrs.frozen
class _Pools:
    """What references may point at: ``None`` for any identifier, else these ids."""

    pools: dict[str, tuple[str, ...]] = attrs.field(factory=dict)
    fixed: bool = False

    def ref(self, kind: str) -> S[str]:
        if not self.fixed:
            return identifiers()
        pool = self.pools.get(kind, ())
        return st.sampled_from(pool) if pool else st.nothing()

    def opt(self, kind: str) -> S[str | None]:
        if self.fixed and not self.pools.get(kind):
            return st.none()
        return _optional(self.ref(kind))

    def many(self, kind: str, *, unique: bool = False) -> S[tuple[str, ...]]:
        if self.fixed and not self.pools.get(kind):
            return st.just(())
        return st.lists(self.ref(kind), max_size=3, unique=unique).map(tuple)


_ANY = _Pools()


def _unique(strategy: S[T], key: Callable[[T], object], max_size: int) -> S[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size, unique_by=key).map(tuple)


# --- one builder per class ------------------------------------------------------------------


class _Builders:
    """Strategies for each class under one text setting and one set of reference pools."""

    def __init__(self, xml_safe: bool, pools: _Pools = _ANY, max_size: int = 3) -> None:
        self.xml_safe = xml_safe
        self.pools = pools
        self.n = max_size

    def text(self) -> S[str]:
        return text(xml_safe=self.xml_safe)

    def name(self) -> S[str]:
        return names(xml_safe=self.xml_safe)

    def lines(self) -> S[tuple[str, ...]]:
        return text_lists(xml_safe=self.xml_safe)

    def organisation(self, id: S[str] | None = None) -> S[Organisation]:
        return st.builds(
            Organisation,
            id=_or(id, identifiers()),
            name=self.name(),
            sector=_enum(ActorSector),
            actor_type=_enum(ActorType),
            resource_kind=_enum(ResourceKind),
            description=self.text(),
            website=self.text(),
            address=self.text(),
            cvr=self.text(),
        )

    def contact(self, id: S[str] | None = None) -> S[ContactPerson]:
        return st.builds(
            ContactPerson,
            id=_or(id, identifiers()),
            name=person_names(xml_safe=self.xml_safe),
            organisation_id=self.pools.opt("organisation"),
            role=self.text(),
            email=_optional(emails()),
            phone=_optional(phones()),
            lawful_basis=_enum(LawfulBasis),
            consent_on=_optional(dates()),
            retention_until=_optional(dates()),
        )

    def goal(self) -> S[Goal]:
        return st.builds(
            Goal,
            text=self.name(),
            indicator=self.text(),
            target=self.text(),
            deadline=_optional(dates()),
        )

    def indsats(self, id: S[str] | None = None) -> S[Indsats]:
        return st.builds(
            Indsats,
            id=_or(id, identifiers()),
            title=self.name(),
            focus_area=self.pools.opt("focus_area"),
            purpose=self.text(),
            target_group=self.text(),
            goals=st.lists(self.goal(), max_size=self.n).map(tuple),
            owner_organisation_id=self.pools.opt("organisation"),
            period=periods(),
        )

    def membership(self, contact_id: S[str] | None = None) -> S[Membership]:
        return st.builds(
            Membership,
            contact_id=_or(contact_id, self.pools.ref("contact")),
            organisation_id=self.pools.opt("organisation"),
            role=_enum(MemberRole),
        )

    def follow_up(self) -> S[FollowUp]:
        return st.builds(
            FollowUp,
            text=self.name(),
            owner_id=self.pools.opt("contact"),
            due=_optional(dates()),
            done_on=_optional(dates()),
        )

    def meeting(self) -> S[Meeting]:
        return st.builds(
            Meeting,
            date=dates(),
            agenda=self.lines(),
            minutes=self.text(),
            decisions=self.lines(),
            present_ids=self.pools.many("contact", unique=True),
            absent_ids=self.pools.many("contact", unique=True),
            follow_ups=st.lists(self.follow_up(), max_size=2).map(tuple),
        )

    def group(self, id: S[str] | None = None) -> S[Group]:
        return st.builds(
            Group,
            id=_or(id, identifiers()),
            kind=_enum(GroupKind),
            name=self.name(),
            mandate=self.text(),
            members=_unique(self.membership(), lambda m: m.contact_id, self.n),
            ambitions=self.lines(),
            meetings=st.lists(self.meeting(), max_size=2).map(tuple),
        )

    def cofinancing(self) -> S[CoFinancing]:
        return st.builds(
            CoFinancing,
            organisation_id=self.pools.ref("organisation"),
            amount_dkk=_amount(),
            note=self.text(),
        )

    def custom_focus_area(self, key: S[str] | None = None) -> S[CustomFocusArea]:
        return st.builds(
            CustomFocusArea,
            key=_or(key, identifiers()),
            label_da=self.name(),
            label_en=self.text(),
        )

    def assessment(self) -> S[Assessment]:
        return st.builds(
            Assessment,
            date=dates(),
            status=_enum(CollaborationStatus),
            relevance=_optional(_enum(Level)),
            interest=_optional(_enum(Level)),
            influence=_optional(_enum(Level)),
            assessed_by=self.pools.opt("contact"),
            note=self.text(),
        )

    def assessments(self) -> S[tuple[Assessment, ...]]:
        return st.lists(self.assessment(), min_size=1, max_size=3).map(
            lambda found: tuple(sorted(found, key=lambda a: a.date))
        )

    def mapping_entry(self, id: S[str] | None = None) -> S[MappingEntry]:
        return st.builds(
            MappingEntry,
            id=_or(id, identifiers()),
            organisation_id=self.pools.ref("organisation"),
            contact_id=self.pools.opt("contact"),
            services_offered=self.text(),
            target_groups=self.text(),
            focus_areas=self.pools.many("focus_area"),
            possible_contribution=self.text(),
            possible_barriers=self.text(),
            what_matters=self.text(),
            existing_relation=st.booleans(),
            assessments=self.assessments(),
            next_step=self.text(),
            responsible_id=self.pools.opt("contact"),
            follow_up_on=_optional(dates()),
            notes=self.text(),
        )

    def mapping(
        self, id: S[str] | None = None, entry_ids: Sequence[str] | None = None
    ) -> S[Mapping]:
        if entry_ids is None:
            entries: S[tuple[MappingEntry, ...]] = _unique(
                self.mapping_entry(), lambda e: e.id, self.n
            )
        else:
            entries = st.tuples(*(self.mapping_entry(st.just(e)) for e in entry_ids))
        return st.builds(
            Mapping,
            id=_or(id, identifiers()),
            title=self.name(),
            indsats_id=self.pools.opt("indsats"),
            geographic_scope=self.text(),
            date=_optional(dates()),
            methods=st.lists(_enum(MappingMethod), max_size=3).map(tuple),
            conducted_by=self.pools.many("contact"),
            entries=entries,
        )

    def dialogue_question(self, id: S[str] | None = None) -> S[DialogueQuestion]:
        return st.builds(
            DialogueQuestion,
            id=_or(id, identifiers()),
            theme=_enum(DialogueTheme),
            text_da=self.name(),
            text_en=self.text(),
            hint_da=self.text(),
            hint_en=self.text(),
        )

    def dialogue_tool(self, id: S[str] | None = None) -> S[DialogueTool]:
        return st.builds(
            DialogueTool,
            id=_or(id, identifiers()),
            kind=_enum(DialogueToolKind),
            title_da=self.name(),
            title_en=self.text(),
            version=self.text(),
            questions=_unique(self.dialogue_question(), lambda q: q.id, self.n),
        )

    def dialogue_answer(self, question_id: S[str] | None = None) -> S[DialogueAnswer]:
        return st.builds(
            DialogueAnswer,
            question_id=_or(question_id, identifiers()),
            text=self.text(),
            agreed=st.booleans(),
        )

    def dialogue_session(
        self, id: S[str] | None = None, tools: Sequence[DialogueTool] | None = None
    ) -> S[DialogueSession]:
        if tools is None:
            tool_and_answers: S[tuple[str, tuple[DialogueAnswer, ...]]] = st.tuples(
                identifiers(),
                _unique(self.dialogue_answer(), lambda a: a.question_id, self.n),
            )
        elif not tools:
            tool_and_answers = st.nothing()
        else:
            tool_and_answers = st.sampled_from(tools).flatmap(self._answers_for)
        return st.builds(
            _session,
            st.just(DialogueSession),
            tool_and_answers,
            id=_or(id, identifiers()),
            organisation_id=self.pools.ref("organisation"),
            about_organisation_id=self.pools.opt("organisation"),
            date=_optional(dates()),
            facilitator_id=self.pools.opt("contact"),
            participant_ids=self.pools.many("contact"),
            follow_ups=self.lines(),
        )

    def _answers_for(self, tool: DialogueTool) -> S[tuple[str, tuple[DialogueAnswer, ...]]]:
        question_ids = [q.id for q in tool.questions]
        chosen = st.lists(st.sampled_from(question_ids), unique=True) if question_ids else None
        answers: S[tuple[DialogueAnswer, ...]] = (
            chosen.flatmap(lambda ids: st.tuples(*(self.dialogue_answer(st.just(i)) for i in ids)))
            if chosen is not None
            else st.just(())
        )
        return st.tuples(st.just(tool.id), answers)

    def agreement_section(self, key: S[str] | None = None) -> S[AgreementSection]:
        return st.builds(
            AgreementSection,
            key=_or(key, identifiers()),
            heading=self.name(),
            text=self.text(),
            required=st.booleans(),
        )

    def sections(self) -> S[tuple[AgreementSection, ...]]:
        return _unique(self.agreement_section(), lambda s: s.key, self.n)

    def agreement_party(self) -> S[AgreementParty]:
        return st.builds(
            AgreementParty,
            organisation_id=self.pools.ref("organisation"),
            signatory_id=self.pools.opt("contact"),
            contact_id=self.pools.opt("contact"),
            signed_on=_optional(dates()),
        )

    def collaboration_agreement(self, id: S[str] | None = None) -> S[CollaborationAgreement]:
        return st.builds(
            CollaborationAgreement,
            id=_or(id, identifiers()),
            title=self.name(),
            indsats_id=self.pools.opt("indsats"),
            parties=_unique(self.agreement_party(), lambda p: p.organisation_id, self.n),
            degree=_enum(CollaborationDegree),
            sections=self.sections(),
            period=periods(),
            notice_days=_optional(st.integers(0, 3650)),
            status=_enum(AgreementStatus),
            template_version=self.text(),
            ended_on=_optional(dates()),
            end_reason=self.text(),
        )

    def child_certificate(self) -> S[ChildCertificate]:
        return st.builds(
            ChildCertificate,
            contact_id=self.pools.ref("contact"),
            obtained_on=dates(),
        )

    def activity_agreement(self, id: S[str] | None = None) -> S[ActivityAgreement]:
        return st.builds(
            ActivityAgreement,
            id=_or(id, identifiers()),
            activity=self.name(),
            indsats_id=self.pools.opt("indsats"),
            place=self.text(),
            schedule=self.text(),
            period=periods(),
            volunteer_organisation_id=self.pools.opt("organisation"),
            volunteer_contact_id=self.pools.opt("contact"),
            housing_contact_id=self.pools.opt("contact"),
            volunteer_commitments=self.lines(),
            housing_commitments=self.lines(),
            sections=self.sections(),
            confidentiality_agreed=st.booleans(),
            child_certificate_required=st.booleans(),
            child_certificate_obtained_on=_optional(dates()),
            review_on=_optional(dates()),
            notice_days=_optional(st.integers(0, 3650)),
            status=_enum(AgreementStatus),
            signed_on=_optional(dates()),
            template_version=self.text(),
            involves_children_under_15=st.booleans(),
            volunteer_ids=self.pools.many("contact", unique=True),
            child_certificates=_unique(self.child_certificate(), lambda c: c.contact_id, self.n),
            ended_on=_optional(dates()),
            end_reason=self.text(),
        )

    def value_piece(self, id: S[str] | None = None) -> S[ValuePiece]:
        return st.builds(
            ValuePiece,
            id=_or(id, identifiers()),
            label_da=self.name(),
            label_en=self.text(),
            category=_enum(ValueCategory),
            custom=st.booleans(),
        )

    def placement(self, piece_id: S[str] | None = None) -> S[Placement]:
        return st.builds(
            Placement,
            piece_id=_or(piece_id, identifiers()),
            organisation_id=self.pools.ref("organisation"),
            strength=st.integers(1, 3),
            comment=self.text(),
        )

    def value_game(self, id: S[str] | None = None) -> S[ValueGame]:
        pieces = _unique(self.value_piece(), lambda p: p.id, self.n)

        def with_placements(found: tuple[ValuePiece, ...]) -> S[ValueGame]:
            piece_ids = [p.id for p in found]
            placements: S[tuple[Placement, ...]] = (
                _unique(
                    self.placement(st.sampled_from(piece_ids)),
                    lambda p: (p.piece_id, p.organisation_id),
                    self.n,
                )
                if piece_ids
                else st.just(())
            )
            return st.builds(
                ValueGame,
                id=_or(id, identifiers()),
                title=self.name(),
                date=_optional(dates()),
                indsats_id=self.pools.opt("indsats"),
                workshop_id=self.pools.opt("workshop"),
                catalogue_version=self.text(),
                pieces=st.just(found),
                placements=placements,
            )

        return pieces.flatmap(with_placements)

    def agenda_item(self) -> S[AgendaItem]:
        return st.builds(
            AgendaItem,
            title=self.name(),
            start=_optional(_times()),
            minutes=_optional(st.integers(0, 600)),
            tool=_optional(_enum(AgendaTool)),
            description=self.text(),
        )

    def workshop(self, id: S[str] | None = None) -> S[Workshop]:
        return st.builds(
            Workshop,
            id=_or(id, identifiers()),
            title=self.name(),
            date=dates(),
            kind=_enum(WorkshopKind),
            facilitator=self.text(),
            place=self.text(),
            agenda=st.lists(self.agenda_item(), max_size=self.n).map(tuple),
            participant_ids=self.pools.many("contact"),
            output_ids=self.pools.many("output"),
            notes=self.lines(),
        )

    def plan_fields(self) -> dict[str, S[Any]]:
        return {
            "id": identifiers(),
            "name": self.name(),
            "area": self.text(),
            "municipality": self.text(),
            "housing_departments": self.lines(),
            "funding_period": _enum(FundingPeriod),
            "period": periods(),
            "budget_dkk": _optional(_amount()),
            "catalogue_version": self.text(),
        }


def _session(
    cls: type[DialogueSession],
    tool_and_answers: tuple[str, tuple[DialogueAnswer, ...]],
    **fields: Any,
) -> DialogueSession:
    tool_id, answers = tool_and_answers
    return cls(tool_id=tool_id, answers=answers, **fields)


_STANDALONE: dict[type[Any], str] = {
    Organisation: "organisation",
    ContactPerson: "contact",
    Period: "",
    Goal: "goal",
    Indsats: "indsats",
    Membership: "membership",
    FollowUp: "follow_up",
    Meeting: "meeting",
    Group: "group",
    CoFinancing: "cofinancing",
    CustomFocusArea: "custom_focus_area",
    Assessment: "assessment",
    MappingEntry: "mapping_entry",
    Mapping: "mapping",
    DialogueQuestion: "dialogue_question",
    DialogueTool: "dialogue_tool",
    DialogueAnswer: "dialogue_answer",
    DialogueSession: "dialogue_session",
    AgreementSection: "agreement_section",
    AgreementParty: "agreement_party",
    ChildCertificate: "child_certificate",
    CollaborationAgreement: "collaboration_agreement",
    ActivityAgreement: "activity_agreement",
    ValuePiece: "value_piece",
    Placement: "placement",
    ValueGame: "value_game",
    AgendaItem: "agenda_item",
    Workshop: "workshop",
    Plan: "",
}


def model_classes() -> tuple[type[Any], ...]:
    """Every model class :func:`strategy_for` builds, in a stable order."""
    return tuple(_STANDALONE)


def strategy_for(cls: type[T], *, xml_safe: bool = True) -> S[T]:
    """A strategy for instances of the model class ``cls``, each valid by itself.

    References are arbitrary identifiers (a game's placements do point at its own
    pieces); for a :class:`~cfbu_toolkit.model.Plan` this is :func:`plans`.
    """
    if cls is Plan:
        return plans(xml_safe=xml_safe)  # type: ignore[return-value]
    if cls is Period:
        return periods()  # type: ignore[return-value]
    try:
        method = _STANDALONE[cls]
    except (KeyError, TypeError):
        known = ", ".join(c.__name__ for c in _STANDALONE)
        raise TypeError(f"no strategy for {cls!r}; known classes: {known}") from None
    strategy: S[T] = getattr(_Builders(xml_safe), method)()
    return strategy


def _ids(draw: Any, max_size: int, *, min_size: int = 0) -> tuple[str, ...]:
    found: list[str] = draw(
        st.lists(identifiers(), min_size=min_size, max_size=max_size, unique=True)
    )
    return tuple(found)


@st.composite
def plans(draw: Any, *, xml_safe: bool = True, max_size: int = 4) -> Plan:
    """Plans whose every reference resolves and whose ids are unique per kind.

    ``max_size`` bounds the number of each kind of object (organisations, contacts,
    mappings, entries per mapping, ...).
    """
    n = max_size
    custom_keys = [k for k in _ids(draw, 2) if k not in FocusArea._value2member_map_]
    area_keys = tuple(m.value for m in FocusArea) + tuple(custom_keys)
    builders = _Builders(xml_safe, max_size=n)
    custom = tuple(draw(builders.custom_focus_area(st.just(k))) for k in custom_keys)
    plan_areas = draw(st.lists(st.sampled_from(area_keys), max_size=4, unique=True))

    pools: dict[str, tuple[str, ...]] = {"focus_area": area_keys}
    for kind in (
        "organisation",
        "contact",
        "indsats",
        "group",
        "mapping",
        "dialogue_tool",
        "dialogue_session",
        "collaboration_agreement",
        "activity_agreement",
        "value_game",
        "workshop",
    ):
        pools[kind] = _ids(draw, n if kind in ("organisation", "contact") else 2)
    if not (pools["dialogue_tool"] and pools["organisation"]):
        pools["dialogue_session"] = ()  # a session needs a tool and an organisation
    pools["output"] = tuple(
        sorted(
            {
                i
                for k in (
                    "mapping",
                    "dialogue_session",
                    "collaboration_agreement",
                    "activity_agreement",
                    "value_game",
                )
                for i in pools[k]
            }
        )
    )
    # Entry ids are unique across every mapping of the plan.
    entry_ids = _ids(draw, n * 2)
    b = _Builders(xml_safe, _Pools(pools, fixed=True), max_size=n)

    def each(kind: str, make: Callable[[S[str]], S[T]]) -> tuple[T, ...]:
        return tuple(draw(make(st.just(i))) for i in pools[kind])

    mappings = []
    for index, mapping_id in enumerate(pools["mapping"]):
        mine = entry_ids[index :: max(1, len(pools["mapping"]))]
        if not pools["organisation"]:
            mine = ()
        mappings.append(draw(b.mapping(st.just(mapping_id), mine)))
    tools = each("dialogue_tool", b.dialogue_tool)
    sessions = tuple(
        draw(b.dialogue_session(st.just(i), tools)) for i in pools["dialogue_session"]
    )
    plan: Plan = draw(
        st.builds(
            Plan,
            focus_areas=st.just(tuple(plan_areas)),
            custom_focus_areas=st.just(custom),
            cofinancing=st.lists(b.cofinancing(), max_size=2).map(tuple),
            organisations=st.just(each("organisation", b.organisation)),
            contacts=st.just(each("contact", b.contact)),
            indsatser=st.just(each("indsats", b.indsats)),
            groups=st.just(each("group", b.group)),
            mappings=st.just(tuple(mappings)),
            dialogue_tools=st.just(tools),
            dialogue_sessions=st.just(sessions),
            collaboration_agreements=st.just(
                each("collaboration_agreement", b.collaboration_agreement)
            ),
            activity_agreements=st.just(each("activity_agreement", b.activity_agreement)),
            value_games=st.just(each("value_game", b.value_game)),
            workshops=st.just(each("workshop", b.workshop)),
            **b.plan_fields(),
        )
    )
    return plan


def exportables(*, xml_safe: bool = True) -> S[Exportable]:
    """Any kind ``export`` and ``load`` take: a whole plan or one part drawn from one."""

    def parts(plan: Plan) -> S[Exportable]:
        found: list[Exportable] = [
            plan,
            *plan.mappings,
            *plan.collaboration_agreements,
            *plan.activity_agreements,
            *plan.dialogue_sessions,
            *plan.value_games,
        ]
        return st.sampled_from(found)

    return plans(xml_safe=xml_safe, max_size=3).flatmap(parts)


# -- plugins for one test ------------------------------------------------------------------


@contextmanager
def fresh_plugin_host(
    *,
    builtins: Iterable[tuple[str, str]] | None = None,
    entry_points: bool = False,
) -> Iterator[PluginHost]:
    """A new plugin host, made the process-wide one inside the ``with`` block.

    It loads the built-in formats (or ``builtins``, pairs of plugin name and module), no
    installed plugins unless ``entry_points`` is true, and ignores ``CFBU_DISABLED_PLUGINS``
    and ``CFBU_LOAD_PLUGINS``. Plugins registered on it disappear with it; the previous host
    is back after the block.
    """
    saved = {k: os.environ.pop(k) for k in _PLUGIN_VARIABLES if k in os.environ}
    kwargs: dict[str, Any] = {"entry_points": entry_points}
    if builtins is not None:
        kwargs["builtins"] = tuple(builtins)
    host = PluginHost(**kwargs)
    previous = set_host(host)
    try:
        yield host
    finally:
        set_host(previous)
        os.environ.update(saved)


_PLUGIN_VARIABLES = ("CFBU_DISABLED_PLUGINS", "CFBU_LOAD_PLUGINS")


@pytest.fixture
def plugin_host() -> Iterator[PluginHost]:
    """A pytest fixture: a plugin host of this test's own, with the built-in formats.

    Register the plugin under test on it; nothing of it is left for the next test::

        from cfbu_toolkit.testing import plugin_host  # in conftest.py

        def test_my_format(plugin_host, tmp_path):
            plugin_host.register(MyPlugin(), name="mine")
            cfbu.export(plan, tmp_path / "plan.mine")
    """
    with fresh_plugin_host() as host:
        yield host
