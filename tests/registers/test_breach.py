"""The breach register: the 72-hour clock, typed transitions, reasons, counts, change records."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.errors import InputError
from sluis.keys import Key
from sluis.registers.affected import AffectedPersons, Derivation
from sluis.registers.breach import (
    TRANSITIONS,
    Action,
    BreachError,
    BreachRegister,
    ReasonRequiredError,
    Status,
    export_json,
)
from sluis.registers.breach_notification import NotificationContent
from sluis.registers.pseudonym import subject_pseudonym
from sluis.registers.store import RegisterStore

AWARE = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
KEY = Key(bytes(range(32)))


def content(**changes: object) -> NotificationContent:
    base: dict[str, object] = {
        "summary": "A test copy of the production database was reachable from abroad.",
        "nature": ["confidentiality"],
        "cause": "not_anonymized",
        "data_categories": ["name_address", "bsn", "special.health"],
        "consequences": ["identity_fraud"],
        "consequences_explained": "Identity fraud with the BSN cannot be ruled out.",
        "measures_taken": "Access closed, copies removed.",
        "contact": {"organization": "Gemeente Voorbeeld", "name": "FG", "email": "fg@example.nl"},
    }
    base.update(changes)
    return NotificationContent.model_validate(base)


@dataclass
class Clock:
    now: datetime = AWARE + timedelta(hours=1)

    def __call__(self) -> datetime:
        return self.now


@dataclass
class MemoryRecorder:
    calls: list[tuple[str, str, str, tuple[str, ...]]] = field(default_factory=list)
    fail: bool = False

    def record_change(
        self, *, register: str, action: str, activity_id: str, subject_ids: Sequence[str]
    ) -> None:
        if self.fail:
            raise RuntimeError("processing log unavailable")
        self.calls.append((register, action, activity_id, tuple(subject_ids)))

    @property
    def actions(self) -> list[str]:
        return [c[1] for c in self.calls]


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RegisterStore]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'registers.db'}"
    else:
        url = request.getfixturevalue("pg_db")
    with RegisterStore.open(url) as opened:
        yield opened


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def recorder() -> MemoryRecorder:
    return MemoryRecorder()


@pytest.fixture
def register(store: RegisterStore, clock: Clock, recorder: MemoryRecorder) -> BreachRegister:
    return BreachRegister(store, recorder=recorder, clock=clock)


def persons(*bsns: str, kind: str = "ids", records: int | None = None) -> AffectedPersons:
    return AffectedPersons(
        frozenset(subject_pseudonym(KEY, "bsn", b) for b in bsns),
        Derivation(kind, f"{len(bsns)} test persons"),
        records,
    )


def test_the_clock_counts_down_from_aware_at_and_then_up(
    register: BreachRegister, clock: Clock
) -> None:
    breach = register.open("Test copy abroad", AWARE)
    assert breach.deadline == AWARE + timedelta(hours=72)
    assert breach.clock_text(AWARE + timedelta(hours=10, minutes=30)) == "61h 30m left"
    assert breach.clock_text(AWARE + timedelta(hours=80)) == "8h 00m late"
    clock.now = AWARE + timedelta(hours=70)
    notified = register.notify(breach.id, "AP-1", content())
    assert notified.status is Status.NOTIFIED and notified.preliminary is True
    # Once notified the clock stops: the text no longer depends on "now".
    assert notified.clock_text(AWARE + timedelta(days=30)) == "notified 2h 00m before the deadline"


def test_a_late_notification_needs_a_reason(
    register: BreachRegister, clock: Clock, recorder: MemoryRecorder
) -> None:
    breach = register.open("Late", AWARE)
    clock.now = AWARE + timedelta(hours=75)
    with pytest.raises(ReasonRequiredError, match="3h 00m after the 72-hour deadline"):
        register.notify(breach.id, "AP-2", content())
    assert register.get(breach.id).status is Status.OPEN
    assert recorder.actions == ["open"]
    with pytest.raises(ReasonRequiredError):
        register.notify(breach.id, "AP-2", content(), late_reason="   ")
    done = register.notify(breach.id, "AP-2", content(), late_reason="Found during handover.")
    assert done.late_reason == "Found during handover."
    exported = register.notification(breach.id)
    assert exported.late and exported.late_reason == "Found during handover."
    assert done.clock_text(clock.now) == "notified 3h 00m late"


def test_not_notifying_and_withdrawing_need_reasons(register: BreachRegister) -> None:
    first = register.open("Lost USB stick, encrypted", AWARE)
    with pytest.raises(ReasonRequiredError):
        register.not_notify(first.id, " ")
    decided = register.not_notify(first.id, "Encrypted with a strong key; no likely risk.")
    assert decided.status is Status.NOT_NOTIFIED and decided.reason is not None
    second = register.open("Mail to wrong address", AWARE)
    register.notify(second.id, "AP-3", content())
    with pytest.raises(ReasonRequiredError):
        register.withdraw(second.id, "")
    assert register.withdraw(second.id, "The recipient was entitled.").status is Status.WITHDRAWN


def test_every_change_is_recorded_with_the_persons_it_concerns(
    register: BreachRegister, recorder: MemoryRecorder
) -> None:
    breach = register.open("Recorded", AWARE)
    found = register.add_derived(breach.id, persons("111222333", "123456782"))
    register.notify(breach.id, "AP-4", content())
    register.supplement(breach.id, content(measures_planned="Contract changed."), final=True)
    register.record_letters(breach.id, "fa", 2)
    register.withdraw(breach.id, "Not a breach after all.")
    assert recorder.actions == ["open", "affected", "notify", "supplement", "inform", "withdraw"]
    assert {c[0] for c in recorder.calls} == {"breach"}
    assert recorder.calls[1][3] == tuple(sorted(found.subject_ids))
    assert all(c[3] == () for i, c in enumerate(recorder.calls) if i != 1)


def test_a_failing_recorder_undoes_the_change(
    register: BreachRegister, recorder: MemoryRecorder
) -> None:
    breach = register.open("Recorder down", AWARE)
    recorder.fail = True
    with pytest.raises(RuntimeError):
        register.notify(breach.id, "AP-5", content())
    assert register.get(breach.id).status is Status.OPEN
    assert [e.action for e in register.events(breach.id)] == [Action.OPEN]


def test_counts_fill_the_notification_and_must_agree_with_it(register: BreachRegister) -> None:
    breach = register.open("Counts", AWARE)
    register.add_derived(breach.id, persons("111222333", "123456782", kind="scan", records=5))
    register.add_derived(breach.id, persons("123456782", "010464554"))  # one overlaps
    assert register.get(breach.id).persons == 3
    with pytest.raises(BreachError, match="1-2 persons but 3"):
        register.notify(breach.id, "AP-6", content(persons={"minimum": 1, "maximum": 2}))
    with pytest.raises(BreachError, match="'bsn'"):
        register.notify(breach.id, "AP-6", content(data_categories=["name_address"]))
    register.notify(breach.id, "AP-6", content())
    exported = register.notification(breach.id)
    assert exported.content is not None and exported.content.persons is not None
    assert (exported.content.persons.minimum, exported.content.persons.maximum) == (3, 3)
    assert exported.content.records is not None and exported.content.records.maximum == 5
    text = export_json(exported)
    assert json.loads(text)["content"]["data_categories"] == [
        "name_address",
        "bsn",
        "special.health",
    ]
    for subject in register.subject_ids(breach.id):
        assert subject not in text


def test_a_complete_notification_needs_the_number_of_persons(register: BreachRegister) -> None:
    breach = register.open("Incomplete", AWARE)
    with pytest.raises(BreachError, match="number of persons"):
        register.notify(breach.id, "AP-7", content(), preliminary=False)
    done = register.notify(
        breach.id, "AP-7", content(persons={"minimum": 10, "maximum": 20}), preliminary=False
    )
    assert done.preliminary is False


def test_the_register_refuses_raw_identifiers() -> None:
    with pytest.raises(InputError, match="not a 32-hex-digit pseudonym"):
        AffectedPersons(frozenset({"111222333"}), Derivation("ids", "raw"))


def test_aware_at_needs_a_time_zone_and_lies_in_the_past(register: BreachRegister) -> None:
    with pytest.raises(BreachError, match="time zone"):
        register.open("Naive", datetime(2024, 3, 1, 9, 0))
    with pytest.raises(BreachError, match="future"):
        register.open("Future", AWARE + timedelta(days=1))


ACTIONS = [Action.NOTIFY, Action.SUPPLEMENT, Action.WITHDRAW, Action.NOT_NOTIFY]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(ACTIONS), max_size=6))
def test_status_follows_the_transition_table(actions: list[Action]) -> None:
    """Any sequence of actions: the register allows exactly what TRANSITIONS allows."""
    with tempfile.TemporaryDirectory() as folder:
        recorder = MemoryRecorder()
        with RegisterStore.open(f"sqlite:///{Path(folder) / 'r.db'}") as store:
            register = BreachRegister(store, recorder=recorder, clock=Clock())
            breach = register.open("Model", AWARE)
            status, done = Status.OPEN, 1
            for action in actions:
                allowed, target = TRANSITIONS[action]
                try:
                    if action is Action.NOTIFY:
                        register.notify(breach.id, "AP-8", content())
                    elif action is Action.SUPPLEMENT:
                        register.supplement(breach.id, content())
                    elif action is Action.WITHDRAW:
                        register.withdraw(breach.id, "reason")
                    else:
                        register.not_notify(breach.id, "reason")
                except BreachError:
                    assert status not in allowed
                else:
                    assert status in allowed
                    status, done = target, done + 1
                assert register.get(breach.id).status is status
            assert len(recorder.calls) == done
