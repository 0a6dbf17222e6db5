"""The questions the processing log and access audit answer; every answer is itself audited.

* a citizen's right of access (GDPR art. 15): dates, unit and purpose of every processing
  of their data, never an employee's name;
* an auditor: everything one employee did;
* a period: bulk and export activity.

Each query, before it returns, durably writes an :class:`AccessRecord` for the person
reading (the :class:`Reader`), so reading the log leaves a trace of its own; when that
write fails, no answer is returned.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from sluis.registers.access import AccessRecord, Action, Outcome
from sluis.registers.audit import AccessAudit
from sluis.registers.log_record import new_trace_id
from sluis.registers.processing_log import ProcessingLog
from sluis.registers.store import to_text

LOG_CATEGORY = "processing-log"
AUDIT_CATEGORY = "access-audit"
BULK_SUBJECTS = 50


@dataclass(frozen=True)
class Reader:
    """Who reads the log, and why; recorded with every query."""

    actor: str
    role: str
    unit: str
    purpose: str
    case_reason: str | None = None
    workstation: str | None = None
    on_behalf_of: str | None = None


@dataclass(frozen=True)
class CitizenEntry:
    """One processing of a citizen's data as they may see it: no employee, no system."""

    date: str
    unit: str | None
    purpose: str
    activity: str | None
    action: str | None


@dataclass(frozen=True)
class PeriodReport:
    since: str | None
    until: str | None
    records_per_activity: dict[str, int]
    bulk_and_export: list[AccessRecord]

    @property
    def actions(self) -> dict[str, int]:
        return dict(Counter(str(a.action) for a in self.bulk_and_export))


class LogQueries:
    """Audited reads over one log and its access audit."""

    def __init__(self, log: ProcessingLog, audit: AccessAudit, reader: Reader) -> None:
        self.log = log
        self.audit = audit
        self.reader = reader

    def _audit_read(self, action: Action, subjects: tuple[str, ...], categories: str) -> None:
        self.audit.record(
            [
                AccessRecord(
                    trace_id=new_trace_id(),
                    at=datetime.now(UTC),
                    actor=self.reader.actor,
                    role=self.reader.role,
                    unit=self.reader.unit,
                    action=action,
                    outcome=Outcome.GRANTED,
                    subjects=subjects,
                    data_categories=(categories,),
                    purpose=self.reader.purpose,
                    case_reason=self.reader.case_reason,
                    authorization_rule="sluis.log.read",
                    on_behalf_of=self.reader.on_behalf_of,
                    workstation=self.reader.workstation,
                )
            ]
        )

    def for_subject(self, subject: str) -> list[CitizenEntry]:
        """Every processing of pseudonymous ``subject``'s data, oldest first, for a citizen.

        Processing-log records give date, activity and its purpose; a granted access record
        with the same trace gives the unit. Accesses without a log record are listed too.
        """
        accesses = [a for a in self.audit.by_subject(subject) if a.outcome is Outcome.GRANTED]
        unit_of = {a.trace_id: a.unit for a in accesses}
        activities = {(a.uri, a.version): a for a in self.log.activities()}
        entries, traces = [], set()
        for stored in self.log.records("subject = ?", (subject,)):
            record = stored.record
            activity = activities.get((record.activity_id, stored.activity_version))
            traces.add(record.trace_id)
            entries.append(
                CitizenEntry(
                    date=record.start_time[:10],
                    unit=unit_of.get(record.trace_id),
                    purpose=activity.purpose if activity else "",
                    activity=activity.name if activity else None,
                    action=None,
                )
            )
        for access in accesses:
            if access.trace_id not in traces:
                entries.append(
                    CitizenEntry(
                        date=to_text(access.at)[:10],
                        unit=access.unit,
                        purpose=access.purpose,
                        activity=None,
                        action=str(access.action),
                    )
                )
        self._audit_read(Action.VIEW, (subject,), LOG_CATEGORY)
        return sorted(entries, key=lambda e: e.date)

    def for_actor(
        self, actor: str, since: datetime | None = None, until: datetime | None = None
    ) -> list[AccessRecord]:
        """Everything employee ``actor`` accessed in ``[since, until)``, for an auditor."""
        found = self.audit.by_actor(actor, since, until)
        self._audit_read(Action.SEARCH, (), AUDIT_CATEGORY)
        return found

    def for_period(
        self,
        since: datetime | None = None,
        until: datetime | None = None,
        bulk_subjects: int = BULK_SUBJECTS,
    ) -> PeriodReport:
        """Exports, prints and accesses touching ``bulk_subjects`` or more persons in
        ``[since, until)``, and the number of log records per processing activity."""
        where, params = "", list[object]()
        if since is not None:
            where, params = "start_time >= ?", [to_text(since)]
        if until is not None:
            where = f"{where} AND start_time < ?" if where else "start_time < ?"
            params.append(to_text(until))
        counts = Counter(s.record.activity_id for s in self.log.records(where, params))
        bulk = self.audit.in_period(
            since, until, actions=(Action.EXPORT, Action.PRINT), min_subjects=bulk_subjects
        )
        self._audit_read(Action.SEARCH, (), AUDIT_CATEGORY)
        return PeriodReport(
            since=to_text(since) if since else None,
            until=to_text(until) if until else None,
            records_per_activity=dict(sorted(counts.items())),
            bulk_and_export=bulk,
        )
