"""JSON dump and load of a large plan, against the same work written by hand, in one run.

    python benchmarks/bench_json.py [--entries N] [--repeat R] [--profile]

Builds a plan with N mapping entries (default 100,000; each with one or two dated
assessments and realistic Danish text) over a few hundred organisations and contacts,
then times, best of R (``time.perf_counter``):

dump
    ``cfbu_toolkit.export(plan, format="json")`` against a hand-written walk of the same
    objects into dicts + ``orjson.dumps`` with the same options (the bytes are checked to be
    identical), and, for reference, stdlib ``json.dumps`` of the hand-built dicts.
load
    ``cfbu_toolkit.load(data)`` (parse, strict structuring with paths, whole-plan
    validation) against ``orjson.loads`` + building the attrs objects by hand, calling the
    classes directly (the result is checked to be equal).

The garbage collector's state is printed; the hand-written load is timed with it on (as
such code is usually written) and, for comparison, paused (as ``load`` does). ``--profile``
adds a cProfile of one ``load``.

With pydantic installed (``pip install -r benchmarks/requirements.txt``), two more rows time
pydantic v2 on the same document with the equivalent strict model of
``benchmarks/pydantic_plan.py``: ``model_validate_json`` (load) and
``model_dump_json(indent=2)`` (dump); without it they are skipped with a line.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import json
import platform
import pstats
import random
import sys
import time
from collections.abc import Callable
from typing import Any

import orjson

import cfbu_toolkit as cfbu
from cfbu_toolkit import (
    ActorSector,
    ActorType,
    Assessment,
    CollaborationStatus,
    ContactPerson,
    FocusArea,
    FundingPeriod,
    LawfulBasis,
    Level,
    Mapping,
    MappingEntry,
    MappingMethod,
    Organisation,
    Period,
    Plan,
    ResourceKind,
)

OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE

# --- the plan ---------------------------------------------------------------------------------

_SERVICES = [
    "Lektiehjælp for børn i 3.-6. klasse, to eftermiddage om ugen i beboerhuset",
    "Jobvejledning og CV-værksted for unge ledige under 30 år",
    "Fodboldtræning for piger og drenge, mandag og onsdag kl. 16-18",
    "Sundhedsplejerskens åbne rådgivning for småbørnsforældre",
    "Gadeplansarbejde med unge om aftenen og i weekenden",
    "Madklub og fællesspisning for ældre beboere i afdeling 3",
]
_KINDS = ["Jobcenter", "Skole", "Klub", "Forening"]
_TARGETS = ["Børn 6-12 år", "Unge 15-25 år", "Forældre", "Ældre", "Ledige", "Nytilflyttere"]
_CONTRIBUTIONS = [
    "Kan stille lokaler og frivillige til rådighed; ønsker et fast kontaktpunkt",
    "Kan henvise unge til forløb og dele viden om målgruppen",
    "Kan bidrage med trænere, men mangler økonomi til udstyr",
]
_BARRIERS = [
    "Travlhed og skiftende medarbejdere",
    "Tavshedspligt gør det svært at dele oplysninger",
    "",
]
_NOTES = [
    "Møde aftalt i næste uge; følg op på aftale om lokaler.",
    "Tidligere samarbejde om sommerferieaktiviteter gik godt.",
    "",
    "Kontakt via hovedpostkassen; svarer typisk inden for en uge.",
]


def build_plan(entries: int, seed: int = 1) -> Plan:
    rng = random.Random(seed)
    orgs = tuple(
        Organisation(
            id=f"org-{i:04d}",
            name=f"Organisation nr. {i} – {rng.choice(_KINDS)}",
            sector=rng.choice(list(ActorSector)),
            actor_type=rng.choice(list(ActorType)),
            resource_kind=rng.choice(list(ResourceKind)),
            description=rng.choice(_SERVICES),
            website=f"https://eksempel{i}.dk",
            address=f"Æblevej {i}, 2620 Albertslund",
        )
        for i in range(max(10, min(500, entries // 100)))
    )
    contacts = tuple(
        ContactPerson(
            id=f"c-{i:04d}",
            name=f"{rng.choice(['Anne', 'Søren', 'Fatima', 'Jens'])} "
            f"{rng.choice(['Jensen', 'Ørum', 'Ali', 'Hansen'])}",
            organisation_id=orgs[i % len(orgs)].id,
            role="Koordinator",
            email=f"person{i}@eksempel.dk",
            phone=f"+45 {rng.randint(20, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
            f"{rng.randint(10, 99)}",
            lawful_basis=LawfulBasis.LEGITIMATE_INTEREST,
            retention_until=dt.date(2027, 12, 31),
        )
        for i in range(max(5, len(orgs) // 2))
    )
    areas = [a.value for a in FocusArea.of_period(FundingPeriod.LBF_2019_26)]
    made = []
    start = dt.date(2023, 1, 1)
    for i in range(entries):
        first = start + dt.timedelta(days=rng.randint(0, 300))
        history = [
            Assessment(
                date=first,
                status=CollaborationStatus.POTENTIAL,
                relevance=rng.choice(list(Level)),
                interest=rng.choice(list(Level)),
                influence=rng.choice(list(Level)),
                assessed_by=rng.choice(contacts).id,
                note=rng.choice(_NOTES),
            )
        ]
        if rng.random() < 0.5:
            history.append(
                Assessment(
                    date=first + dt.timedelta(days=rng.randint(1, 200)),
                    status=rng.choice(list(CollaborationStatus)),
                    relevance=rng.choice(list(Level)),
                    interest=rng.choice(list(Level)),
                    influence=rng.choice(list(Level)),
                    note=rng.choice(_NOTES),
                )
            )
        made.append(
            MappingEntry(
                id=f"e-{i:06d}",
                organisation_id=rng.choice(orgs).id,
                contact_id=rng.choice(contacts).id if rng.random() < 0.7 else None,
                services_offered=rng.choice(_SERVICES),
                target_groups=rng.choice(_TARGETS),
                focus_areas=tuple(rng.sample(areas, rng.randint(0, 2))),
                possible_contribution=rng.choice(_CONTRIBUTIONS),
                possible_barriers=rng.choice(_BARRIERS),
                what_matters="At indsatsen er forankret lokalt og tager udgangspunkt i beboerne",
                existing_relation=rng.random() < 0.3,
                assessments=tuple(history),
                next_step="Ring og aftal møde",
                responsible_id=rng.choice(contacts).id,
                follow_up_on=first + dt.timedelta(days=30) if rng.random() < 0.5 else None,
                notes=rng.choice(_NOTES),
            )
        )
    return Plan(
        id="plan-bench",
        name="Helhedsplan Benchmark 2022-2026",
        area="Æblehaven",
        municipality="Albertslund Kommune",
        housing_departments=("Afd. 1", "Afd. 3"),
        focus_areas=tuple(areas),
        period=Period(start=dt.date(2022, 7, 1), end=dt.date(2026, 6, 30)),
        budget_dkk=12_000_000,
        organisations=orgs,
        contacts=contacts,
        mappings=(
            Mapping(
                id="m-1",
                title="Kortlægning af samarbejdsaktører",
                date=dt.date(2023, 1, 15),
                methods=(MappingMethod.DESK, MappingMethod.WORKSHOP),
                conducted_by=(contacts[0].id,),
                entries=tuple(made),
            ),
        ),
    )


# --- dump by hand -------------------------------------------------------------------------


def _d(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _period(p: Period) -> dict[str, Any]:
    return {"start": _d(p.start), "end": _d(p.end)}


def _org(o: Organisation) -> dict[str, Any]:
    return {
        "id": o.id,
        "name": o.name,
        "sector": o.sector.value,
        "actor_type": o.actor_type.value,
        "resource_kind": o.resource_kind.value,
        "description": o.description,
        "website": o.website,
        "address": o.address,
        "cvr": o.cvr,
    }


def _contact(c: ContactPerson) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "organisation_id": c.organisation_id,
        "role": c.role,
        "email": c.email,
        "phone": c.phone,
        "lawful_basis": c.lawful_basis.value,
        "consent_on": _d(c.consent_on),
        "retention_until": _d(c.retention_until),
    }


def _level(v: Level | None) -> str | None:
    return None if v is None else v.value


def _assessment(a: Assessment) -> dict[str, Any]:
    return {
        "date": a.date.isoformat(),
        "status": a.status.value,
        "relevance": _level(a.relevance),
        "interest": _level(a.interest),
        "influence": _level(a.influence),
        "assessed_by": a.assessed_by,
        "note": a.note,
    }


def _entry(e: MappingEntry) -> dict[str, Any]:
    return {
        "id": e.id,
        "organisation_id": e.organisation_id,
        "contact_id": e.contact_id,
        "services_offered": e.services_offered,
        "target_groups": e.target_groups,
        "focus_areas": list(e.focus_areas),
        "possible_contribution": e.possible_contribution,
        "possible_barriers": e.possible_barriers,
        "what_matters": e.what_matters,
        "existing_relation": e.existing_relation,
        "assessments": [_assessment(a) for a in e.assessments],
        "next_step": e.next_step,
        "responsible_id": e.responsible_id,
        "follow_up_on": _d(e.follow_up_on),
        "notes": e.notes,
    }


def _mapping(m: Mapping) -> dict[str, Any]:
    return {
        "id": m.id,
        "title": m.title,
        "indsats_id": m.indsats_id,
        "geographic_scope": m.geographic_scope,
        "date": _d(m.date),
        "methods": [x.value for x in m.methods],
        "conducted_by": list(m.conducted_by),
        "entries": [_entry(e) for e in m.entries],
    }


def plan_by_hand(p: Plan) -> dict[str, Any]:
    """The benchmark plan's fields; the kinds it leaves empty are written as []."""
    return {
        "format": "cfbu-toolkit",
        "schema_version": 1,
        "kind": "plan",
        "data": {
            "id": p.id,
            "name": p.name,
            "area": p.area,
            "municipality": p.municipality,
            "housing_departments": list(p.housing_departments),
            "funding_period": p.funding_period.value,
            "focus_areas": list(p.focus_areas),
            "custom_focus_areas": [],
            "period": _period(p.period),
            "budget_dkk": p.budget_dkk,
            "cofinancing": [],
            "catalogue_version": p.catalogue_version,
            "organisations": [_org(o) for o in p.organisations],
            "contacts": [_contact(c) for c in p.contacts],
            "indsatser": [],
            "groups": [],
            "mappings": [_mapping(m) for m in p.mappings],
            "dialogue_tools": [],
            "dialogue_sessions": [],
            "collaboration_agreements": [],
            "activity_agreements": [],
            "value_games": [],
            "workshops": [],
        },
    }


def dump_by_hand(p: Plan) -> bytes:
    return orjson.dumps(plan_by_hand(p), option=OPTIONS)


def dump_stdlib(p: Plan) -> bytes:
    text = json.dumps(plan_by_hand(p), indent=2, ensure_ascii=False) + "\n"
    return text.encode()


# --- load by hand -----------------------------------------------------------------------------


def _date(s: str | None) -> dt.date | None:
    return None if s is None else dt.date.fromisoformat(s)


def _opt_level(s: str | None) -> Level | None:
    return None if s is None else Level(s)


def load_by_hand(data: bytes) -> Plan:
    doc = orjson.loads(data)
    d = doc["data"]
    mappings = []
    for m in d["mappings"]:
        entries = []
        for e in m["entries"]:
            assessments = tuple(
                Assessment(
                    date=dt.date.fromisoformat(a["date"]),
                    status=CollaborationStatus(a["status"]),
                    relevance=_opt_level(a["relevance"]),
                    interest=_opt_level(a["interest"]),
                    influence=_opt_level(a["influence"]),
                    assessed_by=a["assessed_by"],
                    note=a["note"],
                )
                for a in e["assessments"]
            )
            entries.append(
                MappingEntry(
                    id=e["id"],
                    organisation_id=e["organisation_id"],
                    contact_id=e["contact_id"],
                    services_offered=e["services_offered"],
                    target_groups=e["target_groups"],
                    focus_areas=tuple(e["focus_areas"]),
                    possible_contribution=e["possible_contribution"],
                    possible_barriers=e["possible_barriers"],
                    what_matters=e["what_matters"],
                    existing_relation=e["existing_relation"],
                    assessments=assessments,
                    next_step=e["next_step"],
                    responsible_id=e["responsible_id"],
                    follow_up_on=_date(e["follow_up_on"]),
                    notes=e["notes"],
                )
            )
        mappings.append(
            Mapping(
                id=m["id"],
                title=m["title"],
                indsats_id=m["indsats_id"],
                geographic_scope=m["geographic_scope"],
                date=_date(m["date"]),
                methods=tuple(MappingMethod(x) for x in m["methods"]),
                conducted_by=tuple(m["conducted_by"]),
                entries=tuple(entries),
            )
        )
    return Plan(
        id=d["id"],
        name=d["name"],
        area=d["area"],
        municipality=d["municipality"],
        housing_departments=tuple(d["housing_departments"]),
        funding_period=FundingPeriod(d["funding_period"]),
        focus_areas=tuple(d["focus_areas"]),
        period=Period(start=_date(d["period"]["start"]), end=_date(d["period"]["end"])),
        budget_dkk=d["budget_dkk"],
        catalogue_version=d["catalogue_version"],
        organisations=tuple(
            Organisation(
                id=o["id"],
                name=o["name"],
                sector=ActorSector(o["sector"]),
                actor_type=ActorType(o["actor_type"]),
                resource_kind=ResourceKind(o["resource_kind"]),
                description=o["description"],
                website=o["website"],
                address=o["address"],
                cvr=o["cvr"],
            )
            for o in d["organisations"]
        ),
        contacts=tuple(
            ContactPerson(
                id=c["id"],
                name=c["name"],
                organisation_id=c["organisation_id"],
                role=c["role"],
                email=c["email"],
                phone=c["phone"],
                lawful_basis=LawfulBasis(c["lawful_basis"]),
                consent_on=_date(c["consent_on"]),
                retention_until=_date(c["retention_until"]),
            )
            for c in d["contacts"]
        ),
        mappings=tuple(mappings),
    )


def load_by_hand_gc_paused(data: bytes) -> Plan:
    enabled = gc.isenabled()
    gc.disable()
    try:
        return load_by_hand(data)
    finally:
        if enabled:
            gc.enable()


# --- pydantic v2, an equivalent strict model (benchmarks/pydantic_plan.py) ---------------------


def _pydantic_rows(plan: Plan, data: bytes, repeat: int) -> list[tuple[str, float]]:
    """pydantic's load and dump of the same document, or nothing (with a line) without it."""
    try:
        import pydantic_plan
    except ImportError:
        print("pydantic is not installed: its rows are skipped (pip install pydantic)")
        return []
    model = pydantic_plan.Document.model_validate_json(data)
    if orjson.loads(model.model_dump_json()) != orjson.loads(data):
        print("pydantic's model does not give the document back; its rows are skipped")
        return []
    return [
        (
            "load  pydantic model_validate_json",
            best(lambda: pydantic_plan.Document.model_validate_json(data), repeat),
        ),
        (
            "dump  pydantic model_dump_json(indent=2)",
            best(lambda: model.model_dump_json(indent=2), repeat),
        ),
    ]


# --- timing -------------------------------------------------------------------------------------


def best(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="cProfile one load")
    args = parser.parse_args(argv)

    print(
        f"python {platform.python_version()}, orjson {orjson.__version__}, "
        f"cfbu_toolkit {cfbu.__version__}"
    )
    print(f"gc enabled: {gc.isenabled()}, thresholds {gc.get_threshold()}")
    started = time.perf_counter()
    plan = build_plan(args.entries)
    entries = sum(len(m.entries) for m in plan.mappings)
    assessments = sum(len(e.assessments) for m in plan.mappings for e in m.entries)
    print(
        f"plan: {entries} entries, {assessments} assessments, "
        f"{len(plan.organisations)} organisations, {len(plan.contacts)} contacts "
        f"(built in {time.perf_counter() - started:.1f} s)"
    )

    data = cfbu.export(plan, format="json")
    if dump_by_hand(plan) != data:
        print("the hand-written dump differs from export(); the comparison is void")
        return 1
    if load_by_hand(data) != plan or cfbu.load(data) != plan:
        print("a load did not give the plan back; the comparison is void")
        return 1
    print(f"document: {len(data) / 1e6:.1f} MB; best of {args.repeat}\n")

    rows = [
        (
            "dump  export(format='json')",
            best(lambda: cfbu.export(plan, format="json"), args.repeat),
        ),
        ("dump  by hand + orjson.dumps", best(lambda: dump_by_hand(plan), args.repeat)),
        ("dump  by hand + json.dumps", best(lambda: dump_stdlib(plan), args.repeat)),
        ("load  load(bytes)", best(lambda: cfbu.load(data), args.repeat)),
        ("load  orjson.loads + by hand (gc on)", best(lambda: load_by_hand(data), args.repeat)),
        (
            "load  orjson.loads + by hand (gc paused)",
            best(lambda: load_by_hand_gc_paused(data), args.repeat),
        ),
    ]
    rows += _pydantic_rows(plan, data, args.repeat)
    for label, seconds in rows:
        print(f"{label:<42} {seconds * 1000:9.1f} ms")
    print()
    dump_ratio = rows[0][1] / rows[1][1]
    load_ratio = rows[3][1] / rows[4][1]
    load_ratio_paused = rows[3][1] / rows[5][1]
    print(f"dump ratio  export / (by hand + orjson):          {dump_ratio:.2f}x")
    print(f"dump ratio  (by hand + json) / (by hand + orjson): {rows[2][1] / rows[1][1]:.2f}x")
    print(f"load ratio  load / (orjson + by hand, gc on):      {load_ratio:.2f}x")
    print(f"load ratio  load / (orjson + by hand, gc paused):  {load_ratio_paused:.2f}x")
    if len(rows) > 6:
        print(f"load ratio  load / pydantic model_validate_json:   {rows[3][1] / rows[6][1]:.2f}x")
        print(f"dump ratio  export / pydantic model_dump_json:     {rows[0][1] / rows[7][1]:.2f}x")
    print(f"gc enabled after the run: {gc.isenabled()}")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        cfbu.load(data)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(15)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
