"""Heuristics that find English in text meant to be Danish, shared by the tests that render
exports, templates, reports and ``--help`` texts in Danish.

Three kinds of leak are looked for:

- an enumeration member's stable value (``health_wellbeing``, ``in_dialogue``) where a
  person should read its label;
- a model field name (``parties``, ``notice_days``) standing alone where a label belongs;
- English function words (``the``, ``and``, ``is``, ...), which Danish text never needs.

Ids (``org-solbakkeskolen``), values inside columns that hold English on purpose (a
``label_en`` column, a column headed "(engelsk)") and the proper nouns in
:data:`ALLOWED` are not leaks.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator

import attrs

import cfbu_toolkit as cfbu
from cfbu_toolkit.model import LabelledEnum

__all__ = [
    "ALLOWED",
    "ENGLISH_WORDS",
    "ENUM_VALUES",
    "FIELD_NAMES",
    "english_in",
    "english_words",
    "raw_keys",
]

#: English words a Danish sentence never needs (chosen so that none is also a Danish word
#: in common use: no "to", "by", "for", "at", "i", "en", "under").
ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "with",
        "without",
        "not",
        "has",
        "have",
        "this",
        "that",
        "these",
        "those",
        "which",
        "will",
        "would",
        "must",
        "should",
        "from",
        "your",
        "their",
        "our",
        "or",
        "an",
        "in",
        "on",
        "yes",
        "no",
        "into",
        "when",
        "where",
        "what",
        "who",
        "there",
        "here",
        "than",
        "then",
        "only",
        "also",
    ]
)

#: Proper nouns and product names that are the same in Danish.
ALLOWED = frozenset(
    [
        "Kumu",
        "Excel",
        "Markdown",
        "Mermaid",
        "SSP",
        "NGO",
        "LBF",
        "CFBU",
        "Frictionless",
        "Data",
        "Package",
        "JSON",
        "CSV",
        "SLS",
    ]
)


def _enum_classes() -> Iterator[type[enum.Enum]]:
    seen: set[type[enum.Enum]] = set()
    stack: list[type[enum.Enum]] = [LabelledEnum]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.add(sub)
                stack.append(sub)
                yield sub
    from cfbu_toolkit.analysis.mapping import Quadrant
    from cfbu_toolkit.workflows.dialogue import ComparisonStatus, ComparisonTopic

    yield from (Quadrant, ComparisonStatus, ComparisonTopic)


def _field_names() -> frozenset[str]:
    names: set[str] = set()
    for name in dir(cfbu):
        obj = getattr(cfbu, name)
        if isinstance(obj, type) and attrs.has(obj):
            names.update(f.name for f in attrs.fields(obj))
    return frozenset(names)


#: Every enumeration value with an underscore (one-word values such as ``active`` are found
#: as English words, or are Danish-looking enough not to matter).
ENUM_VALUES = frozenset(
    str(m.value) for cls in _enum_classes() for m in cls if "_" in str(m.value)
) | {"health_wellbeing"}  # the demo plan's own focus-area key

#: Field names of the public model classes that read as an English key where they stand
#: alone (``parties``, ``notice_days``); short generic ones (``id``, ``name``) are left out.
FIELD_NAMES = frozenset(n for n in _field_names() if "_" in n or len(n) > 6)

_WORD = re.compile(r"[^\W\d]+(?:_[^\W\d]+)*", re.UNICODE)


def english_words(text: str) -> list[str]:
    """The English function words in ``text`` (in order, as written)."""
    return [w for w in _WORD.findall(text) if w.casefold() in ENGLISH_WORDS and w not in ALLOWED]


def raw_keys(text: str) -> list[str]:
    """Enumeration values and field names standing in ``text`` where a label belongs: the
    whole text is one, or one stands as a word of it."""
    found = []
    stripped = text.strip()
    if stripped in FIELD_NAMES or stripped in ENUM_VALUES:
        found.append(stripped)
    for word in _WORD.findall(text):
        if word in ENUM_VALUES and word != stripped:
            found.append(word)
    return found


def english_in(texts: Iterable[tuple[str, str]]) -> list[str]:
    """Every leak in ``(where, text)`` pairs, as ``"where: what (text)"`` lines."""
    problems = []
    for where, text in texts:
        for key in raw_keys(text):
            problems.append(f"{where}: key {key!r} in {text[:80]!r}")
        words = english_words(text)
        if words:
            problems.append(f"{where}: English {words[:5]} in {text[:80]!r}")
    return problems
