"""Licence plates: one fake per plate however it is written.

A plate is written "63-NH-BD" in the register, "63NHBD" in a camera's event and "63-nh-bd" in
a note; the fake is the format-preserving pseudonym of its letters and digits alone (see
:func:`.generic.pseudonymize`), laid out again as the original was, so the three stay one plate
in the copy.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa

from sluis.anonymize.operators import generic
from sluis.anonymize.operators._arrow import as_array, is_text, per_distinct
from sluis.anonymize.taken import Detour, Detours
from sluis.keys import Key


def license_plate(
    values: pa.Array | pa.ChunkedArray, key: Key, detours: Detours | None = None
) -> pa.Array:
    """Keyed pseudonyms of plates (see the module docstring); with ``detours``, none is a
    plate of the source."""
    array = as_array(values)
    original = array.type
    text = array if is_text(original) else array.cast(pa.string())

    own = {
        k.removeprefix(_DETOURS): v for k, v in (detours or {}).items() if k.startswith(_DETOURS)
    }

    def transform(distinct: pa.Array) -> pa.Array:
        written: list[str] = distinct.cast(pa.string()).to_pylist()
        fakes = generic.pseudonymize(_compact(pa.array(written, pa.string())), key, own)
        return pa.array(
            [_laid_out(w, f) for w, f in zip(written, fakes.to_pylist(), strict=True)],
            pa.string(),
        )

    result = per_distinct(text.cast(pa.string()), transform)
    return result.cast(original) if is_text(original) else result


def detours(values: Iterable[pa.Array], key: Key) -> dict[str, Detour]:
    """The detours around the source's plates, read as :func:`license_plate` reads them, apart
    from those of the other generic identifiers (the two plans share their keys' names)."""
    compact = (_compact(a.cast(pa.string())) for a in values)
    return {_DETOURS + k: v for k, v in generic.detours(compact, key).items()}


_DETOURS = "plate/"


def _compact(plates: pa.Array) -> pa.Array:
    return pa.array(
        [
            None if p is None else "".join(c for c in p.upper() if c.isalnum())
            for p in plates.to_pylist()
        ],
        pa.string(),
    )


def _laid_out(written: str, fake: str) -> str:
    """``fake``'s letters and digits in the places and case of ``written``'s."""
    chars = iter(fake)
    return "".join(
        (next(chars).lower() if c.islower() else next(chars)) if c.isalnum() else c for c in written
    )
