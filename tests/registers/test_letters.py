"""Letters to affected persons: five languages, right to left for Arabic and Farsi, as PDF.

The PDFs are checked as a reader sees them: the first page is rasterized and its ink
measured, and the text the PDF shows is extracted, which proves the glyphs were embedded
(a missing font shows boxes that extract as nothing useful).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageOps

from sluis.errors import InputError
from sluis.registers.breach_notification import Cause, Consequence, DataCategory
from sluis.registers.letters import (
    LANGUAGES,
    RTL_LANGUAGES,
    Helpdesk,
    LetterFacts,
    Recipient,
    Sender,
    read_recipients,
    render_html,
    render_pdf,
    write_letters,
)

HELPDESK = Helpdesk(phone="088 123 4567", email="datalek@gemeente-voorbeeld.nl")
SENDER = Sender("Gemeente Voorbeeld", "De functionaris gegevensbescherming")
RECIPIENT = Recipient("Testpersoon Een", ("Proefstraat 1", "9999 ZZ Nergenshuizen"))
FACTS = LetterFacts(
    reference="DL-7",
    aware_on=date(2024, 3, 1),
    cause=Cause.NOT_ANONYMIZED,
    data_categories=(DataCategory.NAME_ADDRESS, DataCategory.BSN, DataCategory.SPECIAL_HEALTH),
    consequences=(Consequence.IDENTITY_FRAUD, Consequence.SPAM_PHISHING),
    ap_reference="AP-2024-0042",
)
# Words each letter must show; the Arabic and Farsi ones avoid the lam-alef ligature,
# whose extraction order differs between PDF readers.
WORDS = {
    "nl": ["datalek", "burgerservicenummer", "Autoriteit Persoonsgegevens"],
    "en": ["data breach", "citizen service number", "helpdesk"],
    "ar": ["البيانات", "الشخصية", "مكتب المساعدة"],
    "fr": ["violation de données", "numéro de service citoyen", "service d'assistance"],
    "fa": ["نشت", "شخصی", "تماس بگیرید"],
}
SCALE = 2  # 144 dpi
MARGIN_PX = 20 / 25.4 * 72 * SCALE  # the 20 mm side margins of the layout


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    letter_date = date(2024, 3, 4)
    return {
        language: render_pdf(
            render_html(language, RECIPIENT, FACTS, SENDER, HELPDESK, letter_date=letter_date)
        )
        for language in LANGUAGES
    }


def _first_page(pdf: bytes) -> tuple[Image.Image, str]:
    document = pdfium.PdfDocument(pdf)
    page = document[0]
    image = page.render(scale=SCALE).to_pil().convert("L")
    text = page.get_textpage().get_text_range()
    full = "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    document.close()
    return image, text + "\n" + full


def _first_line_ink(image: Image.Image) -> tuple[int, int]:
    """Left and right edge of the ink of the first text line."""
    ink = ImageOps.invert(image).point(lambda v: 255 if v > 64 else 0)
    width, height = ink.size
    rows = [y for y in range(height) if ink.crop((0, y, width, y + 1)).getbbox() is not None]
    assert rows, "the page is blank"
    top = bottom = rows[0]
    while bottom + 1 in rows:
        bottom += 1
    box = ink.crop((0, top, width, bottom + 1)).getbbox()
    assert box is not None
    return box[0], box[2]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_shows_the_letter_in_its_language(language: str, pdfs: dict[str, bytes]) -> None:
    image, text = _first_page(pdfs[language])
    dark = sum(image.histogram()[:128])
    assert dark > 0.01 * image.size[0] * image.size[1], "the first page is nearly blank"
    for word in WORDS[language]:
        assert word in text, f"{language}: expected word missing from the PDF text"
    assert "datalek@gemeente-voorbeeld.nl" in text
    # Digits only: readers extract the order of mixed-direction runs differently.
    assert "4567" in text and "0042" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_first_line_starts_at_the_side_the_language_reads_from(
    language: str, pdfs: dict[str, bytes]
) -> None:
    image, _ = _first_page(pdfs[language])
    left, right = _first_line_ink(image)
    width = image.size[0]
    tolerance = 6 * SCALE
    if language in RTL_LANGUAGES:
        assert abs(right - (width - MARGIN_PX)) < tolerance, "RTL line does not end at the right"
        assert left > width / 2, "RTL first line reaches into the left half"
    else:
        assert abs(left - MARGIN_PX) < tolerance, "LTR line does not start at the left"
        assert right < width / 2, "LTR first line reaches into the right half"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_html_declares_language_and_direction(language: str) -> None:
    html = render_html(language, RECIPIENT, FACTS, SENDER, HELPDESK, letter_date=date(2024, 3, 4))
    direction = "rtl" if language in RTL_LANGUAGES else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert '<address dir="ltr">' in html  # Dutch postal addresses read left to right
    assert 'font-family: "DejaVu Sans"' in html


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("cause", list(Cause))
def test_every_answer_of_the_form_has_words_in_every_language(language: str, cause: Cause) -> None:
    """A label missing from a template fails the render (undefined names are errors)."""
    facts = LetterFacts(
        "DL-1", date(2024, 1, 2), cause, tuple(DataCategory), tuple(Consequence), None
    )
    html = render_html(language, RECIPIENT, facts, SENDER, HELPDESK, letter_date=date(2024, 1, 3))
    assert html.count("<li>") >= len(DataCategory) + len(Consequence)
    assert "AP-" not in html  # not notified: the letter does not claim it was


def test_unknown_language_and_missing_helpdesk_are_refused() -> None:
    with pytest.raises(InputError, match="no letter template"):
        render_html("de", RECIPIENT, FACTS, SENDER, HELPDESK, letter_date=date(2024, 1, 1))
    with pytest.raises(InputError, match="helpdesk"):
        Helpdesk(hours="9-17")


def test_recipients_are_read_without_showing_them(tmp_path: Path) -> None:
    contacts = tmp_path / "contacts.csv"
    contacts.write_text(
        "name,street,postcode,city\n"
        "Testpersoon Een,Proefstraat 1,9999 ZZ,Nergenshuizen\n"
        "Testpersoon Twee,Proefstraat 2,9999 ZZ,Nergenshuizen\n",
        encoding="utf-8",
    )
    recipients = read_recipients(contacts)
    assert recipients[0].address_lines == ("Proefstraat 1", "9999 ZZ Nergenshuizen")
    assert "Testpersoon" not in repr(recipients)
    run = write_letters(
        recipients, "nl", FACTS, SENDER, HELPDESK, tmp_path / "out", letter_date=date(2024, 3, 4)
    )
    assert run.letters == 2
    assert [p.name for p in run.files] == ["letter-00001-nl.html", "letter-00002-nl.html"]
    assert "Testpersoon Twee" in run.files[1].read_text(encoding="utf-8")
    broken = tmp_path / "broken.csv"
    broken.write_text("name,city\nTestpersoon Een,X\n,Nergenshuizen\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 3 has no name") as caught:
        read_recipients(broken)
    assert "Nergenshuizen" not in str(caught.value)
