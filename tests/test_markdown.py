"""The Markdown exporter: escaping (with hypothesis), content in both languages, the
quadrant chart, signature lines, determinism and progress."""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

markdown_it = pytest.importorskip("markdown_it")
from markdown_it import MarkdownIt  # noqa: E402
from markdown_it.token import Token  # noqa: E402

import cfbu_toolkit as cfbu  # noqa: E402
from cfbu_toolkit.formats.markdown.escape import (  # noqa: E402
    block,
    cell,
    heading,
    inline,
    mermaid_text,
)
from cfbu_toolkit.formats.markdown.plugin import MEDIA_TYPE, render  # noqa: E402
from cfbu_toolkit.model import (  # noqa: E402
    Assessment,
    CollaborationStatus,
    Level,
    Mapping,
    MappingEntry,
)
from cfbu_toolkit.model._base import REF  # noqa: E402
from cfbu_toolkit.plugins.types import ExportContext  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from _markdown_plan import ACTIVITY, COLLAB, GAME, MAPPING, PLAN, SESSION  # noqa: E402
from _profile import examples  # noqa: E402

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
SETTINGS = settings(
    max_examples=examples(1.2), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# -- user text that tries to break the layout ----------------------------------------------

NASTY_PIECES = [
    "|",
    "\\",
    "\\|",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "#",
    "# ",
    "## Overskrift",
    ">",
    "> ",
    "-",
    "- ",
    "+ ",
    "* ",
    "1. ",
    "2) ",
    "===",
    "---",
    "***",
    "___",
    "`",
    "```",
    "~~~",
    "<script>alert(1)</script>",
    "<b>",
    "&amp;",
    "&#124;",
    "<br>",
    "<!-- x -->",
    "[x](y)",
    "![i](u)",
    "[^1]",
    "[ ] ",
    "*em*",
    "_em_",
    "~~s~~",
    "$x$",
    "{#id}",
    "@cite",
    "😀",
    "æøå ÆØÅ",
    "\t",
    "    kode",
    "\u2028",
    "\x0b",
    "\x00",
    "\x1f",
    ":",
    "=",
    "%%",
    '"',
    "\u00a0",
    "| a | b |\n| --- | --- |",
    "<http://x.dk>",
    "\\\n",
]
nasty = st.lists(st.one_of(st.sampled_from(NASTY_PIECES), st.text(max_size=6)), max_size=8).map(
    "".join
)

_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def expected_lines(text: str) -> list[str]:
    """What a reader should see, line by line: the text without control characters or
    blank lines at either end."""
    cleaned = "".join(
        " " if ch == "\t" else ch
        for ch in text
        if ch in _BREAKS or ch == "\t" or unicodedata.category(ch) != "Cc"
    )
    lines = [line.strip() for line in cleaned.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def inline_text(token: Token) -> str:
    """The text a reader sees in an inline token; ``<br>`` as a line break. Fails on any
    other markup (emphasis, code, links, HTML)."""
    out = []
    for child in token.children or []:
        if child.type == "text":
            out.append(child.content)
        elif child.type == "html_inline" and child.content == "<br>":
            out.append("\n")
        else:
            raise AssertionError(f"user text became markup: {child.type} {child.content!r}")
    return "".join(out)


def block_types(tokens: list[Token]) -> list[str]:
    return [t.type for t in tokens if t.type != "inline"]


@SETTINGS
@given(nasty)
def test_cell_never_adds_columns_or_rows(text: str) -> None:
    doc = f"| a | b | c |\n| --- | --- | --- |\n| 1 | {cell(text)} | 3 |\n"
    tokens = MD.parse(doc)
    assert sum(t.type == "tr_open" for t in tokens) == 2
    assert sum(t.type == "td_open" for t in tokens) == 3
    cells = [t for t in tokens if t.type == "inline"][3:]
    assert [inline_text(c) for c in cells[::2]] == ["1", "3"]
    assert inline_text(cells[1]) == "\n".join(expected_lines(text))


@SETTINGS
@given(nasty)
def test_inline_list_item_stays_one_item_of_plain_text(text: str) -> None:
    escaped = inline(text)
    assert "\n" not in escaped
    assume(escaped)  # an empty item is an empty item
    tokens = MD.parse(f"- {escaped}\n- slut\n")
    assert block_types(tokens) == [
        "bullet_list_open",
        *["list_item_open", "paragraph_open", "paragraph_close", "list_item_close"] * 2,
        "bullet_list_close",
    ]
    first = next(t for t in tokens if t.type == "inline")
    assert inline_text(first) == "\n".join(expected_lines(text))


@SETTINGS
@given(nasty)
def test_inline_paragraph_is_one_paragraph(text: str) -> None:
    escaped = inline(text)
    assume(escaped)
    tokens = MD.parse(f"{escaped}\n")
    assert block_types(tokens) == ["paragraph_open", "paragraph_close"]
    assert inline_text(tokens[1]) == "\n".join(expected_lines(text))


@SETTINGS
@given(nasty)
def test_mid_line_text_keeps_its_characters(text: str) -> None:
    tokens = MD.parse(f"- **Felt:** {inline(text, start=False)}\n")
    assert block_types(tokens)[:2] == ["bullet_list_open", "list_item_open"]
    children = [c for c in tokens[3].children or [] if c.type != "text" or c.content]
    assert [c.type for c in children[:3]] == ["strong_open", "text", "strong_close"]
    rest = Token("inline", "", 0, children=children[3:])
    assert inline_text(rest).strip() == "\n".join(expected_lines(text)).strip()


@SETTINGS
@given(nasty)
def test_heading_text_is_one_heading(text: str) -> None:
    tokens = MD.parse(f"## {heading(text)}\n")
    assert block_types(tokens) == ["heading_open", "heading_close"]
    assert tokens[0].tag == "h2"
    words = " ".join(line for line in expected_lines(text) if line)
    assert inline_text(tokens[1]) == words


@SETTINGS
@given(nasty)
def test_block_gives_only_paragraphs(text: str) -> None:
    paragraphs = block(text)
    tokens = MD.parse("\n\n".join(paragraphs) + "\n")
    assert block_types(tokens) == ["paragraph_open", "paragraph_close"] * len(paragraphs)
    seen = "\n".join(inline_text(t) for t in tokens if t.type == "inline")
    assert seen == "\n".join(line for line in expected_lines(text) if line)


POINT = re.compile(r'    "[^"\n%#;:`\[\]<>{}&\\]*": \[0\.\d{3}, 0\.\d{3}\]')


@SETTINGS
@given(nasty)
def test_mermaid_text_holds_only_safe_characters(text: str) -> None:
    safe = mermaid_text(text)
    assert POINT.fullmatch(f'    "{safe}": [0.500, 0.500]')
    assert len(safe) <= 48
    assert safe == safe.strip()


# -- whole documents with nasty text everywhere ------------------------------------------

_SKIP_FIELDS = {"id", "key", "email", "phone", "focus_areas"}


def replace_text(obj: Any, fn: Callable[[str], str]) -> Any:
    """A copy of a model object with every free-text field passed through ``fn``."""
    if isinstance(obj, tuple):
        return tuple(replace_text(item, fn) for item in obj)
    if not attrs.has(type(obj)):
        return obj
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        if field.name in _SKIP_FIELDS or REF in field.metadata:
            continue
        if type(value) is str:  # not an enumeration (they are str too)
            changes[field.name] = fn(value)
        elif isinstance(value, tuple) and value and type(value[0]) is str:
            changes[field.name] = tuple(fn(v) for v in value)
        elif isinstance(value, tuple) or attrs.has(type(value)):
            changes[field.name] = replace_text(value, fn)
    return attrs.evolve(obj, **changes)


def structure(doc: bytes) -> list[tuple[str, str]]:
    """The document's block structure: headings, tables, rows, cells, lists, items, fences,
    HTML (paragraphs left out: a blank line in user text may split one in two)."""
    tokens = MD.parse(doc.decode("utf-8"))
    out = []
    for token in tokens:
        if token.type in ("inline", "paragraph_open", "paragraph_close"):
            continue
        out.append((token.type, token.tag))
        if token.type == "fence":
            out.append(("fence-lines", str(token.content.count("\n"))))
    return out


def assert_no_injected_html(doc: bytes) -> None:
    for token in MD.parse(doc.decode("utf-8")):
        assert token.type != "html_block", token.content
        for child in token.children or []:
            if child.type == "html_inline":
                assert child.content == "<br>" or re.fullmatch(
                    r'<a id="[A-Za-z0-9_.:-]+">|</a>', child.content
                ), child.content
        if token.type == "fence" and token.info == "mermaid":
            for line in token.content.splitlines()[8:]:
                assert POINT.fullmatch(line), line


@settings(max_examples=examples(0.8), deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data(), st.sampled_from(["da", "en"]))
def test_user_text_never_changes_the_document_structure(data: Any, lang: str) -> None:
    drawn: list[str] = []

    def draw(original: str) -> str:
        text = data.draw(nasty)
        if original.strip() and not text.strip():
            text += "x"  # required texts must not be blank
        drawn.append(text)
        return text

    nasty_plan = replace_text(PLAN, draw)
    plain = iter(["x" if t.strip() else t for t in drawn])
    plain_plan = replace_text(PLAN, lambda _: next(plain))
    nasty_doc = cfbu.export(nasty_plan, format="markdown", lang=lang)
    plain_doc = cfbu.export(plain_plan, format="markdown", lang=lang)
    assert structure(nasty_doc) == structure(plain_doc)
    assert_no_injected_html(nasty_doc)
    for part in (
        *nasty_plan.mappings,
        *nasty_plan.collaboration_agreements,
        *nasty_plan.activity_agreements,
        *nasty_plan.dialogue_sessions,
        *nasty_plan.value_games,
    ):
        alone = cfbu.export(part, format="markdown", lang=lang, plan=nasty_plan)
        assert_no_injected_html(alone)


def headings(doc: bytes) -> list[str]:
    tokens = MD.parse(doc.decode("utf-8"))
    return [inline_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open"]


def test_nasty_names_do_not_add_table_columns() -> None:
    name = "A | B\n# C <b>D</b> `E`"
    plan = attrs.evolve(
        PLAN,
        organisations=tuple(attrs.evolve(o, name=name) for o in PLAN.organisations),
    )
    doc = cfbu.export(plan, format="markdown")
    tokens = MD.parse(doc.decode())
    rows = [i for i, t in enumerate(tokens) if t.type == "tr_open"]
    assert rows
    for i in rows:
        j = tokens.index(next(t for t in tokens[i:] if t.type == "tr_close"), i)
        cells = [t for t in tokens[i:j] if t.type in ("td_open", "th_open")]
        header = next(t for t in reversed(tokens[:i]) if t.type == "table_open")
        assert len(cells) == header.attrs.get("cols", len(cells))
    assert "C <b>D</b>" not in doc.decode()
    assert not any(h.startswith("C ") for h in headings(doc))


# -- the plugin ----------------------------------------------------------------------------


def test_registered_as_a_format() -> None:
    info = {f.name: f for f in cfbu.formats()}["markdown"]
    assert info.suffixes == (".md",)
    assert info.media_type == MEDIA_TYPE == "text/markdown; charset=utf-8"
    assert info.kinds == {
        "plan",
        "mapping",
        "collaboration_agreement",
        "activity_agreement",
        "dialogue_session",
        "value_game",
    }


def test_export_to_a_file_by_suffix(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    cfbu.export(PLAN, target)
    assert target.read_bytes() == cfbu.export(PLAN, format="markdown")


def test_output_is_deterministic_utf8_with_lf() -> None:
    first = cfbu.export(PLAN, format="markdown")
    assert first == cfbu.export(PLAN, format="markdown")
    assert b"\r" not in first
    assert first.endswith(b"\n")
    assert not first.endswith(b"\n\n")
    first.decode("utf-8")


# -- content ---------------------------------------------------------------------------------


def text_of(obj: Any, lang: str = "da", **options: Any) -> str:
    return cfbu.export(obj, format="markdown", lang=lang, **options).decode("utf-8")


def test_plan_overview_in_danish() -> None:
    doc = text_of(PLAN)
    assert doc.startswith("# Helhedsplan Østerbo 2023-2026\n")
    for words in (
        "## Indhold",
        "## Overblik",
        "**Kommune:** Egedal Kommune",
        "**Periode:** 1. januar 2023 – 31. december 2026",
        "**Budget:** 10.000.000\xa0kr.",
        "**Medfinansieret andel:** 25\xa0%",
        "**Indsatsområder:** Beskæftigelse",
        "### Styregruppe: Styregruppen",
        "| Mette Sørensen | Jobcenter Egedal | Formand |",
        "## Kortlægninger",
        "## Samarbejdsaftaler",
        "## Aktivitetsaftaler",
        "## Værdispil",
    ):
        assert words in doc, words


def test_plan_table_of_contents_links_resolve_to_anchors() -> None:
    doc = text_of(PLAN)
    links = re.findall(r"\]\(#([^)]+)\)", doc)
    anchors = re.findall(r'<a id="([^"]+)"></a>', doc)
    assert links
    assert sorted(links) == sorted(anchors)
    assert "mappings-m-1" in links
    assert "collaboration-agreements-a-1" in links


def test_plan_in_english() -> None:
    doc = text_of(PLAN, "en")
    for words in (
        "## Contents",
        "## Overview",
        "**Municipality:** Egedal Kommune",
        "**Period:** 1 January 2023 – 31 December 2026",
        "**Budget:** DKK10,000,000",
        "**Co-financed share:** 25%",
        "### Steering group: Styregruppen",
        "## Collaboration agreements",
        "#### Signatures",
        "Signature: ____",
        "#### Count per sector",
        '"Keep close"',
        "| Value | Category |",
        "**Safety** (Social value)",
    ):
        assert words in doc, words
    for danish in ("Underskrift:", "Dato:", "## Parter", "Overblik", "Kommune |", "Indflydelse"):
        assert danish not in doc, danish


def test_collaboration_agreement_ready_to_sign() -> None:
    doc = text_of(COLLAB, plan=PLAN)
    assert doc.startswith("# Samarbejdsaftale: Samarbejde om lektiehjælp\n")
    assert "- **Status:** Til godkendelse" in doc
    assert "- **Periode:** 1. juli 2025 – 30. juni 2026" in doc
    assert "- **Opsigelsesvarsel:** 90 dages varsel" in doc
    assert "## Parter" in doc
    assert "1. **Boligselskabet Ærø & Co** (Boligorganisation)" in doc
    assert "Kontaktperson: Ali Hansen, Projektleder" in doc
    # numbered sections; an empty one in a draft shows the catalogue's guidance
    assert "## 1. Formål\n\nAt flere unge får et job." in doc
    assert "## 2. Mål og succeskriterier\n\n*Vejledning: " in doc
    assert "Ikke udfyldt" not in doc
    # the signed party has its date and name; the other blank lines to sign on
    signatures = doc.split("## Underskrifter", 1)[1]
    signed, unsigned = signatures.split("**For Jobcenter Egedal**")
    assert "Underskrevet: 1. juli 2025" in signed
    assert "Navn: Ali Hansen" in signed
    assert "Dato: ____" in unsigned
    assert "Underskrift: ____" in unsigned
    assert "Navn: Mette Sørensen" in unsigned


def test_signature_lines_render_as_text() -> None:
    tokens = MD.parse(text_of(COLLAB, plan=PLAN))
    lines = [t.content for t in tokens if t.type == "inline" and len(t.children or []) == 1]
    assert any(re.fullmatch(r"Underskrift: _{20,}", line) for line in lines)
    assert not any(t.type == "hr" for t in tokens)


def test_agreement_without_plan_shows_ids() -> None:
    doc = text_of(COLLAB)
    assert "1. **o-bolig**" in doc
    assert "Underskriver: c-mette" in doc


def test_activity_agreement() -> None:
    doc = text_of(ACTIVITY, plan=PLAN)
    assert doc.startswith("# Aktivitetsaftale: Fodbold for piger\n")
    assert "- **Frivillig:** Bo Ølgaard" in doc
    assert "## Det forventes af den frivillige\n\n- Træne holdet hver uge" in doc
    assert "- Bolde og vand\n- Adgang til omklædning" in doc
    assert "- **Tavshedserklæring:** Aftalt" in doc
    assert "- **Børneattest:** Kræves – indhentet 2. maj 2025" in doc
    # the template's signature section holds the signature lines, after the rules
    assert doc.index("Tavshedspligt og børneattest") < doc.index("## 2. Underskrifter")
    after = doc.split("## 2. Underskrifter", 1)[1]
    assert after.count("Underskrift: ____") == 2
    assert "Navn: Bo Ølgaard" in after
    assert "Navn: Ali Hansen" in after


def test_child_certificate_states() -> None:
    required = attrs.evolve(ACTIVITY, child_certificate_obtained_on=None)
    assert "Kræves – ikke indhentet endnu" in text_of(required)
    none = attrs.evolve(required, child_certificate_required=False)
    assert "**Børneattest:** Kræves ikke" in text_of(none)
    assert "Required – not obtained yet" in text_of(required, "en")


def test_dialogue_session_grouped_by_theme() -> None:
    doc = text_of(SESSION, plan=PLAN)
    assert doc.startswith("# Det boligsociale bidrag – Boligselskabet Ærø & Co\n")
    identity = doc.index("## Hvem vi er og står for")
    contribution = doc.index("## Bidrag")
    assert identity < doc.index("### 1. Hvad står vi for?") < doc.index("### 3. Hvem har")
    assert doc.index("### 3. Hvem har") < contribution < doc.index("### 2. Hvad kan vi")
    assert "### 3. Hvem har tillid til os?\n\n*Ikke besvaret.*" in doc
    assert "Lokaler<br>og frivillige timer" in doc
    assert "## Opfølgning\n\n- Send referat til styregruppen" in doc
    english = text_of(SESSION, "en", plan=PLAN)
    assert "## Who we are and stand for" in english
    assert "### 1. What do we stand for?" in english
    assert "*Not answered.*" in english


def test_dialogue_session_without_plan_lists_answers_by_question_id() -> None:
    doc = text_of(SESSION)
    assert "## Svar\n\n### q1\n\nTryghed og fællesskab." in doc
    assert "### q2" in doc


def chart_points(doc: str) -> list[tuple[str, float, float]]:
    block = doc.split("```mermaid\n", 1)[1].split("\n```", 1)[0]
    assert block.startswith("quadrantChart\n")
    return [
        (m[1], float(m[2]), float(m[3]))
        for m in re.finditer(r'^    "([^"]*)": \[(0\.\d+), (0\.\d+)\]$', block, re.M)
    ]


def test_mapping_table_counts_and_chart() -> None:
    doc = text_of(MAPPING, plan=PLAN)
    assert "| Organisation | Sektor | Type | Ressource | Relevans | Interesse |" in doc
    assert "| Jobcenter Egedal | Kommune | Jobcenter | Professionel |  | Høj | Høj |" in doc
    assert "Møde i april | 10. april 2025 |" in doc
    assert "| Kommune | 2 |" in doc
    assert "| Civilsamfund/forening | 2 |" in doc
    assert "| Aktiv samarbejdspart | 2 |" in doc
    assert "| **I alt** | 6 |" in doc
    points = {name: (x, y) for name, x, y in chart_points(doc)}
    # five entries have both levels; the sixth is listed as not placed
    assert set(points) == {
        "Jobcenter Egedal",
        "Solbakkeskolen",
        "Nordsjællands Politi",
        "Boligselskabet Ærø Co",
        "Idrætsklubben Øst",
    }
    x, y = points["Jobcenter Egedal"]
    assert x > 0.5
    assert y > 0.5
    assert points["Nordsjællands Politi"][0] < 0.5 < points["Nordsjællands Politi"][1]
    assert points["Boligselskabet Ærø Co"][1] < 0.5 < points["Boligselskabet Ærø Co"][0]
    # medium counts as high, nearer the middle than high
    assert 0.5 < points["Solbakkeskolen"][0] < points["Jobcenter Egedal"][0]
    assert 'quadrant-1 "Inddrag tæt"' in doc
    assert 'quadrant-3 "Hold øje"' in doc
    assert "Lektiecafé \\| Røde Kors" in doc.split("Ikke placeret", 1)[1]


def test_mapping_points_on_the_same_level_do_not_overlap() -> None:
    entries = tuple(
        MappingEntry(
            id=f"e{i}",
            organisation_id=f"o{i}",
            assessments=(
                Assessment(date=dt.date(2025, 1, 1), interest=Level.HIGH, influence=Level.HIGH),
            ),
        )
        for i in range(12)
    )
    doc = text_of(Mapping(id="m", title="Mange", entries=entries))
    points = chart_points(doc)
    assert len(points) == 12
    assert len({(x, y) for _, x, y in points}) == 12
    assert all(0.5 < x < 1 and 0.5 < y < 1 for _, x, y in points)


def test_mapping_without_plan_has_no_sector_counts() -> None:
    doc = text_of(MAPPING)
    assert "Sektorerne kendes ikke uden planens organisationer." in doc
    assert '"o-job": [' in doc


def test_mapping_chart_names_cannot_break_mermaid() -> None:
    plan = attrs.evolve(
        PLAN,
        organisations=tuple(
            attrs.evolve(o, name='X"]: [1, 1]\n%%{init: {}}%%\nquadrant-1 #amp; `md`')
            for o in PLAN.organisations
        ),
    )
    doc = text_of(MAPPING, plan=plan)
    block = doc.split("```mermaid\n", 1)[1].split("\n```", 1)[0]
    assert "%%" not in block
    assert "#" not in block
    assert "`" not in block
    assert len(block.splitlines()) == 8 + 5
    assert_no_injected_html(doc.encode())


def test_value_game_matrix_shared_and_unique() -> None:
    doc = text_of(GAME, plan=PLAN)
    header = "| Værdi | Kategori | Boligselskabet Ærø & Co | Nordsjællands Politi |"
    assert header in doc
    assert "| Tryghed | Social værdi | ●●● | ●● | ● | 3 |" in doc
    assert "| Flere i job | Effekt | ● | – | ●●● | 2 |" in doc
    assert "Omdømme |" not in doc  # nobody placed it: listed below, not in the matrix
    shared = doc.split("## Fælles værdier", 1)[1].split("##", 1)[0]
    assert shared.index("**Tryghed**") < shared.index("**Flere i job**")
    assert "placeret af alle 3" in shared
    assert "placeret af 2 af 3" in shared
    unique = doc.split("## Værdier kun én har placeret", 1)[1].split("##", 1)[0]
    assert "**Viden om beboerne** (Viden og læring) – Nordsjællands Politi ●●" in unique
    assert "## Værdier ingen har placeret\n\n- **Omdømme**" in doc
    assert "**Jobcenter Egedal – Flere i job:** Vores kerne" in doc
    english = text_of(GAME, "en", plan=PLAN)
    assert "| Safety | Social value |" in english
    assert "placed by all 3" in english


def test_privacy_omit_leaves_contacts_out() -> None:
    doc = text_of(PLAN, privacy="omit")
    for contact in PLAN.contacts:
        assert contact.name not in doc


# -- progress --------------------------------------------------------------------------------


def test_progress_is_reported_on_a_big_mapping() -> None:
    entries = tuple(
        MappingEntry(
            id=f"e{i}",
            organisation_id=f"o{i}",
            assessments=(
                Assessment(
                    date=dt.date(2025, 1, 1),
                    status=CollaborationStatus.POTENTIAL,
                    interest=Level.LOW,
                    influence=Level.MEDIUM,
                ),
            ),
        )
        for i in range(1000)
    )
    calls: list[tuple[int, int | None]] = []
    cfbu.export(
        Mapping(id="m", title="Stor", entries=entries),
        format="markdown",
        progress=lambda done, total: calls.append((done, total)),
    )
    assert len(calls) >= 4
    assert calls[-1] == (1001, 1001)
    assert [d for d, _ in calls] == sorted({d for d, _ in calls})
    assert all(total == 1001 for _, total in calls)


def test_big_mapping_chart_is_capped_with_a_note() -> None:
    entries = tuple(
        MappingEntry(
            id=f"e{i}",
            organisation_id=f"o{i}",
            assessments=(
                Assessment(date=dt.date(2025, 1, 1), interest=Level.LOW, influence=Level.LOW),
            ),
        )
        for i in range(450)
    )
    doc = text_of(Mapping(id="m", title="Stor", entries=entries))
    assert len(chart_points(doc)) == 400
    assert "Diagrammet viser de første 400 af 450 placerede aktører" in doc
    assert doc.count("\n- o") == 450  # the lists show them all


def test_render_without_context_is_danish() -> None:
    assert render(GAME).startswith("# Værdispil på workshoppen\n".encode())
    english = render(GAME, ExportContext(lang="en"))
    assert english.startswith("# Værdispil på workshoppen\n".encode())  # no "Value game:"
    assert b"\n## Value matrix\n" in english


# -- the demo plan ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo() -> Any:
    return cfbu.examples.demo_plan()


@pytest.mark.parametrize("lang", ["da", "en"])
def test_demo_plan_exports_cleanly(demo: Any, lang: str) -> None:
    doc = cfbu.export(demo, format="markdown", lang=lang)
    assert doc == cfbu.export(demo, format="markdown", lang=lang)
    text = doc.decode("utf-8")
    assert text.startswith(f"# {demo.name}")
    assert_no_injected_html(doc)
    if lang == "da":
        assert "## Overblik" in text
        assert "## Indhold" in text
        assert any(ch in text for ch in "æøå")
    else:
        assert "## Overview" in text
        assert "## Contents" in text
        assert "## Overblik" not in text


def test_demo_agreements_have_signature_lines(demo: Any) -> None:
    agreements = [*demo.collaboration_agreements, *demo.activity_agreements]
    if not agreements:
        pytest.skip("the demo plan has no agreements yet")
    for agreement in agreements:
        doc = text_of(agreement, plan=demo)
        assert "Underskrift: ____" in doc or "Underskrevet: " in doc
        assert "Navn: " in doc
        assert "Parter" in doc
        assert any(ch in doc for ch in "æøå")
        english = text_of(agreement, "en", plan=demo)
        assert "Signature: ____" in english or "Signed on: " in english
        assert "Name: " in english
        assert "Navn: " not in english


def test_demo_mappings_have_one_point_per_placed_organisation(demo: Any) -> None:
    if not demo.mappings:
        pytest.skip("the demo plan has no mapping yet")
    for mapping in demo.mappings:
        doc = text_of(mapping, plan=demo)
        placed = [e for e in mapping.entries if e.interest and e.influence]
        assert len(chart_points(doc)) == min(len(placed), 400)
        orgs = {o.id: o.name for o in demo.organisations}
        expected = {mermaid_text(orgs.get(e.organisation_id, e.organisation_id)) for e in placed}
        assert {name for name, _, _ in chart_points(doc)} == expected


def test_every_demo_part_exports_in_both_languages(demo: Any) -> None:
    parts = [
        *demo.mappings,
        *demo.dialogue_sessions,
        *demo.collaboration_agreements,
        *demo.activity_agreements,
        *demo.value_games,
    ]
    for part in parts:
        for lang in ("da", "en"):
            assert_no_injected_html(cfbu.export(part, format="markdown", lang=lang, plan=demo))
