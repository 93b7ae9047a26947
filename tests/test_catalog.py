"""The built-in catalogue: complete, bilingual, versioned, and loud when a file is broken."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from _profile import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cfbu_toolkit import DocumentError, ModelError, catalog
from cfbu_toolkit.catalog._loader import load_items, load_tool
from cfbu_toolkit.io.converter import structure, unstructure
from cfbu_toolkit.model import (
    DialogueTheme,
    DialogueTool,
    DialogueToolKind,
    ValueCategory,
    ValuePiece,
)

OWN = DialogueToolKind.HOUSING_SOCIAL_CONTRIBUTION
PARTNER = DialogueToolKind.PARTNER_PERSPECTIVE
DATA = resources.files("cfbu_toolkit.catalog").joinpath("data")
COLLABORATION_KEYS = [
    "parties",
    "background",
    "purpose",
    "goals",
    "target_group",
    "degree_and_scope",
    "activities",
    "roles_responsibilities",
    "contributions_resources",
    "organisation_communication",
    "data_confidentiality",
    "follow_up_evaluation",
    "duration",
    "changes_disputes",
    "termination",
    "signatures",
    "appendices",
]
ACTIVITY_KEYS = [
    "activity",
    "parties",
    "purpose_target",
    "volunteer_commitments",
    "housing_commitments",
    "boundaries",
    "rules",
    "contact_follow_up",
    "duration_exit",
    "signatures",
]


def _filled(text: str) -> bool:
    return bool(text.strip()) and text == text.strip()


# --- the dialogue tools ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "tool_id", "prefix", "themes"),
    [
        (
            OWN,
            "dialog-boligsocialt-bidrag",
            "bidrag",
            {"identity", "contribution", "goals", "tasks", "expectations"},
        ),
        (
            PARTNER,
            "dialog-samarbejdspartens-perspektiv",
            "partner",
            {"framework", "values", "methods", "expectations"},
        ),
    ],
)
def test_dialogue_tool_content(
    kind: DialogueToolKind, tool_id: str, prefix: str, themes: set[str]
) -> None:
    tool = catalog.dialogue_tool(kind)
    assert tool.id == tool_id
    assert tool.kind is kind
    assert tool.version == catalog.CATALOGUE_VERSION
    assert _filled(tool.title_da)
    assert _filled(tool.title_en)
    assert len(tool.questions) >= 10
    assert [q.id for q in tool.questions] == [
        f"{prefix}-{n:02d}" for n in range(1, len(tool.questions) + 1)
    ]
    assert {q.theme.value for q in tool.questions} == themes
    for q in tool.questions:
        assert all(_filled(t) for t in (q.text_da, q.text_en, q.hint_da, q.hint_en)), q.id
        assert q.text_da.endswith("?"), q.id
        assert q.text_en.endswith("?"), q.id
        assert q.text_da != q.text_en, q.id
        assert q.hint_da != q.hint_en, q.id


def test_question_ids_unique_across_tools() -> None:
    ids = [q.id for tool in catalog.dialogue_tools() for q in tool.questions]
    assert len(ids) == len(set(ids))


def test_questions_grouped_by_theme() -> None:
    # Questions of one theme sit together, so a printed question sheet reads by theme.
    for tool in catalog.dialogue_tools():
        themes = [q.theme for q in tool.questions]
        runs = [t for i, t in enumerate(themes) if i == 0 or themes[i - 1] != t]
        assert len(runs) == len(set(runs)), tool.id


def test_partner_framework_covers_decisions_planning_and_confidentiality() -> None:
    tool = catalog.dialogue_tool(PARTNER)
    framework = " ".join(
        q.text_da.lower() for q in tool.questions if q.theme is DialogueTheme.FRAMEWORK
    )
    for word in ("beslutning", "planer", "tavshedspligt"):
        assert word in framework
    expectations = " ".join(
        q.text_en.lower() for q in tool.questions if q.theme is DialogueTheme.EXPECTATIONS
    )
    assert "gain" in expectations


def test_dialogue_tool_accepts_value_and_is_cached() -> None:
    assert catalog.dialogue_tool("partner_perspective") is catalog.dialogue_tool(PARTNER)
    assert catalog.dialogue_tools() == (catalog.dialogue_tool(OWN), catalog.dialogue_tool(PARTNER))


@pytest.mark.parametrize("kind", [DialogueToolKind.CUSTOM, "nonsense", 3])
def test_no_builtin_tool(kind: Any) -> None:
    with pytest.raises(ModelError, match="intet indbygget dialogredskab"):
        catalog.dialogue_tool(kind)


def test_tools_round_trip_through_converter() -> None:
    for tool in catalog.dialogue_tools():
        assert structure(unstructure(tool), DialogueTool) == tool


# --- agreement sections ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "keys"),
    [("collaboration_agreement", COLLABORATION_KEYS), ("activity_agreement", ACTIVITY_KEYS)],
)
def test_section_templates(kind: catalog.AgreementKind, keys: list[str]) -> None:
    templates = catalog.section_templates(kind)
    assert [t.key for t in templates] == keys
    for t in templates:
        assert re.fullmatch(r"[a-z][a-z_]*", t.key)
        for text in (t.heading_da, t.heading_en, t.guidance_da, t.guidance_en):
            assert _filled(text), t.key
        # Guidance is two or three sentences of advice.
        for guidance in (t.guidance_da, t.guidance_en):
            assert 2 <= guidance.count(". ") + 1 <= 3, (t.key, guidance)
    assert any(t.required for t in templates)
    assert not all(t.required for t in templates)


def test_required_flags_where_it_matters() -> None:
    collab = {t.key: t.required for t in catalog.section_templates("collaboration_agreement")}
    assert collab["parties"]
    assert collab["purpose"]
    assert collab["termination"]
    assert not collab["appendices"]
    activity = {t.key: t.required for t in catalog.section_templates("activity_agreement")}
    assert activity["rules"]
    assert activity["signatures"]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_sections_in_one_language(lang: Any) -> None:
    for kind, make in (
        ("collaboration_agreement", catalog.collaboration_sections),
        ("activity_agreement", catalog.activity_sections),
    ):
        sections = make(lang)
        templates = catalog.section_templates(kind)  # type: ignore[arg-type]
        assert [s.key for s in sections] == [t.key for t in templates]
        assert [s.heading for s in sections] == [t.heading(lang) for t in templates]
        assert [s.required for s in sections] == [t.required for t in templates]
        assert all(s.text == "" for s in sections)


def test_headings_differ_between_languages() -> None:
    da = [s.heading for s in catalog.collaboration_sections("da")]
    en = [s.heading for s in catalog.collaboration_sections("en")]
    assert da[0] == "Parter og kontaktpersoner"
    assert en[0] == "Parties and contact persons"
    assert sum(a != b for a, b in zip(da, en, strict=True)) == len(da)


def test_section_guidance() -> None:
    rules = catalog.section_guidance("activity_agreement", "rules")
    assert "børneattest" in rules
    assert "child-protection certificate" in catalog.section_guidance(
        "activity_agreement", "rules", "en"
    )
    with pytest.raises(KeyError):
        catalog.section_guidance("collaboration_agreement", "no_such_section")
    with pytest.raises(ModelError, match="er ikke en aftaletype"):
        catalog.section_guidance("treaty", "parties")  # type: ignore[arg-type]
    with pytest.raises(ModelError, match="er ikke et sprog"):
        catalog.collaboration_sections("de")  # type: ignore[arg-type]


# --- value pieces ---------------------------------------------------------------------


def test_value_pieces() -> None:
    pieces = catalog.value_pieces()
    assert len(pieces) >= 28
    assert [p.id for p in pieces] == [f"vaerdi-{n:02d}" for n in range(1, len(pieces) + 1)]
    assert {p.category for p in pieces} == set(ValueCategory)
    for p in pieces:
        assert _filled(p.label_da)
        assert _filled(p.label_en)
        assert p.label_da != p.label_en
        assert not p.custom
    labels = [p.label_da.casefold() for p in pieces]
    assert len(labels) == len(set(labels))


def test_every_category_has_at_least_two_pieces() -> None:
    counts: dict[ValueCategory, int] = {}
    for p in catalog.value_pieces():
        counts[p.category] = counts.get(p.category, 0) + 1
    assert min(counts.values()) >= 2


# --- files and versions ---------------------------------------------------------------


def _data_files() -> list[str]:
    return sorted(f.name for f in DATA.iterdir() if f.name.endswith(".json"))


def test_every_file_records_the_version() -> None:
    names = _data_files()
    assert len(names) == 5
    for name in names:
        document = json.loads(DATA.joinpath(name).read_text(encoding="utf-8"))
        assert document["format"] == catalog.CATALOGUE_FORMAT
        assert document["version"] == catalog.CATALOGUE_VERSION, name


def test_danish_letters_survive() -> None:
    text = DATA.joinpath("value-pieces.json").read_text(encoding="utf-8")
    assert "Færre" in text
    assert "Større" in text
    all_text = "".join(DATA.joinpath(n).read_text(encoding="utf-8") for n in _data_files())
    assert "Ã" not in all_text  # no UTF-8 read as Latin-1
    assert {"æ", "ø", "å"} <= set(all_text)


def test_import_cfbu_toolkit_does_not_load_the_catalogue() -> None:
    code = "import sys, cfbu_toolkit; print('cfbu_toolkit.catalog' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- broken files fail loudly ---------------------------------------------------------


def _copy(tmp_path: Path, name: str) -> tuple[Path, dict[str, Any]]:
    document = json.loads(DATA.joinpath(name).read_text(encoding="utf-8"))
    return tmp_path / name, document


def _write(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _problem(exc: pytest.ExceptionInfo[DocumentError], path: Path) -> list[str]:
    assert exc.value.source == str(path)
    assert str(path) in str(exc.value)
    return [p.where for p in exc.value.problems]


def test_a_good_copy_loads(tmp_path: Path) -> None:
    path, document = _copy(tmp_path, "dialogue-boligsocialt-bidrag.json")
    assert load_tool(_write(path, document)) == catalog.dialogue_tool(OWN)


def test_invalid_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": "cfbu-toolkit-catalogue",\n  "version": \n}', "utf-8")
    with pytest.raises(DocumentError) as exc:
        load_tool(path)
    assert _problem(exc, path)[0].startswith("linje 4")


def test_wrong_type_in_a_question(tmp_path: Path) -> None:
    path, document = _copy(tmp_path, "dialogue-samarbejdspartens-perspektiv.json")
    document["data"]["questions"][3]["text_da"] = None
    document["data"]["questions"][5]["theme"] = "feelings"
    with pytest.raises(DocumentError) as exc:
        load_tool(_write(path, document))
    assert _problem(exc, path) == [
        "$.data.questions[3].text_da",
        "$.data.questions[5].theme",
    ]


def test_unknown_and_missing_fields(tmp_path: Path) -> None:
    path, document = _copy(tmp_path, "sections-samarbejdsaftale.json")
    document["data"][2]["colour"] = "blue"
    del document["data"][4]["guidance_en"]
    with pytest.raises(DocumentError) as exc:
        load_items(
            _write(path, document),
            "collaboration_agreement_sections",
            catalog.SectionTemplate,
            lambda t: t.key,
        )
    assert _problem(exc, path) == ["$.data[2].colour", "$.data[4].guidance_en"]


def test_duplicate_piece_id(tmp_path: Path) -> None:
    path, document = _copy(tmp_path, "value-pieces.json")
    document["data"][7]["id"] = document["data"][1]["id"]
    with pytest.raises(DocumentError) as exc:
        load_items(_write(path, document), "value_pieces", ValuePiece, lambda p: p.id)
    assert _problem(exc, path) == ["$.data[7]"]
    assert exc.value.problems[0].params["first"] == "$.data[1]"
    assert "$.data[1]" in exc.value.problems[0].text


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.update(version="1999.9"), "$.version"),
        (lambda d: d.update(kind="value_pieces"), "$.kind"),
        (lambda d: d.update(format="something-else"), "$.format"),
        (lambda d: d.pop("data"), "$.data"),
        (lambda d: d.update(extra=1), "$.extra"),
        (lambda d: d.update(data=[]), "$.data"),
        (lambda d: d["data"].update(version="2020.1"), "$.data.version"),
    ],
)
def test_envelope_problems(tmp_path: Path, change: Any, where: str) -> None:
    path, document = _copy(tmp_path, "dialogue-boligsocialt-bidrag.json")
    change(document)
    with pytest.raises(DocumentError) as exc:
        load_tool(_write(path, document), expected_version=catalog.CATALOGUE_VERSION)
    assert _problem(exc, path) == [where]


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "not-there.json"
    with pytest.raises(DocumentError) as exc:
        load_tool(path)
    assert _problem(exc, path) == ["$"]


_ORIGINAL = DATA.joinpath("value-pieces.json").read_bytes()


@settings(max_examples=examples(1.2), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=len(_ORIGINAL) - 3))
def test_any_truncated_file_is_a_document_error(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "value-pieces.json"
    path.write_bytes(_ORIGINAL[:cut])
    with pytest.raises(DocumentError) as exc:
        load_items(path, "value_pieces", ValuePiece, lambda p: p.id)
    assert exc.value.source == str(path)


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)


@settings(max_examples=examples(1.6), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    index=st.integers(min_value=0, max_value=29),
    field=st.sampled_from(["id", "label_da", "label_en", "category", "custom"]),
    value=_JSON_VALUES,
)
def test_any_bad_piece_value_is_reported_at_its_path(
    tmp_path: Path, index: int, field: str, value: Any
) -> None:
    document = json.loads(_ORIGINAL)
    document["data"][index][field] = value
    path = _write(tmp_path / "value-pieces.json", document)
    error: DocumentError | None = None
    try:
        pieces = load_items(path, "value_pieces", ValuePiece, lambda p: p.id)
    except DocumentError as exc:
        error = exc
    if error is None:
        # Only a value of the right shape loads, and then exactly as written.
        assert unstructure(pieces[index])[field] == value
        return
    assert error.source == str(path)
    assert error.problems
    assert all(p.where.startswith("$.data[") for p in error.problems)
    here = f"$.data[{index}]"
    assert any(p.where.startswith(here) or here in p.message for p in error.problems)


def test_module_docstring_examples_run() -> None:
    import doctest

    result = doctest.testmod(catalog)
    assert result.attempted >= 2
    assert result.failed == 0
