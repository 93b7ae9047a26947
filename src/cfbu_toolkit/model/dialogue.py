"""CFBU's two dialogue tools: question sets, and sessions where an organisation answers.

*Det boligsociale bidrag*: the housing-social team asks itself what it stands for, can
contribute and wants to achieve. *Samarbejdspartens perspektiv*: the team records what it
knows of a partner's framework, values and methods, so the session is *about* another
organisation.
"""

from __future__ import annotations

import datetime as dt

import attrs

from ..locale import N_
from ._base import (
    Lang,
    check_unique,
    date_field,
    enum_field,
    flag,
    ident,
    items,
    opt_ref,
    optional_text,
    ref,
    refs,
    required_text,
    text_list,
)
from .enums import DialogueTheme, DialogueToolKind

__all__ = ["DialogueAnswer", "DialogueQuestion", "DialogueSession", "DialogueTool"]


@attrs.frozen(kw_only=True)
class DialogueQuestion:
    """A question of a dialogue tool, with a hint for whoever facilitates."""

    id: str = ident()
    theme: DialogueTheme = enum_field(DialogueTheme)
    text_da: str = required_text()
    text_en: str = optional_text()
    hint_da: str = optional_text()
    hint_en: str = optional_text()

    def text(self, lang: Lang = "da") -> str:
        """The question in ``lang`` (Danish when there is no English wording)."""
        return self.text_en if lang == "en" and self.text_en else self.text_da

    def hint(self, lang: Lang = "da") -> str:
        """The facilitator's hint in ``lang`` (Danish when there is no English one)."""
        return self.hint_en if lang == "en" and self.hint_en else self.hint_da


@attrs.frozen(kw_only=True)
class DialogueTool:
    """A question set: one of CFBU's two dialogue tools, or one of the user's own."""

    id: str = ident()
    kind: DialogueToolKind = enum_field(DialogueToolKind)
    title_da: str = required_text()
    title_en: str = optional_text()
    version: str = optional_text()
    questions: tuple[DialogueQuestion, ...] = items(check_unique(lambda q: q.id, N_("question")))

    def title(self, lang: Lang = "da") -> str:
        """The question set's title in ``lang`` (Danish when there is no English one)."""
        return self.title_en if lang == "en" and self.title_en else self.title_da

    def question(self, question_id: str) -> DialogueQuestion:
        """The question with this id (``KeyError`` when there is none)."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)


@attrs.frozen(kw_only=True)
class DialogueAnswer:
    """An answer to one question; ``agreed`` when everyone present stood behind it."""

    question_id: str = ref(to="question")
    text: str = optional_text(personal=True)
    agreed: bool = flag()


@attrs.frozen(kw_only=True)
class DialogueSession:
    """One sitting with a dialogue tool: who answered, about whom, and what they said."""

    id: str = ident()
    tool_id: str = ref(to="dialogue_tool")
    organisation_id: str = ref(to="organisation")
    about_organisation_id: str | None = opt_ref(to="organisation")
    date: dt.date | None = date_field()
    facilitator_id: str | None = opt_ref(to="contact")
    participant_ids: tuple[str, ...] = refs(to="contact")
    answers: tuple[DialogueAnswer, ...] = items(
        check_unique(lambda a: a.question_id, N_("answer to question"))
    )
    follow_ups: tuple[str, ...] = text_list(personal=True)

    def answer(self, question_id: str) -> DialogueAnswer | None:
        """The answer to ``question_id``, or ``None`` when it has not been answered."""
        for answer in self.answers:
            if answer.question_id == question_id:
                return answer
        return None
