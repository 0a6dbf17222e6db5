"""Documents replaced by a placeholder of the same type and a similar size.

Text documents (UTF-8) are redacted as text, so they stay readable; PDF, PNG, JPEG and
other binaries become a fixed placeholder of the same type, padded towards the original
size (up to ``MAX_PADDING`` bytes), so applications that check types and sizes keep
working. The placeholder holds nothing of the original.
"""

from __future__ import annotations

import pyarrow as pa

from sluis.anonymize.known import Known
from sluis.anonymize.operators._arrow import as_array, per_distinct
from sluis.anonymize.operators.redact_text import redact_all
from sluis.keys import Key

MAX_PADDING = 256 * 1024

_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
    b"/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
    # The visible text holds no capitalized word: nothing in it reads as a name or place.
    b"4 0 obj<</Length 54>>stream\nBT /F1 18 Tf 72 770 Td (placeholder document) Tj ET\n"
    b"endstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
# A 1x1 grey PNG.
_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010800000000"
    "3a7e9b550000000a49444154789c63680000008200816cf1b8e40000000049454e44ae426082"
)
# A 1x1 grey baseline JPEG.
_JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c"
    "140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27"
    "393d38323c2e333432ffc0000b080001000101011100ffc4001f0000010501010101010100000000"
    "000000000102030405060708090a0bffc400b5100002010303020403050504040000017d01020300"
    "041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a"
    "25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475"
    "767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9ba"
    "c2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda"
    "0008010100003f00d2cf20ffd9"
)


def replace_blob(
    values: pa.Array | pa.ChunkedArray, key: Key, known: Known | None = None
) -> pa.Array:
    """Placeholders for every distinct document (see the module docstring)."""

    def transform(distinct: pa.Array) -> pa.Array:
        documents = distinct.to_pylist()
        texts = [_as_text(d) for d in documents]
        redacted = redact_all([t for t in texts if t is not None], key, known=known)
        it = iter(redacted)
        out = [
            None if d is None else (next(it) or "").encode() if t is not None else placeholder(d)
            for d, t in zip(documents, texts, strict=True)
        ]
        return pa.array(out, distinct.type)

    return per_distinct(as_array(values), transform)


_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff")


def _as_text(document: bytes | None) -> str | None:
    # A PDF written in plain ASCII decodes as text too; its type decides, not its bytes.
    if document is None or document.startswith(_BINARY_MAGIC):
        return None
    try:
        text = document.decode("utf-8")
    except UnicodeDecodeError:
        return None
    printable = sum(c.isprintable() or c.isspace() for c in text)
    return text if text and printable >= 0.95 * len(text) else None


def placeholder(document: bytes) -> bytes:
    """A placeholder of the document's type, padded towards its size."""
    if document.startswith(b"%PDF"):
        base = _PDF
        pad = b"%" + b" " * 78 + b"\n"
    elif document.startswith(b"\x89PNG"):
        base, pad = _PNG, b"\x00"
    elif document.startswith(b"\xff\xd8\xff"):
        base, pad = _JPEG, b"\x00"
    else:
        return bytes(min(len(document), MAX_PADDING))
    missing = max(0, min(len(document), MAX_PADDING) - len(base))
    return base + (pad * (missing // len(pad) + 1))[:missing]
