"""Worker processes for CPU-bound batches: anonymize's transforms and verify's leak check.

Workers are forked from one server process (the ``forkserver`` start method), so they inherit
no threads or open connections. Importing the operators and detectors takes over a second;
:func:`warm_up` has that server import them once, in the background, as soon as a run knows
it will need workers, and every pool after it starts in milliseconds. A pool
(:class:`StartingPool`) starts on a thread while its caller does the first pieces itself, and
:func:`piece_size` cuts a small table fine enough to keep every worker busy.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import forkserver
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

# What the server imports before it forks: everything a worker runs (an import that fails
# is skipped by the server, and the worker imports it itself).
_PRELOAD = ["sluis.anonymize.parallel", "sluis.verify.checks.leak"]

_In = TypeVar("_In")
_Out = TypeVar("_Out")


def start_method() -> BaseContext:
    """The start method every worker pool uses."""
    forkserving = multiprocessing.get_context("forkserver")
    forkserving.set_forkserver_preload(_PRELOAD)
    return forkserving


def warm_up() -> None:
    """Start the server now (a no-op once it runs); pools made later fork from it."""
    start_method()
    forkserver.ensure_running()


# A table is cut into this many pieces per worker at least, so that the workers finish it
# together; but no piece is smaller than ``MIN_PIECE_ROWS``: fewer rows cost more to send to
# a worker and back than to take apart.
_PIECES_PER_WORKER = 4
MIN_PIECE_ROWS = 256


def piece_size(rows: int, workers: int, piece_rows: int) -> int:
    """Rows per piece of a table of ``rows`` rows: ``piece_rows``, or fewer where that would
    leave a worker idle (a table of a few thousand notes still keeps every core busy)."""
    spread = -(-rows // (_PIECES_PER_WORKER * max(1, workers)))
    return min(piece_rows, max(MIN_PIECE_ROWS, spread))


# Seconds of work left on a table, at this process's pace, that pay for starting workers:
# a pool costs about a second before its first piece, and its shutdown waits for its start.
_WORTH_STARTING = 1.0


class Pace:
    """Seconds per row of the pieces a process did itself, the first left out: it also pays
    for loading word lists and compiling patterns."""

    def __init__(self) -> None:
        self._pieces, self._seconds, self._rows = 0, 0.0, 0

    def add(self, seconds: float, rows: int) -> None:
        self._pieces += 1
        if self._pieces > 1:
            self._seconds += seconds
            self._rows += rows

    @property
    def measured(self) -> bool:
        return self._rows > 0

    def seconds(self, rows: int) -> float:
        """The seconds ``rows`` more would take; 0 before a piece is measured."""
        return self._seconds / self._rows * rows if self._rows else 0.0


def _ready() -> None:
    """A task that returns once its worker has started."""


class StartingPool:
    """A pool of ``workers`` processes started on a thread of this process: they take a
    second or two, which the caller spends doing the first pieces itself, timing them to
    learn whether the pool is worth starting at all (:meth:`start_when_worth`)."""

    def __init__(
        self,
        workers: int,
        initializer: Callable[..., object] = _ready,
        initargs: tuple[Any, ...] = (),
    ) -> None:
        self.workers = workers
        self._initializer, self._initargs = initializer, initargs
        self._executor: ProcessPoolExecutor | None = None
        self._ready: list[Future[None]] = []
        self._starter: threading.Thread | None = None

    def start(self) -> None:
        """Start the workers (once)."""
        if self._starter is None:
            self._starter = threading.Thread(target=self._make, daemon=True)
            self._starter.start()

    @property
    def requested(self) -> bool:
        """Whether the workers were asked to start."""
        return self._starter is not None

    def start_when_worth(self, pace: Pace, rows_left: int) -> None:
        """Start the workers (once) when the rows left would take this process more than
        ``_WORTH_STARTING`` at ``pace``: a table of a few hundred short notes is done before a
        pool could help."""
        if pace.seconds(rows_left) > _WORTH_STARTING:
            self.start()

    def _make(self) -> None:
        executor = ProcessPoolExecutor(
            self.workers,
            mp_context=start_method(),
            initializer=self._initializer,
            initargs=self._initargs,
        )
        try:
            self._ready = [executor.submit(_ready) for _ in range(self.workers)]
        except Exception:  # no workers: the caller does every piece
            executor.shutdown(wait=False, cancel_futures=True)
            return  # the output is the same; only slower
        self._executor = executor

    def started(self) -> ProcessPoolExecutor | None:
        """The pool once every worker has answered, else None."""
        if self._executor is None or not all(ready.done() for ready in self._ready):
            return None
        for ready in self._ready:
            ready.result()  # a worker that failed to start raises here
        return self._executor

    def close(self) -> None:
        """Stop the workers, dropping pieces not yet started."""
        if self._starter is not None:
            self._starter.join()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)


class TableShare:
    """One table's split between the caller and a pool: the piece size, how many rows the
    caller takes next while the pool is not up, and when the pool starts: at once for a
    table of two whole pieces, else when the caller's pace shows the rest is worth it."""

    def __init__(self, pool: StartingPool, rows: int, piece_rows: int) -> None:
        self.pool, self.rows = pool, rows
        self.size = piece_size(rows, pool.workers, piece_rows)
        self._pace = Pace()
        self._done = 0  # rows the caller took: all the table's rows until the pool is up
        if rows >= 2 * piece_rows:
            pool.start()  # whole pieces: worth workers without a measure

    def rows_here(self, left: int) -> int:
        """Of the ``left`` rows of a batch, how many the caller takes next: a piece, or all
        of them once its pace shows that the table is not worth the pool."""
        at_once = self._pace.measured and not self.pool.requested
        return left if at_once else min(self.size, left)

    def took(self, seconds: float, rows: int) -> None:
        """The caller took ``rows`` rows in ``seconds``; start the pool if the rest is worth it."""
        self._pace.add(seconds, rows)
        self._done += rows
        self.pool.start_when_worth(self._pace, self.rows - self._done)


# Items taken ahead of the one the caller is given, per thread: one more keeps every thread busy.
AHEAD = 2


def overlapped(
    work: Callable[[_In], _Out], items: Iterable[_In], threads: int = 1
) -> Iterator[_Out]:
    """``work`` of each item on ``threads`` threads, given back in order, at most ``AHEAD``
    items per thread ahead of the caller. Reading, writing and polars let go of the
    interpreter lock, so they run while the next items are worked on."""
    executor = ThreadPoolExecutor(threads, thread_name_prefix="sluis-overlap")
    pending: deque[Future[_Out]] = deque()
    try:
        for item in items:
            pending.append(executor.submit(work, item))
            if len(pending) >= AHEAD * threads:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
