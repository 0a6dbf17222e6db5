"""Source URLs: which backend a URL names and where its data lives.

Accepted forms::

    sqlite:///relative/path.db    sqlite:////absolute/path.db    path/to/file.db (.sqlite .sqlite3)
    postgresql://user:password@host:port/database?options  (or postgres://; any libpq URI,
                                                             e.g. ?host=/socket/dir)
    parquet:DIR                   csv:DIR
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sluis.errors import SourceUrlError

ACCEPTED_FORMS = (
    "sqlite:///relative/path.db",
    "sqlite:////absolute/path.db",
    "a path ending in .db, .sqlite or .sqlite3",
    "postgresql://user@host:port/database (or postgres://, any libpq URI)",
    "parquet:DIR",
    "csv:DIR",
)

SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
# password given as a query option: ?password=... or &password=...
_QUERY_PASSWORD = re.compile(r"(?P<head>[?&]password=)[^&#]*", re.IGNORECASE)
_REDACTED = "***"


class SourceKind(StrEnum):
    SQLITE = "sqlite"
    POSTGRESQL = "postgresql"
    PARQUET = "parquet"
    CSV = "csv"


@dataclass(frozen=True)
class SourceUrl:
    """A parsed source URL: ``location`` is a file or folder path, or the libpq URI."""

    kind: SourceKind
    location: str


def redact_url(url: str) -> str:
    """``url`` with every password replaced by ``***``; safe to print and log.

    Both places libpq reads a password from are covered: ``user:password@`` (up to the
    last ``@`` before the query, so an unescaped ``@`` or ``/`` in a password stays hidden;
    this errs towards hiding too much) and the ``password=`` query option.
    """
    redacted = url
    scheme = _SCHEME.match(url)
    if scheme:
        start = scheme.end()
        end = min((i for i in (url.find(c, start) for c in "?#") if i >= 0), default=len(url))
        at = url.rfind("@", start, end)
        colon = url.find(":", start, at)
        if at >= 0 and colon >= 0:
            redacted = f"{url[: colon + 1]}{_REDACTED}{url[at:]}"
    return _QUERY_PASSWORD.sub(rf"\g<head>{_REDACTED}", redacted)


def parse_source_url(url: str) -> SourceUrl:
    """Recognise one of the accepted forms or raise ``SourceUrlError`` listing them."""
    text = url.strip()
    lowered = text.lower()
    if lowered.startswith(("postgresql://", "postgres://")):
        return SourceUrl(SourceKind.POSTGRESQL, text)
    if lowered.startswith("sqlite:"):
        rest = text[len("sqlite:") :]
        if rest.startswith("///") and len(rest) > 3:
            return SourceUrl(SourceKind.SQLITE, rest[3:])
        raise _unknown(url, "a SQLite URL needs three slashes: sqlite:///path.db")
    for kind in (SourceKind.PARQUET, SourceKind.CSV):
        prefix = f"{kind.value}:"
        if lowered.startswith(prefix):
            folder = text[len(prefix) :]
            if not folder:
                raise _unknown(url, f"{prefix} needs a folder: {prefix}DIR")
            return SourceUrl(kind, folder)
    if "://" not in text and Path(text).suffix.lower() in SQLITE_SUFFIXES:
        return SourceUrl(SourceKind.SQLITE, text)
    raise _unknown(url, None)


def _unknown(url: str, detail: str | None) -> SourceUrlError:
    forms = "; ".join(ACCEPTED_FORMS)
    reason = f" ({detail})" if detail else ""
    return SourceUrlError(
        f"cannot interpret source URL {redact_url(url)!r}{reason}; accepted forms: {forms}"
    )
