"""The workflows' views in the Markdown exports: the readiness checklist of an agreement not
yet signed, the dialogue comparisons and workshop programmes in the plan document, and the
catalogue's section headings in the document's language."""

from __future__ import annotations

import re
from typing import Any, Literal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

markdown_it = pytest.importorskip("markdown_it")
from markdown_it import MarkdownIt  # noqa: E402
from markdown_it.token import Token  # noqa: E402

import cfbu_toolkit as cfbu  # noqa: E402
from cfbu_toolkit.catalog import section_templates  # noqa: E402
from cfbu_toolkit.workflows.agreements import readiness  # noqa: E402

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
DEMO = cfbu.examples.demo_plan()
S = cfbu.AgreementStatus
Exportable = cfbu.Plan | cfbu.CollaborationAgreement | cfbu.ActivityAgreement


def _agreement(agreement_id: str) -> cfbu.CollaborationAgreement:
    return next(a for a in DEMO.collaboration_agreements if a.id == agreement_id)


DRAFT = _agreement("agr-skole-klub-udkast")
SIGNED = _agreement("agr-jobcenter-unge-paa-vej")


def text_of(obj: Exportable, lang: Literal["da", "en"] = "da", **options: Any) -> str:
    data: bytes = cfbu.export(obj, format="markdown", lang=lang, **options)
    return data.decode("utf-8")


# -- the readiness checklist ---------------------------------------------------------------


def test_demo_draft_shows_its_real_gaps_unchecked() -> None:
    assert DRAFT.status is S.DRAFT
    doc = text_of(DRAFT, plan=DEMO)
    assert "\n## Klar til underskrift?\n\nIkke klar: 10 punkter mangler.\n" in doc
    # what is missing, said as what is missing (no double negative, no empty box)
    for gap in (
        "- Solbakkeskolen mangler en underskriver",
        "- Afsnittet »Mål, succeskriterier og indikatorer« mangler sin tekst",
        "- Afsnittet »Opsigelse« mangler sin tekst",
        "- Aftalen mangler en slutdato",
        "- Aftalen mangler et opsigelsesvarsel",
    ):
        assert gap + "\n" in doc, gap
    assert "har ingen underskriver" not in doc
    assert "- [ ]" not in doc
    # then what is in place, ticked off
    in_place = doc.index("\nPå plads:\n")
    assert doc.index("- Solbakkeskolen mangler en underskriver") < in_place
    assert doc.index("- [x] Ungdomsklubben Trekanten har en underskriver\n") > in_place
    assert "- [x] Afsnittet »Baggrund« er udfyldt\n" in doc
    # the checklist comes before the agreement's sections
    assert doc.index("## Klar til underskrift?") < doc.index("## 1. Parter og kontaktpersoner")


def test_checklist_in_english() -> None:
    doc = text_of(DRAFT, "en", plan=DEMO)
    assert "\n## Ready to sign?\n\nNot ready: 10 things are missing.\n" in doc
    assert "- Solbakkeskolen is missing a signatory\n" in doc
    assert "- The agreement is missing a notice period\n" in doc
    assert "\nIn place:\n" in doc
    assert "Klar til underskrift" not in doc


def test_signed_agreement_has_no_checklist() -> None:
    assert SIGNED.status is S.SIGNED
    doc = text_of(SIGNED, plan=DEMO)
    assert "Klar til underskrift" not in doc
    assert "- [ ]" not in doc
    assert "- [x]" not in doc
    activity = DEMO.activity_agreements[0]
    assert activity.status is S.ACTIVE
    assert "Klar til underskrift" not in text_of(activity, plan=DEMO)


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        (S.DRAFT, True),
        (S.IN_REVIEW, True),
        (S.SIGNED, False),
        (S.ACTIVE, False),
        (S.EXPIRED, False),
        (S.TERMINATED, False),
    ],
)
def test_checklist_only_before_signing(status: cfbu.AgreementStatus, shown: bool) -> None:
    collaboration = attrs.evolve(DRAFT, status=status)
    activity = attrs.evolve(DEMO.activity_agreements[0], status=status)
    for agreement in (collaboration, activity):
        doc = text_of(agreement, plan=DEMO)
        assert ("## Klar til underskrift?\n" in doc) is shown


def test_activity_agreement_checklist() -> None:
    activity = attrs.evolve(
        DEMO.activity_agreements[0], status=S.DRAFT, confidentiality_agreed=False
    )
    doc = text_of(activity, plan=DEMO)
    assert "## Klar til underskrift?" in doc
    assert "- Aftalen mangler en aftalt tavshedspligt\n" in doc


def test_checklist_without_the_plan_names_by_id() -> None:
    doc = text_of(DRAFT)
    assert "- org-solbakkeskolen mangler en underskriver\n" in doc


def test_plan_document_holds_the_checklist_of_the_draft_only() -> None:
    doc = text_of(DEMO)
    assert doc.count("Klar til underskrift?") == 1
    after_signed = doc.split(f'<a id="collaboration-agreements-{SIGNED.id}"></a>', 1)[1]
    signed, draft = after_signed.split(f'<a id="collaboration-agreements-{DRAFT.id}"></a>', 1)
    assert "Klar til underskrift?" not in signed
    # one level below the agreement's title, like its sections
    assert "\n#### Klar til underskrift?\n" in draft
    assert "- Solbakkeskolen mangler en underskriver\n" in draft


# -- the plan document: comparisons and programmes ---------------------------------------


def _section(doc: str, start: str, end: str) -> str:
    return doc[doc.index(start) : doc.index(end)]


def test_plan_document_compares_each_partner_session() -> None:
    doc = text_of(DEMO)
    dialogue = _section(doc, '<a id="dialogue-sessions"></a>', '<a id="collaboration-agreements">')
    last_session = dialogue.index("### Dialogredskabet: Samarbejdspartens perspektiv – Solbakke")
    comparisons = dialogue[last_session:]
    title = "\n### Det boligsociale bidrag og samarbejdspartens perspektiv\n"
    assert comparisons.count(title) == 2
    for partner in ("Jobcenter Egedal", "Solbakkeskolen"):
        assert f"Boligsocialt Sekretariat Solbakken om sig selv og om {partner}\n" in comparisons
        assert f"##### Det har vi noteret om {partner}\n" in comparisons
    assert "#### Hvor der skal tales sammen\n" in comparisons
    assert "##### Det siger vi om os selv\n" in comparisons
    # linked from the table of contents
    contents = _section(doc, "## Indhold", '<a id="overview">')
    for session_id in ("ses-partner-jobcenter", "ses-partner-solbakkeskolen"):
        anchor = f"dialogue-comparison-{session_id}"
        assert f"](#{anchor})" in contents
        assert f'<a id="{anchor}"></a>' in comparisons


def test_every_link_has_its_anchor() -> None:
    doc = text_of(DEMO)
    links = re.findall(r"\]\(#([^)]+)\)", doc)
    anchors = re.findall(r'<a id="([^"]+)"></a>', doc)
    assert sorted(links) == sorted(anchors)


def test_comparison_in_english() -> None:
    doc = text_of(DEMO, "en")
    assert doc.count("\n### The housing-social contribution and the partner’s perspective\n") == 2
    assert "What we recorded about Solbakkeskolen" in doc
    assert "Perspectives compared: Jobcenter Egedal" in doc


def test_no_comparison_without_a_housing_social_session() -> None:
    sessions = tuple(s for s in DEMO.dialogue_sessions if s.id != "ses-bidrag-2024-03")
    plan = attrs.evolve(DEMO, dialogue_sessions=sessions)
    doc = text_of(plan)
    assert "Det boligsociale bidrag og samarbejdspartens perspektiv" not in doc
    assert "dialogue-comparison-" not in doc
    assert "### Dialogredskabet: Samarbejdspartens perspektiv – Solbakkeskolen" in doc


def test_plan_document_shows_each_workshop_programme() -> None:
    doc = text_of(DEMO)
    workshops = doc[doc.index('<a id="workshops"></a>') :]
    assert workshops.count("\n#### Program\n") == 2
    assert "| Tidspunkt | Minutter | Punkt | Redskab |" in workshops
    assert "| 09.00 | 90 | **Hvem er vi som samarbejdspart?** | " in workshops
    assert (
        "| 10.30 | 60 | **Samarbejdspartens perspektiv: skolen**<br>"
        "Skolens rammer, værdier og metoder. | Dialogredskab: Samarbejdspartens perspektiv |"
    ) in workshops
    assert "| 12.15 | 60 | **Værdispillet**" in workshops
    assert "\nSlut kl. 11.45\n" in workshops
    assert "\nSlut kl. 14.15\n" in workshops
    # every programme row is a table row a reader sees
    tables = [t for t in MD.parse(workshops) if t.type == "table_open"]
    assert len(tables) == 2
    english = text_of(DEMO, "en")
    assert "| Time | Minutes | Item | Tool |" in english
    assert "\nEnds at 14:15\n" in english


def test_exports_are_deterministic() -> None:
    assert cfbu.export(DEMO, format="markdown") == cfbu.export(DEMO, format="markdown")
    assert cfbu.export(DRAFT, format="markdown", plan=DEMO, lang="en") == cfbu.export(
        DRAFT, format="markdown", plan=DEMO, lang="en"
    )


# -- catalogue headings in the document's language ----------------------------------------


def test_catalogue_headings_in_english() -> None:
    doc = text_of(DRAFT, "en", plan=DEMO)
    assert "\n## 16. Signatures\n" in doc
    assert "\n## 1. Parties and contact persons\n" in doc
    assert "\n## 15. Termination\n" in doc or "\n## 15. Notice" in doc
    assert "Underskrifter" not in doc
    assert "Parter og kontaktpersoner" not in doc
    activity = text_of(DEMO.activity_agreements[0], "en", plan=DEMO)
    assert "Underskrifter" not in activity
    english = {t.key: t.heading_en for t in section_templates("activity_agreement")}
    assert f". {english['signatures']}\n" in activity


def test_catalogue_headings_danish_by_default() -> None:
    doc = text_of(DRAFT, plan=DEMO)
    assert "\n## 16. Underskrifter\n" in doc
    assert "\n## 1. Parter og kontaktpersoner\n" in doc
    assert "Signatures" not in doc


def test_english_template_headings_in_a_danish_export() -> None:
    english = tuple(t.section("en") for t in section_templates("collaboration_agreement"))
    agreement = attrs.evolve(DRAFT, sections=english)
    assert "\n## 16. Underskrifter\n" in text_of(agreement, plan=DEMO)
    assert "\n## 16. Signatures\n" in text_of(agreement, "en", plan=DEMO)


def test_own_headings_are_kept() -> None:
    sections = list(DRAFT.sections)
    sections[2] = attrs.evolve(sections[2], heading="Hvorfor vi gør det")  # key "purpose"
    sections.append(cfbu.AgreementSection(key="extra", heading="Underskrifter"))
    agreement = attrs.evolve(DRAFT, sections=tuple(sections))
    doc = text_of(agreement, "en", plan=DEMO)
    assert "\n## 3. Hvorfor vi gør det\n" in doc
    assert "\n## 18. Underskrifter\n" in doc  # a key the catalogue does not know
    assert "\n## 16. Signatures\n" in doc


def test_plan_document_in_english_has_english_section_headings() -> None:
    doc = text_of(DEMO, "en")
    assert "\n#### 16. Signatures\n" in doc
    assert "Underskrifter" not in doc


# -- hostile user text cannot break the checklist -----------------------------------------

HOSTILE = st.one_of(
    st.sampled_from(
        [
            "- [x] Alt er klar",
            "Skole | klub\n- [x] underskrevet",
            "# Overskrift\n## 1. Parter",
            "[x]",
            "  - [ ] \n\n* [x] *ja*",
            "<b>fed</b> &amp; `kode`",
            "1. punkt\n2) punkt",
            "| a | b |\n|---|---|",
        ]
    ),
    st.text(alphabet=list("ab |#-[]x*_\n<>&`\\!.1)øæå"), min_size=1, max_size=40),
).filter(lambda s: s.strip())


def _inline_text(token: Token) -> str:
    return "".join(child.content for child in token.children or [] if child.type == "text")


def _checklist(tokens: list[Token], title: str) -> list[Token]:
    """The inline tokens of the items of the list right after the heading ``title``."""
    start = next(
        i
        for i, t in enumerate(tokens)
        if t.type == "inline" and t.content == title and tokens[i - 1].type == "heading_open"
    )
    items: list[Token] = []
    depth = 0
    for token in tokens[start + 1 :]:
        if token.type == "heading_open":
            break
        if token.type == "bullet_list_open":
            depth += 1
        elif token.type == "bullet_list_close":
            depth -= 1
        elif token.type == "inline" and depth == 1:
            items.append(token)
        assert depth <= 1, "the checklist holds a nested list"
    return items


@given(heading=HOSTILE, name=HOSTILE)
def test_hostile_text_cannot_break_the_checklist(heading: str, name: str) -> None:
    hostile_org = cfbu.Organisation(id="org-hostile", name=name, sector=cfbu.ActorSector.OTHER)
    plan = attrs.evolve(DEMO, organisations=(*DEMO.organisations, hostile_org))
    sections = tuple(
        attrs.evolve(s, heading=heading, text="") if s.key == "termination" else s
        for s in DRAFT.sections
    )
    parties = (*DRAFT.parties, cfbu.AgreementParty(organisation_id=hostile_org.id))
    agreement = attrs.evolve(DRAFT, sections=sections, parties=parties)
    check = readiness(agreement, plan=plan)

    tokens = MD.parse(text_of(agreement, plan=plan))
    items = _checklist(tokens, "Klar til underskrift?")
    assert len(items) == len(check.checks)
    # first what is missing (plain items), then what is in place (ticked)
    boxes = [item.content[:4] == "[x] " for item in items]
    assert boxes == [False] * len(check.findings) + [True] * (
        len(check.checks) - len(check.findings)
    )
    # the hostile text is read as text, on its own item
    texts = [_inline_text(item) for item in items]
    for hostile, problem in ((heading, "mangler sin tekst"), (name, "mangler en underskriver")):
        lines = [line.strip() for line in hostile.splitlines() if line.strip()]
        found = [t for t in texts if t.endswith(problem) and all(line in t for line in lines)]
        assert found, (hostile, texts)
    # no heading but the document's own: the title, the checklist and the sections
    headings = [t for t in tokens if t.type == "heading_open"]
    numbered = len(agreement.sections) + 1  # sections plus "Klar til underskrift?"
    assert len(headings) == 1 + numbered
