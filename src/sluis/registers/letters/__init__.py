"""Letters to the persons a breach affects (GDPR Art. 34), in Dutch, English, Arabic,
French and Farsi, as HTML and PDF."""

from __future__ import annotations

from sluis.registers.letters.render import (
    LANGUAGES,
    RTL_LANGUAGES,
    Helpdesk,
    LetterFacts,
    LetterRun,
    Recipient,
    Sender,
    read_recipients,
    render_html,
    render_pdf,
    write_letters,
)

__all__ = [
    "LANGUAGES",
    "RTL_LANGUAGES",
    "Helpdesk",
    "LetterFacts",
    "LetterRun",
    "Recipient",
    "Sender",
    "read_recipients",
    "render_html",
    "render_pdf",
    "write_letters",
]
