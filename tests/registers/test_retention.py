"""Retention rules and runs against an application database, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from sluis.errors import InputError, MissingTableError
from sluis.keys import Key
from sluis.registers.disclosure import Delivery, record_delivery
from sluis.registers.disclosure_recall import NoticeKind, list_notices
from sluis.registers.pseudonym import subject_pseudonym
from sluis.registers.retention import (
    RESTRICTED_COLUMN,
    get_certificate,
    lift_legal_hold,
    list_certificates,
    list_legal_holds,
    place_legal_hold,
    run_retention,
)
from sluis.registers.retention_rules import (
    RetentionRule,
    RetentionRuleError,
    parse_rules,
    subtract_period,
)
from sluis.registers.store import Dialect, RegisterStore

CASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "retention_cases.yaml").read_text(encoding="utf-8")
)
KEY = Key(bytes(range(32)))
ACTIVITY = CASES["rule_defaults"]["activity"]
NOW = datetime(2025, 1, 1, 12, tzinfo=UTC)


def raw_id(label: str) -> str:
    return str(100000000 + int(label[1:]))


def person(label: str) -> str:
    return subject_pseudonym(KEY, "bsn", raw_id(label))


def persons(labels: Sequence[str]) -> frozenset[str]:
    return frozenset(person(label) for label in labels)


def rule(**overrides: Any) -> RetentionRule:
    return RetentionRule.model_validate({**CASES["rule_defaults"], **overrides})


@dataclass
class MemoryRecorder:
    calls: list[tuple[str, str, str, tuple[str, ...]]] = field(default_factory=list)
    fail_on: str | None = None

    def record_change(
        self, *, register: str, action: str, activity_id: str, subject_ids: Sequence[str]
    ) -> None:
        if action == self.fail_on:
            raise RuntimeError("processing log unavailable")
        self.calls.append((register, action, activity_id, tuple(subject_ids)))


@pytest.fixture(params=["sqlite", "postgresql"])
def stores(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[RegisterStore, RegisterStore]]:
    """(register, application database): two connections, as in production."""
    if request.param == "sqlite":
        register_url = f"sqlite:///{tmp_path / 'registers.db'}"
        app_url = f"sqlite:///{tmp_path / 'app.db'}"
    else:
        register_url = app_url = request.getfixturevalue("pg_db")
    with RegisterStore.open(register_url) as register, RegisterStore.open(app_url) as app:
        yield register, app


def make_clients(app: RegisterStore, rows: Sequence[Sequence[str | None]]) -> None:
    day = "DATE" if app.dialect is Dialect.POSTGRESQL else "TEXT"
    serial = app.ddl("{serial}")
    app.execute(f"CREATE TABLE clients (id {serial}, bsn TEXT, name TEXT, last_activity {day})")
    app.execute_many(
        "INSERT INTO clients (bsn, name, last_activity) VALUES (?, ?, ?)",
        ((raw_id(str(label)), "Synthetic Name", when) for label, when in rows),
    )


def left(app: RegisterStore) -> list[str]:
    labels = {raw_id(f"p{i}"): f"p{i}" for i in range(1, 10)}
    return sorted(labels[bsn] for (bsn,) in app.execute("SELECT bsn FROM clients"))


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_retention_case(stores: tuple[RegisterStore, RegisterStore], case: dict[str, Any]) -> None:
    register, app = stores
    make_clients(app, case["rows"])
    the_rule = rule(**case.get("rule", {}))
    for hold in case.get("holds", []):
        activity = hold.get("activity")
        place_legal_hold(
            register,
            reason="court case",
            subjects=persons(hold.get("persons", [])),
            activity_id=ACTIVITY if activity is True else activity,
        )
    for run in case["runs"]:
        if "hold_before" in run:
            place_legal_hold(register, reason="court case", subjects=persons(run["hold_before"]))
        now = datetime.fromisoformat(run["now"])
        planned = run_retention(register, app, [the_rule], KEY, dry_run=True, now=now)
        report = run_retention(register, app, [the_rule], KEY, now=now)
        [outcome] = report.outcomes
        assert planned.outcomes == report.outcomes, case["name"]
        assert outcome.subjects_hidden == persons(run["hidden"]), case["name"]
        assert outcome.subjects_deleted == persons(run["deleted"]), case["name"]
        assert outcome.rows_hidden == run.get("rows_hidden", len(run["hidden"])), case["name"]
        assert outcome.rows_deleted == run.get("rows_deleted", len(run["deleted"])), case["name"]
        assert outcome.rows_held == run.get("rows_held", 0), case["name"]
        if "skipped" in run:
            assert outcome.skipped is not None and run["skipped"] in outcome.skipped
        else:
            assert outcome.skipped is None, case["name"]
        assert left(app) == sorted(run["left"]), case["name"]


@pytest.mark.parametrize(
    "case", CASES["periods"], ids=[f"{c['day']}-{c['period']}" for c in CASES["periods"]]
)
def test_period_arithmetic(case: dict[str, str]) -> None:
    day = date.fromisoformat(case["day"])
    assert subtract_period(day, case["period"]) == date.fromisoformat(case["expect"])


@given(st.dates(min_value=date(1900, 1, 1)), st.integers(0, 600), st.sampled_from("dmy"))
def test_periods_go_back_and_never_skip_a_month(day: date, amount: int, unit: str) -> None:
    back = subtract_period(day, f"{amount}{unit}")
    assert back <= day
    if unit != "d":
        months = amount * (12 if unit == "y" else 1)
        assert (day.year * 12 + day.month) - (back.year * 12 + back.month) == months
        assert back.day == day.day or back.day < day.day


@pytest.mark.parametrize("case", CASES["bad_rules"], ids=[c["name"] for c in CASES["bad_rules"]])
def test_bad_rules_name_line_and_problem(case: dict[str, Any]) -> None:
    with pytest.raises(RetentionRuleError) as caught:
        parse_rules(case["text"], "retention.yaml")
    message = str(caught.value)
    assert f"retention.yaml:{case['line']}:" in message
    assert case["says"] in message


def test_good_rules_parse_to_typed_rules() -> None:
    text = yaml.safe_dump({"rules": [CASES["rule_defaults"]]})
    [parsed] = parse_rules(text)
    assert parsed.cutoff(NOW) == date(2020, 1, 1)
    assert parsed.grace_cutoff(NOW) == date(2024, 10, 3)
    assert parsed.subject_id_type == "bsn" and parsed.selection.value == "destroy"


def test_dry_run_changes_nothing(stores: tuple[RegisterStore, RegisterStore]) -> None:
    register, app = stores
    make_clients(app, [["p1", "2001-01-01"]])
    report = run_retention(register, app, [rule()], KEY, dry_run=True, now=NOW)
    assert report.dry_run and report.certificate_id is None
    assert report.outcomes[0].rows_hidden == 1
    columns = app.execute("SELECT * FROM clients")
    assert len(columns[0]) == 4  # no restriction column added
    assert list_certificates(register) == []


def test_certificate_and_erasure_notices(stores: tuple[RegisterStore, RegisterStore]) -> None:
    register, app = stores
    make_clients(app, [["p1", "2001-01-01"], ["p2", "2001-01-01"], ["p3", "2024-01-01"]])
    for recipient, people in (("Gemeente A", ["p1", "p3"]), ("Gemeente B", ["p3"])):
        record_delivery(
            register,
            Delivery(
                recipient=recipient,
                recipient_oin="00000001002220647000",
                activity_id=ACTIVITY,
                legal_basis="Participatiewet art. 64",
                channel="portal",
                batch="b1",
                categories=frozenset({"income"}),
                at=datetime(2020, 5, 1, tzinfo=UTC),
                subjects=persons(people),
            ),
        )
    recorder = MemoryRecorder()
    first = run_retention(register, app, [rule()], KEY, recorder=recorder, now=NOW)
    assert first.notices == ()  # hiding is not an erasure
    later = datetime(2025, 6, 1, tzinfo=UTC)
    second = run_retention(register, app, [rule()], KEY, recorder=recorder, now=later)
    assert second.certificate_id is not None
    certificate = get_certificate(register, second.certificate_id)
    [entry] = certificate["rules"]
    assert entry["rule"] == "clients-inactive" and entry["rows_deleted"] == 2
    assert set(entry["subjects_deleted"]) == persons(["p1", "p2"])
    assert certificate["issued_at"].startswith("2025-06-01")
    text = str(certificate)
    assert not any(raw_id(p) in text for p in ("p1", "p2", "p3")) and "Synthetic" not in text
    [notice] = second.notices
    assert (notice.recipient, notice.kind, notice.subjects) == (
        "Gemeente A",
        NoticeKind.ERASURE,
        persons(["p1"]),
    )
    assert certificate["erasure_notices"] == [notice.id]
    assert list_notices(register, certificate_id=second.certificate_id) == [notice]
    actions = [(c[0], c[1]) for c in recorder.calls]
    assert actions == [
        ("retention", "restrict"),
        ("retention", "erase"),
        ("disclosure", "erasure-notice"),
    ]
    assert set(recorder.calls[1][3]) == persons(["p1", "p2"])
    assert [c[0] for c in list_certificates(register)] == [1, 2]


def test_a_failure_rolls_back_the_whole_run(stores: tuple[RegisterStore, RegisterStore]) -> None:
    register, app = stores
    make_clients(app, [["p1", "2001-01-01"], ["p2", "2024-01-01"]])
    run_retention(register, app, [rule()], KEY, now=NOW)
    second = rule(id="second", period="1m")
    failing = MemoryRecorder(fail_on="erase")
    with pytest.raises(RuntimeError):
        run_retention(
            register,
            app,
            [rule(), second],
            KEY,
            recorder=failing,
            now=datetime(2026, 1, 1, tzinfo=UTC),
        )
    assert left(app) == ["p1", "p2"]
    restricted = app.execute(f"SELECT bsn FROM clients WHERE {RESTRICTED_COLUMN} IS NOT NULL")
    assert [b for (b,) in restricted] == [raw_id("p1")]
    assert len(list_certificates(register)) == 1


def test_rules_must_fit_the_application_database(
    stores: tuple[RegisterStore, RegisterStore],
) -> None:
    register, app = stores
    make_clients(app, [])
    with pytest.raises(MissingTableError, match="table nope"):
        run_retention(register, app, [rule(table="nope")], KEY, now=NOW)
    with pytest.raises(InputError, match="no column closed_on"):
        run_retention(register, app, [rule(trigger_column="closed_on")], KEY, now=NOW)


def test_legal_holds_are_listed_and_lifted(stores: tuple[RegisterStore, RegisterStore]) -> None:
    register, _ = stores
    recorder = MemoryRecorder()
    ids = place_legal_hold(
        register, reason="court", subjects=persons(["p1", "p2"]), recorder=recorder
    )
    [activity_hold] = place_legal_hold(register, reason="audit", activity_id=ACTIVITY)
    assert len(ids) == 2 and len(list_legal_holds(register)) == 3
    lift_legal_hold(register, activity_hold, recorder=recorder)
    assert {h.id for h in list_legal_holds(register)} == set(ids)
    assert [c[1] for c in recorder.calls] == ["legal-hold", "legal-hold-lift"]
    with pytest.raises(InputError, match="already lifted"):
        lift_legal_hold(register, activity_hold)
    with pytest.raises(InputError, match="persons, a processing activity"):
        place_legal_hold(register, reason="nothing")
