"""Where a register keeps its records: a SQLite file by default, PostgreSQL in production.

Registers write portable SQL with ``?`` placeholders and DDL with three words filled in
per dialect: ``{serial}`` (an auto-numbered primary key column type), ``{blob}`` and
``{bigint}``. Times are stored as ISO-8601 UTC text so both dialects sort them alike.
A write is durable when :meth:`RegisterStore.transaction` returns: SQLite runs with
``synchronous=FULL`` in WAL mode, PostgreSQL with its default synchronous commit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import psycopg

from sluis.errors import SourceError, SourceUrlError
from sluis.sources.url import SourceKind, parse_source_url, redact_url

Row = tuple[Any, ...]

_DDL_WORDS = {
    "sqlite": {"serial": "INTEGER PRIMARY KEY", "blob": "BLOB", "bigint": "INTEGER"},
    "postgresql": {
        "serial": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
        "blob": "BYTEA",
        "bigint": "BIGINT",
    },
}


class Dialect(StrEnum):
    SQLITE = "sqlite"
    POSTGRESQL = "postgresql"


def utc_now() -> str:
    """The current time as the ISO-8601 UTC text registers store."""
    return to_text(datetime.now(UTC))


def to_text(moment: datetime) -> str:
    """``moment`` as ISO-8601 UTC text with microseconds; naive times are refused."""
    if moment.tzinfo is None:
        raise ValueError("register times must carry a time zone")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


@dataclass
class RegisterStore:
    """One open register database; use as a context manager or call :meth:`close`."""

    dialect: Dialect
    _connection: Any = field(repr=False)
    _depth: int = 0

    @classmethod
    def open(cls, url: str, *, create: bool = True) -> RegisterStore:
        """Open the register database at ``url``; a missing SQLite file is created only
        with ``create`` (else an error, and no empty file is left behind).

        Accepts the SQLite and PostgreSQL forms of :mod:`sluis.sources.url`.
        """
        parsed = parse_source_url(url)
        if parsed.kind is SourceKind.SQLITE:
            path = Path(parsed.location)
            if not create and not path.exists():
                raise SourceUrlError(
                    f"register database {path.name} does not exist; check the path, or create "
                    "it with the command that records into it"
                )
            if not path.parent.exists():
                raise SourceUrlError(
                    f"folder of register database {path.name} does not exist; create it first"
                )
            connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            connection.execute("PRAGMA foreign_keys=ON")
            connection.execute("PRAGMA busy_timeout=10000")
            return cls(Dialect.SQLITE, connection)
        if parsed.kind is SourceKind.POSTGRESQL:
            try:
                pg = psycopg.connect(parsed.location, autocommit=True)
            except psycopg.Error as exc:
                raise SourceError(
                    f"cannot connect to register database {redact_url(url)}: "
                    f"{type(exc).__name__}; check host, port, database name and credentials"
                ) from None
            return cls(Dialect.POSTGRESQL, pg)
        raise SourceUrlError(
            "a register lives in a SQLite file (sqlite:///registers.db) or a PostgreSQL "
            "database (postgresql://host/db), not in a folder of files"
        )

    def __enter__(self) -> RegisterStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._connection.close()

    def ddl(self, statement: str) -> str:
        """``statement`` with ``{serial}``, ``{blob}`` and ``{bigint}`` filled in."""
        return statement.format(**_DDL_WORDS[self.dialect])

    def ensure_schema(self, statements: Iterable[str]) -> None:
        """Run ``CREATE ... IF NOT EXISTS`` statements (with DDL words) in one transaction."""
        with self.transaction():
            for statement in statements:
                self.execute(self.ddl(statement))

    def _sql(self, statement: str) -> str:
        if self.dialect is Dialect.POSTGRESQL:
            return statement.replace("%", "%%").replace("?", "%s")
        return statement

    def execute(self, statement: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run one statement; returns its rows (empty for statements without a result)."""
        cursor = self._connection.cursor()
        try:
            cursor.execute(self._sql(statement), tuple(params))
            return list(cursor.fetchall()) if cursor.description else []
        finally:
            cursor.close()

    def execute_many(self, statement: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each parameter row."""
        cursor = self._connection.cursor()
        try:
            cursor.executemany(self._sql(statement), [tuple(row) for row in rows])
        finally:
            cursor.close()

    def insert_returning_id(self, statement: str, params: Sequence[Any] = ()) -> int:
        """Run an ``INSERT`` and return the new row's ``{serial}`` id (column ``id``)."""
        rows = self.execute(statement + " RETURNING id", params)
        return int(rows[0][0])

    @contextmanager
    def transaction(self) -> Iterator[RegisterStore]:
        """All or nothing; nested calls join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        begin = "BEGIN IMMEDIATE" if self.dialect is Dialect.SQLITE else "BEGIN"
        self._connection.execute(begin)
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._depth = 0
            self._connection.execute("ROLLBACK")
            raise
        self._depth = 0
        self._connection.execute("COMMIT")
