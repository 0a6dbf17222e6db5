"""A fake name in redacted text never spells another name of the same text: where the
keyed fake of one name equals a name beside it, a fresh draw replaces it (before, the copy
held a source name there and V1 refused it)."""

from __future__ import annotations

import json
import re

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.anonymize.json_rule import apply_json
from sluis.anonymize.operators import clash as clashes_
from sluis.anonymize.operators.dispatch import OPERATORS
from sluis.anonymize.operators.redact_text import redact_all
from sluis.discover.text import find_entities
from sluis.keys import Key
from sluis.model.categories import PERSON_NAMES
from sluis.model.policy import JsonRule, RedactText

SIGNER = "Willemijn Dekker"


def _fake(name: str, key: Key) -> str:
    return str(OPERATORS["person.name"](pa.array([name], pa.string()), key)[0].as_py())


@settings(max_examples=10, deadline=None)
@given(st.binary(min_size=32, max_size=32))
def test_a_fake_that_equals_a_name_of_the_letter_is_drawn_again(material: bytes) -> None:
    key = Key(material)
    clash = _fake(SIGNER, key)  # the signer's fake, written as the addressee's name
    letter = (
        f"Geachte mevrouw {clash},\n\nUw aanvraag is ontvangen.\n\n"
        f"Met vriendelijke groet,\n{SIGNER}"
    )
    (redacted,) = redact_all([letter], key)
    assert redacted is not None
    assert SIGNER not in redacted
    words = clash.split()
    for i in range(len(words) - 1):
        run = re.escape(" ".join(words[i : i + 2]))
        assert re.search(rf"(?<!\w){run}(?!\w)", redacted, re.IGNORECASE) is None


@settings(max_examples=10, deadline=None)
@given(st.binary(min_size=32, max_size=32))
def test_a_fake_first_name_that_is_a_name_of_the_note_is_drawn_again(material: bytes) -> None:
    key = Key(material)
    partner = "Katarzyna"
    clash = str(OPERATORS["person.first_name"](pa.array([partner], pa.string()), key)[0])
    note = f"Mevrouw {clash} woont met partner {partner} (2002); partner heeft eigen inkomen."
    (redacted,) = redact_all([note], key)
    assert redacted is not None
    assert re.search(rf"(?<!\w){re.escape(clash)}(?!\w)", redacted, re.IGNORECASE) is None
    assert partner not in redacted


@pytest.mark.parametrize(
    ("fake", "clashes"),
    [
        ("Annamaria", True),  # reads as "Anna Maria" once spaces are gone, as V1 compares
        ("Piet van Leeuwen", True),
        ("Sara", True),
        ("Piet Jansen", False),
        ("Jo", False),  # too short to mean a name on its own
    ],
)
def test_a_fake_clashes_with_a_run_of_words_of_the_text(fake: str, clashes: bool) -> None:
    text = "jeugdige anna maria van leeuwen en broer sara logeren bij oma jo."
    runs = clashes_.word_runs(clashes_.words(text))
    assert clashes_.spells_another(fake, runs) is clashes


@settings(max_examples=10, deadline=None)
@given(st.binary(min_size=32, max_size=32))
def test_a_json_fake_that_equals_another_name_of_the_document_is_drawn_again(
    material: bytes,
) -> None:
    key = Key(material)
    mother = str(OPERATORS["person.first_name"](pa.array(["Roos"], pa.string()), key)[0])
    document = json.dumps({"kind": {"voornaam": "Roos"}, "moeder": {"voornaam": mother}})
    rule = JsonRule(rule="json", default=RedactText(rule="redact_text"))
    (out,) = apply_json(pa.array([document]), key, rule, "t.c").to_pylist()
    faked = json.loads(out)
    assert mother not in (faked["kind"]["voornaam"], faked["moeder"]["voornaam"])


@settings(max_examples=10, deadline=None)
@given(st.binary(min_size=32, max_size=32))
def test_a_fake_in_a_text_leaf_that_spells_a_name_of_another_leaf_is_drawn_again(
    material: bytes,
) -> None:
    """A fake in the complaint that equals the surname of a father listed in the same
    document: the copy would hold the father's real surname there."""
    key = Key(material)
    complaint = "Verwezen door huisarts Spiker."
    (span,) = [s for s in find_entities(complaint) if s.category in PERSON_NAMES]
    original = complaint[span.start : span.end]
    clash = str(OPERATORS[span.category](pa.array([original], pa.string()), key)[0])
    document = json.dumps({"household": [{"name": f"Adam {clash}"}], "complaint": complaint})
    rule = JsonRule(rule="json", default=RedactText(rule="redact_text"))
    (out,) = apply_json(pa.array([document]), key, rule, "t.c").to_pylist()
    redacted = json.loads(out)["complaint"]
    assert original not in redacted
    assert re.search(rf"(?<!\w){re.escape(clash)}(?!\w)", redacted, re.IGNORECASE) is None
