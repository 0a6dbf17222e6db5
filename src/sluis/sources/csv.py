"""A folder of CSV files, every column read as text.

Type inference would turn ``012345672`` into the integer ``12345672``: a BSN, postcode
house number or phone number would lose its leading zero, and with it its meaning and its
checksum. So every column is a string, exactly as written; an empty field is an empty
string, not NULL (CSV cannot tell them apart). The header row names the columns; the
delimiter (``,`` ``;`` tab or ``|``) is the one most frequent in the header line, so the
semicolon files spreadsheet programs write in Dutch locales read correctly. Files are UTF-8.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.dataset as ds

from sluis.errors import SourceError
from sluis.model.schema import Column, LogicalType, Table
from sluis.sources._folder import FolderSource

DELIMITERS = (",", ";", "\t", "|")
_HEADER_BYTES = 65_536


def sniff_delimiter(header: str) -> str:
    """The candidate delimiter that occurs most often in ``header`` (``,`` on a tie)."""
    return max(DELIMITERS, key=header.count)


def _header_line(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(_HEADER_BYTES)
    return head.split(b"\n", 1)[0].decode("utf-8", errors="replace")


class CsvSource(FolderSource):
    """Tables from ``*.csv`` files and subfolders of them (see ``FolderSource``)."""

    suffix = ".csv"
    kind = "CSV"

    def file_format(self, files: list[Path]) -> ds.FileFormat:
        first = files[0]
        try:
            # A quoted value may hold line breaks (a note, a pasted bank statement).
            parse = pacsv.ParseOptions(
                delimiter=sniff_delimiter(_header_line(first)), newlines_in_values=True
            )
            with pacsv.open_csv(first, parse_options=parse) as reader:
                names = reader.schema.names
        except (pa.ArrowException, OSError) as exc:
            raise SourceError(f"cannot read CSV header of {first} ({type(exc).__name__})") from None
        convert = pacsv.ConvertOptions(
            column_types={name: pa.string() for name in names}, strings_can_be_null=False
        )
        return ds.CsvFileFormat(parse_options=parse, convert_options=convert)

    def describe(self, name: str, dataset: ds.Dataset) -> Table:
        columns = tuple(
            Column(f.name, LogicalType.TEXT, "text (csv)", nullable=True) for f in dataset.schema
        )
        return Table(name=name, columns=columns)
