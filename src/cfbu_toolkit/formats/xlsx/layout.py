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

import typing
from collections.abc import Callable, Iterator
from functools import cached_property
from operator import attrgetter
from typing import Any, Literal

import attrs

from ...locale import translate
from ...model import (
    ActivityAgreement,
    AgendaItem,
    AgreementParty,
    AgreementSection,
    Assessment,
    ChildCertificate,
    CoFinancing,
    CollaborationAgreement,
    ContactPerson,
    CustomFocusArea,
    DialogueAnswer,
    DialogueQuestion,
    DialogueSession,
    DialogueTool,
    FollowUp,
    Goal,
    Group,
    Indsats,
    Lang,
    Mapping,
    MappingEntry,
    Meeting,
    Membership,
    Organisation,
    Period,
    Placement,
    Plan,
    ValueGame,
    ValuePiece,
    Workshop,
)
from ...model._fields import FieldInfo, FieldKind, derived, describe
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
    "named",
    "owner_key",
    "printed_from",
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
    derive: bool = attrs.field(default=False, repr=False)
    """Whether ``kind`` and ``enum`` are still to be derived from the model's field (the
    layout declares only the header, the width and the order)."""
    of: str = ""
    """For a column of names: the ``attr`` of the ID column whose rows it names."""

    def header(self, lang: Lang) -> str:
        """The column's header in ``lang``."""
        return self.en if lang == "en" else self.da

    @cached_property
    def getter(self) -> Callable[[Any], Any]:
        """Reads the column's (possibly dotted) attribute from an object."""
        return attrgetter(self.attr)


@attrs.frozen
class ListField:
    """A list of free text, kept in the text-list sheet a line per item."""

    attr: str
    da: str
    en: str

    def header(self, lang: Lang) -> str:
        """The list's header in ``lang``."""
        return self.en if lang == "en" else self.da


@attrs.frozen(cache_hash=True)  # a key of the reader's caches, asked per cell
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
        """The sheet's title in ``lang``."""
        return self.en if lang == "en" else self.da

    def record_title(self, lang: Lang) -> str:
        """The title of a record sheet (one object, a field per row) in ``lang``."""
        return self.record_en if lang == "en" else self.record_da

    def guide(self, lang: Lang) -> str:
        """The table's lines on the guide sheet in ``lang``."""
        return self.guide_en if lang == "en" else self.guide_da

    @cached_property
    def has_id(self) -> bool:
        """Whether rows carry an id (so a re-import updates them instead of adding)."""
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
        return self._required

    @cached_property
    def _required(self) -> frozenset[str]:
        # Asked for every row read: worked out once per table.
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


def _c(attr: str, da: str, en: str, kind: ColumnKind | None = None, **kw: Any) -> Column:
    """A column; without ``kind`` its kind (and enumeration) come from the model's field."""
    if kind is None:
        return Column(attr, da, en, "text", derive=True, **kw)
    return Column(attr, da, en, kind, **kw)


ID = _c("id", "ID", "ID")
NR = _c("nr", "Nr.", "No.", "nr")
ORG = _c("organisation_id", "Organisation-ID", "Organisation ID")
MAPPING_ID = _c("parent", "Kortlægning-ID", "Mapping ID", "parent")
PERIOD_START = _c("period.start", "Start", "Start")
PERIOD_END = _c("period.end", "Slut", "End")


def _parent(da: str, en: str) -> Column:
    return _c("parent", da, en, "parent")


def _named(column: Column, da: str, en: str) -> tuple[Column, Column]:
    """``column`` (IDs of other rows) and, beside it, a column of those rows' names.

    The names are filled in on export for the reader's sake and never read back: a
    reference is changed in the ID column (where an organisation or a contact person may
    be typed by name, as in the template)."""
    return column, _c(f"{column.attr}:name", da, en, "derived", of=column.attr)


def _named_parent(da: str, en: str, name_da: str, name_en: str) -> tuple[Column, Column]:
    return _named(_parent(da, en), name_da, name_en)


ORG_NAMED = _named(ORG, "Organisation (navn)", "Organisation (name)")
PARTICIPANTS_NAMED = _named(
    _c("participant_ids", "Deltagere (kontaktperson-ID'er)", "Participants (contact IDs)"),
    "Deltagere (navne)",
    "Participants (names)",
)
CONTACT_NAMED = _named(
    _c("contact_id", "Kontaktperson-ID", "Contact person ID"),
    "Kontaktperson (navn)",
    "Contact person (name)",
)


_ASSESSMENT_COLUMNS = (
    _c("status", "Status", "Status"),
    _c("relevance", "Relevans", "Relevance"),
    _c("interest", "Interesse", "Interest"),
    _c("influence", "Indflydelse", "Influence"),
    *_named(
        _c("assessed_by", "Vurderet af (kontaktperson-ID)", "Assessed by (contact ID)"),
        "Vurderet af (navn)",
        "Assessed by (name)",
    ),
)


def _current(column: Column) -> Column:
    """An assessment's column as the current assessment's, on the mapping entry's row."""
    of = f"current.{column.of}" if column.of else ""
    return attrs.evolve(column, attr=f"current.{column.attr}", of=of)


_SECTION_COLUMNS = (
    NR,
    _c("key", "Nøgle", "Key", "id"),
    _c("heading", "Overskrift", "Heading"),
    _c("text", "Tekst", "Text", width=60),
    _c("required", "Påkrævet", "Required"),
)

_DECLARED: tuple[Table, ...] = (
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
            _c("funding_period", "Finansieringsperiode", "Funding period"),
            _c("focus_areas", "Indsatsområder", "Focus areas", "focus_list"),
            PERIOD_START,
            PERIOD_END,
            _c("budget_dkk", "Budget (kr.)", "Budget (DKK)"),
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
            *ORG_NAMED,
            _c("amount_dkk", "Beløb (kr.)", "Amount (DKK)"),
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
            _c("sector", "Sektor", "Sector"),
            _c("actor_type", "Aktørtype", "Actor type"),
            _c("resource_kind", "Ressourcetype", "Resource kind"),
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
            *ORG_NAMED,
            _c("role", "Rolle/titel", "Role/title"),
            _c("email", "E-mail", "E-mail"),
            _c("phone", "Telefon", "Phone"),
            _c("lawful_basis", "Behandlingsgrundlag", "Lawful basis"),
            _c("consent_on", "Samtykke givet", "Consent given"),
            _c("retention_until", "Slettes senest", "Delete by"),
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
            _c("focus_area", "Indsatsområde", "Focus area"),
            _c("purpose", "Formål", "Purpose", width=50),
            _c("target_group", "Målgruppe", "Target group"),
            *_named(
                _c(
                    "owner_organisation_id",
                    "Ansvarlig organisation-ID",
                    "Owner organisation ID",
                ),
                "Ansvarlig organisation (navn)",
                "Owner organisation (name)",
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
            *_named_parent("Indsats-ID", "Effort ID", "Indsats (titel)", "Effort (title)"),
            NR,
            _c("text", "Mål", "Goal", width=50),
            _c("indicator", "Indikator", "Indicator"),
            _c("target", "Målværdi", "Target"),
            _c("deadline", "Frist", "Deadline"),
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
            _c("kind", "Type", "Kind"),
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
            *_named_parent("Gruppe-ID", "Group ID", "Gruppe (navn)", "Group (name)"),
            NR,
            *CONTACT_NAMED,
            *ORG_NAMED,
            _c("role", "Rolle", "Role"),
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
            *_named_parent("Gruppe-ID", "Group ID", "Gruppe (navn)", "Group (name)"),
            NR,
            _c("date", "Dato", "Date"),
            _c("minutes", "Referat", "Minutes", width=60),
            *_named(
                _c("present_ids", "Til stede (ID'er)", "Present (IDs)", "refs"),
                "Til stede (navne)",
                "Present (names)",
            ),
            *_named(
                _c("absent_ids", "Afbud (ID'er)", "Absent (IDs)", "refs"),
                "Afbud (navne)",
                "Absent (names)",
            ),
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
        "follow_ups",
        "Opfølgninger",
        "Follow-ups",
        FollowUp,
        (
            *_named_parent(
                "Møde (gruppe-ID/nr.)",
                "Meeting (group ID/no.)",
                "Møde (gruppe og dato)",
                "Meeting (group and date)",
            ),
            NR,
            _c("text", "Opfølgning", "Follow-up", width=50),
            *_named(
                _c("owner_id", "Ansvarlig (kontaktperson-ID)", "Owner (contact ID)", "ref"),
                "Ansvarlig (navn)",
                "Owner (name)",
            ),
            _c("due", "Frist", "Due", "date"),
            _c("done_on", "Udført den", "Done on", "date"),
        ),
        parent="meetings",
        field="follow_ups",
        guide_da="Det, møderne aftalte: hvad, hvem og hvornår; mødet er gruppens ID og "
        "mødets nummer, fx grp-styregruppe/2.",
        guide_en="What the meetings agreed: what, who and by when; the meeting is the group's "
        "ID and the meeting's number, such as grp-steering/2.",
    ),
    Table(
        "mappings",
        "Kortlægninger",
        "Mappings",
        Mapping,
        (
            ID,
            _c("title", "Titel", "Title"),
            *_named(
                _c("indsats_id", "Indsats-ID", "Effort ID"), "Indsats (titel)", "Effort (title)"
            ),
            _c("geographic_scope", "Geografisk afgrænsning", "Geographic scope"),
            _c("date", "Dato", "Date"),
            _c("methods", "Metoder", "Methods"),
            *_named(
                _c(
                    "conducted_by",
                    "Udført af (kontaktperson-ID'er)",
                    "Conducted by (contact IDs)",
                ),
                "Udført af (navne)",
                "Conducted by (names)",
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
            MAPPING_ID,
            *ORG_NAMED,
            # the mapping's title after the organisation's name: the name starts the page
            _c("parent:name", "Kortlægning (titel)", "Mapping (title)", "derived", of="parent"),
            *CONTACT_NAMED,
            _c("services_offered", "Tilbud og ydelser", "Services offered", width=40),
            _c("target_groups", "Målgrupper", "Target groups"),
            _c("focus_areas", "Indsatsområder", "Focus areas", "focus_list"),
            _c("possible_contribution", "Mulige bidrag", "Possible contribution", width=40),
            _c("possible_barriers", "Mulige barrierer", "Possible barriers", width=40),
            _c("what_matters", "Hvad er vigtigt for dem", "What matters to them", width=40),
            _c("existing_relation", "Eksisterende relation", "Existing relation"),
            _c("current.date", "Vurderet den", "Assessed on"),
            *(_current(c) for c in _ASSESSMENT_COLUMNS),
            _c("current.note", "Note til vurderingen", "Assessment note"),
            _c("next_step", "Næste skridt", "Next step", width=40),
            *_named(
                _c("responsible_id", "Ansvarlig (kontaktperson-ID)", "Responsible (contact ID)"),
                "Ansvarlig (navn)",
                "Responsible (name)",
            ),
            _c("follow_up_on", "Opfølgning den", "Follow up on"),
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
            *_named_parent(
                "Kortlægningsrække-ID",
                "Mapping entry ID",
                "Kortlægningsrække (organisation)",
                "Mapping entry (organisation)",
            ),
            NR,
            _c("date", "Dato", "Date"),
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
            _c("kind", "Redskab", "Tool"),
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
            *_named_parent("Redskab-ID", "Tool ID", "Redskab (titel)", "Tool (title)"),
            _c("id", "Spørgsmål-ID", "Question ID"),
            _c("theme", "Tema", "Theme"),
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
            *_named(_c("tool_id", "Redskab-ID", "Tool ID"), "Redskab (titel)", "Tool (title)"),
            *ORG_NAMED,
            *_named(
                _c("about_organisation_id", "Om organisation-ID", "About organisation ID"),
                "Om organisation (navn)",
                "About organisation (name)",
            ),
            _c("date", "Dato", "Date"),
            *_named(
                _c(
                    "facilitator_id",
                    "Facilitator (kontaktperson-ID)",
                    "Facilitator (contact ID)",
                ),
                "Facilitator (navn)",
                "Facilitator (name)",
            ),
            *PARTICIPANTS_NAMED,
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
            *_named_parent(
                "Session-ID",
                "Session ID",
                "Session (organisation og dato)",
                "Session (organisation and date)",
            ),
            NR,
            *_named(
                _c("question_id", "Spørgsmål-ID", "Question ID"),
                "Spørgsmål (tekst)",
                "Question (text)",
            ),
            _c("text", "Svar", "Answer", width=60),
            _c("agreed", "Enighed", "Agreed"),
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
            *_named(
                _c("indsats_id", "Indsats-ID", "Effort ID"), "Indsats (titel)", "Effort (title)"
            ),
            _c("degree", "Samarbejdsform", "Degree of collaboration"),
            _c("period.start", "Gælder fra", "Valid from"),
            _c("period.end", "Gælder til", "Valid to"),
            _c("notice_days", "Opsigelsesvarsel (dage)", "Notice (days)"),
            _c("status", "Status", "Status"),
            _c("template_version", "Skabelonversion", "Template version"),
            _c("ended_on", "Afsluttet den", "Ended on", "date"),
            _c("end_reason", "Årsag til afslutning", "Reason for ending", width=40),
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
            *_named_parent("Aftale-ID", "Agreement ID", "Aftale (titel)", "Agreement (title)"),
            NR,
            *ORG_NAMED,
            *_named(
                _c("signatory_id", "Underskriver (kontaktperson-ID)", "Signatory (contact ID)"),
                "Underskriver (navn)",
                "Signatory (name)",
            ),
            *CONTACT_NAMED,
            _c("signed_on", "Underskrevet den", "Signed on"),
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
        (
            *_named_parent("Aftale-ID", "Agreement ID", "Aftale (titel)", "Agreement (title)"),
            *_SECTION_COLUMNS,
        ),
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
            *_named(
                _c("indsats_id", "Indsats-ID", "Effort ID"), "Indsats (titel)", "Effort (title)"
            ),
            _c("place", "Sted", "Place"),
            _c("schedule", "Tidspunkt/hyppighed", "Schedule"),
            PERIOD_START,
            PERIOD_END,
            *_named(
                _c(
                    "volunteer_organisation_id",
                    "Frivillig organisation-ID",
                    "Volunteer organisation ID",
                ),
                "Frivillig organisation (navn)",
                "Volunteer organisation (name)",
            ),
            *_named(
                _c(
                    "volunteer_contact_id",
                    "Frivillig (kontaktperson-ID)",
                    "Volunteer (contact ID)",
                ),
                "Frivillig (navn)",
                "Volunteer (name)",
            ),
            *_named(
                _c(
                    "housing_contact_id",
                    "Boligsocial kontakt (kontaktperson-ID)",
                    "Housing-social contact (contact ID)",
                ),
                "Boligsocial kontakt (navn)",
                "Housing-social contact (name)",
            ),
            _c("confidentiality_agreed", "Tavshedserklæring", "Confidentiality agreed"),
            _c(
                "child_certificate_required",
                "Børneattest påkrævet",
                "Child certificate required",
            ),
            _c(
                "child_certificate_obtained_on",
                "Børneattest indhentet den",
                "Child certificate obtained on",
            ),
            _c("review_on", "Opfølgning den", "Review on"),
            _c("notice_days", "Opsigelsesvarsel (dage)", "Notice (days)"),
            _c("status", "Status", "Status"),
            _c("signed_on", "Underskrevet den", "Signed on"),
            _c("template_version", "Skabelonversion", "Template version"),
            _c(
                "involves_children_under_15",
                "Børn under 15 år",
                "Children under 15",
                "bool",
            ),
            *_named(
                _c(
                    "volunteer_ids",
                    "Flere frivillige (kontaktperson-ID'er)",
                    "More volunteers (contact IDs)",
                    "refs",
                ),
                "Flere frivillige (navne)",
                "More volunteers (names)",
            ),
            _c("ended_on", "Afsluttet den", "Ended on", "date"),
            _c("end_reason", "Årsag til afslutning", "Reason for ending", width=40),
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
        (
            *_named_parent(
                "Aktivitetsaftale-ID",
                "Activity agreement ID",
                "Aktivitetsaftale (aktivitet)",
                "Activity agreement (activity)",
            ),
            *_SECTION_COLUMNS,
        ),
        parent="activity_agreements",
        field="sections",
        guide_da="Aktivitetsaftalernes afsnit i rækkefølge.",
        guide_en="The activity agreements' sections, in order.",
    ),
    Table(
        "child_certificates",
        "Børneattester",
        "Child certificates",
        ChildCertificate,
        (
            *_named_parent(
                "Aktivitetsaftale-ID",
                "Activity agreement ID",
                "Aktivitetsaftale (aktivitet)",
                "Activity agreement (activity)",
            ),
            NR,
            *_named(
                _c("contact_id", "Frivillig (kontaktperson-ID)", "Volunteer (contact ID)", "ref"),
                "Frivillig (navn)",
                "Volunteer (name)",
            ),
            _c("obtained_on", "Indhentet den", "Obtained on", "date"),
        ),
        parent="activity_agreements",
        field="child_certificates",
        guide_da="Hvornår hver frivilligs børneattest er indhentet; kun datoen, aldrig indholdet.",
        guide_en="When each volunteer's child certificate was obtained; the day only, never "
        "its content.",
    ),
    Table(
        "value_games",
        "Værdispil",
        "Value games",
        ValueGame,
        (
            ID,
            _c("title", "Titel", "Title"),
            _c("date", "Dato", "Date"),
            *_named(
                _c("indsats_id", "Indsats-ID", "Effort ID"), "Indsats (titel)", "Effort (title)"
            ),
            *_named(
                _c("workshop_id", "Workshop-ID", "Workshop ID"),
                "Workshop (titel)",
                "Workshop (title)",
            ),
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
            *_named_parent(
                "Værdispil-ID", "Value game ID", "Værdispil (titel)", "Value game (title)"
            ),
            _c("id", "Brik-ID", "Piece ID"),
            _c("label_da", "Værdi (dansk)", "Value (Danish)"),
            _c("label_en", "Værdi (engelsk)", "Value (English)"),
            _c("category", "Kategori", "Category"),
            _c("custom", "Egen brik", "Custom piece"),
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
            *_named_parent(
                "Værdispil-ID", "Value game ID", "Værdispil (titel)", "Value game (title)"
            ),
            NR,
            *_named(_c("piece_id", "Brik-ID", "Piece ID"), "Brik (værdi)", "Piece (value)"),
            *ORG_NAMED,
            _c("strength", "Styrke (1-3)", "Strength (1-3)"),
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
            _c("date", "Dato", "Date"),
            _c("kind", "Type", "Kind"),
            _c("facilitator", "Facilitator", "Facilitator"),
            _c("place", "Sted", "Place"),
            *PARTICIPANTS_NAMED,
            *_named(
                _c("output_ids", "Resultater (ID'er)", "Outputs (IDs)"),
                "Resultater (navne)",
                "Outputs (names)",
            ),
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
            *_named_parent("Workshop-ID", "Workshop ID", "Workshop (titel)", "Workshop (title)"),
            NR,
            _c("title", "Titel", "Title"),
            _c("start", "Starttid", "Start time"),
            _c("minutes", "Minutter", "Minutes"),
            _c("tool", "Redskab", "Tool"),
            _c("description", "Beskrivelse", "Description", width=50),
        ),
        parent="workshops",
        field="agenda",
        guide_da="Programmet for hver workshop.",
        guide_en="The programme of each workshop.",
    ),
)

# -- what the model adds: columns derived from the one description of the fields -------

#: The workbook's kind of cell for each kind of field (a list's in the second place).
_KINDS: dict[FieldKind, tuple[ColumnKind, ColumnKind | None]] = {
    "id": ("id", None),
    "text": ("text", None),
    "free_text": ("text", None),
    "reference": ("ref", "refs"),
    "enum": ("enum", "enums"),
    "date": ("date", None),
    "time": ("time", None),
    "integer": ("int", None),
    "boolean": ("bool", None),
}


def _derived_column(info: FieldInfo) -> Column | ListField:
    """The column (or text list) of a field the declared layout does not show yet; its
    headers are the field's label, translated through the catalogue."""
    label = info.label or info.name.replace("_", " ").capitalize()
    da, en = translate(label, "da"), translate(label, "en")
    if info.many and info.kind in ("text", "free_text"):
        return ListField(info.name, da, en)
    single, many = _KINDS.get(info.kind, (None, None))
    kind = many if info.many else single
    if info.ref == "focus_area":
        kind = "focus_list" if info.many else "focus"
    elif kind == "text" and info.nullable:
        kind = "opt_text"
    if kind is None:
        raise TypeError(f"{info.name}: no workbook column for a {info.kind} field")
    enum = info.enum if info.enum is not None and issubclass(info.enum, LabelledEnum) else None
    return Column(info.name, da, en, kind, enum)


def _field_info(cls: type[Any], attr: str) -> FieldInfo:
    """The field ``attr`` of ``cls`` (``name``, ``period.start``, ``current.status``)."""
    head, _, tail = attr.partition(".")
    fields = {info.name: info for info in describe(cls)}
    if not tail:
        return fields[head]
    owner = fields[head].target if head in fields else None
    if owner is None:  # a property such as MappingEntry.current
        owner = typing.get_type_hints(getattr(cls, head).fget)["return"]
    return {info.name: info for info in describe(owner)}[tail]


def _typed(table: Table, column: Column) -> Column:
    """``column`` with the kind and enumeration its model field says."""
    if not column.derive:
        return column
    made = _derived_column(_field_info(table.cls, column.attr))
    if not isinstance(made, Column):
        raise TypeError(f"{table.name}.{column.attr}: a list of text belongs in the text lists")
    return attrs.evolve(column, kind=made.kind, enum=made.enum, derive=False)


def _complete(table: Table, declared: tuple[Table, ...]) -> Table:
    """``table`` with the kinds of its columns from the model, and a column for every field
    of its class that no column, text list or child sheet holds (and ``NOT_DERIVED`` does
    not leave out), after the declared ones."""
    table = attrs.evolve(table, columns=tuple(_typed(table, c) for c in table.columns))
    shown = {c.attr.split(".", 1)[0] for c in table.columns} | {f.attr for f in table.lists}
    children = {t.field for t in declared if (t.parent or "plan") == table.name}
    added = [
        _derived_column(info)
        for info in derived("workbook", table.cls)
        if info.name not in shown and info.name not in children and info.target is None
    ]
    if not added:
        return table
    return attrs.evolve(
        table,
        columns=(*table.columns, *(c for c in added if isinstance(c, Column))),
        lists=(*table.lists, *(c for c in added if isinstance(c, ListField))),
    )


#: Every sheet of rows, in order: the declared columns (headers, widths, order), then any
#: field of the model they do not show yet.
TABLES: tuple[Table, ...] = tuple(_complete(t, _DECLARED) for t in _DECLARED)

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
    _c("owner_id:name", "Række (navn)", "Row (name)", "derived", of="owner_id"),
    _c("sheet", "Ark", "Sheet"),
    _c("owner_nr", "Række-nr.", "Row no.", "int"),
    _c("field", "Felt", "Field"),
    NR,
    _c("text", "Tekst", "Text", width=60),
)

#: Headers of a record sheet (the exported object itself, a field per row).
RECORD_COLUMNS = (
    _c("field", "Felt", "Field"),
    _c("value", "Værdi", "Value", width=60),
    # the name of the row a field's ID points at; shown, never read back
    _c("refers_to", "Henviser til", "Refers to", "derived"),
)

YES_NO: dict[Lang, tuple[str, str]] = {"da": ("Ja", "Nej"), "en": ("Yes", "No")}


def named(columns: tuple[Column, ...]) -> frozenset[str]:
    """The attributes of the ID columns that a column of names stands beside."""
    return frozenset(c.of for c in columns if c.of)


def printed_from(columns: tuple[Column, ...]) -> int:
    """The first column a printed page shows: the IDs before it (the row's own, its
    parent's, its number, references with their names beside) are for the importer, the
    names after them for the person holding the paper."""
    shown_by_name = named(columns)
    for index, column in enumerate(columns):
        if column.kind in ("id", "parent", "nr") or column.attr in shown_by_name:
            continue
        return index
    return 0


def owner_key(parent_key: Any, nr: Any) -> str | None:
    """The key of a row without an ID of its own (a meeting): its parent's key and its
    number, such as ``grp-steering/2``; rows below it name their parent by this key."""
    if parent_key is None or nr is None:
        return None
    if isinstance(nr, float) and nr.is_integer():
        nr = int(nr)
    return f"{parent_key}/{nr}"
