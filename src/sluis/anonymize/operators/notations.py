"""Licence plates and VAT numbers: one fake per identifier however it is written.

A plate is written "63-NH-BD" in the register, "63NHBD" in a camera's event and "63-nh-bd" in
a note; a VAT number "NL123456789B01" or "NL 1234.56.789.B01". The fake is the
format-preserving pseudonym (see :func:`.generic.pseudonymize`) of the identifier's core (a
plate's letters and digits, a VAT number's digits: its "NL" and "B" stay), laid out again as
the original was, so every notation stays one identifier in the copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import pyarrow as pa

from sluis.anonymize.operators import generic
from sluis.anonymize.operators._arrow import as_array, is_text, per_distinct
from sluis.anonymize.taken import Detour, Detours
from sluis.keys import Key

Core = Callable[[str], bool]  # which characters of a value make its core


def _pseudonymize(
    values: pa.Array | pa.ChunkedArray, key: Key, detours: Detours | None, core: Core, kind: str
) -> pa.Array:
    array = as_array(values)
    original = array.type
    text = array if is_text(original) else array.cast(pa.string())
    own = {k.removeprefix(kind): v for k, v in (detours or {}).items() if k.startswith(kind)}

    def transform(distinct: pa.Array) -> pa.Array:
        written: list[str] = distinct.cast(pa.string()).to_pylist()
        fakes = generic.pseudonymize(_cores(written, core), key, own).to_pylist()
        laid_out = [_laid_out(w, f, core) for w, f in zip(written, fakes, strict=True)]
        return pa.array(laid_out, pa.string())

    result = per_distinct(text.cast(pa.string()), transform)
    return result.cast(original) if is_text(original) else result


def _detours(values: Iterable[pa.Array], key: Key, core: Core, kind: str) -> dict[str, Detour]:
    """The detours around the source's identifiers, read by their cores, kept apart from those
    of the other generic identifiers (the plans share their keys' names)."""
    cores = (_cores(a.cast(pa.string()).to_pylist(), core) for a in values)
    return {kind + k: v for k, v in generic.detours(cores, key).items()}


def _cores(written: Sequence[str | None], core: Core) -> pa.Array:
    return pa.array(
        [None if w is None else "".join(c for c in w.upper() if core(c)) for w in written],
        pa.string(),
    )


def _laid_out(written: str, fake: str, core: Core) -> str:
    """``fake``'s characters in the places and case of ``written``'s core."""
    chars = iter(fake)
    return "".join(
        (next(chars).lower() if c.islower() else next(chars)) if core(c) else c for c in written
    )


def license_plate(
    values: pa.Array | pa.ChunkedArray, key: Key, detours: Detours | None = None
) -> pa.Array:
    """Keyed pseudonyms of plates (see the module docstring); with ``detours``, none is a
    plate of the source."""
    return _pseudonymize(values, key, detours, str.isalnum, "plate/")


def plate_detours(values: Iterable[pa.Array], key: Key) -> dict[str, Detour]:
    return _detours(values, key, str.isalnum, "plate/")


def vat(values: pa.Array | pa.ChunkedArray, key: Key, detours: Detours | None = None) -> pa.Array:
    """Keyed pseudonyms of VAT numbers that keep their letters (see the module docstring)."""
    return _pseudonymize(values, key, detours, str.isdigit, "vat/")


def vat_detours(values: Iterable[pa.Array], key: Key) -> dict[str, Detour]:
    return _detours(values, key, str.isdigit, "vat/")
