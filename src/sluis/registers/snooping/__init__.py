"""Snooping review of the access audit: who looked at whom without a reason?

Pipeline: :mod:`explain` (an open case or assignment for the actor or the actor's unit
explains an access), :mod:`rules` (self, household, co-worker, VIP, inactive client, bulk
search, export, off-hours, browsing), :mod:`score` (weights documented there) and
:mod:`queue` (reviewer labels and the queue's measured precision). The review works on
in-memory :class:`~sluis.registers.access.AccessRecord` objects.
"""

from __future__ import annotations

from sluis.registers.snooping.baseline import Baseline, BaselineOptions, learn_baseline
from sluis.registers.snooping.context import (
    Assignment,
    Context,
    Employee,
    Subject,
    load_context,
    write_context,
)
from sluis.registers.snooping.explain import Access, ExplainOptions, annotate
from sluis.registers.snooping.queue import QueueItem, QueuePrecision, ReviewQueue, Status
from sluis.registers.snooping.score import (
    ReviewOptions,
    ScoredAccess,
    queued,
    review,
    score_accesses,
)

__all__ = [
    "Access",
    "Assignment",
    "Baseline",
    "BaselineOptions",
    "Context",
    "Employee",
    "ExplainOptions",
    "QueueItem",
    "QueuePrecision",
    "ReviewOptions",
    "ReviewQueue",
    "ScoredAccess",
    "Status",
    "Subject",
    "annotate",
    "learn_baseline",
    "load_context",
    "queued",
    "review",
    "score_accesses",
    "write_context",
]
