"""Derived views over the model: quadrants, coverage, value matrix, roll-ups, flat tables.

The flat tables are public for pipelines and plugins:

* :data:`TABLES` describes every kind of row: its columns (name, type, allowed values,
  personal data, what an id refers to), primary key and foreign keys;
* :func:`rows` gives the rows of one kind across plans as typed dicts (dates as
  :class:`datetime.date`, counts as ``int``, lists as tuples);
* :class:`Portfolio` rolls many plans up, and gives the same tables as Arrow tables,
  pandas data frames or Parquet files (pyarrow, the ``arrow`` extra, loaded on use).

No I/O happens here except :meth:`Portfolio.to_parquet`.
"""

from __future__ import annotations

from .portfolio import Portfolio, RollUp, RollUpColumn
from .rows import TABLES, Column, ColumnType, ForeignKey, Table, plan_rows, rows

__all__ = [
    "TABLES",
    "Column",
    "ColumnType",
    "ForeignKey",
    "Portfolio",
    "RollUp",
    "RollUpColumn",
    "Table",
    "plan_rows",
    "rows",
]
