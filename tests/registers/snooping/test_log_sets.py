"""The benchmark's synthetic access logs: seeded, every misuse kind planted, labels apart."""

from __future__ import annotations

from functools import cache

from bench.access_log_sets import KINDS, AccessLogSet, LogSpec, build
from bench.snooping_quality import evaluate

TINY = LogSpec(seed=5, employees=40, subjects=1500, days=14, accesses=4000, team_size=6)


@cache
def tiny() -> AccessLogSet:
    return build(TINY)


def test_same_seed_same_log_and_every_kind_planted() -> None:
    first, second = tiny(), build(TINY)
    assert first.records == second.records and first.labels == second.labels
    assert {label.kind for label in first.labels.values()} == set(KINDS)
    traces = {r.trace_id for r in first.records}
    assert set(first.labels) <= traces and len(traces) == len(first.records)
    assert all(r.at.tzinfo is not None for r in first.records)
    other = LogSpec(seed=6, employees=40, subjects=1500, days=14, accesses=4000, team_size=6)
    assert build(other).records != first.records


def test_quality_is_measured_against_the_labels() -> None:
    quality = evaluate(tiny(), "tiny", top_n=20)
    assert quality.misuse_records == len(tiny().labels)
    assert 0 < quality.true_positives <= quality.queued
    assert 0.0 < quality.recall <= 1.0 and 0.0 < quality.precision <= 1.0
    assert quality.labelled == min(20, quality.queued)
