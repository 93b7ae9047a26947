"""The typed hook protocols: ``mypy --strict`` fails on a plugin whose hook has the wrong
signature, passes a correct one and the packages ``cfbu plugin new`` writes; and each
protocol says exactly what its hook specification says."""

from __future__ import annotations

import inspect
import textwrap
import typing
from pathlib import Path

import pytest

from cfbu_toolkit.plugins import hookspecs, protocols
from cfbu_toolkit.plugins.scaffold import new_plugin

mypy_api = pytest.importorskip("mypy.api")

WRONG = """
from __future__ import annotations

from typing import TYPE_CHECKING

import cfbu_toolkit as cfbu


@cfbu.hookimpl
def cfbu_exporters(lang: str) -> list[str]:  # takes an argument, returns no descriptors
    return [lang]


class Reader(cfbu.ImporterPlugin):
    @cfbu.hookimpl
    def cfbu_importers(self) -> list[cfbu.ExporterSpec]:  # the wrong descriptor
        return []


if TYPE_CHECKING:
    import wrong_plugin

    _plugin: cfbu.ExporterPlugin = wrong_plugin
"""

RIGHT = """
from __future__ import annotations

from typing import IO, TYPE_CHECKING

import cfbu_toolkit as cfbu


def write(obj: cfbu.Exportable, stream: IO[bytes], context: cfbu.ExportContext) -> None:
    stream.write(b"plan")


@cfbu.hookimpl
def cfbu_exporters() -> list[cfbu.ExporterSpec]:
    spec = cfbu.ExporterSpec(
        name="plain", suffixes=(".plain",), media_type="text/plain", kinds={"plan"}, export=write
    )
    return [spec]


class Reader(cfbu.ImporterPlugin):
    @cfbu.hookimpl
    def cfbu_importers(self) -> tuple[cfbu.ImporterSpec, ...]:
        return ()


if TYPE_CHECKING:
    import right_plugin

    _plugin: cfbu.ExporterPlugin = right_plugin
"""


def _mypy(*paths: Path, cache: Path) -> tuple[str, int]:
    out, err, status = mypy_api.run(
        [
            *("--config-file", str(cache / "mypy.ini")),  # not this repository's settings
            *("--strict", "--no-error-summary", "--cache-dir", str(cache)),
            *map(str, paths),
        ]
    )
    return out + err, status


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("mypy-cache")
    (folder / "mypy.ini").write_text("[mypy]\n", encoding="utf-8")
    return folder


def _module(folder: Path, name: str, source: str) -> Path:
    folder.mkdir()
    path = folder / f"{name}.py"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


def test_a_wrong_hook_signature_fails_mypy(tmp_path: Path, cache: Path) -> None:
    path = _module(tmp_path / "wrong", "wrong_plugin", WRONG)
    output, status = _mypy(path, cache=cache)
    assert status == 1, output
    lines = [line for line in output.splitlines() if ": error:" in line]
    assert len(lines) == 2, output
    assert 'incompatible with return type "Iterable[ImporterSpec]" in supertype' in lines[0]
    assert 'variable has type "ExporterPlugin"' in lines[1]
    assert "def cfbu_exporters(lang: str) -> list[str]" in output


def test_a_right_hook_signature_passes_mypy(tmp_path: Path, cache: Path) -> None:
    path = _module(tmp_path / "right", "right_plugin", RIGHT)
    output, status = _mypy(path, cache=cache)
    assert (status, output) == (0, "")


@pytest.mark.parametrize("kind", ["exporter", "importer"])
def test_the_generated_plugin_passes_mypy_strict(
    tmp_path: Path, cache: Path, kind: typing.Literal["exporter", "importer"]
) -> None:
    root = new_plugin("names", kind=kind, folder=tmp_path)
    output, status = _mypy(root / "src", root / "tests", cache=cache)
    assert (status, output) == (0, "")
    # The check in the generated module is real: a wrong return type is caught.
    module = root / "src" / "cfbu_toolkit_names" / "__init__.py"
    hook = "cfbu_exporters" if kind == "exporter" else "cfbu_importers"
    source = module.read_text(encoding="utf-8")
    broken = source.replace(f"def {hook}() -> list[", f"def {hook}(lang: str) -> list[")
    assert broken != source
    module.write_text(broken, encoding="utf-8")
    output, status = _mypy(root / "src", cache=cache)
    assert status == 1
    assert f"def {hook}(lang: str)" in output


def _hookspecs() -> dict[str, typing.Callable[..., object]]:
    return {
        name: obj
        for name, obj in vars(hookspecs).items()
        if name.startswith("cfbu_") and inspect.isfunction(obj)
    }


def test_every_hook_has_a_protocol_with_its_signature() -> None:
    methods = {
        name: getattr(getattr(protocols, protocol), name)
        for protocol in protocols.__all__
        for name in vars(getattr(protocols, protocol))
        if name.startswith("cfbu_")
    }
    assert sorted(methods) == sorted(_hookspecs())
    for name, spec in _hookspecs().items():
        method = methods[name]
        assert typing.get_type_hints(method) == typing.get_type_hints(spec), name
        parameters = list(inspect.signature(method).parameters)[1:]  # without self
        assert parameters == list(inspect.signature(spec).parameters), name
