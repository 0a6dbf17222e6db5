"""Runs the free-text cases in ``cases/text.yaml`` and ``cases/notations.yaml`` (personal
values in less common notations) and checks the invariants of the finder.

Test ids are case indices; failure messages name categories and counts, never the text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.discover.detectors.base import Span
from sluis.discover.text import find_entities, resolve_overlaps, text_categories

CASE_FILES = ("text", "notations")
CASES: list[tuple[str, dict[str, Any]]] = [
    (f"{name}-{i}", case)
    for name in CASE_FILES
    for i, case in enumerate(
        yaml.safe_load((Path(__file__).parent / "cases" / f"{name}.yaml").read_text("utf-8"))
    )
]
PERSON = {"person.name", "person.first_name"}


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_text_case(case: dict[str, Any]) -> None:
    spans = find_entities(case["text"])
    found = {span.category for span in spans}
    missing = set(case.get("categories", [])) - found
    assert not missing, f"categories not found: {sorted(missing)}"
    unwanted = set(case.get("absent", [])) & found
    assert not unwanted, f"categories found that must not be: {sorted(unwanted)}"
    least = case.get("min_score", 0.0)
    weak = sorted(
        {s.category for s in spans if s.category in case.get("categories", []) and s.score < least}
    )
    assert not weak, f"scored below {least}: {weak}"
    covered = {case["text"][s.start : s.end] for s in spans}
    exact = [i for i, want in enumerate(case.get("spans", [])) if want not in covered]
    assert not exact, f"expected spans not found exactly: numbers {exact}"
    if "persons" not in case:  # a case about another category leaves names unchecked
        return
    persons = sum(span.category in PERSON for span in spans)
    assert persons == case["persons"], f"{persons} person-name spans, expected {case['persons']}"


def test_text_categories_agrees_with_find_entities() -> None:
    text = CASES[0][1]["text"]
    assert text_categories(text) == {span.category for span in find_entities(text)}


def test_empty_text_has_no_entities() -> None:
    assert find_entities("") == []
    assert text_categories("  \n ") == set()


def test_checksum_identifier_wins_over_longer_span() -> None:
    iban = Span(0, 10, "finance.iban", "iban", 0.9)
    longer = Span(0, 14, "person.name", "person_name", 0.99)
    inner = Span(4, 10, "contact.phone", "phone", 0.95)
    chosen = resolve_overlaps([(longer, False), (inner, False), (iban, True)], 20)
    assert chosen == [iban]


def test_longer_span_wins_when_neither_is_validated() -> None:
    short = Span(0, 3, "person.first_name", "first_name", 0.9)
    street = Span(0, 12, "location.street", "street", 0.6)
    assert resolve_overlaps([(short, False), (street, False)], 12) == [street]


_PIECES = st.sampled_from(
    ["Fatima", "El", "Amrani", "van", "der", "Berg", "J.", "A.B.", "mevrouw", "dhr.", "Jan",
     "Kerkstraat", "12a", "3511 AB", "Utrecht", "BSN", "111222333", "NL91ABNA0417164300",
     ",", ".", "_", "-", "\n", "geboren", "te", "Aleppo", "DE", "VRIES", "geslacht:", "V",
     "06-12345678", "'s-Hertogenbosch", "in 't", "Veld", "Al-Masri", "x", "é", "😀"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=25), st.sampled_from([" ", "", "_"])
)
def test_spans_stay_inside_text_and_never_overlap(pieces: list[str], sep: str) -> None:
    text = sep.join(pieces)
    spans = find_entities(text)
    previous_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= previous_end, "spans overlap or are out of order"
        assert 0 < span.score <= 1
        previous_end = span.end


def test_a_known_form_label_holds_no_name_in_either_language() -> None:
    """ "Geboortedatum/Date of birth:" on an identity card's copy: "Date" (a surname too) was
    replaced, and verify then met its fingerprint in every document's tags."""
    text = "Naam/Surname: YILMAZ\nGeboortedatum/Date of birth: 24 06 1994\nNationaliteit: NL"
    names = [text[s.start : s.end] for s in find_entities(text) if s.category.startswith("person.")]
    assert names == ["YILMAZ", "24 06 1994"]
