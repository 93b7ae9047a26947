"""The words of the registration workbook: its guide and the input hint of each column.

The project's own wording, in Danish and English. :mod:`.template` lays them out.
"""

from __future__ import annotations

from ...model import Lang

__all__ = ["GUIDE", "HINTS", "KIND_HINTS"]

Text = dict[Lang, str]

#: The guide sheet: a title, then sections of (heading, paragraphs); a paragraph that is a
#: pair is written as a label in column A and its text in column B.
GUIDE: dict[Lang, dict[str, object]] = {
    "da": {
        "title": "Kortlægning af potentielle samarbejdsaktører",
        "intro": (
            "Når en ny indsats starter, er det tid til en systematisk kortlægning: hvem omkring "
            "boligområdet har viden, ressourcer, adgang til målgruppen eller indflydelse på "
            "det, I vil opnå? Skemaet hjælper jer med at finde dem, registrere dem ens og "
            "prioritere, hvem I skal tale med først.",
            "Skemaet læses ind igen med cfbu_toolkit (cfbu import skema.xlsx -o plan.json). "
            "Alle fejl vises på én gang med ark og celle, fx Kortlægning!O3.",
        ),
        "sections": (
            (
                "1. Hvem skal I lede efter?",
                (
                    (
                        "Kommunen",
                        "Jobcenter, skoler, SSP, sundhedspleje, dagtilbud, klubber og "
                        "fritidstilbud, ungeindsats, bibliotek og kultur.",
                    ),
                    ("Politiet", "Lokalpolitiet og politiets forebyggende medarbejdere."),
                    (
                        "Boligorganisationen",
                        "Administrationen, driften og ejendomsfunktionærerne.",
                    ),
                    (
                        "Beboerdemokratiet",
                        "Afdelingsbestyrelser, organisationsbestyrelsen og beboergrupper.",
                    ),
                    (
                        "Foreninger",
                        "Idrætsforeninger, kulturforeninger, lektiecaféer, trossamfund og "
                        "andre frivillige organisationer.",
                    ),
                    ("Frivillige", "Ildsjæle og enkeltpersoner, der allerede gør en forskel."),
                    (
                        "Erhvervslivet",
                        "Lokale butikker og virksomheder, der kan tilbyde job, praktik eller "
                        "sponsorater.",
                    ),
                    ("Fonde", "Lokale og landsdækkende fonde, der kan støtte aktiviteter."),
                    "Spørg også: Hvem mangler vi? Hvem kender de andre? Gå en tur i området, "
                    "brug kort og netværk, og spørg dem, I allerede samarbejder med.",
                ),
            ),
            (
                "2. Sådan registrerer I",
                (
                    (
                        "Organisationer",
                        "Én række pr. organisation med et kort ID (O1, O2 …). Skriv hver "
                        "organisation én gang: det samme navn skrevet med andre mellemrum "
                        "eller store/små bogstaver bliver markeret.",
                    ),
                    (
                        "Kontaktpersoner",
                        "Én række pr. person med et ID (P1, P2 …) og organisationens ID. Det er "
                        "personoplysninger: skriv kun det nødvendige, og angiv, hvornår de "
                        "slettes.",
                    ),
                    (
                        "Kortlægning",
                        "Registreringsarket: én række pr. organisation, I kortlægger. "
                        "Organisation-ID skal stå i arket Organisationer, Kortlægning-ID i "
                        "arket Kortlægninger (K1). ID kan stå tomt: rækken får et ID, når "
                        "skemaet læses ind.",
                    ),
                    (
                        "Kortlægninger",
                        "Kortlægningen selv: titel, område, dato og metoder.",
                    ),
                    ("Plan", "Planens eller indsatsens navn. Navn skal udfyldes."),
                    "Eksempelrækkerne (Jobcenter (eksempel), Anne Eksempel) viser, hvordan det "
                    "ser ud: skriv over dem, eller slet dem.",
                    "Kolonner med en pil har en liste at vælge fra. Klik i en kolonne for at se "
                    "en kort hjælpetekst.",
                    "Datoer skrives dd-mm-åååå (fx 05-03-2026). Ja/nej-kolonner tager Ja "
                    "eller Nej.",
                    "Ret aldrig et ID, der er udfyldt: det er ID'et, der gør, at en rettet fil "
                    "opdaterer rækkerne i stedet for at lave nye.",
                    "Overskrifterne skal stå, som de er (på dansk eller engelsk); kolonnernes "
                    "rækkefølge er fri, og ekstra kolonner læses ikke.",
                ),
            ),
            (
                "3. Prioritér: indflydelse × interesse",
                (
                    "Vurdér hver organisation på interesse (hvor meget indsatsen betyder for "
                    "dem) og indflydelse (hvor meget de kan fremme eller bremse den). Sammen "
                    "placerer de organisationen i ét af fire felter (Middel tæller som høj):",
                    (
                        "Inddrag tæt",
                        "Høj indflydelse, høj interesse: de centrale samarbejdsparter. Inddrag "
                        "dem i planlægningen, fx med dialogredskaberne og en samarbejdsaftale.",
                    ),
                    (
                        "Hold tilfreds",
                        "Høj indflydelse, lav interesse: orientér dem på deres præmisser, og "
                        "vis, hvad indsatsen giver dem.",
                    ),
                    (
                        "Hold informeret",
                        "Lav indflydelse, høj interesse: del nyheder og resultater; de kan "
                        "blive frivillige og ambassadører.",
                    ),
                    (
                        "Hold øje",
                        "Lav indflydelse, lav interesse: ingen særlig indsats nu, men se på "
                        "dem igen ved næste kortlægning.",
                    ),
                    "Relevans siger, hvor godt organisationens tilbud passer til indsatsens "
                    "mål; brug den til at vælge mellem organisationer i samme felt.",
                ),
            ),
            (
                "4. Følg op",
                (
                    "Skriv et næste skridt, hvem der er ansvarlig, og en dato i Opfølgning den "
                    "for hver organisation, I vil videre med.",
                    "Opdatér Status, efterhånden som samarbejdet udvikler sig (Potentiel, "
                    "Kontaktet, I dialog, Aktiv samarbejdspart).",
                    "Vurdér igen, når der sker noget væsentligt, og mindst én gang om året: "
                    "skriv en ny dato i Vurderet den. Den tidligere vurdering gemmes i "
                    "historikken, når filen læses ind med --base.",
                    "Kortlægningen er et levende dokument: eksportér planen igen (cfbu export "
                    "plan.json -o kortlægning.xlsx), ret i filen, og læs den ind med cfbu "
                    "import kortlægning.xlsx --base plan.json -o plan.json.",
                ),
            ),
        ),
    },
    "en": {
        "title": "Mapping of potential partners",
        "intro": (
            "When a new effort starts, it is time for a systematic mapping: who around the "
            "housing area has knowledge, resources, access to the target group or influence "
            "on what you want to achieve? This workbook helps you find them, register them "
            "the same way and decide whom to talk to first.",
            "The workbook reads back with cfbu_toolkit (cfbu import skema.xlsx -o plan.json). "
            "Every problem is shown at once with its sheet and cell, such as "
            "Mapping entries!O3.",
        ),
        "sections": (
            (
                "1. Whom to look for",
                (
                    (
                        "The municipality",
                        "Job centre, schools, SSP, health visitors, daycare, youth clubs and "
                        "leisure services, youth guidance, library and culture.",
                    ),
                    ("The police", "The local police and its prevention officers."),
                    (
                        "The housing organisation",
                        "The administration, operations and the estate staff.",
                    ),
                    (
                        "Resident democracy",
                        "Department boards, the organisation's board and resident groups.",
                    ),
                    (
                        "Associations",
                        "Sports clubs, cultural associations, homework cafés, faith "
                        "communities and other voluntary organisations.",
                    ),
                    ("Volunteers", "Local champions and people who already make a difference."),
                    (
                        "Businesses",
                        "Local shops and companies that can offer jobs, placements or "
                        "sponsorship.",
                    ),
                    ("Foundations", "Local and national foundations that can fund activities."),
                    "Ask too: whom are we missing? Whom do the others know? Walk through the "
                    "area, use maps and networks, and ask the partners you already have.",
                ),
            ),
            (
                "2. How to register",
                (
                    (
                        "Organisations",
                        "One row per organisation with a short ID (O1, O2, ...). Type each "
                        "organisation once: the same name typed with other spaces or case is "
                        "flagged.",
                    ),
                    (
                        "Contact persons",
                        "One row per person with an ID (P1, P2, ...) and the organisation's "
                        "ID. This is personal data: type only what is needed, and say when it "
                        "is deleted.",
                    ),
                    (
                        "Mapping entries",
                        "The registration sheet: one row per organisation you map. "
                        "Organisation ID must be on the Organisations sheet, Mapping ID on the "
                        "Mappings sheet (K1). ID may stay empty: the row gets one when the "
                        "workbook is read.",
                    ),
                    ("Mappings", "The mapping itself: title, area, date and methods."),
                    ("Plan", "The name of the plan or effort. Name is required."),
                    "The example rows (Jobcenter (eksempel), Anne Eksempel) show how it looks: "
                    "type over them or delete them.",
                    "Columns with an arrow have a list to pick from. Click a column to see a "
                    "short hint.",
                    "Type dates as dd-mm-yyyy (such as 05-03-2026). Yes/no columns take Yes "
                    "or No.",
                    "Never change an ID that is filled in: the ID is what lets an edited file "
                    "update its rows instead of adding new ones.",
                    "Keep the headers as they are (in Danish or English); the order of the "
                    "columns is free, and extra columns are not read.",
                ),
            ),
            (
                "3. Prioritise: influence × interest",
                (
                    "Assess each organisation's interest (how much the effort matters to "
                    "them) and influence (how much they can further or hinder it). Together "
                    "they place the organisation in one of four quadrants (Medium counts as "
                    "high):",
                    (
                        "Keep close",
                        "High influence, high interest: the key partners. Involve them in the "
                        "planning, for example with the dialogue tools and an agreement.",
                    ),
                    (
                        "Keep satisfied",
                        "High influence, low interest: inform them on their terms, and show "
                        "what the effort gives them.",
                    ),
                    (
                        "Keep informed",
                        "Low influence, high interest: share news and results; they may "
                        "become volunteers and ambassadors.",
                    ),
                    (
                        "Monitor",
                        "Low influence, low interest: nothing special now, but look at them "
                        "again at the next mapping.",
                    ),
                    "Relevance says how well the organisation's services fit the effort's "
                    "goals; use it to choose between organisations in the same quadrant.",
                ),
            ),
            (
                "4. Follow up",
                (
                    "Write a next step, who is responsible and a date in Follow up on for "
                    "each organisation you want to pursue.",
                    "Update Status as the collaboration develops (Potential, Contacted, In "
                    "dialogue, Active partner).",
                    "Assess again when something important happens, and at least once a "
                    "year: type a new date in Assessed on. The earlier assessment is kept in "
                    "the history when the file is read with --base.",
                    "The mapping is a living document: export the plan again (cfbu export "
                    "plan.json -o mapping.xlsx), edit the file, and read it back with cfbu "
                    "import mapping.xlsx --base plan.json -o plan.json.",
                ),
            ),
        ),
    },
}

#: Hints by column kind, used where a column has no hint of its own. ``{labels}``: the
#: enumeration's labels.
KIND_HINTS: dict[str, Text] = {
    "id": {
        "da": "Et fast ID for rækken. Kan stå tomt: så får rækken et ID, når skemaet læses "
        "ind. Ret det ikke bagefter.",
        "en": "A fixed ID for the row. May stay empty: the row gets one when the workbook is "
        "read. Do not change it afterwards.",
    },
    "enum": {"da": "Vælg fra listen: {labels}.", "en": "Pick from the list: {labels}."},
    "enum_long": {"da": "Vælg fra listen.", "en": "Pick from the list."},
    "enums": {
        "da": "En eller flere af: {labels}. Adskil med komma.",
        "en": "One or more of: {labels}. Separate with commas.",
    },
    "focus_list": {
        "da": "Et eller flere indsatsområder, adskilt med komma: {labels}.",
        "en": "One or more focus areas, separated by commas: {labels}.",
    },
    "date": {
        "da": "En dato: dd-mm-åååå, fx 05-03-2026.",
        "en": "A date: dd-mm-yyyy, such as 05-03-2026.",
    },
    "bool": {"da": "Ja eller Nej.", "en": "Yes or No."},
    "int": {"da": "Et helt tal.", "en": "A whole number."},
    "contact": {
        "da": "ID'et på en kontaktperson fra arket Kontaktpersoner (fx P1).",
        "en": "The ID of a contact person on the Contact persons sheet (such as P1).",
    },
    "organisation": {
        "da": "ID'et på organisationen fra arket Organisationer (fx O1). Vælg fra listen.",
        "en": "The ID of the organisation on the Organisations sheet (such as O1). Pick from "
        "the list.",
    },
    "text": {"da": "Fri tekst.", "en": "Free text."},
}

#: Hints of particular columns, by (table, attribute).
HINTS: dict[tuple[str, str], Text] = {
    ("plan", "id"): {
        "da": "Planens ID. Kan stå tomt: det udfyldes ved indlæsningen.",
        "en": "The plan's ID. May stay empty: it is filled in when read.",
    },
    ("plan", "name"): {
        "da": "Planens eller indsatsens navn. Skal udfyldes.",
        "en": "The name of the plan or effort. Required.",
    },
    ("plan", "funding_period"): {
        "da": "Vælg fra listen. Tom: LBF 2019-26-midlerne.",
        "en": "Pick from the list. Empty: LBF 2019-26 funds.",
    },
    ("organisations", "id"): {
        "da": "Et kort ID, fx O1, O2 … Brug det samme ID i Kortlægning og Kontaktpersoner.",
        "en": "A short ID, such as O1, O2, ... Use the same ID in Mapping entries and Contact "
        "persons.",
    },
    ("organisations", "name"): {
        "da": "Organisationens navn, fx Jobcenter Egedal. Skriv hver organisation én gang.",
        "en": "The organisation's name, such as Jobcenter Egedal. Type each organisation once.",
    },
    ("organisations", "actor_type"): {
        "da": "Vælg fra listen, fx Jobcenter, Skole, SSP, Sundhedspleje, Dagtilbud, Klub.",
        "en": "Pick from the list, such as Job centre, School, SSP, Health visitor, Daycare.",
    },
    ("organisations", "description"): {
        "da": "Kort om organisationen og dens opgaver.",
        "en": "A few words on the organisation and its tasks.",
    },
    ("contacts", "id"): {
        "da": "Et kort ID, fx P1, P2 … Bruges i kolonnerne med kontaktperson-ID.",
        "en": "A short ID, such as P1, P2, ... Used in the contact ID columns.",
    },
    ("contacts", "name"): {
        "da": "Personens navn. Personoplysning: skriv kun det nødvendige.",
        "en": "The person's name. Personal data: type only what is needed.",
    },
    ("contacts", "role"): {
        "da": "Stilling eller rolle, fx Virksomhedskonsulent.",
        "en": "Job title or role, such as Business consultant.",
    },
    ("contacts", "email"): {"da": "Fx navn@kommune.dk.", "en": "Such as name@kommune.dk."},
    ("contacts", "phone"): {"da": "Fx +45 72 59 00 00.", "en": "Such as +45 72 59 00 00."},
    ("contacts", "consent_on"): {
        "da": "Kun ved samtykke: datoen, det blev givet (dd-mm-åååå).",
        "en": "Only with consent: the day it was given (dd-mm-yyyy).",
    },
    ("contacts", "retention_until"): {
        "da": "Hvornår oplysningerne slettes senest (dd-mm-åååå).",
        "en": "When the data is deleted at the latest (dd-mm-yyyy).",
    },
    ("mappings", "id"): {
        "da": "Kortlægningens ID (K1). Skriv det i kolonnen Kortlægning-ID i Kortlægning.",
        "en": "The mapping's ID (K1). Type it in the Mapping ID column of Mapping entries.",
    },
    ("mappings", "title"): {
        "da": "Fx Kortlægning af aktører omkring lektiecaféen. Skal udfyldes.",
        "en": "Such as Mapping of actors around the homework café. Required.",
    },
    ("mappings", "geographic_scope"): {
        "da": "Området, kortlægningen dækker, fx Solbakken og 500 m omkring.",
        "en": "The area the mapping covers, such as Solbakken and 500 m around it.",
    },
    ("mappings", "conducted_by"): {
        "da": "Hvem kortlagde: kontaktperson-ID'er, adskilt med komma.",
        "en": "Who mapped: contact person IDs, separated by commas.",
    },
    ("entries", "parent"): {
        "da": "ID'et på kortlægningen i arket Kortlægninger (K1).",
        "en": "The ID of the mapping on the Mappings sheet (K1).",
    },
    ("entries", "contact_id"): {
        "da": "Jeres kontaktperson hos organisationen (ID fra Kontaktpersoner).",
        "en": "Your contact at the organisation (ID from Contact persons).",
    },
    ("entries", "services_offered"): {
        "da": "Hvad tilbyder de: aktiviteter, ydelser, lokaler, viden?",
        "en": "What do they offer: activities, services, rooms, knowledge?",
    },
    ("entries", "target_groups"): {
        "da": "Hvem arbejder de med, fx børn 6-12 år eller ledige unge?",
        "en": "Whom do they work with, such as children aged 6-12 or young jobseekers?",
    },
    ("entries", "possible_contribution"): {
        "da": "Hvad kan de bidrage med til indsatsen?",
        "en": "What could they contribute to the effort?",
    },
    ("entries", "possible_barriers"): {
        "da": "Hvad kan gøre samarbejdet svært: travlhed, regler, økonomi?",
        "en": "What could make the collaboration hard: workload, rules, money?",
    },
    ("entries", "what_matters"): {
        "da": "Hvad er vigtigt for dem? Deres mål er nøglen til et samarbejde, der giver "
        "værdi for begge.",
        "en": "What matters to them? Their goals are the key to a collaboration that gives "
        "value to both.",
    },
    ("entries", "existing_relation"): {
        "da": "Har I allerede en relation til dem? Ja eller Nej.",
        "en": "Do you already have a relation with them? Yes or No.",
    },
    ("entries", "current.date"): {
        "da": "Datoen for vurderingen (dd-mm-åååå). Skal udfyldes. En ny dato er en ny "
        "vurdering; den tidligere gemmes i historikken.",
        "en": "The day of the assessment (dd-mm-yyyy). Required. A new date is a new "
        "assessment; the earlier one is kept in the history.",
    },
    ("entries", "current.relevance"): {
        "da": "Hvor godt passer deres tilbud til indsatsens mål? Lav, Middel eller Høj.",
        "en": "How well do their services fit the effort's goals? Low, Medium or High.",
    },
    ("entries", "current.interest"): {
        "da": "Hvor meget betyder indsatsen for dem? Lav, Middel eller Høj.",
        "en": "How much does the effort matter to them? Low, Medium or High.",
    },
    ("entries", "current.influence"): {
        "da": "Hvor meget kan de fremme eller bremse indsatsen? Lav, Middel eller Høj.",
        "en": "How much can they further or hinder the effort? Low, Medium or High.",
    },
    ("entries", "current.note"): {
        "da": "Begrundelsen for vurderingen.",
        "en": "The reasons for the assessment.",
    },
    ("entries", "next_step"): {
        "da": "Næste skridt, fx Ring og aftal et møde.",
        "en": "The next step, such as Call and set up a meeting.",
    },
    ("entries", "responsible_id"): {
        "da": "Hvem har bolden? Kontaktperson-ID.",
        "en": "Who has the ball? Contact person ID.",
    },
    ("entries", "follow_up_on"): {
        "da": "Hvornår følger I op (dd-mm-åååå)?",
        "en": "When do you follow up (dd-mm-yyyy)?",
    },
    ("entries", "notes"): {
        "da": "Noter. Skriv ikke følsomme personoplysninger.",
        "en": "Notes. Do not type sensitive personal data.",
    },
}
