"""What every check receives: both sources, their schemas, the policy and the run's key."""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from sluis.discover.cells import as_text
from sluis.discover.content import head, readable
from sluis.model import array_literal
from sluis.model.categories import CATEGORIES, IDENTIFIER_PREFIXES, Kind
from sluis.model.policy import Policy
from sluis.model.schema import Schema, Table
from sluis.sources import Source
from sluis.verify.fingerprints import FingerprintKey

MAX_BLOB_BYTES = 1 << 20

# Categories whose values are personal in a person's own row, but shared by many people.
PERSONAL_CATEGORIES = frozenset(
    {
        "person.name",
        "person.first_name",
        "person.last_name",
        "location.street",
        "location.address",
    }
)


def is_identifier(category: str | None) -> bool:
    return category is not None and category.startswith(IDENTIFIER_PREFIXES)


def is_quasi(category: str | None) -> bool:
    return category in CATEGORIES and CATEGORIES[category].kind is Kind.QUASI


@dataclass(frozen=True)
class VerifyOptions:
    """``batch_rows`` bounds memory; ``coincidence_share`` is the share of a transformed
    column's cells that may equal *another* person's identifier before the leak check
    fails (keyed fakes land on real values by chance; copied or shuffled values do not
    stay below it); ``l_diversity`` is the smallest number of distinct sensitive values a
    quasi-identifier group must have; ``workers`` processes take apart the free text of the
    leak check's source tables larger than one batch (the result is the same as with one)."""

    batch_rows: int = 65_536
    coincidence_share: float = 0.2
    l_diversity: int = 2
    workers: int = 1


@dataclass
class VerifyContext:
    source: Source
    target: Source
    policy: Policy
    source_schema: Schema
    target_schema: Schema
    key: FingerprintKey
    options: VerifyOptions

    def target_table(self, name: str) -> Table | None:
        return next((t for t in self.target_schema.tables if t.name == name), None)

    def source_table(self, name: str) -> Table | None:
        return next((t for t in self.source_schema.tables if t.name == name), None)

    def is_array(self, table: str, column: str) -> bool:
        """Whether a column is an array (by the source's type: a SQLite copy of one holds
        its literals as plain text)."""
        found = self.source_table(table) or self.target_table(table)
        columns = found.columns if found else ()
        return any(c.name == column and array_literal.is_array(c.native_type) for c in columns)


def text_array(
    values: pa.Array | pa.ChunkedArray, array: bool = False
) -> pa.Array | pa.ChunkedArray:
    """:func:`cell_text` of every cell, as Arrow text; text columns are trimmed in Arrow,
    not cell by cell. A column of compact dates (``19850312``, text or integer) reads as ISO
    dates, on both sides of a comparison alike: a date is then never mistaken for an 8-digit
    BSN. The cells of an ``array`` column read as their elements, one on each line."""
    if array:
        values = array_literal.joined(values)
    dates = _compact_dates(values)
    if dates is not None:
        values = dates
    if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
        trimmed = pc.utf8_trim_whitespace(values)
        return pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, values.type), trimmed)
    if pa.types.is_integer(values.type) or pa.types.is_date(values.type):
        return values.cast(pa.string())  # as ``str(int)`` and ``date.isoformat()`` write them
    return pa.array([cell_text(value) for value in values.to_pylist()], pa.string())


def _compact_dates(values: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray | None:
    """Every value as ``YYYY-MM-DD`` when every one is a compact date from 1850 to 2100."""
    if pa.types.is_integer(values.type):
        text = values.cast(pa.string())
    elif pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
        text = pc.utf8_trim_whitespace(values)
    else:
        return None
    if text.null_count == len(text) or not pc.all(pc.match_substring_regex(text, _EIGHT)).as_py():
        return None
    parsed = pc.strptime(text, format="%Y%m%d", unit="s", error_is_null=True)
    if parsed.null_count != text.null_count:
        return None
    years = pc.min_max(pc.year(parsed)).as_py()
    if years["min"] < _FIRST_YEAR or years["max"] > _LAST_YEAR:
        return None
    return pc.strftime(parsed, format="%Y-%m-%d")


_EIGHT = r"^\d{8}$"
_FIRST_YEAR, _LAST_YEAR = 1850, 2100


def cell_text(value: object) -> str | None:
    """A cell as searchable text: a PDF as the text it shows, a text document as its text,
    other documents as their printable runs."""
    if isinstance(value, bytes | bytearray | memoryview):
        return readable(head(bytes(value), MAX_BLOB_BYTES)) or None
    if isinstance(value, dict | list):
        return str(value)
    return as_text(value)
