"""Where the memory of an Excel import goes, at several sizes.

    python benchmarks/memory_xlsx_import.py [--sizes 10000 40000]

For each size the exporter writes a mapping workbook once; then, each in a fresh
subprocess, (a) raw openpyxl read-only iteration over every sheet and (b) ``cfbu.load``
report their peak RSS growth, and (b) also what it still holds afterwards — the returned
model objects. Peak minus held is the importer's working memory beyond its result.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile

_CASE = r"""
import os, resource, sys, warnings
import openpyxl
import cfbu_toolkit as cfbu

def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

case, path = sys.argv[1], sys.argv[2]
cfbu.formats()
base = rss()
if case == "raw":
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for ws in wb.worksheets:
        ws.reset_dimensions()
        for _ in ws.iter_rows(values_only=True):
            pass
    wb.close()
    held = rss() - base
else:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = cfbu.load(path)
    held = rss() - base
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - base
print(f"{peak:.1f} {held:.1f}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 40_000])
    args = parser.parse_args()
    sys.path.insert(0, os.path.dirname(__file__))
    from bench_xlsx import make_mapping

    import cfbu_toolkit as cfbu

    print(
        f"{'entries':>8} {'raw peak':>9} {'cfbu peak':>10} {'cfbu held':>10} {'working':>8}  (MiB)"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = os.path.join(folder, f"mapping-{size}.xlsx")
            cfbu.export(make_mapping(size), path)  # type: ignore[call-overload]
            raw_peak, _ = _run("raw", path)
            peak, held = _run("cfbu", path)
            figures = (raw_peak, peak, held, peak - held)
            print(f"{size:>10}", " ".join(f"{x:>10.1f}" for x in figures))


def _run(case: str, path: str) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CASE, case, path], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), float(out[1])


if __name__ == "__main__":
    main()
