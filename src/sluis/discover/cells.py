"""Turn sampled Arrow cells into the text detectors read."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyarrow as pa


def as_text(value: object) -> str | None:
    """One cell as the text a person would read in it; ``None`` for empty cells.

    Integers print without separators and floats that hold integers print without
    ``.0`` (a BSN stored as REAL), so identifier detectors see what they expect.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, Decimal):
        return str(int(value)) if value == value.to_integral_value() else str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return None
    text = str(value).strip()
    return text or None


def texts(cells: pa.Array | pa.ChunkedArray) -> list[str]:
    """The non-empty cells as text, in order."""
    out = []
    for value in cells.to_pylist():
        text = as_text(value)
        if text is not None:
            out.append(text)
    return out
