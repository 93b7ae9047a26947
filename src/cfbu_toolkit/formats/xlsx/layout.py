"""The workbook layout: which sheets a plan (or one of its parts) becomes, and their columns.

One description serves both directions. The exporter walks it to write sheets; the importer
walks it to find columns by header (Danish or English) and to rebuild the objects, so
``load(export(plan, "x.xlsx")) == plan``.

Every object with an identifier has a row in its own sheet, ID first. Lists inside an
object become child sheets whose first column is the parent's ID (and a ``Nr.`` column for
order where the rows have no ID of their own). A mapping entry carries its current
assessment in its own row; earlier assessments go to a history sheet. Lists of free text
(ambitions, agenda items, ...) go to one sheet of text lists, a line per item, so any text
survives. The object exported is written as a sheet of field/value rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cached_property
from operator import attrgetter
from typing import Any, Literal

import attrs

from ...model import (
    ActivityAgreement,
    ActorSector,
    ActorType,
    AgendaItem,
    AgendaTool,
    AgreementParty,
    AgreementSection,
    AgreementStatus,
    Assessment,
    CoFinancing,
    CollaborationAgreement,
    CollaborationDegree,
    CollaborationStatus,
    ContactPerson,
    CustomFocusArea,
    DialogueAnswer,
    DialogueQuestion,
    DialogueSession,
    DialogueTheme,
    DialogueTool,
    DialogueToolKind,
    FundingPeriod,
    Goal,
    Group,
    GroupKind,
    Indsats,
    Lang,
    LawfulBasis,
    Level,
    Mapping,
    MappingEntry,
    MappingMethod,
    Meeting,
    MemberRole,
    Membership,
    Organisation,
    Period,
    Placement,
    Plan,
    ResourceKind,
    ValueCategory,
    ValueGame,
    ValuePiece,
    Workshop,
    WorkshopKind,
)
from ...model.enums import LabelledEnum

__all__ = [
    "GUIDE",
    "LISTS",
    "LOOKUPS",
    "ROOT_TABLE",
    "TABLES",
    "Column",
    "ColumnKind",
    "ListField",
    "Table",
    "tables_for",
]

ColumnKind = Literal[
    "id",  # the row's own identifier
    "parent",  # the identifier of the object the row belongs to
    "nr",  # position within the parent (rows without an identifier of their own)
    "ref",  # one identifier of another object
    "refs",  # identifiers, separated by commas
    "focus",  # focus-area keys: Landsbyggefonden's by label, the plan's own by key
    "focus_list",
    "text",
    "opt_text",  # text that may be absent (None) rather than empty
    "enum",
    "enums",
    "date",
    "time",
    "int",
    "bool",
    "derived",  # shown for the reader's sake, not read back
]


@attrs.frozen
class Column:
    """A column of a sheet: the attribute it shows, its headers and how its cells read."""

    attr: str
    da: str
    en: str
    kind: ColumnKind = "text"
    enum: type[LabelledEnum] | None = None
    width: int | None = None

    def header(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.da

    @cached_property
    def getter(self) -> Callable[[Any], Any]:
        return attrgetter(self.attr)


@attrs.frozen
class ListField:
    """A list of free text, kept in the text-list sheet a line per item."""

    attr: str
    da: str
    en: str

    def header(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.da


@attrs.frozen
class Table:
    """A sheet of rows of one class, as part of the tree below the exported object."""

    name: str
    da: str
    en: str
    cls: type[Any]
    columns: tuple[Column, ...]
    parent: str | None = None  # None: a direct part of the plan
    field: str = ""  # the parent's field holding these rows
    lists: tuple[ListField, ...] = ()
    record_da: str = ""  # the sheet title when this is the exported object itself
    record_en: str = ""
    guide_da: str = ""
    guide_en: str = ""

    def title(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.da

    def record_title(self, lang: Lang) -> str:
        return self.record_en if lang == "en" else self.record_da

    def guide(self, lang: Lang) -> str:
        return self.guide_en if lang == "en" else self.guide_da

    @cached_property
    def has_id(self) -> bool:
        return any(c.kind == "id" for c in self.columns)

    @cached_property
    def nested(self) -> dict[str, type[Any]]:
        """Dotted attribute prefixes and the class they build (``period`` -> Period)."""
        found: dict[str, type[Any]] = {}
        for column in self.columns:
            if "." in column.attr:
                prefix = column.attr.split(".", 1)[0]
                found[prefix] = Assessment if prefix == "current" else Period
        return found

    def required_attrs(self) -> frozenset[str]:
        """Attributes whose column must be present (no default in the model)."""
        out = set()
        for column in self.columns:
            if column.kind in ("derived", "nr"):
                continue
            if column.kind in ("id", "parent"):
                out.add(column.attr)
                continue
            cls = self.cls
            attr = column.attr
            if attr.startswith("current."):
                cls, attr = Assessment, attr.split(".", 1)[1]
            elif "." in attr:
                continue
            field = attrs.fields_dict(cls).get(attr)
            if field is not None and field.default is attrs.NOTHING:
                out.add(column.attr)
        return frozenset(out)


def _c(attr: str, da: str, en: str, kind: ColumnKind = "text", **kw: Any) -> Column:
    return Column(attr, da, en, kind, **kw)


def _e(attr: str, da: str, en: str, enum: type[LabelledEnum]) -> Column:
    return Column(attr, da, en, "enum", enum)


ID = _c("id", "ID", "ID", "id")
NR = _c("nr", "Nr.", "No.", "nr")
ORG = _c("organisation_id", "Organisation-ID", "Organisation ID", "ref")
PERIOD_START = _c("period.start", "Start", "Start", "date")
PERIOD_END = _c("period.end", "Slut", "End", "date")


def _parent(da: str, en: str) -> Column:
    return _c("parent", da, en, "parent")


def _derived(attr: str, da: str, en: str) -> Column:
    return _c(attr, da, en, "derived")


_ASSESSMENT_COLUMNS = (
    _e("status", "Status", "Status", CollaborationStatus),
    _e("relevance", "Relevans", "Relevance", Level),
    _e("interest", "Interesse", "Interest", Level),
    _e("influence", "Indflydelse", "Influence", Level),
    _c("assessed_by", "Vurderet af (kontaktperson-ID)", "Assessed by (contact ID)", "ref"),
)

_SECTION_COLUMNS = (
    NR,
    _c("key", "Nøgle", "Key", "id"),
    _c("heading", "Overskrift", "Heading"),
    _c("text", "Tekst", "Text", width=60),
    _c("required", "Påkrævet", "Required", "bool"),
)

TABLES: tuple[Table, ...] = (
    Table(
        "plan",
        "Planer",
        "Plans",
        Plan,
        (
            ID,
            _c("name", "Navn", "Name"),
            _c("area", "Område", "Area"),
            _c("municipality", "Kommune", "Municipality"),
            _e("funding_period", "Finansieringsperiode", "Funding period", FundingPeriod),
            _c("focus_areas", "Indsatsområder", "Focus areas", "focus_list"),
            PERIOD_START,
            PERIOD_END,
            _c("budget_dkk", "Budget (kr.)", "Budget (DKK)", "int"),
            _c("catalogue_version", "Katalogversion", "Catalogue version"),
        ),
        parent="",
        lists=(ListField("housing_departments", "Boligafdelinger", "Housing departments"),),
        record_da="Plan",
        record_en="Plan",
        guide_da="Planens stamdata: navn, område, periode, indsatsområder og budget.",
        guide_en="The plan's master data: name, area, period, focus areas and budget.",
    ),
    Table(
        "custom_focus_areas",
        "Egne indsatsområder",
        "Custom focus areas",
        CustomFocusArea,
        (
            _c("key", "Nøgle", "Key", "id"),
            _c("label_da", "Navn (dansk)", "Name (Danish)"),
            _c("label_en", "Navn (engelsk)", "Name (English)"),
        ),
        field="custom_focus_areas",
        guide_da="Planens egne indsatsområder (fx fra ældre perioder eller uden LBF-midler).",
        guide_en="The plan's own focus areas (older periods or plans without LBF funds).",
    ),
    Table(
        "cofinancing",
        "Medfinansiering",
        "Co-financing",
        CoFinancing,
        (
            NR,
            ORG,
            _c("amount_dkk", "Beløb (kr.)", "Amount (DKK)", "int"),
            _c("note", "Note", "Note"),
        ),
        field="cofinancing",
        guide_da="Hvem medfinansierer planen, og med hvor meget.",
        guide_en="Who co-finances the plan, and how much.",
    ),
    Table(
        "organisations",
        "Organisationer",
        "Organisations",
        Organisation,
        (
            ID,
            _c("name", "Navn", "Name"),
            _e("sector", "Sektor", "Sector", ActorSector),
            _e("actor_type", "Aktørtype", "Actor type", ActorType),
            _e("resource_kind", "Ressourcetype", "Resource kind", ResourceKind),
            _c("description", "Beskrivelse", "Description", width=50),
            _c("website", "Hjemmeside", "Website"),
            _c("address", "Adresse", "Address"),
            _c("cvr", "CVR-nr.", "CVR no."),
        ),
        field="organisations",
        guide_da="Alle organisationer omkring planen: kommunale tilbud, politi, foreninger, "
        "virksomheder m.fl. Én række pr. organisation.",
        guide_en="Every organisation around the plan: municipal services, police, "
        "associations, businesses and more. One row per organisation.",
    ),
    Table(
        "contacts",
        "Kontaktpersoner",
        "Contact persons",
        ContactPerson,
        (
            ID,
            _c("name", "Navn", "Name"),
            ORG,
            _c("role", "Rolle/titel", "Role/title"),
            _c("email", "E-mail", "E-mail", "opt_text"),
            _c("phone", "Telefon", "Phone", "opt_text"),
            _e("lawful_basis", "Behandlingsgrundlag", "Lawful basis", LawfulBasis),
            _c("consent_on", "Samtykke givet", "Consent given", "date"),
            _c("retention_until", "Slettes senest", "Delete by", "date"),
        ),
        field="contacts",
        guide_da="Kontaktpersoner (personoplysninger): hold dem ajour og slet dem, når de "
        "ikke længere bruges.",
        guide_en="Contact persons (personal data): keep them up to date and delete them "
        "when no longer needed.",
    ),
    Table(
        "indsatser",
        "Indsatser",
        "Efforts",
        Indsats,
        (
            ID,
            _c("title", "Titel", "Title"),
            _c("focus_area", "Indsatsområde", "Focus area", "focus"),
            _c("purpose", "Formål", "Purpose", width=50),
            _c("target_group", "Målgruppe", "Target group"),
            _c(
                "owner_organisation_id",
                "Ansvarlig organisation-ID",
                "Owner organisation ID",
                "ref",
            ),
            PERIOD_START,
            PERIOD_END,
        ),
        field="indsatser",
        guide_da="Planens indsatser. En ny indsats er anledningen til en ny kortlægning.",
        guide_en="The plan's efforts. A new effort is when a new mapping starts.",
    ),
    Table(
        "goals",
        "Mål",
        "Goals",
        Goal,
        (
            _parent("Indsats-ID", "Effort ID"),
            NR,
            _c("text", "Mål", "Goal", width=50),
            _c("indicator", "Indikator", "Indicator"),
            _c("target", "Målværdi", "Target"),
            _c("deadline", "Frist", "Deadline", "date"),
        ),
        parent="indsatser",
        field="goals",
        guide_da="Indsatsernes mål, indikatorer og frister.",
        guide_en="The efforts' goals, indicators and deadlines.",
    ),
    Table(
        "groups",
        "Grupper",
        "Groups",
        Group,
        (
            ID,
            _e("kind", "Type", "Kind", GroupKind),
            _c("name", "Navn", "Name"),
            _c("mandate", "Kommissorium", "Mandate", width=50),
        ),
        field="groups",
        lists=(ListField("ambitions", "Ambitioner", "Ambitions"),),
        guide_da="Bestyrelse, styre- og følgegrupper, arbejdsgrupper og netværk.",
        guide_en="Board, steering and follow-up groups, working groups and networks.",
    ),
    Table(
        "members",
        "Medlemmer",
        "Members",
        Membership,
        (
            _parent("Gruppe-ID", "Group ID"),
            NR,
            _c("contact_id", "Kontaktperson-ID", "Contact person ID", "ref"),
            ORG,
            _e("role", "Rolle", "Role", MemberRole),
        ),
        parent="groups",
        field="members",
        guide_da="Gruppernes medlemmer og deres roller.",
        guide_en="The groups' members and their roles.",
    ),
    Table(
        "meetings",
        "Møder",
        "Meetings",
        Meeting,
        (
            _parent("Gruppe-ID", "Group ID"),
            NR,
            _c("date", "Dato", "Date", "date"),
            _c("minutes", "Referat", "Minutes", width=60),
        ),
        parent="groups",
        field="meetings",
        lists=(
            ListField("agenda", "Dagsorden", "Agenda"),
            ListField("decisions", "Beslutninger", "Decisions"),
        ),
        guide_da="Gruppernes møder med referat; dagsorden og beslutninger står i tekstlisterne.",
        guide_en="The groups' meetings with minutes; agendas and decisions are in the text lists.",
    ),
    Table(
        "mappings",
        "Kortlægninger",
        "Mappings",
        Mapping,
        (
            ID,
            _c("title", "Titel", "Title"),
            _c("indsats_id", "Indsats-ID", "Effort ID", "ref"),
            _c("geographic_scope", "Geografisk afgrænsning", "Geographic scope"),
            _c("date", "Dato", "Date", "date"),
            _c("methods", "Metoder", "Methods", "enums", enum=MappingMethod),
            _c(
                "conducted_by",
                "Udført af (kontaktperson-ID'er)",
                "Conducted by (contact IDs)",
                "refs",
            ),
        ),
        field="mappings",
        record_da="Om kortlægningen",
        record_en="About the mapping",
        guide_da="Kortlægningerne af potentielle samarbejdsaktører: titel, afgrænsning, "
        "dato og metoder.",
        guide_en="The mappings of potential partners: title, scope, date and methods.",
    ),
    Table(
        "entries",
        "Kortlægning",
        "Mapping entries",
        MappingEntry,
        (
            ID,
            _parent("Kortlægning-ID", "Mapping ID"),
            ORG,
            _derived("organisation_name", "Organisation (navn)", "Organisation (name)"),
            _c("contact_id", "Kontaktperson-ID", "Contact person ID", "ref"),
            _c("services_offered", "Tilbud og ydelser", "Services offered", width=40),
            _c("target_groups", "Målgrupper", "Target groups"),
            _c("focus_areas", "Indsatsområder", "Focus areas", "focus_list"),
            _c("possible_contribution", "Mulige bidrag", "Possible contribution", width=40),
            _c("possible_barriers", "Mulige barrierer", "Possible barriers", width=40),
            _c("what_matters", "Hvad er vigtigt for dem", "What matters to them", width=40),
            _c("existing_relation", "Eksisterende relation", "Existing relation", "bool"),
            _c("current.date", "Vurderet den", "Assessed on", "date"),
            *(attrs.evolve(c, attr=f"current.{c.attr}") for c in _ASSESSMENT_COLUMNS),
            _c("current.note", "Note til vurderingen", "Assessment note"),
            _c("next_step", "Næste skridt", "Next step", width=40),
            _c(
                "responsible_id", "Ansvarlig (kontaktperson-ID)", "Responsible (contact ID)", "ref"
            ),
            _c("follow_up_on", "Opfølgning den", "Follow up on", "date"),
            _c("notes", "Noter", "Notes", width=40),
        ),
        parent="mappings",
        field="entries",
        guide_da="Registreringsarket: én række pr. organisation i kortlægningen, med den "
        "aktuelle vurdering af relevans, interesse, indflydelse og status.",
        guide_en="The registration sheet: one row per organisation in the mapping, with "
        "the current assessment of relevance, interest, influence and status.",
    ),
    Table(
        "assessments",
        "Tidligere vurderinger",
        "Earlier assessments",
        Assessment,
        (
            _parent("Kortlægningsrække-ID", "Mapping entry ID"),
            NR,
            _c("date", "Dato", "Date", "date"),
            *_ASSESSMENT_COLUMNS,
            _c("note", "Note", "Note"),
        ),
        parent="entries",
        field="assessments",
        guide_da="Historikken: tidligere vurderinger af hver række i kortlægningen, ældste "
        "først. Den aktuelle vurdering står i kortlægningsarket.",
        guide_en="The history: earlier assessments of each mapping entry, oldest first. "
        "The current assessment is on the mapping sheet.",
    ),
    Table(
        "dialogue_tools",
        "Dialogredskaber",
        "Dialogue tools",
        DialogueTool,
        (
            ID,
            _e("kind", "Redskab", "Tool", DialogueToolKind),
            _c("title_da", "Titel (dansk)", "Title (Danish)"),
            _c("title_en", "Titel (engelsk)", "Title (English)"),
            _c("version", "Version", "Version"),
        ),
        field="dialogue_tools",
        guide_da="Spørgesættene: CFBU's to dialogredskaber og eventuelle egne.",
        guide_en="The question sets: CFBU's two dialogue tools and any of your own.",
    ),
    Table(
        "questions",
        "Spørgsmål",
        "Questions",
        DialogueQuestion,
        (
            _parent("Redskab-ID", "Tool ID"),
            _c("id", "Spørgsmål-ID", "Question ID", "id"),
            _e("theme", "Tema", "Theme", DialogueTheme),
            _c("text_da", "Spørgsmål (dansk)", "Question (Danish)", width=60),
            _c("text_en", "Spørgsmål (engelsk)", "Question (English)", width=60),
            _c("hint_da", "Hjælp (dansk)", "Hint (Danish)"),
            _c("hint_en", "Hjælp (engelsk)", "Hint (English)"),
        ),
        parent="dialogue_tools",
        field="questions",
        guide_da="Spørgsmålene i hvert dialogredskab.",
        guide_en="The questions of each dialogue tool.",
    ),
    Table(
        "dialogue_sessions",
        "Dialogsessioner",
        "Dialogue sessions",
        DialogueSession,
        (
            ID,
            _c("tool_id", "Redskab-ID", "Tool ID", "ref"),
            _c("organisation_id", "Organisation-ID", "Organisation ID", "ref"),
            _c("about_organisation_id", "Om organisation-ID", "About organisation ID", "ref"),
            _c("date", "Dato", "Date", "date"),
            _c(
                "facilitator_id",
                "Facilitator (kontaktperson-ID)",
                "Facilitator (contact ID)",
                "ref",
            ),
            _c(
                "participant_ids",
                "Deltagere (kontaktperson-ID'er)",
                "Participants (contact IDs)",
                "refs",
            ),
        ),
        field="dialogue_sessions",
        lists=(ListField("follow_ups", "Opfølgning", "Follow-ups"),),
        record_da="Om sessionen",
        record_en="About the session",
        guide_da="Dialogsessionerne: hvem svarede, om hvem, hvornår.",
        guide_en="The dialogue sessions: who answered, about whom, when.",
    ),
    Table(
        "answers",
        "Dialogsvar",
        "Dialogue answers",
        DialogueAnswer,
        (
            _parent("Session-ID", "Session ID"),
            NR,
            _c("question_id", "Spørgsmål-ID", "Question ID", "ref"),
            _c("text", "Svar", "Answer", width=60),
            _c("agreed", "Enighed", "Agreed", "bool"),
        ),
        parent="dialogue_sessions",
        field="answers",
        guide_da="Svarene fra hver dialogsession.",
        guide_en="The answers of each dialogue session.",
    ),
    Table(
        "collaboration_agreements",
        "Samarbejdsaftaler",
        "Collaboration agreements",
        CollaborationAgreement,
        (
            ID,
            _c("title", "Titel", "Title"),
            _c("indsats_id", "Indsats-ID", "Effort ID", "ref"),
            _e("degree", "Samarbejdsform", "Degree of collaboration", CollaborationDegree),
            _c("period.start", "Gælder fra", "Valid from", "date"),
            _c("period.end", "Gælder til", "Valid to", "date"),
            _c("notice_days", "Opsigelsesvarsel (dage)", "Notice (days)", "int"),
            _e("status", "Status", "Status", AgreementStatus),
            _c("template_version", "Skabelonversion", "Template version"),
        ),
        field="collaboration_agreements",
        record_da="Om aftalen",
        record_en="About the agreement",
        guide_da="Samarbejdsaftaler med professionelle aktører.",
        guide_en="Collaboration agreements with professional partners.",
    ),
    Table(
        "parties",
        "Aftaleparter",
        "Agreement parties",
        AgreementParty,
        (
            _parent("Aftale-ID", "Agreement ID"),
            NR,
            ORG,
            _c("signatory_id", "Underskriver (kontaktperson-ID)", "Signatory (contact ID)", "ref"),
            _c("contact_id", "Kontaktperson-ID", "Contact person ID", "ref"),
            _c("signed_on", "Underskrevet den", "Signed on", "date"),
        ),
        parent="collaboration_agreements",
        field="parties",
        guide_da="Parterne i hver samarbejdsaftale.",
        guide_en="The parties to each collaboration agreement.",
    ),
    Table(
        "sections",
        "Aftaleafsnit",
        "Agreement sections",
        AgreementSection,
        (_parent("Aftale-ID", "Agreement ID"), *_SECTION_COLUMNS),
        parent="collaboration_agreements",
        field="sections",
        guide_da="Samarbejdsaftalernes afsnit i rækkefølge.",
        guide_en="The collaboration agreements' sections, in order.",
    ),
    Table(
        "activity_agreements",
        "Aktivitetsaftaler",
        "Activity agreements",
        ActivityAgreement,
        (
            ID,
            _c("activity", "Aktivitet", "Activity"),
            _c("indsats_id", "Indsats-ID", "Effort ID", "ref"),
            _c("place", "Sted", "Place"),
            _c("schedule", "Tidspunkt/hyppighed", "Schedule"),
            PERIOD_START,
            PERIOD_END,
            _c(
                "volunteer_organisation_id",
                "Frivillig organisation-ID",
                "Volunteer organisation ID",
                "ref",
            ),
            _c(
                "volunteer_contact_id",
                "Frivillig (kontaktperson-ID)",
                "Volunteer (contact ID)",
                "ref",
            ),
            _c(
                "housing_contact_id",
                "Boligsocial kontakt (kontaktperson-ID)",
                "Housing-social contact (contact ID)",
                "ref",
            ),
            _c("confidentiality_agreed", "Tavshedserklæring", "Confidentiality agreed", "bool"),
            _c(
                "child_certificate_required",
                "Børneattest påkrævet",
                "Child certificate required",
                "bool",
            ),
            _c(
                "child_certificate_obtained_on",
                "Børneattest indhentet den",
                "Child certificate obtained on",
                "date",
            ),
            _c("review_on", "Opfølgning den", "Review on", "date"),
            _c("notice_days", "Opsigelsesvarsel (dage)", "Notice (days)", "int"),
            _e("status", "Status", "Status", AgreementStatus),
            _c("signed_on", "Underskrevet den", "Signed on", "date"),
            _c("template_version", "Skabelonversion", "Template version"),
        ),
        field="activity_agreements",
        lists=(
            ListField("volunteer_commitments", "Den frivilliges opgaver", "Volunteer commitments"),
            ListField(
                "housing_commitments",
                "Den boligsociale indsats stiller med",
                "Housing-social commitments",
            ),
        ),
        record_da="Om aktivitetsaftalen",
        record_en="About the activity agreement",
        guide_da="Aktivitetsaftaler med lokale frivillige. Om børneattesten gemmes kun, "
        "om den kræves, og hvornår den er indhentet, aldrig dens indhold.",
        guide_en="Activity agreements with local volunteers. For the child certificate only "
        "whether it is required and when it was obtained are kept, never its content.",
    ),
    Table(
        "activity_sections",
        "Aktivitetsafsnit",
        "Activity sections",
        AgreementSection,
        (_parent("Aktivitetsaftale-ID", "Activity agreement ID"), *_SECTION_COLUMNS),
        parent="activity_agreements",
        field="sections",
        guide_da="Aktivitetsaftalernes afsnit i rækkefølge.",
        guide_en="The activity agreements' sections, in order.",
    ),
    Table(
        "value_games",
        "Værdispil",
        "Value games",
        ValueGame,
        (
            ID,
            _c("title", "Titel", "Title"),
            _c("date", "Dato", "Date", "date"),
            _c("indsats_id", "Indsats-ID", "Effort ID", "ref"),
            _c("workshop_id", "Workshop-ID", "Workshop ID", "ref"),
            _c("catalogue_version", "Katalogversion", "Catalogue version"),
        ),
        field="value_games",
        record_da="Om værdispillet",
        record_en="About the value game",
        guide_da="Værdispillene: hvornår og i hvilken sammenhæng.",
        guide_en="The value games: when and in what context.",
    ),
    Table(
        "pieces",
        "Værdibrikker",
        "Value pieces",
        ValuePiece,
        (
            _parent("Værdispil-ID", "Value game ID"),
            _c("id", "Brik-ID", "Piece ID", "id"),
            _c("label_da", "Værdi (dansk)", "Value (Danish)"),
            _c("label_en", "Værdi (engelsk)", "Value (English)"),
            _e("category", "Kategori", "Category", ValueCategory),
            _c("custom", "Egen brik", "Custom piece", "bool"),
        ),
        parent="value_games",
        field="pieces",
        guide_da="Brikkerne i hvert værdispil: én værdi pr. brik.",
        guide_en="The pieces of each value game: one value per piece.",
    ),
    Table(
        "placements",
        "Placeringer",
        "Placements",
        Placement,
        (
            _parent("Værdispil-ID", "Value game ID"),
            NR,
            _c("piece_id", "Brik-ID", "Piece ID", "ref"),
            ORG,
            _c("strength", "Styrke (1-3)", "Strength (1-3)", "int"),
            _c("comment", "Kommentar", "Comment", width=50),
        ),
        parent="value_games",
        field="placements",
        guide_da="Hvilke værdier hver organisation får ud af samarbejdet, og hvor stærkt (1-3).",
        guide_en="Which values each organisation gains from the collaboration, and how "
        "strongly (1-3).",
    ),
    Table(
        "workshops",
        "Workshops",
        "Workshops",
        Workshop,
        (
            ID,
            _c("title", "Titel", "Title"),
            _c("date", "Dato", "Date", "date"),
            _e("kind", "Type", "Kind", WorkshopKind),
            _c("facilitator", "Facilitator", "Facilitator"),
            _c("place", "Sted", "Place"),
            _c(
                "participant_ids",
                "Deltagere (kontaktperson-ID'er)",
                "Participants (contact IDs)",
                "refs",
            ),
            _c("output_ids", "Resultater (ID'er)", "Outputs (IDs)", "refs"),
        ),
        field="workshops",
        lists=(ListField("notes", "Noter", "Notes"),),
        guide_da="Workshops, interne eller med samarbejdsparter.",
        guide_en="Workshops, internal or with partners.",
    ),
    Table(
        "agenda",
        "Programpunkter",
        "Agenda items",
        AgendaItem,
        (
            _parent("Workshop-ID", "Workshop ID"),
            NR,
            _c("title", "Titel", "Title"),
            _c("start", "Starttid", "Start time", "time"),
            _c("minutes", "Minutter", "Minutes", "int"),
            _c("tool", "Redskab", "Tool", "enum", enum=AgendaTool),
            _c("description", "Beskrivelse", "Description", width=50),
        ),
        parent="workshops",
        field="agenda",
        guide_da="Programmet for hver workshop.",
        guide_en="The programme of each workshop.",
    ),
)

BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}

#: The table of each kind's root object.
ROOT_TABLE: dict[type[Any], str] = {
    Plan: "plan",
    Mapping: "mappings",
    CollaborationAgreement: "collaboration_agreements",
    ActivityAgreement: "activity_agreements",
    DialogueSession: "dialogue_sessions",
    ValueGame: "value_games",
}


def _children(name: str) -> Iterator[Table]:
    for table in TABLES:
        parent = "plan" if table.parent is None else table.parent
        if parent == name and table.name != name:
            yield table


def tables_for(root: str) -> tuple[Table, ...]:
    """The root table, then every table below it, depth first (sheet order)."""
    out = [BY_NAME[root]]

    def walk(name: str) -> None:
        for child in _children(name):
            out.append(child)
            walk(child.name)

    walk(root)
    return tuple(out)


@attrs.frozen
class Sheet:
    """A fixed sheet: the guide, the text lists, the lookups."""

    da: str
    en: str

    def title(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.da


GUIDE = Sheet("Vejledning", "Guide")
LISTS = Sheet("Tekstlister", "Text lists")
LOOKUPS = Sheet("Opslag", "Lookups")

#: Columns of the text-list sheet.
LIST_COLUMNS = (
    _c("owner_id", "Række-ID", "Row ID", "ref"),
    _c("sheet", "Ark", "Sheet"),
    _c("owner_nr", "Række-nr.", "Row no.", "int"),
    _c("field", "Felt", "Field"),
    NR,
    _c("text", "Tekst", "Text", width=60),
)

#: Headers of a record sheet (the exported object itself, a field per row).
RECORD_COLUMNS = (_c("field", "Felt", "Field"), _c("value", "Værdi", "Value", width=60))

YES_NO: dict[Lang, tuple[str, str]] = {"da": ("Ja", "Nej"), "en": ("Yes", "No")}
