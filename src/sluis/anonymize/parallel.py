"""Transform batches on worker processes while the caller reads and writes.

Operators are CPU-bound Python and Arrow code, so threads would share one interpreter
lock; worker processes each get every table's plan, the key and the source's known names
once, then receive batches. Results come back in source order with at most
``2 * workers`` batches in flight, so memory stays bounded by the batch size. Output is
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
        self, plans: Iterable[TablePlan], key: Key, known: KnownNames | None, workers: int
    ) -> None:
        self._plans = {plan.table.name: plan for plan in plans}
        self._key, self._known = key, known
        self.workers = max(1, workers)
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
        self, table: str, batches: Iterable[pa.RecordBatch], *, parallel: bool = True
    ) -> Iterator[pa.RecordBatch]:
        """Each batch of ``table`` transformed, in order; ``parallel=False`` for small tables."""
        plan = self._plans[table]
        if self.workers == 1 or not parallel:
            for batch in batches:
                yield plan.transform(batch, self._key, self._known)
            return
        pool = self._pool()
        pending: deque[Future[pa.RecordBatch]] = deque()
        for batch in batches:
            pending.append(pool.submit(_transform, table, batch))
            if len(pending) >= 2 * self.workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
