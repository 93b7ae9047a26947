"""The Danish catalogue is complete: every message marked in the code has a translation.

Messages are found the way ``pybabel extract -F babel.cfg`` finds them (``_``, ``N_``,
``ngettext``, ``translate``), in the package and in the first-party plugins.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from cfbu_toolkit.locale import _, ngettext, translate, translations, use_lang

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "src/cfbu_toolkit/locale/da/LC_MESSAGES/cfbu_toolkit.po"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "translate": None}
SOURCES = [ROOT / "src", *sorted((ROOT / "plugins").glob("*/src"))]


def _extracted() -> dict[str, tuple[str, ...]]:
    """Every message id in the code, with the places it is used."""
    found: dict[str, list[str]] = {}
    for folder in SOURCES:
        for filename, lineno, message, _comments, _context in extract_from_dir(
            str(folder), method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            ids = message if isinstance(message, tuple) else (message,)
            for msgid in ids:
                if msgid:
                    found.setdefault(msgid, []).append(f"{folder.name}/{filename}:{lineno}")
    return {k: tuple(v) for k, v in found.items()}


def _catalogue():  # type: ignore[no-untyped-def]
    with PO.open("rb") as handle:
        return read_po(handle, locale="da")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_message_in_the_code_has_a_danish_translation() -> None:
    catalogue = _catalogue()
    missing = []
    for msgid, places in sorted(_extracted().items()):
        message = catalogue.get(msgid)
        if message is None:
            # A plural is stored under its singular.
            message = next(
                (m for m in catalogue if isinstance(m.id, tuple) and msgid in m.id), None
            )
        if (
            message is None
            or not message.string
            or (isinstance(message.string, tuple) and not all(message.string))
        ):
            missing.append(f"{msgid!r} ({places[0]})")
    assert not missing, f"{len(missing)} messages without Danish:\n" + "\n".join(missing[:50])


def test_no_fuzzy_entries() -> None:
    fuzzy = [m.id for m in _catalogue() if m.id and m.fuzzy]
    assert not fuzzy


def test_translations_keep_every_placeholder() -> None:
    wrong = []
    for message in _catalogue():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set().union(*(_fields(i) for i in ids))
        for text in strings:
            if text and not _fields(text) <= expected:
                wrong.append((message.id, text))
    assert not wrong


def test_the_catalogue_has_no_entry_twice() -> None:
    ids = re.findall(r'^msgid "(.+)"$', PO.read_text(encoding="utf-8"), flags=re.M)
    doubled = sorted({i for i in ids if ids.count(i) > 1})
    assert not doubled


def test_danish_is_the_default_and_english_the_source() -> None:
    assert translate("{count} problems", "da", count=3) == "3 problemer"
    assert translate("{count} problems", "en", count=3) == "3 problems"
    with use_lang("en"):
        assert _("{count} problems", count=2) == "2 problems"
        assert ngettext("{count} problem:", "{count} problems:", 1, count=1) == "1 problem:"
    with use_lang("da"):
        assert ngettext("{count} problem:", "{count} problems:", 2, count=2) == "2 problemer:"


def test_english_environment_chooses_english(monkeypatch: pytest.MonkeyPatch) -> None:
    from cfbu_toolkit.locale import current_lang

    monkeypatch.delenv("CFBU_LANG", raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert current_lang() == "en"
    monkeypatch.setenv("CFBU_LANG", "da")
    assert current_lang() == "da"


def test_a_source_checkout_compiles_the_po_when_the_mo_is_stale() -> None:
    # The .mo, when present, must carry every entry of the .po (it is compiled from it).
    danish = translations("da")
    assert danish.gettext("{count} problems") == "{count} problemer"


def _labelled_enums() -> list[type]:
    from cfbu_toolkit.analysis.mapping import Quadrant
    from cfbu_toolkit.model.enums import LabelledEnum

    found, todo = [], list(LabelledEnum.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    assert Quadrant in found
    return found


def test_every_enumeration_member_has_a_label_in_both_languages() -> None:
    catalogue = translations("da")
    missing = []
    for cls in _labelled_enums():
        for member in cls:
            english = member.label("en")
            if not english or (
                catalogue.gettext(english) == english
                and english.isascii()
                and (
                    english.lower() not in {"ssp", "ngo", "region", "brainstorm", "workshop"}
                    and english.lower() not in {"innovation"}
                )
            ):
                missing.append(f"{cls.__name__}.{member.name}")
    assert not missing


def test_labels_read_back_in_either_language() -> None:
    for cls in _labelled_enums():
        for member in cls:
            assert cls.from_label(member.label("da").upper()) is member
            assert cls.from_label(f" {member.label('en')} ") is member
            assert cls.from_label(member.value) is member
