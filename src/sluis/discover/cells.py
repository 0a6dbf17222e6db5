"""Turn sampled Arrow cells into the text detectors read, and tell which kind of text
they hold (JSON, file names, free text)."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from functools import cached_property

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
    return [text for text in _cell_texts(cells) if text is not None]


def _cell_texts(cells: pa.Array | pa.ChunkedArray) -> list[str | None]:
    """Every cell as :func:`as_text` reads it; string cells without a call per cell."""
    if pa.types.is_string(cells.type) or pa.types.is_large_string(cells.type):
        return [value.strip() or None if value is not None else None for value in cells.to_pylist()]
    return [as_text(value) for value in cells.to_pylist()]


class Sample:
    """The sampled cells of one column, read as text once however often they are asked.

    The scan asks a column's text and its kind several times (is it a container, which
    kind, its first cells for the entity search); each is computed on first use.
    """

    def __init__(self, cells: pa.Array | pa.ChunkedArray) -> None:
        self.cells = cells
        self._heads: dict[int, Sample] = {}

    def __len__(self) -> int:
        return len(self.cells)

    @cached_property
    def _per_cell(self) -> list[str | None]:
        return _cell_texts(self.cells)

    @cached_property
    def texts(self) -> list[str]:
        """The non-empty cells as text, in order (:func:`texts`)."""
        return [text for text in self._per_cell if text is not None]

    @cached_property
    def kind(self) -> str | None:
        """``json``, ``file`` (file names), ``text`` (free text) or ``None`` (:func:`text_kind`)."""
        return text_kind(self.texts)

    def head(self, count: int) -> Sample:
        """The first ``count`` cells, sharing the text already read."""
        if count >= len(self.cells):
            return self
        if count not in self._heads:
            head = Sample(self.cells.slice(0, count))
            if "_per_cell" in self.__dict__:
                head.__dict__["_per_cell"] = self._per_cell[:count]
            self._heads[count] = head
        return self._heads[count]


def sample(cells: pa.Array | pa.ChunkedArray | Sample) -> Sample:
    """``cells`` as a :class:`Sample`; a sample as itself, with what it has computed."""
    return cells if isinstance(cells, Sample) else Sample(cells)


_MIN_TEXT_LENGTH = 25
# Five words or more: a sentence, not a name or a code. A column with some is free text,
# even when most of its cells are short codes.
_SENTENCE_SPACES = 4
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_WORDS = 2
_FILE_NAME = re.compile(
    r"^[^@/\\]{0,200}[A-Za-z][^@/\\]{0,200}\.(?:pdf|docx?|odt|rtf|txt|xlsx?|ods|csv|xml|json"
    r"|jpe?g|png|gif|bmp|tiff?|heic|webp|msg|eml|zip|html?)$",
    re.IGNORECASE,
)
# What every match of _FILE_NAME has, checked first: the pattern backtracks through its
# two 200-character runs on every long cell, which costs a letter's column seconds.
_FILE_NAME_CHARS = 200 + 1 + 200 + len(".jpeg\n")
_FILE_EXTENSION = re.compile(
    r"\.(?:pdf|docx?|odt|rtf|txt|xlsx?|ods|csv|xml|json"
    r"|jpe?g|png|gif|bmp|tiff?|heic|webp|msg|eml|zip|html?)$",
    re.IGNORECASE,
)


def is_file_name(value: str) -> bool:
    """A document's file name (``brief_2023.pdf``): no path, no ``@``, a known extension."""
    return (
        len(value) <= _FILE_NAME_CHARS
        and _FILE_EXTENSION.search(value, max(0, len(value) - len(".jpeg\n"))) is not None
        and _FILE_NAME.match(value) is not None
    )


def text_kind(values: list[str]) -> str | None:
    """``json``, ``file`` (file names), ``text`` (free text) or ``None`` for other cells."""
    if not values:
        return None
    n = len(values)
    if sum(1 for v in values if v[:1] in "{[" and parses_as_json(v)) >= 0.5 * n:
        return "json"
    if sum(1 for v in values if is_file_name(v)) >= 0.5 * n:
        return "file"
    # "Name <address>": an address with a display name, as mail headers write it.
    if sum(1 for v in values if "@" in v and " " in v) >= 0.3 * n:
        return "text"
    average = sum(len(v) for v in values) / n
    spaced = sum(1 for v in values if v.count(" ") >= 3)
    # Words, not only spaces: a phone number in groups ("06 31 37 58 58") is no sentence.
    sentences = sum(
        1
        for v in values
        if v.count(" ") >= _SENTENCE_SPACES
        and sum(1 for word in v.split() if _LETTER.search(word)) >= _SENTENCE_WORDS
    )
    if (average >= _MIN_TEXT_LENGTH and spaced >= 0.3 * n) or sentences >= 0.1 * n:
        return "text"
    return None


def parses_as_json(value: str) -> bool:
    try:
        json.loads(value)
    except ValueError:
        return False
    return True
