"""Danish wording for the model's and ``validate()``'s problems when a workbook names them.

The model and :func:`cfbu_toolkit.validate` speak English (their messages go into logs and
JSON paths). A person who filled in a Danish workbook gets the common ones in Danish,
placed in their cell by the importer. One small table, in one place: a message it does not
know stays as it is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ...model import Lang

__all__ = ["translate"]

_Q = r"(?P<q>['\"])(?P<v>.*)(?P=q)"  # a value as repr() quotes it
_DATE = r"\d{4}-\d{2}-\d{2}"

#: What the target of a reference is called, as ``validate()`` names it.
_TARGETS = {
    "organisation": "organisation",
    "contact person": "kontaktperson",
    "indsats": "indsats",
    "dialogue tool": "dialogredskab",
    "workshop": "workshop",
    "focus area": "indsatsområde",
    "group": "gruppe",
    "mapping, dialogue session, agreement or value game": "kortlægning, dialogsession, aftale "
    "eller værdispil",
}

_ALREADY_USED = rf"id {_Q} is already used at (?P<path>\S+)"

_TABLE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(english, re.DOTALL), danish)
    for english, danish in (
        (r"must not be empty", "skal udfyldes"),
        (
            rf"{_Q} is not a valid identifier \(.*\)",
            '"{v}" er ikke et gyldigt ID (1-128 tegn af A-Z a-z 0-9 _ . : -, der begynder '
            "med et bogstav eller et ciffer)",
        ),
        (rf"no (?P<target>.+) has id {_Q}", 'ingen {target} har ID "{v}"'),
        (_ALREADY_USED, 'ID "{v}" er allerede brugt i {path}'),
        (
            rf"(?P<end>{_DATE}) is before start (?P<start>{_DATE})",
            "slutdatoen {end} ligger før startdatoen {start}",
        ),
        (
            rf"assessments must be in date order \((?P<later>{_DATE}) comes after "
            rf"(?P<earlier>{_DATE})\)",
            "vurderingerne skal stå i datoorden ({later} står efter {earlier})",
        ),
        (r"needs at least one assessment", "skal have mindst én vurdering"),
        (
            rf"{_Q} is not an e-mail address \(.*\)",
            '"{v}" er ikke en e-mailadresse (skriv navn@domæne.dk)',
        ),
        (
            rf"{_Q} is not a phone number \(.*\)",
            '"{v}" er ikke et telefonnummer (skriv cifre og mellemrum, evt. med + foran, fx '
            "+45 33 12 34 56)",
        ),
        (
            r"expected a whole number of 0 or more, got (?P<v>.*)",
            "skal være et helt tal på 0 eller mere",
        ),
        (
            r"expected a whole number from (?P<low>-?\d+) to (?P<high>-?\d+), got (?P<v>.*)",
            "skal være et helt tal fra {low} til {high}",
        ),
        (rf"(?P<what>\w+) {_Q} appears more than once", '"{v}" står mere end én gang'),
        (
            rf"no piece of this game has id {_Q}",
            'værdispillet har ingen brik med ID "{v}"',
        ),
    )
)


def _danish_date(text: str) -> str:
    return dt.date.fromisoformat(text).strftime("%d-%m-%Y")


def translate(message: str, lang: Lang, *, where: Callable[[str], str] | None = None) -> str:
    """``message`` in ``lang``; ``where`` turns a JSON path in it into a cell."""
    if lang == "en":
        if where is not None:
            match = re.fullmatch(_ALREADY_USED, message, re.DOTALL)
            if match:
                return f"{message[: match.start('path')]}{where(match['path'])}"
        return message
    for pattern, danish in _TABLE:
        match = pattern.fullmatch(message)
        if match is None:
            continue
        values = match.groupdict()
        if "target" in values:
            values["target"] = _TARGETS.get(values["target"], values["target"])
        if "path" in values and where is not None:
            values["path"] = where(values["path"])
        for key in ("end", "start", "later", "earlier"):
            if key in values:
                values[key] = _danish_date(values[key])
        return danish.format(**values)
    return message
