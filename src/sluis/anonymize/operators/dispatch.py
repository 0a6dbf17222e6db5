"""Which operator replaces which category of personal data.

``fake_for("id.bsn")`` returns the BSN operator whether the BSN sits in ``aanvragers.bsn`` or
in ``import_2019.c3``; every operator derives its sub-key from the category's purpose, so
the same value maps alike wherever it is found. Every returned callable takes
``(values, key)`` and returns an array of the same length.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pyarrow as pa

from sluis.anonymize.operators import (
    address,
    bsn,
    dates,
    email,
    generic,
    iban,
    ip,
    name_prefix,
    names,
    notations,
    onderwijsnummer,
    phone,
    postcode,
    v_number,
)
from sluis.anonymize.taken import Detour, Detours
from sluis.errors import InputError
from sluis.keys import Key

Operator = Callable[[pa.Array, Key], pa.Array]
DetouredOperator = Callable[[pa.Array, Key, Detours | None], pa.Array]
DetourBuilder = Callable[[Iterable[pa.Array], Key], dict[str, Detour]]


class UnsupportedCategoryError(InputError):
    """A category for which no fake operator exists (choose null, mask or hash instead)."""

    code = "SLUIS-111"


OPERATORS: dict[str, Operator] = {
    "id.bsn": bsn.bsn,
    "id.rsin": bsn.bsn,  # same 11-proef
    "id.v_number": v_number.v_number,
    "id.passport": generic.pseudonymize,
    "id.onderwijsnummer": onderwijsnummer.onderwijsnummer,
    "id.kvk": generic.pseudonymize,
    "id.vat": notations.vat,
    "id.license_plate": notations.license_plate,
    "id.insurance_number": generic.pseudonymize,
    "id.professional_number": generic.pseudonymize,
    "id.employee_number": generic.pseudonymize,
    "network.ip": ip.ip,
    "finance.iban": iban.iban,
    "contact.phone": phone.phone,
    "contact.email": email.email,
    "person.first_name": names.first_name,
    "person.last_name": names.last_name,
    "person.name_prefix": name_prefix.name_prefix,
    "person.name": names.full_name,
    "person.birth_date": dates.birth_date,
    "location.street": address.street,
    "location.city": address.city,
    "location.address": address.address,
    "location.postcode": postcode.postcode,
    "location.house_number": generic.pseudonymize,
    "quasi.place_of_birth": address.city,
}


def fake_for(category: str) -> Operator:
    """The operator that writes fakes for a category code (see ``sluis.model.categories``)."""
    try:
        return OPERATORS[category]
    except KeyError:
        raise UnsupportedCategoryError(
            f"no fake operator for category {category!r}; use null, mask or hash for it"
        ) from None


_GENERIC_IDENTIFIERS = [
    "id.passport",
    "id.kvk",
    "id.insurance_number",
    "id.professional_number",
    "id.employee_number",
]

# Identifier operators that keep clear of the source's own identifiers, with the builders of
# their detours (``sluis.anonymize.taken``); generic identifiers share the generic detours.
DETOURED: dict[str, tuple[DetouredOperator, DetourBuilder]] = {
    "id.bsn": (bsn.bsn, bsn.detours),
    "id.rsin": (bsn.bsn, bsn.detours),
    "contact.phone": (phone.phone, phone.detours),
    "id.onderwijsnummer": (onderwijsnummer.onderwijsnummer, onderwijsnummer.detours),
    "location.postcode": (postcode.postcode, postcode.detours),
    **dict.fromkeys(_GENERIC_IDENTIFIERS, (generic.pseudonymize, generic.detours)),
    "id.license_plate": (notations.license_plate, notations.plate_detours),
    "id.vat": (notations.vat, notations.vat_detours),
}


def replace(category: str, values: pa.Array, key: Key, detours: Detours | None = None) -> pa.Array:
    """The fakes of ``values`` of one category; an identifier's never equal one of the
    source's own, given its ``detours``."""
    if detours and category in DETOURED:
        return DETOURED[category][0](values, key, detours)
    return fake_for(category)(values, key)
