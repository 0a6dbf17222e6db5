"""A JSON leaf is read with its parent's key where its own says only "name" or "number":
``name.family`` is a surname and ``address.number`` a house number, both faked by their key;
``medication.name`` and ``school.name`` name things and stay where the finder sees no person
(before, "Concerta" became a fake surname and "family": "Bruin" stayed)."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest

from sluis.anonymize.json_rule import apply_json
from sluis.discover.vocabulary import leaf_hint
from sluis.keys import Key
from sluis.model.policy import JsonRule, RedactText

DOCUMENT = {
    "client": {
        "name": {"given": "Rens", "prefix": "van", "family": "Bruin"},
        "address": {"street": "Fleurstraat", "number": "44"},
    },
    "school": {"name": "Christelijk Lyceum Apeldoorn"},
    "medication": [{"name": "Concerta", "dose": "36 mg"}],
}


def test_leaves_are_faked_by_their_key_read_with_the_parents() -> None:
    rule = JsonRule(rule="json", default=RedactText(rule="redact_text"))
    (out,) = apply_json(
        pa.array([json.dumps(DOCUMENT)]), Key(b"\x07" * 32), rule, "t.c"
    ).to_pylist()
    faked = json.loads(out)
    client = faked["client"]
    assert client["name"]["given"] != "Rens" and client["name"]["family"] != "Bruin"
    assert client["address"]["number"] != "44"
    assert faked["school"] == DOCUMENT["school"]
    assert faked["medication"] == DOCUMENT["medication"]


@pytest.mark.parametrize(
    ("keys", "category"),
    [
        (["client", "name", "family"], "person.last_name"),
        (["name", "given"], "person.first_name"),
        (["address", "number"], "location.house_number"),
        (["medication", "name"], None),
        (["school", "name"], None),
        (["kind", "voornaam"], "person.first_name"),
        (["naam"], "person.name"),
    ],
)
def test_leaf_hint(keys: list[str], category: str | None) -> None:
    assert leaf_hint(keys).category == category
