"""PDF through LibreOffice: every Word document converts, page counts are sane.

Marked ``libreoffice``: skipped when ``soffice`` is missing outside CI, run in CI, where
.ci/install-libreoffice.sh installs LibreOffice Writer.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import attrs
import pytest
from cfbu_toolkit_docx import pdf as pdf_module

import cfbu_toolkit as cfbu
from cfbu_toolkit.catalog import value_pieces
from cfbu_toolkit.model import AgreementStatus, Plan, ValueGame

TODAY = dt.date(2025, 1, 31)


def _pages(data: bytes) -> int:
    from pypdf import PdfReader

    assert data.startswith(b"%PDF-")
    return len(PdfReader(io.BytesIO(data)).pages)


def _text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


needs_soffice = pytest.mark.libreoffice


@needs_soffice
@pytest.mark.usefixtures("soffice")
def test_every_document_of_the_demo_plan_converts_to_pdf(plan: Plan) -> None:
    parts: list[tuple[Any, dict[str, Any]]] = [
        (plan, {"today": TODAY}),
        (plan, {"document": "blank_sheet"}),
        (plan, {"document": "workshop"}),
        (plan, {"document": "group"}),
        *((a, {"plan": plan}) for a in plan.collaboration_agreements),
        *((a, {"plan": plan}) for a in plan.activity_agreements),
        *((s, {"plan": plan}) for s in plan.dialogue_sessions),
        *((g, {"plan": plan}) for g in plan.value_games),
        *((m, {"plan": plan}) for m in plan.mappings),
    ]
    for obj, options in parts:
        data = cfbu.export(obj, format="pdf", **options)
        assert 1 <= _pages(data) <= 12, (type(obj).__name__, options)


@needs_soffice
@pytest.mark.usefixtures("soffice")
def test_a_signed_agreement_is_two_to_four_pages(plan: Plan) -> None:
    signed = [a for a in plan.collaboration_agreements if a.status is AgreementStatus.SIGNED]
    for agreement in signed:
        data = cfbu.export(agreement, format="pdf", plan=plan)
        assert 2 <= _pages(data) <= 4
        text = _text(data)
        assert "Navn i blokbogstaver" in text
        assert "Skabelonversion" not in text


@needs_soffice
@pytest.mark.usefixtures("soffice")
@pytest.mark.parametrize("count", [8, 12, 31])
def test_value_cards_are_eight_to_twelve_a_page(count: int) -> None:
    pieces = (value_pieces() * 2)[:count]
    pieces = tuple(attrs.evolve(p, id=f"v{i}") for i, p in enumerate(pieces))
    game = ValueGame(id="vg", title="Kort", pieces=pieces)
    pages = _pages(cfbu.export(game, format="pdf", document="cards"))
    assert -(-count // 12) <= pages <= -(-count // 8)


@needs_soffice
@pytest.mark.usefixtures("soffice")
def test_the_pdf_is_written_to_a_file(plan: Plan, tmp_path: Any) -> None:
    target = tmp_path / "aftale.pdf"
    cfbu.export(plan.collaboration_agreements[0], target, plan=plan)
    assert target.read_bytes().startswith(b"%PDF-")


def test_without_libreoffice_the_error_says_what_to_install(
    plan: Plan, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: None)
    target = tmp_path / "aftale.pdf"
    with pytest.raises(cfbu.CfbuError, match="LibreOffice"):
        cfbu.export(plan.collaboration_agreements[0], target, plan=plan)
    assert not target.exists()
