"""Processing-log throughput: acknowledged records per second against plain INSERTs.

An acknowledged record is one whose batch committed durably: SQLite in WAL mode with
``synchronous=FULL``, PostgreSQL with ``fsync`` and ``synchronous_commit`` on (a server
started here for the purpose, not the tests' unsafe fast one). Each append checks the
record, pseudonymizes its subject, hashes it into the Merkle tree and stores leaf, subtree
hashes and payload. The baseline, in the same run, inserts the same payload rows into a
plain table, one durable transaction per batch. Target: ≥ 5,000 acknowledged records/s
on PostgreSQL on 2 cores.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sluis.keys import Key
from sluis.registers.log_record import LogEntry, Subject, to_record
from sluis.registers.log_store import PAYLOAD_COLUMNS
from sluis.registers.processing_log import ProcessingLog
from sluis.registers.store import RegisterStore
from tests import pg

KEY = Key(bytes(range(32)))
ACTIVITY = "https://gemeente.example/rva/benefit-check"
TARGET = 5_000
T0 = datetime(2024, 5, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Rate:
    backend: str
    records: int
    batch: int
    log_seconds: float
    plain_seconds: float

    @property
    def log_rate(self) -> float:
        return self.records / self.log_seconds

    @property
    def plain_rate(self) -> float:
        return self.records / self.plain_seconds


def entries(count: int) -> list[LogEntry]:
    return [
        LogEntry(
            name="lookup",
            activity_id=ACTIVITY,
            start_time=T0 + timedelta(milliseconds=n),
            end_time=T0 + timedelta(milliseconds=n + 3),
            subject=Subject("BSN", f"{100_000_000 + n}"),
            resource=(("service.name", "benefits"),),
        )
        for n in range(count)
    ]


def _measure(backend: str, url: str, records: int, batch: int) -> Rate:
    work = entries(records)
    with ProcessingLog.open(url, KEY, create=True) as log:
        log.register_activity(ACTIVITY, "Benefit check", "Check the right to a benefit")
        start = time.perf_counter()
        for first in range(0, records, batch):
            log.append(work[first : first + batch])
        log_seconds = time.perf_counter() - start
        assert log.size() == records
        plain_seconds = _plain_inserts(log.store, work, batch)
    return Rate(backend, records, batch, log_seconds, plain_seconds)


def _plain_inserts(store: RegisterStore, work: Sequence[LogEntry], batch: int) -> float:
    """The same payload rows, plain INSERTs, one durable transaction per batch."""
    store.ensure_schema(
        [
            "CREATE TABLE IF NOT EXISTS plain_records (idx {bigint} PRIMARY KEY,"
            " trace_id TEXT, span_id TEXT, start_time TEXT, activity_id TEXT,"
            " activity_version INTEGER, subject TEXT, record TEXT)"
        ]
    )
    rows: list[tuple[Any, ...]] = []
    for n, entry in enumerate(work):
        record = to_record(entry, KEY)
        rows.append(
            (
                n,
                record.trace_id,
                record.span_id,
                record.start_time,
                record.activity_id,
                1,
                record.subject_id,
                record.canonical().decode(),
            )
        )
    statement = f"INSERT INTO plain_records ({PAYLOAD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    start = time.perf_counter()
    for first in range(0, len(rows), batch):
        with store.transaction():
            store.execute_many(statement, rows[first : first + batch])
    return time.perf_counter() - start


def _durable_postgres(root: Path) -> pg.Server:
    bindir = pg.find_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL not found; run tools/ensure-postgresql.sh")
    server = pg.Server(bindir=bindir, root=root, user=pg._service_user())
    if server.user is not None:
        import os
        import pwd

        entry = pwd.getpwnam(server.user)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    server.run(
        "initdb",
        ["-D", str(server.data_dir), "-U", pg.SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C"],
    )
    options = f"-k {root} -p {pg.PORT} -c listen_addresses='' -c fsync=on -c synchronous_commit=on"
    server.run(
        "pg_ctl",
        ["-D", str(server.data_dir), "-l", str(root / "server.log"), "-o", options, "-w", "start"],
    )
    return server


def run_log_throughput(
    records: int = 50_000, batch: int = 1_000, postgres: bool = True
) -> dict[str, Any]:
    """Measure both backends; the dict holds rates in records/s and the verdict."""
    results: list[Rate] = []
    scratch = Path(tempfile.mkdtemp(prefix="sluis-log-bench-"))
    try:
        results.append(_measure("sqlite", str(scratch / "log.db"), records, batch))
        if postgres:
            server = _durable_postgres(Path(tempfile.mkdtemp(prefix="sluis-pg-")))
            try:
                results.append(_measure("postgresql", server.url(), records, batch))
            finally:
                pg.stop(server)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    by_name = {
        r.backend: {
            "records": r.records,
            "batch": r.batch,
            "acknowledged_per_s": round(r.log_rate),
            "plain_insert_per_s": round(r.plain_rate),
            "ratio_to_plain": round(r.log_rate / r.plain_rate, 2),
        }
        for r in results
    }
    pg_rate = by_name.get("postgresql", {}).get("acknowledged_per_s", 0)
    return {"target_per_s": TARGET, "backends": by_name, "passed": pg_rate >= TARGET}


def lines(result: dict[str, Any]) -> list[str]:
    out = []
    for name, r in result["backends"].items():
        out.append(
            f"- {name}: **{r['acknowledged_per_s']:,} acknowledged records/s** "
            f"({r['records']:,} records, batches of {r['batch']:,}, durable commit per batch); "
            f"plain INSERTs of the same rows: {r['plain_insert_per_s']:,}/s "
            f"(log = {r['ratio_to_plain']}× plain)"
        )
    out.append(
        f"- target on PostgreSQL: ≥ {result['target_per_s']:,}/s: "
        f"{'met' if result['passed'] else 'NOT MET'}"
    )
    return out


def main(argv: Sequence[str] = ()) -> int:
    records = int(argv[0]) if argv else 50_000
    result = run_log_throughput(records)
    text = "\n".join(lines(result))
    print(text)
    from bench.__main__ import RESULTS, _section, rewrite_section

    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    body = _section("Processing log: acknowledged records per second", text.splitlines())
    RESULTS.write_text(rewrite_section(current, "log-throughput", body), encoding="utf-8")
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
