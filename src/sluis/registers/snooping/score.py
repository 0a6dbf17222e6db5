"""Step three: one score per access, from explanation and rules.

``score = unexplained_weight × (1 − share of the unit's accesses that are unexplained)``
when the access is unexplained (0 when explained), ``+ weight`` of every rule that flags
it. Default weights: unexplained 1.0; self-lookup 3.0; household 3.0; co-worker 1.5;
VIP 1.5; inactive client 1.5; bulk search 1.5; export 1.0; off-hours 0.75; browsing 1.0.
An access goes to the review queue when its score is at least ``threshold`` (1.0): any
of self, household, co-worker, VIP, inactive or bulk search alone; an unexplained access
by a unit that rarely works unexplained together with off-hours, export or browsing; an
unexplained export. With the baseline held fixed, explaining a subject never raises a score.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sluis.registers.access import AccessRecord
from sluis.registers.snooping.baseline import Baseline, BaselineOptions, learn_baseline, unit_of
from sluis.registers.snooping.context import Context
from sluis.registers.snooping.explain import ExplainOptions, annotate
from sluis.registers.snooping.rules import DEFAULT_RULES, Rule, RuleInput


@dataclass(frozen=True)
class ReviewOptions:
    explain: ExplainOptions = field(default_factory=ExplainOptions)
    baseline: BaselineOptions = field(default_factory=BaselineOptions)
    rules: tuple[Rule, ...] = DEFAULT_RULES
    unexplained_weight: float = 1.0
    threshold: float = 1.0


@dataclass(frozen=True)
class ScoredAccess:
    """An access with its score; ``rules``: codes of the rules that flagged it, in order."""

    trace_id: str
    actor: str
    at: datetime
    score: float
    rules: tuple[str, ...]
    explained: bool


def score_accesses(
    records: Iterable[AccessRecord],
    context: Context,
    options: ReviewOptions | None = None,
    baseline: Baseline | None = None,
) -> list[ScoredAccess]:
    """Every record scored, in input order; ``baseline`` defaults to the one these
    records themselves give (:func:`learn_baseline`)."""
    opts = options or ReviewOptions()
    accesses = list(annotate(records, context, opts.explain))
    base = baseline if baseline is not None else learn_baseline(accesses, opts.baseline)
    data = RuleInput(accesses, context, base)
    flags = [(rule, rule.flag(data)) for rule in opts.rules]
    scored = []
    for access in accesses:
        score = 0.0
        if not access.explained:
            share = min(max(base.share(unit_of(access)), 0.0), 1.0)
            score += opts.unexplained_weight * (1.0 - share)
        codes = []
        for rule, flagged in flags:
            if access.index in flagged:
                codes.append(rule.code)
                score += rule.weight
        record = access.record
        scored.append(
            ScoredAccess(
                record.trace_id, record.actor, record.at, score, tuple(codes), access.explained
            )
        )
    return scored


def review(
    records: Iterable[AccessRecord],
    context: Context,
    options: ReviewOptions | None = None,
    baseline: Baseline | None = None,
) -> list[ScoredAccess]:
    """The accesses that belong in the review queue, highest score first."""
    opts = options or ReviewOptions()
    return queued(score_accesses(records, context, opts, baseline), opts.threshold)


def queued(scored: Sequence[ScoredAccess], threshold: float) -> list[ScoredAccess]:
    """The accesses scoring at least ``threshold``, highest first (ties by time)."""
    chosen = [s for s in scored if s.score >= threshold]
    chosen.sort(key=lambda s: (-s.score, s.at, s.trace_id))
    return chosen
