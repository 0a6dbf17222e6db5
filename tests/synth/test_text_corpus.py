"""The free-text evaluation corpus: gold spans fit the text, seeds fix it, traps are real."""

from __future__ import annotations

import itertools
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.text_corpus import KINDS, UNSEEN_SHARE, Document, Gold, Negative, generate
from bench.text_quality import Predicted, Score, gold_type, shape
from sluis.model.categories import CATEGORIES
from sluis.synth.identifiers import bsn_checksum_ok, iban_valid

SMALL = generate(seed=7, n=120)


def _spans_fit(doc: Document) -> bool:
    spans = sorted(doc.gold, key=lambda g: g.start)
    marked: list[Gold | Negative] = [*doc.gold, *doc.negatives]
    inside = all(0 <= g.start < g.end <= len(doc.text) for g in marked)
    disjoint = all(a.end <= b.start for a, b in itertools.pairwise(spans))
    trimmed = all(doc.text[g.start : g.end].strip() == doc.text[g.start : g.end] for g in spans)
    return inside and disjoint and trimmed


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_gold_spans_lie_within_the_text_and_do_not_overlap(seed: int) -> None:
    bad = [d.doc_id for d in generate(seed, 12) if not _spans_fit(d)]
    assert not bad


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    assert generate(seed=7, n=120) == SMALL
    assert [d.text for d in generate(seed=8, n=120)] != [d.text for d in SMALL]


def test_every_kind_occurs_and_categories_are_known() -> None:
    assert {d.kind for d in SMALL} == set(KINDS)
    unknown = {g.category for d in SMALL for g in d.gold} - set(CATEGORIES)
    assert not unknown


def test_json_snippets_parse() -> None:
    bad = []
    for doc in SMALL:
        if doc.kind == "json":
            try:
                json.loads(doc.text)
            except json.JSONDecodeError:
                bad.append(doc.doc_id)
    assert not bad


def test_identifiers_are_valid_and_case_numbers_pass_the_eleven_proof() -> None:
    def digits(doc: Document, span: Gold | Negative) -> str:
        return "".join(c for c in doc.text[span.start : span.end] if c.isdigit()).zfill(9)

    bsns = [(d, g) for d in SMALL for g in d.gold if g.category == "id.bsn"]
    ibans = [(d, g) for d in SMALL for g in d.gold if g.category == "finance.iban"]
    cases = [(d, n) for d in SMALL for n in d.negatives if n.kind == "case_number"]
    assert bsns and ibans and cases
    assert all(bsn_checksum_ok(digits(d, g)) for d, g in bsns)
    assert all(iban_valid(d.text[g.start : g.end]) for d, g in ibans)
    assert all(bsn_checksum_ok(digits(d, n)) for d, n in cases)


def test_most_people_are_named_from_the_unseen_lists() -> None:
    people = sum(d.people for d in SMALL)
    unseen = sum(d.unseen_people for d in SMALL)
    assert unseen / people >= 0.6
    assert UNSEEN_SHARE >= 0.6


def test_hard_negatives_cover_no_gold_except_marked_traps() -> None:
    clash = [
        d.doc_id
        for d in SMALL
        for n in d.negatives
        if n.kind != "street_named_after_person"
        and any(g.start < n.end and n.start < g.end for g in d.gold)
    ]
    assert not clash


def test_token_score_counts_recall_precision_and_compatible_labels() -> None:
    text = "Bel Okke op 0612345678 of post 1234 AB Sneek."
    doc = Document(
        "t", "note", text,
        gold=(Gold(4, 8, "person.first_name"), Gold(12, 22, "contact.phone"),
              Gold(31, 38, "location.postcode"), Gold(39, 44, "location.city")),
        negatives=(), unseen_people=1, people=1,
    )  # fmt: skip
    score = Score()
    score.add(
        doc,
        [
            Predicted(12, 22, frozenset({"phone"})),
            Predicted(31, 44, frozenset({"address", "postcode"})),  # one label for both
            Predicted(0, 3, frozenset({"phone"})),  # "Bel": a false positive
        ],
    )
    assert score.recall("person") == 0.0
    assert score.recall("phone") == 1.0
    assert score.precision("phone") == 0.5
    assert score.recall("postcode") == 1.0 and score.precision("postcode") == 1.0
    assert score.gold["address"] == 0  # the city token counts neither way
    assert gold_type("location.city") == "other"


def test_shape_hides_the_value() -> None:
    assert shape("+31 6 12345678") == "+99 9 99999999"
    assert shape("Jan van Galenstraat 12a") == "Aa a Aa 99a"
