"""The disclosure ledger: every delivery of personal data to a recipient, and the holds
that stop further deliveries.

A delivery names the recipient (and its OIN, the Dutch government organisation number),
the processing activity (a URI), the legal basis, the channel, a batch label, the data
categories and the time, and lists the persons concerned as keyed pseudonymous ids
(:mod:`sluis.registers.pseudonym`); the ledger never holds a raw identifier.

A hold blocks every later delivery it covers until it is lifted. Its scope is the
conjunction of whatever it names: a recipient, a processing activity, data categories
(any overlap counts) and persons (a delivery that includes any of them). A hold naming
nothing covers every delivery. Recalls (:mod:`sluis.registers.disclosure_recall`) place
holds; :func:`place_hold` places one by hand.

Other registers read the ledger through :func:`persons_disclosed`: the breach register to
find the persons affected by a leaked batch, retention to tell recipients of erasures.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sluis.errors import InputError, SluisError
from sluis.registers.changes import ChangeRecorder
from sluis.registers.store import RegisterStore, to_text

REGISTER = "disclosure"
_CHUNK = 500

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS disclosure_delivery (
        id {serial},
        recipient TEXT NOT NULL,
        recipient_oin TEXT NOT NULL,
        activity_id TEXT NOT NULL,
        legal_basis TEXT NOT NULL,
        channel TEXT NOT NULL,
        batch TEXT NOT NULL,
        categories TEXT NOT NULL,
        delivered_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS disclosure_delivery_batch ON disclosure_delivery (batch)",
    """CREATE TABLE IF NOT EXISTS disclosure_subject (
        delivery_id {bigint} NOT NULL REFERENCES disclosure_delivery (id),
        subject TEXT NOT NULL,
        PRIMARY KEY (delivery_id, subject))""",
    "CREATE INDEX IF NOT EXISTS disclosure_subject_subject ON disclosure_subject (subject)",
    """CREATE TABLE IF NOT EXISTS disclosure_hold (
        id {serial},
        recipient TEXT,
        activity_id TEXT,
        categories TEXT NOT NULL,
        reason TEXT NOT NULL,
        placed_at TEXT NOT NULL,
        lifted_at TEXT,
        lift_reason TEXT)""",
    """CREATE TABLE IF NOT EXISTS disclosure_hold_subject (
        hold_id {bigint} NOT NULL REFERENCES disclosure_hold (id),
        subject TEXT NOT NULL,
        PRIMARY KEY (hold_id, subject))""",
)


class DeliveryHeldError(SluisError):
    """A delivery that an active hold covers was refused; nothing was recorded."""

    code = "SLUIS-541"
    exit_code = 1


class UnknownRecordError(InputError):
    """A ledger record (hold, notice, recall) named by id does not exist."""

    code = "SLUIS-542"


def ensure_schema(store: RegisterStore) -> None:
    """Create the ledger's tables when missing."""
    store.ensure_schema(_SCHEMA)


def now_or(now: datetime | None) -> datetime:
    """``now`` when given (tests pin the clock), else the current UTC time."""
    return now if now is not None else datetime.now(UTC)


@dataclass(frozen=True)
class Delivery:
    """One delivery of personal data. ``subjects``: pseudonymous ids, never raw ids."""

    recipient: str
    recipient_oin: str
    activity_id: str
    legal_basis: str
    channel: str
    batch: str
    categories: frozenset[str]
    at: datetime
    subjects: frozenset[str] = field(repr=False)


@dataclass(frozen=True)
class Hold:
    """What a hold blocks; ``None`` / empty means "any". ``lifted_at`` is None while active."""

    id: int
    reason: str
    placed_at: datetime
    recipient: str | None = None
    activity_id: str | None = None
    categories: frozenset[str] = frozenset()
    subjects: frozenset[str] = field(default=frozenset(), repr=False)
    lifted_at: datetime | None = None

    def covers(self, delivery: Delivery) -> bool:
        """Whether this hold blocks ``delivery`` (ignoring whether it is lifted)."""
        if self.recipient is not None and self.recipient != delivery.recipient:
            return False
        if self.activity_id is not None and self.activity_id != delivery.activity_id:
            return False
        if self.categories and not self.categories & delivery.categories:
            return False
        return not self.subjects or bool(self.subjects & delivery.subjects)


def record_delivery(
    store: RegisterStore,
    delivery: Delivery,
    *,
    recorder: ChangeRecorder | None = None,
    now: datetime | None = None,
) -> int:
    """Record ``delivery`` and return its id; refuses with :class:`DeliveryHeldError`
    when an active hold covers it (the message names the hold, not the persons)."""
    ensure_schema(store)
    if not delivery.categories:
        raise InputError("a delivery needs at least one data category")
    with store.transaction():
        for hold in active_holds(store):
            if hold.covers(delivery):
                raise DeliveryHeldError(
                    f"delivery to {delivery.recipient} refused: hold {hold.id} "
                    f"({hold.reason}) covers it; lift it with 'sluis disclose hold lift "
                    f"{hold.id}'"
                )
        delivery_id = store.insert_returning_id(
            "INSERT INTO disclosure_delivery (recipient, recipient_oin, activity_id, "
            "legal_basis, channel, batch, categories, delivered_at, recorded_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                delivery.recipient,
                delivery.recipient_oin,
                delivery.activity_id,
                delivery.legal_basis,
                delivery.channel,
                delivery.batch,
                _json_set(delivery.categories),
                to_text(delivery.at),
                to_text(now_or(now)),
            ),
        )
        store.execute_many(
            "INSERT INTO disclosure_subject (delivery_id, subject) VALUES (?, ?)",
            ((delivery_id, subject) for subject in sorted(delivery.subjects)),
        )
        if recorder is not None:
            recorder.record_change(
                register=REGISTER,
                action="deliver",
                activity_id=delivery.activity_id,
                subject_ids=sorted(delivery.subjects),
            )
    return delivery_id


@dataclass(frozen=True)
class DeliverySummary:
    """A delivery as listed: everything but the persons, plus how many there were."""

    id: int
    recipient: str
    recipient_oin: str
    activity_id: str
    legal_basis: str
    channel: str
    batch: str
    categories: frozenset[str]
    at: datetime
    persons: int


def list_deliveries(
    store: RegisterStore, *, batch: str | None = None, recipient: str | None = None
) -> list[DeliverySummary]:
    """Deliveries in the order they were recorded, optionally of one batch or recipient."""
    ensure_schema(store)
    where, params = _filters(batch=batch, recipient=recipient, since=None, until=None)
    rows = store.execute(
        "SELECT d.id, d.recipient, d.recipient_oin, d.activity_id, d.legal_basis, d.channel, "
        "d.batch, d.categories, d.delivered_at, "
        "(SELECT COUNT(*) FROM disclosure_subject s WHERE s.delivery_id = d.id) "
        f"FROM disclosure_delivery d{where} ORDER BY d.id",
        params,
    )
    return [
        DeliverySummary(
            id=int(r[0]),
            recipient=r[1],
            recipient_oin=r[2],
            activity_id=r[3],
            legal_basis=r[4],
            channel=r[5],
            batch=r[6],
            categories=_set_of(r[7]),
            at=datetime.fromisoformat(r[8]),
            persons=int(r[9]),
        )
        for r in rows
    ]


def persons_disclosed(
    store: RegisterStore,
    *,
    batch: str | None = None,
    recipient: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    categories: Iterable[str] | None = None,
    activity_id: str | None = None,
    subjects: Iterable[str] | None = None,
) -> dict[str, set[str]]:
    """Per recipient, the pseudonymous ids of the persons whose data it received.

    Every filter given narrows the deliveries considered: ``batch``, ``recipient`` and
    ``activity_id`` must match exactly; ``since`` (inclusive) and ``until`` (exclusive)
    bound the delivery time; ``categories`` keeps deliveries with at least one of them;
    ``subjects`` keeps only those persons. Recipients with no matching person are absent.
    """
    ensure_schema(store)
    wanted = frozenset(categories) if categories is not None else None
    where, params = _filters(batch=batch, recipient=recipient, since=since, until=until)
    if activity_id is not None:
        where += (" AND" if where else " WHERE") + " d.activity_id = ?"
        params.append(activity_id)
    result: dict[str, set[str]] = {}
    for subject_clause, subject_params in _subject_chunks(subjects):
        clause = where + (
            (" AND" if where else " WHERE") + subject_clause if subject_clause else ""
        )
        rows = store.execute(
            "SELECT d.recipient, d.categories, s.subject FROM disclosure_delivery d "
            f"JOIN disclosure_subject s ON s.delivery_id = d.id{clause}",
            [*params, *subject_params],
        )
        for recipient_name, category_text, subject in rows:
            if wanted is not None and not wanted & _set_of(category_text):
                continue
            result.setdefault(recipient_name, set()).add(subject)
    return result


def deliveries_of(store: RegisterStore, *, batch: str) -> list[DeliverySummary]:
    """The deliveries of ``batch``; an unknown batch is an :class:`InputError`."""
    found = list_deliveries(store, batch=batch)
    if not found:
        raise UnknownRecordError(f"no delivery of batch {batch!r} is in the ledger")
    return found


def place_hold(
    store: RegisterStore,
    *,
    reason: str,
    recipient: str | None = None,
    activity_id: str | None = None,
    categories: Iterable[str] = (),
    subjects: Iterable[str] = (),
    recorder: ChangeRecorder | None = None,
    now: datetime | None = None,
) -> Hold:
    """Place a hold with the given scope (see the module docstring) and return it."""
    ensure_schema(store)
    if not reason.strip():
        raise InputError("a hold needs a reason")
    hold_subjects = frozenset(subjects)
    placed = now_or(now)
    with store.transaction():
        hold_id = store.insert_returning_id(
            "INSERT INTO disclosure_hold (recipient, activity_id, categories, reason, "
            "placed_at) VALUES (?, ?, ?, ?, ?)",
            (recipient, activity_id, _json_set(categories), reason, to_text(placed)),
        )
        store.execute_many(
            "INSERT INTO disclosure_hold_subject (hold_id, subject) VALUES (?, ?)",
            ((hold_id, s) for s in sorted(hold_subjects)),
        )
        if recorder is not None:
            recorder.record_change(
                register=REGISTER,
                action="hold",
                activity_id=activity_id or "",
                subject_ids=sorted(hold_subjects),
            )
    return Hold(
        id=hold_id,
        reason=reason,
        placed_at=placed,
        recipient=recipient,
        activity_id=activity_id,
        categories=frozenset(categories),
        subjects=hold_subjects,
    )


def lift_hold(
    store: RegisterStore,
    hold_id: int,
    *,
    reason: str,
    recorder: ChangeRecorder | None = None,
    now: datetime | None = None,
) -> None:
    """Lift an active hold; an unknown or already lifted hold is an :class:`InputError`."""
    ensure_schema(store)
    with store.transaction():
        rows = store.execute(
            "SELECT lifted_at, activity_id FROM disclosure_hold WHERE id = ?", (hold_id,)
        )
        if not rows:
            raise UnknownRecordError(f"there is no hold {hold_id}")
        if rows[0][0] is not None:
            raise InputError(f"hold {hold_id} was already lifted")
        store.execute(
            "UPDATE disclosure_hold SET lifted_at = ?, lift_reason = ? WHERE id = ?",
            (to_text(now_or(now)), reason, hold_id),
        )
        if recorder is not None:
            recorder.record_change(
                register=REGISTER,
                action="hold-lift",
                activity_id=rows[0][1] or "",
                subject_ids=(),
            )


def list_holds(store: RegisterStore, *, include_lifted: bool = False) -> list[Hold]:
    """Holds in the order they were placed; only active ones unless ``include_lifted``."""
    ensure_schema(store)
    where = "" if include_lifted else " WHERE lifted_at IS NULL"
    rows = store.execute(
        "SELECT id, reason, placed_at, recipient, activity_id, categories, lifted_at "
        f"FROM disclosure_hold{where} ORDER BY id"
    )
    subjects: dict[int, set[str]] = {}
    for hold_id, subject in store.execute("SELECT hold_id, subject FROM disclosure_hold_subject"):
        subjects.setdefault(int(hold_id), set()).add(subject)
    return [
        Hold(
            id=int(r[0]),
            reason=r[1],
            placed_at=datetime.fromisoformat(r[2]),
            recipient=r[3],
            activity_id=r[4],
            categories=_set_of(r[5]),
            subjects=frozenset(subjects.get(int(r[0]), ())),
            lifted_at=datetime.fromisoformat(r[6]) if r[6] is not None else None,
        )
        for r in rows
    ]


def active_holds(store: RegisterStore) -> list[Hold]:
    """The holds not lifted."""
    return list_holds(store)


def _filters(
    *,
    batch: str | None,
    recipient: str | None,
    since: datetime | None,
    until: datetime | None,
) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    for clause, value in (
        ("d.batch = ?", batch),
        ("d.recipient = ?", recipient),
        ("d.delivered_at >= ?", to_text(since) if since is not None else None),
        ("d.delivered_at < ?", to_text(until) if until is not None else None),
    ):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _subject_chunks(subjects: Iterable[str] | None) -> Iterator[tuple[str, Sequence[str]]]:
    """SQL ``IN`` clauses over ``subjects`` in bounded chunks; one empty clause for all."""
    if subjects is None:
        yield "", ()
        return
    ordered = sorted(set(subjects))
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        yield f" s.subject IN ({', '.join('?' * len(chunk))})", chunk


def _json_set(values: Iterable[str]) -> str:
    return json.dumps(sorted(set(values)))


def _set_of(text: str) -> frozenset[str]:
    return frozenset(json.loads(text))
