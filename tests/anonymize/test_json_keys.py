"""A JSON leaf is read with its parent's key where its own says only "name" or "number":
``name.family`` is a surname and ``address.number`` a house number, both faked by their key;
``medication.name`` and ``school.name`` name things and stay where the finder sees no person
(before, "Concerta" became a fake surname and "family": "Bruin" stayed)."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest

from sluis.anonymize.json_rule import apply_json
from sluis.discover.detectors.kenteken import side_code
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
        # The referring GP's AGB code: V1 reads it by the key in the document's text.
        (["aanvrager", "agb"], "id.professional_number"),
        # An address's key makes an address line of a leaf, no whole address of a part
        # (before, "pc": "2442MX" became a street, number, postcode and town).
        (["patient", "adres", "pc"], None),
        (["adressen", "land"], None),
        (["adres", "regel1"], "location.address"),
        (["address", "line_2"], "location.address"),
        (["adres", "huisnummer"], "location.house_number"),
        (["adres", "hnr"], "location.house_number"),
        (["adres", "straat"], "location.street"),
        (["adres", "woonplaats"], "location.city"),
        (["adres", "plaats"], "location.city"),
        (["adres", "postcode"], "location.postcode"),
    ],
)
def test_leaf_hint(keys: list[str], category: str | None) -> None:
    assert leaf_hint(keys).category == category


@pytest.mark.parametrize(
    "document",
    [["Kenteken 12-XYZ-3 van Jan de Vries", "AB-123-C"], "Gesprek met Jan de Vries"],
)
def test_a_document_without_keys_is_searched_as_text(document: object) -> None:
    """A JSON list of values, or one value, has no key to read: its leaves go to the default
    rule (before, the run stopped on an internal error)."""
    rule = JsonRule(rule="json", default=RedactText(rule="redact_text"))
    (out,) = apply_json(
        pa.array([json.dumps(document)]), Key(b"\x07" * 32), rule, "t.c"
    ).to_pylist()
    assert "Jan de Vries" not in out
    assert type(json.loads(out)) is type(document)


def test_a_list_of_values_is_read_by_its_column_name() -> None:
    """``vergunning.kentekens``: a list of plates, which the finder sees as plates only
    beside a word about vehicles; the column's name says what they are."""
    plates = ["89-ND-HV", "4-FG-725", "GT800S"]
    rule = JsonRule(rule="json", default=RedactText(rule="redact_text"))
    (out,) = apply_json(
        pa.array([json.dumps(plates)]), Key(b"\x07" * 32), rule, "vergunning.kentekens"
    ).to_pylist()
    faked = json.loads(out)
    assert len(faked) == len(plates)
    assert not set(faked) & set(plates)
    assert all(side_code(p, issued=False) is not None for p in faked)


@pytest.mark.parametrize(
    ("held", "written"),
    [
        ({"kenteken": "BZ-15-80"}, "img/2022/12/04/HH-009_231316_BZ1580.jpg"),
        ({"bsn": "123456782"}, "brief_123456782_aanvraag.pdf"),
        ({"telefoon": "06-12345678"}, "rec/0612345678_gesprek.wav"),
    ],
)
def test_an_identifier_of_the_document_glued_into_a_file_name_gets_its_fake(
    held: dict[str, str], written: str
) -> None:
    """A scan event holds the plate under its key and again inside the photo's file name,
    where the finder cannot tell it from a camera's code: the name gets the same fake."""
    ((key, value),) = held.items()
    rule = JsonRule(rule="json", default=RedactText(rule="redact_text"))
    document = {key: value, "foto": written}
    (out,) = apply_json(
        pa.array([json.dumps(document)]), Key(b"\x07" * 32), rule, "t.c"
    ).to_pylist()
    faked = json.loads(out)
    glued = "".join(c for c in value if c.isalnum())
    fake_glued = "".join(c for c in faked[key] if c.isalnum())
    assert glued not in faked["foto"]
    assert faked["foto"] == written.replace(glued, fake_glued)


def test_a_name_of_several_words_glued_into_a_file_name_is_replaced() -> None:
    """A referral names the child "Die Bont" and attaches "verslag_DieBont_aanmelding.pdf":
    the glued surname is replaced too (V1 found it where the anonymizer had not)."""
    document = {"kind": {"achternaam": "Die Bont"}, "bijlagen": ["verslag_DieBont_aanmelding.pdf"]}
    rule = JsonRule(rule="json", default=RedactText(rule="redact_text"))
    (out,) = apply_json(
        pa.array([json.dumps(document)]), Key(b"\x07" * 32), rule, "t.c"
    ).to_pylist()
    (attachment,) = json.loads(out)["bijlagen"]
    assert "DieBont" not in attachment
    assert attachment.startswith("verslag_") and attachment.endswith("_aanmelding.pdf")
