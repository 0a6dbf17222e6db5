"""Pass one of the leak check gives the same sets however a table's free text is cut.

Whether a column holds identifiers is judged per batch (half its filled cells must be one),
so the pieces that free text is cut into for the workers must not cut that column too.
"""

from __future__ import annotations

import random

import pyarrow as pa

from sluis.synth import identifiers
from sluis.verify.checks.leak import _PassOne, _SourceColumn
from sluis.verify.fingerprints import FingerprintKey
from sluis.workers import StartingPool

KEY = FingerprintKey.derived(bytes(range(32)))


def test_a_column_of_partly_identifiers_is_judged_on_the_whole_batch() -> None:
    rng = random.Random(5)
    # 256 BSNs, then more order numbers: under half the column, so it holds no identifiers.
    codes = [identifiers.bsn(rng) for _ in range(256)] + [f"bestelling {i}" for i in range(344)]
    notes = [f"Jan de Vries belde over dossier {i}." for i in range(600)]
    batch = pa.record_batch({"note": notes, "code": codes})
    columns = [_SourceColumn("note", None, True), _SourceColumn("code", None, False)]

    whole = _PassOne(KEY, StartingPool(1))
    whole.here(columns, batch)
    pieces = _PassOne(KEY, StartingPool(2))
    try:  # pieces of 256 rows: the first would be all BSNs
        pieces.shared(columns, [batch], rows=600, batch_rows=1_024)
    finally:
        pieces.pool.close()
    (ids_whole, personal_whole, starts_whole) = whole.build()
    (ids_pieces, personal_pieces, starts_pieces) = pieces.build()
    assert len(ids_whole) == 0
    assert ids_pieces.frame.sort("fp").equals(ids_whole.frame.sort("fp"))
    assert personal_pieces.frame.sort("fp").equals(personal_whole.frame.sort("fp"))
    assert starts_pieces.sort().equals(starts_whole.sort())
    assert len(personal_whole) > 0  # the note's name was found in both
