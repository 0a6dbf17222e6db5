"""PostgreSQL's array literal, the text an array column (``text[]``, ``varchar(20)[]``) is
read and written as: ``{"Kerkstraat 12",NULL,Dorpsweg}``.

Scan, anonymize and verify take such a cell apart into its elements and treat each as a
cell of its element type; anonymize puts the replaced elements together again. Only
one-dimensional literals are taken apart: a cell of another shape (nested braces, explicit
bounds ``[0:1]={…}``) reads as no elements, and anonymize does not copy it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa

# What PostgreSQL skips around an element (not every space Unicode knows), and what makes
# it quote one.
_SPACE = " \t\n\r\v\f"
_QUOTE_NEEDED = frozenset('{},"\\' + _SPACE)


def is_array(native_type: str) -> bool:
    """Whether a native column type is an array of another (``text[]``, ``integer[]``)."""
    return native_type.rstrip().endswith("]")


def element_type(native_type: str) -> str:
    """The native type of one element: ``varchar(20)[]`` → ``varchar(20)``."""
    return native_type.rstrip().split("[", 1)[0].rstrip()


def parse(literal: str) -> list[str | None] | None:
    """The elements of a one-dimensional literal (``NULL`` unquoted is a null element), or
    None for text of another shape."""
    text = literal.strip(_SPACE)
    if len(text) < 2 or text[0] != "{" or text[-1] != "}":
        return None
    elements: list[str | None] = []
    i, end = 1, len(text) - 1
    if not text[i:end].strip(_SPACE):
        return elements
    while True:
        while i < end and text[i] in _SPACE:
            i += 1
        if i < end and text[i] == '"':
            value, i = _quoted(text, i + 1, end)
            if value is None:
                return None
            elements.append(value)
            while i < end and text[i] in _SPACE:
                i += 1
        else:
            start, chars = i, []
            while i < end and text[i] not in ',{}"':
                if text[i] == "\\" and i + 1 < end:
                    i += 1
                chars.append(text[i])
                i += 1
            if i < end and text[i] != ",":
                return None  # a nested array or a stray quote
            raw = "".join(chars).strip(_SPACE)
            if not raw:
                return None
            elements.append(None if text[start:i].strip(_SPACE).upper() == "NULL" else raw)
        if i == end:
            return elements
        if text[i] != ",":
            return None
        i += 1


def _quoted(text: str, i: int, end: int) -> tuple[str | None, int]:
    chars = []
    while i < end:
        char = text[i]
        if char == "\\" and i + 1 < end:
            chars.append(text[i + 1])
            i += 2
        elif char == '"':
            return "".join(chars), i + 1
        else:
            chars.append(char)
            i += 1
    return None, i


def write(elements: Sequence[str | None]) -> str:
    """The literal of ``elements``, each quoted where PostgreSQL's own output would be."""
    return "{" + ",".join(_element(e) for e in elements) + "}"


def _element(value: str | None) -> str:
    if value is None:
        return "NULL"
    if value and value.upper() != "NULL" and not any(c in _QUOTE_NEEDED for c in value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def exploded(cells: pa.Array | pa.ChunkedArray) -> tuple[pa.Array, pa.Array]:
    """The elements of every cell in one text array, and for each the index of its cell;
    cells that are null or no literal give none."""
    elements: list[str | None] = []
    rows: list[int] = []
    for row, cell in enumerate(cells.cast(pa.string()).to_pylist()):
        parsed = parse(cell) if cell is not None else None
        if parsed:
            elements += parsed
            rows += [row] * len(parsed)
    return pa.array(elements, pa.string()), pa.array(rows, pa.int64())


def gathered(cells: pa.Array | pa.ChunkedArray, rows: pa.Array, elements: pa.Array) -> pa.Array:
    """``cells`` with each literal written again from its replaced ``elements`` (in the
    order :func:`exploded` gave them); a cell that was no literal becomes null (it could not
    be replaced), an empty array stays empty."""
    by_row: list[list[str | None]] = [[] for _ in range(len(cells))]
    for row, element in zip(rows.to_pylist(), elements.cast(pa.string()).to_pylist(), strict=True):
        by_row[row].append(element)
    out: list[str | None] = []
    for cell, replaced in zip(cells.cast(pa.string()).to_pylist(), by_row, strict=True):
        # A cell with elements was a literal; only one without is read again.
        literal = bool(replaced) or (cell is not None and parse(cell) is not None)
        out.append(write(replaced) if literal else None)
    return pa.array(out, pa.string())


def joined(cells: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Each literal as its non-null elements on lines of their own (how a verifier reads the
    cell as text), null for an empty one; a cell that is no literal stays as it is."""
    out = []
    for cell in cells.cast(pa.string()).to_pylist():
        parsed = parse(cell) if cell is not None else None
        out.append(cell if parsed is None else "\n".join(e for e in parsed if e) or None)
    return pa.array(out, pa.string())
