"""Choosing the document for an object and the options, then rendering it.

==========================  ==========================================================
kind                        documents (``document=``; the first is the default)
==========================  ==========================================================
plan                        ``status`` (Status til styregruppen), ``blank_sheet`` (one
                            per dialogue tool of the plan, or the catalogue's two),
                            ``workshop`` and ``group`` (``id=`` picks one; all by default),
                            ``map``
collaboration_agreement     ``agreement``
activity_agreement          ``agreement``
dialogue_session            ``record`` (with the side-by-side comparison when the plan
                            holds both perspectives), ``blank_sheet`` (its tool's sheet,
                            headed with the session's organisation and date)
value_game                  ``game`` (the cards, then the partner × value matrix on a
                            page of its own), ``cards``, ``matrix``
mapping                     ``map``
==========================  ==========================================================

Other options: ``template=`` (a .docx with the documented placeholders), ``today=`` and
``since=`` (dates for the status; ``today`` defaults to the current day and ``since`` to 30
days before it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping as AnyMapping
from typing import Any

from cfbu_toolkit import FormatError
from cfbu_toolkit.catalog import dialogue_tools
from cfbu_toolkit.io.kinds import Exportable, kind_of
from cfbu_toolkit.locale import N_, _, use_lang
from cfbu_toolkit.model import (
    ActivityAgreement,
    CollaborationAgreement,
    DialogueSession,
    Mapping,
    Plan,
    ValueGame,
)
from cfbu_toolkit.plugins.types import ExportContext

from . import documents as docs
from .names import Names
from .render import render_document
from .writer import Writer

__all__ = ["DOCUMENTS", "OPTIONS", "build_docx"]

DOCUMENTS: dict[str, tuple[str, ...]] = {
    "plan": ("status", "blank_sheet", "workshop", "group", "map"),
    "collaboration_agreement": ("agreement",),
    "activity_agreement": ("agreement",),
    "dialogue_session": ("record", "blank_sheet"),
    "value_game": ("game", "cards", "matrix"),
    "mapping": ("map",),
}
"""The documents each kind can become; the first is the default."""

OPTIONS = frozenset({"template", "document", "id", "today", "since"})
"""The options the Word and PDF exporters take."""


def _check_options(options: AnyMapping[str, Any]) -> None:
    unknown = sorted(set(options) - OPTIONS)
    if unknown:
        raise FormatError(
            N_("the Word format does not take the option {option!r}; it takes {allowed}"),
            option=unknown[0],
            allowed=", ".join(sorted(OPTIONS)),
        )


def _day(options: AnyMapping[str, Any], name: str, default: dt.date) -> dt.date:
    value = options.get(name)
    if value is None:
        return default
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise FormatError(
        N_("{option}=: expected a date such as 2025-03-01, got {value!r}"),
        option=name,
        value=value,
    )


def _pick(items: tuple[Any, ...], wanted: str | None, what: str) -> list[Any]:
    if wanted is None:
        return list(items)
    found = [item for item in items if item.id == wanted]
    if not found:
        raise FormatError(N_("the plan has no {what} with the id {id!r}"), what=_(what), id=wanted)
    return found


def build_docx(obj: Exportable, context: ExportContext) -> bytes:
    """The Word document of ``obj`` as bytes."""
    options = dict(context.options)
    _check_options(options)
    kind = kind_of(obj)
    allowed = DOCUMENTS[kind]
    document = options.get("document") or allowed[0]
    if document not in allowed:
        raise FormatError(
            N_("document={document!r} cannot be made from a {kind}; choose one of {allowed}"),
            document=document,
            kind=kind,
            allowed=", ".join(allowed),
        )
    plan = obj if isinstance(obj, Plan) else context.plan
    names = Names(plan)
    wanted = options.get("id")
    today = _day(options, "today", dt.date.today())
    since = _day(options, "since", today - dt.timedelta(days=30))
    day: dt.date | None = None

    def build(w: Writer) -> str:
        return _build(obj, document, names, w, wanted=wanted, today=today, since=since)

    if isinstance(obj, Plan) and document == "status":
        day = today
    with use_lang(context.lang):
        return render_document(
            build,
            kind=_kind_word(document),
            plan_name=plan.name if plan is not None else "",
            day=day,
            lang=context.lang,
            template=options.get("template"),
            builtin="cards" if document in ("game", "cards") else "document",
        )


_KIND_WORDS = {
    "status": N_("Status for the steering group"),
    "agreement": N_("Agreement"),
    "record": N_("Record of a dialogue session"),
    "blank_sheet": N_("Dialogue sheet"),
    "game": N_("Value game"),
    "cards": N_("Value cards"),
    "matrix": N_("Value game"),
    "workshop": N_("Workshop programme"),
    "group": N_("Group"),
    "map": N_("Partner map"),
}


def _kind_word(document: str) -> str:
    return _(_KIND_WORDS[document])


def _build(
    obj: Exportable,
    document: str,
    names: Names,
    w: Writer,
    *,
    wanted: str | None,
    today: dt.date,
    since: dt.date,
) -> str:
    if isinstance(obj, CollaborationAgreement):
        return docs.collaboration_agreement(obj, names, w)
    if isinstance(obj, ActivityAgreement):
        return docs.activity_agreement(obj, names, w)
    if isinstance(obj, DialogueSession):
        if document == "blank_sheet":
            tool = docs._tool_of(obj, names.plan)
            if tool is None:
                raise FormatError(
                    N_(
                        "the dialogue tool {tool!r} of the session is unknown; export it with "
                        "its plan (plan=...)"
                    ),
                    tool=obj.tool_id,
                )
            return docs.blank_sheet(tool, names, w, obj)
        return docs.dialogue_record(obj, names, w)
    if isinstance(obj, ValueGame):
        return docs.value_game(
            obj, names, w, cards=document != "matrix", matrix=document != "cards"
        )
    if isinstance(obj, Mapping):
        return docs.mapping_document(obj, names, w)
    assert isinstance(obj, Plan)
    if document == "status":
        return docs.status_document(obj, names, w, today=today, since=since)
    if document == "map":
        titles = [docs.mapping_document(m, names, w) for m in obj.mappings]
        if not titles:
            w.para(_("The plan has no mapping yet."))
        return titles[0] if titles else _("Partner map")
    if document == "blank_sheet":
        tools = _pick(obj.dialogue_tools or dialogue_tools(), wanted, N_("dialogue tool"))
        return _each(w, tools, lambda t: docs.blank_sheet(t, names, w), N_("Dialogue sheets"))
    if document == "workshop":
        workshops = _pick(obj.workshops, wanted, N_("workshop"))
        return _each(
            w, workshops, lambda x: docs.workshop_document(x, names, w), N_("Workshop programmes")
        )
    groups = _pick(obj.groups, wanted, N_("group"))
    return _each(w, groups, lambda g: docs.group_document(g, names, w), N_("Groups"))


def _each(w: Writer, items: list[Any], write: Any, plural: str) -> str:
    titles = []
    for index, item in enumerate(items):
        if index:
            w.page_break()
        titles.append(write(item))
    if not titles:
        w.para(_("There is nothing of this kind in the plan yet."))
        return ""
    return str(titles[0]) if len(titles) == 1 else _(plural)
