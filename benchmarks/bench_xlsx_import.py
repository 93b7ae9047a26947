"""Benchmark: importing a workbook of mapping entries against raw openpyxl read-only
iteration over the same file, in the same run.

Run ``python benchmarks/bench_xlsx_import.py [--sizes 100000] [--repeat 3]``. The workbook
is written once by the exporter; each case runs in its own subprocess and reports its time
and its peak RSS growth (ru_maxrss over the RSS before reading). The raw case opens the file
read-only (with ``reset_dimensions()``, as the importer does) and iterates every sheet's
values; the cfbu case is ``cfbu.load``, which also builds and validates the model objects.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))


def run_case(case: str, path: str) -> dict[str, float]:
    import resource
    import warnings

    import openpyxl

    import cfbu_toolkit as cfbu

    # Finding the installed formats happens once per process, on first use (as in
    # bench_xlsx.py); it is not part of reading a workbook.
    cfbu.formats()
    with open("/proc/self/statm") as f:
        base = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    start = time.perf_counter()
    if case in ("raw", "raw-defused"):
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        cells = 0
        for ws in wb.worksheets:
            ws.reset_dimensions()
            for row in ws.iter_rows(values_only=True):
                cells += len(row)
        wb.close()
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            cfbu.load(path)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "peak_growth_mib": peak - base}


def measure(case: str, path: str) -> dict[str, float]:
    code = (
        f"import json, sys; sys.path.insert(0, {os.path.dirname(__file__)!r}); "
        f"import bench_xlsx_import as b; print(json.dumps(b.run_case({case!r}, {path!r})))"
    )
    # openpyxl parses through defusedxml whenever it is installed; the "raw" case and the
    # library's own case run with the standard parser, "raw-defused" with defusedxml.
    env = dict(os.environ, OPENPYXL_DEFUSEDXML="True" if case == "raw-defused" else "False")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def write_workbook(path: str, n: int) -> None:
    """The benchmark's workbook: a mapping of ``n`` entries, written by the exporter."""
    from bench_xlsx import make_mapping

    import cfbu_toolkit as cfbu

    mapping = make_mapping(n)
    cfbu.export(mapping, path)
    assert cfbu.load(path) == mapping, "the benchmark file must read back equal"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, best of {args.repeat}")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "mapping.xlsx")
            write_workbook(path, n)
            size = os.path.getsize(path)
            results = {}
            cases = ["raw", "cfbu"]
            if importlib.util.find_spec("defusedxml") is not None:
                cases.insert(1, "raw-defused")
            found: dict[str, list[dict[str, float]]] = {case: [] for case in cases}
            for _ in range(args.repeat):  # take turns, so load on the machine hits each alike
                for case in cases:
                    found[case].append(measure(case, path))
            for case, runs in found.items():
                results[case] = {
                    "seconds": min(r["seconds"] for r in runs),
                    "peak_growth_mib": min(r["peak_growth_mib"] for r in runs),
                }
        raw, ours = results["raw"], results["cfbu"]
        print(
            f"{n:>7} entries ({size / 2**20:.1f} MiB): raw read-only {raw['seconds']:.2f} s, "
            f"peak +{raw['peak_growth_mib']:.1f} MiB | cfbu.load {ours['seconds']:.2f} s, "
            f"peak +{ours['peak_growth_mib']:.1f} MiB | ratio "
            f"{ours['seconds'] / raw['seconds']:.3f} (aim 1.20)"
        )
        if "raw-defused" in results:
            defused = results["raw-defused"]["seconds"]
            print(
                f"{'':>7} raw read-only through defusedxml {defused:.2f} s = "
                f"{defused / raw['seconds']:.2f}x the standard parser"
            )


if __name__ == "__main__":
    main()
