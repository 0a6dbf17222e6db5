"""Arrow column conversions the sinks share: to the few types a backend's loader takes."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

_ZERO_FRACTION = r"\.0+$"


def plain(array: pa.Array | pa.ChunkedArray) -> pa.Array:
    """``array`` as one contiguous, non-dictionary, non-extension array."""
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    if isinstance(array, pa.ExtensionArray):
        array = array.storage
    if pa.types.is_dictionary(array.type):
        array = array.dictionary_decode()
    return array


def hex_text(array: pa.Array) -> pa.Array:
    """Binary values as PostgreSQL's hex text form ``\\x0a1b``; NULL stays NULL."""
    return pa.array(
        [None if v is None else "\\x" + v.hex() for v in array.to_pylist()], type=pa.string()
    )


def _drop_zero_fraction(text: pa.Array) -> pa.Array:
    return pc.replace_substring_regex(text, pattern=_ZERO_FRACTION, replacement="")


def timestamp_text(array: pa.Array) -> pa.Array:
    """ISO 8601 text ``YYYY-MM-DD HH:MM:SS[.ffffff]``; zoned values in UTC with ``+00:00``.

    Both SQLite's date functions and PostgreSQL read this form.
    """
    unit = array.type.unit
    if array.type.tz is None:
        return _drop_zero_fraction(pc.strftime(array, format="%Y-%m-%d %H:%M:%S"))
    utc = array.cast(pa.timestamp(unit, "UTC"))
    text = _drop_zero_fraction(pc.strftime(utc, format="%Y-%m-%d %H:%M:%S"))
    return pc.binary_join_element_wise(text, "+00:00", "")


def text(array: pa.Array) -> pa.Array:
    """Any column as strings: binary as ``\\x`` hex, times in ISO 8601, the rest by cast."""
    array = plain(array)
    kind = array.type
    if pa.types.is_string(kind):
        return array
    if pa.types.is_null(kind):
        return pa.nulls(len(array), pa.string())
    if (
        pa.types.is_binary(kind)
        or pa.types.is_large_binary(kind)
        or pa.types.is_fixed_size_binary(kind)
        or pa.types.is_binary_view(kind)
    ):
        return hex_text(array)
    if pa.types.is_timestamp(kind):
        return timestamp_text(array)
    if pa.types.is_time(kind):
        return _drop_zero_fraction(array.cast(pa.string()))
    try:
        return array.cast(pa.string())
    except (pa.ArrowNotImplementedError, pa.ArrowInvalid):
        return pa.array(
            [None if v is None else str(v) for v in array.to_pylist()], type=pa.string()
        )


def sqlite_value_array(array: pa.Array) -> pa.Array:
    """``array`` as int64, float64, string or binary: the storage classes SQLite has."""
    array = plain(array)
    kind = array.type
    if pa.types.is_boolean(kind):
        return array.cast(pa.int64())
    if pa.types.is_integer(kind):
        try:
            return array.cast(pa.int64())
        except pa.ArrowInvalid:  # uint64 beyond int64: keep every digit as text
            return array.cast(pa.string())
    if pa.types.is_floating(kind):
        return array.cast(pa.float64())
    if (
        pa.types.is_binary(kind)
        or pa.types.is_large_binary(kind)
        or pa.types.is_fixed_size_binary(kind)
        or pa.types.is_binary_view(kind)
    ):
        return array.cast(pa.binary())
    return text(array)


def pg_csv_array(array: pa.Array) -> pa.Array:
    """``array`` in a type Arrow's CSV writer renders as PostgreSQL's text input reads it."""
    array = plain(array)
    kind = array.type
    direct = (
        pa.types.is_integer(kind)
        or pa.types.is_floating(kind)
        or pa.types.is_boolean(kind)
        or pa.types.is_decimal(kind)
        or pa.types.is_date(kind)
        or pa.types.is_timestamp(kind)
        or pa.types.is_time(kind)
        or pa.types.is_string(kind)
        or pa.types.is_large_string(kind)
    )
    return array if direct else text(array)
