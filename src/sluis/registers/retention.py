"""Retention runs: hide records past their period, delete them after a grace period, and
certify the destruction.

The records live in an application database (SQLite or PostgreSQL) that the rules of
:mod:`sluis.registers.retention_rules` describe. A run works per rule, in two steps:

1. **Delete** rows that are still due and were hidden before ``today - grace``.
2. **Hide** (restrict, GDPR Art. 18) rows that are due and not hidden yet: their column
   ``sluis_restricted_at`` (ISO-8601 UTC text; added to the table by the first real run)
   is set to the run's time. Applications must treat a row with this column set as
   restricted: keep it out of every screen and export.

A row is *due* when its trigger column lies before ``today - period`` (day granularity)
and its subject column is not NULL (rows with a NULL trigger are never due). A row is
never touched when its rule says ``selection: keep`` or ``legal_hold: true``, or when a
legal hold in the register covers the rule's activity or the row's person (holds name
persons by keyed pseudonym, so a run needs the key). Since deletion requires a hide on
an earlier day, a row is never hidden and deleted in one run.

All changes of a run happen in one transaction on the application database. Inside the
register's transaction the run then records a destruction certificate (rule ids, counts,
time and pseudonymous ids; no personal data) and, for each deleted person that the
disclosure ledger shows was disclosed, an erasure notice per recipient (GDPR Art. 19).
The application transaction commits first, the register's right after it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import psycopg

from sluis.errors import InputError, MissingTableError, SourceError
from sluis.keys import Key
from sluis.registers.changes import ChangeRecorder
from sluis.registers.disclosure import UnknownRecordError, now_or
from sluis.registers.disclosure_recall import Notice, notify_erasure
from sluis.registers.pseudonym import subject_pseudonym
from sluis.registers.retention_rules import RetentionRule, Selection
from sluis.registers.store import Dialect, RegisterStore, to_text

REGISTER = "retention"
RESTRICTED_COLUMN = "sluis_restricted_at"

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS retention_hold (
        id {serial},
        subject TEXT,
        activity_id TEXT,
        reason TEXT NOT NULL,
        placed_at TEXT NOT NULL,
        lifted_at TEXT)""",
    """CREATE TABLE IF NOT EXISTS retention_certificate (
        id {serial},
        issued_at TEXT NOT NULL,
        body TEXT NOT NULL)""",
)


def ensure_schema(store: RegisterStore) -> None:
    """Create the retention register's tables when missing."""
    store.ensure_schema(_SCHEMA)


@dataclass(frozen=True)
class LegalHold:
    """A legal hold on one person (``subject``), one activity, or one person within one
    activity. ``lifted_at`` is None while it holds."""

    id: int
    reason: str
    placed_at: datetime
    subject: str | None = field(default=None, repr=False)
    activity_id: str | None = None
    lifted_at: datetime | None = None

    def covers(self, activity_id: str, subject: str | None) -> bool:
        if self.activity_id is not None and self.activity_id != activity_id:
            return False
        return self.subject is None or self.subject == subject


@dataclass(frozen=True)
class RuleOutcome:
    """What a rule did (or, in a dry run, would do). Counts are rows; ``*_subjects`` are
    pseudonymous ids. ``skipped`` says why a rule did nothing at all, else None."""

    rule_id: str
    activity_id: str
    category: str
    rows_hidden: int = 0
    rows_deleted: int = 0
    rows_held: int = 0
    subjects_hidden: frozenset[str] = field(default=frozenset(), repr=False)
    subjects_deleted: frozenset[str] = field(default=frozenset(), repr=False)
    skipped: str | None = None


@dataclass(frozen=True)
class RetentionReport:
    """A run's result; ``certificate_id`` and ``notices`` are empty in a dry run."""

    at: datetime
    dry_run: bool
    outcomes: tuple[RuleOutcome, ...]
    certificate_id: int | None = None
    notices: tuple[Notice, ...] = ()


def place_legal_hold(
    store: RegisterStore,
    *,
    reason: str,
    subjects: Iterable[str] = (),
    activity_id: str | None = None,
    recorder: ChangeRecorder | None = None,
    now: datetime | None = None,
) -> list[int]:
    """Place one hold per subject (within ``activity_id`` when given), or one hold on the
    whole activity when no subject is given; returns the new hold ids."""
    ensure_schema(store)
    persons = sorted(set(subjects))
    targets: list[str | None] = [*persons] if persons else [None]
    if not persons and activity_id is None:
        raise InputError("a legal hold names persons, a processing activity, or both")
    if not reason.strip():
        raise InputError("a legal hold needs a reason")
    placed = to_text(now_or(now))
    with store.transaction():
        ids = [
            store.insert_returning_id(
                "INSERT INTO retention_hold (subject, activity_id, reason, placed_at) "
                "VALUES (?, ?, ?, ?)",
                (subject, activity_id, reason, placed),
            )
            for subject in targets
        ]
        if recorder is not None:
            recorder.record_change(
                register=REGISTER,
                action="legal-hold",
                activity_id=activity_id or "",
                subject_ids=persons,
            )
    return ids


def lift_legal_hold(
    store: RegisterStore,
    hold_id: int,
    *,
    recorder: ChangeRecorder | None = None,
    now: datetime | None = None,
) -> None:
    """Lift an active legal hold; unknown or lifted holds are an :class:`InputError`."""
    ensure_schema(store)
    with store.transaction():
        rows = store.execute(
            "SELECT lifted_at, activity_id, subject FROM retention_hold WHERE id = ?", (hold_id,)
        )
        if not rows:
            raise UnknownRecordError(f"there is no legal hold {hold_id}")
        if rows[0][0] is not None:
            raise InputError(f"legal hold {hold_id} was already lifted")
        store.execute(
            "UPDATE retention_hold SET lifted_at = ? WHERE id = ?",
            (to_text(now_or(now)), hold_id),
        )
        if recorder is not None:
            recorder.record_change(
                register=REGISTER,
                action="legal-hold-lift",
                activity_id=rows[0][1] or "",
                subject_ids=[rows[0][2]] if rows[0][2] else [],
            )


def list_legal_holds(store: RegisterStore, *, include_lifted: bool = False) -> list[LegalHold]:
    """Legal holds in the order they were placed; only active ones unless asked."""
    ensure_schema(store)
    where = "" if include_lifted else " WHERE lifted_at IS NULL"
    rows = store.execute(
        "SELECT id, reason, placed_at, subject, activity_id, lifted_at "
        f"FROM retention_hold{where} ORDER BY id"
    )
    return [
        LegalHold(
            id=int(r[0]),
            reason=r[1],
            placed_at=datetime.fromisoformat(r[2]),
            subject=r[3],
            activity_id=r[4],
            lifted_at=datetime.fromisoformat(r[5]) if r[5] is not None else None,
        )
        for r in rows
    ]


def run_retention(
    register: RegisterStore,
    app: RegisterStore,
    rules: Sequence[RetentionRule],
    key: Key,
    *,
    dry_run: bool = False,
    recorder: ChangeRecorder | None = None,
    now: datetime | None = None,
) -> RetentionReport:
    """Apply ``rules`` to the application database ``app`` (see the module docstring).

    ``app`` may be the register store itself. A dry run changes nothing anywhere.
    """
    ensure_schema(register)
    when = now_or(now)
    holds = list_legal_holds(register)
    for rule in rules:
        _check_columns(app, rule)
    if dry_run:
        try:
            outcomes = tuple(_apply(app, rule, key, holds, when, dry_run=True) for rule in rules)
        except (sqlite3.Error, psycopg.Error) as exc:
            raise _refused(exc) from None
        return RetentionReport(at=when, dry_run=True, outcomes=outcomes)
    with register.transaction():
        try:
            with app.transaction():
                outcomes = tuple(
                    _apply(app, rule, key, holds, when, dry_run=False) for rule in rules
                )
                certificate_id, notices = _certify(register, outcomes, when, recorder)
        except (sqlite3.Error, psycopg.Error) as exc:
            raise _refused(exc) from None
    return RetentionReport(
        at=when,
        dry_run=False,
        outcomes=outcomes,
        certificate_id=certificate_id,
        notices=tuple(notices),
    )


def _refused(exc: Exception) -> SourceError:
    # The driver's message may quote a value from the data: name only its type.
    return SourceError(
        f"a database refused a retention statement ({type(exc).__name__}); check that each "
        "rule's trigger column is a date or timestamp (ISO text on SQLite). Nothing was "
        "hidden or deleted"
    )


def get_certificate(store: RegisterStore, certificate_id: int) -> dict[str, Any]:
    """The destruction certificate as the JSON-ready mapping it was stored as."""
    ensure_schema(store)
    rows = store.execute("SELECT body FROM retention_certificate WHERE id = ?", (certificate_id,))
    if not rows:
        raise UnknownRecordError(f"there is no destruction certificate {certificate_id}")
    body: dict[str, Any] = json.loads(rows[0][0])
    return body


def list_certificates(store: RegisterStore) -> list[tuple[int, datetime]]:
    """``(id, issued_at)`` of every destruction certificate, oldest first."""
    ensure_schema(store)
    rows = store.execute("SELECT id, issued_at FROM retention_certificate ORDER BY id")
    return [(int(r[0]), datetime.fromisoformat(r[1])) for r in rows]


def _certify(
    register: RegisterStore,
    outcomes: Sequence[RuleOutcome],
    when: datetime,
    recorder: ChangeRecorder | None,
) -> tuple[int, list[Notice]]:
    certificate_id = register.insert_returning_id(
        "INSERT INTO retention_certificate (issued_at, body) VALUES (?, ?)",
        (to_text(when), "{}"),
    )
    notices: list[Notice] = []
    for outcome in outcomes:
        if recorder is not None and outcome.subjects_hidden:
            recorder.record_change(
                register=REGISTER,
                action="restrict",
                activity_id=outcome.activity_id,
                subject_ids=sorted(outcome.subjects_hidden),
            )
        if recorder is not None and outcome.subjects_deleted:
            recorder.record_change(
                register=REGISTER,
                action="erase",
                activity_id=outcome.activity_id,
                subject_ids=sorted(outcome.subjects_deleted),
            )
        notices += notify_erasure(
            register,
            outcome.subjects_deleted,
            reason=f"retention rule {outcome.rule_id}: {outcome.category} records destroyed",
            certificate_id=certificate_id,
            activity_id=outcome.activity_id,
            recorder=recorder,
            now=when,
        )
    body = {
        "certificate": certificate_id,
        "kind": "destruction certificate",
        "issued_at": to_text(when),
        "rules": [
            {
                "rule": o.rule_id,
                "activity": o.activity_id,
                "category": o.category,
                "skipped": o.skipped,
                "rows_hidden": o.rows_hidden,
                "rows_deleted": o.rows_deleted,
                "rows_held": o.rows_held,
                "subjects_hidden": sorted(o.subjects_hidden),
                "subjects_deleted": sorted(o.subjects_deleted),
            }
            for o in outcomes
        ],
        "erasure_notices": [n.id for n in notices],
    }
    register.execute(
        "UPDATE retention_certificate SET body = ? WHERE id = ?",
        (json.dumps(body, sort_keys=True), certificate_id),
    )
    return certificate_id, notices


def _apply(
    app: RegisterStore,
    rule: RetentionRule,
    key: Key,
    holds: Sequence[LegalHold],
    when: datetime,
    *,
    dry_run: bool,
) -> RuleOutcome:
    base = RuleOutcome(rule_id=rule.id, activity_id=rule.activity, category=rule.category)
    if rule.selection is Selection.KEEP:
        return _skip(base, "kept permanently (selection list)")
    if rule.legal_hold:
        return _skip(base, "legal hold on the activity (rule)")
    for hold in holds:
        if hold.subject is None and hold.covers(rule.activity, None):
            return _skip(base, f"legal hold {hold.id} on the activity")
    table, subject, trigger = (
        _quote(rule.table),
        _quote(rule.subject_column),
        _quote(rule.trigger_column),
    )
    restricted = _quote(RESTRICTED_COLUMN)
    has_flag = RESTRICTED_COLUMN in _columns(app, rule.table)
    if not dry_run and not has_flag:
        app.execute(f"ALTER TABLE {table} ADD COLUMN {restricted} TEXT")
        has_flag = True
    cutoff = _day_param(app, rule.cutoff(when))
    grace = rule.grace_cutoff(when).isoformat()
    due = f"{trigger} < ? AND {subject} IS NOT NULL"

    def pseudonym(value: object) -> str:
        return subject_pseudonym(key, rule.subject_id_type, str(value))

    def held(pseudo: str) -> bool:
        return any(h.subject is not None and h.covers(rule.activity, pseudo) for h in holds)

    held_rows = 0
    deleted: dict[str, int] = {}
    delete_values: list[object] = []
    if has_flag:
        for value, count in app.execute(
            f"SELECT {subject}, COUNT(*) FROM {table} WHERE {due} AND {restricted} < ? "
            f"GROUP BY {subject}",
            (cutoff, grace),
        ):
            pseudo = pseudonym(value)
            if held(pseudo):
                held_rows += int(count)
                continue
            deleted[pseudo] = deleted.get(pseudo, 0) + int(count)
            delete_values.append(value)
    hidden: dict[str, int] = {}
    hide_values: list[object] = []
    not_hidden = f" AND {restricted} IS NULL" if has_flag else ""
    for value, count in app.execute(
        f"SELECT {subject}, COUNT(*) FROM {table} WHERE {due}{not_hidden} GROUP BY {subject}",
        (cutoff,),
    ):
        pseudo = pseudonym(value)
        if held(pseudo):
            held_rows += int(count)
            continue
        hidden[pseudo] = hidden.get(pseudo, 0) + int(count)
        hide_values.append(value)
    if not dry_run:
        app.execute_many(
            f"DELETE FROM {table} WHERE {subject} = ? AND {due} AND {restricted} < ?",
            ((value, cutoff, grace) for value in delete_values),
        )
        app.execute_many(
            f"UPDATE {table} SET {restricted} = ? WHERE {subject} = ? AND {due}{not_hidden}",
            ((to_text(when), value, cutoff) for value in hide_values),
        )
    return RuleOutcome(
        rule_id=rule.id,
        activity_id=rule.activity,
        category=rule.category,
        rows_hidden=sum(hidden.values()),
        rows_deleted=sum(deleted.values()),
        rows_held=held_rows,
        subjects_hidden=frozenset(hidden),
        subjects_deleted=frozenset(deleted),
    )


def _skip(base: RuleOutcome, why: str) -> RuleOutcome:
    return RuleOutcome(
        rule_id=base.rule_id, activity_id=base.activity_id, category=base.category, skipped=why
    )


def _day_param(app: RegisterStore, day: date) -> object:
    """A day as the trigger column compares with it: ISO text on SQLite (dates are text
    there), a ``date`` on PostgreSQL (compares with date and timestamp columns)."""
    return day.isoformat() if app.dialect is Dialect.SQLITE else day


def _quote(name: str) -> str:
    return ".".join('"' + part.replace('"', '""') + '"' for part in name.split("."))


def _columns(app: RegisterStore, table: str) -> set[str]:
    if app.dialect is Dialect.SQLITE:
        return {str(r[1]) for r in app.execute(f"PRAGMA table_info({_quote(table)})")}
    schema, _, name = table.rpartition(".")
    rows = app.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
        "AND table_schema = " + ("?" if schema else "current_schema()"),
        (name, schema) if schema else (name,),
    )
    return {str(r[0]) for r in rows}


def _check_columns(app: RegisterStore, rule: RetentionRule) -> None:
    columns = _columns(app, rule.table)
    if not columns:
        raise MissingTableError(
            f"retention rule {rule.id}: table {rule.table} is not in the application database"
        )
    for column in (rule.subject_column, rule.trigger_column):
        if column not in columns:
            raise InputError(f"retention rule {rule.id}: table {rule.table} has no column {column}")
