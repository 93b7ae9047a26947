"""The hooks: the ``docx`` and ``pdf`` formats.

Register with ``[project.entry-points.cfbu_toolkit] docx = "cfbu_toolkit_docx.plugin"``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from cfbu_toolkit import ExporterSpec, hookimpl
from cfbu_toolkit.io.kinds import KINDS, Exportable
from cfbu_toolkit.locale import N_
from cfbu_toolkit.plugins.types import ExportContext

from .export import OPTIONS

__all__ = ["export_docx", "export_pdf"]

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def export_docx(obj: Exportable, stream: IO[bytes], context: ExportContext) -> None:
    """Write ``obj`` as a Word document (see :mod:`cfbu_toolkit_docx.export`)."""
    from .export import build_docx

    stream.write(build_docx(obj, context))


def export_pdf(obj: Exportable, stream: IO[bytes], context: ExportContext) -> None:
    """Write ``obj`` as PDF: the Word document, converted by LibreOffice."""
    from .export import build_docx
    from .pdf import to_pdf

    stream.write(to_pdf(build_docx(obj, context)))


@hookimpl
def cfbu_exporters() -> Iterable[ExporterSpec]:
    return [
        ExporterSpec(
            name="docx",
            suffixes=(".docx",),
            media_type=DOCX_MEDIA_TYPE,
            kinds=frozenset(KINDS),
            export=export_docx,
            options=OPTIONS,
            description=N_(
                "Word documents to sign and bring: agreements, dialogue sheets, "
                "value cards, programmes, minutes, the steering-group status"
            ),
        ),
        ExporterSpec(
            name="pdf",
            suffixes=(".pdf",),
            media_type="application/pdf",
            kinds=frozenset(KINDS),
            export=export_pdf,
            options=OPTIONS,
            description=N_("The Word documents as PDF, converted by LibreOffice (soffice)"),
        ),
    ]
