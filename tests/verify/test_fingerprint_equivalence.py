"""The normalizations and the columnar pieces (polars for ASCII cells) agree with the
reference implementation on every input, so no cell changes from leak to coincidence."""

from __future__ import annotations

import pickle

import polars as pl
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.synth import identifiers
from sluis.verify.checks import leak
from sluis.verify.context import text_array
from sluis.verify.fingerprints import FingerprintKey
from sluis.verify.pieces import cell_fingerprints, registered, texts_frame
from tests.verify import reference_fingerprints as reference

KEY = FingerprintKey(bytes(range(32)))

# Every ASCII character (controls such as \x1c-\x1f count as whitespace for ``\s``), and
# characters where casefold, ``\w``, ``\d`` and ``isdigit`` disagree with their ASCII
# counterparts.
_ASCII = st.characters(min_codepoint=0, max_codepoint=127)
_TRICKY = st.sampled_from(
    [*"ßİﬁΣς²³٣۴\u00a0\u2003\u200b\u2028éëïÖÅ_@.+-'/()", "+31", "0031", "06", "NL91", "ABNA"]
)
_CELL = st.lists(_ASCII | _TRICKY | st.sampled_from("0123456789 "), max_size=40).map("".join)
_SHAPES = st.sampled_from(
    [
        "1985-03-12",
        "12.3.1985",
        "1985-13-01",
        "31/12/1999",
        "192.168.0.1",
        "83124.56",
        "12,50",
        "5.115012",
        "52.08565",
        "06.12345678",
    ]
)
_WORDY = st.lists(
    st.sampled_from(
        [
            "Jan",
            "de",
            "Vries",
            "jan.devries",
            "HH-08_63NHBD.jpg",
            "123456782L01",
            "0612345678",
            "1234 AB",
            "Kerkstraat",
            "6e33f637-9f40-48c9-bf8c-dd648429559a",
            "d41d8cd98f00b204e9800998ecf8427e",
            "6E33F637-9F40-48C9-BF8C-DD648429559A_scan.pdf",
        ]
    )
    | _SHAPES
    | _CELL,
    max_size=6,
).map(" ".join)


def _hashed(forms: set[str], key: FingerprintKey = KEY) -> set[int]:
    frame = pl.DataFrame({"f": sorted(forms)}, schema={"f": pl.String})
    return set(frame.select(key.hashes(pl.col("f"))).to_series().to_list())


def test_fingerprints_are_the_same_after_pickling_and_differ_between_keys() -> None:
    forms = {"tjansen", "d612345678", "D19850312"}
    assert _hashed(forms) == _hashed(forms, pickle.loads(pickle.dumps(KEY)))
    assert not _hashed(forms) & _hashed(forms, FingerprintKey(bytes(range(1, 33))))


def _registered(values: list[str], category: str = "person.name") -> tuple[pl.Series, pl.Series]:
    """The fingerprints of the values and of the first words of values of several words."""
    frame = pl.DataFrame({"text": values, "category": [category] * len(values)})
    found, starts = registered(frame.cast({"text": pl.String, "category": pl.String}), KEY)
    return found["fp"], starts


def _cell_pieces(cells: list[str], **filters: pl.Series) -> list[tuple[set[int], set[int]]]:
    """(every piece, whole cell and runs) of each cell, by the columnar code."""
    found = cell_fingerprints(texts_frame(pa.array(cells, pa.string())), KEY, **filters)
    out: list[tuple[set[int], set[int]]] = [(set(), set()) for _ in cells]
    for row, fp, structural in found.select("row", "fp", "structural").iter_rows():
        out[row][0].add(fp)
        if structural:
            out[row][1].add(fp)
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDY | _CELL, max_size=8), st.lists(_WORDY | _CELL, min_size=1, max_size=8))
def test_cell_pieces_agree(registered_values: list[str], cells: list[str]) -> None:
    """Every piece, and with the filters of a target cell: runs from the first words of
    values of several words, no dictionary word alone. Cells repeat, as towns do."""
    cells = [c for c in cells + cells[:2] if c.strip() == c and c]
    if not cells:
        return
    starts_text = frozenset(
        w for v in registered_values if v and (w := reference.first_word(v)) is not None
    )
    dictionary = frozenset({"de", "jan", "kerkstraat"})
    _, starts = _registered(registered_values)
    assert set(starts.to_list()) == _hashed(set(starts_text))
    for every, filters in (
        (True, {}),
        (False, {"starts": starts, "dictionary": pl.Series(sorted(dictionary))}),
    ):
        got = _cell_pieces(cells, **filters)
        for cell, (pieces, structural) in zip(cells, got, strict=True):
            want, want_structural = reference.of_cell(
                cell, every=every, starts=starts_text, dictionary=dictionary
            )
            assert (pieces, structural) == (_hashed(want), _hashed(want_structural))


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDY | _CELL, max_size=12))
def test_registered_values_agree(values: list[str]) -> None:
    """A source value's fingerprints are those of its whole forms."""
    found, _ = _registered(values)
    assert set(found.to_list()) == _hashed({f for v in values if v for f in reference.forms(v)})


def test_a_full_name_inside_a_note_agrees() -> None:
    values = ["Fatima El Amrani", "0612345678", "NL91 ABNA 0417 1643 00", "jan@voorbeeld.nl"]
    known, starts = _registered(values)
    note = "Mevrouw FATIMA EL-AMRANI belde op +31 6 1234 5678 (rekening NL91ABNA0417164300)."
    [(every, runs)] = _cell_pieces([note], starts=starts, dictionary=pl.Series(["op"]))
    want_every, want_runs = reference.of_cell(note, starts=frozenset({"tfatima", "tnl91"}))
    assert (every, runs) == (_hashed(want_every), _hashed(want_runs))
    assert len(runs & set(known.to_list())) == 1  # the full name, as a run of tokens
    # and the phone number, and the account number as digits and as text
    assert len(every & set(known.to_list())) == 4


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
    collected = leak._collect(columns, batch, KEY).found
    found = set() if collected is None else set(collected.select("category", "fp").iter_rows())

    present = [c for c in text_array(batch.column(0)).to_pylist() if c is not None]
    detectors = leak._value_detectors()
    looked_up = [
        (text, category)
        for text in present
        if (category := next((d.category for d in detectors if d.matches(text)), None))
    ]
    expected: set[tuple[str, int]] = set()
    if len(looked_up) >= 0.5 * len(present):
        for text, category in looked_up:
            expected |= {(category, fp) for fp in _hashed(set(reference.forms(text)))}
    assert found == expected
