"""A plugin that calls sys.exit or raises KeyboardInterrupt is stopped with a PluginError
(or skipped with a warning while loading); the other plugins keep working; a person's
Ctrl-C and the caller's own callbacks still stop an export as they always did."""

from __future__ import annotations

import os
import signal
import sys
import threading
import warnings
from collections.abc import Iterable, Iterator
from typing import IO, Any

import pytest

import cfbu_toolkit as cfbu
from cfbu_toolkit.locale import use_lang
from cfbu_toolkit.plugins import ExporterSpec, ImporterSpec, PluginHost, PluginWarning
from cfbu_toolkit.testing import fresh_plugin_host

PLAN = cfbu.Plan(id="p", name="P")


def leave(obj: Any, stream: IO[bytes], context: cfbu.ExportContext) -> None:
    sys.exit(0)


def interrupt(obj: Any, stream: IO[bytes], context: cfbu.ExportContext) -> None:
    raise KeyboardInterrupt


def ctrl_c(obj: Any, stream: IO[bytes], context: cfbu.ExportContext) -> None:
    os.kill(os.getpid(), signal.SIGINT)  # what pressing Ctrl-C does
    for _ in range(1000):  # the handler runs between bytecodes
        pass


def report(obj: Any, stream: IO[bytes], context: cfbu.ExportContext) -> None:
    context.report(1, 2)
    stream.write(b"done")


def load_and_leave(stream: IO[bytes], context: cfbu.ImportContext) -> Any:
    raise SystemExit("bye")


def _spec(name: str, export: Any) -> ExporterSpec:
    return ExporterSpec(
        name=name, suffixes=(f".{name}",), media_type="text/plain", kinds={"plan"}, export=export
    )


class Formats:
    @cfbu.hookimpl
    def cfbu_exporters(self) -> Iterable[ExporterSpec]:
        return [
            _spec("leave", leave),
            _spec("interrupt", interrupt),
            _spec("ctrlc", ctrl_c),
            _spec("report", report),
        ]

    @cfbu.hookimpl
    def cfbu_importers(self) -> Iterable[ImporterSpec]:
        return [
            ImporterSpec(
                name="leave",
                suffixes=(".leave",),
                media_type="text/plain",
                kinds={"plan"},
                load=load_and_leave,
            )
        ]


class ExitsInHook:
    @cfbu.hookimpl
    def cfbu_exporters(self) -> Iterable[ExporterSpec]:
        sys.exit(3)


class InterruptsInHook:
    @cfbu.hookimpl
    def cfbu_exporters(self) -> Iterable[ExporterSpec]:
        raise KeyboardInterrupt


@pytest.fixture
def host() -> Iterator[PluginHost]:
    with fresh_plugin_host(builtins=(("json", "cfbu_toolkit.formats.json.plugin"),)) as host:
        host.register(Formats(), name="formats", distribution="formats-dist")
        yield host


@pytest.mark.parametrize("plugin", [ExitsInHook(), InterruptsInHook()])
def test_a_hook_that_ends_the_program_is_skipped_and_the_rest_works(
    host: PluginHost, plugin: Any
) -> None:
    host.register(plugin, name="rude", distribution="rude-dist")
    with pytest.warns(
        PluginWarning, match=r"'rude' \(rude-dist\).*(SystemExit|KeyboardInterrupt)"
    ):
        names = {f.name for f in cfbu.formats()}
    assert {"json", "leave", "report"} <= names
    assert cfbu.export(PLAN, format="json").startswith(b"{")


@pytest.mark.parametrize("name", ["leave", "interrupt"])
def test_an_exporter_that_ends_the_program_is_a_plugin_error(
    host: PluginHost, name: str, tmp_path: Any
) -> None:
    target = tmp_path / f"plan.{name}"
    with pytest.raises(cfbu.PluginError, match=r"'formats' \(formats-dist\)") as e:
        cfbu.export(PLAN, target)
    assert e.value.plugin == "formats"
    assert "tried to end the program" in e.value.message
    with use_lang("en"):
        assert "tried to end the program in exporter" in str(e.value)
    assert not target.exists()
    assert cfbu.export(PLAN, format="json").startswith(b"{")  # the rest keeps working


def test_an_importer_that_exits_is_a_plugin_error(host: PluginHost) -> None:
    with pytest.raises(cfbu.PluginError, match="SystemExit"):
        cfbu.load(b"x", format="leave")


def test_ctrl_c_while_a_plugin_runs_still_interrupts(host: PluginHost) -> None:
    with pytest.raises(KeyboardInterrupt):
        cfbu.export(PLAN, format="ctrlc")
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # put back


def test_the_callers_progress_callback_may_cancel_with_keyboard_interrupt(
    host: PluginHost,
) -> None:
    def cancel(done: int, total: int | None) -> None:
        raise KeyboardInterrupt

    def fail(done: int, total: int | None) -> None:
        raise ValueError("the caller's own error")

    with pytest.raises(KeyboardInterrupt):
        cfbu.export(PLAN, format="report", progress=cancel)
    with pytest.raises(ValueError, match="the caller's own error"):
        cfbu.export(PLAN, format="report", progress=fail)


def test_outside_the_main_thread_any_keyboard_interrupt_is_the_plugins(
    host: PluginHost,
) -> None:
    caught: list[BaseException] = []

    def run() -> None:
        try:
            cfbu.export(PLAN, format="interrupt")
        except BaseException as exc:
            caught.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    [exc] = caught
    assert isinstance(exc, cfbu.PluginError)


def test_a_plugin_that_exits_at_import_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom() -> Any:
        raise SystemExit(1)

    host = PluginHost(entry_points=False, builtins=())
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        host._register_module("exits", boom, "exits-dist")
    assert any("'exits' (exits-dist)" in str(w.message) for w in seen)
    assert any("SystemExit" in str(w.message) for w in seen)
    assert not host.pm.has_plugin("exits")
