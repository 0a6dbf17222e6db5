"""The second blind free-text corpus: spans fit, a seed fixes it, every genre appears."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.text_blind2 import GENRES, documents
from tests.test_text_blind_corpus import _problems

DEFAULT = documents()


def test_the_default_corpus_has_400_documents_with_sound_spans() -> None:
    assert len(DEFAULT) == 400
    assert [(d.doc_id, p) for d in DEFAULT for p in _problems(d)] == []
    assert {d.kind for d in DEFAULT} == set(GENRES)


@settings(max_examples=5, deadline=None)
@given(st.integers(min_value=0, max_value=2**31))
def test_any_seed_gives_sound_spans_and_the_same_seed_the_same_corpus(seed: int) -> None:
    docs = documents(seed, 40)
    assert [(d.doc_id, p) for d in docs for p in _problems(d)] == []
    assert docs == documents(seed, 40)
