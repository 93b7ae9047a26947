"""The demo plan's kortlægning for the new effort *Unge på vej*, covering every organisation.

Several rows were re-assessed after the first mapping day, so their history shows how the
collaboration developed (contacted, in dialogue, active, paused, ended).
"""

from __future__ import annotations

import datetime as dt

from ..model import Assessment, CollaborationStatus, Level, Mapping, MappingEntry, MappingMethod

__all__ = ["MAPPING_ID", "mapping"]

MAPPING_ID = "map-unge-paa-vej"

_H, _M, _L = Level.HIGH, Level.MEDIUM, Level.LOW
_S = CollaborationStatus
_MAPPED = dt.date(2024, 2, 5)
_SPRING = dt.date(2024, 4, 9)
_SUMMER = dt.date(2024, 6, 10)
_AUTUMN = dt.date(2024, 11, 18)
_EDU = "education_life_chances"
_JOB = "employment"
_CRIME = "crime_prevention"
_COHESION = "cohesion_citizenship"
_HEALTH = "health_wellbeing"


def _a(
    day: dt.date,
    status: CollaborationStatus,
    relevance: Level,
    interest: Level,
    influence: Level,
    note: str = "",
    by: str = "kp-ungemedarbejder",
) -> Assessment:
    return Assessment(
        date=day,
        status=status,
        relevance=relevance,
        interest=interest,
        influence=influence,
        assessed_by=by,
        note=note,
    )


def _first(
    status: CollaborationStatus, relevance: Level, interest: Level, influence: Level
) -> tuple[Assessment, ...]:
    """A row assessed once, on the mapping day."""
    return (_a(_MAPPED, status, relevance, interest, influence),)


def _entry(
    org_id: str,
    history: tuple[Assessment, ...],
    *,
    contact: str | None = None,
    responsible: str = "kp-ungemedarbejder",
    follow_up: dt.date | None = None,
    areas: tuple[str, ...] = (_EDU,),
    existing: bool = False,
    **texts: str,
) -> MappingEntry:
    return MappingEntry(
        id="me-" + org_id.removeprefix("org-"),
        organisation_id=org_id,
        contact_id=contact,
        focus_areas=areas,
        existing_relation=existing,
        assessments=history,
        responsible_id=responsible,
        follow_up_on=follow_up,
        **texts,
    )


def _housing_rows() -> tuple[MappingEntry, ...]:
    return (
        _entry(
            "org-boligsocialt-sekretariat",
            _first(_S.ACTIVE, _H, _H, _H),
            contact="kp-projektleder",
            responsible="kp-projektleder",
            existing=True,
            areas=(_EDU, _JOB, _CRIME, _COHESION),
            services_offered="Boligsociale medarbejdere, lokaler i Solbakkehuset, kendskab til "
            "familierne.",
            target_groups="Alle beboere; særligt børn, unge og familier.",
            possible_contribution="Tovholder på indsatsen, koordinering af partnere og "
            "opsøgende kontakt til unge.",
            what_matters="At indsatsen bliver forankret hos partnerne, før helhedsplanen udløber.",
            next_step="Fastlægge mødeplan for følgegruppen.",
            notes="Egen organisation; med i kortlægningen, så alle ressourcer står samlet.",
        ),
        _entry(
            "org-boligselskabet-egebo",
            _first(_S.ACTIVE, _M, _M, _H),
            contact="kp-egebo-direktoer",
            responsible="kp-projektleder",
            existing=True,
            areas=(_COHESION,),
            services_offered="Administration, udlejning og boligsocial strategi.",
            target_groups="Alle lejere i Egebos afdelinger.",
            possible_contribution="Medfinansiering og adgang til udlejningens fraflytningsdata.",
            possible_barriers="Beslutninger går gennem organisationsbestyrelsen.",
            what_matters="Lavere fraflytning og et bedre omdømme for Solbakken.",
        ),
        _entry(
            "org-ejendomskontoret-solbakken",
            _first(_S.ACTIVE, _M, _H, _M),
            contact="kp-driftschef",
            existing=True,
            areas=(_EDU, _JOB),
            services_offered="Daglig drift, nøgler til fælleslokaler, kendskab til de unge "
            "på udearealerne.",
            target_groups="Alle beboere.",
            possible_contribution="Fritidsjob til to unge om året som hjælpere i driften.",
            possible_barriers="Travlt i sommerhalvåret.",
            what_matters="Mindre hærværk og unge, der tager ejerskab for området.",
            next_step="Beskrive opgaverne i et fritidsjob hos driften.",
            follow_up=dt.date(2025, 1, 20),
        ),
        _entry(
            "org-afdelingsbestyrelse-nord",
            (
                _a(_MAPPED, _S.IN_DIALOGUE, _M, _H, _M),
                _a(_SUMMER, _S.ACTIVE, _M, _H, _M, "Har lagt fælleshuset til lektiecaféen."),
            ),
            contact="kp-formand-afd-nord",
            responsible="kp-frivilligkoordinator",
            existing=True,
            areas=(_COHESION, _EDU),
            services_offered="Fælleshuset, beboermøder og arrangementer.",
            target_groups="Beboere i afdeling 12.",
            possible_contribution="Lokaler og opbakning fra beboerne.",
            what_matters="At de unge bliver set som en del af fællesskabet.",
            next_step="Præsentere indsatsen på afdelingsmødet i september.",
            follow_up=dt.date(2025, 3, 3),
        ),
        _entry(
            "org-afdelingsbestyrelse-syd",
            _first(_S.IN_DIALOGUE, _M, _M, _M),
            contact="kp-formand-afd-syd",
            responsible="kp-frivilligkoordinator",
            areas=(_COHESION,),
            services_offered="Beboerdemokratiet i afdeling 14.",
            target_groups="Beboere i afdeling 14.",
            possible_contribution="Kan pege på unge og forældre, som sekretariatet ikke kender.",
            possible_barriers="Ny bestyrelse, der endnu er ved at finde sin form.",
            what_matters="Ro i opgangene om aftenen.",
            next_step="Invitere til kaffemøde i Solbakkehuset.",
            follow_up=dt.date(2025, 1, 14),
        ),
        _entry(
            "org-organisationsbestyrelsen-egebo",
            _first(_S.CONTACTED, _L, _L, _H),
            contact="kp-formand-organisationsbestyrelsen",
            responsible="kp-projektleder",
            areas=(_COHESION,),
            services_offered="Godkender boligorganisationens budget og strategi.",
            possible_contribution="Opbakning til at videreføre indsatsen efter 2026.",
            what_matters="At pengene bruges, så alle afdelinger får gavn af dem.",
            next_step="Orientering på næste bestyrelsesmøde.",
        ),
    )


def _municipal_rows() -> tuple[MappingEntry, ...]:
    return (
        _entry(
            "org-egedal-kommune",
            _first(_S.ACTIVE, _M, _M, _H),
            contact="kp-kommunal-direktoer",
            responsible="kp-projektleder",
            existing=True,
            areas=(_EDU, _JOB, _CRIME),
            services_offered="Kommunens direktion og medfinansiering af helhedsplanen.",
            possible_contribution="Forankring af indsatsen i kommunens børne- og ungepolitik.",
            possible_barriers="Budgetforhandlinger i efteråret kan flytte prioriteter.",
            what_matters="Flere unge i uddannelse og færre sager i familieafdelingen.",
        ),
        _entry(
            "org-jobcenter-egedal",
            (
                _a(_MAPPED, _S.CONTACTED, _H, _M, _H),
                _a(_SPRING, _S.IN_DIALOGUE, _H, _H, _H, "Dialogmøde holdt; positive."),
                _a(dt.date(2024, 5, 1), _S.ACTIVE, _H, _H, _H, "Samarbejdsaftale underskrevet."),
            ),
            contact="kp-virksomhedskonsulent",
            existing=True,
            areas=(_JOB, _EDU),
            services_offered="Ungeteam, virksomhedspraktik og løntilskud, fritidsjobformidling.",
            target_groups="Unge 15-29 år; ledige forældre.",
            possible_contribution="Fast træffetid i Solbakkehuset og fritidsjob gennem "
            "virksomhedsnetværket.",
            possible_barriers="Arbejder efter lovkrav om samtaler; lidt tid til opsøgende "
            "arbejde.",
            what_matters="At flere unge kommer i job eller uddannelse, målt i jobcentrets egne "
            "tal.",
            next_step="Første evaluering af træffetiden.",
            follow_up=dt.date(2025, 2, 3),
            notes="Mette Kjærgaard har lovet at tage forløbet med på ungeteamets møde i januar.",
        ),
        _entry(
            "org-solbakkeskolen",
            (
                _a(_MAPPED, _S.POTENTIAL, _H, _M, _H),
                _a(_SPRING, _S.CONTACTED, _H, _M, _H, "Mail til ledelsen; svar efter påske."),
                _a(_AUTUMN, _S.IN_DIALOGUE, _H, _H, _H, "Med på workshopdagen; vil lave aftale."),
            ),
            contact="kp-afdelingsleder-udskoling",
            areas=(_EDU,),
            services_offered="Undervisning, skolens trivselsarbejde, UU-samtaler i 8. klasse.",
            target_groups="Elever i 0.-9. klasse og deres forældre.",
            possible_contribution="Adgang til elever i udskolingen og lærere til lektiecaféen.",
            possible_barriers="Skemalægning sker i foråret; svært at ændre midt i skoleåret.",
            what_matters="Bedre karakterer og højere fremmøde i udskolingen.",
            next_step="Færdiggøre udkastet til samarbejdsaftale.",
            follow_up=dt.date(2025, 1, 10),
        ),
        _entry(
            "org-ssp-egedal",
            _first(_S.ACTIVE, _H, _H, _M),
            contact="kp-ssp-konsulent",
            existing=True,
            areas=(_CRIME, _EDU),
            services_offered="SSP-netværk, natteravne-koordinering og forebyggende samtaler.",
            target_groups="Unge 12-18 år i risiko for kriminalitet.",
            possible_contribution="Viden om de unge på tværs af skole, klub og politi.",
            possible_barriers="Regler for udveksling af oplysninger begrænser, hvad der kan "
            "deles.",
            what_matters="Tidlig opsporing og færre unge i kriminalitet.",
            next_step="Aftale fast punkt om Unge på vej på SSP-møderne.",
        ),
        _entry(
            "org-sundhedsplejen-egedal",
            (
                _a(_MAPPED, _S.POTENTIAL, _L, _M, _L),
                _a(_SPRING, _S.DESELECTED, _L, _M, _L, "Målgruppen er mindre børn."),
            ),
            contact="kp-sundhedsplejerske",
            areas=(_HEALTH,),
            services_offered="Hjemmebesøg og sundhedssamtaler.",
            target_groups="Familier med børn 0-6 år; skolebørn.",
            possible_barriers="Indsatsens målgruppe ligger uden for sundhedsplejens kerneopgave.",
            what_matters="Sund start for de mindste.",
            notes="Fravalgt for Unge på vej, men relevant for Sund hverdag.",
        ),
        _entry(
            "org-boernehuset-maelkeboetten",
            _first(_S.DESELECTED, _L, _L, _L),
            contact="kp-institutionsleder",
            areas=(_EDU,),
            services_offered="Vuggestue og børnehave.",
            target_groups="Børn 0-6 år.",
            what_matters="Tryg overgang til skole.",
            notes="Fravalgt: målgruppen er for ung til indsatsen.",
        ),
        _entry(
            "org-ungdomsklubben-trekanten",
            (
                _a(_MAPPED, _S.IN_DIALOGUE, _H, _H, _M),
                _a(_SUMMER, _S.ACTIVE, _H, _H, _M, "Fælles sommeraktiviteter aftalt."),
            ),
            contact="kp-klubleder",
            existing=True,
            areas=(_EDU, _CRIME),
            services_offered="Klubaftener, ture, lektiehjørne og fritidsjobvejledning.",
            target_groups="Børn og unge 10-18 år.",
            possible_contribution="Relationer til de unge og lokaler fire aftener om ugen.",
            possible_barriers="Få voksne på arbejde ad gangen.",
            what_matters="At klubben bliver et sted, hvor de unge også får hjælp videre.",
            next_step="Fælles plan for lektiehjørnet og lektiecaféen.",
            follow_up=dt.date(2025, 1, 28),
        ),
        _entry(
            "org-kui-egedal",
            _first(_S.IN_DIALOGUE, _H, _M, _M),
            contact="kp-ungevejleder",
            areas=(_EDU,),
            services_offered="Uddannelsesvejledning og forløb i ungeindsatsen.",
            target_groups="Unge under 25 år uden uddannelse.",
            possible_contribution="Vejledning i Solbakkehuset én eftermiddag om måneden.",
            possible_barriers="Vejlederne dækker hele kommunen.",
            what_matters="Flere unge i gang med en ungdomsuddannelse.",
            next_step="Afprøve vejledning i lektiecaféen i februar.",
            follow_up=dt.date(2025, 2, 25),
        ),
        _entry(
            "org-familieafdelingen-egedal",
            _first(_S.CONTACTED, _M, _L, _H),
            responsible="kp-projektleder",
            areas=(_EDU, _CRIME),
            services_offered="Myndighedssager og forebyggende familietilbud.",
            target_groups="Børn, unge og familier med særlige behov.",
            possible_contribution="Forældrekurser i Solbakkehuset.",
            possible_barriers="Travlhed og tavshedspligt; ingen fast kontaktperson endnu.",
            what_matters="Tidlig hjælp, så færre sager bliver tunge.",
            next_step="Finde en fast kontaktperson via direktøren.",
            follow_up=dt.date(2025, 1, 31),
        ),
        _entry(
            "org-biblioteket-solbakken",
            _first(_S.ACTIVE, _M, _H, _L),
            contact="kp-biblioteksformidler",
            responsible="kp-frivilligkoordinator",
            existing=True,
            areas=(_EDU, _COHESION),
            services_offered="Studiepladser, læseklub og lokaler.",
            target_groups="Alle; mange skoleelever efter skoletid.",
            possible_contribution="Lokale til lektiecaféen i eksamensperioden.",
            what_matters="Flere unge, der bruger biblioteket.",
        ),
        _entry(
            "org-sundhedscenter-egedal",
            _first(_S.POTENTIAL, _L, _L, _L),
            responsible="kp-projektleder",
            areas=(_HEALTH,),
            services_offered="Forebyggende forløb om kost, motion og rygning.",
            target_groups="Voksne borgere.",
            possible_contribution="Måske rygestop for unge.",
            next_step="Undersøges i forbindelse med Sund hverdag.",
        ),
    )


def _public_rows() -> tuple[MappingEntry, ...]:
    return (
        _entry(
            "org-lokalpolitiet-egedal",
            _first(_S.ACTIVE, _H, _M, _H),
            contact="kp-lokalbetjent",
            existing=True,
            areas=(_CRIME,),
            services_offered="Lokalbetjent, forebyggende samtaler, tryghedsvandringer.",
            target_groups="Unge i risiko for kriminalitet; alle beboere.",
            possible_contribution="Deltager i klubaftener og på workshopdagen.",
            possible_barriers="Skiftende vagtplaner.",
            what_matters="Tillid mellem unge og politi.",
            next_step="Fast fremmøde i klubben én gang om måneden.",
            follow_up=dt.date(2025, 2, 12),
        ),
        _entry(
            "org-region-boernepsykiatri",
            _first(_S.POTENTIAL, _M, _L, _M),
            responsible="kp-projektleder",
            areas=(_HEALTH,),
            services_offered="Udredning og behandling; opsøgende team.",
            target_groups="Børn og unge med psykiske vanskeligheder.",
            possible_contribution="Oplæg for frivillige om tegn på mistrivsel.",
            possible_barriers="Lange ventelister; henvisning går gennem egen læge.",
            next_step="Spørge netværket, om andre har samarbejdet med teamet.",
        ),
        _entry(
            "org-kriminalforsorgen",
            _first(_S.CONTACTED, _M, _M, _L),
            contact="kp-kif-socialraadgiver",
            areas=(_CRIME,),
            services_offered="Tilsyn og støtte til unge dømte i frihed.",
            target_groups="Unge under tilsyn, der bor i området.",
            possible_contribution="Brobygning til fritidsjob og mentor ved løsladelse.",
            possible_barriers="Tavshedspligt; få unge fra området ad gangen.",
            what_matters="At unge ikke falder tilbage til kriminalitet.",
            next_step="Møde om brobygning i første kvartal.",
            follow_up=dt.date(2025, 3, 14),
        ),
        _entry(
            "org-nordvest-erhvervsskole",
            _first(_S.IN_DIALOGUE, _H, _M, _M),
            contact="kp-studievejleder",
            areas=(_EDU, _JOB),
            services_offered="Erhvervsuddannelser, brobygning og åbent hus.",
            target_groups="Unge fra 8. klasse.",
            possible_contribution="Brobygningsdag for elever fra Solbakken.",
            possible_barriers="Skolen ligger 12 km væk.",
            what_matters="Flere ansøgere og færre, der falder fra.",
            next_step="Aftale dato for brobygningsdag.",
            follow_up=dt.date(2025, 2, 20),
        ),
        _entry(
            "org-vuc-egedal",
            _first(_S.POTENTIAL, _M, _L, _L),
            areas=(_EDU,),
            services_offered="FVU, AVU og HF-enkeltfag.",
            target_groups="Unge over 16 og voksne.",
            possible_contribution="Danskundervisning for forældre.",
            next_step="Kontakt efter sommerferien.",
        ),
        _entry(
            "org-fonden-boern-i-boligomraader",
            _first(_S.ACTIVE, _M, _M, _M),
            contact="kp-fondskonsulent",
            responsible="kp-projektleder",
            existing=True,
            areas=(_EDU,),
            services_offered="Tilskud til fritids- og læringstilbud.",
            target_groups="Børn og unge i almene boligområder.",
            possible_contribution="Bevilling til lektiecaféens materialer og udflugter.",
            possible_barriers="Årlig ansøgningsfrist i marts.",
            what_matters="Dokumenteret effekt af pengene.",
            next_step="Statusrapport til fonden.",
            follow_up=dt.date(2025, 3, 1),
        ),
        _entry(
            "org-boligsocialt-netvaerk",
            _first(_S.POTENTIAL, _L, _M, _L),
            responsible="kp-projektleder",
            areas=(),
            services_offered="Erfaringsudveksling mellem boligsociale indsatser.",
            possible_contribution="Erfaringer med fritidsjob fra andre områder.",
            next_step="Tage Unge på vej op på netværksmødet.",
        ),
    )


def _civil_rows() -> tuple[MappingEntry, ...]:
    return (
        _entry(
            "org-solbakken-if",
            (
                _a(_MAPPED, _S.CONTACTED, _M, _H, _L),
                _a(_SUMMER, _S.ACTIVE, _M, _H, _L, "Gratis prøvetræning for unge aftalt."),
            ),
            contact="kp-formand-solbakken-if",
            responsible="kp-frivilligkoordinator",
            areas=(_COHESION, _EDU),
            services_offered="Fodbold og gymnastik; trænerkurser.",
            target_groups="Børn og unge 5-18 år.",
            possible_contribution="Unge som hjælpetrænere; kontingentfrihed første halvår.",
            possible_barriers="Mangler trænere og baner om vinteren.",
            what_matters="Flere medlemmer og frivillige trænere.",
            next_step="Rekruttere to hjælpetrænere fra lektiecaféen.",
            follow_up=dt.date(2025, 2, 6),
        ),
        _entry(
            "org-egedal-bokseklub",
            (
                _a(_MAPPED, _S.ACTIVE, _H, _H, _L),
                _a(_AUTUMN, _S.PAUSED, _H, _M, _L, "Ungdomsholdet holder pause uden træner."),
            ),
            contact="kp-boksetraener",
            responsible="kp-frivilligkoordinator",
            existing=True,
            areas=(_CRIME, _COHESION),
            services_offered="Gratis ungdomshold to aftener om ugen.",
            target_groups="Unge 13-18 år, også unge uden for foreningslivet.",
            possible_contribution="Struktur og faste voksne for unge i risiko.",
            possible_barriers="Afhængig af én træner.",
            what_matters="Et lokale og en ny ungdomstræner.",
            next_step="Hjælpe klubben med at finde en ny ungdomstræner.",
            follow_up=dt.date(2025, 1, 15),
        ),
        _entry(
            "org-solsikken",
            (
                _a(_MAPPED, _S.IN_DIALOGUE, _H, _H, _M),
                _a(_SUMMER, _S.ACTIVE, _H, _H, _M, "Aktivitetsaftale om lektiecaféen på vej."),
            ),
            contact="kp-formand-solsikken",
            responsible="kp-frivilligkoordinator",
            areas=(_EDU, _COHESION),
            services_offered="Lektiehjælp, madklub og udflugter.",
            target_groups="Børn og unge 10-17 år og deres forældre.",
            possible_contribution="Frivillige lektiehjælpere to eftermiddage om ugen.",
            possible_barriers="Få frivillige med naturfag.",
            what_matters="Gode rammer og anerkendelse af de frivillige.",
            next_step="Opfølgende samtale om aktivitetsaftalen.",
            follow_up=dt.date(2025, 2, 4),
        ),
        _entry(
            "org-mentorhuset",
            _first(_S.IN_DIALOGUE, _H, _M, _L),
            contact="kp-mentorkoordinator",
            areas=(_EDU, _JOB),
            services_offered="Frivillige voksne mentorer og matchning.",
            target_groups="Unge 14-25 år.",
            possible_contribution="Ti mentorforløb om året for unge fra Solbakken.",
            possible_barriers="Mentorerne skal rekrutteres lokalt.",
            what_matters="Stabile forløb på mindst et år.",
            next_step="Informationsmøde for mulige mentorer.",
            follow_up=dt.date(2025, 3, 5),
        ),
        _entry(
            "org-kulturcenter-egedal",
            _first(_S.CONTACTED, _M, _M, _M),
            contact="kp-kulturcenter-naestformand",
            responsible="kp-frivilligkoordinator",
            areas=(_COHESION, _EDU),
            services_offered="Weekendlektiehjælp og forældrecafé.",
            target_groups="Familier med tilknytning til foreningen.",
            possible_contribution="Adgang til forældre, som sekretariatet sjældent møder.",
            what_matters="Respekt for foreningens arbejde og egne lokaler.",
            next_step="Besøg i forældrecaféen.",
            follow_up=dt.date(2025, 1, 25),
        ),
        _entry(
            "org-solbakken-sogn",
            (
                _a(_MAPPED, _S.ACTIVE, _M, _M, _L),
                _a(
                    _SPRING, _S.ENDED, _M, _L, _L, "Kirkens lektiecafé lukkede; frivillige videre."
                ),
            ),
            responsible="kp-frivilligkoordinator",
            existing=True,
            areas=(_COHESION,),
            services_offered="Sognegård og frivillige.",
            target_groups="Alle i sognet.",
            possible_contribution="Tidligere frivillige kan gå med i Solsikkens lektiecafé.",
            notes="Samarbejdet om kirkens lektiecafé er afsluttet i god ro og orden.",
        ),
        _entry(
            "org-bydelsmoedre-solbakken",
            _first(_S.ACTIVE, _M, _H, _M),
            contact="kp-koordinerende-bydelsmor",
            responsible="kp-frivilligkoordinator",
            existing=True,
            areas=(_COHESION, _EDU),
            services_offered="Hjemmebesøg, vejledning og kvindecafé.",
            target_groups="Kvinder og familier, især nytilkomne.",
            possible_contribution="Fortæller forældre om lektiecaféen og fritidsjob.",
            what_matters="At mødrene bliver taget med på råd.",
            next_step="Forældremøde om fritidsjob sammen med jobcentret.",
            follow_up=dt.date(2025, 2, 18),
        ),
        _entry(
            "org-ildsjaele-solbakken",
            _first(_S.POTENTIAL, _M, _M, _L),
            responsible="kp-frivilligkoordinator",
            areas=(_COHESION,),
            services_offered="Praktisk hjælp ved arrangementer.",
            target_groups="Naboer og børnefamilier.",
            possible_contribution="Voksne, der kan være faste ansigter i lektiecaféen.",
            possible_barriers="Ikke organiseret; svære at nå samlet.",
            next_step="Opslag i opgangene og på Solbakkens Facebook-gruppe.",
        ),
        _entry(
            "org-dagligvare-torvet",
            _first(_S.CONTACTED, _M, _M, _L),
            contact="kp-butikschef",
            areas=(_JOB,),
            services_offered="Fritidsjob og sommerjob.",
            target_groups="Unge fra 15 år.",
            possible_contribution="Fire fritidsjob om året.",
            possible_barriers="Ansætter efter samtale; de unge kender ikke kulturen.",
            what_matters="Stabile unge medarbejdere og mindre butikstyveri.",
            next_step="Jobcentret og sekretariatet besøger butikken sammen.",
            follow_up=dt.date(2025, 1, 22),
        ),
        _entry(
            "org-egedal-vvs",
            _first(_S.IN_DIALOGUE, _M, _H, _L),
            contact="kp-vvs-indehaver",
            areas=(_JOB, _EDU),
            services_offered="Praktikpladser og lærepladser.",
            target_groups="Unge, der vil være VVS-installatører.",
            possible_contribution="Virksomhedsbesøg og en praktikplads om året.",
            possible_barriers="Kræver ren straffeattest til arbejde i private hjem.",
            what_matters="Lærlinge, der bliver i faget.",
            next_step="Virksomhedsbesøg for 8. klasse.",
            follow_up=dt.date(2025, 3, 12),
        ),
    )


def mapping() -> Mapping:
    """The mapping of every organisation for *Unge på vej*, with re-assessments."""
    return Mapping(
        id=MAPPING_ID,
        title="Kortlægning af samarbejdsaktører for Unge på vej",
        indsats_id="ind-unge-paa-vej",
        geographic_scope="Solbakken Nord og Syd samt institutioner inden for 2 km",
        date=_MAPPED,
        methods=(
            MappingMethod.DESK,
            MappingMethod.WALK,
            MappingMethod.BRAINSTORM,
            MappingMethod.WORKSHOP,
        ),
        conducted_by=("kp-ungemedarbejder", "kp-frivilligkoordinator", "kp-projektleder"),
        entries=_housing_rows() + _municipal_rows() + _public_rows() + _civil_rows(),
    )
