"""Recalls and erasure notices to recipients (GDPR Art. 19), built on the ledger.

A recall of a faulty batch, or of a set of persons, finds per recipient exactly the
persons whose data it received, sends each recipient one notice asking it to stop using
and delete that data, and places a hold so no further delivery of that data goes out
until the hold is lifted: for a batch, every delivery of the batch's processing activity
and data categories, to any recipient; for persons, every delivery that includes any of
them. An erasure notice tells a recipient that retention destroyed persons' records.

A notice's status moves one step at a time, only forward:
``sent`` → ``acknowledged`` → ``confirmed_deleted``. Anything else is an
:class:`InvalidTransitionError`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sluis.errors import InputError
from sluis.registers.changes import ChangeRecorder
from sluis.registers.disclosure import (
    REGISTER,
    UnknownRecordError,
    deliveries_of,
    ensure_schema,
    list_deliveries,
    now_or,
    persons_disclosed,
    place_hold,
)
from sluis.registers.store import RegisterStore, to_text

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS disclosure_recall (
        id {serial},
        reason TEXT NOT NULL,
        batch TEXT,
        created_at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS disclosure_notice (
        id {serial},
        kind TEXT NOT NULL,
        recall_id {bigint} REFERENCES disclosure_recall (id),
        certificate_id {bigint},
        recipient TEXT NOT NULL,
        recipient_oin TEXT NOT NULL,
        reason TEXT NOT NULL,
        status TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        acknowledged_at TEXT,
        confirmed_at TEXT)""",
    """CREATE TABLE IF NOT EXISTS disclosure_notice_subject (
        notice_id {bigint} NOT NULL REFERENCES disclosure_notice (id),
        subject TEXT NOT NULL,
        PRIMARY KEY (notice_id, subject))""",
    """CREATE TABLE IF NOT EXISTS disclosure_recall_hold (
        recall_id {bigint} NOT NULL REFERENCES disclosure_recall (id),
        hold_id {bigint} NOT NULL REFERENCES disclosure_hold (id),
        PRIMARY KEY (recall_id, hold_id))""",
)


class NoticeKind(StrEnum):
    RECALL = "recall"
    ERASURE = "erasure"


class NoticeStatus(StrEnum):
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    CONFIRMED_DELETED = "confirmed_deleted"


NEXT_STATUS: dict[NoticeStatus, NoticeStatus] = {
    NoticeStatus.SENT: NoticeStatus.ACKNOWLEDGED,
    NoticeStatus.ACKNOWLEDGED: NoticeStatus.CONFIRMED_DELETED,
}

_STATUS_TIME = {
    NoticeStatus.ACKNOWLEDGED: "acknowledged_at",
    NoticeStatus.CONFIRMED_DELETED: "confirmed_at",
}


class InvalidTransitionError(InputError):
    """A notice status change that is not the single next step forward."""

    code = "SLUIS-543"


@dataclass(frozen=True)
class Notice:
    """One notice to one recipient about the persons in ``subjects`` (pseudonymous ids)."""

    id: int
    kind: NoticeKind
    recipient: str
    recipient_oin: str
    reason: str
    status: NoticeStatus
    sent_at: datetime
    subjects: frozenset[str] = field(repr=False)
    recall_id: int | None = None
    certificate_id: int | None = None

    def describe(self) -> str:
        """The request this notice makes, in one sentence (no personal data)."""
        ask = (
            "stop using and delete the data of"
            if self.kind is NoticeKind.RECALL
            else "note the erasure of, and erase in turn, the data of"
        )
        return (
            f"Under GDPR Art. 19 we ask {self.recipient} (OIN {self.recipient_oin}) to {ask} "
            f"{len(self.subjects)} persons ({self.reason})."
        )


@dataclass(frozen=True)
class Recall:
    """A recall: its notices (one per recipient) and the holds it placed."""

    id: int
    reason: str
    batch: str | None
    notices: tuple[Notice, ...]
    hold_ids: tuple[int, ...]


def ensure_recall_schema(store: RegisterStore) -> None:
    """Create the ledger's and the recalls' tables when missing."""
    ensure_schema(store)
    store.ensure_schema(_SCHEMA)


def recall(
    store: RegisterStore,
    *,
    reason: str,
    batch: str | None = None,
    subjects: Iterable[str] | None = None,
    recorder: ChangeRecorder | None = None,
    now: datetime | None = None,
) -> Recall:
    """Recall ``batch``, or the persons in ``subjects`` (within ``batch`` when both).

    Raises :class:`InputError` when neither is given or nothing in the ledger matches.
    """
    ensure_recall_schema(store)
    if batch is None and subjects is None:
        raise InputError("a recall needs a batch or a set of persons")
    if not reason.strip():
        raise InputError("a recall needs a reason")
    wanted = frozenset(subjects) if subjects is not None else None
    when = now_or(now)
    with store.transaction():
        deliveries = deliveries_of(store, batch=batch) if batch is not None else []
        per_recipient = persons_disclosed(store, batch=batch, subjects=wanted)
        if not per_recipient:
            raise InputError("no delivery in the ledger matches the recall; nothing recalled")
        recall_id = store.insert_returning_id(
            "INSERT INTO disclosure_recall (reason, batch, created_at) VALUES (?, ?, ?)",
            (reason, batch, to_text(when)),
        )
        holds = []
        if deliveries:
            for activity in sorted({d.activity_id for d in deliveries}):
                categories = set().union(
                    *(d.categories for d in deliveries if d.activity_id == activity)
                )
                holds.append(
                    place_hold(
                        store,
                        reason=f"recall {recall_id}: {reason}",
                        activity_id=activity,
                        categories=categories,
                        subjects=wanted or (),
                        recorder=recorder,
                        now=when,
                    )
                )
        else:
            holds.append(
                place_hold(
                    store,
                    reason=f"recall {recall_id}: {reason}",
                    subjects=wanted or (),
                    recorder=recorder,
                    now=when,
                )
            )
        store.execute_many(
            "INSERT INTO disclosure_recall_hold (recall_id, hold_id) VALUES (?, ?)",
            ((recall_id, hold.id) for hold in holds),
        )
        notices = _send(
            store,
            per_recipient,
            kind=NoticeKind.RECALL,
            reason=reason,
            recall_id=recall_id,
            certificate_id=None,
            when=when,
        )
        if recorder is not None:
            activities = sorted({d.activity_id for d in deliveries}) or [""]
            recorder.record_change(
                register=REGISTER,
                action="recall",
                activity_id=activities[0],
                subject_ids=sorted(set().union(*per_recipient.values())),
            )
    return Recall(
        id=recall_id,
        reason=reason,
        batch=batch,
        notices=tuple(notices),
        hold_ids=tuple(h.id for h in holds),
    )


def notify_erasure(
    store: RegisterStore,
    subjects: Iterable[str],
    *,
    reason: str,
    certificate_id: int | None = None,
    activity_id: str = "",
    recorder: ChangeRecorder | None = None,
    now: datetime | None = None,
) -> list[Notice]:
    """One erasure notice per recipient that received data of any of ``subjects``;
    none when the ledger never disclosed them. Joins the caller's transaction."""
    ensure_recall_schema(store)
    erased = frozenset(subjects)
    if not erased:
        return []
    with store.transaction():
        per_recipient = persons_disclosed(store, subjects=erased)
        notices = _send(
            store,
            per_recipient,
            kind=NoticeKind.ERASURE,
            reason=reason,
            recall_id=None,
            certificate_id=certificate_id,
            when=now_or(now),
        )
        if recorder is not None and notices:
            recorder.record_change(
                register=REGISTER,
                action="erasure-notice",
                activity_id=activity_id,
                subject_ids=sorted(set().union(*per_recipient.values())),
            )
    return notices


def advance_notice(
    store: RegisterStore,
    notice_id: int,
    status: NoticeStatus,
    *,
    recorder: ChangeRecorder | None = None,
    now: datetime | None = None,
) -> Notice:
    """Move a notice to ``status``, which must be the single next step of its status."""
    ensure_recall_schema(store)
    with store.transaction():
        notice = get_notice(store, notice_id)
        if NEXT_STATUS.get(notice.status) is not status:
            allowed = NEXT_STATUS.get(notice.status)
            hint = f"; next allowed: {allowed.value}" if allowed else "; it is final"
            raise InvalidTransitionError(
                f"notice {notice_id} is {notice.status.value}, cannot become {status.value}{hint}"
            )
        store.execute(
            f"UPDATE disclosure_notice SET status = ?, {_STATUS_TIME[status]} = ? WHERE id = ?",
            (status.value, to_text(now_or(now)), notice_id),
        )
        if recorder is not None:
            recorder.record_change(
                register=REGISTER,
                action=f"notice-{status.value}",
                activity_id="",
                subject_ids=sorted(notice.subjects),
            )
    return get_notice(store, notice_id)


def get_notice(store: RegisterStore, notice_id: int) -> Notice:
    """The notice with its persons; an unknown id is an :class:`UnknownRecordError`."""
    ensure_recall_schema(store)
    found = _notices(store, " WHERE id = ?", (notice_id,))
    if not found:
        raise UnknownRecordError(f"there is no notice {notice_id}")
    return found[0]


def list_notices(
    store: RegisterStore,
    *,
    recall_id: int | None = None,
    kind: NoticeKind | None = None,
    certificate_id: int | None = None,
) -> list[Notice]:
    """Notices in the order they were sent, optionally of one recall, kind or certificate."""
    ensure_recall_schema(store)
    clauses, params = [], []
    for clause, value in (
        ("recall_id = ?", recall_id),
        ("kind = ?", kind.value if kind is not None else None),
        ("certificate_id = ?", certificate_id),
    ):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    return _notices(store, " WHERE " + " AND ".join(clauses) if clauses else "", params)


def _notices(store: RegisterStore, where: str, params: Iterable[object]) -> list[Notice]:
    rows = store.execute(
        "SELECT id, kind, recipient, recipient_oin, reason, status, sent_at, recall_id, "
        f"certificate_id FROM disclosure_notice{where} ORDER BY id",
        tuple(params),
    )
    notices = []
    for r in rows:
        subjects = store.execute(
            "SELECT subject FROM disclosure_notice_subject WHERE notice_id = ?", (r[0],)
        )
        notices.append(
            Notice(
                id=int(r[0]),
                kind=NoticeKind(r[1]),
                recipient=r[2],
                recipient_oin=r[3],
                reason=r[4],
                status=NoticeStatus(r[5]),
                sent_at=datetime.fromisoformat(r[6]),
                subjects=frozenset(s for (s,) in subjects),
                recall_id=int(r[7]) if r[7] is not None else None,
                certificate_id=int(r[8]) if r[8] is not None else None,
            )
        )
    return notices


def _send(
    store: RegisterStore,
    per_recipient: dict[str, set[str]],
    *,
    kind: NoticeKind,
    reason: str,
    recall_id: int | None,
    certificate_id: int | None,
    when: datetime,
) -> list[Notice]:
    oins = {d.recipient: d.recipient_oin for d in list_deliveries(store)}
    notices = []
    for recipient in sorted(per_recipient):
        persons = frozenset(per_recipient[recipient])
        notice_id = store.insert_returning_id(
            "INSERT INTO disclosure_notice (kind, recall_id, certificate_id, recipient, "
            "recipient_oin, reason, status, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                kind.value,
                recall_id,
                certificate_id,
                recipient,
                oins[recipient],
                reason,
                NoticeStatus.SENT.value,
                to_text(when),
            ),
        )
        store.execute_many(
            "INSERT INTO disclosure_notice_subject (notice_id, subject) VALUES (?, ?)",
            ((notice_id, s) for s in sorted(persons)),
        )
        notices.append(
            Notice(
                id=notice_id,
                kind=kind,
                recipient=recipient,
                recipient_oin=oins[recipient],
                reason=reason,
                status=NoticeStatus.SENT,
                sent_at=when,
                subjects=persons,
                recall_id=recall_id,
                certificate_id=certificate_id,
            )
        )
    return notices
