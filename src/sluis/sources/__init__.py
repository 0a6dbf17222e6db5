"""Sources: databases and folders of files, read as a schema plus Arrow record batches.

``open_source`` turns a URL (see ``sluis.sources.url`` for the accepted forms) into a
``Source``; every source is also a context manager that closes itself.
"""

from __future__ import annotations

from sluis.sources.base import DEFAULT_BATCH_ROWS, Source
from sluis.sources.url import SourceKind, parse_source_url, redact_url

__all__ = ["DEFAULT_BATCH_ROWS", "Source", "open_source", "redact_url"]


def open_source(url: str) -> Source:
    """Open the source ``url`` names; raises ``SourceUrlError`` or ``SourceError``.

    Backends are imported on demand, so reading a SQLite file never loads the PostgreSQL
    drivers.
    """
    parsed = parse_source_url(url)
    if parsed.kind is SourceKind.SQLITE:
        from sluis.sources.sqlite import SqliteSource

        return SqliteSource(parsed.location, url)
    if parsed.kind is SourceKind.POSTGRESQL:
        from sluis.sources.postgres import PostgresSource

        return PostgresSource(parsed.location)
    if parsed.kind is SourceKind.PARQUET:
        from sluis.sources.parquet import ParquetSource

        return ParquetSource(parsed.location, url)
    from sluis.sources.csv import CsvSource

    return CsvSource(parsed.location, url)
