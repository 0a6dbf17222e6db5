"""Sinks: the targets an anonymized copy is written to, staged and published atomically.

``open_sink`` turns a target URL (the same forms as source URLs, see ``sluis.sources.url``)
and the schema to write into a ``Sink``. Backends are imported on demand.
"""

from __future__ import annotations

from sluis.errors import SourceUrlError
from sluis.model.schema import Schema
from sluis.sinks.base import Sink
from sluis.sources.url import ACCEPTED_FORMS, SourceKind, parse_source_url, redact_url

__all__ = ["Sink", "open_sink"]


def open_sink(url: str, schema: Schema) -> Sink:
    """A sink for the target ``url`` names; nothing is touched until ``create``.

    Raises ``SourceUrlError`` for a URL of no accepted form.
    """
    try:
        parsed = parse_source_url(url)
    except SourceUrlError:
        raise SourceUrlError(
            f"cannot interpret target URL {redact_url(url)!r}; accepted forms: "
            + "; ".join(ACCEPTED_FORMS)
        ) from None
    if parsed.kind is SourceKind.SQLITE:
        from sluis.sinks.sqlite import SqliteSink

        return SqliteSink(parsed.location, url, schema)
    if parsed.kind is SourceKind.POSTGRESQL:
        from sluis.sinks.postgres import PostgresSink

        return PostgresSink(parsed.location, schema)
    if parsed.kind is SourceKind.PARQUET:
        from sluis.sinks.parquet import ParquetSink

        return ParquetSink(parsed.location, url, schema)
    from sluis.sinks.csv import CsvSink

    return CsvSink(parsed.location, url, schema)
