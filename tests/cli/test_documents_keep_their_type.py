"""Documents under ``replace_blob`` keep their type: a Windows-1252 letter is redacted and
written back in Windows-1252, a Word document becomes a Word document, another ZIP archive
a ZIP archive. Before, all three became zero bytes of their size (a blind test found its
Latin-1 letters unreadable in the copy)."""

from __future__ import annotations

import io
import random
import sqlite3
import zipfile
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from sluis.synth import identifiers
from sluis.synth.people import PersonFactory
from tests.cli.test_documents_and_hashes import DDL, anonymized


def _letter(rng: random.Random) -> str:
    return (
        f"Geachte heer Hoekstra,\n\nNa ons gesprek over de zorg voor Anaïs en René belt u"
        f" ons op {identifiers.phone(rng)}. Uw burgerservicenummer is {identifiers.bsn(rng)}."
        "\n\nMet vriendelijke groet,\nMarieke Brouwer"
    )


def _zip(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _documents() -> list[tuple[int, bytes, str]]:
    rng = random.Random(8)
    rows = []
    for i in range(1, 91):
        letter = _letter(rng)
        if i % 3 == 0:
            document = letter.encode("cp1252")
        elif i % 3 == 1:
            body = f"<w:document><w:body><w:p><w:t>{letter}</w:t></w:p></w:body></w:document>"
            document = _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": body})
        else:
            document = _zip({"xl/workbook.xml": f"<workbook>{letter}</workbook>"})
        rows.append((i, document, f"Z{i:06d}"))
    return rows


def test_documents_keep_their_type(sqlite_db: Callable[..., Path], tmp_path: Path) -> None:
    target = anonymized(sqlite_db(DDL, {"dossiers": _documents()}), tmp_path)
    with closing(sqlite3.connect(target)) as db:
        copied = {r[0]: bytes(r[1]) for r in db.execute("SELECT id, inhoud FROM dossiers")}
    letters = [copied[i].decode("cp1252") for i in copied if i % 3 == 0]
    assert len(letters) == 30
    assert all("Met vriendelijke groet" in t and "\x00" not in t for t in letters)
    assert not any("Hoekstra" in t or "Brouwer" in t for t in letters)
    words = [zipfile.ZipFile(io.BytesIO(copied[i])) for i in copied if i % 3 == 1]
    assert len(words) == 30
    assert all("word/document.xml" in w.namelist() and w.testzip() is None for w in words)
    assert not any(b"Hoekstra" in w.read("word/document.xml") for w in words)
    others = [zipfile.ZipFile(io.BytesIO(copied[i])) for i in copied if i % 3 == 2]
    assert len(others) == 30 and all(o.testzip() is None for o in others)


def test_a_letter_in_ascii_stays_ascii(sqlite_db: Callable[..., Path], tmp_path: Path) -> None:
    """A letter of plain ASCII may be declared any charset elsewhere (a mime column says
    windows-1252): its fakes are written without accents, so it reads the same in all of
    them (before, a fake "Çelik" came in UTF-8 bytes)."""
    rng = random.Random(9)
    people = PersonFactory(9)
    letters = []
    for i in range(1, 121):
        person = people.person()
        text = f"Geachte heer {person.last_name},\n\nUw BSN is {identifiers.bsn(rng)}.\n"
        letters.append((i, text.encode("ascii", errors="ignore"), f"Z{i:06d}"))
    target = anonymized(sqlite_db(DDL, {"dossiers": letters}), tmp_path)
    with closing(sqlite3.connect(target)) as db:
        copied = [bytes(r[0]) for r in db.execute("SELECT inhoud FROM dossiers")]
    assert len(copied) == len(letters)
    not_ascii = sum(1 for c in copied if not c.isascii())
    assert not_ascii == 0, f"{not_ascii} letters in ASCII were written with other bytes"
    kept = sum(1 for (_, a, _), c in zip(letters, copied, strict=True) if a == c)
    assert kept == 0, f"{kept} letters unchanged"
