"""The access audit: who viewed, searched, exported, printed or changed whose data.

Each :class:`~sluis.registers.access.AccessRecord` is kept with one row per subject, so
"everything one employee viewed" and "every access to one person" are both index lookups.
Records link to the processing log by ``trace_id``. Subjects must be keyed pseudonyms;
the wire form (JSON) gives them as ``{"id_type": ..., "id": ...}`` under the same rule as
the processing log: any type but ``"pseudonym"`` is a raw id, pseudonymized on arrival.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sluis.keys import Key
from sluis.registers.access import AccessRecord, Action, Outcome
from sluis.registers.log_record import (
    MAX_TEXT,
    TRACE_ID,
    RecordError,
    Subject,
    parse_time,
    pseudonymize,
)
from sluis.registers.pseudonym import PSEUDONYM_HEX_DIGITS
from sluis.registers.store import RegisterStore, to_text

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS audit_access (id {serial}, trace_id TEXT NOT NULL,"
    " at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL, unit TEXT NOT NULL,"
    " action TEXT NOT NULL, outcome TEXT NOT NULL, data_categories TEXT NOT NULL,"
    " purpose TEXT NOT NULL, case_reason TEXT, authorization_rule TEXT, on_behalf_of TEXT,"
    " break_glass_reason TEXT, workstation TEXT, subject_count INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS audit_subjects (access_id {bigint} NOT NULL,"
    " position INTEGER NOT NULL, subject TEXT NOT NULL, PRIMARY KEY (access_id, subject))",
    "CREATE INDEX IF NOT EXISTS audit_access_actor ON audit_access (actor, at)",
    "CREATE INDEX IF NOT EXISTS audit_access_at ON audit_access (at)",
    "CREATE INDEX IF NOT EXISTS audit_access_trace ON audit_access (trace_id)",
    "CREATE INDEX IF NOT EXISTS audit_subjects_subject ON audit_subjects (subject)",
)
_COLUMNS = (
    "id, trace_id, at, actor, role, unit, action, outcome, data_categories, purpose,"
    " case_reason, authorization_rule, on_behalf_of, break_glass_reason, workstation"
)
_PSEUDONYM = re.compile(rf"[0-9a-f]{{{PSEUDONYM_HEX_DIGITS}}}")
_REQUIRED = ("actor", "role", "unit", "purpose")
_OPTIONAL = (
    "case_reason",
    "authorization_rule",
    "on_behalf_of",
    "break_glass_reason",
    "workstation",
)
_FIELDS = frozenset(
    {"trace_id", "at", "action", "outcome", "subjects", "data_categories", *_REQUIRED, *_OPTIONAL}
)


class AccessAudit:
    """The access audit in a :class:`RegisterStore` (created on first use)."""

    def __init__(self, store: RegisterStore) -> None:
        self.store = store
        store.ensure_schema(SCHEMA)

    def record(self, accesses: Sequence[AccessRecord]) -> int:
        """Write ``accesses`` in one durable transaction; all or nothing."""
        for n, access in enumerate(accesses, 1):
            check_access(access, f"access {n}")
        with self.store.transaction():
            for access in accesses:
                access_id = self.store.insert_returning_id(
                    "INSERT INTO audit_access (trace_id, at, actor, role, unit, action, outcome,"
                    " data_categories, purpose, case_reason, authorization_rule, on_behalf_of,"
                    " break_glass_reason, workstation, subject_count)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        access.trace_id,
                        to_text(access.at),
                        access.actor,
                        access.role,
                        access.unit,
                        str(access.action),
                        str(access.outcome),
                        json.dumps(list(access.data_categories)),
                        access.purpose,
                        access.case_reason,
                        access.authorization_rule,
                        access.on_behalf_of,
                        access.break_glass_reason,
                        access.workstation,
                        len(set(access.subjects)),
                    ),
                )
                self.store.execute_many(
                    "INSERT INTO audit_subjects (access_id, position, subject) VALUES (?, ?, ?)",
                    [(access_id, n, s) for n, s in enumerate(dict.fromkeys(access.subjects))],
                )
        return len(accesses)

    def by_actor(
        self, actor: str, since: datetime | None = None, until: datetime | None = None
    ) -> list[AccessRecord]:
        """Everything ``actor`` did in ``[since, until)``, oldest first."""
        where, params = _period(since, until)
        return self._select(f"actor = ?{where}", (actor, *params))

    def by_subject(self, subject: str) -> list[AccessRecord]:
        """Every access that touched pseudonymous subject ``subject``, oldest first."""
        return self._select(
            "id IN (SELECT access_id FROM audit_subjects WHERE subject = ?)", (subject,)
        )

    def by_trace(self, trace_id: str) -> list[AccessRecord]:
        return self._select("trace_id = ?", (trace_id,))

    def in_period(
        self,
        since: datetime | None = None,
        until: datetime | None = None,
        *,
        actions: Sequence[Action] = (),
        min_subjects: int = 0,
    ) -> list[AccessRecord]:
        """Accesses in ``[since, until)``; with ``actions`` and ``min_subjects`` those of
        one of the actions *or* touching at least ``min_subjects`` persons (bulk)."""
        where, params = _period(since, until)
        filters: list[str] = []
        values: list[object] = []
        if actions:
            filters.append(f"action IN ({', '.join('?' * len(actions))})")
            values.extend(str(a) for a in actions)
        if min_subjects:
            filters.append("subject_count >= ?")
            values.append(min_subjects)
        chosen = f" AND ({' OR '.join(filters)})" if filters else ""
        return self._select(f"1 = 1{where}{chosen}", (*params, *values))

    def _select(self, where: str, params: Sequence[object]) -> list[AccessRecord]:
        rows = self.store.execute(
            f"SELECT {_COLUMNS} FROM audit_access WHERE {where} ORDER BY at, id", params
        )
        subjects: dict[int, list[str]] = {}
        ids = [int(r[0]) for r in rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for access_id, subject in self.store.execute(
                "SELECT access_id, subject FROM audit_subjects WHERE access_id IN"
                f" ({', '.join('?' * len(chunk))}) ORDER BY position",
                chunk,
            ):
                subjects.setdefault(int(access_id), []).append(str(subject))
        return [
            AccessRecord(
                trace_id=r[1],
                at=datetime.fromisoformat(r[2]),
                actor=r[3],
                role=r[4],
                unit=r[5],
                action=Action(r[6]),
                outcome=Outcome(r[7]),
                subjects=tuple(subjects.get(int(r[0]), ())),
                data_categories=tuple(json.loads(r[8])),
                purpose=r[9],
                case_reason=r[10],
                authorization_rule=r[11],
                on_behalf_of=r[12],
                break_glass_reason=r[13],
                workstation=r[14],
            )
            for r in rows
        ]


def _period(since: datetime | None, until: datetime | None) -> tuple[str, list[object]]:
    where, params = "", list[object]()
    if since is not None:
        where += " AND at >= ?"
        params.append(to_text(since))
    if until is not None:
        where += " AND at < ?"
        params.append(to_text(until))
    return where, params


def check_access(access: AccessRecord, where: str = "access") -> None:
    """Refuse a record the audit cannot stand behind; the message names fields only."""

    def fail(field: str, problem: str) -> RecordError:
        return RecordError(f"{where}: {field} {problem}")

    if not TRACE_ID.fullmatch(access.trace_id):
        raise fail("trace_id", "must be 32 lower-case hex digits")
    if access.at.tzinfo is None:
        raise fail("at", "must carry a time zone")
    for name in _REQUIRED:
        value = getattr(access, name)
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
            raise fail(name, f"must be non-empty text of at most {MAX_TEXT} characters")
    for name in _OPTIONAL:
        value = getattr(access, name)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise fail(name, "must be non-empty text or absent")
    if not isinstance(access.action, Action) or not isinstance(access.outcome, Outcome):
        raise fail("action/outcome", "must be values of Action and Outcome")
    if not all(isinstance(s, str) and _PSEUDONYM.fullmatch(s) for s in access.subjects):
        raise fail("subjects", "must be keyed pseudonyms, never raw identifiers")
    if not all(isinstance(c, str) and c.strip() for c in access.data_categories):
        raise fail("data_categories", "must be non-empty texts")


def parse_access(data: Any, key: Key, where: str = "access") -> AccessRecord:
    """An :class:`AccessRecord` from its JSON wire form; subjects are pseudonymized."""

    def fail(field: str, problem: str) -> RecordError:
        return RecordError(f"{where}: {field} {problem}")

    if not isinstance(data, dict):
        raise fail("record", "must be a JSON object")
    unknown = sorted(str(k) for k in data if k not in _FIELDS)
    if unknown:
        raise fail(f"field '{unknown[0][:40]}'", "is not a field of an access record")
    try:
        action, outcome = (
            Action(str(data.get("action"))),
            Outcome(str(data.get("outcome", "granted"))),
        )
    except ValueError:
        raise fail(
            "action/outcome",
            "must be one of view, search, export, print, update / granted, denied, error",
        ) from None
    raw_subjects = data.get("subjects", [])
    if not isinstance(raw_subjects, list):
        raise fail("subjects", "must be a list of {id_type, id} objects")
    subjects = []
    for item in raw_subjects:
        if not isinstance(item, dict) or set(item) != {"id_type", "id"}:
            raise fail("subjects", "must be a list of {id_type, id} objects")
        subject = Subject(item["id_type"], item["id"])
        subjects.append(pseudonymize(subject, key, fail)[0])
    categories = data.get("data_categories", [])
    if not isinstance(categories, list):
        raise fail("data_categories", "must be a list of texts")
    trace = data.get("trace_id")
    if not isinstance(trace, str) or not TRACE_ID.fullmatch(trace):
        raise fail("trace_id", "must be 32 lower-case hex digits")
    access = AccessRecord(
        trace_id=trace,
        at=parse_time(data.get("at"), "at", fail),
        actor=data.get("actor", ""),
        role=data.get("role", ""),
        unit=data.get("unit", ""),
        action=action,
        outcome=outcome,
        subjects=tuple(subjects),
        data_categories=tuple(categories),
        purpose=data.get("purpose", ""),
        **{name: data.get(name) for name in _OPTIONAL},
    )
    check_access(access, where)
    return access
