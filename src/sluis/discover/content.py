"""Content evidence: personal data inside free text, JSON and documents.

A column is a *container* when its cells are documents (BLOB), JSON, file names or
free text. Its cells are searched with the free-text entity finder; JSON keys are read
as column names. The column is personal when the sample holds enough entities to rule
out a stray false positive, or any identifier that a checksum confirms.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import pyarrow as pa

from sluis.discover.cells import Sample, sample
from sluis.discover.text import find_entities
from sluis.discover.text_cues import mentions_a_title, titles_only
from sluis.discover.vocabulary import STRONG, changed_field, field_hint, hint
from sluis.model.categories import PERSON_NAMES
from sluis.model.schema import Column, LogicalType

_PRINTABLE_RUN = re.compile(rb"[\x20-\x7e\xc0-\xff]{4,}")
_DOCUMENT_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"GIF8",
    b"II*\x00",
    b"MM\x00*",
    b"\xd0\xcf\x11\xe0",
)
# Identifiers that a checksum or strict syntax confirms: one is enough.
_CONFIRMED = frozenset({"id.bsn", "finance.iban", "contact.email", "id.vat"})
# Tags of XML and HTML: read as word breaks, so "<naam>Jan</naam>" reads "Jan".
_MARKUP = re.compile(r"<[^<>]{1,200}>")
_MIN_SHARE = 0.02
_MIN_HITS = 3
# Searching text costs about a millisecond a cell: a few hundred cells tell enough.
MAX_CELLS = 400
# The start of a document names its subject; the rest adds cost, not evidence.
MAX_DOCUMENT_CHARS = 4_000


@dataclass(frozen=True)
class ContentFindings:
    """``categories`` found inside; ``personal`` may hold without any, for documents
    (scans, images) that have no text to search."""

    container_category: str
    categories: frozenset[str]
    evidence: tuple[str, ...]
    confidence: float
    personal: bool


def text_kind(cells: pa.Array | pa.ChunkedArray | Sample) -> str | None:
    """``json``, ``file`` (file names), ``text`` (free text) or ``None`` for other cells."""
    return sample(cells).kind


def is_container(column: Column, cells: pa.Array | pa.ChunkedArray | Sample) -> bool:
    """True for BLOB and JSON columns, and text columns of notes, JSON or file names."""
    if column.type in (LogicalType.BLOB, LogicalType.JSON):
        return True
    if column.type is not LogicalType.TEXT:
        return False
    return sample(cells).kind is not None


def name_shares(cells: pa.Array | pa.ChunkedArray | Sample) -> tuple[float, float]:
    """The shares of sampled cells that are a person's name and little else (``DE VRIES, J.``,
    ``Hr. J. de Vries``: a few words, mostly covered by names; a name column whose spelling
    varies, not free text), and that are one name after a title or role and nothing else
    ("huisarts Guit", "drs. M. Demir": who referred or treated someone, whose roles a fake
    full name would lose, so its cells are searched as text)."""
    values = sample(cells).head(MAX_CELLS).texts
    if not values:
        return 0.0, 0.0
    named = titled = 0
    for value in values:
        if len(value) > _NAME_CELL_CHARS or value.count(" ") >= _NAME_CELL_WORDS:
            continue
        spans = [s for s in find_entities(value) if s.category in PERSON_NAMES]
        covered = sum(s.end - s.start for s in spans)
        named += covered >= 0.6 * len(value.strip())
        if len(spans) == 1:
            rest = value[: spans[0].start] + value[spans[0].end :]
            titled += bool(rest.strip()) and titles_only(rest)
    return named / len(values), titled / len(values)


_NAME_CELL_CHARS = 60
_NAME_CELL_WORDS = 6


def phrases_naming_people(cells: pa.Array | pa.ChunkedArray | Sample) -> float:
    """The share of sampled cells of several words in which the finder sees a person's name
    ("Verlof Horst", "Re: contract Thijs": a mail's subject, too short to read as free
    text); 0 where fewer than half the cells have several words."""
    values = sample(cells).head(MAX_CELLS).texts
    if not values or sum(" " in v for v in values) < 0.5 * len(values):
        return 0.0
    named = sum(
        any(s.category in PERSON_NAMES and s.score >= 0.5 for s in find_entities(v)) for v in values
    )
    return named / len(values)


def may_hold_titled_names(cells: pa.Array | pa.ChunkedArray | Sample, share: float) -> bool:
    """Whether at least ``share`` of the cells :func:`name_shares` reads mention a title or
    role: without that, its second share stays below ``share``, and its finder runs (a
    fifth of a second per column) are not needed."""
    values = sample(cells).head(MAX_CELLS).texts
    return bool(values) and sum(map(mentions_a_title, values)) >= share * len(values)


def inspect(column: Column, cells: pa.Array | pa.ChunkedArray | Sample) -> ContentFindings:
    """Search the first :data:`MAX_CELLS` sampled cells of a container column."""
    head = sample(cells).head(MAX_CELLS)
    if column.type is LogicalType.BLOB:
        return _inspect_blobs(head.cells.to_pylist())
    values = head.texts
    if column.type is LogicalType.JSON or head.kind == "json":
        return _inspect_documents("json", [_json_texts(v) for v in values], "json")
    kind = head.kind or "text"
    return _inspect_documents("text", [[v] for v in values], kind)


def _inspect_blobs(raw: list[object]) -> ContentFindings:
    documents: list[list[str]] = []
    opaque = 0
    for value in raw:
        if not isinstance(value, bytes | bytearray | memoryview):
            continue
        data = bytes(value)
        text = _blob_text(data)
        documents.append([text] if text else [])
        if not text and data.startswith(_DOCUMENT_MAGIC):
            opaque += 1
    found = _inspect_documents("blob", documents, "document")
    if found.personal or not opaque:
        return found
    # Scans and images: no text to search, but documents about people are personal.
    share = round(100 * opaque / max(1, len(documents)))
    return ContentFindings(
        "blob.contains_pii",
        frozenset(),
        (*found.evidence, f"content:documents without text {share}%"),
        0.5,
        personal=True,
    )


# Text a PDF shows sits in string literals before a text operator: ``(Naam: ...) Tj``.
_PDF_TEXT = re.compile(rb"\(((?:[^()\\]|\\.){1,500})\)\s*(?:Tj|'|\")|\[([^\]]{1,2000})\]\s*TJ")
_PDF_STRING = re.compile(rb"\(((?:[^()\\]|\\.){1,500})\)")


def pdf_text(data: bytes) -> str | None:
    """The text an uncompressed PDF shows, without its structure words (``/Type /Pages``
    would otherwise read as names); ``None`` for data that is no PDF."""
    if not data.startswith(b"%PDF"):
        return None
    parts: list[bytes] = []
    for shown, array in _PDF_TEXT.findall(data):
        parts += [shown] if shown else _PDF_STRING.findall(array)
    return " ".join(p.decode("latin-1") for p in parts)


# Text documents are written in UTF-8, or in Windows-1252 (Latin-1 as Windows writes it).
_TEXT_ENCODINGS = ("utf-8", "cp1252")
_PRINTABLE_SHARE = 0.95
# Control characters other than whitespace: a binary's bytes decoded as text show them.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def document_text(data: bytes) -> tuple[str, str] | None:
    """A text document's text and the encoding it decodes in; ``None`` for a PDF, image,
    archive or other binary (text that is not nearly all printable)."""
    if data.startswith(_DOCUMENT_MAGIC):
        return None
    for encoding in _TEXT_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        control = len(_CONTROL.findall(text))
        return (text, encoding) if text and control <= (1 - _PRINTABLE_SHARE) * len(text) else None
    return None


def readable(data: bytes) -> str:
    """Readable text of a document: what a PDF shows, a text document's text, else its
    printable runs (read as Latin-1, joined by spaces)."""
    shown = pdf_text(data)
    if shown is not None:
        return shown
    found = document_text(data)
    if found is not None:
        return found[0]
    return " ".join(r.decode("latin-1") for r in _PRINTABLE_RUN.findall(data))


def _blob_text(data: bytes) -> str:
    return readable(head(data, 4 * MAX_DOCUMENT_CHARS))[:MAX_DOCUMENT_CHARS]


def head(data: bytes, size: int) -> bytes:
    """The first ``size`` bytes of ``data``, not cutting a UTF-8 character in two."""
    if len(data) <= size:
        return data
    end = size
    while end > size - 4 and 0x80 <= data[end] < 0xC0:
        end -= 1
    return data[:end]


def _json_texts(value: str) -> list[str]:
    """Leaf strings of a JSON document, with ``key: value`` so key names act as context."""
    try:
        document = json.loads(value)
    except ValueError:
        return [value]
    return list(_leaves(document, ""))


def _leaves(node: object, key: str) -> Iterator[str]:
    if isinstance(node, dict):
        for child_key, child in node.items():
            # A change record's values read under the field they change: "achternaam: Berg".
            changed = field_hint(changed_field(node, str(child_key)))
            yield from _leaves(child, changed.word if changed else str(child_key))
    elif isinstance(node, list):
        for child in node:
            yield from _leaves(child, key)
    elif node is not None and not isinstance(node, bool):
        yield f"{key}: {node}" if key else str(node)


def _inspect_documents(container: str, documents: list[list[str]], kind: str) -> ContentFindings:
    """Count entity categories over documents; each document is a list of text parts."""
    per_category: Counter[str] = Counter()
    cells_with_hits = 0
    for parts in documents:
        found = set()
        for part in parts:
            found |= _categories_in(part, keyed=container == "json")
        per_category.update(found)
        cells_with_hits += bool(found)
    total = max(1, len(documents))
    evidence = [f"content:{kind} {len(documents)} cells searched"]
    # By share, then code: set order varies between runs, and so would the policy's comments.
    ranked = sorted(per_category.items(), key=lambda item: (-item[1], item[0]))
    evidence += [f"contains:{code} {round(100 * n / total)}%" for code, n in ranked]
    personal = {
        code
        for code, n in per_category.items()
        if code in _CONFIRMED or n >= min(_MIN_HITS, total) or n / total >= _MIN_SHARE
    }
    confidence = min(1.0, 0.6 + cells_with_hits / total) if personal else 0.0
    return ContentFindings(
        f"{container}.contains_pii",
        frozenset(personal),
        tuple(evidence),
        confidence,
        personal=bool(personal),
    )


def _categories_in(text: str, *, keyed: bool) -> set[str]:
    """Entity categories in one text part; for JSON also the category its key names."""
    if "<" in text:
        text = _MARKUP.sub(" ", text)
    found = {span.category for span in find_entities(text) if span.score >= 0.5}
    key, sep, rest = text.partition(": ")
    if keyed and sep and rest.strip():
        named = hint(key)
        if named.category and named.strength >= STRONG and named.category != "text.contains_pii":
            found.add(named.category)
    return found
