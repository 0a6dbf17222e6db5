"""Where the values of a column outweigh its name, and where no one category fits."""

from __future__ import annotations

import random

import pyarrow as pa

from sluis.discover.scanner import classify_column
from sluis.model.schema import Column, LogicalType
from sluis.synth import identifiers


def _classify(name: str, cells: list[str]) -> str | None:
    column = Column(name, LogicalType.TEXT)
    return classify_column(column, pa.array(cells), is_key=False).category


def test_e_mail_addresses_outweigh_a_name_saying_address() -> None:
    cells = [f"klant{i}@voorbeeld.nl" for i in range(95)] + ["onbekend"] * 5
    assert _classify("email_addr", cells) == "contact.email"


def test_a_key_value_column_mixing_identifiers_is_searched_as_text() -> None:
    """An ``attr_value`` column: e-mail addresses, BSNs and phones beside flags and words."""
    rng = random.Random(3)
    cells = []
    for i in range(300):
        cells += [f"klant{i}@voorbeeld.nl", identifiers.bsn(rng), "1", "app", "Jansen"]
    assert _classify("attr_value", cells) == "text.contains_pii"


def test_a_name_agreeing_with_its_values_keeps_its_category() -> None:
    cells = ["Kerkstraat 12", "Dorpsweg 3a", "Laan van Meerdervoort 100"] * 20
    assert _classify("adres", cells) == "location.address"
