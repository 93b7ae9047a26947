"""Heuristics shared by the "no English in Danish output" tests.

A word list, not a language detector: common English words that are not also Danish
words ("to", "at", "by", "for", "her", "have", "start", "problem", "person", "session" are left
out, they are Danish too; so are English plurals that are Danish genitives, "organisations",
"plans", "sessions"). A Danish text
that contains one of them as a word almost certainly has an untranslated sentence in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_ENGLISH_TEXT = """
    a an the and or nor but not no of with without from into onto about than then this that
    these those which what when where who whom whose why how is are was were be been being
    has had do does did can cannot could should would will shall may might must it its
    you your yours we our they their them he she his there here each every any some all none
    only also just very more most less least such same other another file files folder
    folders write writes written read reads show shows shown prints message messages exit
    option options usage error errors missing invalid value values command commands default
    required given list lists name names new change changes answer answers question
    questions agreement agreements perspective day days today tool tools piece pieces round
    rounds game games whole number numbers text language printed instead found problems
    ready sign signature checklist record replace between later earlier gained lost
"""
ENGLISH_WORDS = frozenset(_ENGLISH_TEXT.split())
"""English words that must not appear in Danish text."""

_ALLOWED_TEXT = """
    cfbu kumu json excel markdown md xlsx csv yaml pdf docx lbf landsbyggefonden
    cfbu-toolkit id ids url uuid utf da en
"""
ALLOWED = frozenset(_ALLOWED_TEXT.split())
"""Proper nouns, names of formats and codes that are the same in both languages."""

_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[/\\][^\s/\\:]+)+")
_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*(?:=\S+)?")
_CHOICES = re.compile(r"\[[^\]\n]*\|[^\]\n]*\]|\{[^}\n]*\|[^}\n]*\}")
_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_SUFFIX = re.compile(r"(?<!\w)\.[a-z0-9]+\b")
_CODE = re.compile(r"\b\w+(?:[_./@:]\w+)+\b")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def english_words(text: str, *, allow: Iterable[str] = ()) -> list[str]:
    """The English words in ``text``, outside paths, option names, choices, quotes and codes.

    ``allow`` adds words that are names in this text (command names, for example).
    """
    allowed = ALLOWED | {w.lower() for w in allow}
    for pattern in (_PATH, _OPTION, _CHOICES, _QUOTED, _SUFFIX, _CODE):
        text = pattern.sub(" ", text)
    found = []
    for word in _WORD.findall(text):
        lower = word.lower()
        if lower in ENGLISH_WORDS and lower not in allowed:
            found.append(word)
    return found
