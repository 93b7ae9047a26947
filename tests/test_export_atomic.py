"""``cfbu_toolkit.export``: choosing the format, checking the kind, and writing atomically."""

from __future__ import annotations

import io
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pytest

import cfbu_toolkit as cfbu
from cfbu_toolkit.locale import use_lang
from cfbu_toolkit.plugins import ExporterSpec
from cfbu_toolkit.testing import fresh_plugin_host

PLAN = cfbu.Plan(id="plan-x", name="Helhedsplan X")
MAPPING = cfbu.Mapping(id="m", title="Kortlægning")
OLD = b"the previous export\n\x00\xff"


class Probe:
    """An inline plugin whose exporters record what they were given."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, cfbu.ExportContext, IO[bytes]]] = []
        self.target: Path | None = None

    def probe(self, obj: Any, stream: IO[bytes], context: cfbu.ExportContext) -> None:
        self.calls.append((obj, context, stream))
        context.report(1, 2)
        stream.write(b"probe:" + type(obj).__name__.encode())
        context.report(2, 2)

    def fail(self, obj: Any, stream: IO[bytes], context: cfbu.ExportContext) -> None:
        stream.write(b"half")
        stream.flush()
        # While writing, the target is untouched and the bytes go to another file beside it.
        assert self.target is not None
        others = [p for p in self.target.parent.iterdir() if p != self.target]
        assert [p.read_bytes() for p in others] == [b"half"]
        if self.target.exists():
            assert self.target.read_bytes() == OLD
        raise ValueError("broke while writing")

    def refuse(self, obj: Any, stream: IO[bytes], context: cfbu.ExportContext) -> None:
        stream.write(b"half")
        raise cfbu.FormatError("this plan cannot be written: reason given by the plugin")

    @cfbu.hookimpl
    def cfbu_exporters(self) -> Iterable[ExporterSpec]:
        def make(name: str, export: Any, kinds: Iterable[str] = ("plan",)) -> ExporterSpec:
            return ExporterSpec(
                name=name,
                suffixes=(f".{name}",),
                media_type="application/x-test",
                kinds=set(kinds),
                export=export,
                options={"colour"},
            )

        return [
            make("probe", self.probe),
            make("fail", self.fail),
            make("refuse", self.refuse),
            make("mapped", self.probe, kinds=("mapping",)),
        ]


@pytest.fixture
def probe() -> Iterator[Probe]:
    builtins = (("json", "cfbu_toolkit.formats.json.plugin"),)
    with fresh_plugin_host(builtins=builtins) as host:
        plugin = Probe()
        host.register(plugin, name="probe-plugin", distribution="probe-dist")
        yield plugin


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_format_comes_from_the_suffix(probe: Probe, tmp_path: Path) -> None:
    cfbu.export(PLAN, tmp_path / "plan.probe")
    assert (tmp_path / "plan.probe").read_bytes() == b"probe:Plan"
    cfbu.export(PLAN, str(tmp_path / "PLAN.JSON"))
    assert cfbu.load(tmp_path / "PLAN.JSON") == PLAN


def test_a_named_format_overrides_the_suffix(probe: Probe, tmp_path: Path) -> None:
    cfbu.export(PLAN, tmp_path / "plan.json", format="probe")
    assert (tmp_path / "plan.json").read_bytes() == b"probe:Plan"


def test_an_unknown_format_lists_the_installed_ones(probe: Probe, tmp_path: Path) -> None:
    with pytest.raises(cfbu.FormatError, match="installerede: fail, json, mapped, probe, refuse"):
        cfbu.export(PLAN, tmp_path / "plan.x", format="docx")
    with pytest.raises(cfbu.FormatError, match=r"\.docx.*kendte endelser: \.fail, \.json"):
        cfbu.export(PLAN, tmp_path / "plan.docx")
    with pytest.raises(cfbu.FormatError, match="angiv formatet"):
        cfbu.export(PLAN, io.BytesIO())
    with use_lang("en"):
        with pytest.raises(cfbu.FormatError, match="installed: fail, json, mapped, probe, refuse"):
            cfbu.export(PLAN, tmp_path / "plan.x", format="docx")
        with pytest.raises(cfbu.FormatError, match=r"\.docx.*known suffixes: \.fail, \.json"):
            cfbu.export(PLAN, tmp_path / "plan.docx")
        with pytest.raises(cfbu.FormatError, match="name the format"):
            cfbu.export(PLAN, io.BytesIO())
    assert listing(tmp_path) == []


def test_a_kind_the_format_does_not_take_fails_before_any_file(
    probe: Probe, tmp_path: Path
) -> None:
    with pytest.raises(
        cfbu.FormatError, match="'mapped' kan ikke eksportere en plan; det tager mapping"
    ):
        cfbu.export(PLAN, tmp_path / "plan.mapped")
    with pytest.raises(cfbu.FormatError, match="kan ikke eksportere en mapping"):
        cfbu.export(MAPPING, tmp_path / "m.probe")
    with use_lang("en"):
        with pytest.raises(
            cfbu.FormatError, match="'mapped' cannot export a plan; it takes mapping"
        ):
            cfbu.export(PLAN, tmp_path / "plan.mapped")
        with pytest.raises(cfbu.FormatError, match="cannot export a mapping"):
            cfbu.export(MAPPING, tmp_path / "m.probe")
    assert listing(tmp_path) == []
    assert probe.calls == []
    cfbu.export(MAPPING, tmp_path / "m.mapped")
    assert (tmp_path / "m.mapped").read_bytes() == b"probe:Mapping"


def test_no_target_returns_the_bytes(probe: Probe) -> None:
    assert cfbu.export(PLAN, format="probe") == b"probe:Plan"


def test_a_stream_target_is_written_and_not_closed(probe: Probe) -> None:
    stream = io.BytesIO(b"header|")
    stream.seek(0, io.SEEK_END)
    assert cfbu.export(PLAN, stream, format="probe") is None
    assert not stream.closed
    assert stream.getvalue() == b"header|probe:Plan"


def test_options_language_and_progress_reach_the_exporter(probe: Probe) -> None:
    seen: list[tuple[int, int | None]] = []
    cfbu.export(
        PLAN, format="probe", lang="en", progress=lambda d, t: seen.append((d, t)), colour="blå"
    )
    (_, context, _) = probe.calls[-1]
    assert context.lang == "en"
    assert dict(context.options) == {"colour": "blå"}
    assert seen == [(1, 2), (2, 2)]


def test_a_failing_exporter_leaves_the_existing_target_and_no_temporary_file(
    probe: Probe, tmp_path: Path
) -> None:
    target = tmp_path / "plan.fail"
    target.write_bytes(OLD)
    probe.target = target
    with pytest.raises(cfbu.PluginError) as caught:
        cfbu.export(PLAN, target)
    assert caught.value.plugin == "probe-plugin"
    assert "'probe-plugin' (probe-dist)" in str(caught.value)
    assert "ValueError: broke while writing" in str(caught.value)
    assert target.read_bytes() == OLD
    assert listing(tmp_path) == ["plan.fail"]


def test_a_failing_export_to_a_new_file_creates_nothing(probe: Probe, tmp_path: Path) -> None:
    probe.target = tmp_path / "new.fail"
    with pytest.raises(cfbu.PluginError):
        cfbu.export(PLAN, probe.target)
    assert listing(tmp_path) == []


def test_a_library_error_from_a_plugin_passes_through_unwrapped(
    probe: Probe, tmp_path: Path
) -> None:
    target = tmp_path / "plan.refuse"
    target.write_bytes(OLD)
    with pytest.raises(cfbu.FormatError, match="reason given by the plugin"):
        cfbu.export(PLAN, target)
    assert target.read_bytes() == OLD
    assert listing(tmp_path) == ["plan.refuse"]


def test_a_new_file_gets_the_usual_mode_and_an_old_one_keeps_its_own(
    probe: Probe, tmp_path: Path
) -> None:
    usual = tmp_path / "usual"
    usual.write_bytes(b"")
    cfbu.export(PLAN, tmp_path / "new.probe")
    assert (tmp_path / "new.probe").stat().st_mode == usual.stat().st_mode
    kept = tmp_path / "kept.probe"
    kept.write_bytes(OLD)
    kept.chmod(0o640)
    cfbu.export(PLAN, kept)
    assert kept.read_bytes() == b"probe:Plan"
    assert kept.stat().st_mode & 0o777 == 0o640


KILLED_EXPORT = textwrap.dedent(
    """
    import os, signal, sys
    import cfbu_toolkit as cfbu
    from cfbu_toolkit.plugins import PluginHost, set_host

    def export(obj, stream, context):
        stream.write(b"partial output")
        stream.flush()
        os.kill(os.getpid(), signal.SIGKILL)   # killed mid-write: no cleanup runs

    class Killed:
        @cfbu.hookimpl
        def cfbu_exporters(self):
            return [cfbu.ExporterSpec(name="killed", suffixes=(".killed",),
                    media_type="application/x-test", kinds={"plan"}, export=export)]

    host = PluginHost(entry_points=False, builtins=())
    host.register(Killed(), name="killed")
    set_host(host)
    cfbu.export(cfbu.Plan(id="p", name="P"), sys.argv[1])
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_a_killed_export_leaves_the_target_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "plan.killed"
    target.write_bytes(OLD)
    result = subprocess.run(
        [sys.executable, "-c", KILLED_EXPORT, str(target)], capture_output=True, check=False
    )
    assert result.returncode == -signal.SIGKILL, result.stderr.decode()
    assert target.read_bytes() == OLD
    # What the killed process left behind is a temporary file beside the target, never
    # the target itself (and hidden, so it does not pass for an export).
    leftovers = [name for name in listing(tmp_path) if name != target.name]
    assert len(leftovers) == 1
    (leftover,) = leftovers
    assert leftover.startswith(".plan.killed.")
    assert leftover.endswith(".part")
    assert (tmp_path / leftover).read_bytes() == b"partial output"
