"""No English keys, untranslated enumeration values or English sentences in Danish output.

Every export of the demo plan that a person reads (every installed format that can export
a plan, and every part kind through the formats that take parts), the registration
template and ``cfbu report`` are rendered in Danish and searched with the heuristics of
:mod:`_english`. JSON is data for programs and is left out; so are ids, columns that hold
English on purpose (``label_en``, "(engelsk)") and the code columns of the data package.

Cases for areas still being translated elsewhere are marked ``xfail(strict=True)``: they
turn the suite red (XPASS) the day they pass, so the mark is removed with the fix.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _english import english_in, english_words
from click.testing import CliRunner

import cfbu_toolkit as cfbu
from cfbu_toolkit.cli import main

DEMO = cfbu.examples.demo_plan()

Texts = Iterator[tuple[str, str]]


# -- reading what a person sees -----------------------------------------------------------


def _is_key_column(header: str) -> bool:
    """A column of ids or keys, for joining and pipelines ("Plan-id", "Nøgle", "(id)")."""
    folded = header.strip().casefold()
    return "nøgle" in folded or folded == "id" or folded.endswith(("-id", "(id)"))


def markdown_texts(data: bytes, name: str) -> Texts:
    keys: set[int] | None = None  # the key columns of the table being read
    for number, line in enumerate(data.decode("utf-8").splitlines(), 1):
        if line.startswith('<a id="'):
            continue  # anchors are ids
        line = line.split("](#")[0] if "](#" in line else line
        line = line.replace("\\", "")  # escapes would hide a key: health\\_wellbeing
        if not line.startswith("| "):
            keys = None
            yield f"{name}:{number}", line
            continue
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if keys is None:  # the header row
            keys = {i for i, c in enumerate(cells) if _is_key_column(c)}
        if all(set(c) <= set("-: ") for c in cells):
            continue  # the delimiter row
        for index, value in enumerate(cells):
            if index not in keys:
                yield f"{name}:{number}", value


def workbook_texts(data: bytes, name: str, *, skip_header: bool = False) -> Texts:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        yield f"{name}:{sheet.title}", sheet.title
        english_columns: set[int] = set()
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if not isinstance(value, str):
                    continue
                folded = value.casefold()
                if "engelsk" in folded or folded.endswith("_en"):
                    english_columns.add(cell.column)  # a column of English on purpose
                    continue
                if cell.row == 1 and _is_key_column(value):
                    english_columns.add(cell.column)  # ids and keys
                    continue
                if cell.column in english_columns:
                    continue
                if skip_header and cell.row == 1:
                    continue
                yield f"{name}:{sheet.title}!{cell.coordinate}", value


def datapackage_texts(data: bytes, name: str) -> Texts:
    archive = zipfile.ZipFile(io.BytesIO(data))
    descriptor = json.loads(archive.read("datapackage.json"))

    def walk(node: Any, path: str) -> Texts:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("title", "description") and isinstance(value, str):
                    yield f"{name}:{path}.{key}", value
                else:
                    yield from walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, f"{path}[{index}]")

    # the tables' names are ids ("Id i tabellen value_game"), like the CSV files' names
    tables = {resource["name"] for resource in descriptor["resources"]}
    for where, text in walk(descriptor, "datapackage.json"):
        yield where, " ".join(w for w in text.split() if w.strip(".,;:()") not in tables)
    for member in archive.namelist():
        if not member.endswith(".csv"):
            continue
        rows = list(csv.reader(io.StringIO(archive.read(member).decode("utf-8"))))
        header = rows[0] if rows else []
        for number, row in enumerate(rows[1:], 2):
            for column, value in zip(header, row, strict=False):
                if column.endswith("_en"):
                    continue
                # the cells are data for programs (codes, ids); only sentences are checked
                yield f"{name}:{member}:{number}:{column}", " ".join(english_words(value))


def _docx_blocks(container: Any) -> Iterator[str]:
    for block in container.iter_inner_content():
        if hasattr(block, "rows"):  # a table: each merged cell once
            for row in block.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        yield from _docx_blocks(cell)
        else:
            yield block.text


def docx_texts(data: bytes, name: str) -> Texts:
    import docx

    document = docx.Document(io.BytesIO(data))
    for number, text in enumerate(_docx_blocks(document), 1):
        yield f"{name}:{number}", text
    for section in document.sections:
        for part, where in ((section.header, "header"), (section.footer, "footer")):
            for paragraph in part.paragraphs:
                yield f"{name}:{where}", paragraph.text


def pdf_texts(data: bytes, name: str) -> Texts:
    from pypdf import PdfReader

    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, 1):
        for line in page.extract_text().splitlines():
            yield f"{name}:page {number}", line


def svg_texts(data: bytes, name: str) -> Texts:
    from xml.etree import ElementTree

    for element in ElementTree.fromstring(data).iter():
        if element.tag.rsplit("}", 1)[-1] in ("text", "tspan", "title", "desc"):
            yield f"{name}:{element.tag.rsplit('}', 1)[-1]}", "".join(element.itertext())


def png_texts(data: bytes, name: str) -> Texts:
    """A picture's words are pixels; what it says in text is its metadata (title, ...)."""
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    for key, value in getattr(image, "text", {}).items():
        if key.casefold() != "software":  # the library that drew it, a name
            yield f"{name}:{key}", str(value)


# -- the cases -----------------------------------------------------------------------------


def _read(format_name: str, data: bytes, name: str) -> Texts:
    if format_name == "markdown":
        return markdown_texts(data, name)
    if format_name == "xlsx":
        return workbook_texts(data, name)
    if format_name == "kumu":
        # Kumu reads its columns by their English names (Label, Type, From, To)
        return workbook_texts(data, name, skip_header=True)
    if format_name == "datapackage":
        return datapackage_texts(data, name)
    if format_name == "docx":
        return docx_texts(data, name)
    if format_name == "pdf":
        return pdf_texts(data, name)
    if format_name == "svg":
        return svg_texts(data, name)
    if format_name == "png":
        return png_texts(data, name)
    raise AssertionError(f"no reader for {format_name}; add one to the test")


def _plan_formats() -> list[Any]:
    return [
        pytest.param(info.name, id=info.name)
        for info in cfbu.formats()
        if info.can_export and "plan" in info.kinds and info.name != "json"
    ]


def _parts() -> list[Any]:
    parts = [
        ("mapping", DEMO.mappings[0]),
        *(("collaboration_agreement", a) for a in DEMO.collaboration_agreements),
        ("activity_agreement", DEMO.activity_agreements[0]),
        *(("dialogue_session", s) for s in DEMO.dialogue_sessions),
        ("value_game", DEMO.value_games[0]),
    ]
    marks: dict[tuple[str, str], Any] = {}
    cases = []
    for info in cfbu.formats():
        if not info.can_export or info.name == "json":
            continue
        for kind, part in parts:
            if kind in info.kinds:
                cases.append(
                    pytest.param(
                        info.name,
                        part,
                        marks=marks.get((info.name, kind), ()),
                        id=f"{info.name}-{part.id}",
                    )
                )
    return cases


def _assert_danish(texts: Texts) -> None:
    problems = english_in(texts)
    assert not problems, "\n".join(problems[:40]) + (
        f"\n... and {len(problems) - 40} more" if len(problems) > 40 else ""
    )


@pytest.mark.parametrize("format_name", _plan_formats())
def test_plan_export_is_danish(format_name: str) -> None:
    data = cfbu.export(DEMO, format=format_name)
    assert isinstance(data, bytes)
    _assert_danish(_read(format_name, data, f"plan.{format_name}"))


@pytest.mark.parametrize(("format_name", "part"), _parts())
def test_part_export_is_danish(format_name: str, part: Any) -> None:
    data = cfbu.export(part, format=format_name, plan=DEMO)
    assert isinstance(data, bytes)
    _assert_danish(_read(format_name, data, f"{part.id}.{format_name}"))


def test_registration_template_is_danish(tmp_path: Path) -> None:
    out = tmp_path / "kortlaegning.xlsx"
    result = CliRunner().invoke(main, ["template", "kortlaegning", "-o", str(out)])
    assert result.exit_code == 0, result.output
    _assert_danish(workbook_texts(out.read_bytes(), out.name))


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "demo.json"
    cfbu.export(DEMO, path)
    return path


def test_markdown_report_is_danish(plan_file: Path) -> None:
    out = plan_file.parent / "rapport.md"
    result = CliRunner().invoke(
        main, ["report", str(plan_file), "-o", str(out), "--on", "2025-06-01"]
    )
    assert result.exit_code == 0, result.output
    _assert_danish(markdown_texts(out.read_bytes(), out.name))


def test_workbook_report_is_danish(plan_file: Path) -> None:
    out = plan_file.parent / "rapport.xlsx"
    result = CliRunner().invoke(
        main, ["report", str(plan_file), "-o", str(out), "--on", "2025-06-01"]
    )
    assert result.exit_code == 0, result.output
    _assert_danish(workbook_texts(out.read_bytes(), out.name))


def test_the_heuristics_find_what_they_look_for() -> None:
    leaks = english_in(
        [
            ("a", "parties"),
            ("b", "Sundhed (health_wellbeing)"),
            ("c", "The agreement is missing a party"),
            ("d", "in_dialogue"),
        ]
    )
    assert [line.split(":")[0] for line in leaks] == ["a", "b", "c", "d"]
    assert not english_in(
        [("e", "Solbakkeskolen mangler en underskriver"), ("f", "org-solbakkeskolen")]
    )
    assert not english_in([("g", "Kumu og Excel: to parter i by og land")])
