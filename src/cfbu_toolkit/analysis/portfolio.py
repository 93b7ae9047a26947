"""A portfolio of plans: a municipality's, a housing organisation's, or the country's.

>>> import cfbu_toolkit as cfbu
>>> from cfbu_toolkit.analysis.portfolio import Portfolio
>>> portfolio = Portfolio([cfbu.examples.demo_plan()])
>>> rows = portfolio.rows("organisation")      # flat dicts, ready for pandas.DataFrame(rows)
>>> rows[0]["plan_id"] == portfolio.plans[0].id
True

:meth:`Portfolio.rows` gives the flat rows of :mod:`cfbu_toolkit.analysis.rows` across every
plan. The roll-up methods (:meth:`~Portfolio.organisations_by_sector`,
:meth:`~Portfolio.funnel_by_plan`, ...) give :class:`RollUp` tables with one line per plan
(or per finding), stable column keys and Danish or English headers; ``cfbu report`` writes
them to a workbook or a Markdown file. Roll-up cells hold ``datetime.date`` objects for
dates (native dates in a workbook); :meth:`RollUp.as_dicts` keeps them so.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ..api import load
from ..errors import CfbuError, DuplicatePlanError, NotAPlanError
from ..io.kinds import kind_of
from ..locale import N_, format_date, translate
from ..model import (
    ActorSector,
    AgreementStatus,
    CollaborationStatus,
    FundingPeriod,
    Lang,
    Plan,
)
from ..model._base import freeze
from ..plugins.manager import get_host
from ..plugins.types import SNIFF_BYTES, ImporterSpec
from ..privacy import Privacy, redact
from ..progress import Progress
from . import coverage as _coverage
from .rows import TABLES, rows

if TYPE_CHECKING:  # pragma: no cover - only for the type checker
    import pandas
    import pyarrow

__all__ = ["LoadNotice", "OnError", "Portfolio", "RollUp", "RollUpColumn"]

OnError = Literal["raise", "skip"]
"""What ``Portfolio.from_paths`` does with a file that holds no plan or a second,
different plan with an id already read: raise, or skip it with a :class:`LoadNotice`."""


@attrs.frozen(kw_only=True)
class LoadNotice:
    """A file ``Portfolio.from_paths`` skipped or counted once, and why."""

    path: str
    message: str
    """The message id (English, with ``{placeholders}``)."""
    params: dict[str, Any] = attrs.field(factory=dict, hash=False)

    @property
    def text(self) -> str:
        """The notice in the current language."""
        return translate(self.message, None, path=self.path, **self.params)

    def __str__(self) -> str:
        return self.text


PathLike = str | os.PathLike[str]


@attrs.frozen(kw_only=True)
class RollUpColumn:
    """A column of a roll-up: its stable key, its header, and how to show its values.

    ``heading`` and ``labels`` are English message ids (marked with ``N_``); the catalogue
    translates them when the report is written.
    """

    key: str
    heading: str
    """The header in English; :meth:`header` gives it in a language."""
    numeric: bool = False
    """Whether the column holds counts or amounts, which a report sums in its total line."""
    labels: dict[str, str] | None = attrs.field(default=None, eq=False)
    """English labels (message ids) of the stable values the column holds, if any."""
    params: dict[str, str] = attrs.field(factory=dict, eq=False)
    """Values filled into ``heading`` after translation (an enum member's label)."""

    def header(self, lang: Lang | None = None) -> str:
        """The header in ``lang`` (``None``: the current language)."""
        params = {name: translate(value, lang) for name, value in self.params.items()}
        return translate(self.heading, lang, **params)

    @property
    def header_da(self) -> str:
        """The Danish header."""
        return self.header("da")

    @property
    def header_en(self) -> str:
        """The English header."""
        return self.header("en")

    def show(self, value: Any, lang: Lang | None = None) -> Any:
        """The value as a person reads it: a label for a stable value, else the value."""
        if self.labels is not None and isinstance(value, str) and value in self.labels:
            return translate(self.labels[value], lang)
        return value


@attrs.frozen(kw_only=True)
class RollUp:
    """A table across the plans of a portfolio."""

    name: str
    """A stable name (``"funnel_by_plan"``), usable as a file or sheet key."""
    heading: str
    """The title in English (a message id); :meth:`title` gives it in a language."""
    columns: tuple[RollUpColumn, ...]
    rows: tuple[tuple[Any, ...], ...]
    params: dict[str, Any] = attrs.field(factory=dict, eq=False)
    """Values filled into the title after translation (a date is written for the language)."""

    def title(self, lang: Lang | None = None) -> str:
        """The title in ``lang`` (``None``: the current language)."""
        params = {
            name: format_date(value, lang, format="long") if isinstance(value, dt.date) else value
            for name, value in self.params.items()
        }
        return translate(self.heading, lang, **params)

    @property
    def title_da(self) -> str:
        """The Danish title."""
        return self.title("da")

    @property
    def title_en(self) -> str:
        """The English title."""
        return self.title("en")

    @property
    def keys(self) -> tuple[str, ...]:
        """The stable column keys, in column order."""
        return tuple(c.key for c in self.columns)

    def as_dicts(self) -> list[dict[str, Any]]:
        """The rows as dicts keyed by the stable column keys."""
        keys = self.keys
        return [dict(zip(keys, row, strict=True)) for row in self.rows]

    def totals(self) -> tuple[Any, ...] | None:
        """The sum of each numeric column (``None`` elsewhere); ``None`` without numbers."""
        if not any(c.numeric for c in self.columns):
            return None
        return tuple(
            sum(row[i] or 0 for row in self.rows) if c.numeric else None
            for i, c in enumerate(self.columns)
        )


def _enum_labels(cls: Iterable[Any]) -> dict[str, str]:
    return {m.value: type(m).english_labels[m.value] for m in cls}


def _enum_count(member: Any, heading: str = "{label}", key: str = "{value}") -> RollUpColumn:
    """A count column headed by an enum member's label (``heading`` may add words)."""
    label = type(member).english_labels[member.value]
    return RollUpColumn(
        key=key.format(value=member.value), heading=heading, numeric=True, params={"label": label}
    )


_PLAN_COLUMNS = (
    RollUpColumn(key="plan_id", heading=N_("Plan id")),
    # "Master plan": the domain's word (helhedsplan), not the bare "Plan" used elsewhere.
    RollUpColumn(key="plan_name", heading=N_("Master plan")),
)


def _count(key: str, heading: str) -> RollUpColumn:
    return RollUpColumn(key=key, heading=heading, numeric=True)


def _text(key: str, heading: str, labels: dict[str, str] | None = None) -> RollUpColumn:
    return RollUpColumn(key=key, heading=heading, labels=labels)


#: Sector columns whose sector's own name would say something else: the municipal sector
#: counts the plan's municipal organisations, not the plan's municipality.
_SECTOR_COLUMNS = {
    ActorSector.MUNICIPALITY: ("municipal_organisations", N_("Municipal organisations")),
}


def _sector_column(sector: ActorSector) -> RollUpColumn:
    """The column counting a plan's organisations in ``sector``."""
    if sector in _SECTOR_COLUMNS:
        key, header = _SECTOR_COLUMNS[sector]
        return _count(key, header)
    return _enum_count(sector)


_KIND_LABELS = _coverage.KIND_LABELS
_GAP_KINDS = {
    "focus_area": N_("Focus area"),
    "target_group": N_("Target group"),
}


def _check_unique_plans(
    _: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]
) -> None:
    seen: dict[str, int] = {}
    for index, plan in enumerate(value):
        if not isinstance(plan, Plan):
            raise CfbuError(
                N_("a portfolio holds plans; item {index} is a {kind}"),
                index=index,
                kind=type(plan).__name__,
            )
        if plan.id in seen:
            raise DuplicatePlanError(
                N_(
                    "plan id {plan_id!r} appears twice in the portfolio ({first} and "
                    "{second}); rows of the two would not join apart"
                ),
                plan_id=plan.id,
                first=str(seen[plan.id]),
                second=str(index),
            )
        seen[plan.id] = index


@attrs.frozen
class Portfolio:
    """Many plans, rolled up. Plan ids must be unique, so rows join across plans."""

    plans: tuple[Plan, ...] = attrs.field(converter=freeze, validator=_check_unique_plans)
    notices: tuple[LoadNotice, ...] = attrs.field(default=(), converter=freeze, eq=False)
    """What :meth:`from_paths` skipped or counted once, one notice per file."""

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def from_paths(
        cls,
        paths: PathLike | Iterable[PathLike],
        *,
        progress: Progress | None = None,
        on_error: OnError = "raise",
    ) -> Portfolio:
        """Load every plan in ``paths``: files, and folders searched for files that an
        installed importer reads (``.json``, ``.xlsx``, ...). ``progress(done, total)`` is
        called after each file.

        The same plan exported in two formats (the same id, equal content) counts once, with
        a notice. A file that holds no plan raises :class:`~cfbu_toolkit.NotAPlanError`, and
        a *different* plan with an id already read raises
        :class:`~cfbu_toolkit.DuplicatePlanError`; with ``on_error="skip"`` such files are
        left out instead and :attr:`notices` says which and why.
        """
        if on_error not in ("raise", "skip"):
            raise CfbuError(
                N_("on_error must be {expected}, got {value!r}"),
                expected="'raise' or 'skip'",
                value=on_error,
            )
        files, notices = _search(paths, _plan_importers())
        plans: list[Plan] = []
        where: dict[str, tuple[Path, Plan]] = {}
        for done, path in enumerate(files, start=1):
            try:
                plan = _load_plan(path)
                if plan.id in where:
                    first, earlier = where[plan.id]
                    if plan != earlier:
                        raise DuplicatePlanError(
                            N_(
                                "{second}: plan id {plan_id!r} appears twice in the portfolio "
                                "with different content (also in {first}); read only one of "
                                "the two"
                            ),
                            plan_id=plan.id,
                            first=str(first),
                            second=str(path),
                        )
                    notices.append(
                        LoadNotice(
                            path=str(path),
                            message=N_("{path}: the same plan as {first}; counted once"),
                            params={"first": str(first)},
                        )
                    )
                else:
                    where[plan.id] = (path, plan)
                    plans.append(plan)
            except (NotAPlanError, DuplicatePlanError) as exc:
                if on_error == "raise":
                    raise
                notices.append(
                    LoadNotice(
                        path=str(path),
                        message=N_("{path}: skipped: {reason}"),
                        params={"reason": _reason(exc, path)},
                    )
                )
            if progress is not None:
                progress(done, len(files))
        return cls(plans, notices)

    @staticmethod
    def find_files(paths: PathLike | Iterable[PathLike]) -> list[Path]:
        """The files ``from_paths`` would read, in the order it reads them.

        Files named in ``paths`` are read whatever they are. In a folder, only files that
        an importer of whole plans takes: the one ``load`` chooses for the file's suffix
        declares the kind ``plan`` and, when it has a ``sniff``, recognises the file's
        first bytes (a stray ``.csv`` beside the plans is left out).
        """
        return _search(paths, _plan_importers())[0]

    # -- the whole -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.plans)

    def __iter__(self) -> Iterator[Plan]:
        return iter(self.plans)

    @staticmethod
    def kinds() -> tuple[str, ...]:
        """The kinds :meth:`rows` takes."""
        return tuple(TABLES)

    def rows(self, kind: str) -> list[dict[str, Any]]:
        """Flat dicts of one kind across every plan (see :mod:`cfbu_toolkit.analysis.rows`)."""
        return rows(self.plans, kind)

    def to_arrow(self, kind: str) -> pyarrow.Table:
        """The rows of one kind as a typed Arrow table (needs the ``arrow`` extra).

        Dates are ``date32``, counts ``int64``, enumerations dictionary-encoded with all
        their values; a kind without rows still has every column with its type."""
        from .arrow import arrow_table

        return arrow_table(self.plans, kind)

    def to_pandas(self, kind: str) -> pandas.DataFrame:
        """The rows of one kind as a pandas data frame, through :meth:`to_arrow`."""
        from .arrow import pandas_frame

        return pandas_frame(self.plans, kind)

    def to_parquet(self, folder: PathLike) -> list[Path]:
        """Write one Parquet file per kind (``<folder>/<kind>.parquet``), each with its
        schema even when empty; returns the files written."""
        from .arrow import write_parquet

        return write_parquet(self.plans, folder)

    def redact(self, privacy: Privacy, *, lang: Lang = "da", key: str = "") -> Portfolio:
        """Every plan under a privacy profile; pseudonyms are the same across plans."""
        if privacy == "keep":
            return self
        return Portfolio([redact(plan, privacy, lang=lang, key=key) for plan in self.plans])

    # -- roll-ups --------------------------------------------------------------------------

    def summary(self) -> RollUp:
        """One line per plan: what it holds."""
        columns = (
            *_PLAN_COLUMNS,
            _text("municipality", N_("Municipality")),
            _text("funding_period", N_("Funding"), _enum_labels(FundingPeriod)),
            _count("organisations", N_("Organisations")),
            _count("contacts", N_("Contact persons")),
            _count("mapping_entries", N_("Mapping entries")),
            _count("active_partners", N_("Active partners")),
            _count("collaboration_agreements", N_("Collaboration agreements")),
            _count("activity_agreements", N_("Activity agreements")),
            _count("dialogue_sessions", N_("Dialogue sessions")),
            _count("value_games", N_("Value games")),
            _count("workshops", N_("Workshops")),
        )
        rows = []
        for plan in self.plans:
            entries = [e for m in plan.mappings for e in m.entries]
            rows.append(
                (
                    plan.id,
                    plan.name,
                    plan.municipality,
                    plan.funding_period.value,
                    len(plan.organisations),
                    len(plan.contacts),
                    len(entries),
                    sum(e.status is CollaborationStatus.ACTIVE for e in entries),
                    len(plan.collaboration_agreements),
                    len(plan.activity_agreements),
                    len(plan.dialogue_sessions),
                    len(plan.value_games),
                    len(plan.workshops),
                )
            )
        return RollUp(
            name="summary",
            heading=N_("The plans at a glance"),
            columns=columns,
            rows=tuple(rows),
        )

    def organisations_by_sector(self) -> RollUp:
        """Organisations of each plan counted by sector."""
        sectors = list(ActorSector)
        columns = (
            *_PLAN_COLUMNS,
            *(_sector_column(s) for s in sectors),
            _count("total", N_("Total")),
        )
        rows = []
        for plan in self.plans:
            counts = Counter(org.sector for org in plan.organisations)
            rows.append(
                (plan.id, plan.name, *(counts[s] for s in sectors), len(plan.organisations))
            )
        return RollUp(
            name="organisations_by_sector",
            heading=N_("Organisations by sector"),
            columns=columns,
            rows=tuple(rows),
        )

    def funnel_by_plan(self) -> RollUp:
        """The collaboration funnel of each plan (all its mappings, each organisation once)."""
        stages = _coverage.FUNNEL_STAGES
        columns = (
            *_PLAN_COLUMNS,
            _count("mapped", N_("Mapped")),
            *(_enum_count(s, N_("Reached: {label}"), key="reached_{value}") for s in stages[1:]),
            _count("active_now", N_("Active now")),
            _count("paused", N_("Paused")),
            _count("ended", N_("Ended")),
            _count("deselected", N_("Deselected")),
        )
        rows = []
        for plan in self.plans:
            f = _coverage.funnel(plan)
            rows.append(
                (
                    plan.id,
                    plan.name,
                    f.total,
                    *(f.stage(s).reached for s in stages[1:]),
                    f.stage(CollaborationStatus.ACTIVE).current,
                    f.paused,
                    f.ended,
                    f.deselected,
                )
            )
        return RollUp(
            name="funnel_by_plan",
            heading=N_("Collaboration funnel by plan"),
            columns=columns,
            rows=tuple(rows),
        )

    def agreements_by_status(self) -> RollUp:
        """Collaboration and activity agreements of each plan counted by status."""
        statuses = list(AgreementStatus)
        columns = (
            *_PLAN_COLUMNS,
            _text("agreement_kind", N_("Kind of agreement"), _KIND_LABELS),
            *(_enum_count(s) for s in statuses),
            _count("total", N_("Total")),
        )
        rows = []
        for plan in self.plans:
            for kind, agreements in (
                ("collaboration_agreement", plan.collaboration_agreements),
                ("activity_agreement", plan.activity_agreements),
            ):
                counts = Counter(a.status for a in agreements)
                rows.append(
                    (plan.id, plan.name, kind, *(counts[s] for s in statuses), len(agreements))
                )
        return RollUp(
            name="agreements_by_status",
            heading=N_("Agreements by status"),
            columns=columns,
            rows=tuple(rows),
        )

    def coverage_by_focus_area(self, lang: Lang = "da") -> RollUp:
        """Each plan's mapping entries by focus area: mapped, in progress, active."""
        columns = (
            *_PLAN_COLUMNS,
            _text("focus_area", N_("Focus area (key)")),
            _text("focus_area_name", N_("Focus area")),
            _count("mapped", N_("Mapped")),
            _count("in_progress", N_("Contacted/in dialogue")),
            _count("active", N_("Active partners")),
        )
        rows = [
            (plan.id, plan.name, c.key, c.label(lang), c.mapped, c.in_progress, c.active)
            for plan in self.plans
            for c in _coverage.coverage(plan).by_focus_area
        ]
        return RollUp(
            name="coverage_by_focus_area",
            heading=N_("Coverage by focus area"),
            columns=columns,
            rows=tuple(rows),
        )

    def gaps_by_plan(self, lang: Lang = "da") -> RollUp:
        """Focus areas and target groups without an active partner, plan by plan."""
        columns = (
            *_PLAN_COLUMNS,
            _text("gap_kind", N_("What"), _GAP_KINDS),
            _text("key", N_("Key")),
            _text("name", N_("Name")),
            _count("mapped", N_("Mapped")),
            _count("in_progress", N_("Contacted/in dialogue")),
        )
        rows: list[tuple[Any, ...]] = []
        for plan in self.plans:
            found = _coverage.gaps(plan)
            rows += [
                (plan.id, plan.name, "focus_area", g.key, g.label(lang), g.mapped, g.in_progress)
                for g in found.focus_areas
            ]
            rows += [
                (
                    plan.id,
                    plan.name,
                    "target_group",
                    g.target_group.casefold(),
                    g.target_group,
                    g.mapped,
                    g.in_progress,
                )
                for g in found.target_groups
            ]
        return RollUp(
            name="gaps_by_plan",
            heading=N_("Gaps: no active partner"),
            columns=columns,
            rows=tuple(rows),
        )

    def follow_ups_due(self, on: dt.date) -> RollUp:
        """Follow-ups due on or before ``on`` in every plan, the oldest first."""
        status_labels = {
            **_enum_labels(CollaborationStatus),
            **_enum_labels(AgreementStatus),
        }
        columns = (
            *_PLAN_COLUMNS,
            _text("kind", N_("What"), _KIND_LABELS),
            _text("id", N_("Id")),
            _text("organisation", N_("Organisation")),
            RollUpColumn(key="due", heading=N_("Due")),
            _text("days_overdue", N_("Days overdue")),
            _text("action", N_("Next step/activity")),
            _text("status", N_("Status"), status_labels),
            _text("responsible_id", N_("Responsible (id)")),
            _text("responsible", N_("Responsible")),
        )
        rows = []
        for plan in self.plans:
            orgs = {o.id: o.name for o in plan.organisations}
            people = {c.id: c.name for c in plan.contacts}
            for f in _coverage.follow_ups_due(plan, on):
                rows.append(
                    (
                        plan.id,
                        plan.name,
                        f.kind,
                        f.id,
                        orgs.get(f.organisation_id or "", ""),
                        f.due,
                        f.days_overdue,
                        f.what,
                        f.status.value,
                        f.responsible_id,
                        people.get(f.responsible_id or "", ""),
                    )
                )
        rows.sort(key=lambda r: (r[5], r[0], r[2], r[3]))
        return RollUp(
            name="follow_ups_due",
            heading=N_("Follow-ups due by {on}"),
            params={"on": on},
            columns=columns,
            rows=tuple(rows),
        )

    def agreements_expiring(self, on: dt.date, within_days: int = 90) -> RollUp:
        """Signed or active agreements ending within ``within_days`` days of ``on``."""
        columns = (
            *_PLAN_COLUMNS,
            _text("kind", N_("Kind of agreement"), _KIND_LABELS),
            _text("id", N_("Id")),
            _text("title", N_("Title")),
            _text("status", N_("Status"), _enum_labels(AgreementStatus)),
            RollUpColumn(key="end", heading=N_("Ends")),
            _text("days_left", N_("Days left")),
            RollUpColumn(key="notice_by", heading=N_("Notice by")),
        )
        rows = [
            (
                plan.id,
                plan.name,
                a.kind,
                a.id,
                a.title,
                a.status.value,
                a.end,
                a.days_left,
                a.notice_by,
            )
            for plan in self.plans
            for a in _coverage.agreements_expiring(plan, on, within_days)
        ]
        rows.sort(key=lambda r: (r[6], r[0], r[2], r[3]))
        return RollUp(
            name="agreements_expiring",
            heading=N_("Agreements ending within {days} days of {on}"),
            params={"days": within_days, "on": on},
            columns=columns,
            rows=tuple(rows),
        )

    def roll_ups(
        self, on: dt.date, *, within_days: int = 90, lang: Lang = "da"
    ) -> tuple[RollUp, ...]:
        """Every roll-up, in the order a report shows them."""
        return (
            self.summary(),
            self.organisations_by_sector(),
            self.funnel_by_plan(),
            self.coverage_by_focus_area(lang),
            self.gaps_by_plan(lang),
            self.agreements_by_status(),
            self.follow_ups_due(on),
            self.agreements_expiring(on, within_days),
        )


def _reason(exc: CfbuError, path: Path) -> str:
    """The error's text without the path it starts with (the notice names the file)."""
    text = str(exc)
    for prefix in (f"{path}: ", f"{path}:"):
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text


def _load_plan(path: Path) -> Plan:
    """The plan in ``path``; :class:`NotAPlanError` when it holds none or cannot be read."""
    try:
        obj = load(path)
    except NotAPlanError:
        raise
    except CfbuError as exc:
        raise NotAPlanError(
            N_("{path}: cannot be read as a plan: {reason}"),
            path=str(path),
            reason=_reason(exc, path).replace("\n", " "),
        ) from exc
    if not isinstance(obj, Plan):
        raise NotAPlanError(
            N_("{path}: holds a {kind}, not a plan; a portfolio holds plans"),
            path=str(path),
            kind=kind_of(obj),
        )
    return obj


def _search(
    paths: PathLike | Iterable[PathLike], importers: dict[str, ImporterSpec]
) -> tuple[list[Path], list[LoadNotice]]:
    """The files to read, and a notice for each file in a folder whose format's importer
    (in ``importers``, by suffix) does not recognise it (see :meth:`Portfolio.find_files`)."""
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    found: list[Path] = []
    notices: list[LoadNotice] = []
    for item in map(Path, given):
        if item.is_dir():
            for path in sorted(
                p
                for p in item.rglob("*")
                if p.is_file()
                and p.suffix.lower() in importers
                and not any(part.startswith(".") for part in p.relative_to(item).parts)
            ):
                spec = importers[path.suffix.lower()]
                if _recognised(spec, path):
                    found.append(path)
                else:
                    notices.append(_not_recognised(path, spec))
        elif item.is_file():
            found.append(item)
        else:
            raise CfbuError(N_("{path}: no such file or folder"), path=item)
    if not found:
        known = ", ".join(sorted(importers))
        raise CfbuError(
            N_("no plan files found (looked for files ending in {known})"), known=known
        )
    return found, notices


def _plan_importers() -> dict[str, ImporterSpec]:
    """Each suffix whose importer (the one ``load`` chooses for it) reads whole plans.

    The only place the portfolio asks the plugin host anything."""
    chosen: dict[str, ImporterSpec] = {}
    for registered in get_host().importers().values():
        for suffix in registered.spec.suffixes:
            chosen.setdefault(suffix, registered.spec)
    return {suffix: spec for suffix, spec in chosen.items() if "plan" in spec.kinds}


def _recognised(spec: ImporterSpec, path: Path) -> bool:
    """Whether the importer's ``sniff`` (when it has one) takes the file's first bytes."""
    if spec.sniff is None:
        return True
    try:
        with path.open("rb") as handle:
            start = handle.read(SNIFF_BYTES)
    except OSError:
        return True  # reading it says what is wrong, in the error or notice of its own
    try:
        return bool(spec.sniff(start))
    except Exception:  # a broken sniffer matches nothing, as when load guesses a format
        return False


def _not_recognised(path: Path, spec: ImporterSpec) -> LoadNotice:
    return LoadNotice(
        path=str(path),
        message=N_("{path}: skipped: the {format} importer does not recognise it as its format"),
        params={"format": spec.name},
    )
