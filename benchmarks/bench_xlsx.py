"""Benchmark: Excel export of a mapping against raw openpyxl write-only, same cell values.

Run ``python benchmarks/bench_xlsx.py [--sizes 10000 100000] [--repeat 3]``. Each case runs
in its own subprocess, so peak RSS (ru_maxrss) is that case's alone; the figure reported is
the growth over the RSS after the mapping is built (the input itself is not counted). The
cases take turns (raw, raw+, cfbu, raw, ...) so a busy machine slows each alike; the best
of the repeats is reported. Also times ``import cfbu_toolkit`` and ``cfbu --help`` against
``import attrs, cattrs, pluggy``.

Two baselines, both openpyxl write-only with the same cell values in the same cells (text
starting with "=" as a string cell, dates with the same number format):

raw
    the mapping sheet's cells only, saved to the path. The issue's baseline.
raw+
    also what cfbu's workbook has besides those cells, done plainly: the guide sheet, the
    record sheet, the (empty) history sheet, styled headers, column widths from the first
    1,000 rows, frozen header and filter, the 9 dropdowns and the hidden lookup sheet they
    draw on, and the atomic save (temporary file, fsync, rename).
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
            organisation_id=f"org-{i}",  # one row per organisation, as staff keep them
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


def _cells(mapping: object) -> object:
    """Each entry's row of the mapping sheet, value for value as cfbu writes it: the same
    27 columns in the same order (the mapping's title beside its ID, empty name columns:
    a mapping exported without its plan has no names to show)."""
    title = mapping.title  # type: ignore[attr-defined]
    for e in mapping.entries:  # type: ignore[attr-defined]
        a = e.assessments[-1]
        yield [
            e.id,
            "map-bench",
            e.organisation_id,
            None,
            title,
            e.contact_id,
            None,
            e.services_offered,
            e.target_groups,
            None,
            e.possible_contribution,
            e.possible_barriers,
            e.what_matters,
            "Ja" if e.existing_relation else "Nej",
            a.date,
            a.status.label("da"),
            a.relevance.label("da"),
            a.interest.label("da"),
            a.influence.label("da"),
            None,
            None,
            None,
            e.next_step,
            None,
            None,
            e.follow_up_on,
            e.notes or None,
        ]


_DATES = (14, 25)  # the columns holding dates
_TEXT = 11  # the column holding text that may start with "="


def _raw_rows(ws: object, mapping: object) -> object:
    """The mapping sheet's rows as raw openpyxl takes them: the same values as cfbu."""
    from openpyxl.cell import WriteOnlyCell

    for row in _cells(mapping):  # type: ignore[attr-defined]
        for i in _DATES:
            if row[i] is not None:
                cell = WriteOnlyCell(ws, value=row[i])
                cell.number_format = "dd-mm-yyyy"
                row[i] = cell
        if row[_TEXT].startswith("="):  # else openpyxl writes a formula
            cell = WriteOnlyCell(ws, value=row[_TEXT])
            cell.data_type = "s"  # type: ignore[attr-defined]
            row[_TEXT] = cell
        yield row


def _raw_plus(mapping: object, path: str) -> None:
    """The raw cells plus the rest of what cfbu's workbook holds, in plain openpyxl."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    import cfbu_toolkit as cfbu
    from cfbu_toolkit.formats.xlsx.layout import BY_NAME

    wb = Workbook(write_only=True)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")

    def header(ws: object, names: list[str]) -> list[object]:
        cells = []
        for name in names:
            cell = WriteOnlyCell(ws, value=name)
            cell.font, cell.fill = bold, fill
            cells.append(cell)
        return cells

    def dropdown(ws: object, ref: str, col: int, size: int) -> None:
        letter = get_column_letter(col)
        dv = DataValidation(
            type="list",
            formula1=f"'Opslag'!${letter}$2:${letter}${size + 1}",
            allow_blank=True,
            errorStyle="warning",
            showErrorMessage=True,
        )
        dv.add(ref)
        ws.data_validations.append(dv)  # type: ignore[attr-defined]

    guide = wb.create_sheet("Vejledning")
    wrap = Alignment(wrap_text=True, vertical="top")
    for _ in range(20):
        cell = WriteOnlyCell(guide, value="En linje i vejledningen om arkene og felterne.")
        cell.alignment = wrap
        guide.append([None, cell])
    record = wb.create_sheet("Om kortlægningen")
    record.freeze_panes = "A2"
    record.append(header(record, ["Felt", "Værdi"]))
    for label in ("ID", "Titel", "Indsats-ID", "Geografisk afgrænsning", "Dato", "Metoder"):
        record.append([label, "x"])
    ws = wb.create_sheet("Kortlægning")
    columns = BY_NAME["entries"].columns
    sample = []
    rows = _raw_rows(ws, mapping)
    for row in rows:  # type: ignore[attr-defined]
        sample.append(row)
        if len(sample) == 1000:
            break
    for i, column in enumerate(columns):
        width = max([len(column.da) + 3, *(len(str(r[i])) + 2 for r in sample if r[i])])
        ws.column_dimensions[get_column_letter(i + 1)].width = min(max(width, 8), 60)
    ws.freeze_panes = "A2"
    ws.append(header(ws, [c.da for c in columns]))
    count = 1
    for row in sample:
        ws.append(row)
        count += 1
    for row in rows:  # type: ignore[attr-defined]
        ws.append(row)
        count += 1
    ws.auto_filter.ref = f"A1:W{count}"
    for col, lookup, size in ((12, 1, 2), (14, 3, 5), (15, 4, 3), (16, 4, 3), (17, 4, 3)):
        letter = get_column_letter(col)
        dropdown(ws, f"{letter}2:{letter}1048576", lookup, size)
    history = wb.create_sheet("Tidligere vurderinger")
    history.freeze_panes = "A2"
    history.append(header(history, [c.da for c in BY_NAME["assessments"].columns]))
    history.auto_filter.ref = "A1:I2"
    for col, lookup, size in ((4, 3, 5), (5, 4, 3), (6, 4, 3), (7, 4, 3)):
        letter = get_column_letter(col)
        dropdown(history, f"{letter}2:{letter}1048576", lookup, size)
    lookups = wb.create_sheet("Opslag")
    lookups.sheet_state = "hidden"
    lists = [
        ["Ja/nej", "Ja", "Nej"],
        ["MappingMethod", *(m.label("da") for m in cfbu.MappingMethod)],
        ["CollaborationStatus", *(m.label("da") for m in cfbu.CollaborationStatus)],
        ["Level", *(m.label("da") for m in cfbu.Level)],
    ]
    for r in range(max(map(len, lists))):
        lookups.append([c[r] if r < len(c) else None for c in lists])
    temp = path + ".part"
    with open(temp, "wb") as stream:
        wb.save(stream)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temp, path)


def _xlsxwriter(mapping: object, path: str, header: list[str]) -> None:
    """The raw case's cells through XlsxWriter's constant-memory mode (row by row)."""
    import xlsxwriter

    options = {
        "constant_memory": True,
        "strings_to_formulas": False,  # "=Travlhed" stays text
        "default_date_format": "dd-mm-yyyy",  # dates written with the same number format
    }
    wb = xlsxwriter.Workbook(path, options)
    ws = wb.add_worksheet("Kortlægning")
    ws.write_row(0, 0, header)
    for r, row in enumerate(_cells(mapping), start=1):  # type: ignore[attr-defined]
        ws.write_row(r, 0, row)  # None leaves the cell empty
    wb.close()


def run_case(case: str, n: int) -> dict[str, float]:
    """One measurement, in this process: seconds and peak RSS growth in MiB."""
    import cfbu_toolkit as cfbu
    from cfbu_toolkit.formats.xlsx.layout import BY_NAME

    mapping = make_mapping(n)
    import openpyxl  # noqa: F401 - loaded before the baseline, for both cases
    from openpyxl import Workbook

    # Finding the installed formats (entry points, plugin modules) happens once per
    # process, on first use; it is timed on its own, not as part of the export.
    found = time.perf_counter()
    cfbu.formats()
    registry = time.perf_counter() - found
    base = _current_rss_mib()
    with tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False) as out:
        pass
    start = time.perf_counter()
    if case == "cfbu":
        cfbu.export(mapping, out.name)
    elif case == "raw+":
        _raw_plus(mapping, out.name)
    elif case == "xlsxwriter":
        _xlsxwriter(mapping, out.name, [c.da for c in BY_NAME["entries"].columns])
    else:
        # The same cell values, as plainly as openpyxl takes them: labels, dates, strings.
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Kortlægning")
        ws.append([c.da for c in BY_NAME["entries"].columns])
        for row in _raw_rows(ws, mapping):  # type: ignore[attr-defined]
            ws.append(row)
        wb.save(out.name)
    seconds = time.perf_counter() - start
    size = os.path.getsize(out.name)
    os.unlink(out.name)
    return {
        "seconds": seconds,
        "peak_growth_mib": _rss_mib() - base,
        "bytes": size,
        "registry": registry,
    }


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
    print(
        "raw: the mapping sheet's cells only | raw+: the same cells plus guide, record and "
        "history sheets, styled headers, widths, frozen header, filter, 9 dropdowns on a "
        "hidden lookup sheet, atomic save with fsync (what cfbu's workbook has)"
    )
    cases = ("raw", "raw+", "cfbu")
    for n in args.sizes:
        runs: dict[str, list[dict[str, float]]] = {case: [] for case in cases}
        for _ in range(args.repeat):  # take turns, so load on the machine hits each alike
            for case in cases:
                runs[case].append(measure(case, n))
        results = {
            case: {
                "seconds": min(r["seconds"] for r in found),
                "peak_growth_mib": min(r["peak_growth_mib"] for r in found),
                "bytes": found[0]["bytes"],
            }
            for case, found in runs.items()
        }
        raw, plus, ours = results["raw"], results["raw+"], results["cfbu"]
        print(
            f"{n:>7} entries: raw {raw['seconds']:.2f} s, peak +{raw['peak_growth_mib']:.1f} MiB"
            f" | raw+ {plus['seconds']:.2f} s, peak +{plus['peak_growth_mib']:.1f} MiB"
            f" | cfbu {ours['seconds']:.2f} s, peak +{ours['peak_growth_mib']:.1f} MiB"
            f" | ratio {ours['seconds'] / raw['seconds']:.3f} vs raw,"
            f" {ours['seconds'] / plus['seconds']:.3f} vs raw+"
            f" | file {ours['bytes'] / 2**20:.1f} MiB (raw {raw['bytes'] / 2**20:.1f} MiB)"
        )
    registry = min(r["registry"] for r in runs["cfbu"])
    print(
        f"first use of the format registry (once per process, not in the times above): "
        f"{registry * 1000:.0f} ms"
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
