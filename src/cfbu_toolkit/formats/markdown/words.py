"""Fixed words the Markdown documents need by name (the rest are written in place as
``_("...")``): the word a part's title starts with."""

from __future__ import annotations

from ...locale import LANGUAGES, N_, translate

__all__ = ["TITLE_WORDS", "starts_with_word"]

#: The word in front of a part's title ("Samarbejdsaftale: ..."), by kind.
TITLE_WORDS: dict[str, str] = {
    "collaboration_agreement": N_("Collaboration agreement"),
    "activity_agreement": N_("Activity agreement"),
    "mapping": N_("Mapping"),
    "value_game": N_("Value game"),
}


def starts_with_word(title: str, key: str) -> bool:
    """Whether ``title`` already starts with the title word of ``key``, in any language
    ("Samarbejdsaftale om ..." needs no "Samarbejdsaftale:" in front)."""
    folded = title.casefold()
    return any(
        folded.startswith(translate(TITLE_WORDS[key], lang).casefold()) for lang in LANGUAGES
    )
