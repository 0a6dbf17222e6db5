"""Tables of the processing log, and the few statements that touch them.

The Merkle tree and the records live apart, so retention can delete a record's payload
while every proof over the tree still verifies::

    log_head         one row: tree size and origin; locked by each append (serializes writers)
    log_leaves       leaf index -> leaf hash (never deleted)
    log_nodes        (level >= 1, index) -> hash of each completed perfect subtree
    log_payloads     leaf index -> canonical record JSON plus the columns queries use
    log_activities   the versioned register of processing activities
    log_checkpoints  signed tree heads
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sluis.registers.store import Dialect, RegisterStore

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS log_head (id INTEGER PRIMARY KEY CHECK (id = 1),"
    " size {bigint} NOT NULL, origin TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS log_leaves (idx {bigint} PRIMARY KEY, hash {blob} NOT NULL)",
    "CREATE TABLE IF NOT EXISTS log_nodes (level INTEGER NOT NULL, idx {bigint} NOT NULL,"
    " hash {blob} NOT NULL, PRIMARY KEY (level, idx))",
    "CREATE TABLE IF NOT EXISTS log_payloads (idx {bigint} PRIMARY KEY, trace_id TEXT NOT NULL,"
    " span_id TEXT NOT NULL, start_time TEXT NOT NULL, activity_id TEXT NOT NULL,"
    " activity_version INTEGER NOT NULL, subject TEXT, record TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS log_payloads_subject ON log_payloads (subject, start_time)",
    "CREATE INDEX IF NOT EXISTS log_payloads_time ON log_payloads (start_time)",
    "CREATE INDEX IF NOT EXISTS log_payloads_trace ON log_payloads (trace_id)",
    "CREATE TABLE IF NOT EXISTS log_activities (uri TEXT NOT NULL, version INTEGER NOT NULL,"
    " name TEXT NOT NULL, purpose TEXT NOT NULL, registered_at TEXT NOT NULL,"
    " PRIMARY KEY (uri, version))",
    "CREATE TABLE IF NOT EXISTS log_checkpoints (id {serial}, size {bigint} NOT NULL,"
    " root {blob} NOT NULL, origin TEXT NOT NULL, time TEXT NOT NULL,"
    " public_key {blob} NOT NULL, signature {blob} NOT NULL)",
)

PAYLOAD_COLUMNS = (
    "idx, trace_id, span_id, start_time, activity_id, activity_version, subject, record"
)
_PG_TYPES = {
    "log_leaves": ("bigint", "bytea"),
    "log_nodes": ("int", "bigint", "bytea"),
    "log_payloads": ("bigint", "text", "text", "text", "text", "int", "text", "text"),
}
_PG_VALUE = {
    "bigint": "(e->>{0})::bigint",
    "int": "(e->>{0})::int",
    "text": "e->>{0}",
    "bytea": "decode(e->>{0}, 'hex')",
}
_COLUMNS = {
    "log_leaves": "idx, hash",
    "log_nodes": "level, idx, hash",
    "log_payloads": PAYLOAD_COLUMNS,
}


@dataclass(frozen=True)
class PayloadRow:
    idx: int
    trace_id: str
    span_id: str
    start_time: str
    activity_id: str
    activity_version: int
    subject: str | None
    record: str


def create_schema(store: RegisterStore, origin: str) -> None:
    store.ensure_schema(SCHEMA)
    with store.transaction():
        if not store.execute("SELECT 1 FROM log_head"):
            store.execute("INSERT INTO log_head (id, size, origin) VALUES (1, 0, ?)", (origin,))


def has_schema(store: RegisterStore) -> bool:
    if store.dialect is Dialect.SQLITE:
        query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'log_head'"
    else:
        query = "SELECT 1 FROM information_schema.tables WHERE table_name = 'log_head'"
    return bool(store.execute(query))


def lock_head(store: RegisterStore) -> tuple[int, str]:
    """Tree size and origin, locked until the transaction ends (SQLite's write lock is
    already held by ``BEGIN IMMEDIATE``)."""
    lock = " FOR UPDATE" if store.dialect is Dialect.POSTGRESQL else ""
    size, origin = store.execute("SELECT size, origin FROM log_head WHERE id = 1" + lock)[0]
    return int(size), str(origin)


def head(store: RegisterStore) -> tuple[int, str]:
    size, origin = store.execute("SELECT size, origin FROM log_head WHERE id = 1")[0]
    return int(size), str(origin)


def insert_rows(store: RegisterStore, table: str, rows: Sequence[tuple[object, ...]]) -> None:
    """Insert many rows; on PostgreSQL in one statement over one JSON parameter, which
    the server unpacks (far cheaper on the client than adapting arrays of text)."""
    if not rows:
        return
    columns = _COLUMNS[table]
    if store.dialect is Dialect.POSTGRESQL:
        values = ", ".join(_PG_VALUE[kind].format(n) for n, kind in enumerate(_PG_TYPES[table]))
        document = json.dumps(
            [[v.hex() if isinstance(v, bytes) else v for v in row] for row in rows]
        )
        store.execute(
            f"INSERT INTO {table} ({columns}) SELECT {values} FROM json_array_elements(?::json) e",
            (document,),
        )
        return
    marks = ", ".join("?" * len(rows[0]))
    store.execute_many(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


def perfect_hash(store: RegisterStore, level: int, index: int) -> bytes:
    if level == 0:
        rows = store.execute("SELECT hash FROM log_leaves WHERE idx = ?", (index,))
    else:
        rows = store.execute(
            "SELECT hash FROM log_nodes WHERE level = ? AND idx = ?", (level, index)
        )
    if not rows:
        raise LookupError(f"Merkle node at level {level}, index {index} is missing")
    return bytes(rows[0][0])


def leaf_hashes(store: RegisterStore, page: int = 50_000) -> Iterator[tuple[int, bytes]]:
    start = 0
    while True:
        rows = store.execute(
            "SELECT idx, hash FROM log_leaves WHERE idx >= ? ORDER BY idx LIMIT ?", (start, page)
        )
        for idx, value in rows:
            yield int(idx), bytes(value)
        if len(rows) < page:
            return
        start = int(rows[-1][0]) + 1


def payloads(
    store: RegisterStore, where: str = "", params: Sequence[object] = (), page: int = 50_000
) -> Iterator[PayloadRow]:
    """Payload rows in leaf order, filtered by ``where`` (SQL over the payload columns)."""
    start = 0
    condition = f" AND ({where})" if where else ""
    while True:
        rows = store.execute(
            f"SELECT {PAYLOAD_COLUMNS} FROM log_payloads WHERE idx >= ?{condition}"
            " ORDER BY idx LIMIT ?",
            (start, *params, page),
        )
        for row in rows:
            yield PayloadRow(
                int(row[0]), row[1], row[2], row[3], row[4], int(row[5]), row[6], row[7]
            )
        if len(rows) < page:
            return
        start = int(rows[-1][0]) + 1
