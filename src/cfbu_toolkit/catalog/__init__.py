"""The built-in catalogue: CFBU's dialogue questions, agreement sections and value pieces.

The content lives in versioned JSON files under ``catalog/data`` (package data), written
in the project's own words in Danish and English, and is loaded into the model on first
use (and then cached: the objects are frozen). Sessions, agreements and games record
:data:`CATALOGUE_VERSION`, so a later catalogue can tell what they were built from.

>>> from cfbu_toolkit import catalog
>>> catalog.dialogue_tool("partner_perspective").questions[0].id
'partner-01'
>>> [s.key for s in catalog.collaboration_sections()][:3]
['parties', 'background', 'purpose']
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.abc import Traversable

from ..errors import ModelError
from ..locale import LANGUAGES, N_
from ..model import AgreementSection, DialogueTool, DialogueToolKind, Lang, ValuePiece
from ._loader import CATALOGUE_FORMAT, load_items, load_tool
from .templates import AGREEMENT_KINDS, AgreementKind, SectionTemplate

__all__ = [
    "AGREEMENT_KINDS",
    "CATALOGUE_FORMAT",
    "CATALOGUE_VERSION",
    "AgreementKind",
    "SectionTemplate",
    "activity_sections",
    "collaboration_sections",
    "dialogue_tool",
    "dialogue_tools",
    "section_guidance",
    "section_templates",
    "stop_words",
    "value_pieces",
]

CATALOGUE_VERSION = "2026.1"
"""The version of the built-in content; every data file records it too."""

_TOOL_FILES = {
    DialogueToolKind.HOUSING_SOCIAL_CONTRIBUTION: "dialogue-boligsocialt-bidrag.json",
    DialogueToolKind.PARTNER_PERSPECTIVE: "dialogue-samarbejdspartens-perspektiv.json",
}
_SECTION_FILES: dict[str, str] = {
    "collaboration_agreement": "sections-samarbejdsaftale.json",
    "activity_agreement": "sections-aktivitetsaftale.json",
}
_PIECES_FILE = "value-pieces.json"


def _data_file(name: str) -> Traversable:
    return resources.files(__name__).joinpath("data", name)


def _check_lang(lang: str) -> Lang:
    if lang not in LANGUAGES:
        raise ModelError(
            N_("{lang!r} is not a language; expected da or en"), field="lang", lang=lang
        )
    return lang


@cache
def _tool(kind: DialogueToolKind) -> DialogueTool:
    return load_tool(_data_file(_TOOL_FILES[kind]), expected_version=CATALOGUE_VERSION)


def dialogue_tool(kind: DialogueToolKind | str) -> DialogueTool:
    """The built-in question set of one of CFBU's two dialogue tools."""
    member = DialogueToolKind._value2member_map_.get(kind)
    if member not in _TOOL_FILES:
        allowed = ", ".join(k.value for k in _TOOL_FILES)
        raise ModelError(
            N_("{kind!r} has no built-in dialogue tool; expected one of {allowed}"),
            field="kind",
            kind=kind,
            allowed=allowed,
        )
    return _tool(DialogueToolKind(member))


def dialogue_tools() -> tuple[DialogueTool, ...]:
    """Both built-in dialogue tools: *Det boligsociale bidrag*, *Samarbejdspartens perspektiv*."""
    return tuple(_tool(kind) for kind in _TOOL_FILES)


@cache
def _templates(kind: str) -> tuple[SectionTemplate, ...]:
    return load_items(
        _data_file(_SECTION_FILES[kind]),
        f"{kind}_sections",
        SectionTemplate,
        lambda t: t.key,
        expected_version=CATALOGUE_VERSION,
    )


def section_templates(kind: AgreementKind) -> tuple[SectionTemplate, ...]:
    """The ordered section templates of a ``"collaboration_agreement"`` (samarbejdsaftale)
    or an ``"activity_agreement"`` (aktivitetsaftale)."""
    if kind not in _SECTION_FILES:
        raise ModelError(
            N_("{kind!r} is not an agreement kind; expected one of {allowed}"),
            field="kind",
            kind=kind,
            allowed=", ".join(AGREEMENT_KINDS),
        )
    return _templates(kind)


def _sections(kind: AgreementKind, lang: str) -> tuple[AgreementSection, ...]:
    language = _check_lang(lang)
    return tuple(t.section(language) for t in section_templates(kind))


def collaboration_sections(lang: Lang = "da") -> tuple[AgreementSection, ...]:
    """The samarbejdsaftale's sections in order, headed in ``lang`` and still empty."""
    return _sections("collaboration_agreement", lang)


def activity_sections(lang: Lang = "da") -> tuple[AgreementSection, ...]:
    """The aktivitetsaftale's sections in order, headed in ``lang`` and still empty."""
    return _sections("activity_agreement", lang)


def section_guidance(kind: AgreementKind, key: str, lang: Lang = "da") -> str:
    """What to write in section ``key`` of an agreement of ``kind`` (``KeyError`` if none)."""
    language = _check_lang(lang)
    for template in section_templates(kind):
        if template.key == key:
            return template.guidance(language)
    raise KeyError(key)


@cache
def value_pieces() -> tuple[ValuePiece, ...]:
    """The værdispil's built-in pieces, across every value category."""
    return load_items(
        _data_file(_PIECES_FILE),
        "value_pieces",
        ValuePiece,
        lambda p: p.id,
        expected_version=CATALOGUE_VERSION,
    )


@cache
def stop_words(lang: Lang = "da") -> frozenset[str]:
    """Small words that say nothing about what a side means (``catalog/data/stopwords-*``),
    in lower case, for ``lang``."""
    lang = _check_lang(lang)
    text = _data_file(f"stopwords-{lang}.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().casefold()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )
