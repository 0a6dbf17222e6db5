"""Transform batches on worker processes while the caller reads and writes.

Operators are CPU-bound Python and Arrow code, so threads would share one interpreter
lock; worker processes each get every table's plan, the key and the source's known names
once, then receive pieces of batches (``PIECE_ROWS`` rows, fewer for a small table), small
enough that every worker stays busy to the end of a table even when rows cost very different
amounts (a note searched for names against an empty one). This process does the batch's
other columns in one call meanwhile. Results come back in source order with at most a batch
and ``2 * workers`` pieces in flight, so memory stays bounded by the batch size. Output is
identical to the single-process run: every operator is a pure function of key and value.

A table whose rules are all vectorized is transformed in this process, on a thread of its
own, while this thread reads the next batch and writes the last one; with more than one
worker, that batch's columns are transformed on as many threads at once (Arrow and polars
kernels let go of the interpreter lock).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from functools import partial

import pyarrow as pa

from sluis.anonymize.known import Known
from sluis.anonymize.operators._arrow import forget_fakes
from sluis.anonymize.plan import TablePlan
from sluis.keys import Key
from sluis.workers import StartingPool, TableShare, overlapped, piece_size

# Rows per piece sent to a worker (at most a batch; fewer for a small table, see
# ``piece_size``); a table of fewer than two pieces is done in place.
PIECE_ROWS = 16_384

_state: tuple[Mapping[str, TablePlan], Key, Known | None] | None = None


def _start(plans: Mapping[str, TablePlan], key: Key, known: Known | None) -> None:
    global _state
    _state = (plans, key, known)


def _transform_text(table: str, piece: pa.RecordBatch) -> list[pa.Array]:
    """In a worker: the replaced arrays of the piece's text columns."""
    assert _state is not None, "worker used before it was started"
    plans, key, known = _state
    plan = plans[table]
    return plan.transform_columns(piece, key, known, plan.text_columns)


def _text_only(batch: pa.RecordBatch, text_columns: tuple[int, ...]) -> pa.RecordBatch:
    """``batch`` with every column but the text ones emptied to a column of type null, which
    has no buffers to send: a text rule reads its own column only."""
    arrays = [
        column if i in text_columns else pa.nulls(batch.num_rows)
        for i, column in enumerate(batch.columns)
    ]
    return pa.RecordBatch.from_arrays(arrays, names=batch.schema.names)


class _Piece:
    """A piece in flight: its text columns on a worker, the others already done here."""

    def __init__(self, piece: pa.RecordBatch, text: Future[list[pa.Array]], others: list[pa.Array]):
        self.piece, self.text, self.others = piece, text, others

    def result(self, text_columns: tuple[int, ...]) -> pa.RecordBatch:
        from_worker = dict(zip(text_columns, self.text.result(), strict=True))
        others = iter(self.others)
        arrays = [
            from_worker[i] if i in from_worker else next(others)
            for i in range(self.piece.num_columns)
        ]
        return pa.RecordBatch.from_arrays(arrays, schema=self.piece.schema)


def on_workers(plan: TablePlan, rows: int, workers: int, piece_rows: int) -> bool:
    """Whether a table of ``rows`` rows goes to the workers: it has two pieces or more and
    columns whose rule searches text (vectorized operators are cheaper in place than the
    trip to a worker and back)."""
    pieces = rows >= 2 * piece_size(rows, workers, piece_rows)
    return workers > 1 and pieces and bool(plan.text_columns)


def _by_columns(
    plan: TablePlan,
    key: Key,
    known: Known | None,
    threads: ThreadPoolExecutor,
    batch: pa.RecordBatch,
) -> pa.RecordBatch:
    """:meth:`TablePlan.transform` with each column on a thread of ``threads``."""
    futures = [
        threads.submit(plan.transform_columns, batch, key, known, (i,))
        for i in range(batch.num_columns)
    ]
    return pa.RecordBatch.from_arrays([f.result()[0] for f in futures], schema=batch.schema)


class BatchPool:
    """A pool of ``workers`` processes; with one worker, batches are transformed in place."""

    def __init__(
        self,
        plans: Iterable[TablePlan],
        key: Key,
        known: Known | None,
        workers: int,
        piece_rows: int = PIECE_ROWS,
    ) -> None:
        self._plans = {plan.table.name: plan for plan in plans}
        self._key, self._known = key, known
        self.workers = max(1, workers)
        self.piece_rows = piece_rows
        self._pool = StartingPool(self.workers, _start, (self._plans, key, known))
        self._threads: ThreadPoolExecutor | None = None

    def __enter__(self) -> BatchPool:
        return self

    def __exit__(self, *_: object) -> None:
        forget_fakes()
        self._pool.close()
        if self._threads is not None:
            self._threads.shutdown(wait=True, cancel_futures=True)

    def start(self) -> None:
        """Start the workers now (once); until they answer, this process transforms the
        pieces. Without this call they start when a table's text proves worth it."""
        self._pool.start()

    def started(self) -> ProcessPoolExecutor | None:
        """The pool once every worker has answered, else None."""
        return self._pool.started()

    def transformed(
        self, table: str, batches: Iterable[pa.RecordBatch], rows: int
    ) -> Iterator[pa.RecordBatch]:
        """Each batch of ``table`` (``rows`` rows in all) transformed, in order; for a table
        :func:`on_workers`, its text columns go to the workers piece by piece while this
        process does the others."""
        plan = self._plans[table]
        text = plan.text_columns
        if not on_workers(plan, rows, self.workers, self.piece_rows):
            transform = partial(plan.transform, key=self._key, known=self._known)
            if text:  # searching text takes seconds a batch: here, so an interrupt stops it
                yield from map(transform, batches)
                return
            if self.workers > 1:
                if self._threads is None:
                    self._threads = ThreadPoolExecutor(self.workers, "sluis-column")
                transform = partial(_by_columns, plan, self._key, self._known, self._threads)
            yield from overlapped(transform, batches)
            return
        others = [i for i in range(len(plan.columns)) if i not in text]
        pending: deque[_Piece] = deque()
        share = TableShare(self._pool, rows, self.piece_rows)
        size = share.size
        for batch in batches:
            start, pool = 0, self.started()
            while pool is None and start < batch.num_rows:  # nothing in flight: order holds
                piece = batch.slice(start, share.rows_here(batch.num_rows - start))
                clock = time.perf_counter()
                done = plan.transform(piece, self._key, self._known)
                share.took(time.perf_counter() - clock, done.num_rows)
                yield done
                start += done.num_rows
                pool = self.started()
            if pool is None or start >= batch.num_rows:
                continue
            rest = batch.slice(start)
            offsets = range(0, rest.num_rows, size)
            sent = _text_only(rest, text)
            submitted = [pool.submit(_transform_text, table, sent.slice(o, size)) for o in offsets]
            # The vectorized columns in one call for the rest of the batch, not one per piece.
            done = plan.transform_columns(rest, self._key, self._known, others)
            for offset, text_future in zip(offsets, submitted, strict=True):
                piece = rest.slice(offset, size)
                pending.append(_Piece(piece, text_future, [a.slice(offset, size) for a in done]))
                if len(pending) >= 2 * self.workers:
                    yield pending.popleft().result(text)
        while pending:
            yield pending.popleft().result(text)
