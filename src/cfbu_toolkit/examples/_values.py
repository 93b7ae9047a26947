"""The demo plan's værdispil, played on the workshop day with the catalogue's pieces.

Seven organisations placed pieces. One value is shared by all, several by most, and some
by one organisation only; the school placed few pieces, a hint that it sees less value yet.
"""

from __future__ import annotations

import datetime as dt

from ..catalog import CATALOGUE_VERSION, value_pieces
from ..model import Placement, ValueCategory, ValueGame, ValuePiece

__all__ = ["GAME_ID", "value_game"]

GAME_ID = "vg-unge-paa-vej-2024"

_TEAM = "org-boligsocialt-sekretariat"
_JOB = "org-jobcenter-egedal"
_SCHOOL = "org-solbakkeskolen"
_CLUB = "org-ungdomsklubben-trekanten"
_SOLSIKKEN = "org-solsikken"
_IF = "org-solbakken-if"
_POLICE = "org-lokalpolitiet-egedal"

_CUSTOM = ValuePiece(
    id="vaerdi-egen-01",
    label_da="Unge får en voksen, de kan regne med",
    label_en="Young people get an adult they can count on",
    category=ValueCategory.SOCIAL,
    custom=True,
)

# (piece, organisation, strength 1-3, comment)
_PLACEMENTS: tuple[tuple[str, str, int, str], ...] = (
    ("vaerdi-16", _TEAM, 3, "Det er hele meningen med Unge på vej."),
    ("vaerdi-16", _JOB, 3, "Vores vigtigste mål for unge."),
    ("vaerdi-16", _SCHOOL, 3, "Alle elever skal videre efter 9. klasse."),
    ("vaerdi-16", _CLUB, 2, ""),
    ("vaerdi-16", _SOLSIKKEN, 2, "Lektiehjælp gør en forskel for karaktererne."),
    ("vaerdi-16", _IF, 1, "Indirekte, gennem gode vaner."),
    ("vaerdi-16", _POLICE, 2, "Uddannelse beskytter mod kriminalitet."),
    ("vaerdi-25", _JOB, 3, "Vi møder sjældent forældrene, før de unge er ledige."),
    ("vaerdi-25", _SCHOOL, 2, ""),
    ("vaerdi-25", _CLUB, 2, "Forældrene kommer sjældent i klubben."),
    ("vaerdi-25", _POLICE, 2, ""),
    ("vaerdi-25", _TEAM, 1, "Vi har kontakten; værdien er at dele den."),
    ("vaerdi-21", _TEAM, 2, ""),
    ("vaerdi-21", _JOB, 2, "Vi lærer af klubbens måde at tale med de unge på."),
    ("vaerdi-21", _CLUB, 3, "Sparring med jobcentret om fritidsjob."),
    ("vaerdi-21", _POLICE, 2, ""),
    ("vaerdi-03", _POLICE, 3, "Tryghed er vores kerneopgave."),
    ("vaerdi-03", _CLUB, 2, ""),
    ("vaerdi-03", _TEAM, 2, "Beboerne nævner tryghed på alle møder."),
    ("vaerdi-03", _IF, 1, ""),
    ("vaerdi-17", _JOB, 3, "Fritidsjob er første skridt mod job."),
    ("vaerdi-27", _IF, 3, "Vi mangler medlemmer i 13-17-årsalderen."),
    ("vaerdi-26", _SOLSIKKEN, 3, "Nye frivillige gennem sekretariatets netværk."),
    ("vaerdi-08", _TEAM, 2, "Fælles ansøgninger står stærkere."),
    ("vaerdi-18", _POLICE, 3, ""),
    ("vaerdi-28", _SOLSIKKEN, 3, "De frivillige kommer igen, fordi de kan se, at det nytter."),
    ("vaerdi-28", _IF, 2, ""),
    ("vaerdi-28", _CLUB, 2, ""),
    ("vaerdi-19", _JOB, 2, ""),
    ("vaerdi-19", _POLICE, 2, "Lokalkendskab gør vores arbejde lettere."),
    ("vaerdi-24", _POLICE, 2, "Tillid fra de unge er svær at få alene."),
    ("vaerdi-24", _JOB, 1, ""),
    ("vaerdi-09", _IF, 2, "Vinterhal og klublokaler."),
    ("vaerdi-09", _SOLSIKKEN, 2, ""),
    ("vaerdi-egen-01", _SOLSIKKEN, 2, "Lagt til på dagen af foreningen."),
    ("vaerdi-egen-01", _CLUB, 3, ""),
)


def value_game() -> ValueGame:
    """The value game from the workshop day for *Unge på vej*."""
    return ValueGame(
        id=GAME_ID,
        title="Værdispil: Unge på vej",
        date=dt.date(2024, 10, 2),
        indsats_id="ind-unge-paa-vej",
        workshop_id="ws-samarbejdsdag-2024-10",
        catalogue_version=CATALOGUE_VERSION,
        pieces=(*value_pieces(), _CUSTOM),
        placements=tuple(
            Placement(piece_id=piece, organisation_id=org, strength=strength, comment=comment)
            for piece, org, strength, comment in _PLACEMENTS
        ),
    )
