"""The ``cfbu`` command, run in-process with click's CliRunner."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner, Result

import cfbu_toolkit as cfbu
from cfbu_toolkit.cli import main


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args), catch_exceptions=True)
    # Whatever happened, it ended in an exit status, not an exception from inside.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def good_file(tmp_path: Path, demo_plan: cfbu.Plan) -> Path:
    target = tmp_path / "plan.json"
    cfbu.export(demo_plan, target)
    return target


@pytest.fixture
def bad_file(tmp_path: Path, demo_plan: cfbu.Plan) -> Path:
    doc = orjson.loads(cfbu.export(demo_plan, format="json"))
    doc["data"]["organisations"][0]["sector"] = "kommune"
    doc["data"]["organisations"][1]["colour"] = "red"
    target = tmp_path / "bad.json"
    target.write_bytes(orjson.dumps(doc))
    return target


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"cfbu, version {cfbu.__version__}"


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("demo", "validate", "export", "formats"):
        assert command in result.output


def test_demo_writes_a_valid_json_export(tmp_path: Path, demo_plan: cfbu.Plan) -> None:
    out = tmp_path / "ud" / "mappe"
    result = run("demo", "--out", str(out))
    assert result.exit_code == 0, result.output
    written = out / "demo-plan.json"
    assert f"skrev {written}" in result.stdout
    assert cfbu.load(written) == demo_plan
    checked = run("validate", str(written))
    assert checked.exit_code == 0
    assert "ingen problemer" in checked.stdout


def test_demo_needs_out() -> None:
    result = run("demo")
    assert result.exit_code == 2
    assert "--out" in result.output


def test_validate_good_file(good_file: Path) -> None:
    result = run("validate", str(good_file))
    assert result.exit_code == 0
    assert result.stdout.strip() == f"{good_file}: ingen problemer"


def test_validate_bad_file_lists_every_problem(bad_file: Path) -> None:
    result = run("validate", str(bad_file))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{bad_file}: $.data.organisations[0].sector: ")
    assert lines[1] == f"{bad_file}: $.data.organisations[1].colour: ukendt felt"
    assert "2 problemer fundet" in result.stderr


def test_validate_corrupt_json_names_line_and_column(tmp_path: Path) -> None:
    target = tmp_path / "corrupt.json"
    target.write_bytes(b'{"format": "cfbu-toolkit",\n  "kind": ]')
    result = run("validate", str(target))
    assert result.exit_code == 1
    assert "linje 2, kolonne 11" in result.stdout


def test_validate_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "findes-ikke.json"))
    assert result.exit_code == 2
    assert "Fejl: Ugyldig værdi for 'FIL': Fil" in result.output
    assert "findes ikke" in result.output
    english = run("validate", "--lang", "en", str(tmp_path / "findes-ikke.json"))
    assert english.exit_code == 2
    assert "Error: Invalid value for 'FILE': File" in english.output
    assert "does not exist" in english.output


def test_validate_unknown_format_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "plan.txt"
    target.write_text("hej")
    result = run("validate", str(target))
    assert result.exit_code == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1
    assert errors[0].startswith("fejl: ")


def test_export_json_with_privacy(good_file: Path, tmp_path: Path, demo_plan: cfbu.Plan) -> None:
    out = tmp_path / "til-kommunen.json"
    result = run("export", str(good_file), "-o", str(out), "--privacy", "omit")
    assert result.exit_code == 0, result.output
    assert f"skrev {out}" in result.stdout
    assert cfbu.load(out) == cfbu.redact(demo_plan, "omit")


def test_export_of_a_bad_file_is_one_line_per_problem(bad_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "ud.json"
    result = run("export", str(bad_file), "-o", str(out))
    assert result.exit_code == 2
    errors = result.stderr.strip().splitlines()
    assert errors[0].startswith("fejl: ")
    assert any("$.data.organisations[1].colour" in line for line in errors)
    assert not out.exists()


def test_export_to_an_unknown_suffix(good_file: Path, tmp_path: Path) -> None:
    result = run("export", str(good_file), "-o", str(tmp_path / "plan.unknown"))
    assert result.exit_code == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1
    assert errors[0].startswith("fejl: ")


def test_export_of_a_missing_file(tmp_path: Path) -> None:
    result = run("export", str(tmp_path / "nej.json"), "-o", str(tmp_path / "ud.json"))
    assert result.exit_code == 2
    assert "findes ikke" in result.output


def test_formats_lists_json() -> None:
    result = run("formats")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("json "))
    block = lines[start : start + 4]
    assert ".json" in block[0]
    assert "JSON-dokument" in block[0]  # the description, in Danish
    assert any(line.strip().startswith("eksporterer: ") for line in block)
    assert any(line.strip().startswith("importerer: ") for line in block)


def test_export_one_part_by_id_or_name_with_names_behind_ids(
    good_file: Path, tmp_path: Path, demo_plan: cfbu.Plan
) -> None:
    agreement = demo_plan.collaboration_agreements[0]
    by_id, by_name = tmp_path / "a.md", tmp_path / "b.md"
    assert run("export", str(good_file), "--part", agreement.id, "-o", str(by_id)).exit_code == 0
    title = f"  {agreement.title.upper()} "  # case and spaces as a person types them
    assert run("export", str(good_file), "--part", title, "-o", str(by_name)).exit_code == 0
    text = by_id.read_text(encoding="utf-8")
    assert text == by_name.read_text(encoding="utf-8")
    names = {o.id: o.name for o in demo_plan.organisations}
    party = agreement.parties[0].organisation_id
    assert names[party] in text  # the plan is behind the part: names, not ids
    assert "Helhedsplan" not in text.splitlines()[0]  # the part, not the whole plan


def test_export_part_that_does_not_exist_lists_the_parts(good_file: Path, tmp_path: Path) -> None:
    result = run("export", str(good_file), "--part", "ingen-sådan", "-o", str(tmp_path / "x.md"))
    assert result.exit_code == 2
    assert "ingen-sådan" in result.stderr
    assert "agr-jobcenter-unge-paa-vej" in result.stderr
    assert not (tmp_path / "x.md").exists()


def test_export_options_reach_the_exporter_or_are_refused_by_name(
    good_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "net.xlsx"
    own = "org-boligselskabet-egebo"
    ok = run(
        "export",
        str(good_file),
        "--format",
        "kumu",
        "--option",
        f"own_organisation={own}",
        "-o",
        str(out),
    )
    assert ok.exit_code == 0, ok.output
    refused = run(
        "export",
        str(good_file),
        "--format",
        "json",
        "--option",
        "colour=red",
        "-o",
        str(tmp_path / "x.json"),
    )
    assert refused.exit_code == 2
    assert "colour" in refused.stderr
    assert not (tmp_path / "x.json").exists()
    malformed = run(
        "export", str(good_file), "--option", "no-equals", "-o", str(tmp_path / "y.md")
    )
    assert malformed.exit_code == 2
    assert "NØGLE=VÆRDI" in malformed.stderr
    english = run(
        "export",
        str(good_file),
        "--option",
        "no-equals",
        "-o",
        str(tmp_path / "y.md"),
        "--lang",
        "en",
    )
    assert english.exit_code == 2
    assert "KEY=VALUE" in english.stderr


def test_export_to_standard_output(good_file: Path, demo_plan: cfbu.Plan) -> None:
    result = run("export", str(good_file), "--format", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    assert cfbu.load(result.stdout_bytes) == demo_plan
