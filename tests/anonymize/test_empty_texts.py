"""Every ``fake``, ``pseudonymize`` and ``hash`` rule keeps an empty text (``''``, or only
whitespace) as it is, as it keeps NULL; the others get their fakes (see
``tests/cli/test_empty_texts``)."""

from __future__ import annotations

import pyarrow as pa
import pytest

from sluis.anonymize.rules import apply_rule
from sluis.keys import Key
from sluis.model.policy import Fake, Hash, Pseudonymize

BLANKS = ["", " ", None, "\t "]


@pytest.mark.parametrize(
    ("rule", "value"),
    [
        (Pseudonymize(rule="pseudonymize", category=None), "K-2231"),
        (Pseudonymize(rule="pseudonymize", category="id.bsn"), "111222333"),
        (Pseudonymize(rule="pseudonymize", category="contact.email"), "mei.chen@example.nl"),
        (Fake(rule="fake", category="person.name", unique=True), "Mei Chen"),
        (Fake(rule="fake", category="person.birth_date"), "1985-03-12"),
        (Fake(rule="fake", category="location.address"), "Kerkstraat 1, 2442 MX Leiden"),
        (Hash(rule="hash"), "mei.chen@example.nl"),
    ],
)
def test_an_empty_text_stays(rule: Fake | Pseudonymize | Hash, value: str) -> None:
    values = pa.array([*BLANKS, value] * 2, pa.large_string())
    out = apply_rule(rule, values, Key(b"\x06" * 32))
    kept = sum(
        1 for old, new in zip(values.to_pylist(), out.to_pylist(), strict=True) if old == new
    )
    assert kept == 2 * len(BLANKS), f"{kept} of {2 * len(BLANKS)} cells kept"
