"""The JSON document format: the converter, the envelope, schema versions and migrations."""

from __future__ import annotations

from .converter import structure, unstructure
from .document import FORMAT_NAME, dumps, from_document, loads, to_document
from .kinds import KINDS, Exportable, kind_of
from .migrations import CURRENT_SCHEMA_VERSION, MIGRATIONS, Migration, Migrations

__all__ = [
    "CURRENT_SCHEMA_VERSION",
    "FORMAT_NAME",
    "KINDS",
    "MIGRATIONS",
    "Exportable",
    "Migration",
    "Migrations",
    "dumps",
    "from_document",
    "kind_of",
    "loads",
    "structure",
    "to_document",
    "unstructure",
]
