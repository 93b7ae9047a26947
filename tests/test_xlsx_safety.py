"""One test per openpyxl trap in PITFALLS.md, plus reading untrusted workbooks."""

from __future__ import annotations

import contextlib
import io
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest
from _profile import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cfbu_toolkit as cfbu
from cfbu_toolkit.errors import CfbuError, DocumentError
from cfbu_toolkit.formats.xlsx.plugin import WorkbookWarning
from cfbu_toolkit.locale import use_lang
from cfbu_toolkit.workbook import decode_text, encode_text, utf16_length

openpyxl = pytest.importorskip("openpyxl")


def _plan_with(description: str = "", name: str = "Boldklubben") -> cfbu.Plan:
    org = cfbu.Organisation(
        id="org-1", name=name, sector=cfbu.ActorSector.CIVIL_SOCIETY, description=description
    )
    return cfbu.Plan(id="plan-1", name="Plan", organisations=(org,))


def _cell(data: bytes, sheet: str, coordinate: str) -> Any:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return wb[sheet][coordinate]


# -- text becomes a formula ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        *("=SUM(A1)", "=1+1", "+1", "-x", "@x", "#N/A", "#DIV/0!", "#REF!", "\t=1", "'quoted"),
        # what a writer could take for a number or a link (XlsxWriter's options are off)
        *("0042", "1e5", "12,50", "https://solbakken.dk", "mailto:anne@eksempel.dk"),
    ],
)
def test_formula_like_text_stays_text(text: str) -> None:
    plan = _plan_with(description=text)
    data = cfbu.export(plan, format="xlsx")
    cell = _cell(data, "Organisationer", "F2")
    assert cell.data_type == "s"
    assert cell.value == text
    assert cfbu.load(data) == plan


# -- silent truncation ---------------------------------------------------------------------------


def test_text_of_32767_characters_survives() -> None:
    text = "æ" * 32_767
    plan = _plan_with(description=text)
    assert cfbu.load(cfbu.export(plan, format="xlsx")) == plan


def test_text_over_the_cell_limit_is_refused_with_its_cell(tmp_path: Path) -> None:
    plan = _plan_with(description="x" * 32_768)
    with pytest.raises(DocumentError) as info:
        cfbu.export(plan, format="xlsx")
    (problem,) = info.value.problems
    assert problem.where == "Organisationer!F2"
    assert "32768" in problem.text
    assert "32767" in problem.text


def test_emoji_count_twice() -> None:
    assert utf16_length("🏠") == 2
    plan = _plan_with(description="🏠" * 16_384)  # 16,384 characters, 32,768 code units
    with pytest.raises(DocumentError, match="Organisationer!F2"):
        cfbu.export(plan, format="xlsx")
    ok = _plan_with(description="🏠" * 16_383)
    assert cfbu.load(cfbu.export(ok, format="xlsx")) == ok


def test_every_too_long_cell_is_named_at_once() -> None:
    org = cfbu.Organisation(
        id="o", name="n" * 40_000, sector=cfbu.ActorSector.OTHER, address="a" * 40_000
    )
    plan = cfbu.Plan(id="p", name="Plan", organisations=(org,))
    with pytest.raises(DocumentError) as info:
        cfbu.export(plan, format="xlsx", lang="en")
    assert [p.where for p in info.value.problems] == ["Organisations!B2", "Organisations!H2"]
    with use_lang("en"):
        assert "a cell holds at most 32767" in info.value.problems[0].text


def test_a_lone_surrogate_is_refused_with_its_cell_and_the_stream_gets_nothing() -> None:
    # No file can hold one (UTF-8 cannot encode it); XlsxWriter would fail half-way.
    plan = _plan_with(description="før\ud800efter")
    stream = io.BytesIO()
    with pytest.raises(DocumentError) as info:
        cfbu.export(plan, stream, format="xlsx")
    (problem,) = info.value.problems
    assert problem.where == "Organisationer!F2"
    assert "U+D800" in problem.text
    assert "surrogattegn" in problem.text  # in Danish
    assert stream.getvalue() == b""  # nothing half-written reaches the stream


def test_a_plan_name_no_cell_holds_is_named_where_it_is_read_back() -> None:
    # The guide's title and the document's title show the name (U+FFFD for the
    # surrogate); the Plan sheet, which is read back, names its cell.
    with pytest.raises(DocumentError) as info:
        cfbu.export(cfbu.Plan(id="p", name="Plan\udc00"), format="xlsx")
    assert [p.where for p in info.value.problems] == ["Plan!B3"]


# -- limits not enforced -----------------------------------------------------------------------


def test_row_limit_is_enforced(monkeypatch: pytest.MonkeyPatch) -> None:
    from cfbu_toolkit.formats.xlsx import writer as xlsx

    monkeypatch.setattr(xlsx, "MAX_ROWS", 5)
    orgs = tuple(
        cfbu.Organisation(id=f"o{i}", name=f"Org {i}", sector=cfbu.ActorSector.OTHER)
        for i in range(5)
    )
    plan = cfbu.Plan(id="p", name="Plan", organisations=orgs)
    with pytest.raises(DocumentError, match="Organisationer: 5 rækker"):
        cfbu.export(plan, format="xlsx")


# -- characters XML cannot hold --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["a\x00b", "\x01\x1f", "bell\x07", "x\ufffe", "\uffff", "cr\rlf\r\n", "_x0041_", "_x005F_"],
)
def test_characters_xml_cannot_hold_are_carried(text: str) -> None:
    plan = _plan_with(description=text, name=f"N{text}")
    data = cfbu.export(plan, format="xlsx")
    assert cfbu.load(data) == plan
    # and the file is well-formed XML that openpyxl (and so Excel) opens
    openpyxl.load_workbook(io.BytesIO(data))


@given(st.text())
@settings(max_examples=examples(6))
def test_escape_is_exact(text: str) -> None:
    encoded = encode_text(text)
    assert decode_text(encoded) == text
    assert not re.search("[\x00-\x08\x0b-\x0c\x0e-\x1f\ufffe\uffff]", encoded)


# -- a failure mid-save ------------------------------------------------------------------------


def test_failed_export_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.xlsx"
    good = _plan_with()
    cfbu.export(good, target)
    before = target.read_bytes()
    with pytest.raises(DocumentError):
        cfbu.export(_plan_with(description="x" * 40_000), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["plan.xlsx"]


# -- read-only mode trusts <dimension> ---------------------------------------------------------


def _rewrite(data: bytes, change: dict[str, Any]) -> bytes:
    """The workbook with some parts replaced (bytes, or a function of the old bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            content = zin.read(info.filename)
            if info.filename in change:
                new = change[info.filename]
                content = new(content) if callable(new) else new
            zout.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _sheet_part(data: bytes, title: str) -> str:
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    index = wb.sheetnames.index(title) + 1
    return f"xl/worksheets/sheet{index}.xml"


def test_a_lying_dimension_does_not_hide_rows() -> None:
    orgs = tuple(
        cfbu.Organisation(id=f"o{i}", name=f"Org {i}", sector=cfbu.ActorSector.OTHER)
        for i in range(50)
    )
    plan = cfbu.Plan(id="p", name="Plan", organisations=orgs)
    data = cfbu.export(plan, format="xlsx")
    part = _sheet_part(data, "Organisationer")

    def lie(xml: bytes) -> bytes:
        xml = re.sub(rb"<dimension ref=\"[^\"]*\"/>", b"", xml)
        return xml.replace(b"<sheetViews>", b'<dimension ref="A1:A1"/><sheetViews>', 1)

    forged = _rewrite(data, {part: lie})
    assert b'ref="A1:A1"' in zipfile.ZipFile(io.BytesIO(forged)).read(part)
    assert cfbu.load(forged) == plan


# -- zip bombs and limits ----------------------------------------------------------------------


def _bomb(size: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            chunk = b"\0" * 2**20
            for _ in range(size // 2**20):
                f.write(chunk)
    return out.getvalue()


def test_zip_bomb_is_refused_before_unpacking(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _bomb(300 * 2**20)
    assert len(data) < 2 * 2**20
    from cfbu_toolkit.formats.xlsx import plugin as xlsx

    def never(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the workbook must not be opened")

    monkeypatch.setattr(xlsx, "open_workbook", never)
    with pytest.raises(DocumentError, match="udpakket"):
        cfbu.load(data, format="xlsx", max_uncompressed_bytes=100 * 2**20)


def test_forged_sizes_fail_the_checksum() -> None:
    """A part declaring a small size is read only that far, and then fails its CRC."""
    import struct

    data = cfbu.export(_plan_with(), format="xlsx")
    part = _sheet_part(data, "Organisationer").encode()
    forged = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while (at := forged.find(signature, at)) != -1:
            name_at = forged.find(part, at)
            if 0 <= name_at - at <= 46:
                forged[at + offset : at + offset + 4] = struct.pack("<I", 10)
            at += 4
    assert bytes(forged) != data
    with pytest.raises(DocumentError):
        cfbu.load(bytes(forged), format="xlsx")


def test_damaged_archive() -> None:
    data = cfbu.export(_plan_with(), format="xlsx")
    broken = data[: len(data) // 2] + data[len(data) // 2 + 10 :]
    with pytest.raises(DocumentError):
        cfbu.load(broken, format="xlsx")


def test_limits_are_configurable() -> None:
    plan = _plan_with()
    data = cfbu.export(plan, format="xlsx")
    with pytest.raises(DocumentError, match="byte"):
        cfbu.load(data, format="xlsx", max_file_bytes=100)
    with pytest.raises(DocumentError, match="dele"):
        cfbu.load(data, format="xlsx", max_parts=3)
    with pytest.raises(DocumentError, match="rækker"):
        cfbu.load(data, format="xlsx", max_rows=1)
    with pytest.raises(CfbuError, match="læser ingen indstilling max_bananas"):
        cfbu.load(data, format="xlsx", max_bananas=1)
    with use_lang("en"), pytest.raises(CfbuError, match="reads no option max_bananas"):
        cfbu.load(data, format="xlsx", max_bananas=1)


# -- XML attacks -----------------------------------------------------------------------------


def test_a_document_type_is_refused_before_any_parser_sees_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The protection is ours, not defusedxml's: it holds with openpyxl parsing unprotected,
    # and the workbook is never opened.
    data = cfbu.export(_plan_with(), format="xlsx")
    part = _sheet_part(data, "Organisationer")
    from cfbu_toolkit.formats.xlsx import plugin as xlsx

    def never(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the workbook must not be opened")

    monkeypatch.setattr(xlsx, "open_workbook", never)
    hidden = b"<!--" + b"x" * 20_000 + b"-->"

    def behind_a_long_comment(xml: bytes) -> bytes:
        return b'<?xml version="1.0"?>' + hidden + b"<!DOCTYPE x []>" + xml.split(b"?>", 1)[-1]

    def in_utf16(xml: bytes) -> bytes:
        text = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x []>'
        return (text + xml.split(b"?>", 1)[-1].decode()).encode("utf-16")

    for change in (behind_a_long_comment, in_utf16):
        with pytest.raises(DocumentError, match="DOCTYPE"):
            cfbu.load(_rewrite(data, {part: change}))


def test_parts_read_whole_are_limited_on_their_own() -> None:
    data = cfbu.export(_plan_with(), format="xlsx")
    with pytest.raises(DocumentError, match=r"xl/styles\.xml"):
        cfbu.load(data, max_styles_bytes=10)


_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


def test_entity_expansion_is_refused() -> None:
    data = cfbu.export(_plan_with(), format="xlsx")
    part = _sheet_part(data, "Organisationer")

    def bomb(xml: bytes) -> bytes:
        body = xml.split(b"?>", 1)[-1]
        return _LAUGHS + body.replace(b"Boldklubben", b"&lol3;", 1)

    with pytest.raises(DocumentError, match="DOCTYPE"):
        cfbu.load(_rewrite(data, {part: bomb}))


def test_external_entities_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("hemmeligt")
    data = cfbu.export(_plan_with(), format="xlsx")
    part = _sheet_part(data, "Organisationer")

    def xxe(xml: bytes) -> bytes:
        body = xml.split(b"?>", 1)[-1]
        doctype = f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        return doctype.encode() + body.replace(b"Boldklubben", b"&xxe;", 1)

    with pytest.raises(DocumentError):
        cfbu.load(_rewrite(data, {part: xxe}))


# -- damaged files and macros --------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [b"", b"not a workbook", b"PK\x03\x04broken", b"{}", bytes(range(256)) * 10],
)
def test_not_a_workbook(data: bytes) -> None:
    with pytest.raises(DocumentError):
        cfbu.load(data, format="xlsx")


def test_truncated_workbook() -> None:
    data = cfbu.export(cfbu.examples.demo_plan(), format="xlsx")
    for cut in (10, len(data) // 3, len(data) - 30):
        with pytest.raises(DocumentError):
            cfbu.load(data[:cut], format="xlsx")


def test_a_zip_that_is_not_a_workbook() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "hej")
    with pytest.raises(DocumentError, match="ikke en Excel-projektmappe"):
        cfbu.load(out.getvalue(), format="xlsx")


def test_macros_are_never_carried(tmp_path: Path) -> None:
    plan = _plan_with()
    data = cfbu.export(plan, format="xlsx")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info.filename))
        zout.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
    path = tmp_path / "skema.xlsm"
    path.write_bytes(out.getvalue())
    with pytest.warns(WorkbookWarning, match="makroer"):
        assert cfbu.load(path) == plan


# -- fuzzing ------------------------------------------------------------------------------

_VALID = cfbu.export(_plan_with(description="=SUM(A1) æøå"), format="xlsx")


@given(
    st.lists(
        st.tuples(st.integers(0, len(_VALID) - 1), st.integers(0, 255)), min_size=1, max_size=8
    )
)
@settings(max_examples=examples(3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fuzzed_bytes_give_only_the_librarys_errors(changes: list[tuple[int, int]]) -> None:
    data = bytearray(_VALID)
    for at, value in changes:
        data[at] = value
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with contextlib.suppress(CfbuError):  # anything else fails the test
            cfbu.load(bytes(data), format="xlsx")


# -- what a cell can hold: the check the exporter makes on every text -------------------------


@given(
    st.text(max_size=20),
    st.sampled_from(["", "\ud800", "\udfff"]),  # a lone surrogate somewhere, or none
    st.integers(0, 20),
    st.integers(0, 40_000),
    st.sampled_from("aæ🏠"),
)
def test_a_text_is_refused_exactly_when_no_cell_holds_it(
    text: str, odd: str, at: int, pad: int, char: str
) -> None:
    from cfbu_toolkit.formats.xlsx.book import shown, text_fault

    text = text[:at] + odd + text[at:] + char * pad
    surrogate = any(0xD800 <= ord(c) <= 0xDFFF for c in text)
    assert (text_fault(text) is not None) == (utf16_length(text) > 32_767 or surrogate)
    # the grid shows any name, replaced or cut where it must be
    assert text_fault(shown(text)) is None
