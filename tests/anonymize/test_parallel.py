"""The worker pool: pieces transformed on worker processes equal the single-process run."""

from __future__ import annotations

import itertools
import random
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sluis.anonymize.known import collect
from sluis.anonymize.operators._arrow import remembered
from sluis.anonymize.parallel import PIECE_ROWS, BatchPool
from sluis.anonymize.plan import TablePlan
from sluis.anonymize.runner import plan_for
from sluis.errors import SourceError
from sluis.keys import Key
from sluis.model.policy import Policy
from sluis.model.policy_file import parse_policy
from sluis.sources import open_source
from sluis.synth import identifiers
from sluis.workers import AHEAD, MIN_PIECE_ROWS, Pace, StartingPool, overlapped, piece_size

POLICY_TEXT = """
version: 1
tables:
  klanten:
    columns:
      id: {rule: keep, reason: "surrogate key"}
      bsn: {rule: pseudonymize, category: id.bsn}
      naam: {rule: fake, category: person.name}
      notitie: {rule: redact_text}
"""
POLICY = parse_policy(POLICY_TEXT, "test policy")
ROWS = 300
PIECE = 16


def _source(sqlite_db: Callable[..., Path], count: int = ROWS) -> Path:
    rng = random.Random(3)
    names = ["Jan de Vries", "Fatima El Amrani", "Kees Bakker", "Anna Jansen"]
    rows = [
        (i, identifiers.bsn(rng), names[i % 4], f"{names[i % 4]} belde over dossier {i}.")
        for i in range(count)
    ]
    return sqlite_db(
        "CREATE TABLE klanten (id INTEGER PRIMARY KEY, bsn TEXT, naam TEXT, notitie TEXT);",
        {"klanten": rows},
    )


def _transformed(
    path: Path,
    workers: int,
    policy: Policy = POLICY,
    piece_rows: int = PIECE,
    rows: int = ROWS,
    batch_rows: int = 100,
) -> list[pa.RecordBatch]:
    key = Key(bytes(range(32)))
    with open_source(str(path)) as source:
        plans = plan_for(source, policy)
        known = collect(source, policy, key)
        with BatchPool(plans, key, known, workers, piece_rows=piece_rows) as pool:
            if workers > 1 and any(plan.text_columns for plan in plans):
                pool.start()
                deadline = time.monotonic() + 120
                while pool.started() is None:
                    assert time.monotonic() < deadline, "the workers did not start"
                    time.sleep(0.05)
            batches = source.batches("klanten", batch_rows=batch_rows)
            return list(pool.transformed("klanten", batches, rows))


def test_pieces_on_workers_equal_the_single_process_run(
    sqlite_db: Callable[..., Path],
) -> None:
    path = _source(sqlite_db)
    alone = _transformed(path, 1)
    shared = _transformed(path, 2)
    # On the workers every batch of 100 rows went out in pieces of at most 16.
    assert max(b.num_rows for b in shared) == PIECE
    assert sum(b.num_rows for b in shared) == ROWS
    assert pa.Table.from_batches(shared).equals(pa.Table.from_batches(alone))


def test_a_table_smaller_than_two_whole_pieces_is_still_shared(
    sqlite_db: Callable[..., Path],
) -> None:
    path = _source(sqlite_db, 1_200)
    shared = _transformed(path, 2, piece_rows=PIECE_ROWS, rows=1_200, batch_rows=1_200)
    # In place the batch would come back whole; on the workers it went out in pieces.
    assert max(b.num_rows for b in shared) == piece_size(1_200, 2, PIECE_ROWS) < 1_200
    alone = _transformed(path, 1, piece_rows=PIECE_ROWS, rows=1_200, batch_rows=1_200)
    assert pa.Table.from_batches(shared).equals(pa.Table.from_batches(alone))


@pytest.mark.parametrize(
    ("rows", "workers", "piece_rows", "size"),
    [
        (2_000_000, 2, 16_384, 16_384),  # a big table: whole pieces
        (5_000, 2, 16_384, 625),  # a few thousand notes: four pieces per worker
        (5_000, 1, 16_384, 1_250),
        (1_000, 2, 16_384, MIN_PIECE_ROWS),  # no piece too small to be worth sending
        (1_000, 2, 16, 16),  # nor larger than asked
    ],
)
def test_piece_size(rows: int, workers: int, piece_rows: int, size: int) -> None:
    assert piece_size(rows, workers, piece_rows) == size


@given(st.integers(0, 10**8), st.integers(1, 64), st.integers(1, 10**6))
def test_pieces_keep_every_worker_busy_within_bounds(
    rows: int, workers: int, piece_rows: int
) -> None:
    size = piece_size(rows, workers, piece_rows)
    assert min(piece_rows, MIN_PIECE_ROWS) <= size <= piece_rows
    # Four pieces per worker at least, unless that would make a piece too small.
    assert size * 4 * workers >= rows or size == piece_rows


class _SlowStart(BatchPool):
    """A pool whose workers seem to start only after three pieces."""

    asked = 0

    def started(self) -> ProcessPoolExecutor | None:
        self.asked += 1
        if self.asked <= 3:
            return None
        deadline = time.monotonic() + 120
        while (pool := super().started()) is None:
            assert time.monotonic() < deadline, "the workers did not start"
            time.sleep(0.05)
        return pool


def test_pieces_done_here_while_workers_start_keep_their_order(
    sqlite_db: Callable[..., Path],
) -> None:
    path = _source(sqlite_db)
    key = Key(bytes(range(32)))
    with open_source(str(path)) as source:
        plans = plan_for(source, POLICY)
        known = collect(source, POLICY, key)
        with _SlowStart(plans, key, known, 2, piece_rows=PIECE) as pool:
            pool.start()
            batches = source.batches("klanten", batch_rows=100)
            mixed = list(pool.transformed("klanten", batches, ROWS))
    assert pa.Table.from_batches(mixed).equals(pa.Table.from_batches(_transformed(path, 1)))


def test_workers_do_not_start_for_text_done_here_in_a_moment(
    sqlite_db: Callable[..., Path],
) -> None:
    path = _source(sqlite_db, 600)
    key = Key(bytes(range(32)))
    with open_source(str(path)) as source:
        plans = plan_for(source, POLICY)
        known = collect(source, POLICY, key)
        with BatchPool(plans, key, known, 2) as pool:
            # Three pieces (256, 256, 88 rows): after the second, the last takes no time.
            alone = list(pool.transformed("klanten", source.batches("klanten"), 600))
            assert pool._pool._starter is None
    single = _transformed(path, 1, piece_rows=PIECE_ROWS, rows=600, batch_rows=600)
    assert pa.Table.from_batches(alone).equals(pa.Table.from_batches(single))


@pytest.mark.parametrize(
    ("pieces", "left", "starts"),
    [
        ([(0.1, 1_000), (0.1, 1_000)], 5_000, False),  # half a second left
        ([(0.1, 1_000), (0.5, 1_000)], 5_000, True),  # two and a half
        ([(3.0, 1_000), (0.1, 1_000)], 5_000, False),  # the first piece paid for warming up
        ([(3.0, 1_000)], 5_000, False),  # so one piece tells nothing
    ],
)
def test_workers_start_when_the_rest_would_take_over_a_second(
    pieces: list[tuple[float, int]], left: int, starts: bool
) -> None:
    pace = Pace()
    for seconds, rows in pieces:
        pace.add(seconds, rows)
    pool = StartingPool(2)
    try:
        pool.start_when_worth(pace, left)
        assert (pool._starter is not None) is starts
    finally:
        pool.close()


def test_remembered_fakes_are_dropped_when_the_run_ends(sqlite_db: Callable[..., Path]) -> None:
    _transformed(_source(sqlite_db), 1)  # names are faked through a memo during the run
    assert remembered.cache_info().currsize == 0


def _numbered(count: int) -> list[pa.RecordBatch]:
    return [pa.record_batch({"n": [i]}) for i in range(count)]


def test_vectorized_tables_are_transformed_on_a_thread_in_order() -> None:
    threads: set[str] = set()

    def doubled(batch: pa.RecordBatch) -> pa.RecordBatch:
        threads.add(threading.current_thread().name)
        return pa.record_batch({"n": pc.multiply(batch.column(0), 2)})

    out = list(overlapped(doubled, _numbered(7)))
    assert [b.column(0)[0].as_py() for b in out] == [2 * i for i in range(7)]
    assert threading.current_thread().name not in threads


@pytest.mark.parametrize("threads", [2, 3])
def test_several_threads_give_the_batches_back_in_order(threads: int) -> None:
    def slow_first(batch: pa.RecordBatch) -> pa.RecordBatch:
        if batch.column(0)[0].as_py() % threads == 0:
            time.sleep(0.01)  # the later batches on the other threads finish first
        return batch

    out = list(overlapped(slow_first, _numbered(12), threads))
    assert [b.column(0)[0].as_py() for b in out] == list(range(12))


@pytest.mark.parametrize("threads", [1, 3])
def test_the_threads_stay_a_bounded_number_of_batches_ahead(threads: int) -> None:
    read = 0

    def source() -> Iterator[pa.RecordBatch]:
        nonlocal read
        for batch in _numbered(50):
            read += 1
            yield batch

    stream = overlapped(lambda b: b, source(), threads)
    next(stream)
    assert read == threads * AHEAD
    stream.close()
    assert read == threads * AHEAD


def test_a_failing_transform_fails_the_stream() -> None:
    def failing(batch: pa.RecordBatch) -> pa.RecordBatch:
        if batch.column(0)[0].as_py() == 3:
            raise ValueError("no transform for this batch")
        return batch

    stream = overlapped(failing, _numbered(10))
    assert [b.column(0)[0].as_py() for b in itertools.islice(stream, 3)] == [0, 1, 2]
    with pytest.raises(ValueError, match="no transform"):
        next(stream)


def test_a_batch_in_another_column_order_stops_the_run(sqlite_db: Callable[..., Path]) -> None:
    with open_source(str(_source(sqlite_db))) as source:
        (plan,) = plan_for(source, POLICY)
        batch = next(iter(source.batches("klanten")))
    swapped = batch.select(["id", "naam", "bsn", "notitie"])  # the BSN under the name's rule
    with pytest.raises(SourceError, match="klanten: the source gave other columns"):
        plan.transform(swapped, Key(bytes(range(32))))


# The same table without free text: every rule vectorized.
VECTORIZED = parse_policy(
    POLICY_TEXT.replace("{rule: redact_text}", '{rule: "null"}'), "test policy"
)


def test_columns_of_a_vectorized_table_on_threads_equal_the_single_thread_run(
    sqlite_db: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _source(sqlite_db)
    alone = _transformed(path, 1, VECTORIZED)
    threads: set[str] = set()
    transform_columns = TablePlan.transform_columns

    def recorded(self: TablePlan, *args: object) -> list[pa.Array]:
        threads.add(threading.current_thread().name)
        return transform_columns(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(TablePlan, "transform_columns", recorded)
    shared = _transformed(path, 2, VECTORIZED)
    assert pa.Table.from_batches(shared).equals(pa.Table.from_batches(alone))
    assert any(name.startswith("sluis-column") for name in threads)
