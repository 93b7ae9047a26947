"""Benchmark: Excel export of a mapping against raw openpyxl write-only, same cell values.

Run ``python benchmarks/bench_xlsx.py [--sizes 10000 100000] [--repeat 3]``. Each case runs
in its own subprocess, so peak RSS (ru_maxrss) is that case's alone; the figure reported is
the growth over the RSS after the mapping is built (the input itself is not counted). Also
times ``import cfbu_toolkit`` and ``cfbu --help`` against ``import attrs, cattrs, pluggy``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time


def make_mapping(n: int) -> object:
    import cfbu_toolkit as cfbu

    levels = list(cfbu.Level)
    statuses = list(cfbu.CollaborationStatus)
    entries = tuple(
        cfbu.MappingEntry(
            id=f"e{i}",
            organisation_id=f"org-{i % 500}",
            contact_id=f"c-{i % 300}" if i % 3 else None,
            services_offered=f"Lektiehjælp og åben rådgivning nr. {i}",
            target_groups="Børn og unge 12-17 år",
            possible_contribution="Lokaler om aftenen; frivillige",
            possible_barriers="=Travlhed" if i % 97 == 0 else "Travlhed i efterårsferien",
            what_matters="Tryghed og tillid",
            existing_relation=bool(i % 2),
            assessments=(
                cfbu.Assessment(
                    date=dt.date(2024, 1, 1) + dt.timedelta(days=i % 365),
                    status=statuses[i % len(statuses)],
                    relevance=levels[i % 3],
                    interest=levels[(i + 1) % 3],
                    influence=levels[(i + 2) % 3],
                ),
            ),
            next_step="Ring og aftal et møde",
            follow_up_on=dt.date(2025, 6, 1),
            notes="",
        )
        for i in range(n)
    )
    return cfbu.Mapping(id="map-bench", title="Kortlægning", entries=entries)


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_case(case: str, n: int) -> dict[str, float]:
    """One measurement, in this process: seconds and peak RSS growth in MiB."""
    import cfbu_toolkit as cfbu
    from cfbu_toolkit.excel.layout import BY_NAME

    mapping = make_mapping(n)
    import openpyxl  # noqa: F401 - loaded before the baseline, for both cases
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    base = _current_rss_mib()
    with tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False) as out:
        pass
    start = time.perf_counter()
    if case == "cfbu":
        cfbu.export(mapping, out.name)
    else:
        # The same cell values, as plainly as openpyxl takes them: labels, dates, strings.
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Kortlægning")
        table = BY_NAME["entries"]
        ws.append([c.da for c in table.columns])
        for e in mapping.entries:  # type: ignore[attr-defined]
            a = e.assessments[-1]
            d = WriteOnlyCell(ws, value=a.date)
            d.number_format = "dd-mm-yyyy"
            f = WriteOnlyCell(ws, value=e.follow_up_on)
            f.number_format = "dd-mm-yyyy"
            ws.append(
                [
                    e.id,
                    "map-bench",
                    e.organisation_id,
                    None,
                    e.contact_id,
                    e.services_offered,
                    e.target_groups,
                    None,
                    e.possible_contribution,
                    e.possible_barriers,
                    e.what_matters,
                    "Ja" if e.existing_relation else "Nej",
                    d,
                    a.status.label("da"),
                    a.relevance.label("da"),
                    a.interest.label("da"),
                    a.influence.label("da"),
                    None,
                    None,
                    e.next_step,
                    None,
                    f,
                    None,
                ]
            )
        wb.save(out.name)
    seconds = time.perf_counter() - start
    size = os.path.getsize(out.name)
    os.unlink(out.name)
    return {"seconds": seconds, "peak_growth_mib": _rss_mib() - base, "bytes": size}


def measure(case: str, n: int) -> dict[str, float]:
    code = (
        f"import json, sys; sys.path.insert(0, {os.path.dirname(__file__)!r}); "
        f"import bench_xlsx as b; print(json.dumps(b.run_case({case!r}, {n})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def best_time(argv: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, best of {args.repeat}")
    for n in args.sizes:
        results = {}
        for case in ("raw", "cfbu"):
            runs = [measure(case, n) for _ in range(args.repeat)]
            results[case] = {
                "seconds": min(r["seconds"] for r in runs),
                "peak_growth_mib": min(r["peak_growth_mib"] for r in runs),
                "bytes": runs[0]["bytes"],
            }
        raw, ours = results["raw"], results["cfbu"]
        print(
            f"{n:>7} entries: raw openpyxl {raw['seconds']:.2f} s, "
            f"peak +{raw['peak_growth_mib']:.1f} MiB | cfbu {ours['seconds']:.2f} s, "
            f"peak +{ours['peak_growth_mib']:.1f} MiB | "
            f"ratio {ours['seconds'] / raw['seconds']:.3f}"
            f" | file {ours['bytes'] / 2**20:.1f} MiB"
        )
    py = sys.executable
    cfbu_cli = os.path.join(os.path.dirname(py), "cfbu")
    base = best_time([py, "-c", "import attrs, cattrs, pluggy"], 5)
    imp = best_time([py, "-c", "import cfbu_toolkit"], 5)
    cli = best_time([cfbu_cli, "--help"], 5) if os.path.exists(cfbu_cli) else float("nan")
    print(
        f"import attrs, cattrs, pluggy {base * 1000:.0f} ms | import cfbu_toolkit "
        f"{imp * 1000:.0f} ms | cfbu --help {cli * 1000:.0f} ms "
        "(best of 5, with interpreter start)"
    )


if __name__ == "__main__":
    main()
