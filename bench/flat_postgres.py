"""The wide table on PostgreSQL: a throwaway server, the source database and plain copies.

:func:`serving` starts a server of its own (the tests' :mod:`tests.pg`, in a temporary
folder, unix socket only, ``fsync`` off) and loads ``persons`` from the SQLite file into a
database ``flat_source`` through ADBC ingest, outside any timing. The plain copies are
the physical limit Sluis's PostgreSQL → PostgreSQL run is held against, each into an
empty database of its own and each ending, like Sluis's sink, with the primary key added:

* binary ``COPY … TO STDOUT`` on one psycopg connection piped into ``COPY … FROM STDIN``
  on another, block by block;
* ADBC: the source read as an Arrow stream and ingested into the target.

:class:`PostgresSpeed` holds the figures and writes their lines of the results.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import adbc_driver_postgresql.dbapi as adbc_pg
import psycopg
import pyarrow as pa
from psycopg import sql

from bench.peer_pynonymizer import SEED_ROWS, PeerRun
from sluis.sources import open_source
from tests import pg

TABLE = "persons"
SOURCE_DB = "flat_source"
_KEY = "ALTER TABLE persons ADD PRIMARY KEY (id)"


@dataclass(frozen=True)
class FlatServer:
    """A running server holding ``persons`` in its source database."""

    server: pg.Server
    rows: int

    @property
    def source(self) -> str:
        return self.server.url(SOURCE_DB)

    def url(self, database: str) -> str:
        return self.server.url(database)

    def fresh(self, database: str) -> str:
        """The URL of ``database``, dropped and created empty."""
        with psycopg.connect(self.server.url(), autocommit=True) as conn:
            name = sql.Identifier(database)
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(name))
        return self.server.url(database)

    def empty(self, database: str) -> str:
        """The URL of ``database`` with ``persons`` dropped (the database made if missing)."""
        with psycopg.connect(self.server.url(), autocommit=True) as conn:
            found = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (database,)
            ).fetchone()
            if found is None:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
        with psycopg.connect(self.server.url(database), autocommit=True) as conn:
            conn.execute("DROP TABLE IF EXISTS persons")
        return self.server.url(database)


def load(server: pg.Server, sqlite_path: Path) -> FlatServer:
    """Copy ``persons`` from the SQLite file into a fresh source database, keyed on ``id``."""
    flat = FlatServer(server, 0)
    url = flat.fresh(SOURCE_DB)
    with open_source(str(sqlite_path)) as opened:
        batches = opened.batches(TABLE, batch_rows=65_536)
        first = next(batches)
        reader = pa.RecordBatchReader.from_batches(first.schema, chain([first], batches))
        with closing(adbc_pg.connect(url, autocommit=True)) as conn, conn.cursor() as cur:
            rows = cur.adbc_ingest(TABLE, reader, mode="create")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(_KEY)
        conn.execute("ANALYZE persons")
    return FlatServer(server, int(rows))


def available() -> bool:
    """Whether the PostgreSQL server programs are installed."""
    return pg.find_bindir() is not None


@contextmanager
def serving(sqlite_path: Path) -> Iterator[FlatServer]:
    """A throwaway server with ``persons`` loaded from ``sqlite_path``, stopped afterwards."""
    with pg.running() as server:
        yield load(server, sqlite_path)


def _create_like(source: psycopg.Connection[tuple[object, ...]]) -> sql.Composed:
    """``CREATE TABLE persons (…)`` with the source's column types, no constraints."""
    rows = source.execute(
        "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute"
        " WHERE attrelid = 'persons'::regclass AND attnum > 0 AND NOT attisdropped"
        " ORDER BY attnum"
    ).fetchall()
    columns = [
        sql.SQL("{} {}").format(sql.Identifier(str(name)), sql.SQL(str(kind)))
        for name, kind in rows
    ]
    return sql.SQL("CREATE TABLE persons ({})").format(sql.SQL(", ").join(columns))


def copy_binary(source: str, target: str) -> int:
    """Binary COPY out of ``source`` piped into COPY into ``target``; the bytes moved."""
    moved = 0
    with (
        psycopg.connect(source, autocommit=True) as src,
        psycopg.connect(target, autocommit=True) as dst,
    ):
        dst.execute(_create_like(src))
        with (
            src.cursor().copy("COPY persons TO STDOUT (FORMAT binary)") as out,
            dst.cursor().copy("COPY persons FROM STDIN (FORMAT binary)") as into,
        ):
            for block in out:
                moved += len(block)
                into.write(block)
        dst.execute(_KEY)
    return moved


def copy_adbc(source: str, target: str) -> int:
    """ADBC read of ``source`` as Arrow, ingested into ``target``; the rows moved."""
    with (
        closing(adbc_pg.connect(source, autocommit=True)) as src,
        closing(adbc_pg.connect(target, autocommit=True)) as dst,
        src.cursor() as read,
        dst.cursor() as write,
    ):
        read.execute("SELECT * FROM persons")
        rows = write.adbc_ingest(TABLE, read.fetch_record_batch(), mode="create")
    with psycopg.connect(target, autocommit=True) as conn:
        conn.execute(_KEY)
    return int(rows)


def count(url: str) -> int:
    """Rows in ``persons`` at ``url``."""
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM persons").fetchone()
    return int(row[0]) if row else 0


@dataclass(frozen=True)
class PostgresSpeed:
    """The PostgreSQL → PostgreSQL figures, each the median of the bench's repeats."""

    binary_copy: float
    adbc_copy: float
    sluis: float
    sluis_structured: float  # the same run with the note nulled, not searched
    # pynonymizer's run, or why it was not measured
    peer: PeerRun | str

    @property
    def plain(self) -> float:
        return min(self.binary_copy, self.adbc_copy)

    @property
    def plain_method(self) -> str:
        return "binary COPY" if self.binary_copy <= self.adbc_copy else "ADBC"

    @property
    def met_target(self) -> bool:
        return self.sluis <= 3 * self.plain

    def lines(self, workers: int) -> list[str]:
        slower = "ADBC" if self.plain_method == "binary COPY" else "binary COPY"
        other = max(self.binary_copy, self.adbc_copy)
        return [
            f"- PostgreSQL plain copy between two databases of one server, the faster of binary"
            f" COPY TO STDOUT piped into COPY FROM STDIN and ADBC read + ingest, primary key"
            f" added: {self.plain_method}, {self.plain:.2f} s ({slower}: {other:.2f} s)",
            f"- Sluis PostgreSQL → PostgreSQL ({workers} workers, no verification):"
            f" {self.sluis:.1f} s = **{self.sluis / self.plain:.0f}×** the plain copy"
            " (target ≤ 3×)",
            f"- the same without searching the note: {self.sluis_structured:.1f} s ="
            f" **{self.sluis_structured / self.plain:.1f}×** the plain copy",
            self._peer_line(),
        ]

    def _peer_line(self) -> str:
        if isinstance(self.peer, str):
            return f"- pynonymizer: {self.peer}"
        run = self.peer
        how = (
            "the whole table"
            if run.rows >= run.extrapolated_rows
            else f"extrapolated from {run.rows:,} rows"
        )
        return (
            f"- {run.version} on the same PostgreSQL server (`pg_dump | pynonymizer`, restore +"
            f" one UPDATE with Faker values from a {SEED_ROWS}-row seed table, so no column stays"
            f" unique and the note is replaced, not searched; {how}): {run.extrapolated:.1f} s ="
            f" **{run.extrapolated / self.sluis:.1f}×** Sluis's PostgreSQL time"
        )
