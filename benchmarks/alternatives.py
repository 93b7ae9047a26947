"""The library against the alternatives doing the same work, in one run: issue 15's table.

    python benchmarks/alternatives.py [--repeat 3] [--quick]

Needs the benchmark dependencies (``pip install -r benchmarks/requirements.txt``:
XlsxWriter, pydantic v2, defusedxml); a row whose alternative is missing is skipped with a
line. Every measurement runs in a fresh subprocess (what a process does once, such as finding the
installed formats or building the converter's hooks, is done before the clock starts); the
cases of a row take turns
(alternative, library, alternative, ...) so a busy machine slows each alike, and the best
of ``--repeat`` is kept. Nothing here asserts a timing: it prints figures and ratios.

Rows (``--quick`` divides the sizes by ten, to try the script):

read a workbook, 20,000 entries
    ``cfbu_toolkit.load`` against openpyxl read-only iteration over every sheet of the
    same file with the standard library's parser (and, for reference, through defusedxml).
write a workbook, 20,000 entries
    ``cfbu_toolkit.export`` against openpyxl write-only and XlsxWriter constant-memory
    writing the same cells (``bench_xlsx.py``).
load / dump JSON, 50,000 entries
    ``cfbu_toolkit.load`` / ``export`` against pydantic v2 ``model_validate_json`` /
    ``model_dump_json(indent=2)`` with the equivalent strict model of ``pydantic_plan.py``.
import
    ``import cfbu_toolkit`` against ``import attrs, cattrs, pluggy`` (time inside the
    interpreter, without its start); the first real use, ``from cfbu_toolkit import Plan,
    load``, is shown beside it.
roll-up of 100 plans x 500 entries
    ``Portfolio.rows`` + funnel + sector counts against a plain loop over the same dicts
    (``bench_portfolio.py``).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


# -- cases, each run in its own process ---------------------------------------------------


def _json_case(case: str, entries: int) -> float:
    import bench_json

    import cfbu_toolkit as cfbu

    plan = bench_json.build_plan(entries)
    data = cfbu.export(plan, format="json")
    if case.startswith("pydantic"):
        from pydantic_plan import Document

        document = Document.model_validate_json(data)
        work: Callable[[], object] = (
            (lambda: Document.model_validate_json(data))
            if case == "pydantic-load"
            else (lambda: document.model_dump_json(indent=2))
        )
    else:
        work = (
            (lambda: cfbu.load(data))
            if case == "cfbu-load"
            else (lambda: cfbu.export(plan, format="json"))
        )
    work()  # the first call builds what a process builds once (hooks, caches): not timed
    best = float("inf")
    for _ in range(3):  # a dump takes a third of a second: one alone is mostly noise
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


_IMPORTS = {
    "import-base": "import attrs, cattrs, pluggy",
    "import-cfbu": "import cfbu_toolkit",
    "import-cfbu-use": "from cfbu_toolkit import Plan, load",
}


def _rollup_case(case: str) -> float:
    """The best of five roll-ups in this process (each a fifth of a second: one alone is
    mostly noise); the library's on a fresh portfolio each time, so nothing is reused."""
    import bench_portfolio as b

    import cfbu_toolkit as cfbu
    from cfbu_toolkit.analysis import Portfolio

    plans = [b.build_plan(i, 500) for i in range(100)]
    dicts = [cfbu.to_dict(plan) for plan in plans]
    b.library_rollup(Portfolio(plans))  # the first call builds the row makers: not timed
    b.plain_rollup(dicts)
    best = float("inf")
    for _ in range(5):
        portfolio = Portfolio(plans)
        start = time.perf_counter()
        if case == "rollup-cfbu":
            b.library_rollup(portfolio)
        else:
            b.plain_rollup(dicts)
        best = min(best, time.perf_counter() - start)
    return best


def run_case(case: str, arg: str) -> float:
    """Seconds for one case, in this process."""
    if case in _IMPORTS:
        start = time.perf_counter()
        exec(_IMPORTS[case], {})
        return time.perf_counter() - start
    if case.startswith(("cfbu-load", "cfbu-dump", "pydantic")):
        return _json_case(case, int(arg))
    if case.startswith("rollup"):
        return _rollup_case(case)
    raise SystemExit(f"unknown case {case}")


def measure(case: str, arg: str, env: dict[str, str] | None = None) -> float:
    code = (
        f"import sys; sys.path.insert(0, {HERE!r}); import alternatives as a; "
        f"print(a.run_case({case!r}, {arg!r}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **(env or {})},
    )
    return float(out.stdout.strip().splitlines()[-1])


# -- the table ------------------------------------------------------------------------------


def interleaved(cases: dict[str, Callable[[], float]], repeat: int) -> dict[str, float]:
    """Best of ``repeat`` for each case, the cases taking turns."""
    best = dict.fromkeys(cases, float("inf"))
    for _ in range(repeat):
        for name, run in cases.items():
            best[name] = min(best[name], run())
    return best


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _row(work: str, ours: float, alternatives: list[tuple[str, float]], aim: str) -> None:
    theirs = " / ".join(f"{name} {sec:.3f} s" for name, sec in alternatives)
    ratios = " / ".join(f"{ours / sec:.2f}x" for _, sec in alternatives)
    print(f"| {work} | {ours:.3f} s | {theirs} | {ratios} | {aim} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="sizes divided by ten")
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    workbook_entries, json_entries = 20_000 // scale, 50_000 // scale
    import bench_xlsx
    import bench_xlsx_import

    print(
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores, "
        f"load {os.getloadavg()[0]:.1f}; best of {args.repeat}, fresh process per case\n"
    )
    print("| Work | cfbu_toolkit | The alternative, same work | Ratio | Aim |")
    print("| --- | --- | --- | --- | --- |")

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "mapping.xlsx")
        bench_xlsx_import.write_workbook(path, workbook_entries)
        read = {
            "raw": lambda: bench_xlsx_import.measure("raw", path)["seconds"],
            "cfbu": lambda: bench_xlsx_import.measure("cfbu", path)["seconds"],
        }
        if _has("defusedxml"):
            read["defused"] = lambda: bench_xlsx_import.measure("raw-defused", path)["seconds"]
        got = interleaved(read, args.repeat)
        others = [("openpyxl read-only", got["raw"])]
        if "defused" in got:
            others.append(("with defusedxml", got["defused"]))
        _row(
            f"Read a workbook, {workbook_entries:,} entries",
            got["cfbu"],
            others,
            "≤ 1.20x",
        )

    write = {
        "raw": lambda: bench_xlsx.measure("raw", workbook_entries)["seconds"],
        "cfbu": lambda: bench_xlsx.measure("cfbu", workbook_entries)["seconds"],
    }
    if _has("xlsxwriter"):
        write["xlsxwriter"] = lambda: bench_xlsx.measure("xlsxwriter", workbook_entries)["seconds"]
    got = interleaved(write, args.repeat)
    others = [("openpyxl write-only", got["raw"])]
    if "xlsxwriter" in got:
        others.append(("XlsxWriter constant_memory", got["xlsxwriter"]))
    work = f"Write a workbook, {workbook_entries:,} entries"
    _row(work, got["cfbu"], others, "≤ 1.10x / ≤ 1.30x")

    if _has("pydantic"):
        n = str(json_entries)
        for verb, aim in (("load", "≤ 1.00x"), ("dump", "≤ 1.00x")):
            got = interleaved(
                {
                    "pydantic": lambda verb=verb: measure(f"pydantic-{verb}", n),
                    "cfbu": lambda verb=verb: measure(f"cfbu-{verb}", n),
                },
                args.repeat,
            )
            _row(
                f"{verb.capitalize()} JSON, {json_entries:,} entries",
                got["cfbu"],
                [(f"pydantic v2 {verb}", got["pydantic"])],
                aim,
            )
    else:
        print("| JSON rows skipped: pydantic is not installed | | | | |")

    got = interleaved(
        {name: lambda name=name: measure(name, "") for name in _IMPORTS}, max(5, args.repeat)
    )
    base = [("attrs, cattrs, pluggy", got["import-base"])]
    _row("`import cfbu_toolkit`", got["import-cfbu"], base, "≤ 1.10x")
    _row(
        "`from cfbu_toolkit import Plan, load` (first use)",
        got["import-cfbu-use"],
        base,
        "(shown)",
    )

    got = interleaved(
        {"plain": lambda: measure("rollup-plain", ""), "cfbu": lambda: measure("rollup-cfbu", "")},
        args.repeat,
    )
    plain = [("plain loop", got["plain"])]
    _row("Roll-up, 100 plans x 500 entries", got["cfbu"], plain, "≤ 1.20x")


if __name__ == "__main__":
    main()
