"""The public API is pinned: a change to a name or a signature must be deliberate (and go
into the changelog), so these tests fail until they are updated with it."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

import cfbu_toolkit as cfbu

PUBLIC_NAMES = [
    "ActivityAgreement",
    "ActorSector",
    "ActorType",
    "AgendaItem",
    "AgendaTool",
    "AgreementParty",
    "AgreementSection",
    "AgreementStatus",
    "Assessment",
    "CfbuError",
    "ChildCertificate",
    "CoFinancing",
    "CollaborationAgreement",
    "CollaborationDegree",
    "CollaborationStatus",
    "ContactPerson",
    "CustomFocusArea",
    "DialogueAnswer",
    "DialogueQuestion",
    "DialogueSession",
    "DialogueTheme",
    "DialogueTool",
    "DialogueToolKind",
    "DocumentError",
    "DuplicatePlanError",
    "ExportContext",
    "Exportable",
    "ExporterPlugin",
    "ExporterSpec",
    "FocusArea",
    "FollowUp",
    "FormatError",
    "FormatInfo",
    "FundingPeriod",
    "Goal",
    "Group",
    "GroupKind",
    "ImportContext",
    "ImporterPlugin",
    "ImporterSpec",
    "Indsats",
    "LabelledEnum",
    "Lang",
    "LawfulBasis",
    "Level",
    "Mapping",
    "MappingEntry",
    "MappingMethod",
    "Meeting",
    "MemberRole",
    "Membership",
    "ModelError",
    "NotAPlanError",
    "Organisation",
    "Period",
    "Placement",
    "Plan",
    "PluginError",
    "PluginWarning",
    "Portfolio",
    "Problem",
    "ResourceKind",
    "ValueCategory",
    "ValueGame",
    "ValuePiece",
    "WorkbookWarning",
    "Workshop",
    "WorkshopKind",
    "__version__",
    "analysis",
    "catalog",
    "examples",
    "export",
    "formats",
    "from_dict",
    "hookimpl",
    "load",
    "new_id",
    "redact",
    "to_dict",
    "validate",
]

SIGNATURES = {
    "export": (
        "(obj: 'Exportable', target: 'PathLike | IO[bytes] | None' = None, *, "
        "format: 'str | None' = None, lang: 'Lang' = 'da', privacy: 'Privacy' = 'keep', "
        "progress: 'Progress | None' = None, force: 'bool' = False, **options: 'Any') "
        "-> 'bytes | None'"
    ),
    "load": (
        "(source: 'PathLike | IO[bytes] | bytes | bytearray | memoryview', *, "
        "format: 'str | None' = None, "
        "**options: 'Any') -> 'Exportable'"
    ),
    "formats": "() -> 'list[FormatInfo]'",
    "validate": "(obj: 'Any', *, root: 'str' = '$') -> 'list[Problem]'",
    "to_dict": "(obj: 'Exportable') -> 'dict[str, Any]'",
    "from_dict": "(data: 'Any', cls: 'type[T]') -> 'T'",
    "redact": (
        "(obj: 'T', privacy: 'Privacy', *, lang: 'Lang' = 'da', key: 'str' = '', "
        "plan: 'Plan | None' = None) -> 'T'"
    ),
}


def test_all_is_pinned() -> None:
    assert sorted(cfbu.__all__) == PUBLIC_NAMES
    assert len(set(cfbu.__all__)) == len(cfbu.__all__), "a name is listed twice"


@pytest.mark.parametrize("name", PUBLIC_NAMES)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(cfbu, name) is not None


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_signatures_are_pinned(name: str) -> None:
    assert str(inspect.signature(getattr(cfbu, name))) == SIGNATURES[name]


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_public_functions_are_documented(name: str) -> None:
    assert inspect.getdoc(getattr(cfbu, name))


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(out.split())


def test_import_does_not_load_openpyxl_or_test_tools() -> None:
    loaded = _modules_after("import cfbu_toolkit")
    assert "cfbu_toolkit" in loaded
    heavy = {"openpyxl", "xlsxwriter", "hypothesis", "pytest", "cfbu_toolkit.testing"}
    assert not heavy & loaded
    assert not any(name.startswith("openpyxl.") for name in loaded)


def test_json_round_trip_does_not_load_openpyxl() -> None:
    loaded = _modules_after(
        "import cfbu_toolkit as c\n"
        "p = c.Plan(id='p', name='Plan')\n"
        "assert c.load(c.export(p, format='json')) == p"
    )
    assert "openpyxl" not in loaded


def test_star_import_gives_exactly_all() -> None:
    namespace: dict[str, object] = {}
    exec("from cfbu_toolkit import *", namespace)
    assert set(namespace) - {"__builtins__"} == set(cfbu.__all__)


ANALYSIS_NAMES = [
    "Column",
    "ColumnType",
    "ForeignKey",
    "Portfolio",
    "RollUp",
    "RollUpColumn",
    "TABLES",
    "Table",
    "plan_rows",
    "rows",
]


def test_the_flat_tables_are_public() -> None:
    assert sorted(cfbu.analysis.__all__) == ANALYSIS_NAMES
    assert cfbu.analysis.Portfolio is cfbu.Portfolio
    assert "mapping_entry" in cfbu.analysis.TABLES
    assert str(inspect.signature(cfbu.analysis.rows)) == (
        "(plans: 'Iterable[Plan]', kind: 'str') -> 'list[dict[str, Any]]'"
    )


def test_the_analysis_does_not_load_pyarrow_or_pandas() -> None:
    loaded = _modules_after(
        "import cfbu_toolkit as c\nc.Portfolio([c.examples.demo_plan()]).rows('mapping_entry')"
    )
    assert "cfbu_toolkit.analysis.rows" in loaded
    assert not {"pyarrow", "pandas", "duckdb"} & loaded


def test_version_is_a_string() -> None:
    assert isinstance(cfbu.__version__, str)
    assert cfbu.__version__.count(".") >= 2
