"""The flat tables as typed Arrow tables, pandas data frames and Parquet files.

pyarrow is optional (``pip install 'cfbu-toolkit[arrow]'``) and imported only here, when
one of these functions is called. The Arrow schema of a table comes from its
:class:`~cfbu_toolkit.analysis.rows.Table` description, so a table keeps its columns and
their types when it has no rows:

========  ===========================================================================
text      ``string``
integer   ``int64``
decimal   ``float64``
boolean   ``bool``
date      ``date32``
time      ``time32[s]``
enum      ``dictionary<int8, string>`` with every stable value of the enumeration
list      ``list<item>`` (a list of enumeration values is ``list<string>``)
========  ===========================================================================

Each Arrow field carries the column's description in its metadata (``cfbu:personal``,
``cfbu:ref``, ``cfbu:values``), and the schema the table's keys (``cfbu:primary_key``,
``cfbu:foreign_keys`` as JSON), so a Parquet file says what it holds.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CfbuError
from ..files import atomic_write
from ..locale import N_
from ..model import Plan
from .rows import TABLES, Column, ColumnType, Table, rows

if TYPE_CHECKING:  # pragma: no cover - only for the type checker
    import pandas
    import pyarrow

__all__ = ["arrow_schema", "arrow_table", "pandas_frame", "write_parquet"]


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise CfbuError(
            N_("Arrow tables need pyarrow: pip install 'cfbu-toolkit[arrow]'")
        ) from None
    return pyarrow


def _table(kind: str) -> Table:
    try:
        return TABLES[kind]
    except KeyError:
        raise CfbuError(
            N_("unknown row kind {kind!r}; expected one of {kinds}"),
            kind=kind,
            kinds=", ".join(TABLES),
        ) from None


def _scalar_type(pa: Any, kind: ColumnType) -> Any:
    return {
        "text": pa.string(),
        "enum": pa.string(),
        "integer": pa.int64(),
        "decimal": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
        "time": pa.time32("s"),
    }[kind]


def _arrow_type(pa: Any, column: Column) -> Any:
    if column.type == "list":
        return pa.list_(_scalar_type(pa, column.item_type or "text"))
    if column.type == "enum":
        return pa.dictionary(pa.int8(), pa.string())
    return _scalar_type(pa, column.type)


def _field(pa: Any, column: Column) -> Any:
    metadata: dict[str, str] = {"cfbu:type": column.type}
    if column.personal:
        metadata["cfbu:personal"] = "true"
    if column.ref is not None:
        metadata["cfbu:ref"] = column.ref
    if column.values:
        metadata["cfbu:values"] = json.dumps(list(column.values))
    return pa.field(
        column.name, _arrow_type(pa, column), nullable=not column.required, metadata=metadata
    )


def arrow_schema(kind: str) -> pyarrow.Schema:
    """The Arrow schema of the table ``kind`` (``"mapping_entry"``, ...)."""
    pa = _pyarrow()
    table = _table(kind)
    keys = [
        {"columns": list(fk.columns), "table": fk.table, "table_columns": list(fk.table_columns)}
        for fk in table.foreign_keys
    ]
    return pa.schema(
        [_field(pa, column) for column in table.columns],
        metadata={
            "cfbu:kind": kind,
            "cfbu:primary_key": json.dumps(list(table.primary_key)),
            "cfbu:foreign_keys": json.dumps(keys),
        },
    )


def _array(pa: Any, column: Column, field: Any, values: list[Any]) -> Any:
    if column.type == "enum":
        dictionary = list(column.values) or sorted({v for v in values if v is not None})
        index = {value: i for i, value in enumerate(dictionary)}
        indices = pa.array([None if v is None else index[v] for v in values], type=pa.int8())
        return pa.DictionaryArray.from_arrays(indices, pa.array(dictionary, type=pa.string()))
    return pa.array(values, type=field.type)


def arrow_table(plans: Iterable[Plan], kind: str) -> pyarrow.Table:
    """The rows of ``kind`` across ``plans`` as a typed Arrow table."""
    return _from_rows(rows(plans, kind), kind)


def _from_rows(found: Sequence[dict[str, Any]], kind: str) -> Any:
    pa = _pyarrow()
    schema = arrow_schema(kind)
    table = _table(kind)
    arrays = [
        _array(pa, column, schema.field(column.name), [row[column.name] for row in found])
        for column in table.columns
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


def pandas_frame(plans: Iterable[Plan], kind: str) -> pandas.DataFrame:
    """The rows of ``kind`` as a pandas data frame, through Arrow: dates as
    ``datetime64``, counts as nullable ``Int64``, flags as ``boolean``, enumerations as
    categories."""
    try:
        import pandas as pd
    except ImportError:
        raise CfbuError(N_("Data frames need pandas: pip install pandas")) from None
    pa = _pyarrow()
    mapping = {pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}
    frame: pandas.DataFrame = arrow_table(plans, kind).to_pandas(
        date_as_object=False, types_mapper=mapping.get
    )
    return frame


def write_parquet(plans: Iterable[Plan], folder: str | os.PathLike[str]) -> list[Path]:
    """Write every table of ``plans`` as ``<folder>/<kind>.parquet`` (empty tables too,
    with their schema); returns the files written, in the order of the tables."""
    pa = _pyarrow()
    import pyarrow.parquet as pq

    held = list(plans)
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CfbuError(
            N_("{path}: cannot make the folder: {reason}"),
            path=target,
            reason=exc.strerror or exc,
        ) from None
    written = []
    for kind in TABLES:
        path = target / f"{kind}.parquet"
        table = arrow_table(held, kind)
        with atomic_write(path) as stream:
            pq.write_table(table, pa.PythonFile(stream, mode="w"))
        written.append(path)
    return written
