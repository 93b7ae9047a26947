"""The privacy promise, as a property over generated plans and every installed format.

The plan's people (names, e-mails, phones), written the ways people write them (surname
first, extra spaces, line breaks, any case, every common phone writing), a CPR number, an
unknown person's e-mail and phone, are planted in EVERY free-text field of the plan. Then
the whole plan and each of its parts, with and without ``plan=``, are exported in every
installed format (``cfbu.formats()``), and the output bytes are searched, inside zip
members too. Under ``omit`` none of it remains; under ``pseudonymise`` none of the
originals remains and each person has one pseudonym in every file.

Without ``plan=`` a part holds no names of people (only their ids), so for those exports
the names are not looked for, only e-mails, phones and CPR numbers (docs/privacy.md).
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import zipfile
from typing import Any

import attrs
import pytest
from _profile import examples
from hypothesis import given, settings
from hypothesis import strategies as st

import cfbu_toolkit as cfbu
from cfbu_toolkit import ContactPerson, Plan
from cfbu_toolkit.model._fields import field_infos
from cfbu_toolkit.privacy import pseudonym
from cfbu_toolkit.testing import plans

FIRST = ("Louise", "Søren", "Bo", "Åse", "Ib")
MIDDLE = ("", "Marie ", "Østergaard ")
LAST = ("Holm", "Kæraa", "Ek", "Yilmaz", "Li")
CPRS = ("010190-1234", "3112851234")
UNKNOWN = ("ukendt.person@example.org", "+45 88 77 66 55")


@st.composite
def people(draw: Any, plan: Plan) -> Plan:
    """``plan`` with plain, searchable names, e-mails and phones for its contacts."""
    contacts = []
    used: set[str] = set()
    for index, person in enumerate(plan.contacts):
        name = (
            f"{draw(st.sampled_from(FIRST))} {draw(st.sampled_from(MIDDLE))}"
            f"{draw(st.sampled_from(LAST))}"
        )
        if name in used:  # two people of one name: one pseudonym could not serve both
            continue
        used.add(name)
        pairs = draw(st.lists(st.integers(10, 99), min_size=4, max_size=4))
        phone = draw(st.sampled_from(("", "+45 ", "0045 "))) + " ".join(map(str, pairs))
        contacts.append(
            attrs.evolve(
                person,
                name=name,
                email=f"p{index}.{name.split()[-1].lower()}@kommune.dk",
                phone=phone,
            )
        )
    if len(contacts) != len(plan.contacts):
        ids = {c.id for c in contacts}
        plan = _without_contacts(plan, {c.id for c in plan.contacts} - ids)
    return attrs.evolve(plan, contacts=contacts)


def _without_contacts(plan: Plan, gone: set[str]) -> Plan:
    # Simplest valid way to drop a contact: redact it away, then keep the rest as it was.
    # Only a few examples need it; drawing distinct names is the common case.
    kept = tuple(c for c in plan.contacts if c.id not in gone)
    return cfbu.from_dict(_drop_refs(cfbu.to_dict(attrs.evolve(plan, contacts=kept)), gone), Plan)


def _drop_refs(value: Any, gone: set[str]) -> Any:
    if isinstance(value, dict):
        if value.get("contact_id") in gone and "organisation_id" in value and len(value) <= 2:
            return None  # a membership: nothing but a person
        out = {}
        for k, v in value.items():
            if isinstance(v, str) and v in gone:
                out[k] = None
            else:
                out[k] = _drop_refs(v, gone)
        return out
    if isinstance(value, list):
        items = [_drop_refs(v, gone) for v in value if not (isinstance(v, str) and v in gone)]
        return [v for v in items if v is not None]
    return value


def spellings(person: ContactPerson) -> list[str]:
    """Ways people write this person: the name in several orders and spacings, the
    e-mail in capitals, the phone in every common writing."""
    words = person.name.split()
    first, last = " ".join(words[:-1]), words[-1]
    digits = re.sub(r"\D", "", person.phone or "")[-8:]
    pairs = [digits[i : i + 2] for i in range(0, 8, 2)]
    return [
        person.name,
        f"{last}, {first}",
        f"{last.upper()}  {first.lower()}",
        person.name.replace(" ", "\n", 1),
        f"{first}\u00a0{last}",
        (person.email or "").upper(),
        digits,
        " ".join(pairs),
        f"+45 {' '.join(pairs)}",
        f"0045{digits}",
        f"{digits[:4]} {digits[4:]}",
        "-".join(pairs),
    ]


def planted_text(plan: Plan) -> str:
    found = [s for person in plan.contacts for s in spellings(person)]
    return " ; ".join([*found, *CPRS, *UNKNOWN])


def plant(obj: Any, words: str) -> Any:
    """``obj`` with ``words`` added to every free-text field (contacts left as they are)."""
    if type(obj) is tuple:
        return tuple(plant(item, words) for item in obj)
    if not attrs.has(type(obj)) or type(obj) is ContactPerson:
        return obj
    changes = {}
    for info in field_infos(type(obj)):
        value = getattr(obj, info.name)
        if info.nested:
            changes[info.name] = plant(value, words)
        elif info.text and type(value) is str:
            changes[info.name] = f"{value} {words}"
        elif info.text and type(value) is tuple:
            changes[info.name] = (*value, words)
    return attrs.evolve(obj, **changes)


# --- reading an export ------------------------------------------------------------------


def readable(data: bytes) -> str:
    """The text of an export, zip members and PDF pages included, escapes undone and
    whitespace (line breaks written any way) collapsed to one space, casefolded."""
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = [archive.read(name) for name in archive.namelist()]
    elif data[:5] == b"%PDF-":
        if shutil.which("pdftotext") is None:
            pytest.skip("pdftotext (poppler-utils) is not installed to read a PDF export")
        done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
        parts = [done.stdout]
    else:
        parts = [data]
    text = "\n".join(part.decode("utf-8", errors="replace") for part in parts)
    text = html.unescape(html.unescape(text))
    text = re.sub(r"\\[nrt]|<br\s*/?>|_x000[dD]_", " ", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return re.sub(r"\s+", " ", text).casefold()


def _norm(value: str) -> str:
    return re.sub(r"\s+", " ", value).casefold()


def leaks(text: str, plan: Plan, *, names: bool) -> list[str]:
    found = []
    for person in plan.contacts:
        for written in [person.email or "", person.phone or "", *spellings(person)[5:]]:
            if written and _norm(written) in text:
                found.append(written)
        if names:
            for written in spellings(person)[:5]:
                if _norm(written) in text:
                    found.append(written)
    found += [s for s in (*CPRS, *UNKNOWN) if _norm(s) in text]
    return found


# --- the property -------------------------------------------------------------------------

FORMATS = [f for f in cfbu.formats() if f.can_export]


def parts_of(plan: Plan) -> list[Any]:
    return [
        *plan.mappings,
        *plan.collaboration_agreements,
        *plan.activity_agreements,
        *plan.dialogue_sessions,
        *plan.value_games,
    ]


def export(obj: Any, fmt: cfbu.FormatInfo, **kwargs: Any) -> bytes:
    try:
        return cfbu.export(obj, format=fmt.name, **kwargs)
    except cfbu.PluginError as exc:  # a format that needs a program that is missing
        if "not installed" in str(exc) or "LibreOffice" in str(exc):
            pytest.skip(f"format {fmt.name!r} cannot run here: {exc}")
        raise


PSEUDONYM = re.compile(r"person [0-9a-f]{6}")


def test_every_format_is_checked() -> None:
    names = {f.name for f in FORMATS}
    assert {"json", "markdown", "xlsx"} <= names, names


# Each example exports a plan and every part in every installed format (a PDF goes through
# LibreOffice), so this property takes a fifth of the profile's examples (at least ten).
@settings(max_examples=examples(0.2, floor=10))
@given(plans(max_size=2).flatmap(people), st.sampled_from(["omit", "pseudonymise"]), st.data())
def test_nothing_personal_leaves_in_any_format(plan: Plan, privacy: Any, data: Any) -> None:
    """One profile per example, and for each part whether ``plan=`` is given, so that an
    example stays a few seconds; over the profile's examples every combination is drawn."""
    plan = plant(plan, planted_text(plan))
    assert cfbu.validate(plan) == []
    aliases = {pseudonym(c.id)[2:8].casefold() for c in plan.contacts}
    parts = [(part, data.draw(st.booleans(), label="plan=")) for part in parts_of(plan)]
    for fmt in FORMATS:
        jobs: list[tuple[Any, dict[str, Any], bool]] = []
        if "plan" in fmt.kinds:
            jobs.append((plan, {}, True))
        for part, with_plan in parts:
            if type(part).__name__ in _class_names(fmt.kinds):
                jobs.append((part, {"plan": plan} if with_plan else {}, with_plan))
        for obj, kwargs, names in jobs:
            text = readable(export(obj, fmt, privacy=privacy, **kwargs))
            where = (privacy, fmt.name, type(obj).__name__, bool(kwargs))
            assert leaks(text, plan, names=names) == [], where
            if privacy == "pseudonymise":
                # Each pseudonym in any file is one of the plan's people's, computed from
                # their id: the same person has the same pseudonym in every file.
                assert {m[7:] for m in PSEUDONYM.findall(text)} <= aliases, where


def _class_names(kinds: frozenset[str]) -> set[str]:
    from cfbu_toolkit.io.kinds import KINDS

    return {KINDS[k].__name__ for k in kinds}


@given(plans(max_size=2).flatmap(people))
def test_a_person_has_one_pseudonym_in_the_plan_and_in_each_part(plan: Plan) -> None:
    plan = plant(plan, planted_text(plan))
    whole = cfbu.redact(plan, "pseudonymise")
    for part in parts_of(plan):
        alone = cfbu.redact(part, "pseudonymise", plan=plan)
        assert alone in (
            *whole.mappings,
            *whole.collaboration_agreements,
            *whole.activity_agreements,
            *whole.dialogue_sessions,
            *whole.value_games,
        )
    for person in plan.contacts:
        alias = f"Person {pseudonym(person.id)[2:8].upper()}"
        assert alias in cfbu.to_dict(whole)["name"], alias  # planted in Plan.name


def test_a_misspelt_keyword_is_refused_before_anything_is_written(tmp_path: Any) -> None:
    plan = cfbu.examples.demo_plan()
    target = tmp_path / "plan.json"
    for fmt in FORMATS:
        if "plan" not in fmt.kinds:
            continue
        with pytest.raises(cfbu.FormatError, match=r"privcy.*privacy") as caught:
            cfbu.export(plan, target, format=fmt.name, privcy="omit")  # type: ignore[call-overload]
        assert "privcy" in str(caught.value)
        assert not target.exists()
        assert list(tmp_path.iterdir()) == []
