"""The access audit and the audited queries, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from sluis.keys import Key
from sluis.registers.access import AccessRecord, Action, Outcome
from sluis.registers.audit import AccessAudit, parse_access
from sluis.registers.log_queries import LogQueries, Reader
from sluis.registers.log_record import LogEntry, RecordError, Subject
from sluis.registers.processing_log import ProcessingLog
from sluis.registers.pseudonym import subject_pseudonym

KEY = Key(bytes(range(32)))
ACTIVITY = "https://gemeente.example/rva/benefit-check"
BSN, OTHER = "111222333", "123456782"  # synthetic
ALICE = subject_pseudonym(KEY, "BSN", BSN)
BOB = subject_pseudonym(KEY, "BSN", OTHER)
T0 = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
OFFICER = Reader(actor="po-001", role="privacy officer", unit="Privacy", purpose="art. 15 request")


@pytest.fixture(params=["sqlite", "postgresql"])
def log(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ProcessingLog]:
    url = (
        str(tmp_path / "log.db") if request.param == "sqlite" else request.getfixturevalue("pg_db")
    )
    with ProcessingLog.open(url, KEY, create=True) as opened:
        opened.register_activity(ACTIVITY, "Benefit check", "Check the right to a benefit")
        yield opened


def access(**changes: Any) -> AccessRecord:
    base = AccessRecord(
        trace_id=TRACE,
        at=T0,
        actor="emp-042",
        role="case worker",
        unit="Benefits North",
        action=Action.VIEW,
        outcome=Outcome.GRANTED,
        subjects=(ALICE,),
        data_categories=("income",),
        purpose="benefit check",
        case_reason="case 2024-17",
        authorization_rule="caseload",
        workstation="ws-17",
    )
    return replace(base, **changes)


def test_records_round_trip_and_actor_queries(log: ProcessingLog) -> None:
    audit = AccessAudit(log.store)
    glass = access(
        trace_id="a" * 32,
        at=T0 + timedelta(days=1),
        action=Action.EXPORT,
        subjects=(ALICE, BOB),
        break_glass_reason="urgent appeal",
        on_behalf_of="emp-007",
    )
    other = access(trace_id="b" * 32, actor="emp-099", subjects=(BOB,))
    assert audit.record([access(), glass, other]) == 3
    assert audit.by_actor("emp-042") == [access(), glass]
    assert audit.by_actor("emp-042", since=T0 + timedelta(hours=1)) == [glass]
    assert audit.by_subject(BOB) == [other, glass]
    assert audit.by_trace(TRACE) == [access()]
    assert audit.in_period(actions=(Action.EXPORT,)) == [glass]
    assert audit.in_period(min_subjects=2) == [glass]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"trace_id": "xyz"}, "trace_id"),
        ({"at": datetime(2024, 5, 1, 9, 0)}, "at"),
        ({"actor": " "}, "actor"),
        ({"subjects": (BSN,)}, "subjects"),
        ({"break_glass_reason": ""}, "break_glass_reason"),
    ],
)
def test_bad_access_records_write_nothing(
    log: ProcessingLog, change: dict[str, Any], field: str
) -> None:
    audit = AccessAudit(log.store)
    with pytest.raises(RecordError, match=field) as caught:
        audit.record([access(), access(**change)])
    assert BSN not in str(caught.value)
    assert audit.by_actor("emp-042") == []


def test_wire_access_pseudonymizes_subjects() -> None:
    data = {
        "trace_id": TRACE,
        "at": "2024-05-01T11:00:00+02:00",
        "actor": "emp-042",
        "role": "case worker",
        "unit": "Benefits North",
        "action": "search",
        "subjects": [{"id_type": "BSN", "id": BSN}, {"id_type": "pseudonym", "id": BOB}],
        "data_categories": ["income"],
        "purpose": "benefit check",
    }
    parsed = parse_access(data, KEY)
    assert parsed.subjects == (ALICE, BOB)
    assert parsed.at == T0 and parsed.outcome is Outcome.GRANTED
    with pytest.raises(RecordError, match="action"):
        parse_access({**data, "action": "peek"}, KEY)
    with pytest.raises(RecordError, match="field"):
        parse_access({**data, "bsn": BSN}, KEY)


def test_citizen_view_shows_unit_and_purpose_never_employees(log: ProcessingLog) -> None:
    audit = AccessAudit(log.store)
    log.append(
        [
            LogEntry(
                name="lookup",
                activity_id=ACTIVITY,
                start_time=T0,
                end_time=T0,
                subject=Subject("BSN", BSN),
                trace_id=TRACE,
            )
        ]
    )
    audit.record(
        [
            access(),
            access(trace_id="c" * 32, at=T0 + timedelta(days=2), action=Action.PRINT),
            access(trace_id="d" * 32, outcome=Outcome.DENIED),
            access(trace_id="e" * 32, subjects=(BOB,)),
        ]
    )
    entries = LogQueries(log, audit, OFFICER).for_subject(ALICE)
    assert [(e.date, e.unit, e.purpose, e.activity, e.action) for e in entries] == [
        ("2024-05-01", "Benefits North", "Check the right to a benefit", "Benefit check", None),
        ("2024-05-03", "Benefits North", "benefit check", None, "print"),
    ]
    assert "emp-042" not in repr(entries) and "ws-17" not in repr(entries)


def test_reading_is_itself_audited(log: ProcessingLog) -> None:
    audit = AccessAudit(log.store)
    audit.record([access(action=Action.EXPORT, subjects=(ALICE, BOB))])
    queries = LogQueries(log, audit, OFFICER)
    queries.for_subject(ALICE)
    assert [a.action for a in queries.for_actor("emp-042")] == [Action.EXPORT]
    report = queries.for_period(T0 - timedelta(days=1), T0 + timedelta(days=1), bulk_subjects=2)
    assert report.actions == {"export": 1}
    reads = audit.by_actor("po-001")
    assert [(r.action, r.subjects, r.data_categories) for r in reads] == [
        (Action.VIEW, (ALICE,), ("processing-log",)),
        (Action.SEARCH, (), ("access-audit",)),
        (Action.SEARCH, (), ("access-audit",)),
    ]
    assert all(r.purpose == "art. 15 request" and r.unit == "Privacy" for r in reads)
    # The officer's own look-up now shows in the citizen's view: unit and purpose only.
    later = LogQueries(log, audit, OFFICER).for_subject(ALICE)
    assert ("Privacy", "art. 15 request") in [(e.unit, e.purpose) for e in later]
