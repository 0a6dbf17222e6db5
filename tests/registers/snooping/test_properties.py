"""Invariants of the review: explanations only lower scores; input order does not matter."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.registers.access import AccessRecord, Action
from sluis.registers.snooping import annotate, learn_baseline, score_accesses
from sluis.registers.snooping.rules import BULK_SEARCH, BulkSearch, BulkSearchOptions
from sluis.registers.snooping.score import ReviewOptions
from tests.registers.snooping.cases import EMPLOYEES, SUBJECTS, ZONE, context, record

SUBJECT_IDS = [s.id for s in SUBJECTS[:12]]
START = datetime(2025, 3, 3, tzinfo=ZONE)

accesses = st.lists(
    st.tuples(
        st.sampled_from([e.id for e in EMPLOYEES]),
        st.integers(min_value=0, max_value=7 * 24 * 60),
        st.lists(st.sampled_from(SUBJECT_IDS), min_size=1, max_size=3),
        st.sampled_from(list(Action)),
    ),
    min_size=1,
    max_size=40,
)
assignment_rows = st.lists(
    st.fixed_dictionaries(
        {
            "subject": st.sampled_from(SUBJECT_IDS),
            "unit": st.sampled_from(["team-a", "team-b", "helpdesk", None]),
            "employee": st.sampled_from([None, "E1", "E3"]),
            "opened": st.dates(date(2025, 2, 20), date(2025, 3, 12)),
        }
    ).filter(lambda a: a["unit"] or a["employee"]),
    max_size=6,
)


def _records(rows: list[tuple[str, int, list[str], Action]]) -> list[AccessRecord]:
    return [
        record(f"t{i}", actor, START + timedelta(minutes=minute), subjects, action)
        for i, (actor, minute, subjects, action) in enumerate(rows)
    ]


@settings(max_examples=150, deadline=None)
@given(accesses, assignment_rows, assignment_rows)
def test_adding_an_explanation_never_raises_a_score(rows, before, extra) -> None:  # type: ignore[no-untyped-def]
    records = _records(rows)
    # Bulk search reacts to small counts here so that it takes part in the property.
    rules = (*ReviewOptions().rules, BulkSearch(BulkSearchOptions(max_searches=2)))
    opts = ReviewOptions(rules=rules)
    base_context = context(before)
    baseline = learn_baseline(annotate(records, base_context))
    low = score_accesses(records, base_context, opts, baseline)
    high = score_accesses(records, context(before + extra), opts, baseline)
    for a, b in zip(low, high, strict=True):
        assert b.score <= a.score + 1e-9
        assert set(b.rules) <= set(a.rules)
        assert a.explained <= b.explained


@settings(max_examples=60, deadline=None)
@given(accesses, assignment_rows, st.randoms(use_true_random=False))
def test_scores_do_not_depend_on_input_order(rows, assignments, rng) -> None:  # type: ignore[no-untyped-def]
    records = _records(rows)
    shuffled = list(records)
    rng.shuffle(shuffled)
    ctx = context(assignments)
    first = {s.trace_id: (round(s.score, 9), s.rules) for s in score_accesses(records, ctx)}
    second = {s.trace_id: (round(s.score, 9), s.rules) for s in score_accesses(shuffled, ctx)}
    assert first == second
    assert all(score >= 0 for score, _ in first.values())


def test_bulk_search_is_a_module_level_rule() -> None:
    assert BULK_SEARCH.code == "SN106" and BULK_SEARCH.options.max_searches == 50
