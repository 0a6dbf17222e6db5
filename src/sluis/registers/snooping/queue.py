"""Step four: the review queue, kept in a :class:`RegisterStore` (table ``snooping_review``).

An item is one queued access (unique by ``trace_id``: running the review again adds only
new accesses and never touches a label). A reviewer labels an item *confirmed-misuse* or
*justified*; the queue's precision is confirmed / labelled, from the labels alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sluis.errors import InputError
from sluis.registers.snooping.score import ScoredAccess
from sluis.registers.store import RegisterStore, to_text, utc_now

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS snooping_review (
        id {serial},
        trace_id TEXT NOT NULL UNIQUE,
        actor TEXT NOT NULL,
        accessed_at TEXT NOT NULL,
        score DOUBLE PRECISION NOT NULL,
        rules TEXT NOT NULL,
        status TEXT NOT NULL,
        reviewer TEXT,
        labelled_at TEXT,
        queued_at TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS snooping_review_status ON snooping_review (status, score)",
)
_COLUMNS = (
    "id, trace_id, actor, accessed_at, score, rules, status, reviewer, labelled_at, queued_at"
)


class Status(StrEnum):
    OPEN = "open"
    CONFIRMED = "confirmed-misuse"
    JUSTIFIED = "justified"


@dataclass(frozen=True)
class QueueItem:
    """A queued access; ``reviewer`` and ``labelled_at`` are set once it is labelled."""

    id: int
    trace_id: str
    actor: str
    accessed_at: datetime
    score: float
    rules: tuple[str, ...]
    status: Status
    reviewer: str | None
    labelled_at: datetime | None
    queued_at: datetime


@dataclass(frozen=True)
class QueuePrecision:
    """``precision`` = confirmed / (confirmed + justified); None before any label."""

    confirmed: int
    justified: int
    open: int

    @property
    def labelled(self) -> int:
        return self.confirmed + self.justified

    @property
    def precision(self) -> float | None:
        return self.confirmed / self.labelled if self.labelled else None


def _item(row: tuple[object, ...]) -> QueueItem:
    rules = str(row[5])
    return QueueItem(
        id=int(str(row[0])),
        trace_id=str(row[1]),
        actor=str(row[2]),
        accessed_at=datetime.fromisoformat(str(row[3])),
        score=float(str(row[4])),
        rules=tuple(rules.split(",")) if rules else (),
        status=Status(str(row[6])),
        reviewer=None if row[7] is None else str(row[7]),
        labelled_at=None if row[8] is None else datetime.fromisoformat(str(row[8])),
        queued_at=datetime.fromisoformat(str(row[9])),
    )


class ReviewQueue:
    """The review queue in ``store``; creates its table when missing."""

    def __init__(self, store: RegisterStore) -> None:
        self.store = store
        store.ensure_schema(_SCHEMA)

    def add(self, scored: Iterable[ScoredAccess]) -> int:
        """Queue ``scored`` accesses not queued before; returns how many were new."""
        now = utc_now()
        with self.store.transaction():
            known = {str(r[0]) for r in self.store.execute("SELECT trace_id FROM snooping_review")}
            fresh: dict[str, ScoredAccess] = {}
            for s in scored:
                if s.trace_id not in known:
                    fresh.setdefault(s.trace_id, s)
            self.store.execute_many(
                "INSERT INTO snooping_review (trace_id, actor, accessed_at, score, rules, status,"
                " queued_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (s.trace_id, s.actor, to_text(s.at), s.score, ",".join(s.rules), "open", now)
                    for s in fresh.values()
                ],
            )
        return len(fresh)

    def items(self, status: Status | None = None, limit: int | None = None) -> list[QueueItem]:
        """Items, highest score first (then oldest access), optionally of one status."""
        sql = f"SELECT {_COLUMNS} FROM snooping_review"
        params: list[object] = []
        if status is not None:
            sql += " WHERE status = ?"
            params.append(status.value)
        sql += " ORDER BY score DESC, accessed_at, id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [_item(row) for row in self.store.execute(sql, params)]

    def get(self, item_id: int) -> QueueItem:
        rows = self.store.execute(f"SELECT {_COLUMNS} FROM snooping_review WHERE id = ?", [item_id])
        if not rows:
            raise InputError(f"review item {item_id} does not exist")
        return _item(rows[0])

    def label(
        self, item_id: int, status: Status, reviewer: str, *, relabel: bool = False
    ) -> QueueItem:
        """Record a reviewer's verdict; a labelled item changes only with ``relabel``."""
        if status is Status.OPEN:
            raise InputError("a label is confirmed-misuse or justified")
        if not reviewer.strip():
            raise InputError("a label needs the reviewer's id")
        with self.store.transaction():
            item = self.get(item_id)
            if item.status is not Status.OPEN and not relabel:
                raise InputError(
                    f"review item {item_id} is already labelled {item.status.value}; "
                    "pass relabel to change it"
                )
            self.store.execute(
                "UPDATE snooping_review SET status = ?, reviewer = ?, labelled_at = ? WHERE id = ?",
                [status.value, reviewer, utc_now(), item_id],
            )
            return self.get(item_id)

    def precision(self) -> QueuePrecision:
        """The queue's measured precision, from the labels given so far."""
        counts = {
            str(status): int(str(n))
            for status, n in self.store.execute(
                "SELECT status, COUNT(*) FROM snooping_review GROUP BY status"
            )
        }
        return QueuePrecision(
            confirmed=counts.get(Status.CONFIRMED.value, 0),
            justified=counts.get(Status.JUSTIFIED.value, 0),
            open=counts.get(Status.OPEN.value, 0),
        )
