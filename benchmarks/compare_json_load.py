"""``cfbu_toolkit.load`` against pydantic v2 ``model_validate_json``, in fresh processes.

    python benchmarks/compare_json_load.py [--entries 20000 50000] [--rounds 5]

A shared, busy machine makes one in-process timing unreliable, so each measurement runs in
a new Python process, alternating (pydantic, cfbu, pydantic, cfbu, ...). Each process
loads the document once (building hooks and caches), then times a second load, both by the
clock and in CPU time (which waiting for a busy processor does not inflate). The best of
``--rounds`` is printed with the ratio cfbu / pydantic. The document is the plan of
``bench_json.build_plan(N)``; the pydantic model is ``pydantic_plan.py``'s.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = """
import sys, time
kind, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
if kind == "cfbu":
    import cfbu_toolkit
    load = lambda: cfbu_toolkit.load(data)
else:
    import pydantic_plan
    load = lambda: pydantic_plan.Document.model_validate_json(data)
load()
clock, cpu = time.perf_counter(), time.process_time()
load()
print(time.perf_counter() - clock, time.process_time() - cpu)
"""


def measure(kind: str, path: Path) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(path)],
        check=True,
        capture_output=True,
        text=True,
        cwd=HERE,
    ).stdout
    clock, cpu = map(float, out.split())
    return clock, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, nargs="+", default=[20_000, 50_000])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from bench_json import build_plan

    import cfbu_toolkit

    print(f"cfbu_toolkit from {cfbu_toolkit.__file__}")
    with tempfile.TemporaryDirectory() as folder:
        for entries in args.entries:
            path = Path(folder) / f"plan-{entries}.json"
            path.write_bytes(cfbu_toolkit.export(build_plan(entries), format="json"))
            times: dict[str, list[tuple[float, float]]] = {"pydantic": [], "cfbu": []}
            for _ in range(args.rounds):
                for kind in times:
                    times[kind].append(measure(kind, path))
            for i, what in enumerate(("clock", "CPU")):
                p = min(t[i] for t in times["pydantic"])
                c = min(t[i] for t in times["cfbu"])
                print(
                    f"{entries} entries, {what:5}: pydantic {p * 1000:6.0f} ms, "
                    f"cfbu {c * 1000:6.0f} ms, ratio {c / p:.2f}x"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
