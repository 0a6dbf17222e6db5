"""The breach register (GDPR Art. 33(5)): every personal data breach, its 72-hour clock and
what was told to the Autoriteit Persoonsgegevens.

A breach's deadline is ``aware_at`` + 72 hours (Art. 33(1)). Its status moves only along
:data:`TRANSITIONS`::

    open ──notify──► notified ──supplement──► supplemented ──supplement──► …
      │                 │                         │
      │                 └────────withdraw─────────┴──► withdrawn
      └──not-notify──► not-notified ──notify──► notified   (decision reversed)

Notifying after the deadline needs a reason for the delay; deciding not to notify, and
withdrawing a notification, need a reason too. Affected persons are stored only as keyed
pseudonyms, each set with the derivation that produced it; every other view shows counts.
Every change is also reported to the processing log through an optional
:class:`~sluis.registers.changes.ChangeRecorder`, inside the same transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from sluis.errors import InputError
from sluis.registers.affected import AffectedPersons, AffectedSource
from sluis.registers.breach_notification import Approximate, NotificationContent
from sluis.registers.changes import ChangeRecorder
from sluis.registers.store import Dialect, RegisterStore, to_text

REGISTER = "breach"
BREACH_ACTIVITY = "urn:sluis:activity:breach-register"
DEADLINE = timedelta(hours=72)

Clock = Callable[[], datetime]

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS breach_incident (
        id {serial},
        title TEXT NOT NULL,
        aware_at TEXT NOT NULL,
        occurred_at TEXT,
        opened_at TEXT NOT NULL,
        status TEXT NOT NULL,
        ap_reference TEXT,
        notified_at TEXT,
        preliminary INTEGER,
        late_reason TEXT,
        reason TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS breach_event (
        id {serial},
        breach_id {bigint} NOT NULL REFERENCES breach_incident (id),
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        ap_reference TEXT,
        reason TEXT,
        content TEXT,
        detail TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS breach_derivation (
        id {serial},
        breach_id {bigint} NOT NULL REFERENCES breach_incident (id),
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        description TEXT NOT NULL,
        persons {bigint} NOT NULL,
        records {bigint}
    )""",
    """CREATE TABLE IF NOT EXISTS breach_subject (
        breach_id {bigint} NOT NULL REFERENCES breach_incident (id),
        subject_id TEXT NOT NULL,
        PRIMARY KEY (breach_id, subject_id)
    )""",
)


class BreachError(InputError):
    """A breach that does not exist, or a change its status or the law does not allow."""

    code = "SLUIS-130"


class ReasonRequiredError(BreachError):
    """A late notification, a decision not to notify or a withdrawal without a reason."""

    code = "SLUIS-131"


class Status(StrEnum):
    OPEN = "open"
    NOTIFIED = "notified"
    SUPPLEMENTED = "supplemented"
    WITHDRAWN = "withdrawn"
    NOT_NOTIFIED = "not-notified"


class Action(StrEnum):
    OPEN = "open"
    NOTIFY = "notify"
    SUPPLEMENT = "supplement"
    WITHDRAW = "withdraw"
    NOT_NOTIFY = "not-notify"
    AFFECTED = "affected"
    INFORM = "inform"


TRANSITIONS: dict[Action, tuple[frozenset[Status], Status]] = {
    Action.NOTIFY: (frozenset({Status.OPEN, Status.NOT_NOTIFIED}), Status.NOTIFIED),
    Action.SUPPLEMENT: (frozenset({Status.NOTIFIED, Status.SUPPLEMENTED}), Status.SUPPLEMENTED),
    Action.WITHDRAW: (frozenset({Status.NOTIFIED, Status.SUPPLEMENTED}), Status.WITHDRAWN),
    Action.NOT_NOTIFY: (frozenset({Status.OPEN}), Status.NOT_NOTIFIED),
}


def format_duration(span: timedelta) -> str:
    """``span`` (its absolute value) as ``"41h 07m"``; whole minutes, rounded down."""
    minutes = int(abs(span).total_seconds() // 60)
    return f"{minutes // 60}h {minutes % 60:02d}m"


@dataclass(frozen=True)
class Breach:
    """One breach as the register holds it; ``persons``/``records`` are derived counts."""

    id: int
    title: str
    aware_at: datetime
    occurred_at: datetime | None
    status: Status
    ap_reference: str | None
    notified_at: datetime | None
    preliminary: bool | None
    late_reason: str | None
    reason: str | None
    persons: int
    records: int | None

    @property
    def deadline(self) -> datetime:
        return self.aware_at + DEADLINE

    def time_left(self, now: datetime) -> timedelta:
        """Until the deadline, as of the notification when notified, else as of ``now``;
        negative when late."""
        settled = self.notified_at if self.notified_at is not None else now
        return self.deadline - settled

    def clock_text(self, now: datetime) -> str:
        """The deadline in words: time left, how late, or how the notification met it."""
        left = self.time_left(now)
        if self.notified_at is not None:
            when = "before the deadline" if left >= timedelta(0) else "late"
            return f"notified {format_duration(left)} {when}"
        if left >= timedelta(0):
            text = f"{format_duration(left)} left"
        else:
            text = f"{format_duration(left)} late"
        if self.status is Status.NOT_NOTIFIED:
            return f"not notified (decided); {text}"
        return text


@dataclass(frozen=True)
class Event:
    """One entry of a breach's history."""

    at: datetime
    action: Action
    ap_reference: str | None
    reason: str | None
    content: NotificationContent | None
    detail: str | None


@dataclass(frozen=True)
class StoredDerivation:
    at: datetime
    kind: str
    description: str
    persons: int
    records: int | None


class _Export(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DerivationExport(_Export):
    kind: str
    description: str
    persons: int
    records: int | None


class HistoryEntry(_Export):
    at: datetime
    action: Action
    ap_reference: str | None
    reason: str | None


class ApNotification(_Export):
    """What goes to the AP: the latest notification content, with persons and records
    filled in from the derived counts where the content left them open. Counts only."""

    breach_id: int
    title: str
    status: Status
    aware_at: datetime
    deadline: datetime
    notified_at: datetime | None
    late: bool
    late_reason: str | None
    ap_reference: str | None
    preliminary: bool | None
    content: NotificationContent | None
    derived: tuple[DerivationExport, ...]
    history: tuple[HistoryEntry, ...]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _aware(moment: datetime, what: str) -> datetime:
    if moment.tzinfo is None:
        raise BreachError(f"{what} must carry a time zone")
    return moment.astimezone(UTC)


class BreachRegister:
    """The breach register in ``store``; ``clock`` gives "now" (inject it in tests)."""

    def __init__(
        self,
        store: RegisterStore,
        recorder: ChangeRecorder | None = None,
        clock: Clock = _utc_now,
        activity_id: str = BREACH_ACTIVITY,
    ) -> None:
        self.store = store
        self.recorder = recorder
        self.clock = clock
        self.activity_id = activity_id
        store.ensure_schema(_SCHEMA)

    def _now(self) -> datetime:
        return _aware(self.clock(), "the clock's time")

    # -- reading -------------------------------------------------------------------------

    def get(self, breach_id: int) -> Breach:
        rows = self.store.execute(
            "SELECT id, title, aware_at, occurred_at, status, ap_reference, notified_at,"
            " preliminary, late_reason, reason FROM breach_incident WHERE id = ?",
            (breach_id,),
        )
        if not rows:
            raise BreachError(f"there is no breach {breach_id}; 'sluis breach list' shows them")
        return self._breach(rows[0])

    def breaches(self) -> list[Breach]:
        rows = self.store.execute(
            "SELECT id, title, aware_at, occurred_at, status, ap_reference, notified_at,"
            " preliminary, late_reason, reason FROM breach_incident ORDER BY id"
        )
        return [self._breach(row) for row in rows]

    def _breach(self, row: Sequence[Any]) -> Breach:
        breach_id = int(row[0])
        persons = self.store.execute(
            "SELECT COUNT(*) FROM breach_subject WHERE breach_id = ?", (breach_id,)
        )[0][0]
        records = self.store.execute(
            "SELECT SUM(records) FROM breach_derivation WHERE breach_id = ?", (breach_id,)
        )[0][0]
        aware_at = _time(row[2])
        assert aware_at is not None
        return Breach(
            id=breach_id,
            title=row[1],
            aware_at=aware_at,
            occurred_at=_time(row[3]),
            status=Status(row[4]),
            ap_reference=row[5],
            notified_at=_time(row[6]),
            preliminary=None if row[7] is None else bool(row[7]),
            late_reason=row[8],
            reason=row[9],
            persons=int(persons),
            records=None if records is None else int(records),
        )

    def events(self, breach_id: int) -> list[Event]:
        self.get(breach_id)
        rows = self.store.execute(
            "SELECT at, action, ap_reference, reason, content, detail FROM breach_event"
            " WHERE breach_id = ? ORDER BY id",
            (breach_id,),
        )
        return [
            Event(
                at=datetime.fromisoformat(r[0]),
                action=Action(r[1]),
                ap_reference=r[2],
                reason=r[3],
                content=None if r[4] is None else NotificationContent.model_validate_json(r[4]),
                detail=r[5],
            )
            for r in rows
        ]

    def derivations(self, breach_id: int) -> list[StoredDerivation]:
        self.get(breach_id)
        rows = self.store.execute(
            "SELECT at, kind, description, persons, records FROM breach_derivation"
            " WHERE breach_id = ? ORDER BY id",
            (breach_id,),
        )
        return [
            StoredDerivation(datetime.fromisoformat(r[0]), r[1], r[2], int(r[3]), r[4])
            for r in rows
        ]

    def subject_ids(self, breach_id: int) -> list[str]:
        """The pseudonyms of the affected persons, sorted: for the dedicated export only."""
        self.get(breach_id)
        rows = self.store.execute(
            "SELECT subject_id FROM breach_subject WHERE breach_id = ? ORDER BY subject_id",
            (breach_id,),
        )
        return [r[0] for r in rows]

    def notification(self, breach_id: int) -> ApNotification:
        """The AP notification as it stands: latest content, derived counts, history."""
        breach = self.get(breach_id)
        events = self.events(breach_id)
        contents = [e.content for e in events if e.content is not None]
        content = contents[-1] if contents else None
        if content is not None:
            content = _with_counts(content, breach)
        return ApNotification(
            breach_id=breach.id,
            title=breach.title,
            status=breach.status,
            aware_at=breach.aware_at,
            deadline=breach.deadline,
            notified_at=breach.notified_at,
            late=breach.time_left(self._now()) < timedelta(0),
            late_reason=breach.late_reason,
            ap_reference=breach.ap_reference,
            preliminary=breach.preliminary,
            content=content,
            derived=tuple(
                DerivationExport(
                    kind=d.kind, description=d.description, persons=d.persons, records=d.records
                )
                for d in self.derivations(breach_id)
            ),
            history=tuple(
                HistoryEntry(at=e.at, action=e.action, ap_reference=e.ap_reference, reason=e.reason)
                for e in events
            ),
        )

    # -- changing ------------------------------------------------------------------------

    def open(self, title: str, aware_at: datetime, occurred_at: datetime | None = None) -> Breach:
        """Register a breach the organization became aware of at ``aware_at``."""
        if not title.strip():
            raise BreachError("a breach needs a title")
        aware = _aware(aware_at, "aware_at")
        now = self._now()
        if aware > now:
            raise BreachError("aware_at lies in the future")
        occurred = None if occurred_at is None else _aware(occurred_at, "occurred_at")
        with self.store.transaction():
            breach_id = self.store.insert_returning_id(
                "INSERT INTO breach_incident (title, aware_at, occurred_at, opened_at, status)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    title.strip(),
                    to_text(aware),
                    None if occurred is None else to_text(occurred),
                    to_text(now),
                    Status.OPEN,
                ),
            )
            self._event(breach_id, now, Action.OPEN)
        return self.get(breach_id)

    def notify(
        self,
        breach_id: int,
        ap_reference: str,
        content: NotificationContent,
        *,
        late_reason: str | None = None,
        preliminary: bool = True,
    ) -> Breach:
        """Record the notification to the AP under the reference the AP gave it."""
        if not ap_reference.strip():
            raise BreachError("the AP reference (meldnummer) is required")
        now = self._now()
        with self.store.transaction():
            breach = self._transition(breach_id, Action.NOTIFY)
            late = now > breach.deadline
            if late and not (late_reason or "").strip():
                raise ReasonRequiredError(
                    f"breach {breach_id} is notified {format_duration(now - breach.deadline)} "
                    "after the 72-hour deadline: give the reason for the delay (--late-reason)"
                )
            self._check_content(breach, content, final=not preliminary)
            self.store.execute(
                "UPDATE breach_incident SET status = ?, ap_reference = ?, notified_at = ?,"
                " preliminary = ?, late_reason = ? WHERE id = ?",
                (
                    Status.NOTIFIED,
                    ap_reference.strip(),
                    to_text(now),
                    int(preliminary),
                    late_reason.strip() if late and late_reason else None,
                    breach_id,
                ),
            )
            self._event(
                breach_id,
                now,
                Action.NOTIFY,
                ap_reference=ap_reference.strip(),
                reason=late_reason if late else None,
                content=content,
                detail="preliminary" if preliminary else "complete",
            )
        return self.get(breach_id)

    def supplement(
        self, breach_id: int, content: NotificationContent, *, final: bool = False
    ) -> Breach:
        """Record a supplement to the notification; ``final`` makes it complete."""
        now = self._now()
        with self.store.transaction():
            breach = self._transition(breach_id, Action.SUPPLEMENT)
            self._check_content(breach, content, final=final)
            self.store.execute(
                "UPDATE breach_incident SET status = ?, preliminary = ? WHERE id = ?",
                (Status.SUPPLEMENTED, int(not final and bool(breach.preliminary)), breach_id),
            )
            self._event(
                breach_id,
                now,
                Action.SUPPLEMENT,
                ap_reference=breach.ap_reference,
                content=content,
                detail="complete" if final else "supplement",
            )
        return self.get(breach_id)

    def withdraw(self, breach_id: int, reason: str) -> Breach:
        """Withdraw the notification (it turned out not to be a breach), with the reason."""
        return self._decide(breach_id, Action.WITHDRAW, reason)

    def not_notify(self, breach_id: int, reason: str) -> Breach:
        """Decide not to notify the AP (Art. 33(1): no likely risk), with the reason."""
        return self._decide(breach_id, Action.NOT_NOTIFY, reason)

    def _decide(self, breach_id: int, action: Action, reason: str) -> Breach:
        if not reason.strip():
            raise ReasonRequiredError(f"'{action}' needs a reason (--reason)")
        now = self._now()
        with self.store.transaction():
            breach = self._transition(breach_id, action)
            target = TRANSITIONS[action][1]
            self.store.execute(
                "UPDATE breach_incident SET status = ?, reason = ? WHERE id = ?",
                (target, reason.strip(), breach_id),
            )
            self._event(
                breach_id, now, action, ap_reference=breach.ap_reference, reason=reason.strip()
            )
        return self.get(breach_id)

    def add_affected(self, breach_id: int, source: AffectedSource) -> AffectedPersons:
        """Derive affected persons from ``source`` and add them (a union with earlier sets)."""
        self.get(breach_id)
        found = source.derive()
        return self.add_derived(breach_id, found)

    def add_derived(self, breach_id: int, found: AffectedPersons) -> AffectedPersons:
        """Store an already derived set of affected persons with its derivation."""
        now = self._now()
        with self.store.transaction():
            self._locked(breach_id)
            self.store.execute(
                "INSERT INTO breach_derivation (breach_id, at, kind, description, persons,"
                " records) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    breach_id,
                    to_text(now),
                    found.derivation.kind,
                    found.derivation.description,
                    found.persons,
                    found.records,
                ),
            )
            subjects = sorted(found.subject_ids)
            self.store.execute_many(
                "INSERT INTO breach_subject (breach_id, subject_id) VALUES (?, ?)"
                " ON CONFLICT DO NOTHING",
                [(breach_id, s) for s in subjects],
            )
            self._event(
                breach_id,
                now,
                Action.AFFECTED,
                detail=f"{found.derivation.kind}: {found.persons} persons",
                subject_ids=subjects,
            )
        return found

    def record_letters(self, breach_id: int, language: str, letters: int) -> None:
        """Note that ``letters`` letters (Art. 34) in ``language`` were produced."""
        now = self._now()
        with self.store.transaction():
            self._locked(breach_id)
            self._event(breach_id, now, Action.INFORM, detail=f"{letters} letters in {language}")

    # -- internals -----------------------------------------------------------------------

    def _locked(self, breach_id: int) -> Breach:
        lock = " FOR UPDATE" if self.store.dialect is Dialect.POSTGRESQL else ""
        rows = self.store.execute(
            "SELECT id FROM breach_incident WHERE id = ?" + lock, (breach_id,)
        )
        if not rows:
            raise BreachError(f"there is no breach {breach_id}; 'sluis breach list' shows them")
        return self.get(breach_id)

    def _transition(self, breach_id: int, action: Action) -> Breach:
        breach = self._locked(breach_id)
        allowed, _ = TRANSITIONS[action]
        if breach.status not in allowed:
            from_states = ", ".join(sorted(allowed))
            raise BreachError(
                f"breach {breach_id} is {breach.status}: '{action}' is allowed only when it is "
                f"{from_states}"
            )
        return breach

    def _check_content(self, breach: Breach, content: NotificationContent, *, final: bool) -> None:
        if (
            content.persons is not None
            and breach.persons
            and not content.persons.contains(breach.persons)
        ):
            raise BreachError(
                f"the content gives {content.persons.minimum}-{content.persons.maximum} persons "
                f"but {breach.persons} affected persons were derived; correct the range"
            )
        if final and content.persons is None and not breach.persons:
            raise BreachError(
                "a complete notification needs the number of persons: derive the affected "
                "persons ('sluis breach affected') or give persons in the content"
            )
        scanned = any(d.kind == "scan" for d in self.derivations(breach.id))
        if scanned and breach.persons and not content.bsn:
            raise BreachError(
                "the affected persons were found by their BSN but the content's "
                "data_categories do not list 'bsn'"
            )

    def _event(
        self,
        breach_id: int,
        at: datetime,
        action: Action,
        *,
        ap_reference: str | None = None,
        reason: str | None = None,
        content: NotificationContent | None = None,
        detail: str | None = None,
        subject_ids: Sequence[str] = (),
    ) -> None:
        self.store.execute(
            "INSERT INTO breach_event (breach_id, at, action, ap_reference, reason, content,"
            " detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                breach_id,
                to_text(at),
                action,
                ap_reference,
                reason,
                None if content is None else content.model_dump_json(),
                detail,
            ),
        )
        # Last inside the transaction: a recorder that fails undoes the change.
        if self.recorder is not None:
            self.recorder.record_change(
                register=REGISTER,
                action=str(action),
                activity_id=self.activity_id,
                subject_ids=tuple(subject_ids),
            )


def _with_counts(content: NotificationContent, breach: Breach) -> NotificationContent:
    update: dict[str, Approximate] = {}
    if content.persons is None and breach.persons:
        update["persons"] = Approximate(minimum=breach.persons, maximum=breach.persons)
    if content.records is None and breach.records is not None:
        update["records"] = Approximate(minimum=breach.records, maximum=breach.records)
    return content.model_copy(update=update) if update else content


def export_json(notification: ApNotification) -> str:
    """The AP notification as indented JSON (times in ISO-8601)."""
    return json.dumps(notification.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


__all__ = [
    "BREACH_ACTIVITY",
    "DEADLINE",
    "TRANSITIONS",
    "Action",
    "ApNotification",
    "Breach",
    "BreachError",
    "BreachRegister",
    "Event",
    "ReasonRequiredError",
    "Status",
    "StoredDerivation",
    "export_json",
    "format_duration",
]
