"""The text a PDF shows is searched, not its structure words."""

from __future__ import annotations

from sluis.discover.content import pdf_text
from sluis.discover.text import find_entities

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R>>endobj\n"
    b"4 0 obj<</Length 80>>stream\nBT (Aanvraag van) Tj T* [(mevrouw ) -20 (Fatima El Amrani)] TJ"
    b" ET\nendstream endobj\n%%EOF\n"
)


def test_only_shown_text_is_read() -> None:
    text = pdf_text(PDF)
    assert text is not None
    assert "Pages" not in text and "Parent" not in text
    assert "Aanvraag van" in text
    assert any(s.category == "person.name" for s in find_entities(text))


def test_other_documents_are_no_pdf() -> None:
    assert pdf_text(b"\x89PNG\r\n\x1a\n") is None
