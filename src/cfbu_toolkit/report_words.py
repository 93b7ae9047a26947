"""The portfolio report's fixed words, shared by its Markdown and workbook forms."""

from __future__ import annotations

from .locale import N_

#: The report's fixed words (translated when the report is written).
HEADING = N_("Portfolio report")
PLANS = N_("Plans")
AS_OF = N_("As of")
PERSONAL_DATA = N_("Personal data")
TOTAL = N_("Total")
NONE = N_("None.")
CONTENTS = N_("Contents")
PRIVACY_WORDS = {
    "keep": N_("kept (as in the plans)"),
    "pseudonymise": N_("pseudonymised"),
    "omit": N_("omitted"),
}
