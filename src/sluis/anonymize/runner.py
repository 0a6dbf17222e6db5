"""The run: stream every table of the source through its plan into a staged sink.

Memory stays bounded by the batch size. The sink is only staged here; publishing is the
caller's decision, after independent verification (``sluis.handover``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sluis.anonymize.known import collect
from sluis.anonymize.parallel import PIECE_ROWS, BatchPool, on_workers
from sluis.anonymize.plan import TablePlan, make_plan, user_codes
from sluis.anonymize.suppression import plan_suppression
from sluis.heap import return_freed_memory
from sluis.keys import Key
from sluis.model.policy import Policy
from sluis.sinks.base import Sink
from sluis.sources import Source
from sluis.sources.base import DEFAULT_BATCH_ROWS
from sluis.workers import warm_up

# (table, rows written so far, rows in the table)
ProgressHook = Callable[[str, int, int], None]


@dataclass(frozen=True)
class TableResult:
    table: str
    rows: int


def plan_for(source: Source, policy: Policy) -> tuple[TablePlan, ...]:
    """Check the policy against the source and plan every table (no rows read)."""
    return make_plan(source.schema(), policy)


def run(
    source: Source,
    sink: Sink,
    policy: Policy,
    key: Key,
    *,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    progress: ProgressHook | None = None,
    workers: int = 1,
) -> tuple[TableResult, ...]:
    """Anonymize every table into the (already created) staged ``sink`` and finish it.

    With ``workers > 1``, tables of two pieces or more (``parallel.PIECE_ROWS``, at most
    ``batch_rows``) whose plan reads text are transformed on that many worker processes while
    this process reads and writes; the output is the same.
    """
    return_freed_memory()
    plans = plan_for(source, policy)
    piece_rows = min(PIECE_ROWS, batch_rows)
    totals = {plan.table.name: source.row_count(plan.table.name) for plan in plans}
    if any(on_workers(p, totals[p.table.name], workers, piece_rows) for p in plans):
        warm_up()  # the workers' imports overlap with reading names and rare combinations
    known = collect(source, policy, key, batch_rows, progress, user_codes(plans, key))
    results = []
    with BatchPool(plans, key, known, workers, piece_rows) as pool:
        for plan in plans:
            name = plan.table.name
            total = totals[name]
            done = 0
            if progress is not None:
                progress(name, 0, total)
            suppression = plan_suppression(source, plan, policy, key, batch_rows)
            batches = source.batches(name, batch_rows=batch_rows)
            for copied in pool.transformed(name, batches, total):
                if suppression is not None:
                    copied = suppression.apply(copied)
                sink.write(name, copied)
                done += copied.num_rows
                if progress is not None:
                    progress(name, done, total)
            results.append(TableResult(name, done))
    sink.finish()
    return tuple(results)
