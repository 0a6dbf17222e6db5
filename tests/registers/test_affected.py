"""Affected persons come from data: a scan of the leaked dataset, a list of ids, the
disclosure ledger or the processing log."""

from __future__ import annotations

import random
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.errors import InputError
from sluis.keys import Key
from sluis.registers.affected import (
    FunctionSource,
    IdListSource,
    LedgerFilter,
    LedgerSource,
    LogSource,
    ScanSource,
)
from sluis.registers.breach import BreachRegister
from sluis.registers.disclosure import Delivery, record_delivery
from sluis.registers.log_record import LogEntry, Subject
from sluis.registers.processing_log import LogStateError, ProcessingLog
from sluis.registers.pseudonym import subject_pseudonym
from sluis.registers.store import RegisterStore

KEY = Key(bytes(range(32)))


def bsn_from(seed: int) -> str:
    """A synthetic nine-digit number that passes the 11-proef."""
    rng = random.Random(seed)
    while True:
        digits = [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(7)]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)


BSNS = [bsn_from(n) for n in range(6)]
NOT_A_BSN = "123456789"  # fails the 11-proef
# Rows of the leaked table: (id, bsn column, free-text note, amount)
ROWS = [
    (1, BSNS[0], "called back", 12.5),
    (2, BSNS[1], f"partner has bsn {BSNS[2]}", 3.0),
    (3, NOT_A_BSN, "no valid number here", 1.0),
    (4, BSNS[0], "second record of the same person", 2.0),
    (5, None, f"BSN: {BSNS[3]}", 4.0),
    (6, None, "nothing", 5.0),
]
EXPECTED = frozenset(subject_pseudonym(KEY, "bsn", b) for b in BSNS[:4])
EXPECTED_RECORDS = 4


def _sqlite(tmp_path: Path) -> str:
    path = tmp_path / "leaked.db"
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE clients (id INTEGER PRIMARY KEY, bsn TEXT, note TEXT, amount REAL)"
        )
        db.executemany("INSERT INTO clients VALUES (?, ?, ?, ?)", ROWS)
    return f"sqlite:///{path}"


def _table() -> pa.Table:
    columns = list(zip(*ROWS, strict=True))
    return pa.table(
        {
            "id": pa.array(columns[0], pa.int64()),
            "bsn": pa.array(columns[1], pa.string()),
            "note": pa.array(columns[2], pa.string()),
            "amount": pa.array(columns[3], pa.float64()),
        }
    )


def _parquet(tmp_path: Path) -> str:
    (tmp_path / "leak").mkdir()
    pq.write_table(_table(), tmp_path / "leak" / "clients.parquet")
    return f"parquet:{tmp_path / 'leak'}"


def _csv(tmp_path: Path) -> str:
    folder = tmp_path / "leakcsv"
    folder.mkdir()
    lines = ["id,bsn,note,amount"] + [f"{i},{b or ''},{n},{a}" for i, b, n, a in ROWS]
    (folder / "clients.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f"csv:{folder}"


def _postgres(tmp_path: Path, url: str) -> str:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "CREATE TABLE clients (id INTEGER PRIMARY KEY, bsn TEXT, note TEXT, amount REAL)"
        )
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO clients VALUES (%s, %s, %s, %s)", ROWS)
    return url


MAKERS: dict[str, Callable[[Path], str]] = {"sqlite": _sqlite, "parquet": _parquet, "csv": _csv}


@pytest.mark.parametrize("kind", ["sqlite", "parquet", "csv", "postgresql"])
def test_a_scan_finds_every_valid_bsn_in_cells_and_text(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if kind == "postgresql":
        url = _postgres(tmp_path, request.getfixturevalue("pg_db"))
    else:
        url = MAKERS[kind](tmp_path)
    found = ScanSource(url, KEY, batch_rows=2).derive()
    assert found.subject_ids == EXPECTED
    assert found.records == EXPECTED_RECORDS
    assert found.derivation.kind == "scan"
    description = found.derivation.description
    assert "4 records with a valid BSN, 4 distinct persons" in description
    assert "clients.bsn" in description and "clients.note" in description
    assert not any(b in description for b in [*BSNS, NOT_A_BSN])


def test_a_scan_can_be_narrowed_to_tables(tmp_path: Path) -> None:
    url = _sqlite(tmp_path)
    with pytest.raises(InputError, match="'nope' is not in the dataset"):
        ScanSource(url, KEY, tables=("nope",)).derive()
    assert ScanSource(url, KEY, tables=("clients",)).derive().persons == 4


def test_an_id_list_is_pseudonymized_and_checked(tmp_path: Path) -> None:
    good = tmp_path / "ids.txt"
    good.write_text(f"# affected\n{BSNS[0]}\n\n{BSNS[1]}\n{BSNS[0]}\n", encoding="utf-8")
    found = IdListSource(good, KEY).derive()
    assert found.subject_ids == {subject_pseudonym(KEY, "bsn", b) for b in BSNS[:2]}
    assert found.records is None
    assert "3 lines, 2 distinct persons" in found.derivation.description
    bad = tmp_path / "bad.txt"
    bad.write_text(f"{BSNS[0]}\n{NOT_A_BSN}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"lines 2\)") as caught:
        IdListSource(bad, KEY).derive()
    assert NOT_A_BSN not in str(caught.value)


def test_a_function_is_a_source_and_raw_ids_are_refused() -> None:
    pseudonyms = {subject_pseudonym(KEY, "bsn", b) for b in BSNS[:3]}
    source = FunctionSource("ledger", "disclosed to a municipality", lambda: pseudonyms)
    assert source.derive().persons == 3
    raw = FunctionSource("ledger", "raw ids by mistake", lambda: BSNS[:1])
    with pytest.raises(InputError, match="pseudonym") as caught:
        raw.derive()
    assert BSNS[0] not in str(caught.value)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10_000), max_size=20))
def test_an_id_list_gives_one_pseudonym_per_distinct_person(seeds: list[int]) -> None:
    bsns = [bsn_from(s) for s in seeds]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ids.txt"
        path.write_text("\n".join(bsns) + "\n", encoding="utf-8")
        found = IdListSource(path, KEY).derive()
    assert found.persons == len(set(bsns))
    assert found.subject_ids == {subject_pseudonym(KEY, "bsn", b) for b in bsns}


def test_case_numbers_that_pass_the_eleven_proof_are_not_persons(tmp_path: Path) -> None:
    url = _sqlite(tmp_path)
    numbers = [(n,) for n in range(200_000_000, 200_000_060)]  # issued in sequence
    with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
        db.execute("CREATE TABLE zaken (zaaknummer INTEGER)")
        db.executemany("INSERT INTO zaken VALUES (?)", numbers)
    found = ScanSource(url, KEY).derive()
    assert found.subject_ids == EXPECTED
    assert "zaken" not in found.derivation.description


# -- the disclosure ledger and the processing log ------------------------------------------

ACT_BENEFITS = "https://example.org/act/benefits"
ACT_PERMITS = "https://example.org/act/permits"
PEOPLE = [bsn_from(100 + n) for n in range(6)]


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def pseudonyms(indexes: set[int]) -> frozenset[str]:
    return frozenset(subject_pseudonym(KEY, "bsn", PEOPLE[i]) for i in indexes)


# (recipient, activity, batch, categories, time, persons)
DELIVERIES = [
    ("Gemeente A", ACT_BENEFITS, "2024-03", {"income"}, "2024-03-05T10:00", {0, 1, 2}),
    ("Gemeente B", ACT_BENEFITS, "2024-03", {"income", "address"}, "2024-03-06T10:00", {2, 3}),
    ("CBS", ACT_PERMITS, "2024-04", {"address"}, "2024-04-02T10:00", {4}),
]


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
    for recipient, activity, batch, categories, moment, persons in DELIVERIES:
        delivery = Delivery(
            recipient=recipient,
            recipient_oin="00000001002220647000",
            activity_id=activity,
            legal_basis="Participatiewet art. 64",
            channel="portal",
            batch=batch,
            categories=frozenset(categories),
            at=at(moment),
            subjects=pseudonyms(persons),
        )
        record_delivery(store, delivery)
    return store


LEDGER_CASES = [
    (LedgerFilter(batch="2024-03"), {0, 1, 2, 3}, 2),
    (LedgerFilter(recipient="Gemeente B"), {2, 3}, 1),
    (LedgerFilter(activity_id=ACT_PERMITS), {4}, 1),
    (LedgerFilter(since=at("2024-03-06T10:00")), {2, 3, 4}, 2),
    (LedgerFilter(until=at("2024-03-06T10:00")), {0, 1, 2}, 1),
    (LedgerFilter(categories=("address",)), {2, 3, 4}, 2),
    (LedgerFilter(batch="2024-03", categories=("address",)), {2, 3}, 1),
    (LedgerFilter(since=at("2024-05-01T00:00")), set(), 0),
]


def test_the_ledger_gives_the_persons_of_the_selected_deliveries(ledger: RegisterStore) -> None:
    # One database for all cases: a fresh PostgreSQL database per case costs too much.
    for number, (filters, expected, recipients) in enumerate(LEDGER_CASES):
        found = LedgerSource(ledger, filters).derive()
        assert found.subject_ids == pseudonyms(expected), f"case {number}"
        assert found.records is None and found.derivation.kind == "ledger"
        description = found.derivation.description
        assert f"{recipients} recipient{'s' * (recipients != 1)}, " in description
        assert f" {len(expected)} distinct person{'s' * (len(expected) != 1)}" in description
        assert not any(p in description for p in [*PEOPLE, *found.subject_ids])


def test_the_ledger_description_names_the_filters(ledger: RegisterStore) -> None:
    filters = LedgerFilter(batch="2024-03", categories=("income",), until=at("2024-03-06T00:00"))
    description = LedgerSource(ledger, filters).derive().derivation.description
    assert description == (
        "disclosure ledger, deliveries with batch '2024-03'; categories income; before "
        "2024-03-06 00:00 UTC: 1 recipient, 3 distinct persons; persons per recipient: "
        "Gemeente A 3"
    )


def test_the_ledger_needs_a_filter_and_known_names(ledger: RegisterStore) -> None:
    with pytest.raises(InputError, match="at least one filter"):
        LedgerFilter()
    with pytest.raises(InputError, match="batch '2099-01'"):
        LedgerSource(ledger, LedgerFilter(batch="2099-01")).derive()
    with pytest.raises(InputError, match="no delivery to 'Gemeente Z'"):
        LedgerSource(ledger, LedgerFilter(recipient="Gemeente Z")).derive()
    with pytest.raises(InputError, match="ends before it starts"):
        LedgerFilter(since=at("2024-03-02T00:00"), until=at("2024-03-01T00:00"))


# (activity, time, subject: index into PEOPLE written as a dotted BSN, or a pseudonym
# ("p", index), or None)
LOG_ENTRIES: list[tuple[str, str, int | tuple[str, int] | None]] = [
    (ACT_BENEFITS, "2024-02-10T10:00", 0),
    (ACT_BENEFITS, "2024-03-10T10:00", 1),
    (ACT_BENEFITS, "2024-03-11T10:00", 1),
    (ACT_PERMITS, "2024-03-10T10:00", 2),
    (ACT_BENEFITS, "2024-03-10T11:00", None),
    (ACT_BENEFITS, "2024-03-12T10:00", ("p", 3)),
]


def dotted(bsn: str) -> str:
    """A BSN as people write it: ``1234.56.782``; the pseudonym is that of the bare number."""
    return f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}"


def _subject(spec: int | tuple[str, int] | None) -> Subject | None:
    if spec is None:
        return None
    if isinstance(spec, tuple):
        return Subject("pseudonym", subject_pseudonym(KEY, "bsn", PEOPLE[spec[1]]))
    return Subject("BSN", dotted(PEOPLE[spec]))


@pytest.fixture
def log(store: RegisterStore) -> ProcessingLog:
    opened = ProcessingLog.create(store, KEY)
    opened.register_activity(ACT_BENEFITS, "Benefit check", "Check the right to a benefit")
    opened.register_activity(ACT_PERMITS, "Permits", "Decide on permits")
    opened.append(
        [
            LogEntry(name="lookup", activity_id=a, start_time=at(t), end_time=at(t), subject=s)
            for a, t, s in ((a, t, _subject(spec)) for a, t, spec in LOG_ENTRIES)
        ]
    )
    return opened


LOG_CASES = [
    (ACT_BENEFITS, None, None, {0, 1, 3}, 4),
    (ACT_BENEFITS, "2024-03-01T00:00", None, {1, 3}, 3),
    (ACT_BENEFITS, None, "2024-03-01T00:00", {0}, 1),
    (ACT_BENEFITS, "2024-03-11T00:00", "2024-03-12T00:00", {1}, 1),
    (ACT_PERMITS, None, None, {2}, 1),
]


def test_the_log_gives_the_persons_processed_under_an_activity(log: ProcessingLog) -> None:
    for activity, since, until, expected, records in LOG_CASES:
        source = LogSource(
            log.store, activity, at(since) if since else None, at(until) if until else None
        )
        found = source.derive()
        assert found.subject_ids == pseudonyms(expected), f"{activity} {since} {until}"
        assert found.records is None and found.derivation.kind == "processing-log"
        description = found.derivation.description
        counts = f"{records} record{'s' * (records != 1)} about {len(expected)} distinct person"
        assert counts in description
        assert not any(p in description for p in [*PEOPLE, *found.subject_ids])
    described = LogSource(log.store, ACT_BENEFITS).derive().derivation.description
    assert described == (
        f"processing log, activity '{ACT_BENEFITS}', records starting at any time: 4 records "
        "about 3 distinct persons (subject id types: BSN 3, pseudonym 1)"
    )


def test_a_person_in_the_log_and_in_an_id_list_counts_once(
    log: ProcessingLog, tmp_path: Path
) -> None:
    # The log holds PEOPLE[0] under a dotted BSN, the id list under the bare number.
    ids = tmp_path / "ids.txt"
    ids.write_text(f"{PEOPLE[0]}\n{PEOPLE[5]}\n", encoding="utf-8")
    register = BreachRegister(log.store, clock=lambda: at("2024-03-20T09:00"))
    breach = register.open("Benefit application reachable", at("2024-03-20T08:00"))
    register.add_affected(breach.id, LogSource(log.store, ACT_BENEFITS, None, at("2024-03-01")))
    register.add_affected(breach.id, IdListSource(ids, KEY))
    assert register.get(breach.id).persons == 2
    assert set(register.subject_ids(breach.id)) == pseudonyms({0, 5})


def test_the_log_source_refuses_a_missing_log_or_an_unknown_activity(
    store: RegisterStore, tmp_path: Path
) -> None:
    with pytest.raises(LogStateError, match="'sluis log init'"):
        LogSource(store, ACT_BENEFITS).derive()
    ProcessingLog.create(store, KEY).register_activity(ACT_PERMITS, "Permits", "Decide")
    with pytest.raises(InputError, match="not in the processing log's register"):
        LogSource(store, ACT_BENEFITS).derive()
    with pytest.raises(InputError, match="ends before it starts"):
        LogSource(store, ACT_PERMITS, at("2024-03-02T00:00"), at("2024-03-02T00:00")).derive()
    assert LogSource(store, ACT_PERMITS).derive().persons == 0


def test_the_log_source_says_when_retention_deleted_records(log: ProcessingLog) -> None:
    assert log.delete_payloads(at("2024-03-01T00:00")) == 1
    found = LogSource(log.store, ACT_BENEFITS).derive()
    assert found.subject_ids == pseudonyms({1, 3})
    # The log keeps no time of a deleted record: it started before the oldest one left.
    assert found.derivation.description.endswith(
        "; retention deleted 1 record of the log that started before 2024-03-10 10:00 UTC, "
        "whose persons cannot be counted"
    )
    maybe = LogSource(log.store, ACT_BENEFITS, since=at("2024-03-05T00:00")).derive()
    assert "retention deleted 1 record" in maybe.derivation.description
    later = LogSource(log.store, ACT_BENEFITS, since=at("2024-03-10T10:00")).derive()
    assert "retention" not in later.derivation.description
    assert later.subject_ids == pseudonyms({1, 3})


@settings(max_examples=15, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=50), max_size=8),
    st.lists(st.integers(min_value=0, max_value=50), max_size=8),
)
def test_log_and_id_list_pseudonyms_join(logged: list[int], listed: list[int]) -> None:
    """Whatever the overlap, the union counts each person once."""
    moment = at("2024-03-10T10:00")
    with (
        tempfile.TemporaryDirectory() as folder,
        RegisterStore.open(f"sqlite:///{Path(folder) / 'r.db'}") as store,
    ):
        log = ProcessingLog.create(store, KEY)
        log.register_activity(ACT_BENEFITS, "Benefit check", "Check")
        log.append(
            [
                LogEntry("lookup", ACT_BENEFITS, moment, moment, Subject("BSN", bsn_from(n)))
                for n in logged
            ]
        )
        ids = Path(folder) / "ids.txt"
        ids.write_text("".join(f"{bsn_from(n)}\n" for n in listed), encoding="utf-8")
        union = LogSource(store, ACT_BENEFITS).derive().subject_ids
        union |= IdListSource(ids, KEY).derive().subject_ids
    assert len(union) == len(set(logged) | set(listed))
