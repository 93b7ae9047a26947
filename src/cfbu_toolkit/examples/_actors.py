"""The demo plan's organisations and contact persons (all invented).

Organisations are described in tables and built by small helpers, so the list stays
readable. Contact persons carry a lawful basis and a retention date; volunteers are held on
consent. E-mail domains end in ``-eksempel.dk`` and belong to no one.
"""

from __future__ import annotations

import datetime as dt

from ..model import ActorSector, ActorType, ContactPerson, LawfulBasis, Organisation, ResourceKind

__all__ = ["contacts", "organisations"]

_PRO = ResourceKind.PROFESSIONAL
_VOL = ResourceKind.VOLUNTEER
_T = ActorType

# (id, name, actor type, resource kind, sector or None for the type's usual one, description)
_ORGANISATIONS: tuple[tuple[str, str, ActorType, ResourceKind, ActorSector | None, str], ...] = (
    (
        "org-boligsocialt-sekretariat",
        "Boligsocialt Sekretariat Solbakken",
        _T.OTHER,
        _PRO,
        ActorSector.HOUSING_ORG,
        "Helhedsplanens sekretariat: projektleder og fem medarbejdere, ansat i "
        "Boligselskabet Egebo og placeret i Solbakkehuset.",
    ),
    (
        "org-boligselskabet-egebo",
        "Boligselskabet Egebo",
        _T.HOUSING_ADMIN,
        _PRO,
        None,
        "Almen boligorganisation med 2.300 boliger, heraf 640 i Solbakken.",
    ),
    (
        "org-ejendomskontoret-solbakken",
        "Ejendomskontoret Solbakken",
        _T.ESTATE_STAFF,
        _PRO,
        None,
        "Driften af Solbakken Nord og Syd: ejendomsfunktionærer, udearealer og fælleslokaler.",
    ),
    (
        "org-afdelingsbestyrelse-nord",
        "Afdelingsbestyrelsen Solbakken Nord (afd. 12)",
        _T.DEPARTMENT_BOARD,
        _VOL,
        None,
        "Valgt af beboerne i afdeling 12; står for fælleshuset og sommerfesten.",
    ),
    (
        "org-afdelingsbestyrelse-syd",
        "Afdelingsbestyrelsen Solbakken Syd (afd. 14)",
        _T.DEPARTMENT_BOARD,
        _VOL,
        None,
        "Valgt af beboerne i afdeling 14; nyvalgt bestyrelse siden 2023.",
    ),
    (
        "org-organisationsbestyrelsen-egebo",
        "Organisationsbestyrelsen i Boligselskabet Egebo",
        _T.ORGANISATION_BOARD,
        _VOL,
        None,
        "Boligorganisationens øverste beboervalgte ledelse.",
    ),
    (
        "org-egedal-kommune",
        "Egedal Kommune",
        _T.OTHER,
        _PRO,
        ActorSector.MUNICIPALITY,
        "Kommunen som medfinansierende part; repræsenteret i helhedsplanens bestyrelse.",
    ),
    (
        "org-jobcenter-egedal",
        "Jobcenter Egedal",
        _T.JOBCENTER,
        _PRO,
        None,
        "Beskæftigelsesindsats for ledige og unge under 30; virksomhedsservice.",
    ),
    (
        "org-solbakkeskolen",
        "Solbakkeskolen",
        _T.SCHOOL,
        _PRO,
        None,
        "Folkeskole med 0.-9. klasse og 540 elever; distriktsskole for Solbakken.",
    ),
    (
        "org-ssp-egedal",
        "SSP Egedal",
        _T.SSP,
        _PRO,
        None,
        "Samarbejde mellem skole, socialforvaltning og politi om forebyggelse blandt unge.",
    ),
    (
        "org-sundhedsplejen-egedal",
        "Sundhedsplejen i Egedal",
        _T.HEALTH_VISITOR,
        _PRO,
        None,
        "Hjemmebesøg hos familier med spædbørn og sundhedssamtaler i skolen.",
    ),
    (
        "org-boernehuset-maelkeboetten",
        "Børnehuset Mælkebøtten",
        _T.DAYCARE,
        _PRO,
        None,
        "Integreret daginstitution med vuggestue og børnehave midt i Solbakken.",
    ),
    (
        "org-ungdomsklubben-trekanten",
        "Ungdomsklubben Trekanten",
        _T.YOUTH_CLUB,
        _PRO,
        None,
        "Fritids- og ungdomsklub for 10-18-årige med åbent fire aftener om ugen.",
    ),
    (
        "org-kui-egedal",
        "Ungeindsatsen Egedal (KUI)",
        _T.YOUTH_GUIDANCE,
        _PRO,
        None,
        "Den kommunale ungeindsats: uddannelsesvejledning og forløb for unge under 25.",
    ),
    (
        "org-familieafdelingen-egedal",
        "Familieafdelingen, Egedal Kommune",
        _T.SOCIAL_SERVICES,
        _PRO,
        None,
        "Myndighed og forebyggende tilbud for børn, unge og familier.",
    ),
    (
        "org-biblioteket-solbakken",
        "Biblioteket og Medborgerhuset Solbakken",
        _T.LIBRARY_CULTURE,
        _PRO,
        None,
        "Lokalbibliotek med borgerservice, studiepladser og lokaler til foreninger.",
    ),
    (
        "org-sundhedscenter-egedal",
        "Sundhedscenter Egedal",
        _T.HEALTH_CENTER,
        _PRO,
        None,
        "Forebyggelse og rehabilitering, herunder rygestop og kostvejledning.",
    ),
    (
        "org-lokalpolitiet-egedal",
        "Lokalpolitiet i Egedal",
        _T.POLICE,
        _PRO,
        None,
        "Nærpoliti med fast lokalbetjent tilknyttet Solbakken.",
    ),
    (
        "org-region-boernepsykiatri",
        "Regionens ambulante børne- og ungdomspsykiatri",
        _T.OTHER,
        _PRO,
        ActorSector.REGION,
        "Udredning og behandling af børn og unge; har et opsøgende team for familier.",
    ),
    (
        "org-kriminalforsorgen",
        "Kriminalforsorgen i Frihed, afdeling Nordsjælland",
        _T.KRIMINALFORSORGEN,
        _PRO,
        None,
        "Tilsyn med dømte i frihed og støtte til løsladte, også unge.",
    ),
    (
        "org-solbakken-if",
        "Solbakken IF",
        _T.SPORTS_CLUB,
        _VOL,
        None,
        "Fodbold- og gymnastikforening med 310 medlemmer og baner ved skolen.",
    ),
    (
        "org-egedal-bokseklub",
        "Egedal Bokseklub",
        _T.SPORTS_CLUB,
        _VOL,
        None,
        "Bokseklub med et gratis ungdomshold i Solbakkehusets kælder.",
    ),
    (
        "org-solsikken",
        "Frivilligforeningen Solsikken",
        _T.VOLUNTARY_ASSOCIATION,
        _VOL,
        None,
        "Lokal frivilligforening med 25 aktive; lektiehjælp, madklub og udflugter.",
    ),
    (
        "org-mentorhuset",
        "Foreningen Mentorhuset",
        _T.NGO,
        _VOL,
        None,
        "Landsdækkende forening, der matcher unge med frivillige voksne mentorer.",
    ),
    (
        "org-kulturcenter-egedal",
        "Kultur- og Moskéforeningen Egedal",
        _T.FAITH_COMMUNITY,
        _VOL,
        None,
        "Trossamfund med fredagsbøn, lektiehjælp i weekenden og forældrecafé.",
    ),
    (
        "org-solbakken-sogn",
        "Solbakken Sogn",
        _T.FAITH_COMMUNITY,
        _VOL,
        None,
        "Folkekirkens sogn; kirkens frivillige har tidligere drevet en lektiecafé.",
    ),
    (
        "org-bydelsmoedre-solbakken",
        "Bydelsmødrene i Solbakken",
        _T.RESIDENT_GROUP,
        _VOL,
        None,
        "Uddannede bydelsmødre, der besøger og vejleder kvinder og familier i området.",
    ),
    (
        "org-ildsjaele-solbakken",
        "Ildsjæle i Solbakken (enkeltfrivillige)",
        _T.INDIVIDUAL_VOLUNTEER,
        _VOL,
        None,
        "Beboere, der hjælper til uden at være organiseret i en forening.",
    ),
    (
        "org-dagligvare-torvet",
        "Dagligvarebutikken på Solbakken Torv",
        _T.LOCAL_BUSINESS,
        _PRO,
        None,
        "Områdets supermarked med 30 ansatte, heraf mange unge på deltid.",
    ),
    (
        "org-egedal-vvs",
        "Egedal VVS & Energi ApS",
        _T.LOCAL_BUSINESS,
        _PRO,
        None,
        "Lokal installatørvirksomhed med 18 ansatte og tre lærlinge.",
    ),
    (
        "org-nordvest-erhvervsskole",
        "Nordvest Erhvervsskole",
        _T.EDUCATION_INSTITUTION,
        _PRO,
        None,
        "Erhvervsuddannelser og EUD-forløb for unge og voksne.",
    ),
    (
        "org-vuc-egedal",
        "VUC Egedal",
        _T.EDUCATION_INSTITUTION,
        _PRO,
        None,
        "Almen voksenuddannelse, FVU og HF-enkeltfag.",
    ),
    (
        "org-fonden-boern-i-boligomraader",
        "Fonden for Børn i Boligområder",
        _T.FOUNDATION,
        _PRO,
        None,
        "Privat fond, der støtter fritids- og læringstilbud i almene boligområder.",
    ),
    (
        "org-boligsocialt-netvaerk",
        "Netværket af boligsociale indsatser i Nordsjælland",
        _T.OTHER,
        _PRO,
        ActorSector.OTHER,
        "Netværk for ledere og medarbejdere i boligsociale indsatser; mødes fire gange om året.",
    ),
)


def organisations() -> tuple[Organisation, ...]:
    """Every organisation around the plan, across all sectors."""
    return tuple(
        Organisation(
            id=org_id,
            name=name,
            sector=sector or actor_type.default_sector,
            actor_type=actor_type,
            resource_kind=kind,
            description=description,
        )
        for org_id, name, actor_type, kind, sector, description in _ORGANISATIONS
    )


_RETAIN_STAFF = dt.date(2027, 12, 31)
_RETAIN_VOLUNTEER = dt.date(2026, 12, 31)

# (id, name, organisation id, role, e-mail, phone)
_STAFF: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("kp-projektleder", "Louise Østergaard Holm", "org-boligsocialt-sekretariat",
     "Projektleder", "loh@egebo-eksempel.dk", "+45 21 40 11 01"),
    ("kp-ungemedarbejder", "Ahmad Rahimi", "org-boligsocialt-sekretariat",
     "Boligsocial medarbejder, unge og uddannelse", "ara@egebo-eksempel.dk", "+45 21 40 11 02"),
    ("kp-frivilligkoordinator", "Sara Lind Mortensen", "org-boligsocialt-sekretariat",
     "Frivilligkoordinator", "slm@egebo-eksempel.dk", "+45 21 40 11 03"),
    ("kp-egebo-direktoer", "Torben Lykke Andersen", "org-boligselskabet-egebo",
     "Administrerende direktør", "tla@egebo-eksempel.dk", "+45 21 40 10 00"),
    ("kp-driftschef", "Kim Brodersen", "org-ejendomskontoret-solbakken",
     "Driftschef", "kbr@egebo-eksempel.dk", "+45 21 40 12 00"),
    ("kp-kommunal-direktoer", "Marianne Vestergaard", "org-egedal-kommune",
     "Direktør for Børn, Unge og Beskæftigelse", "mave@egedal-eksempel.dk", "+45 72 59 00 10"),
    ("kp-jobcenterchef", "Jesper Fogh Nielsen", "org-jobcenter-egedal",
     "Jobcenterchef", "jefn@egedal-eksempel.dk", "+45 72 59 30 00"),
    ("kp-virksomhedskonsulent", "Mette Kjærgaard", "org-jobcenter-egedal",
     "Virksomhedskonsulent, ungeteamet", "mekj@egedal-eksempel.dk", "+45 72 59 30 14"),
    ("kp-skoleleder", "Anders Kold Pedersen", "org-solbakkeskolen",
     "Skoleleder", "akp@egedal-eksempel.dk", "+45 72 59 51 00"),
    ("kp-afdelingsleder-udskoling", "Nadia Ahmadi", "org-solbakkeskolen",
     "Afdelingsleder, udskolingen", "naah@egedal-eksempel.dk", "+45 72 59 51 07"),
    ("kp-ssp-konsulent", "Rasmus Dalgaard", "org-ssp-egedal",
     "SSP-konsulent", "rada@egedal-eksempel.dk", "+45 72 59 44 20"),
    ("kp-sundhedsplejerske", "Gitte Krogh", "org-sundhedsplejen-egedal",
     "Sundhedsplejerske", "gikr@egedal-eksempel.dk", "+45 72 59 47 31"),
    ("kp-institutionsleder", "Pernille Hvid", "org-boernehuset-maelkeboetten",
     "Institutionsleder", "pehv@egedal-eksempel.dk", "+45 72 59 62 40"),
    ("kp-klubleder", "Mikkel Strand", "org-ungdomsklubben-trekanten",
     "Klubleder", "mist@egedal-eksempel.dk", "+45 72 59 63 50"),
    ("kp-ungevejleder", "Yasmin El-Sayed", "org-kui-egedal",
     "Uddannelsesvejleder", "yael@egedal-eksempel.dk", "+45 72 59 45 12"),
    ("kp-biblioteksformidler", "Ida Munk Larsen", "org-biblioteket-solbakken",
     "Biblioteksformidler", "imla@egedal-eksempel.dk", "+45 72 59 70 22"),
    ("kp-politikommissaer", "Henrik Ravn", "org-lokalpolitiet-egedal",
     "Politikommissær", "hera@politi-eksempel.dk", "+45 45 15 16 00"),
    ("kp-lokalbetjent", "Camilla Bro", "org-lokalpolitiet-egedal",
     "Lokalbetjent", "cabr@politi-eksempel.dk", "+45 45 15 16 42"),
    ("kp-kif-socialraadgiver", "Ole Brink Thomsen", "org-kriminalforsorgen",
     "Socialrådgiver", "obt@kif-eksempel.dk", "+45 72 55 80 90"),
    ("kp-mentorkoordinator", "Sofie Engberg", "org-mentorhuset",
     "Koordinator", "sofie@mentorhuset-eksempel.dk", "+45 31 22 40 18"),
    ("kp-butikschef", "Lars Højgaard", "org-dagligvare-torvet",
     "Butikschef", "butik@torvet-eksempel.dk", "+45 44 66 12 30"),
    ("kp-vvs-indehaver", "Bo Kragh", "org-egedal-vvs",
     "Indehaver", "bo@egedalvvs-eksempel.dk", "+45 44 66 70 71"),
    ("kp-studievejleder", "Trine Aagaard", "org-nordvest-erhvervsskole",
     "Studievejleder", "traa@nordvest-eksempel.dk", "+45 48 20 33 10"),
    ("kp-fondskonsulent", "Helle Bonde", "org-fonden-boern-i-boligomraader",
     "Programchef", "hb@fondenboern-eksempel.dk", "+45 33 14 90 20"),
)  # fmt: skip

# Volunteers: held on consent, given on the day they were first registered.
# (id, name, organisation id, role, e-mail or None, phone or None, consent given)
_VOLUNTEERS: tuple[tuple[str, str, str, str, str | None, str | None, dt.date], ...] = (
    ("kp-formand-afd-nord", "Jamila Haddad", "org-afdelingsbestyrelse-nord",
     "Formand", "afd12@beboer-eksempel.dk", "+45 28 90 12 12", dt.date(2024, 1, 15)),
    ("kp-formand-afd-syd", "Preben Juul", "org-afdelingsbestyrelse-syd",
     "Formand", "afd14@beboer-eksempel.dk", None, dt.date(2024, 1, 22)),
    ("kp-formand-organisationsbestyrelsen", "Birthe Holmgaard",
     "org-organisationsbestyrelsen-egebo", "Formand", "ob@beboer-eksempel.dk",
     "+45 28 90 40 40", dt.date(2024, 1, 10)),
    ("kp-formand-solbakken-if", "Kasper Mølgaard", "org-solbakken-if",
     "Formand", "formand@solbakkenif-eksempel.dk", "+45 26 11 22 33", dt.date(2024, 2, 1)),
    ("kp-boksetraener", "Ali Demir", "org-egedal-bokseklub",
     "Cheftræner", None, "+45 26 44 55 66", dt.date(2024, 2, 1)),
    ("kp-formand-solsikken", "Karen Winther", "org-solsikken",
     "Formand", "kontakt@solsikken-eksempel.dk", "+45 27 30 30 30", dt.date(2024, 2, 6)),
    ("kp-kulturcenter-naestformand", "Imran Butt", "org-kulturcenter-egedal",
     "Næstformand", "info@kulturcenter-eksempel.dk", None, dt.date(2024, 3, 4)),
    ("kp-koordinerende-bydelsmor", "Fatma Yılmaz", "org-bydelsmoedre-solbakken",
     "Koordinerende bydelsmor", None, "+45 29 80 70 60", dt.date(2024, 2, 12)),
)  # fmt: skip


def contacts() -> tuple[ContactPerson, ...]:
    """The contact persons: staff on legitimate interest, volunteers on consent."""
    staff = tuple(
        ContactPerson(
            id=cid,
            name=name,
            organisation_id=org,
            role=role,
            email=email,
            phone=phone,
            lawful_basis=LawfulBasis.LEGITIMATE_INTEREST,
            retention_until=_RETAIN_STAFF,
        )
        for cid, name, org, role, email, phone in _STAFF
    )
    volunteers = tuple(
        ContactPerson(
            id=cid,
            name=name,
            organisation_id=org,
            role=role,
            email=email,
            phone=phone,
            lawful_basis=LawfulBasis.CONSENT,
            consent_on=consent,
            retention_until=_RETAIN_VOLUNTEER,
        )
        for cid, name, org, role, email, phone, consent in _VOLUNTEERS
    )
    return staff + volunteers
