"""Reading JSON is bounded: size, problems, duplicate keys, byte order mark, hostile input.

The resource tests build each hostile input inside a child process (nothing large on disk)
and load it there under a memory cap: a watchdog thread ends the child once its resident
memory passes the cap. (Not ``RLIMIT_AS``/``RLIMIT_DATA``: under either, orjson 3.x crashes
with a segmentation fault writing any list of over about five million items, whatever the
limit.) A refusal must come as the library's own error and the child's peak memory must stay
under the cap; its wall time is printed (``pytest -s``) for the notes, never asserted: a
generous subprocess timeout is the failure condition.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cfbu_toolkit as cfbu
from cfbu_toolkit.errors import MAX_PROBLEMS, CfbuError, DocumentError, ProblemList
from cfbu_toolkit.io import document
from cfbu_toolkit.locale import use_lang

resource = pytest.importorskip("resource")
pytestmark = pytest.mark.skipif(
    not Path("/proc/self/statm").exists(), reason="the memory watchdog reads /proc"
)

MEMORY_CAP_MB = 500
TIMEOUT = 60  # seconds; far above the few the children take, so never flaky


def _envelope(data: dict[str, Any], kind: str = "plan") -> dict[str, Any]:
    return {"format": "cfbu-toolkit", "schema_version": 1, "kind": kind, "data": data}


def _plan_document(**data: Any) -> bytes:
    return orjson.dumps(_envelope({"id": "p", "name": "Plan", **data}))


@pytest.fixture(autouse=True)
def _english() -> Any:
    """The messages are matched in English here; the Danish is checked once, below."""
    with use_lang("en"):
        yield


# -- the size limit -------------------------------------------------------------------------


def test_a_document_over_the_limit_is_refused_before_parsing() -> None:
    data = _plan_document(area="x" * 2000)
    with pytest.raises(DocumentError, match="max_bytes") as info:
        document.loads(data, max_bytes=1000)
    assert info.value.problems[0].where == "$"
    assert document.loads(data, max_bytes=len(data)).area == "x" * 2000


def test_load_takes_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(_plan_document(area="y" * 5000))
    with pytest.raises(DocumentError, match="max_bytes"):
        cfbu.load(path, max_bytes=4000)
    assert cfbu.load(path, max_bytes=10_000).area == "y" * 5000
    with pytest.raises(CfbuError, match="max_bytes"):
        cfbu.load(path, max_bytes=0)


def test_the_default_limit_is_documented() -> None:
    assert document.MAX_JSON_BYTES == 200 * 1024 * 1024
    assert "MAX_JSON_BYTES" in (Path(__file__).parents[1] / "docs/formats.md").read_text()


# -- duplicate keys and the byte order mark -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            b'{"format": "cfbu-toolkit", "schema_version": 1, "kind": "mapping", "kind": "plan",'
            b' "data": {"id": "p", "name": "P"}}',
            "$.kind",
        ),
        (
            b'{"format": "cfbu-toolkit", "schema_version": 2, "schema_version": 1, "kind": "plan",'
            b' "data": {"id": "p", "name": "P"}}',
            "$.schema_version",
        ),
        (
            b'{"format": "cfbu-toolkit", "schema_version": 1, "kind": "plan",'
            b' "data": {"id": "p", "name": "P", "name": "Q"}}',
            "$.data.name",
        ),
        (
            b'{"format": "cfbu-toolkit", "schema_version": 1, "kind": "plan", "data": {"id": "p",'
            b' "name": "P", "organisations": [{"id": "o", "name": "A", "sector": "other"},'
            b' {"id": "o2", "name": "B", "name": "C", "sector": "other"}]}}',
            "$.data.organisations[1].name",
        ),
    ],
)
def test_a_key_written_twice_is_an_error_naming_its_path(text: bytes, where: str) -> None:
    with pytest.raises(DocumentError) as info:
        cfbu.load(text)
    assert [p.where for p in info.value.problems] == [where]
    assert "more than once" in info.value.problems[0].text or "mere end" in str(info.value)


def test_colons_inside_text_are_not_taken_for_duplicates() -> None:
    # Times, addresses and escaped colons make the quick count differ from the keys.
    text = (
        b'{"format": "cfbu-toolkit", "schema_version": 1, "kind": "plan", "data": {"id": "p",'
        b' "name": "Kl. 09:30 \\u003a \\\\u003a https://x.dk", "area": ":::"}}'
    )
    plan = cfbu.load(text)
    assert plan.name == "Kl. 09:30 : \\u003a https://x.dk"


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    plan = cfbu.Plan(id="p", name="Æblehaven")
    data = b"\xef\xbb\xbf" + cfbu.export(plan, format="json")
    assert cfbu.load(data) == plan
    path = tmp_path / "plan.json"
    path.write_bytes(data)
    assert cfbu.load(path) == plan
    assert document.loads("\ufeff" + data[3:].decode()) == plan


def test_a_huge_number_is_an_error_with_its_path() -> None:
    text = b'{"format": "cfbu-toolkit", "schema_version": 1, "kind": "plan", "data": {"id": "p",'
    text += b' "name": "P", "budget_dkk": 1' + b"0" * 5000 + b"}}"
    with pytest.raises(DocumentError) as info:
        cfbu.load(text)
    assert [p.where for p in info.value.problems] == ["$.data.budget_dkk"]


@pytest.mark.parametrize("value", [10**15, 2**63, 10**30])
def test_an_amount_every_format_cannot_carry_is_refused(value: int) -> None:
    text = _plan_document().replace(b'"name":"Plan"', b'"name":"Plan","budget_dkk":%d' % value)
    with pytest.raises(DocumentError) as info:
        cfbu.load(text)
    assert [p.where for p in info.value.problems] == ["$.data.budget_dkk"]


# -- problems are capped ----------------------------------------------------------------------


def _wrong_organisations(count: int) -> bytes:
    orgs = [{"id": i, "name": None, "sector": "nowhere", "extra": 1} for i in range(count)]
    return _plan_document(organisations=orgs)


def test_problems_are_capped_and_the_rest_said() -> None:
    with pytest.raises(DocumentError) as info:
        cfbu.load(_wrong_organisations(2000))
    error = info.value
    assert len(error.problems) == MAX_PROBLEMS
    assert error.stopped or error.more
    assert error.problems[0].where.startswith("$.data.organisations[0].")
    text = str(error)
    assert text.count("\n") <= MAX_PROBLEMS + 3


def test_validation_counts_what_it_does_not_list() -> None:
    orgs = [
        cfbu.Organisation(id="o", name=f"O{i}", sector=cfbu.ActorSector.OTHER) for i in range(1500)
    ]
    problems = cfbu.validate(cfbu.Plan(id="p", name="P", organisations=orgs))
    assert isinstance(problems, ProblemList)
    assert len(problems) == MAX_PROBLEMS
    assert problems.more == 499
    error = DocumentError(problems)
    assert "499" in str(error)


def test_a_problem_list_keeps_at_most_its_limit() -> None:
    found = ProblemList(limit=2)
    for i in range(5):
        found.add(cfbu.Problem(where=f"$[{i}]", message="x"))
    assert [p.where for p in found] == ["$[0]", "$[1]"]
    assert found.more == 3


# -- hostile input in a child process with a memory cap -----------------------------------


def _run_capped(build: str, load: str = "cfbu.load(data)") -> dict[str, Any]:
    """Build the input and load it in a child under a memory cap; what happened, measured."""
    script = textwrap.dedent(
        f"""
        import json, os, resource, sys, threading, time
        cap = {MEMORY_CAP_MB} * 2**20
        page = os.sysconf("SC_PAGE_SIZE")

        def watch():
            while True:
                with open("/proc/self/statm") as handle:
                    rss = int(handle.read().split()[1]) * page
                if rss > cap:
                    print(json.dumps({{"outcome": "over the memory cap"}}), flush=True)
                    os._exit(0)
                time.sleep(0.02)

        threading.Thread(target=watch, daemon=True).start()
        import orjson
        import cfbu_toolkit as cfbu
        from cfbu_toolkit.errors import CfbuError
        envelope = {{"format": "cfbu-toolkit", "schema_version": 1, "kind": "plan"}}
        """
    )
    script += textwrap.dedent(build)
    script += textwrap.dedent(
        f"""
        size = len(data) if isinstance(data, (bytes, str)) else 0
        start = time.perf_counter()
        try:
            {load}
            outcome = "accepted"
        except CfbuError as exc:
            outcome = "refused: " + str(exc)[:200]
        except MemoryError:
            outcome = "MemoryError"
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({{"outcome": outcome, "seconds": seconds, "peak_mb": peak / 1024,
                          "input_mb": size / 2**20}}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"\n  {result}")
    return result


HOSTILE = {
    # The red team's file whose every item is wrong (0.86 MB: 1.8 GB and 15 s before).
    "every item wrong, 0.9 MB": """
        orgs = [{"id": i, "name": None, "sector": "x", "extra": i} for i in range(18_000)]
        data = orjson.dumps({**envelope, "data": {"id": "p", "name": "P", "organisations": orgs}})
    """,
    # The 5.7 MB one that died with MemoryError.
    "every item wrong, 5.7 MB": """
        orgs = [{"id": i, "name": None, "sector": "x", "extra": i} for i in range(115_000)]
        data = orjson.dumps({**envelope, "data": {"id": "p", "name": "P", "organisations": orgs}})
    """,
    # Ten million integers in a text list, 20 MB (past two minutes before).
    "ten million integers in a text list": """
        head = orjson.dumps({**envelope, "data": {"id": "p", "name": "P"}})[:-2]
        data = head + b',"housing_departments":[' + b"1," * 9_999_999 + b"1]}}"
    """,
    "a million unknown keys": """
        data = b'{"format":"cfbu-toolkit","schema_version":1,"kind":"plan","data":{"id":"p",'
        data += b'"name":"P",' + b",".join(b'"k%d":0' % i for i in range(1_000_000)) + b"}}"
    """,
    "a hundred thousand duplicate keys": """
        obj = b'{"id":"o","name":"A","name":"B","sector":"other"}'
        data = b'{"format":"cfbu-toolkit","schema_version":1,"kind":"plan","data":{"id":"p",'
        data += b'"name":"P","organisations":[' + b",".join([obj] * 100_000) + b"]}}"
    """,
    "nesting ten thousand deep": """
        data = b'{"format":"cfbu-toolkit","schema_version":1,"kind":"plan","data":'
        data += b"[" * 10_000 + b"]" * 10_000 + b"}"
    """,
    "a number of 5000 digits": """
        data = b'{"format":"cfbu-toolkit","schema_version":1,"kind":"plan","data":{"id":"p",'
        data += b'"name":"P","budget_dkk":1' + b"0" * 5000 + b"}}"
    """,
    "a thousand thousand-digit numbers": """
        data = b'{"format":"cfbu-toolkit","schema_version":1,"kind":"plan","data":{"id":"p",'
        data += b'"name":"P","housing_departments":[' + b",".join([b"9" * 1000] * 1000) + b"]}}"
    """,
    "every reference dangling": """
        entries = [
            {"id": f"e{i}", "organisation_id": "nobody", "assessments": [{"date": "2024-01-01"}]}
            for i in range(100_000)
        ]
        maps = [{"id": "m", "title": "M", "entries": entries}]
        data = orjson.dumps({**envelope, "data": {"id": "p", "name": "P", "mappings": maps}})
    """,
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_json_is_refused_in_bounded_memory(name: str) -> None:
    result = _run_capped(HOSTILE[name])
    assert result["outcome"].startswith("refused"), result
    assert result["peak_mb"] < MEMORY_CAP_MB


def test_a_document_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    # Sparse: 300 MB long, nothing on disk.
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.truncate(300 * 2**20)
    result = _run_capped(f"data = {str(path)!r}", load="cfbu.load(data)")
    assert result["outcome"].startswith("refused"), result
    assert "max_bytes" in result["outcome"]


# -- loaders fed bad input raise only the library's errors ----------------------------------


@given(st.binary(max_size=300))
def test_bytes_give_only_the_librarys_errors(data: bytes) -> None:
    with contextlib.suppress(CfbuError):
        document.loads(data)


_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**64 - 1)
    | st.floats()
    | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(
    st.dictionaries(
        st.sampled_from(["id", "name", "organisations", "budget_dkk", "period", "x", "area"]),
        _json_values,
    )
)
def test_documents_give_only_the_librarys_errors(data: dict[str, Any]) -> None:
    with contextlib.suppress(CfbuError):
        cfbu.load(orjson.dumps(_envelope(data), option=orjson.OPT_NON_STR_KEYS))


@given(st.text(max_size=60), st.text(max_size=60))
def test_spliced_duplicates_are_always_found(key: str, value: str) -> None:
    inner = json.dumps({"id": "p", "name": "P"})[:-1]
    text = inner + f", {json.dumps(key)}: {json.dumps(value)}, {json.dumps(key)}: 1}}"
    whole = '{"format": "cfbu-toolkit", "schema_version": 1, "kind": "plan", "data": ' + text + "}"
    with pytest.raises(DocumentError) as info:
        cfbu.load(whole.encode())
    assert any("more than once" in p.message for p in info.value.problems)
