"""The categories of personal data Sluis recognizes, by stable dotted code.

This module is the one place the codes are defined; reports, policies and the JSON
output use them verbatim. A code never changes meaning once released.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """How a category identifies a person."""

    DIRECT = "direct"  # identifies a person on its own (BSN, e-mail, full name)
    INDIRECT = "indirect"  # identifies with little extra (birth date, street, phone)
    QUASI = "quasi"  # identifies in combination (gender, nationality, postcode area)
    CONTAINER = "container"  # free text, JSON or a document holding any of the above


@dataclass(frozen=True)
class Category:
    code: str
    kind: Kind
    label: str


_DEFS: tuple[tuple[str, Kind, str], ...] = (
    ("id.bsn", Kind.DIRECT, "Burgerservicenummer (11-proef)"),
    ("id.v_number", Kind.DIRECT, "V-nummer (vreemdelingennummer)"),
    ("id.passport", Kind.DIRECT, "Passport or identity-card number"),
    ("id.onderwijsnummer", Kind.DIRECT, "Onderwijsnummer (DUO)"),
    ("id.kvk", Kind.INDIRECT, "KvK-nummer (sole traders are persons)"),
    ("id.rsin", Kind.INDIRECT, "RSIN"),
    ("id.vat", Kind.INDIRECT, "btw-identificatienummer"),
    ("id.license_plate", Kind.INDIRECT, "Kenteken (licence plate)"),
    ("id.insurance_number", Kind.DIRECT, "Insurance policy or insured-person number"),
    ("id.professional_number", Kind.DIRECT, "BIG, AGB or UZI number of a care professional"),
    ("id.employee_number", Kind.INDIRECT, "Personnel number an employer gave its employee"),
    ("contact.email", Kind.DIRECT, "E-mail address"),
    ("contact.phone", Kind.DIRECT, "Telephone number"),
    ("person.name", Kind.DIRECT, "Full name of a person"),
    ("person.first_name", Kind.INDIRECT, "First name(s) or initials"),
    ("person.last_name", Kind.INDIRECT, "Surname, with or without prefix"),
    ("person.name_prefix", Kind.QUASI, "Surname prefix (tussenvoegsel)"),
    ("person.birth_date", Kind.INDIRECT, "Date of birth"),
    ("location.address", Kind.DIRECT, "Full address"),
    ("location.street", Kind.INDIRECT, "Street, with or without house number"),
    ("location.house_number", Kind.QUASI, "House number"),
    ("location.postcode", Kind.INDIRECT, "Dutch postcode"),
    ("location.city", Kind.QUASI, "City or place of residence"),
    ("finance.iban", Kind.DIRECT, "IBAN bank account"),
    ("network.ip", Kind.INDIRECT, "IP address"),
    ("quasi.gender", Kind.QUASI, "Gender"),
    ("quasi.nationality", Kind.QUASI, "Nationality"),
    ("quasi.country_of_birth", Kind.QUASI, "Country of birth"),
    ("quasi.place_of_birth", Kind.QUASI, "Place of birth"),
    ("text.contains_pii", Kind.CONTAINER, "Free text holding personal data"),
    ("json.contains_pii", Kind.CONTAINER, "JSON holding personal data"),
    ("blob.contains_pii", Kind.CONTAINER, "Document or binary holding personal data"),
)

CATEGORIES: dict[str, Category] = {code: Category(code, kind, label) for code, kind, label in _DEFS}
# Categories whose values single a person out on their own, wherever they appear.
IDENTIFIER_PREFIXES = ("id.", "contact.", "finance.", "network.")
# A person's name, whole or in part, as free text finds it.
PERSON_NAMES = frozenset({"person.name", "person.first_name", "person.last_name"})


def category(code: str) -> Category:
    """The category with this code; ``KeyError`` names the unknown code."""
    return CATEGORIES[code]
