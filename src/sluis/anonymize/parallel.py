"""Transform batches on worker processes while the caller reads and writes.

Operators are CPU-bound Python and Arrow code, so threads would share one interpreter
lock; worker processes each get every table's plan, the key and the source's known names
once, then receive pieces of batches (``PIECE_ROWS`` rows), small enough that every worker
stays busy to the end of a table even when rows cost very different amounts (a note
searched for names against an empty one). Results come back in source order with at most
``2 * workers`` pieces in flight, so memory stays bounded by the batch size. Output is
identical to the single-process run: every operator is a pure function of key and value.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor

import pyarrow as pa

from sluis.anonymize.known_names import KnownNames
from sluis.anonymize.plan import TablePlan
from sluis.keys import Key

# Rows per piece sent to a worker (at most a batch); a table of fewer than two pieces is
# done in place, as starting workers would cost more than it saves.
PIECE_ROWS = 16_384

_state: tuple[Mapping[str, TablePlan], Key, KnownNames | None] | None = None


def _start(plans: Mapping[str, TablePlan], key: Key, known: KnownNames | None) -> None:
    global _state
    _state = (plans, key, known)


def _transform(table: str, batch: pa.RecordBatch) -> pa.RecordBatch:
    assert _state is not None, "worker used before it was started"
    plans, key, known = _state
    return plans[table].transform(batch, key, known)


class BatchPool:
    """A pool of ``workers`` processes; with one worker, batches are transformed in place."""

    def __init__(
        self,
        plans: Iterable[TablePlan],
        key: Key,
        known: KnownNames | None,
        workers: int,
        piece_rows: int = PIECE_ROWS,
    ) -> None:
        self._plans = {plan.table.name: plan for plan in plans}
        self._key, self._known = key, known
        self.workers = max(1, workers)
        self.piece_rows = piece_rows
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> BatchPool:
        return self

    def __exit__(self, *_: object) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("forkserver"),
                initializer=_start,
                initargs=(self._plans, self._key, self._known),
            )
        return self._executor

    def transformed(
        self, table: str, batches: Iterable[pa.RecordBatch], rows: int
    ) -> Iterator[pa.RecordBatch]:
        """Each batch of ``table`` (``rows`` rows in all) transformed, in order; on the
        workers when the table has two pieces or more."""
        plan = self._plans[table]
        if self.workers == 1 or rows < 2 * self.piece_rows:
            for batch in batches:
                yield plan.transform(batch, self._key, self._known)
            return
        pool = self._pool()
        pending: deque[Future[pa.RecordBatch]] = deque()
        for batch in batches:
            for start in range(0, batch.num_rows, self.piece_rows):
                piece = batch.slice(start, self.piece_rows)
                pending.append(pool.submit(_transform, table, piece))
                if len(pending) >= 2 * self.workers:
                    yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
