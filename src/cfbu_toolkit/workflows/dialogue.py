"""The dialogue workflow: start a session, record answers, see the gaps, compare the two sides.

The two CFBU tools look from two sides. With *Det boligsociale bidrag* the housing-social
team describes itself; with *Samarbejdspartens perspektiv* the same team records what it
knows about a partner. :func:`compare_perspectives` lays the two side by side, topic by
topic (see :data:`DEFAULT_PAIRINGS`), and says where one side is silent, where the team has
not settled its answers, and where the two sides share no words at all.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from ..locale import N_, current_lang
from ..model import (
    DialogueAnswer,
    DialogueQuestion,
    DialogueSession,
    DialogueTheme,
    DialogueTool,
    DialogueToolKind,
    LabelledEnum,
    Plan,
    new_id,
)
from ._errors import WorkflowError

__all__ = [
    "DEFAULT_PAIRINGS",
    "AnsweredQuestion",
    "ComparisonStatus",
    "ComparisonTopic",
    "DialogueComparison",
    "ThemePairing",
    "TopicComparison",
    "compare_in_plan",
    "compare_perspectives",
    "record_answer",
    "record_answers",
    "remove_answer",
    "shared_words",
    "start_session",
    "tool_for",
    "unanswered",
]


def _tool(tool: DialogueTool | DialogueToolKind) -> DialogueTool:
    if isinstance(tool, DialogueTool):
        return tool
    from ..catalog import dialogue_tool

    return dialogue_tool(tool)


def start_session(
    tool: DialogueTool | DialogueToolKind,
    organisation_id: str,
    *,
    about: str | None = None,
    session_id: str | None = None,
    date: dt.date | None = None,
    facilitator_id: str | None = None,
    participant_ids: Iterable[str] = (),
    plan: Plan | None = None,
) -> DialogueSession:
    """A new, unanswered session with ``tool`` (a question set, or a built-in tool's kind).

    ``organisation_id`` is the organisation that answers. With *Samarbejdspartens
    perspektiv* the answers are *about* another organisation, so ``about`` is required;
    with *Det boligsociale bidrag* the team answers about itself, so ``about`` is refused.
    With ``plan``, both organisations must be in it.
    """
    resolved = _tool(tool)
    if resolved.kind is DialogueToolKind.HOUSING_SOCIAL_CONTRIBUTION and about is not None:
        raise WorkflowError(
            N_(
                "{tool!r} is answered by the housing-social team about itself; leave out "
                "about= (got {about!r}) or use the partner-perspective tool"
            ),
            tool=resolved.title(current_lang()),
            about=about,
        )
    if resolved.kind is DialogueToolKind.PARTNER_PERSPECTIVE:
        if about is None:
            raise WorkflowError(
                N_(
                    "{tool!r} records what is known about a partner; say which organisation "
                    "with about="
                ),
                tool=resolved.title(current_lang()),
            )
        if about == organisation_id:
            raise WorkflowError(
                N_("about= must name the partner, not the answering organisation {about!r}"),
                about=about,
            )
    if plan is not None:
        known = {o.id for o in plan.organisations}
        for role, ref in (("organisation_id", organisation_id), ("about", about)):
            if ref is not None and ref not in known:
                raise WorkflowError(
                    N_("{role}: plan {plan!r} has no organisation {organisation!r}"),
                    role=role,
                    plan=plan.id,
                    organisation=ref,
                )
    return DialogueSession(
        id=session_id or new_id("session-"),
        tool_id=resolved.id,
        organisation_id=organisation_id,
        about_organisation_id=about,
        date=date,
        facilitator_id=facilitator_id,
        participant_ids=tuple(participant_ids),
    )


def _check_tool(session: DialogueSession, tool: DialogueTool) -> None:
    if session.tool_id != tool.id:
        raise WorkflowError(
            N_("session {session!r} uses dialogue tool {used!r}, not {tool!r}"),
            session=session.id,
            used=session.tool_id,
            tool=tool.id,
        )


def record_answer(
    session: DialogueSession,
    question_id: str,
    text: str,
    *,
    agreed: bool = False,
    tool: DialogueTool | None = None,
) -> DialogueSession:
    """A copy of ``session`` with the answer to ``question_id`` recorded.

    An earlier answer to the same question is replaced in place, so answers keep their
    order. With ``tool``, the question must be one of the tool's.
    """
    if tool is not None:
        _check_tool(session, tool)
        try:
            tool.question(question_id)
        except KeyError:
            raise WorkflowError(
                N_("dialogue tool {tool!r} has no question {question!r}"),
                tool=tool.id,
                question=question_id,
            ) from None
    answer = DialogueAnswer(question_id=question_id, text=text, agreed=agreed)
    answers = list(session.answers)
    for index, existing in enumerate(answers):
        if existing.question_id == question_id:
            answers[index] = answer
            break
    else:
        answers.append(answer)
    return attrs.evolve(session, answers=tuple(answers))


def record_answers(
    session: DialogueSession,
    answers: Mapping[str, str],
    *,
    agreed: bool = False,
    tool: DialogueTool | None = None,
) -> DialogueSession:
    """:func:`record_answer` for each ``question_id: text`` of ``answers``, in order."""
    for question_id, text in answers.items():
        session = record_answer(session, question_id, text, agreed=agreed, tool=tool)
    return session


def remove_answer(session: DialogueSession, question_id: str) -> DialogueSession:
    """A copy of ``session`` without an answer to ``question_id`` (unchanged if none)."""
    kept = tuple(a for a in session.answers if a.question_id != question_id)
    return attrs.evolve(session, answers=kept)


def _answered(answer: DialogueAnswer | None) -> bool:
    return answer is not None and bool(answer.text.strip())


def unanswered(session: DialogueSession, tool: DialogueTool) -> tuple[DialogueQuestion, ...]:
    """The tool's questions the session has no answer to (a blank answer counts as none)."""
    _check_tool(session, tool)
    return tuple(q for q in tool.questions if not _answered(session.answer(q.id)))


def tool_for(session: DialogueSession, tools: Iterable[DialogueTool] | Plan) -> DialogueTool:
    """The question set ``session`` was answered with, from ``tools`` or a plan's tools.

    When it is in neither, the built-in tool of that id from the catalogue is used.
    """
    candidates = tools.dialogue_tools if isinstance(tools, Plan) else tuple(tools)
    for tool in candidates:
        if tool.id == session.tool_id:
            return tool
    from ..catalog import dialogue_tools

    for tool in dialogue_tools():
        if tool.id == session.tool_id:
            return tool
    raise WorkflowError(N_("no dialogue tool has id {tool!r}"), tool=session.tool_id)


# --- comparing the two perspectives -------------------------------------------------------


class ComparisonTopic(LabelledEnum):
    """The topics on which the housing-social side and the partner side are compared."""

    VALUES = "values"
    RESOURCES = "resources"
    GAINS = "gains"
    TASKS = "tasks"
    EXPECTATIONS = "expectations"

    english_labels = enum.nonmember(
        {
            "values": N_("Values and standpoint"),
            "resources": N_("Contribution and framework"),
            "gains": N_("Goals and gains"),
            "tasks": N_("Tasks and methods"),
            "expectations": N_("Expectations"),
        }
    )


@attrs.frozen(kw_only=True)
class ThemePairing:
    """Which themes of each tool speak to the same topic."""

    topic: ComparisonTopic
    own_themes: frozenset[DialogueTheme]
    partner_themes: frozenset[DialogueTheme]


def _pair(
    topic: ComparisonTopic, own: set[DialogueTheme], partner: set[DialogueTheme]
) -> ThemePairing:
    return ThemePairing(topic=topic, own_themes=frozenset(own), partner_themes=frozenset(partner))


T = DialogueTheme

#: How the themes of *Det boligsociale bidrag* (left) meet those of *Samarbejdspartens
#: perspektiv* (right):
#:
#: - values: who we are and what we stand for ↔ what drives the partner;
#: - resources: what we can and will contribute ↔ the partner's framework (law, decision
#:   paths, money, time, confidentiality) that decides what it can take on;
#: - gains: what we want to achieve ↔ what the partner can gain (its expectations and goals);
#: - tasks: the tasks we want solved ↔ the partner's methods;
#: - expectations: what we expect of a partner ↔ what we must watch for on the partner's side.
#:
#: The partner's expectations feed both *gains* and *expectations*: in the partner tool they
#: hold both what the partner can get out of it and what would burden it.
DEFAULT_PAIRINGS: tuple[ThemePairing, ...] = (
    _pair(ComparisonTopic.VALUES, {T.IDENTITY, T.VALUES}, {T.IDENTITY, T.VALUES}),
    _pair(ComparisonTopic.RESOURCES, {T.CONTRIBUTION, T.FRAMEWORK}, {T.CONTRIBUTION, T.FRAMEWORK}),
    _pair(ComparisonTopic.GAINS, {T.GOALS}, {T.GOALS, T.EXPECTATIONS}),
    _pair(ComparisonTopic.TASKS, {T.TASKS, T.METHODS}, {T.TASKS, T.METHODS}),
    _pair(ComparisonTopic.EXPECTATIONS, {T.EXPECTATIONS}, {T.EXPECTATIONS}),
)


class ComparisonStatus(LabelledEnum):
    """How a topic stands when the two sides are laid together."""

    MISSING_BOTH = "missing_both"
    MISSING_OWN = "missing_own"
    MISSING_PARTNER = "missing_partner"
    UNSETTLED = "unsettled"
    NO_SHARED_TERMS = "no_shared_terms"
    BOTH_ANSWERED = "both_answered"

    english_labels = enum.nonmember(
        {
            "missing_both": N_("Unanswered on both sides"),
            "missing_own": N_("The housing-social contribution is missing"),
            "missing_partner": N_("The partner’s perspective is missing"),
            "unsettled": N_("Answers not yet agreed"),
            "no_shared_terms": N_("No words in common: expectations may differ"),
            "both_answered": N_("Answered on both sides"),
        }
    )


@attrs.frozen(kw_only=True)
class AnsweredQuestion:
    """A question and the answer given to it."""

    question: DialogueQuestion
    answer: DialogueAnswer


@attrs.frozen(kw_only=True)
class TopicComparison:
    """One topic, with each side's answers and the questions each side left open."""

    topic: ComparisonTopic
    status: ComparisonStatus
    own: tuple[AnsweredQuestion, ...]
    partner: tuple[AnsweredQuestion, ...]
    own_unanswered: tuple[DialogueQuestion, ...]
    partner_unanswered: tuple[DialogueQuestion, ...]
    shared_terms: tuple[str, ...]

    @property
    def is_gap(self) -> bool:
        """Whether the topic needs a conversation: anything but answered on both sides."""
        return self.status is not ComparisonStatus.BOTH_ANSWERED


@attrs.frozen(kw_only=True)
class DialogueComparison:
    """The housing-social side's view of itself next to its view of one partner."""

    organisation_id: str
    partner_id: str
    own_session_id: str
    partner_session_id: str
    topics: tuple[TopicComparison, ...]

    @property
    def gaps(self) -> tuple[TopicComparison, ...]:
        """The topics where expectations differ, are not settled, or are missing."""
        return tuple(t for t in self.topics if t.is_gap)

    def topic(self, topic: ComparisonTopic) -> TopicComparison:
        """The comparison of ``topic`` (``KeyError`` when it is not compared)."""
        for item in self.topics:
            if item.topic is topic:
                return item
        raise KeyError(topic)


_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: Words shorter than this say little about what a side means, stop words or not.
_MIN_LETTERS = 4


@functools.cache
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("danish")


@functools.cache
def _stop_words() -> frozenset[str]:
    from ..catalog import stop_words

    return stop_words("da") | stop_words("en")


def _stems(texts: Iterable[str], seen: Counter[tuple[str, str]]) -> set[str]:
    """The stems of the meaningful words of ``texts``; ``seen`` counts each (stem, word)."""
    stops = _stop_words()
    stemmer = _stemmer()
    stems: set[str] = set()
    for text in texts:
        for word in _WORD_RE.findall(text):
            folded = word.casefold()
            if len(folded) < _MIN_LETTERS or folded in stops:
                continue
            stem = stemmer.stemWord(folded)
            stems.add(stem)
            seen[stem, word] += 1
    return stems


def shared_words(own: Iterable[str], partner: Iterable[str]) -> tuple[str, ...]:
    """The words both sides use, as whole words: the Danish Snowball stemmer matches
    inflections (*skolen* and *skolens*), and each stem is named by the form the answers
    use most often. Stop words (``catalog/data/stopwords-*.txt``) and words under four
    letters are left out."""
    seen: Counter[tuple[str, str]] = Counter()
    shared = _stems(own, seen) & _stems(partner, seen)
    words = []
    for stem in shared:
        forms = [(count, word) for (s, word), count in seen.items() if s == stem]
        # Most used first; then the shortest, then the alphabetically first, so the
        # choice is the same every time.
        forms.sort(key=lambda f: (-f[0], len(f[1]), f[1]))
        words.append(forms[0][1])
    return tuple(sorted(set(words), key=lambda w: (w.casefold(), w)))


def _side(
    session: DialogueSession, tool: DialogueTool, themes: frozenset[DialogueTheme]
) -> tuple[tuple[AnsweredQuestion, ...], tuple[DialogueQuestion, ...]]:
    answered: list[AnsweredQuestion] = []
    missing: list[DialogueQuestion] = []
    for question in tool.questions:
        if question.theme not in themes:
            continue
        answer = session.answer(question.id)
        if answer is not None and _answered(answer):
            answered.append(AnsweredQuestion(question=question, answer=answer))
        else:
            missing.append(question)
    return tuple(answered), tuple(missing)


def _status(
    own: Sequence[AnsweredQuestion],
    partner: Sequence[AnsweredQuestion],
    shared: Sequence[str],
) -> ComparisonStatus:
    if not own and not partner:
        return ComparisonStatus.MISSING_BOTH
    if not own:
        return ComparisonStatus.MISSING_OWN
    if not partner:
        return ComparisonStatus.MISSING_PARTNER
    if not all(item.answer.agreed for item in (*own, *partner)):
        return ComparisonStatus.UNSETTLED
    if not shared:
        return ComparisonStatus.NO_SHARED_TERMS
    return ComparisonStatus.BOTH_ANSWERED


def compare_perspectives(
    own: DialogueSession,
    partner: DialogueSession,
    *,
    own_tool: DialogueTool,
    partner_tool: DialogueTool,
    pairings: Sequence[ThemePairing] = DEFAULT_PAIRINGS,
) -> DialogueComparison:
    """Lay what the housing-social side says about itself next to what it recorded about a
    partner, topic by topic.

    ``own`` is a session with *Det boligsociale bidrag*; ``partner`` one with
    *Samarbejdspartens perspektiv*, recorded by the same organisation. A topic is a gap when
    one side or both have no answer, when an answer is not marked as agreed, or when the two
    sides' answers share no words at all (a rough pointer to where expectations may differ,
    to be read, not a verdict). Topics without questions on either side are left out.
    """
    _check_tool(own, own_tool)
    _check_tool(partner, partner_tool)
    if own_tool.kind is not DialogueToolKind.HOUSING_SOCIAL_CONTRIBUTION:
        raise WorkflowError(
            N_(
                "own= must be a session with the housing-social contribution tool; session "
                "{session!r} uses {tool!r}"
            ),
            session=own.id,
            tool=own_tool.title(current_lang()),
        )
    if partner_tool.kind is not DialogueToolKind.PARTNER_PERSPECTIVE:
        raise WorkflowError(
            N_(
                "partner= must be a session with the partner-perspective tool; session "
                "{session!r} uses {tool!r}"
            ),
            session=partner.id,
            tool=partner_tool.title(current_lang()),
        )
    if partner.about_organisation_id is None:
        raise WorkflowError(
            N_("session {session!r} does not say which partner it is about"), session=partner.id
        )
    if partner.organisation_id != own.organisation_id:
        raise WorkflowError(
            N_(
                "the sessions were answered by different organisations ({own!r} and "
                "{partner!r}); compare what one organisation says about itself with what the "
                "same organisation recorded"
            ),
            own=own.organisation_id,
            partner=partner.organisation_id,
        )
    topics = []
    for pairing in pairings:
        own_answered, own_missing = _side(own, own_tool, pairing.own_themes)
        partner_answered, partner_missing = _side(partner, partner_tool, pairing.partner_themes)
        if not (own_answered or own_missing or partner_answered or partner_missing):
            continue
        shared = shared_words(
            (a.answer.text for a in own_answered), (a.answer.text for a in partner_answered)
        )
        topics.append(
            TopicComparison(
                topic=pairing.topic,
                status=_status(own_answered, partner_answered, shared),
                own=own_answered,
                partner=partner_answered,
                own_unanswered=own_missing,
                partner_unanswered=partner_missing,
                shared_terms=shared,
            )
        )
    return DialogueComparison(
        organisation_id=own.organisation_id,
        partner_id=partner.about_organisation_id,
        own_session_id=own.id,
        partner_session_id=partner.id,
        topics=tuple(topics),
    )


def _latest(sessions: Iterable[DialogueSession]) -> DialogueSession | None:
    ordered = sorted(sessions, key=lambda s: s.date or dt.date.min)
    return ordered[-1] if ordered else None


def compare_in_plan(
    plan: Plan, partner_id: str, *, organisation_id: str | None = None
) -> DialogueComparison:
    """:func:`compare_perspectives` on a plan's latest sessions about ``partner_id``.

    The partner-perspective session is the latest one about ``partner_id`` (recorded by
    ``organisation_id`` if given); the housing-social session is the latest one by the same
    organisation.
    """
    by_kind: dict[str, list[tuple[DialogueSession, DialogueTool]]] = {}
    for session in plan.dialogue_sessions:
        tool = tool_for(session, plan)
        by_kind.setdefault(tool.kind.value, []).append((session, tool))
    tools = {s.id: t for pairs in by_kind.values() for s, t in pairs}
    about = [
        s
        for s, _ in by_kind.get(DialogueToolKind.PARTNER_PERSPECTIVE.value, [])
        if s.about_organisation_id == partner_id
        and (organisation_id is None or s.organisation_id == organisation_id)
    ]
    partner = _latest(about)
    if partner is None:
        raise WorkflowError(
            N_("plan {plan!r} has no partner-perspective session about {partner!r}"),
            plan=plan.id,
            partner=partner_id,
        )
    own = _latest(
        s
        for s, _ in by_kind.get(DialogueToolKind.HOUSING_SOCIAL_CONTRIBUTION.value, [])
        if s.organisation_id == partner.organisation_id
    )
    if own is None:
        raise WorkflowError(
            N_(
                "plan {plan!r} has no housing-social contribution session by {organisation!r} "
                "to compare with"
            ),
            plan=plan.id,
            organisation=partner.organisation_id,
        )
    return compare_perspectives(
        own, partner, own_tool=tools[own.id], partner_tool=tools[partner.id]
    )
