"""The analysis API on the demo plan, against expectations counted by hand from its source.

Every number below was counted by reading ``src/cfbu_toolkit/examples/`` (not by running
the analysis). The demo plan has one mapping, ``map-unge-paa-vej`` (effort
``ind-unge-paa-vej``, focus area education_life_chances), with 34 entries, one per
organisation of ``_actors.py``. In ``_mapping.py`` order, with the status, interest and
influence of the latest assessment (medium counts as high for the quadrant), the funnel
stage furthest reached, and the focus areas counted (EDU, JOB, CRIME, COH, HEALTH):

    housing rows
     1 boligsocialt-sekretariat   ACTIVE       H H  close      EDU JOB CRIME COH
     2 boligselskabet-egebo       ACTIVE       M H  close      COH
     3 ejendomskontoret-solbakken ACTIVE       H M  close      EDU JOB          fu 01-20
     4 afdelingsbestyrelse-nord   id > ACTIVE  H M  close      COH EDU          fu 03-03
     5 afdelingsbestyrelse-syd    IN_DIALOGUE  M M  close      COH              fu 01-14
     6 organisationsbestyrelsen   CONTACTED    L H  satisfied  COH
    municipal rows
     7 egedal-kommune             ACTIVE       M H  close      EDU JOB CRIME
     8 jobcenter-egedal           c>id>ACTIVE  H H  close      JOB EDU          fu 02-03
     9 solbakkeskolen             p>c>IN_DIAL. H H  close      EDU              fu 01-10
    10 ssp-egedal                 ACTIVE       H M  close      CRIME EDU
    11 sundhedsplejen-egedal      p>DESELECTED M L  informed   HEALTH
    12 boernehuset-maelkeboetten  DESELECTED   L L  monitor    EDU
    13 ungdomsklubben-trekanten   id > ACTIVE  H M  close      EDU CRIME        fu 01-28
    14 kui-egedal                 IN_DIALOGUE  M M  close      EDU              fu 02-25
    15 familieafdelingen-egedal   CONTACTED    L H  satisfied  EDU CRIME        fu 01-31
    16 biblioteket-solbakken      ACTIVE       H L  informed   EDU COH
    17 sundhedscenter-egedal      POTENTIAL    L L  monitor    HEALTH
    public rows
    18 lokalpolitiet-egedal       ACTIVE       M H  close      CRIME            fu 02-12
    19 region-boernepsykiatri     POTENTIAL    L M  satisfied  HEALTH
    20 kriminalforsorgen          CONTACTED    M L  informed   CRIME            fu 03-14
    21 nordvest-erhvervsskole     IN_DIALOGUE  M M  close      EDU JOB          fu 02-20
    22 vuc-egedal                 POTENTIAL    L L  monitor    EDU
    23 fonden-boern-i-boligomr.   ACTIVE       M M  close      EDU              fu 03-01
    24 boligsocialt-netvaerk      POTENTIAL    M L  informed   (none: EDU via the effort)
    civil rows
    25 solbakken-if               c > ACTIVE   H L  informed   COH EDU          fu 02-06
    26 egedal-bokseklub           a > PAUSED   M L  informed   CRIME COH        fu 01-15
    27 solsikken                  id > ACTIVE  H M  close      EDU COH          fu 02-04
    28 mentorhuset                IN_DIALOGUE  M L  informed   EDU JOB          fu 03-05
    29 kulturcenter-egedal        CONTACTED    M M  close      COH EDU          fu 01-25
    30 solbakken-sogn             a > ENDED    L L  monitor    COH
    31 bydelsmoedre-solbakken     ACTIVE       H M  close      COH EDU          fu 02-18
    32 ildsjaele-solbakken        POTENTIAL    M L  informed   COH
    33 dagligvare-torvet          CONTACTED    M L  informed   JOB              fu 01-22
    34 egedal-vvs                 IN_DIALOGUE  H L  informed   JOB EDU          fu 03-12

(columns: interest, influence; "fu" is ``follow_up_on`` in 2025.)
"""

from __future__ import annotations

import datetime as dt

import pytest

import cfbu_toolkit as cfbu
from cfbu_toolkit.analysis.coverage import (
    agreements_expiring,
    coverage,
    follow_ups_due,
    funnel,
    gaps,
)
from cfbu_toolkit.analysis.mapping import (
    Quadrant,
    count_by_sector,
    count_by_status,
    grid_cell,
    mapping_counts,
    quadrant,
    quadrants,
    unplaced,
)
from cfbu_toolkit.analysis.values import (
    shared_values,
    unique_values,
    unplaced_pieces,
    value_matrix,
)
from cfbu_toolkit.model import ActorSector, AgreementStatus, CollaborationStatus

S = CollaborationStatus

_TEAM = "org-boligsocialt-sekretariat"
_JOB = "org-jobcenter-egedal"
_SCHOOL = "org-solbakkeskolen"
_CLUB = "org-ungdomsklubben-trekanten"
_SOLSIKKEN = "org-solsikken"
_IF = "org-solbakken-if"
_POLICE = "org-lokalpolitiet-egedal"


@pytest.fixture(scope="module")
def mapping(demo_plan: cfbu.Plan) -> cfbu.Mapping:
    (only,) = demo_plan.mappings
    return only


@pytest.fixture(scope="module")
def game(demo_plan: cfbu.Plan) -> cfbu.ValueGame:
    (only,) = demo_plan.value_games
    return only


def _entry(mapping: cfbu.Mapping, org_id: str) -> cfbu.MappingEntry:
    (found,) = [e for e in mapping.entries if e.organisation_id == org_id]
    return found


# -- mapping: quadrants and counts -----------------------------------------------------------


def test_quadrant_counts(mapping: cfbu.Mapping, demo_plan: cfbu.Plan) -> None:
    counts = mapping_counts(mapping, demo_plan)
    # 34 rows in _mapping.py (6 housing + 11 municipal + 7 public + 10 civil), one for
    # each of the 34 organisations in _actors.py, so none unknown.
    assert counts.total == 34
    assert counts.unknown_organisation_ids == ()
    # Quadrant column of the table above: close rows 1-5, 7-10, 13, 14, 18, 21, 23, 27,
    # 29, 31 = 17; satisfied 6, 15, 19 = 3; informed 11, 16, 20, 24-26, 28, 32-34 = 10;
    # monitor 12, 17, 22, 30 = 4. Every row has both levels, so none unplaced.
    assert counts.by_quadrant == {
        Quadrant.KEEP_CLOSE: 17,
        Quadrant.KEEP_SATISFIED: 3,
        Quadrant.KEEP_INFORMED: 10,
        Quadrant.MONITOR: 4,
    }
    assert counts.unplaced == 0
    assert unplaced(mapping) == ()


def test_quadrant_members(mapping: cfbu.Mapping) -> None:
    found = quadrants(mapping)
    # Low interest with medium/high influence, in mapping order: rows 6, 15, 19.
    assert [e.id for e in found[Quadrant.KEEP_SATISFIED]] == [
        "me-organisationsbestyrelsen-egebo",
        "me-familieafdelingen-egedal",
        "me-region-boernepsykiatri",
    ]
    # Low/low in the latest assessment: rows 12, 17, 22, 30.
    assert [e.id for e in found[Quadrant.MONITOR]] == [
        "me-boernehuset-maelkeboetten",
        "me-sundhedscenter-egedal",
        "me-vuc-egedal",
        "me-solbakken-sogn",
    ]


def test_quadrant_uses_latest_assessment(mapping: cfbu.Mapping) -> None:
    # Solbakken Sogn was first assessed interest M / influence L (keep informed), then
    # re-assessed in spring as L / L (_mapping.py, "org-solbakken-sogn").
    sogn = _entry(mapping, "org-solbakken-sogn")
    assert quadrant(sogn) is Quadrant.MONITOR
    assert grid_cell(sogn) == (1, 1)
    # The job centre's last assessment is H / H (grid cell (interest 3, influence 3)).
    jobcenter = _entry(mapping, _JOB)
    assert quadrant(jobcenter) is Quadrant.KEEP_CLOSE
    assert grid_cell(jobcenter) == (3, 3)
    # The library: interest H, influence L.
    assert quadrant(_entry(mapping, "org-biblioteket-solbakken")) is Quadrant.KEEP_INFORMED


def test_count_by_status(mapping: cfbu.Mapping) -> None:
    # Latest status column of the table: ACTIVE rows 1-4, 7, 8, 10, 13, 16, 18, 23, 25,
    # 27, 31 = 14; IN_DIALOGUE 5, 9, 14, 21, 28, 34 = 6; CONTACTED 6, 15, 20, 29, 33 = 5;
    # POTENTIAL 17, 19, 22, 24, 32 = 5; PAUSED 26; ENDED 30; DESELECTED 11, 12.
    assert count_by_status(mapping) == {
        S.POTENTIAL: 5,
        S.CONTACTED: 5,
        S.IN_DIALOGUE: 6,
        S.ACTIVE: 14,
        S.PAUSED: 1,
        S.ENDED: 1,
        S.DESELECTED: 2,
    }


def test_count_by_sector(mapping: cfbu.Mapping, demo_plan: cfbu.Plan) -> None:
    # Sectors in _actors.py (explicit, else the actor type's usual sector):
    # municipality: egedal-kommune (explicit) + the 10 municipal types jobcenter ...
    # health_center = 11; housing_org: sekretariat (explicit), housing_admin, estate_staff
    # = 3; resident_democracy: 2 department boards + organisation board = 3; civil_society:
    # 2 sports clubs, voluntary association, NGO, 2 faith communities = 6; resident:
    # resident_group + individual_volunteer = 2; business: 2 local businesses;
    # education_inst: 2; police, region (explicit), state (kriminalforsorgen), foundation,
    # other (netvaerk, explicit): 1 each.
    assert count_by_sector(mapping, demo_plan) == {
        ActorSector.MUNICIPALITY: 11,
        ActorSector.HOUSING_ORG: 3,
        ActorSector.RESIDENT_DEMOCRACY: 3,
        ActorSector.POLICE: 1,
        ActorSector.REGION: 1,
        ActorSector.STATE: 1,
        ActorSector.CIVIL_SOCIETY: 6,
        ActorSector.BUSINESS: 2,
        ActorSector.EDUCATION_INST: 2,
        ActorSector.FOUNDATION: 1,
        ActorSector.RESIDENT: 2,
        ActorSector.OTHER: 1,
    }


# -- coverage -----------------------------------------------------------------------------


def test_coverage_totals(demo_plan: cfbu.Plan) -> None:
    cov = coverage(demo_plan)
    # One mapping, 34 entries; 14 active (see test_count_by_status).
    assert (cov.total, cov.active) == (34, 14)
    # Row 24 (boligsocialt-netvaerk) has areas=() but its mapping's effort
    # ind-unge-paa-vej has focus area education_life_chances, so no entry lacks one.
    assert cov.without_focus_area == 0
    # Naming the mapping by id gives the same counts as the default (one mapping).
    assert coverage(demo_plan, "map-unge-paa-vej") == cov


def test_coverage_by_sector(demo_plan: cfbu.Plan) -> None:
    cov = coverage(demo_plan)

    def triple(key: str) -> tuple[int, int, int]:
        c = cov.count("sector", key)
        return (c.mapped, c.in_progress, c.active)

    # municipality (rows 7-17): active 7, 8, 10, 13, 16 = 5; contacted/in dialogue
    # 9, 14, 15 = 3.
    assert triple("municipality") == (11, 3, 5)
    # civil_society (rows 25-30): active 25, 27 = 2; in progress 28, 29 = 2 (26 paused,
    # 30 ended).
    assert triple("civil_society") == (6, 2, 2)
    # resident_democracy (rows 4-6): active 4; in progress 5, 6.
    assert triple("resident_democracy") == (3, 2, 1)
    # business (rows 33, 34): contacted and in dialogue, none active.
    assert triple("business") == (2, 2, 0)
    # Every sector listed (12 members of ActorSector), none of them zero in the demo.
    assert len(cov.by_sector) == 12
    assert all(c.mapped > 0 for c in cov.by_sector)


def test_coverage_by_actor_type_and_resource_kind(demo_plan: cfbu.Plan) -> None:
    cov = coverage(demo_plan)
    # actor type OTHER in _actors.py: sekretariat, egedal-kommune, region-boernepsykiatri,
    # boligsocialt-netvaerk = 4; of them sekretariat and kommune are active.
    other = cov.count("actor_type", "other")
    assert (other.mapped, other.active) == (4, 2)
    # faith_community: kulturcenter (contacted) and solbakken-sogn (ended).
    faith = cov.count("actor_type", "faith_community")
    assert (faith.mapped, faith.in_progress, faith.active) == (2, 1, 0)
    # Volunteer (_VOL) organisations: the 3 resident-democracy bodies + the 8 civil rows
    # 25-32 = 11; active 4, 25, 27, 31 = 4; in progress 5, 6, 28, 29 = 4.
    vol = cov.count("resource_kind", "volunteer")
    assert (vol.mapped, vol.in_progress, vol.active) == (11, 4, 4)
    # Professional: the other 23, of the 14 active the other 10.
    pro = cov.count("resource_kind", "professional")
    assert (pro.mapped, pro.active) == (23, 10)


def test_coverage_by_focus_area(demo_plan: cfbu.Plan) -> None:
    cov = coverage(demo_plan)
    # The plan's focus areas in order: the four of LBF 2019-26, then its own
    # health_wellbeing (demo.py).
    assert [c.key for c in cov.by_focus_area] == [
        "education_life_chances",
        "employment",
        "crime_prevention",
        "cohesion_citizenship",
        "health_wellbeing",
    ]
    got = {c.key: (c.mapped, c.in_progress, c.active) for c in cov.by_focus_area}
    # EDU: rows 1, 3, 4, 7-10, 12-16, 21-24 (24 via the effort), 25, 27-29, 31, 34 = 22;
    #   active 1, 3, 4, 7, 8, 10, 13, 16, 23, 25, 27, 31 = 12;
    #   in progress 9, 14, 15, 21, 28, 29, 34 = 7.
    # JOB: rows 1, 3, 7, 8, 21, 28, 33, 34 = 8; active 1, 3, 7, 8; in progress the rest.
    # CRIME: rows 1, 7, 10, 13, 15, 18, 20, 26 = 8; active 1, 7, 10, 13, 18 = 5;
    #   in progress 15, 20 (26 is paused).
    # COH: rows 1, 2, 4, 5, 6, 16, 25, 26, 27, 29, 30, 31, 32 = 13;
    #   active 1, 2, 4, 16, 25, 27, 31 = 7; in progress 5, 6, 29 = 3.
    # HEALTH: rows 11 (deselected), 17, 19 (potential) = 3, none under way.
    assert got == {
        "education_life_chances": (22, 7, 12),
        "employment": (8, 4, 4),
        "crime_prevention": (8, 2, 5),
        "cohesion_citizenship": (13, 3, 7),
        "health_wellbeing": (3, 0, 0),
    }
    assert cov.count("focus_area", "health_wellbeing").label("en") == "Health and well-being"


# -- gaps ---------------------------------------------------------------------------------


def test_gaps(demo_plan: cfbu.Plan) -> None:
    found = gaps(demo_plan)
    # Only health_wellbeing has no active entry (rows 11, 17, 19; see above).
    assert [(g.key, g.mapped, g.in_progress) for g in found.focus_areas] == [
        ("health_wellbeing", 3, 0)
    ]
    # Target groups of the five efforts (_organisation.py). The only mapping belongs to
    # ind-unge-paa-vej, so its group is covered (14 active). "Alle beboere"
    # (ind-naboskab) is covered by the active sekretariat, whose target_groups is
    # "Alle beboere; særligt ...". No entry's target_groups has a part equal to the
    # other three, so they are gaps with nothing mapped, in effort order.
    assert [(g.target_group, g.indsats_ids, g.mapped) for g in found.target_groups] == [
        ("Ledige beboere over 25 år", ("ind-job-i-solbakken",), 0),
        ("Unge 12-20 år og alle beboere", ("ind-tryg-i-solbakken",), 0),
        ("Børnefamilier", ("ind-sund-hverdag",), 0),
    ]
    assert found


# -- funnel -------------------------------------------------------------------------------


def test_funnel(demo_plan: cfbu.Plan) -> None:
    f = funnel(demo_plan)
    assert f.total == 34
    # current: the status counts of test_count_by_status.
    # reached, from each row's history (furthest of potential/contacted/in dialogue/active):
    #   active reached: the 14 active now + bokseklub (active > paused) + sogn
    #   (active > ended) = 16;
    #   furthest in dialogue: rows 5, 9, 14, 21, 28, 34 = 6  -> in_dialogue reached 22;
    #   furthest contacted: rows 6, 15, 20, 29, 33 = 5       -> contacted reached 27;
    #   only potential (incl. both deselected): 11, 12, 17, 19, 22, 24, 32 = 7 -> 34.
    assert [(s.status, s.current, s.reached) for s in f.stages] == [
        (S.POTENTIAL, 5, 34),
        (S.CONTACTED, 5, 27),
        (S.IN_DIALOGUE, 6, 22),
        (S.ACTIVE, 14, 16),
    ]
    assert (f.paused, f.ended, f.deselected) == (1, 1, 2)


# -- follow-ups ---------------------------------------------------------------------------


def test_follow_ups_due_end_of_january(demo_plan: cfbu.Plan) -> None:
    due = follow_ups_due(demo_plan, dt.date(2025, 1, 31))
    # follow_up dates up to 2025-01-31 in _mapping.py, oldest first: skolen 01-10,
    # syd 01-14, bokseklub 01-15 (paused: still followed up), ejendomskontoret 01-20,
    # dagligvare 01-22, kulturcenter 01-25, trekanten 01-28, familieafdelingen 01-31.
    # The activity agreement's review (2025-02-04) is later.
    assert [f.id for f in due] == [
        "me-solbakkeskolen",
        "me-afdelingsbestyrelse-syd",
        "me-egedal-bokseklub",
        "me-ejendomskontoret-solbakken",
        "me-dagligvare-torvet",
        "me-kulturcenter-egedal",
        "me-ungdomsklubben-trekanten",
        "me-familieafdelingen-egedal",
    ]
    # 2025-01-31 less 2025-01-10 = 21 days; the last is due on the day.
    assert (due[0].days_overdue, due[-1].days_overdue) == (21, 0)
    # Nothing is due before the first date.
    assert follow_ups_due(demo_plan, dt.date(2025, 1, 9)) == ()


def test_follow_ups_due_with_agreement_review(demo_plan: cfbu.Plan) -> None:
    due = follow_ups_due(demo_plan, dt.date(2025, 2, 4))
    # The 8 above + jobcenter 02-03 + on 02-04 both the lektiecafé agreement's review_on
    # (_agreements.py) and solsikken's follow-up; on one day "activity_agreement" sorts
    # before "mapping_entry".
    assert len(due) == 11
    assert [(f.kind, f.id) for f in due[8:]] == [
        ("mapping_entry", "me-jobcenter-egedal"),
        ("activity_agreement", "akt-lektiecafe-solsikken"),
        ("mapping_entry", "me-solsikken"),
    ]
    review = due[9]
    assert (review.organisation_id, review.status, review.days_overdue) == (
        _SOLSIKKEN,
        AgreementStatus.ACTIVE,
        0,
    )
    # All of them by the end of 2025: 20 mapping entries have a follow_up date (the
    # "fu" column) + the one review = 21; none of the 20 is ended or deselected, so
    # include_closed adds nothing.
    assert len(follow_ups_due(demo_plan, dt.date(2025, 12, 31))) == 21
    assert len(follow_ups_due(demo_plan, dt.date(2025, 12, 31), include_closed=True)) == 21


# -- agreements expiring ------------------------------------------------------------------


def test_agreements_expiring_activity_agreement(demo_plan: cfbu.Plan) -> None:
    # The lektiecafé agreement (active) ends 2025-06-30, notice 30 days. From 2025-04-01
    # that is 29 + 31 + 30 = 90 days away, so it is inside 90 days but not 89.
    (found,) = agreements_expiring(demo_plan, dt.date(2025, 4, 1), 90)
    assert (found.kind, found.id, found.days_left) == (
        "activity_agreement",
        "akt-lektiecafe-solsikken",
        90,
    )
    assert found.notice_by == dt.date(2025, 5, 31)  # 2025-06-30 less 30 days
    assert agreements_expiring(demo_plan, dt.date(2025, 4, 1), 89) == ()


def test_agreements_expiring_collaboration_agreement(demo_plan: cfbu.Plan) -> None:
    # The job-centre agreement (signed) ends 2026-12-31 with 90 days' notice; from
    # 2026-10-01 that is 30 + 30 + 31 = 91 days (Oct 1 -> Oct 31 -> Nov 30 -> Dec 31).
    # The draft with the school has no end date and is never listed.
    (found,) = agreements_expiring(demo_plan, dt.date(2026, 10, 1), 91)
    assert (found.kind, found.id, found.status) == (
        "collaboration_agreement",
        "agr-jobcenter-unge-paa-vej",
        AgreementStatus.SIGNED,
    )
    assert (found.days_left, found.notice_days) == (91, 90)
    assert found.notice_by == dt.date(2026, 10, 2)  # 2026-12-31 less 90 days
    assert agreements_expiring(demo_plan, dt.date(2026, 10, 1)) == ()  # default 90 days
    # From mid-2024 within 1000 days both end, soonest first; only the activity
    # agreement is ACTIVE (the other is SIGNED).
    on = dt.date(2024, 6, 1)
    assert [a.id for a in agreements_expiring(demo_plan, on, 1000)] == [
        "akt-lektiecafe-solsikken",
        "agr-jobcenter-unge-paa-vej",
    ]
    only_active = agreements_expiring(demo_plan, on, 1000, statuses=[AgreementStatus.ACTIVE])
    assert [a.id for a in only_active] == ["akt-lektiecafe-solsikken"]


# -- value game ---------------------------------------------------------------------------


def test_value_matrix(game: cfbu.ValueGame) -> None:
    matrix = value_matrix(game)
    # Order of first placement in _values.py: all seven place vaerdi-16 first.
    assert matrix.organisation_ids == (_TEAM, _JOB, _SCHOOL, _CLUB, _SOLSIKKEN, _IF, _POLICE)
    # 30 catalogue pieces (value-pieces.json) + the custom vaerdi-egen-01.
    assert len(matrix.pieces) == 31
    # 36 placement rows in _PLACEMENTS, no (piece, organisation) pair twice.
    assert len(matrix.cells) == 36
    assert matrix.unknown_piece_ids == ()
    # The school placed only vaerdi-16 (3) and vaerdi-25 (2).
    assert [p for (o, p) in matrix.cells if o == _SCHOOL] == ["vaerdi-16", "vaerdi-25"]
    assert matrix.strength(_SCHOOL, "vaerdi-16") == 3
    assert matrix.strength(_SCHOOL, "vaerdi-21") is None
    # vaerdi-25 in matrix order (not placement order, which starts with the job centre).
    assert matrix.placed_by("vaerdi-25") == (_TEAM, _JOB, _SCHOOL, _CLUB, _POLICE)


def test_values_shared_by_all(game: cfbu.ValueGame) -> None:
    # Only vaerdi-16 was placed by all seven: 3+3+3+2+2+1+2 = 16.
    (everyone,) = shared_values(game, min_share=1.0)
    assert everyone.piece.id == "vaerdi-16"
    assert (everyone.count, everyone.of, everyone.total_strength) == (7, 7, 16)
    assert everyone.by_all


def test_values_shared_by_at_least_two(game: cfbu.ValueGame) -> None:
    # Pieces with two or more placements, (organisations, total strength):
    # 16 (7, 16), 25 (5, 3+2+2+2+1=10), 21 (4, 2+2+3+2=9), 03 (4, 3+2+2+1=8),
    # 28 (3, 7), egen-01 (2, 5), 09 (2, 4), 19 (2, 4), 24 (2, 3).
    # Sorted by count, then total strength, then game order (09 before 19).
    found = shared_values(game)
    assert [(v.piece.id, v.count, v.total_strength) for v in found] == [
        ("vaerdi-16", 7, 16),
        ("vaerdi-25", 5, 10),
        ("vaerdi-21", 4, 9),
        ("vaerdi-03", 4, 8),
        ("vaerdi-28", 3, 7),
        ("vaerdi-egen-01", 2, 5),
        ("vaerdi-09", 2, 4),
        ("vaerdi-19", 2, 4),
        ("vaerdi-24", 2, 3),
    ]
    # At least half of the seven (so 4 or more): 16, 25, 21, 03.
    half = shared_values(game, min_share=0.5)
    assert [v.piece.id for v in half] == ["vaerdi-16", "vaerdi-25", "vaerdi-21", "vaerdi-03"]


def test_unique_values(game: cfbu.ValueGame) -> None:
    # Pieces with exactly one placement, in game order: 08 (team, 2), 17 (job centre, 3),
    # 18 (police, 3), 26 (Solsikken, 3), 27 (Solbakken IF, 3).
    assert [(u.piece.id, u.organisation_id, u.strength) for u in unique_values(game)] == [
        ("vaerdi-08", _TEAM, 2),
        ("vaerdi-17", _JOB, 3),
        ("vaerdi-18", _POLICE, 3),
        ("vaerdi-26", _SOLSIKKEN, 3),
        ("vaerdi-27", _IF, 3),
    ]


def test_unplaced_pieces(game: cfbu.ValueGame) -> None:
    # Placed catalogue pieces: 03, 08, 09, 16-19, 21, 24-28 (13 of 30); the custom piece
    # is placed too. The other 17, in game order:
    unplaced_ids = [f"vaerdi-{n:02d}" for n in (1, 2, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15)]
    unplaced_ids += [f"vaerdi-{n:02d}" for n in (20, 22, 23, 29, 30)]
    assert [p.id for p in unplaced_pieces(game)] == unplaced_ids
    assert len(unplaced_ids) == 17
