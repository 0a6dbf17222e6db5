"""The disclosure ledger, holds, recalls and notices, on SQLite and PostgreSQL."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.errors import InputError
from sluis.keys import Key
from sluis.registers.disclosure import (
    Delivery,
    DeliveryHeldError,
    Hold,
    lift_hold,
    list_deliveries,
    list_holds,
    persons_disclosed,
    place_hold,
    record_delivery,
)
from sluis.registers.disclosure_recall import (
    InvalidTransitionError,
    NoticeKind,
    NoticeStatus,
    advance_notice,
    get_notice,
    list_notices,
    notify_erasure,
    recall,
)
from sluis.registers.pseudonym import subject_pseudonym
from sluis.registers.store import RegisterStore

CASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "disclosure_cases.yaml").read_text(encoding="utf-8")
)
KEY = Key(bytes(range(32)))
T0 = datetime(2025, 1, 10, 9, tzinfo=UTC)


def person(label: str) -> str:
    """The pseudonym of the synthetic person ``label`` (p1 → id 100000001)."""
    return subject_pseudonym(KEY, "bsn", str(100000000 + int(label[1:])))


def persons(labels: Sequence[str]) -> frozenset[str]:
    return frozenset(person(label) for label in labels)


def delivery(
    recipient: str = "A",
    *,
    batch: str = "b1",
    activity: str = "act1",
    categories: Sequence[str] = ("income",),
    at: datetime = T0,
    people: Sequence[str] = ("p1",),
) -> Delivery:
    return Delivery(
        recipient=recipient,
        recipient_oin=f"0000000{len(recipient)}00000000000",
        activity_id=activity,
        legal_basis="Participatiewet art. 64",
        channel="portal",
        batch=batch,
        categories=frozenset(categories),
        at=at,
        subjects=persons(people),
    )


def from_case(item: dict[str, Any]) -> Delivery:
    return delivery(
        item["recipient"],
        batch=item.get("batch", "b1"),
        activity=item["activity"],
        categories=item["categories"],
        at=datetime.fromisoformat(item["at"]) if "at" in item else T0,
        people=item["persons"],
    )


@dataclass
class MemoryRecorder:
    """Keeps every register change it is told about."""

    calls: list[tuple[str, str, str, tuple[str, ...]]] = field(default_factory=list)

    def record_change(
        self, *, register: str, action: str, activity_id: str, subject_ids: Sequence[str]
    ) -> None:
        self.calls.append((register, action, activity_id, tuple(subject_ids)))

    def actions(self) -> list[str]:
        return [call[1] for call in self.calls]


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RegisterStore]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'registers.db'}"
    else:
        url = request.getfixturevalue("pg_db")
    with RegisterStore.open(url) as opened:
        yield opened


@pytest.fixture
def ledger(store: RegisterStore) -> RegisterStore:
    for item in CASES["deliveries"]:
        record_delivery(store, from_case(item))
    return store


def test_filter_cases(ledger: RegisterStore) -> None:
    # One database for all cases: a fresh PostgreSQL database per case costs too much.
    for case in CASES["filters"]:
        where = dict(case["where"])
        for bound in ("since", "until"):
            if bound in where:
                where[bound] = datetime.fromisoformat(where[bound])
        if "subjects" in where:
            where["subjects"] = persons(where["subjects"])
        found = persons_disclosed(ledger, **where)
        expected = {name: set(persons(labels)) for name, labels in case["expect"].items()}
        assert found == expected, case["name"]


@pytest.mark.parametrize("case", CASES["holds"], ids=[c["name"] for c in CASES["holds"]])
def test_hold_scope(case: dict[str, Any]) -> None:
    scope = case["hold"]
    hold = Hold(
        id=1,
        reason="test",
        placed_at=T0,
        recipient=scope.get("recipient"),
        activity_id=scope.get("activity"),
        categories=frozenset(scope.get("categories", ())),
        subjects=persons(scope.get("persons", ())),
    )
    assert hold.covers(from_case(case["delivery"])) is case["covered"]


def test_delivery_is_stored_without_raw_ids(store: RegisterStore) -> None:
    recorder = MemoryRecorder()
    delivery_id = record_delivery(store, delivery(people=("p1", "p2")), recorder=recorder, now=T0)
    [listed] = list_deliveries(store)
    assert (listed.id, listed.persons, listed.batch) == (delivery_id, 2, "b1")
    assert listed.at == T0 and listed.categories == {"income"}
    assert recorder.calls == [
        ("disclosure", "deliver", "act1", tuple(sorted(persons(["p1", "p2"]))))
    ]
    stored = store.execute("SELECT subject FROM disclosure_subject")
    assert {s for (s,) in stored} == persons(["p1", "p2"])


def test_delivery_needs_a_category(store: RegisterStore) -> None:
    with pytest.raises(InputError, match="category"):
        record_delivery(store, delivery(categories=()))


def test_hold_refuses_delivery_until_lifted(store: RegisterStore) -> None:
    recorder = MemoryRecorder()
    hold = place_hold(store, reason="audit", recipient="CBS", recorder=recorder, now=T0)
    with pytest.raises(DeliveryHeldError, match=f"hold {hold.id}"):
        record_delivery(store, delivery("CBS"), recorder=recorder)
    assert list_deliveries(store) == []
    record_delivery(store, delivery("A"))  # another recipient is not held
    lift_hold(store, hold.id, reason="audit done", recorder=recorder)
    record_delivery(store, delivery("CBS"), recorder=recorder)
    assert recorder.actions() == ["hold", "hold-lift", "deliver"]
    assert list_holds(store) == []
    assert [h.id for h in list_holds(store, include_lifted=True)] == [hold.id]
    with pytest.raises(InputError, match="already lifted"):
        lift_hold(store, hold.id, reason="again")
    with pytest.raises(InputError, match="no hold 999"):
        lift_hold(store, 999, reason="none")


def test_recall_of_a_batch(store: RegisterStore) -> None:
    record_delivery(store, delivery("Gemeente A", people=("p1", "p2", "p3")))
    record_delivery(store, delivery("Gemeente B", people=("p3", "p4"), categories=("health",)))
    record_delivery(store, delivery("Gemeente A", batch="b2", people=("p5",)))
    recorder = MemoryRecorder()
    done = recall(store, reason="wrong amounts", batch="b1", recorder=recorder, now=T0)
    by_recipient = {n.recipient: n for n in done.notices}
    assert set(by_recipient) == {"Gemeente A", "Gemeente B"}
    assert by_recipient["Gemeente A"].subjects == persons(["p1", "p2", "p3"])
    assert by_recipient["Gemeente B"].subjects == persons(["p3", "p4"])
    assert all(n.status is NoticeStatus.SENT and n.kind is NoticeKind.RECALL for n in done.notices)
    assert "Art. 19" in by_recipient["Gemeente A"].describe()
    assert "3 persons" in by_recipient["Gemeente A"].describe()
    # The planned delivery of the same data to a statistics office is stopped ...
    with pytest.raises(DeliveryHeldError):
        record_delivery(store, delivery("Statistics office", batch="b9", people=("p8",)))
    # ... but another processing activity's delivery is not.
    record_delivery(store, delivery("Statistics office", activity="act2", people=("p8",)))
    assert recorder.actions() == ["hold", "recall"]
    assert set(recorder.calls[-1][3]) == persons(["p1", "p2", "p3", "p4"])
    assert list_notices(store, recall_id=done.id) == list(done.notices)
    for hold_id in done.hold_ids:
        lift_hold(store, hold_id, reason="corrected")
    record_delivery(store, delivery("Statistics office", batch="b9", people=("p8",)))


def test_recall_of_persons(store: RegisterStore) -> None:
    record_delivery(store, delivery("A", people=("p1", "p2")))
    record_delivery(store, delivery("B", batch="b2", people=("p2", "p3")))
    record_delivery(store, delivery("C", batch="b3", people=("p4",)))
    done = recall(store, reason="objection", subjects=persons(["p2", "p9"]), now=T0)
    assert {n.recipient: n.subjects for n in done.notices} == {
        "A": persons(["p2"]),
        "B": persons(["p2"]),
    }
    with pytest.raises(DeliveryHeldError):
        record_delivery(store, delivery("C", batch="b4", people=("p4", "p2")))
    record_delivery(store, delivery("C", batch="b4", people=("p4",)))


def test_recall_needs_a_match(store: RegisterStore) -> None:
    with pytest.raises(InputError, match="batch or a set of persons"):
        recall(store, reason="x")
    with pytest.raises(InputError, match="no delivery of batch"):
        recall(store, reason="x", batch="missing")
    record_delivery(store, delivery())
    with pytest.raises(InputError, match="nothing recalled"):
        recall(store, reason="x", subjects=persons(["p9"]))
    assert list_holds(store) == [] and list_notices(store) == []


def test_notice_transitions(store: RegisterStore) -> None:
    record_delivery(store, delivery(people=("p1",)))
    for case in CASES["transitions"]:
        [notice] = recall(store, reason=case["name"], batch="b1").notices
        recorder = MemoryRecorder()
        for step_number, step in enumerate(case["steps"], start=1):
            last = step_number == len(case["steps"])
            if last and "error" in case:
                with pytest.raises(InvalidTransitionError) as caught:
                    advance_notice(store, notice.id, NoticeStatus(step), recorder=recorder)
                assert case["error"] in str(caught.value), case["name"]
                break
            advance_notice(store, notice.id, NoticeStatus(step), recorder=recorder, now=T0)
        else:
            assert get_notice(store, notice.id).status.value == case["final"], case["name"]
        expected_calls = len(case["steps"]) - ("error" in case)
        assert len(recorder.calls) == expected_calls, case["name"]


def test_erasure_notices_go_to_recipients_of_the_persons(store: RegisterStore) -> None:
    record_delivery(store, delivery("A", people=("p1", "p2")))
    record_delivery(store, delivery("B", batch="b2", people=("p3",)))
    recorder = MemoryRecorder()
    notices = notify_erasure(
        store, persons(["p2", "p7"]), reason="retention", certificate_id=4, recorder=recorder
    )
    assert [(n.recipient, n.subjects, n.kind) for n in notices] == [
        ("A", persons(["p2"]), NoticeKind.ERASURE)
    ]
    assert notices[0].certificate_id == 4
    assert notify_erasure(store, persons(["p9"]), reason="retention") == []
    assert recorder.actions() == ["erasure-notice"]


LABELS = st.sampled_from([f"p{i}" for i in range(1, 8)])
DELIVERIES = st.lists(
    st.tuples(st.sampled_from(["A", "B", "C"]), st.sets(LABELS, min_size=1, max_size=4)),
    min_size=1,
    max_size=6,
)


@settings(max_examples=25, deadline=None)
@given(DELIVERIES, st.sets(LABELS, max_size=3))
def test_persons_disclosed_invariants(
    deliveries: list[tuple[str, set[str]]], wanted: set[str]
) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        RegisterStore.open(f"sqlite:///{folder}/r.db") as store,
    ):
        for number, (recipient, people) in enumerate(deliveries):
            record_delivery(store, delivery(recipient, batch=f"b{number}", people=sorted(people)))
        everything = persons_disclosed(store)
        expected: dict[str, set[str]] = {}
        for recipient, people in deliveries:
            expected.setdefault(recipient, set()).update(persons(sorted(people)))
        assert everything == expected
        narrowed = persons_disclosed(store, subjects=persons(sorted(wanted)))
        assert narrowed == {
            r: s & persons(sorted(wanted))
            for r, s in expected.items()
            if s & persons(sorted(wanted))
        }
        for recipient in expected:
            assert persons_disclosed(store, recipient=recipient) == {recipient: expected[recipient]}
