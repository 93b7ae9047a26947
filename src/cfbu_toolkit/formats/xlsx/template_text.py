"""The words of the registration workbook: its guide and the input hint of each column.

Written in English and marked for the catalogue (``N_``); :mod:`.template` lays them out
in the current language (the Danish is in the project's gettext catalogue).
"""

from __future__ import annotations

from ...locale import N_

__all__ = ["GUIDE", "HINTS", "KIND_HINTS"]

#: The guide sheet: a title, then sections of (heading, paragraphs); a paragraph that is a
#: pair is written as a label in column A and its text in column B.
GUIDE: dict[str, object] = {
    "title": N_("Mapping of potential partners"),
    "intro": (
        N_(
            "When a new effort starts, it is time for a systematic mapping: who around the "
            "housing area has knowledge, resources, access to the target group or influence "
            "on what you want to achieve? This workbook helps you find them, register them "
            "the same way and decide whom to talk to first."
        ),
        N_(
            "The workbook reads back with cfbu_toolkit (cfbu import skema.xlsx -o "
            "plan.json). Every problem is shown at once with its sheet and cell, such as "
            "Mapping entries!O3."
        ),
    ),
    "sections": (
        (
            N_("1. Whom to look for"),
            (
                (
                    N_("The municipality"),
                    N_(
                        "Job centre, schools, SSP, health visitors, daycare, youth clubs and "
                        "leisure services, youth guidance, library and culture."
                    ),
                ),
                (N_("The police"), N_("The local police and its prevention officers.")),
                (
                    N_("The housing organisation"),
                    N_("The administration, operations and the estate staff."),
                ),
                (
                    N_("The resident democracy"),
                    N_("Department boards, the organisation's board and resident groups."),
                ),
                (
                    N_("Associations"),
                    N_(
                        "Sports clubs, cultural associations, homework cafés, faith "
                        "communities and other voluntary organisations."
                    ),
                ),
                (
                    N_("Volunteers"),
                    N_("Local champions and people who already make a difference."),
                ),
                (
                    N_("Businesses"),
                    N_(
                        "Local shops and companies that can offer jobs, placements or sponsorship."
                    ),
                ),
                (
                    N_("Foundations"),
                    N_("Local and national foundations that can fund activities."),
                ),
                N_(
                    "Ask too: whom are we missing? Whom do the others know? Walk through the "
                    "area, use maps and networks, and ask the partners you already have."
                ),
            ),
        ),
        (
            N_("2. How to register"),
            (
                (
                    N_("Organisations"),
                    N_(
                        "One row per organisation. Type each organisation once: the same name "
                        "typed with other spaces or case is flagged. The ID may stay empty."
                    ),
                ),
                (
                    N_("Contact persons"),
                    N_(
                        "One row per person, with the organisation picked by name. This is "
                        "personal data: type only what is needed, and say when it is deleted."
                    ),
                ),
                (
                    N_("Mapping entries"),
                    N_(
                        "The registration sheet: one row per organisation you map. Pick the "
                        "organisation and the contact person by name from the lists (they "
                        "come from the Organisations and Contact persons sheets); Mapping ID "
                        "is K1 from the Mappings sheet. The ID column may stay empty."
                    ),
                ),
                (N_("Mappings"), N_("The mapping itself: title, area, date and methods.")),
                (N_("Plan"), N_("The name of the plan or effort. Name is required.")),
                N_(
                    "The example rows (ID EKSEMPEL-1, -2, -3: Jobcenter (eksempel), Anne "
                    "Eksempel) show how it looks. They are skipped on import while unchanged; "
                    "to use one as a real row, delete its ID."
                ),
                N_(
                    "Columns with an arrow have a list to pick from. Click a column to see a "
                    "short hint."
                ),
                N_(
                    "Type dates as dd-mm-yyyy (such as 05-03-2026). Yes/no columns take Yes or No."
                ),
                N_(
                    "Never change an ID that is filled in. A row without an ID is recognised "
                    "by its name when the workbook is read again; cfbu import --write-ids "
                    "writes the IDs in, so the next round is exact."
                ),
                N_(
                    "Keep the headers as they are (in Danish or English); the order of the "
                    "columns is free, and extra columns are not read."
                ),
            ),
        ),
        (
            N_("3. Prioritise: influence × interest"),
            (
                N_(
                    "Assess each organisation's interest (how much the effort matters to "
                    "them) and influence (how much they can further or hinder it). Together "
                    "they place the organisation in one of four quadrants (Medium counts as "
                    "high):"
                ),
                (
                    N_("Keep close"),
                    N_(
                        "High influence, high interest: the key partners. Involve them in "
                        "the planning, for example with the dialogue tools and an agreement."
                    ),
                ),
                (
                    N_("Keep satisfied"),
                    N_(
                        "High influence, low interest: inform them on their terms, and show "
                        "what the effort gives them."
                    ),
                ),
                (
                    N_("Keep informed"),
                    N_(
                        "Low influence, high interest: share news and results; they may "
                        "become volunteers and ambassadors."
                    ),
                ),
                (
                    N_("Monitor"),
                    N_(
                        "Low influence, low interest: nothing special now, but look at them "
                        "again at the next mapping."
                    ),
                ),
                N_(
                    "Relevance says how well the organisation's services fit the effort's "
                    "goals; use it to choose between organisations in the same quadrant."
                ),
            ),
        ),
        (
            N_("4. Follow up"),
            (
                N_(
                    "Write a next step, who is responsible and a date in Follow up on for "
                    "each organisation you want to pursue."
                ),
                N_(
                    "Update Status as the collaboration develops (Potential, Contacted, In "
                    "dialogue, Active partner)."
                ),
                N_(
                    "Assess again when something important happens, and at least once a "
                    "year: type a new date in Assessed on. The earlier assessment is kept in "
                    "the history when the file is read with --base."
                ),
                N_(
                    "The mapping is a living document: export the plan again (cfbu export "
                    "plan.json -o mapping.xlsx), edit the file, and read it back with cfbu "
                    "import mapping.xlsx --base plan.json -o plan.json."
                ),
            ),
        ),
    ),
}

#: Hints by column kind, used where a column has no hint of its own. ``{labels}``: the
#: enumeration's labels.
KIND_HINTS: dict[str, str] = {
    "id": N_(
        "A fixed ID for the row. May stay empty: the row gets one when the workbook is read. "
        "Do not change it afterwards."
    ),
    "enum": N_("Pick from the list: {labels}."),
    "enum_long": N_("Pick from the list."),
    "enums": N_("One or more of: {labels}. Separate with commas."),
    "focus_list": N_("One or more focus areas, separated by commas: {labels}."),
    "date": N_("A date: dd-mm-yyyy, such as 05-03-2026."),
    "bool": N_("Yes or No."),
    "int": N_("A whole number."),
    "contact": N_(
        "A contact person from the Contact persons sheet: pick the name from the list, or "
        "type the name or the ID."
    ),
    "organisation": N_(
        "The organisation: pick its name from the list (from the Organisations sheet), or "
        "type its name or ID."
    ),
    "text": N_("Free text."),
}

#: Hints of particular columns, by (table, attribute).
HINTS: dict[tuple[str, str], str] = {
    ("plan", "id"): N_("The plan's ID. May stay empty: it is filled in when read."),
    ("plan", "name"): N_("The name of the plan or effort. Required."),
    ("plan", "funding_period"): N_("Pick from the list. Empty: LBF 2019-26 funds."),
    ("organisations", "id"): N_(
        "May stay empty: the row gets an ID when the workbook is read. Do not change it."
    ),
    ("organisations", "name"): N_(
        "The organisation's name, such as Jobcenter Egedal. Type each organisation once."
    ),
    ("organisations", "actor_type"): N_(
        "Pick from the list, such as Job centre, School, SSP, Health visitor, Daycare."
    ),
    ("organisations", "description"): N_("A few words on the organisation and its tasks."),
    ("contacts", "id"): N_(
        "May stay empty: the row gets an ID when the workbook is read. Do not change it."
    ),
    ("contacts", "name"): N_("The person's name. Personal data: type only what is needed."),
    ("contacts", "role"): N_("Job title or role, such as Business consultant."),
    ("contacts", "email"): N_("Such as name@kommune.dk."),
    ("contacts", "phone"): N_("Such as +45 72 59 00 00."),
    ("contacts", "consent_on"): N_("Only with consent: the day it was given (dd-mm-yyyy)."),
    ("contacts", "retention_until"): N_("When the data is deleted at the latest (dd-mm-yyyy)."),
    ("mappings", "id"): N_(
        "The mapping's ID (K1). Type it in the Mapping ID column of Mapping entries."
    ),
    ("mappings", "title"): N_("Such as Mapping of actors around the homework café. Required."),
    ("mappings", "geographic_scope"): N_(
        "The area the mapping covers, such as Solbakken and 500 m around it."
    ),
    ("mappings", "conducted_by"): N_("Who mapped: contact person IDs, separated by commas."),
    ("entries", "parent"): N_("The ID of the mapping on the Mappings sheet (K1)."),
    ("entries", "contact_id"): N_("Your contact at the organisation (ID from Contact persons)."),
    ("entries", "services_offered"): N_(
        "What do they offer: activities, services, rooms, knowledge?"
    ),
    ("entries", "target_groups"): N_(
        "Whom do they work with, such as children aged 6-12 or young jobseekers?"
    ),
    ("entries", "possible_contribution"): N_("What could they contribute to the effort?"),
    ("entries", "possible_barriers"): N_(
        "What could make the collaboration hard: workload, rules, money?"
    ),
    ("entries", "what_matters"): N_(
        "What matters to them? Their goals are the key to a collaboration that gives value "
        "to both."
    ),
    ("entries", "existing_relation"): N_("Do you already have a relation with them? Yes or No."),
    ("entries", "current.date"): N_(
        "The day of the assessment (dd-mm-yyyy). Required. A new date is a new assessment; "
        "the earlier one is kept in the history."
    ),
    ("entries", "current.relevance"): N_(
        "How well do their services fit the effort's goals? Low, Medium or High."
    ),
    ("entries", "current.interest"): N_(
        "How much does the effort matter to them? Low, Medium or High."
    ),
    ("entries", "current.influence"): N_(
        "How much can they further or hinder the effort? Low, Medium or High."
    ),
    ("entries", "current.note"): N_("The reasons for the assessment."),
    ("entries", "next_step"): N_("The next step, such as Call and set up a meeting."),
    ("entries", "responsible_id"): N_("Who has the ball? Contact person ID."),
    ("entries", "follow_up_on"): N_("When do you follow up (dd-mm-yyyy)?"),
    ("entries", "notes"): N_("Notes. Do not type sensitive personal data."),
}
