"""Section templates: the ordered, guided skeleton of an agreement.

A template holds both languages; the model's :class:`~cfbu_toolkit.model.AgreementSection`
holds the one language an agreement is written in, so :meth:`SectionTemplate.section`
makes one from the other.
"""

from __future__ import annotations

from typing import Literal, get_args

import attrs

from ..model import AgreementSection, Lang
from ..model._base import flag, ident, required_text

__all__ = ["AGREEMENT_KINDS", "AgreementKind", "SectionTemplate"]

AgreementKind = Literal["collaboration_agreement", "activity_agreement"]
"""Which agreement a template belongs to (the same names as the JSON document kinds)."""

AGREEMENT_KINDS: tuple[AgreementKind, ...] = get_args(AgreementKind)


@attrs.frozen(kw_only=True)
class SectionTemplate:
    """One section of an agreement template, with what to write in it, in both languages."""

    key: str = ident()
    heading_da: str = required_text()
    heading_en: str = required_text()
    guidance_da: str = required_text()
    guidance_en: str = required_text()
    required: bool = flag()

    def heading(self, lang: Lang = "da") -> str:
        """The section heading in ``lang``."""
        return self.heading_en if lang == "en" else self.heading_da

    def guidance(self, lang: Lang = "da") -> str:
        """The guidance to whoever writes the section, in ``lang``."""
        return self.guidance_en if lang == "en" else self.guidance_da

    def section(self, lang: Lang = "da", text: str = "") -> AgreementSection:
        """An agreement section built from this template (empty unless ``text`` is given)."""
        return AgreementSection(
            key=self.key, heading=self.heading(lang), text=text, required=self.required
        )
