"""Rendering a document into a template: the built-in one or the user's letterhead.

A template is a ``.docx`` with docxtpl (Jinja) placeholders; the plugin's README lists
them. ``{{p body }}`` is where the document goes (a sub-document written with python-docx
in the template's own styles); ``{{ title }}``, ``{{ plan_name }}``, ``{{ kind }}``,
``{{ date }}``, ``{{ page_label }}`` and ``{{ lang }}`` can go anywhere, headers and footers
included. Values are passed as the *context* of the template and escaped for XML: text a
user typed is never template source. The template runs in Jinja's sandbox.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import IO, Any

from cfbu_toolkit import FormatError
from cfbu_toolkit.locale import N_, _

from .writer import Writer, one_line

__all__ = ["PLACEHOLDERS", "TemplateSource", "builtin_template", "render_document"]

TemplateSource = str | os.PathLike[str] | bytes | IO[bytes]
"""A user's template: a path, the bytes of a .docx, or a binary stream."""

PLACEHOLDERS = ("body", "title", "kind", "plan_name", "date", "page_label", "lang")
"""Every placeholder a template may use; ``body`` is required."""

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_MAX_TEMPLATE = 50 * 1024 * 1024


def builtin_template(name: str) -> bytes:
    """The bytes of a built-in template (``document`` or ``cards``)."""
    return (files("cfbu_toolkit_docx") / "templates" / f"{name}.docx").read_bytes()


def _template_bytes(source: TemplateSource) -> bytes:
    if isinstance(source, bytes):
        return source
    if not isinstance(source, str | os.PathLike):
        data = source.read()
        if not isinstance(data, bytes):
            raise FormatError(N_("template=: expected a binary stream of a .docx file"))
        return data
    path = Path(os.fspath(source))
    try:
        if path.stat().st_size > _MAX_TEMPLATE:
            raise FormatError(N_("{path}: the template is larger than 50 MB"), path=str(path))
        return path.read_bytes()
    except OSError as exc:
        raise FormatError(
            N_("{path}: cannot read the template: {reason}"),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from None


def _open(data: bytes, where: str) -> Any:
    from docxtpl import DocxTemplate  # type: ignore[import-untyped]

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise FormatError(N_("{template}: not a Word document (.docx)"), template=where)
    try:
        template = DocxTemplate(io.BytesIO(data))
        template.init_docx()
        variables = template.get_undeclared_template_variables()
    except FormatError:
        raise
    except Exception as exc:  # a broken user file, said in our words
        raise FormatError(
            N_("{template}: cannot read the Word template: {reason}"),
            template=where,
            reason=f"{type(exc).__name__}: {exc}",
        ) from None
    if "body" not in variables:
        raise FormatError(
            N_("{template}: the template has no {{{{p body }}}} placeholder for the document"),
            template=where,
        )
    return template


def _fixed(data: bytes) -> bytes:
    """The same archive with every member dated 1980-01-01 (the same input, the same bytes)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, _FIXED_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


Build = Callable[[Writer], str]
"""Writes the body and returns the document's title."""


def render_document(
    build: Build,
    *,
    kind: str,
    plan_name: str,
    day: dt.date | None,
    lang: str,
    template: TemplateSource | None,
    builtin: str = "document",
) -> bytes:
    """Write a document with ``build`` into a template and return the .docx bytes."""
    from jinja2.sandbox import SandboxedEnvironment

    if template is None:
        tpl = _open(builtin_template(builtin), builtin)
    else:
        where = os.fspath(template) if isinstance(template, str | os.PathLike) else "template="
        tpl = _open(_template_bytes(template), str(where))
    body = tpl.new_subdoc()
    title = build(Writer(body, _text_width(tpl)))
    context = {
        "body": body,
        "title": one_line(title),
        "kind": one_line(kind),
        "plan_name": one_line(plan_name),
        "date": one_line(_date(day)),
        "page_label": _("Page"),
        "lang": lang,
    }
    try:
        tpl.render(context, jinja_env=SandboxedEnvironment(autoescape=True))
    except Exception as exc:  # a user's template with a Jinja mistake
        raise FormatError(
            N_("the Word template cannot be filled in: {reason}"),
            reason=f"{type(exc).__name__}: {exc}",
        ) from None
    core = tpl.docx.core_properties
    core.title = one_line(title)[:255]
    core.author = core.last_modified_by = "cfbu_toolkit"
    core.created = core.modified = dt.datetime(2026, 1, 1)
    core.revision = 1
    buffer = io.BytesIO()
    tpl.save(buffer)
    return _fixed(buffer.getvalue())


def _text_width(tpl: Any) -> float:
    """The width between the margins of the template's first section, in centimetres."""
    section = tpl.docx.sections[0]
    try:
        width = (section.page_width - section.left_margin - section.right_margin) / 360000
    except TypeError:
        return 17.0
    return max(6.0, min(float(width), 40.0))


def _date(day: dt.date | None) -> str:
    from cfbu_toolkit.locale import format_date

    return format_date(day, format="long") if day is not None else ""
