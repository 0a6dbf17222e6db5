"""Documents replaced by a placeholder of the same type and a similar size.

Text documents (UTF-8 or Windows-1252) are redacted as text and written back in their own
encoding (one in ASCII in ASCII), so they stay readable; PDF, PNG, JPEG, Word documents and
other ZIP archives become a fixed placeholder of the same type, padded towards the original
size (up to ``MAX_PADDING`` bytes), so applications that check types and sizes keep working;
other binaries become zero bytes of their size. The placeholder holds nothing of the original.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile

import pyarrow as pa

from sluis.anonymize.known import Known
from sluis.anonymize.operators._arrow import as_array, per_distinct
from sluis.anonymize.operators.redact_text import redact_all
from sluis.discover.content import document_text
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
        found = [None if d is None else document_text(d) for d in documents]
        redacted = iter(redact_all([f[0] for f in found if f is not None], key, known=known))
        out = [
            None if d is None
            else placeholder(d) if f is None
            else _written(next(redacted) or "", f[1], ascii_only=d.isascii())
            for d, f in zip(documents, found, strict=True)
        ]  # fmt: skip
        return pa.array(out, distinct.type)

    return per_distinct(as_array(values), transform)


# Letters NFKD does not take apart into a base letter and an accent.
_LATIN = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i",
                        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"})  # fmt: skip


def _written(text: str, encoding: str, *, ascii_only: bool) -> bytes:
    """The redacted text in the document's encoding; a document in ASCII stays ASCII (its
    fakes without accents), as the charset its system declares for it is unknown here."""
    if ascii_only:
        bare = unicodedata.normalize("NFKD", text.translate(_LATIN))
        text = "".join(c for c in bare if not unicodedata.combining(c))
        return text.encode("ascii", errors="replace")
    return text.encode(encoding, errors="replace")


def placeholder(document: bytes) -> bytes:
    """A placeholder of the document's type, padded towards its size."""
    size = min(len(document), MAX_PADDING)
    if document.startswith(b"%PDF"):
        base = _PDF
        pad = b"%" + b" " * 78 + b"\n"
    elif document.startswith(b"\x89PNG"):
        base, pad = _PNG, b"\x00"
    elif document.startswith(b"\xff\xd8\xff"):
        base, pad = _JPEG, b"\x00"
    elif document.startswith(b"PK\x03\x04"):
        return _archive(document, size)
    else:
        return bytes(size)
    missing = max(0, size - len(base))
    return base + (pad * (missing // len(pad) + 1))[:missing]


def _archive(document: bytes, size: int) -> bytes:
    """A Word document for a Word document, else a ZIP archive holding one text file;
    padded by the archive's comment."""
    try:
        with zipfile.ZipFile(io.BytesIO(document)) as read:
            word = "word/document.xml" in read.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        word = False
    base = _DOCX if word else _ZIP
    comment = min(max(0, size - len(base)), _MAX_COMMENT)
    # The comment is the archive's last field, with its length in the two bytes before it.
    return base[:-2] + comment.to_bytes(2, "little") + b" " * comment


def _zipped(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            archive.writestr(
                zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), text, zipfile.ZIP_DEFLATED
            )
    return buffer.getvalue()


_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
_OOXML = "http://schemas.openxmlformats.org"
_DOCX = _zipped(
    {
        "[Content_Types].xml": f'{_XML}<Types xmlns="{_OOXML}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": f'{_XML}<Relationships xmlns="{_OOXML}/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_OOXML}/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": f'{_XML}<w:document xmlns:w="{_OOXML}/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>placeholder document</w:t></w:r></w:p></w:body></w:document>",
    }
)
_ZIP = _zipped({"placeholder.txt": "placeholder document\n"})
_MAX_COMMENT = 0xFFFF
