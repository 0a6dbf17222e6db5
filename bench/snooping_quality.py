"""Quality and speed of the snooping review on the seeded synthetic access logs.

For each set (:data:`bench.access_log_sets.DEVELOPMENT` and the holdout): precision and
recall of the review queue at the default threshold, per access record and per planted
event (an event counts as found when any of its records is queued), recall per misuse
kind, which rules fired on false positives, and the queue precision a reviewer measures
with ``sluis review precision`` after labelling the top N items by the ground truth.

Run: ``python -m bench.snooping_quality`` (prints the Markdown section).
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.access_log_sets import DEVELOPMENT, HOLDOUT, KINDS, AccessLogSet, LogSpec, build
from sluis.registers.snooping import ReviewOptions, ReviewQueue, Status, queued, score_accesses
from sluis.registers.store import RegisterStore

TOP_N = 200


@dataclass
class SetQuality:
    name: str
    records: int
    misuse_records: int
    events: int
    queued: int
    true_positives: int
    events_found: int
    per_kind: dict[str, tuple[int, int, int, int]]  # records, found, events, events found
    false_positive_rules: Counter[str] = field(default_factory=Counter)
    queue_precision_top_n: float | None = None
    labelled: int = 0
    generate_seconds: float = 0.0
    review_seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.true_positives / self.queued if self.queued else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.misuse_records if self.misuse_records else 0.0

    @property
    def event_recall(self) -> float:
        return self.events_found / self.events if self.events else 0.0


def evaluate(
    log: AccessLogSet, name: str, options: ReviewOptions | None = None, top_n: int = TOP_N
) -> SetQuality:
    """Score ``log`` and compare the queue with its ground truth."""
    opts = options or ReviewOptions()
    began = time.perf_counter()
    scored = score_accesses(log.records, log.context, opts)
    chosen = queued(scored, opts.threshold)
    review_seconds = time.perf_counter() - began
    labels = log.labels
    queued_ids = {s.trace_id for s in chosen}
    per_kind: dict[str, tuple[int, int, int, int]] = {}
    for kind in KINDS:
        ids = [t for t, label in labels.items() if label.kind == kind]
        events = {labels[t].event for t in ids}
        found_events = {labels[t].event for t in ids if t in queued_ids}
        per_kind[kind] = (
            len(ids),
            sum(1 for t in ids if t in queued_ids),
            len(events),
            len(found_events),
        )
    fp_rules: Counter[str] = Counter()
    for s in chosen:
        if s.trace_id not in labels:
            fp_rules.update(s.rules or ("unexplained only",))
    quality = SetQuality(
        name=name,
        records=len(log.records),
        misuse_records=len(labels),
        events=len({label.event for label in labels.values()}),
        queued=len(chosen),
        true_positives=sum(1 for t in queued_ids if t in labels),
        events_found=len({labels[t].event for t in queued_ids if t in labels}),
        per_kind=per_kind,
        false_positive_rules=fp_rules,
        review_seconds=review_seconds,
    )
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'review.db'}"
        with RegisterStore.open(url) as store:
            queue = ReviewQueue(store)
            queue.add(chosen)
            for item in queue.items(limit=top_n):
                verdict = Status.CONFIRMED if item.trace_id in labels else Status.JUSTIFIED
                queue.label(item.id, verdict, "bench-reviewer")
            measured = queue.precision()
    quality.queue_precision_top_n = measured.precision
    quality.labelled = measured.labelled
    return quality


def run_set(spec: LogSpec, name: str) -> SetQuality:
    began = time.perf_counter()
    log = build(spec)
    generated = time.perf_counter() - began
    quality = evaluate(log, name)
    quality.generate_seconds = generated
    return quality


def lines(results: list[SetQuality]) -> list[str]:
    """The Markdown lines of the results."""
    out = [
        "| set | accesses | misuse records / events | queued | precision | recall "
        "(records) | recall (events) | queue precision, top "
        f"{TOP_N} labelled | review time |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for q in results:
        rate = q.records / q.review_seconds if q.review_seconds else 0.0
        qp = "n/a" if q.queue_precision_top_n is None else f"{q.queue_precision_top_n:.3f}"
        out.append(
            f"| {q.name} | {q.records:,} | {q.misuse_records:,} / {q.events} | {q.queued:,} | "
            f"**{q.precision:.3f}** | **{q.recall:.3f}** | {q.event_recall:.3f} | "
            f"{qp} ({q.labelled}) | {q.review_seconds:.1f} s ({rate:,.0f}/s) |"
        )
    out += ["", "Recall per misuse kind (records found / planted; events found / planted):", ""]
    out.append("| kind | " + " | ".join(q.name for q in results) + " |")
    out.append("|---|" + "---:|" * len(results))
    for kind in KINDS:
        cells = []
        for q in results:
            n, found, events, events_found = q.per_kind[kind]
            cells.append(f"{found}/{n} records, {events_found}/{events} events")
        out.append(f"| {kind} | " + " | ".join(cells) + " |")
    out += ["", "Rules on queued accesses that were not planted misuse (false positives):", ""]
    for q in results:
        fired = ", ".join(f"{code} {n}" for code, n in q.false_positive_rules.most_common())
        out.append(f"- {q.name}: {fired or 'none'}")
    return out


def run() -> list[SetQuality]:
    return [
        run_set(DEVELOPMENT, "development (seed 1)"),
        run_set(HOLDOUT, "holdout (seed 2)"),
    ]


if __name__ == "__main__":
    print("\n".join(lines(run())))
