"""Words of the Word documents that are not simple labels: the readiness checklist phrased
as what is still missing, and the short explanation on each value-game card.

The readiness check itself is :func:`cfbu_toolkit.workflows.agreements.readiness`; each
finding is said as what the agreement still lacks ("Solbakkeskolen mangler en
underskriver") by :func:`cfbu_toolkit.workflows.missing.missing`, the same lines the
command and the Markdown document print.
"""

from __future__ import annotations

from cfbu_toolkit.locale import N_
from cfbu_toolkit.model import ValueCategory
from cfbu_toolkit.workflows.missing import missing

__all__ = ["CARD_EXPLANATIONS", "missing"]

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
