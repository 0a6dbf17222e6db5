"""The literal gates that skip a detector or pattern: on a text the gate rejects, the
ungated pattern finds nothing either."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.discover import text as text_module
from sluis.discover.detectors import _names, birth_date, kvk, rsin, street, v_number
from sluis.discover.detectors._common import contains_any, fold

# Letters, digits, separators and the characters that fold differently (Kelvin sign, long s).
_ALPHABET = "abcdefghijklmnopqrstuvwxyzKVRSNHB0123456789 .-:,\u212a\u017f\u0130"
texts = st.text(alphabet=_ALPHABET, max_size=60)


def _keywords_absent(pattern: re.Pattern[str], gate: tuple[str, ...], text: str) -> None:
    if not contains_any(fold(text), gate):
        assert pattern.search(text) is None


@settings(max_examples=300)
@given(texts)
def test_keyword_gates_only_reject_texts_without_a_keyword(text: str) -> None:
    _keywords_absent(kvk._KEYWORDS, kvk._GATE, text)
    _keywords_absent(v_number._KEYWORDS, v_number._GATE, text)
    _keywords_absent(rsin._KEYWORDS, rsin._GATE, text)
    _keywords_absent(street._ADDRESS_WORDS, street._ADDRESS_GATE, text)
    _keywords_absent(street._NAMED_NUMBER, street._NAMED_NUMBER_GATE, text)


@settings(max_examples=300)
@given(
    st.sampled_from(
        ["rsin", "KvK-nr.", "Kamer van Koophandel", "V-NR.", "vnr", "Woont", "HUISNUMMER", "Hnr"]
    )
)
def test_keyword_gates_pass_keywords(word: str) -> None:
    gates = (
        kvk._GATE + v_number._GATE + rsin._GATE + street._ADDRESS_GATE + street._NAMED_NUMBER_GATE
    )
    assert contains_any(fold(f"x {word} 12345678"), gates)


@settings(max_examples=300)
@given(st.text(alphabet="0123456789 ,thsndrJjMmSsAaOoFf", max_size=40))
def test_birth_date_day_first_hint_without_month_first_tail(text: str) -> None:
    """Without the tail of a month-first date the shorter hint tries every match start."""
    if birth_date._MONTH_FIRST_GATE.search(text) is None:
        for m in birth_date._TEXT.finditer(text):
            assert birth_date._HINT_DAY_FIRST.match(text, m.start()) is not None


# Initials, abbreviations written like them, words and marks, in any order.
_PIECES = ["A.", "Z.", "S.", "M.", "O.", "Th.", "Chr.", "z.s.m.", "I.v.m.", "ABC.", "Jan", "van",
           "der", "Berg", ".", ",", " ", "\n", "-", "Dr.", "É."]  # fmt: skip


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_initials_gate_only_skips_texts_without_two_initials_in_a_row(pieces: list[str]) -> None:
    text = "".join(pieces)
    if _names._TWO_INITIALS.search(text) is None:
        tokens = _names.tokenize(text)
        assert _names._abbreviations_apart(tokens) == tokens


def test_initials_gate_passes_abbreviations_and_initials() -> None:
    for text in ("Z.S.M. bellen", "Th.J. de Vries", "ABC.D. Jansen"):
        assert _names._TWO_INITIALS.search(text) is not None


_NAME_PIECES = ["Bakker", "bakker", "Bakkers", "Bakker's", "BAKKER", "Strauß", "STRAUSS",
                "Jansen-Bakker", "de", " ", ". ", "-", "'", "3", "İ", "Öztürk",
                "öztürk’s"]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=12))
def test_mention_candidates_hold_every_word_that_mentions_a_name(pieces: list[str]) -> None:
    # Where a name may be mentioned is looked up by string search; reading every word of the
    # text finds no mention more.
    text = "".join(pieces)
    words = {w.casefold(): (w, "person.name") for w in ("Bakker", "Strauß", "Öztürk")}
    folded = text.casefold()
    every = {
        (m.start(), m.end())
        for m in text_module._NAME_WORD.finditer(text)
        if text_module._known(words, m.group().casefold())
    }
    looked_up = {
        (m.start(), m.end())
        for m in text_module._candidates(text, folded, words)
        if text_module._known(words, m.group().casefold())
    }
    assert looked_up == every
