"""The shapes of personal data in free text: e-mail addresses, Danish phone numbers in every
common writing, CPR numbers; and patterns for one known person's name, e-mail and phone.

Every pattern is compiled once and matches case-insensitively where case can differ. A
phone number is recognised by its digits, whatever stands between them, with or without
the country code: ``71234567``, ``71 23 45 67``, ``7123 4567``, ``71-23-45-67``,
``+45 71 23 45 67``, ``0045 71234567``, ``(+45) 71234567``.
"""

from __future__ import annotations

import re

__all__ = [
    "CPR",
    "DIGITS",
    "EMAIL",
    "PHONE",
    "name_pattern",
    "name_words",
    "phone_digits",
]

# Spaces include the non-breaking ones; \s also takes line breaks.
_SEP = r"[ \t\u00a0\u202f.\-]"

#: Any e-mail address (Unicode letters allowed on both sides of the ``@``).
EMAIL = re.compile(r"[\w.+%'-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)

#: A CPR number: day, month, year, then four digits, with or without a dash or space.
CPR = re.compile(r"(?<!\d)(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d\d[ \u00a0\-]?\d{4}(?!\d)")

_DK_PREFIX = r"(?:(?:\+|00)[ \u00a0]?45[ \u00a0.\-]?|\([ ]?\+?45[ ]?\)[ \u00a0]?)"
#: Any phone number: a Danish one (eight digits as one block, in pairs or in fours, with
#: or without +45/0045) or an international one (``+`` or ``00``, then 7 to 15 digits).
PHONE = re.compile(
    r"(?<![\d+])(?:"
    rf"{_DK_PREFIX}?(?:\d{{8}}|\d\d(?P<sep>{_SEP})\d\d(?P=sep)\d\d(?P=sep)\d\d"
    r"|\d{4}[ \u00a0]\d{4})"
    rf"|(?:\+|00)[ \u00a0]?[1-9](?:{_SEP}?\d){{6,14}}"
    r")(?!\d)"
)


#: A run of digits that may be a number written any way: an optional country code, then
#: digits with up to two spaces, dots, dashes, slashes or brackets between each two. Every
#: phone and CPR number lies inside one such run; what the run holds is decided by its digits.
DIGITS = re.compile(
    r"(?<![\d+])(?:(?:\+|00)[ \u00a0]?\d{1,3}[\s.\-]{0,2}|\([ ]?\+?[ ]?\d{1,3}[ ]?\)[ \u00a0]?)?"
    r"\d(?:[\s.\-/()]{0,2}\d)*"
)


def _edge(text: str, pattern: str) -> str:
    """``pattern`` bounded by word edges where ``text`` starts and ends with a word character.

    A name must not match inside a longer word ("Bo" in "Bolig"), yet a name that starts
    with ``=`` or ends with ``)`` still matches where it stands, and a Danish genitive
    ("Louise Holms forslag", "Lars' forslag") goes with the name.
    """
    left = r"(?<!\w)" if re.match(r"\w", text) else ""
    right = r"(?:'s|s|')?(?!\w)" if re.search(r"\w\Z", text) else ""
    return f"{left}{pattern}{right}"


def name_pattern(name: str) -> str | None:
    """A regular expression for ``name`` as people write it, or ``None`` for a blank name.

    The words of the name in order, with any whitespace (line breaks included) between
    them, and surname first ("Holm, Louise" or "Holm Louise"); a name of three words or
    more also without its middle names; matched ignoring case.
    """
    # "Strauß" as written and casefolded ("strauss"), which ignoring case alone misses.
    spellings = dict.fromkeys([tuple(name.split()), tuple(name.casefold().split())])
    if not name.split():
        return None
    forms = []
    for words in spellings:
        forms += _forms(words)
        if len(words) > 2:  # the middle names left out: "Louise Holm", "Holm, Louise"
            forms += _forms((words[0], words[-1]))
    return "|".join(_edge(text, form) for text, form in dict(forms).items())


def _forms(words: tuple[str, ...]) -> list[tuple[str, str]]:
    """(text, pattern) of the words in order, and surname first ("Holm, Louise" or "Holm
    Louise"), with any whitespace (line breaks included) between them."""
    between = r"\s+"
    forms = [(" ".join(words), between.join(map(re.escape, words)))]
    if len(words) > 1:
        last, rest = words[-1], words[:-1]
        surname_first = re.escape(last) + r"(?:\s*,\s*|\s+)" + between.join(map(re.escape, rest))
        forms.append((" ".join([last, *rest]), surname_first))
    return forms


def name_words(name: str) -> frozenset[str]:
    """The words (casefolded) one of which a text must hold for ``name`` to be in it.

    A name matches only where its first or its last word stands, so a text holding neither
    is skipped without running the pattern. An empty set means "always look" (a name with
    a word of no letters or digits).
    """
    found = set()
    for words in (name.split(), name.casefold().split()):
        for word in (words[0], words[-1]) if words else ():
            parts = re.findall(r"\w+", word.casefold())
            if not parts:
                return frozenset()
            found.add(parts[0] if word is words[0] else parts[-1])
    return frozenset(found)


def phone_digits(phone: str) -> str:
    """The digits that identify a number: a Danish number without its +45 or 0045."""
    digits = "".join(c for c in phone if c.isdigit())
    if digits.startswith("00"):
        digits = digits[2:]
    if len(digits) == 10 and digits.startswith("45"):
        digits = digits[2:]
    return digits
