"""What the coverage views share: the funnel's order, the kinds of thing due, labels."""

from __future__ import annotations

from typing import Literal

from ...locale import N_, translate
from ...model import (
    AgreementStatus,
    CollaborationStatus,
    Lang,
)

Status = CollaborationStatus

#: The stages of the funnel, in order; the other statuses lie beside it.
FUNNEL_STAGES: tuple[CollaborationStatus, ...] = (
    Status.POTENTIAL,
    Status.CONTACTED,
    Status.IN_DIALOGUE,
    Status.ACTIVE,
)
_RANK = {status: rank for rank, status in enumerate(FUNNEL_STAGES)}
_RANK_OF_VALUE = {status.value: rank for status, rank in _RANK.items()}
_RANKS = range(len(FUNNEL_STAGES))
_IN_PROGRESS = frozenset({Status.CONTACTED, Status.IN_DIALOGUE})
_CLOSED = frozenset({Status.ENDED, Status.DESELECTED})
_AGREEMENT_CLOSED = frozenset({AgreementStatus.EXPIRED, AgreementStatus.TERMINATED})

#: Labels of the kinds of thing a follow-up or an expiring agreement can be.
KIND_LABELS: dict[str, str] = {  # English; Danish in the catalogue
    "mapping_entry": N_("Mapping entry"),
    "collaboration_agreement": N_("Collaboration agreement"),
    "activity_agreement": N_("Activity agreement"),
}

Dimension = Literal["sector", "actor_type", "resource_kind", "focus_area"]


def _lang(message: str, lang: Lang | None) -> str:
    return translate(message, lang)


class _Labelled:
    """A result group named in Danish and English (``label_da``, ``label_en``)."""

    __slots__ = ()
    label_da: str
    label_en: str

    def label(self, lang: Lang = "da") -> str:
        """The group's name in ``lang``."""
        return {"da": self.label_da, "en": self.label_en}[lang]
