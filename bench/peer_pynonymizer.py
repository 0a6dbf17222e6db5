"""pynonymizer, the PostgreSQL peer issue 6 names, on the wide table's source database.

pynonymizer works on dumps: it creates a database, restores a plain ``pg_dump`` into it
with ``psql``, anonymizes it there with one ``UPDATE`` per table, then dumps and drops it.
PostgreSQL → PostgreSQL is therefore ``pg_dump SOURCE | pynonymizer -i -`` stopped after
the anonymize step, leaving the anonymized database as the copy; that pipeline is timed
whole, from the dump's first byte to the last ``UPDATE``. Its fakes are Faker values
drawn into a seed table of ``SEED_ROWS`` rows (one ``psql`` call per row) and picked
per row by a hash of the row, so no value in a column is unique and nothing in the note
is searched: the note is replaced by a fake sentence.

It runs in the baselines' interpreter (``SLUIS_BASELINE_PYTHON``) and needs the
PostgreSQL client programs ``pg_dump`` and ``psql``, found next to the server's. When the
whole table would take longer than ``FULL_LIMIT`` seconds, a table of ``SAMPLE`` rows is
timed instead and the figure extrapolated.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

from tests import pg

ENV = "SLUIS_BASELINE_PYTHON"
SEED_ROWS = 150
SAMPLE = 20_000
FULL_LIMIT = 180.0
TARGET_DB = "pynonymizer_copy"
SAMPLE_DB = "pynonymizer_sample"

STRATEGY = """\
locale: nl_NL
tables:
  persons:
    columns:
      bsn: ssn
      voornaam: first_name
      achternaam: last_name
      straat: street_address
      postcode: postcode
      woonplaats: city
      geboortedatum: date_of_birth
      email: email
      notitie: sentence
"""


@dataclass(frozen=True)
class PeerRun:
    """One timed run: seconds for ``rows`` rows, and for every row of the table."""

    seconds: float
    rows: int
    extrapolated: float
    extrapolated_rows: int
    version: str


def _drop(server: pg.Server, database: str) -> None:
    with psycopg.connect(server.url(), autocommit=True) as conn:
        name = sql.Identifier(database)
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))


def _sample(server: pg.Server, source_db: str, rows: int) -> None:
    """A database ``SAMPLE_DB`` holding the first ``rows`` rows of ``persons``."""
    _drop(server, SAMPLE_DB)
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(SAMPLE_DB), sql.Identifier(source_db)
            )
        )
    with psycopg.connect(server.url(SAMPLE_DB), autocommit=True) as conn:
        conn.execute("DELETE FROM persons WHERE id > %s", (rows,))
        conn.execute("VACUUM FULL persons")


def version(python: str) -> str:
    done = subprocess.run(
        [python, "-m", "pynonymizer", "--version"], capture_output=True, text=True, check=True
    )
    return f"pynonymizer {done.stdout.strip()}"


def run_once(python: str, server: pg.Server, source_db: str, target_db: str) -> float:
    """Seconds for ``pg_dump source_db | pynonymizer`` into a fresh ``target_db``."""
    _drop(server, target_db)
    env = {**os.environ, "PATH": f"{server.bindir}{os.pathsep}{os.environ.get('PATH', '')}"}
    with tempfile.TemporaryDirectory() as folder:
        strategy = Path(folder) / "persons.yml"
        strategy.write_text(STRATEGY, encoding="utf-8")
        command = [
            python, "-m", "pynonymizer", "-i", "-", "-s", str(strategy), "-t", "postgres",
            "-d", str(server.socket_dir), "-P", str(pg.PORT), "-u", pg.SUPERUSER,
            "-n", target_db, "--stop-at", "ANONYMIZE_DB", "--seed-rows", str(SEED_ROWS),
        ]  # fmt: skip
        start = time.perf_counter()
        dump = subprocess.Popen(
            [str(server.bindir / "pg_dump"), "--no-owner", server.url(source_db)],
            stdout=subprocess.PIPE,
            env=env,
        )
        anonymize = subprocess.run(
            command,
            stdin=dump.stdout,
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert dump.stdout is not None
        dump.stdout.close()
        dumped = dump.wait()
        seconds = time.perf_counter() - start
    if dumped != 0:
        raise RuntimeError(f"pg_dump exited {dumped}")
    if anonymize.returncode != 0:
        # pynonymizer's own messages name steps and statements, not row values
        tail = anonymize.stderr.strip().splitlines()[-1:] or ["no message"]
        raise RuntimeError(f"pynonymizer exited {anonymize.returncode}: {tail[0][:200]}")
    return seconds


def measure(server: pg.Server, source_db: str, rows: int) -> PeerRun | str:
    """The timed peer run on ``source_db``'s ``persons`` (``rows`` rows), or why not."""
    python = os.environ.get(ENV)
    if not python:
        return f"not measured: {ENV} is unset (run 'make bench')"
    for program in ("pg_dump", "psql"):
        if not (server.bindir / program).exists():
            return f"not measured: the PostgreSQL client program {program} is missing"
    try:
        named = version(python)
    except subprocess.CalledProcessError:
        return "not measured: pynonymizer is not installed in the baselines' environment"
    try:
        sample = min(SAMPLE, rows)
        _sample(server, source_db, sample)
        seconds = run_once(python, server, SAMPLE_DB, TARGET_DB)
        estimate = seconds * rows / sample
        if sample < rows and estimate <= FULL_LIMIT:
            sample, seconds = rows, run_once(python, server, source_db, TARGET_DB)
            estimate = seconds
    except RuntimeError as exc:
        return f"not measured: {exc}"
    finally:
        _drop(server, SAMPLE_DB)
        _drop(server, TARGET_DB)
    return PeerRun(seconds, sample, estimate, rows, named)
