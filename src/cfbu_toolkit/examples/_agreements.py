"""The demo plan's agreements, built from the catalogue's section templates.

A signed samarbejdsaftale with the job centre (every section written), a draft with the
school and the youth club that still has gaps, and an aktivitetsaftale with the volunteers
of the homework café.
"""

from __future__ import annotations

import datetime as dt

from ..catalog import CATALOGUE_VERSION, section_templates
from ..catalog.templates import AgreementKind
from ..model import (
    ActivityAgreement,
    AgreementParty,
    AgreementSection,
    AgreementStatus,
    CollaborationAgreement,
    CollaborationDegree,
    Period,
)

__all__ = ["activity_agreements", "collaboration_agreements"]


def _sections(kind: AgreementKind, texts: dict[str, str]) -> tuple[AgreementSection, ...]:
    """The template's sections in order, with ``texts`` filled in (the rest left empty)."""
    return tuple(t.section("da", texts.get(t.key, "")) for t in section_templates(kind))


_JOBCENTER_TEXTS = {
    "parties": "Boligsocialt Sekretariat Solbakken (kontakt: boligsocial medarbejder for unge "
    "og uddannelse) og Jobcenter Egedal (kontakt: virksomhedskonsulent i ungeteamet).",
    "background": "Kun 12 unge fra Solbakken havde fritidsjob i 2023, og andelen af unge, der "
    "begynder på en ungdomsuddannelse, ligger under kommunens gennemsnit. Samarbejdet er en "
    "del af indsatsen Unge på vej under Uddannelse og livschancer og Beskæftigelse.",
    "purpose": "Parterne vil sammen hjælpe unge fra Solbakken ind på arbejdsmarkedet via "
    "fritidsjob og vejledning, så flere får erfaring og lyst til uddannelse.",
    "goals": "30 unge i fritidsjob inden udgangen af 2025 (jobcentrets registrering). 20 "
    "forældre deltager i informationsmøder om fritidsjob (sekretariatets deltagerliste).",
    "target_group": "Unge 13-17 år i Solbakken og deres forældre. Målgruppen informeres via "
    "klubben, skolen, bydelsmødrene og opslag i opgangene.",
    "degree_and_scope": "Fælles opgaver: fast træffetid to timer hver anden uge og fælles "
    "virksomhedsbesøg fire gange om året.",
    "activities": "Træffetid i Solbakkehuset fra juni 2024; forældremøder i september og "
    "februar; jobmesse i Solbakkehuset i april.",
    "roles_responsibilities": "Jobcentret formidler job og taler med virksomhederne. "
    "Sekretariatet finder og forbereder de unge og holder kontakten til forældrene.",
    "contributions_resources": "Jobcentret: ca. 10 konsulenttimer om måneden. Sekretariatet: "
    "lokaler, forplejning og ca. 20 timer om måneden. Jobmessen betales af sekretariatet.",
    "organisation_communication": "Koordineringsmøde hver tredje måned, indkaldt af "
    "sekretariatet. Status gives i følgegruppen for Unge på vej.",
    "data_confidentiality": "Oplysninger om den enkelte unge deles kun med skriftligt "
    "samtykke fra den unge og, under 18 år, forældrene. Hver part er dataansvarlig for sine "
    "egne oplysninger.",
    "follow_up_evaluation": "Status på målene ved hvert koordineringsmøde; fælles evaluering "
    "i december 2025, som forelægges bestyrelsen.",
    "duration": "Aftalen gælder fra 1. maj 2024 til 31. december 2026.",
    "changes_disputes": "Ændringer aftales skriftligt. Uenighed tages først op mellem "
    "kontaktpersonerne, dernæst i bestyrelsen.",
    "termination": "Hver part kan opsige aftalen med tre måneders skriftligt varsel. "
    "Igangværende forløb for unge afsluttes.",
    "signatures": "Underskrives af projektlederen for sekretariatet og jobcenterchefen.",
    "appendices": "Bilag 1: Kortlægning for Unge på vej. Bilag 2: Aktivitetsplan 2024-25.",
}

_SCHOOL_TEXTS = {
    "parties": "Boligsocialt Sekretariat Solbakken, Solbakkeskolen og Ungdomsklubben Trekanten.",
    "background": "Mange elever i udskolingen mangler ro og hjælp til lektier, og overgangen "
    "fra skole til klub og uddannelse er skrøbelig.",
    "purpose": "Styrke elevernes faglighed og trivsel gennem lektiehjælp og en bedre overgang "
    "mellem skole, klub og ungdomsuddannelse.",
    "target_group": "Elever i 7.-9. klasse på Solbakkeskolen, der bor i Solbakken.",
    "degree_and_scope": "Dialog og videndeling; fælles opgaver aftales senere.",
    "activities": "Lektiecafé to eftermiddage om ugen; fælles forældremøde i foråret.",
    "organisation_communication": "Møde hver anden måned mellem afdelingslederen, klublederen "
    "og sekretariatet.",
}


def collaboration_agreements() -> tuple[CollaborationAgreement, ...]:
    """The signed agreement with the job centre and the draft with the school and club."""
    signed = CollaborationAgreement(
        id="agr-jobcenter-unge-paa-vej",
        title="Samarbejdsaftale om fritidsjob og vejledning – Unge på vej",
        indsats_id="ind-unge-paa-vej",
        parties=(
            AgreementParty(
                organisation_id="org-boligsocialt-sekretariat",
                signatory_id="kp-projektleder",
                contact_id="kp-ungemedarbejder",
                signed_on=dt.date(2024, 4, 26),
            ),
            AgreementParty(
                organisation_id="org-jobcenter-egedal",
                signatory_id="kp-jobcenterchef",
                contact_id="kp-virksomhedskonsulent",
                signed_on=dt.date(2024, 4, 29),
            ),
        ),
        degree=CollaborationDegree.SHARED_TASKS,
        sections=_sections("collaboration_agreement", _JOBCENTER_TEXTS),
        period=Period(start=dt.date(2024, 5, 1), end=dt.date(2026, 12, 31)),
        notice_days=90,
        status=AgreementStatus.SIGNED,
        template_version=CATALOGUE_VERSION,
    )
    draft = CollaborationAgreement(
        id="agr-skole-klub-udkast",
        title="Samarbejdsaftale om lektiehjælp og overgange (udkast)",
        indsats_id="ind-unge-paa-vej",
        parties=(
            AgreementParty(
                organisation_id="org-boligsocialt-sekretariat",
                signatory_id="kp-projektleder",
                contact_id="kp-frivilligkoordinator",
            ),
            AgreementParty(
                organisation_id="org-solbakkeskolen",
                contact_id="kp-afdelingsleder-udskoling",
            ),
            AgreementParty(
                organisation_id="org-ungdomsklubben-trekanten",
                signatory_id="kp-klubleder",
                contact_id="kp-klubleder",
            ),
        ),
        degree=CollaborationDegree.DIALOGUE,
        sections=_sections("collaboration_agreement", _SCHOOL_TEXTS),
        period=Period(start=dt.date(2025, 1, 1)),
        status=AgreementStatus.DRAFT,
        template_version=CATALOGUE_VERSION,
    )
    return (signed, draft)


_HOMEWORK_TEXTS = {
    "activity": "Lektiecafé i Solbakkehuset, tirsdag og torsdag kl. 15.30-17.30 undtagen i "
    "skoleferierne.",
    "parties": "Frivilligforeningen Solsikken og Boligsocialt Sekretariat Solbakken, hvor "
    "frivilligkoordinatoren er fast kontakt.",
    "purpose_target": "Give børn og unge i 4.-10. klasse ro og hjælp til lektierne og en "
    "voksen at spørge.",
    "volunteer_commitments": "Mindst tre frivillige pr. gang; foreningen laver vagtplanen og "
    "giver besked ved aflysning senest dagen før.",
    "housing_commitments": "Lokale, frugt, materialer og dækning af kørsel. Sekretariatet "
    "låser op og tegner forsikring for de frivillige.",
    "boundaries": "De frivillige hjælper med lektier og rådgiver ikke om familiers sager; "
    "bekymringer gives videre til sekretariatet samme dag.",
    "rules": "Alle frivillige underskriver en tavshedserklæring. Børneattest indhentes for "
    "alle frivillige, før de starter. Billeder kun med forældres samtykke.",
    "contact_follow_up": "Kort snak efter hver gang; opfølgende samtale hvert halve år og "
    "en årlig tak-for-indsatsen-middag.",
    "duration_exit": "Aftalen gælder skoleåret 2024-25 og forlænges ved opfølgningen. En "
    "frivillig kan stoppe med en måneds varsel.",
    "signatures": "Underskrevet af foreningens formand og frivilligkoordinatoren.",
}


def activity_agreements() -> tuple[ActivityAgreement, ...]:
    """The aktivitetsaftale with the volunteers of the homework café."""
    return (
        ActivityAgreement(
            id="akt-lektiecafe-solsikken",
            activity="Lektiecafé i Solbakkehuset",
            indsats_id="ind-unge-paa-vej",
            place="Solbakkehuset, Solbakken Torv 4, lokale 2",
            schedule="Tirsdag og torsdag kl. 15.30-17.30, undtagen skoleferier",
            period=Period(start=dt.date(2024, 9, 1), end=dt.date(2025, 6, 30)),
            volunteer_organisation_id="org-solsikken",
            volunteer_contact_id="kp-formand-solsikken",
            housing_contact_id="kp-frivilligkoordinator",
            volunteer_commitments=(
                "Mindst tre frivillige lektiehjælpere pr. gang",
                "Vagtplan for et halvt år ad gangen",
                "Besked om aflysning senest dagen før",
            ),
            housing_commitments=(
                "Lokale og nøgle",
                "Frugt og materialer",
                "Kørselsgodtgørelse og forsikring",
                "Sparring med frivilligkoordinatoren",
            ),
            sections=_sections("activity_agreement", _HOMEWORK_TEXTS),
            confidentiality_agreed=True,
            child_certificate_required=True,
            child_certificate_obtained_on=dt.date(2024, 8, 20),
            review_on=dt.date(2025, 2, 4),
            notice_days=30,
            status=AgreementStatus.ACTIVE,
            signed_on=dt.date(2024, 8, 26),
            template_version=CATALOGUE_VERSION,
        ),
    )
