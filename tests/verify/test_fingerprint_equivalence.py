"""The faster normalizations (bytes paths for ASCII, caches per token) agree with the
reference implementation on every input, so no cell changes from leak to coincidence."""

from __future__ import annotations

import pickle

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.synth import identifiers
from sluis.verify import fingerprints as fast
from sluis.verify.checks import leak
from sluis.verify.context import column_texts
from sluis.verify.fingerprints import Fingerprinter, FingerprintKey
from tests.verify import reference_fingerprints as reference

MATERIAL = bytes(range(32))
KEY = FingerprintKey(MATERIAL)

# Every ASCII character (controls such as \x1c-\x1f count as whitespace for ``\s``), and
# characters where casefold, ``\w``, ``\d`` and ``isdigit`` disagree with their ASCII
# counterparts.
_ASCII = st.characters(min_codepoint=0, max_codepoint=127)
_TRICKY = st.sampled_from(
    [*"ßİﬁΣς²³٣۴\u00a0\u2003\u200b\u2028éëïÖÅ_@.+-'/()", "+31", "0031", "06", "NL91", "ABNA"]
)
_CELL = st.lists(_ASCII | _TRICKY | st.sampled_from("0123456789 "), max_size=40).map("".join)
_WORDY = st.lists(
    st.sampled_from(["Jan", "de", "Vries", "jan.devries", "0612345678", "1234 AB", "Kerkstraat"])
    | _CELL,
    max_size=6,
).map(" ".join)


@settings(max_examples=1000, deadline=None)
@given(_CELL | _WORDY | st.text(max_size=30))
def test_normal_forms_agree(text: str) -> None:
    assert fast.text_form(text) == reference.text_form(text)
    assert fast.forms(text) == reference.forms(text)
    assert fast.tokens(text) == reference.tokens(text)


@given(st.text(max_size=60))
def test_fingerprints_agree_also_after_pickling(tagged: str) -> None:
    expected = reference.fingerprint(MATERIAL, tagged)
    assert KEY.fingerprint(tagged) == expected
    assert pickle.loads(pickle.dumps(KEY)).fingerprint(tagged) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDY | _CELL, max_size=8), st.lists(_WORDY | _CELL, min_size=1, max_size=8))
def test_cell_pieces_agree(registered: list[str], cells: list[str]) -> None:
    fingerprinter = Fingerprinter(KEY)
    for value in registered:
        fingerprinter.register(value)
    # The cells are registered after a first round: what the token caches remember from
    # it must not outlive the prefilters it was read from.
    for later in (cells, []):
        for cell in cells + registered:
            for every in (False, True):
                # Twice: the second call meets the token cache the first one filled.
                for _ in range(2):
                    assert fingerprinter.of_cell(cell, every=every) == reference.of_cell(
                        fingerprinter, cell, MATERIAL, every=every
                    )
        for value in later:
            fingerprinter.register(value)


def test_a_full_name_inside_a_note_agrees() -> None:
    fingerprinter = Fingerprinter(KEY)
    for value in ("Fatima El Amrani", "0612345678", "NL91 ABNA 0417 1643 00", "jan@voorbeeld.nl"):
        fingerprinter.register(value)
    note = "Mevrouw FATIMA EL-AMRANI belde op +31 6 1234 5678 (rekening NL91ABNA0417164300)."
    every, runs = fingerprinter.of_cell(note)
    assert (every, runs) == reference.of_cell(fingerprinter, note, MATERIAL)
    assert len(runs) == 1  # the full name, as a run of tokens
    # and the phone number, and the account number as digits and as text
    assert len(every) == 4


_OTHER_CELL = st.one_of(
    st.randoms(use_true_random=False).map(identifiers.bsn),
    st.randoms(use_true_random=False).map(lambda rng: identifiers.phone(rng)),
    st.dates().map(lambda d: d.strftime("%Y%m%d")),
    st.sampled_from(["Amsterdam", "1234 AB", "ja", "", "nee", "12", "a@b.nl"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_OTHER_CELL | st.none(), max_size=40))
def test_identifier_columns_are_recognized_as_before(cells: list[str | None]) -> None:
    """A column the policy names no category for is fingerprinted when at least half its
    cells are identifiers, whatever the gate and the early stop skip."""
    columns = [leak._SourceColumn("other", None, False)]
    batch = pa.RecordBatch.from_arrays([pa.array(cells, pa.string())], ["other"])
    found = leak._Pairs()
    leak._collect(columns, batch, Fingerprinter(KEY), found, leak._Pairs())

    present = [c for c in column_texts(batch.column(0)) if c is not None]
    detectors = leak._value_detectors()
    looked_up = [
        (text, category)
        for text in present
        if (category := next((d.category for d in detectors if d.matches(text)), None))
    ]
    expected: set[tuple[str, int]] = set()
    if len(looked_up) >= 0.5 * len(present):
        reference_fingerprinter = Fingerprinter(KEY)
        for text, category in looked_up:
            expected |= {(category, fp) for fp in reference_fingerprinter.register(text)}
    assert {(c, fp) for c, fps in found.by_category.items() for fp in fps} == expected


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(max_size=12), max_size=30), st.lists(st.text(max_size=12), max_size=30))
def test_merged_prefilters_hold_what_either_held(mine: list[str], theirs: list[str]) -> None:
    here, there = fast.Prefilter(), fast.Prefilter()
    for tagged in mine:
        here.add(tagged)
    for tagged in theirs:
        there.add(tagged)
    expected = int.from_bytes(here._bits, "little") | int.from_bytes(there._bits, "little")
    here.update(there)
    assert int.from_bytes(here._bits, "little") == expected
    assert all(tagged in here for tagged in mine + theirs)
