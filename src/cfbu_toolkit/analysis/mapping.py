"""The mapping seen from above: the influence × interest quadrant of each entry, and counts.

The power/interest grid has two halves on each axis, while the mapping assesses interest
and influence on three levels. The rule here: **medium counts as high**. An organisation
of medium influence can still stop or carry an effort, and one of medium interest is worth
talking to, so the cautious reading places them on the side that gets attention rather
than on the side that is only watched. ``LOW`` alone is the low half.

Those who want the three levels apart use :func:`grid_cell`, the entry's place on the
3 × 3 grid (interest rank, influence rank), each 1-3 as :attr:`Level.rank`.

Entries without an interest or an influence level have no quadrant: :func:`quadrant`
returns ``None`` and :func:`quadrants` leaves them out (:func:`unplaced` lists them).
Counts are per mapping entry (a mapping holds one entry per organisation).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from ..locale import N_
from ..model import (
    ActorSector,
    CollaborationStatus,
    LabelledEnum,
    Level,
    Mapping,
    MappingEntry,
    Organisation,
    Plan,
)

__all__ = [
    "READABLE_POINTS",
    "MappingCounts",
    "Quadrant",
    "count_by_sector",
    "count_by_status",
    "grid_cell",
    "mapping_counts",
    "quadrant",
    "quadrant_of_levels",
    "quadrants",
    "unplaced",
]

READABLE_POINTS = 400
"""The most organisations a drawn grid places: a chart stops being readable long before,
and every format that draws one (Markdown, the workbook) says how many it left out."""


class Quadrant(LabelledEnum):
    """Where an organisation sits in the influence × interest grid, and what that asks for."""

    KEEP_CLOSE = "keep_close"
    """High influence, high interest: involve closely."""
    KEEP_SATISFIED = "keep_satisfied"
    """High influence, low interest: keep satisfied."""
    KEEP_INFORMED = "keep_informed"
    """Low influence, high interest: keep informed."""
    MONITOR = "monitor"
    """Low influence, low interest: keep an eye on."""

    english_labels = enum.nonmember(  # English; Danish in the catalogue
        {
            "keep_close": N_("Keep close"),
            "keep_satisfied": N_("Keep satisfied"),
            "keep_informed": N_("Keep informed"),
            "monitor": N_("Monitor"),
        }
    )

    @property
    def high_influence(self) -> bool:
        """Whether the quadrant is one of the two with high influence."""
        return self in (Quadrant.KEEP_CLOSE, Quadrant.KEEP_SATISFIED)

    @property
    def high_interest(self) -> bool:
        """Whether the quadrant is one of the two with high interest."""
        return self in (Quadrant.KEEP_CLOSE, Quadrant.KEEP_INFORMED)


def _is_high(level: Level) -> bool:
    # Medium counts as high: see the module's docstring.
    return level is not Level.LOW


def quadrant_of_levels(influence: Level, interest: Level) -> Quadrant:
    """The quadrant of an influence and an interest level (medium counts as high)."""
    if _is_high(influence):
        return Quadrant.KEEP_CLOSE if _is_high(interest) else Quadrant.KEEP_SATISFIED
    return Quadrant.KEEP_INFORMED if _is_high(interest) else Quadrant.MONITOR


def quadrant(entry: MappingEntry) -> Quadrant | None:
    """The quadrant of the entry's latest assessment, or ``None`` without both levels."""
    influence, interest = entry.influence, entry.interest
    if influence is None or interest is None:
        return None
    return quadrant_of_levels(influence, interest)


def grid_cell(entry: MappingEntry) -> tuple[int, int] | None:
    """The entry's place on the 3 × 3 grid: ``(interest rank, influence rank)``, each 1-3.

    ``None`` when the latest assessment lacks either level.
    """
    influence, interest = entry.influence, entry.interest
    if influence is None or interest is None:
        return None
    return (interest.rank, influence.rank)


def quadrants(mapping: Mapping) -> dict[Quadrant, tuple[MappingEntry, ...]]:
    """The mapping's entries by quadrant, every quadrant present, entries in mapping order.

    Entries without both levels are left out; :func:`unplaced` lists them.
    """
    found: dict[Quadrant, list[MappingEntry]] = {q: [] for q in Quadrant}
    for entry in mapping.entries:
        q = quadrant(entry)
        if q is not None:
            found[q].append(entry)
    return {q: tuple(entries) for q, entries in found.items()}


def unplaced(mapping: Mapping) -> tuple[MappingEntry, ...]:
    """The entries that have no quadrant (interest or influence not assessed)."""
    return tuple(entry for entry in mapping.entries if quadrant(entry) is None)


Organisations = Plan | Iterable[Organisation]
"""Where organisations are looked up: a plan, or any collection of organisations."""


def _organisation_index(organisations: Organisations) -> dict[str, Organisation]:
    found = organisations.organisations if isinstance(organisations, Plan) else organisations
    return {org.id: org for org in found}


def count_by_status(mapping: Mapping) -> dict[CollaborationStatus, int]:
    """How many entries stand at each status (latest assessment); every status present."""
    counts = dict.fromkeys(CollaborationStatus, 0)
    for entry in mapping.entries:
        counts[entry.status] += 1
    return counts


def count_by_sector(mapping: Mapping, organisations: Organisations) -> dict[ActorSector, int]:
    """How many entries are about an organisation of each sector; every sector present.

    Entries whose organisation is not among ``organisations`` are not counted here
    (:func:`mapping_counts` lists them).
    """
    return mapping_counts(mapping, organisations).by_sector


@attrs.frozen(kw_only=True)
class MappingCounts:
    """The counts of a mapping: per sector, status and quadrant, with what could not be
    counted. Every enumeration member is a key (zero when none), in enumeration order."""

    total: int
    """The number of entries."""
    by_sector: dict[ActorSector, int]
    by_status: dict[CollaborationStatus, int]
    by_quadrant: dict[Quadrant, int]
    unplaced: int
    """Entries without a quadrant (interest or influence not assessed)."""
    unknown_organisation_ids: tuple[str, ...]
    """Organisation ids of entries not found among the organisations (so not in
    ``by_sector``), in mapping order, each once."""


def mapping_counts(mapping: Mapping, organisations: Organisations) -> MappingCounts:
    """Count the mapping's entries per sector, status and quadrant."""
    index = _organisation_index(organisations)
    by_sector = dict.fromkeys(ActorSector, 0)
    unknown: list[str] = []
    for entry in mapping.entries:
        org = index.get(entry.organisation_id)
        if org is None:
            if entry.organisation_id not in unknown:
                unknown.append(entry.organisation_id)
        else:
            by_sector[org.sector] += 1
    by_quadrant = {q: len(entries) for q, entries in quadrants(mapping).items()}
    return MappingCounts(
        total=len(mapping.entries),
        by_sector=by_sector,
        by_status=count_by_status(mapping),
        by_quadrant=by_quadrant,
        unplaced=len(mapping.entries) - sum(by_quadrant.values()),
        unknown_organisation_ids=tuple(unknown),
    )
