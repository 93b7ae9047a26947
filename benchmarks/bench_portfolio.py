"""Benchmark: a portfolio of 100 plans x 500 mapping entries.

Measures, in one run and on the same data:

* ``Portfolio.rows("mapping_entry")`` plus two roll-ups (the funnel and organisations by
  sector), against a plain-Python loop over the plans' JSON-ready dicts
  (``cfbu.to_dict(plan)``) that builds the same rows and counts;
* the Markdown and Excel reports, against the same plain loop writing its counts as a
  Markdown table.

Prints the times (best of ``--repeat``) and the ratios library / plain loop.

    .venv/bin/python benchmarks/bench_portfolio.py [--plans 100] [--entries 500] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import cfbu_toolkit as cfbu
from cfbu_toolkit.analysis.portfolio import Portfolio
from cfbu_toolkit.report import render_report

S = cfbu.CollaborationStatus
HISTORIES = (
    (S.POTENTIAL,),
    (S.POTENTIAL, S.CONTACTED),
    (S.POTENTIAL, S.CONTACTED, S.IN_DIALOGUE),
    (S.CONTACTED, S.IN_DIALOGUE, S.ACTIVE),
    (S.POTENTIAL, S.ACTIVE, S.PAUSED),
    (S.POTENTIAL, S.CONTACTED, S.DESELECTED),
    (S.CONTACTED, S.ACTIVE, S.ENDED),
)
SECTORS = list(cfbu.ActorSector)
LEVELS = list(cfbu.Level)


def build_plan(index: int, entries: int) -> cfbu.Plan:
    start = dt.date(2024, 1, 1)
    organisations = [
        cfbu.Organisation(
            id=f"o{i}", name=f"Organisation {i}", sector=SECTORS[(i * 7 + index) % len(SECTORS)]
        )
        for i in range(entries)
    ]
    mapping_entries = []
    for i in range(entries):
        history = HISTORIES[(i + index) % len(HISTORIES)]
        mapping_entries.append(
            cfbu.MappingEntry(
                id=f"e{i}",
                organisation_id=f"o{i}",
                focus_areas=("employment",) if i % 3 else (),
                services_offered="Rådgivning og aktiviteter for unge",
                assessments=[
                    cfbu.Assessment(
                        date=start + dt.timedelta(days=30 * step),
                        status=status,
                        interest=LEVELS[(i + step) % 3],
                        influence=LEVELS[(i * 2 + step) % 3],
                    )
                    for step, status in enumerate(history)
                ],
                follow_up_on=start + dt.timedelta(days=i % 200),
                next_step="Ring og aftal møde",
            )
        )
    return cfbu.Plan(
        id=f"plan-{index:03d}",
        name=f"Helhedsplan {index}",
        focus_areas=("employment", "crime_prevention"),
        organisations=organisations,
        mappings=[cfbu.Mapping(id="m1", title="Kortlægning", entries=mapping_entries)],
    )


def best(repeat: int, work: Callable[[], Any]) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return min(times)


# -- the library ----------------------------------------------------------------------------


def library_rollup(portfolio: Portfolio) -> tuple[int, Any, Any]:
    rows = portfolio.rows("mapping_entry")
    return len(rows), portfolio.funnel_by_plan(), portfolio.organisations_by_sector()


# -- the plain loop over the same data as dicts ----------------------------------------------

STAGE = {"potential": 0, "contacted": 1, "in_dialogue": 2, "active": 3}
ENTRY_FIELDS = (
    "organisation_id",
    "contact_id",
    "services_offered",
    "target_groups",
    "possible_contribution",
    "possible_barriers",
    "what_matters",
    "existing_relation",
)


def plain_rollup(plans: list[dict[str, Any]]) -> tuple[int, list[Any], list[Any]]:
    rows = []
    funnel = []
    sectors = []
    for plan in plans:
        counts: Counter[str] = Counter()
        reached = [0, 0, 0, 0]
        for mapping in plan["mappings"]:
            for entry in mapping["entries"]:
                current = entry["assessments"][-1]
                row = {"plan_id": plan["id"], "mapping_id": mapping["id"]}
                row["mapping_entry_id"] = entry["id"]
                for name in ENTRY_FIELDS:
                    row[name] = entry[name]
                row["focus_areas"] = ";".join(entry["focus_areas"])
                row["status"] = current["status"]
                row["relevance"] = current["relevance"]
                row["interest"] = current["interest"]
                row["influence"] = current["influence"]
                row["assessed_on"] = current["date"]
                row["next_step"] = entry["next_step"]
                row["responsible_id"] = entry["responsible_id"]
                row["follow_up_on"] = entry["follow_up_on"]
                row["notes"] = entry["notes"]
                rows.append(row)
                counts[current["status"]] += 1
                furthest = max(STAGE.get(a["status"], 0) for a in entry["assessments"])
                for stage in range(furthest + 1):
                    reached[stage] += 1
        funnel.append(
            (
                plan["id"],
                plan["name"],
                *reached,
                counts["active"],
                counts["paused"],
                counts["ended"],
                counts["deselected"],
            )
        )
        by_sector = Counter(org["sector"] for org in plan["organisations"])
        sectors.append((plan["id"], plan["name"], *(by_sector[s.value] for s in SECTORS)))
    return len(rows), funnel, sectors


def plain_report(plans: list[dict[str, Any]]) -> str:
    _, funnel, sectors = plain_rollup(plans)
    lines = ["# Rapport", ""]
    for table in (funnel, sectors):
        lines.append("| " + " | ".join(f"k{i}" for i in range(len(table[0]))) + " |")
        lines.append("| " + " | ".join("---" for _ in table[0]) + " |")
        lines += ["| " + " | ".join(str(v) for v in row) + " |" for row in table]
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=100)
    parser.add_argument("--entries", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--rollup-only", action="store_true", help="only rows + roll-up, not the reports"
    )
    args = parser.parse_args()

    began = time.perf_counter()
    plans = [build_plan(i, args.entries) for i in range(args.plans)]
    portfolio = Portfolio(plans)
    dicts = [cfbu.to_dict(plan) for plan in plans]
    print(
        f"built {args.plans} plans x {args.entries} entries "
        f"({args.plans * args.entries:,} mapping entries) in {time.perf_counter() - began:.1f} s"
    )

    # Same answers first, so the comparison is fair.
    n_lib, funnel, sectors = library_rollup(portfolio)
    n_plain, plain_funnel, plain_sectors = plain_rollup(dicts)
    assert n_lib == n_plain == args.plans * args.entries
    for lib_row, plain_row in zip(funnel.rows, plain_funnel, strict=True):
        assert lib_row[:6] == plain_row[:6], (lib_row, plain_row)
    for lib_row, plain_row in zip(sectors.rows, plain_sectors, strict=True):
        assert lib_row[:-1] == plain_row, (lib_row, plain_row)

    on = dt.date(2024, 6, 1)
    results = {
        "rows + roll-up (library)": best(args.repeat, lambda: library_rollup(portfolio)),
        "rows + roll-up (plain loop over dicts)": best(args.repeat, lambda: plain_rollup(dicts)),
    }
    if args.rollup_only:
        for name, seconds in results.items():
            print(f"{name:<40} {seconds * 1000:9.1f} ms")
        ratio = (
            results["rows + roll-up (library)"] / results["rows + roll-up (plain loop over dicts)"]
        )
        print(f"ratio rows + roll-up, library / plain: {ratio:.2f}")
        return
    results |= {
        "report .md (library)": best(
            args.repeat, lambda: render_report(portfolio, "markdown", on=on)
        ),
        "report .xlsx (library)": best(
            args.repeat, lambda: render_report(portfolio, "xlsx", on=on)
        ),
        "report .md (plain loop over dicts)": best(args.repeat, lambda: plain_report(dicts)),
    }
    for name, seconds in results.items():
        print(f"{name:<40} {seconds * 1000:9.1f} ms")
    plain = results["rows + roll-up (plain loop over dicts)"]
    plain_md = results["report .md (plain loop over dicts)"]
    print(
        f"ratio rows + roll-up, library / plain: {results['rows + roll-up (library)'] / plain:.2f}"
    )
    print(
        f"ratio report .md, library / plain:     {results['report .md (library)'] / plain_md:.2f}"
    )
    print(
        f"ratio report .xlsx, library / plain .md: "
        f"{results['report .xlsx (library)'] / plain_md:.2f}"
    )


if __name__ == "__main__":
    main()
