"""Where the values of a column outweigh its name, and where no one category fits."""

from __future__ import annotations

import random
from typing import Any

import pyarrow as pa
import pytest

from sluis.discover import values
from sluis.discover.scanner import classify_column
from sluis.discover.vocabulary import table_about_things, table_of_institutions
from sluis.model.schema import Column, LogicalType
from sluis.synth import identifiers
from sluis.synth.people import PersonFactory


def _classify(name: str, cells: list[str]) -> str | None:
    column = Column(name, LogicalType.TEXT)
    return classify_column(column, pa.array(cells), is_key=False).category


def test_e_mail_addresses_outweigh_a_name_saying_address() -> None:
    cells = [f"klant{i}@voorbeeld.nl" for i in range(95)] + ["onbekend"] * 5
    assert _classify("email_addr", cells) == "contact.email"


@pytest.mark.parametrize("name", ["naam_tegenrekening", "iban_tenaamstelling", "bsn_naam"])
def test_names_under_an_identifiers_column_name_are_names(name: str) -> None:
    """``naam_tegenrekening``: the account holders' names (it was drafted as IBANs, so its
    names were not looked for in the payments' descriptions)."""
    people = PersonFactory(11)
    cells = [f"{p.first_name} {p.last_name}" for p in (people.person() for _ in range(200))]
    assert _classify(name, cells) == "person.name"


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


def test_names_written_every_which_way_are_a_name_column_not_free_text() -> None:
    """A payment's ``naam`` column: upper case, titles, initials, surname first."""
    rng = random.Random(5)
    firsts = ["Jan", "Fatima", "Kees", "Anna", "Pieter", "Sanne", "Mohammed", "Eva"]
    lasts = ["de Vries", "van der Berg", "El Amrani", "van den Heuvel", "ter Horst", "Bakker"]
    shapes = [
        lambda f, lt: f"Dhr. {f[0]}. {rng.choice(firsts)[0]}. {lt}",
        lambda f, lt: f"Mevrouw {f} {lt}",
        lambda f, lt: f"{lt.upper()}, {f[0]}.",
        lambda f, lt: f"t.n.v. {f} {lt}",
    ]
    cells = [rng.choice(shapes)(rng.choice(firsts), rng.choice(lasts)) for _ in range(200)]
    finding = classify_column(Column("naam", LogicalType.TEXT), pa.array(cells), is_key=False)
    assert finding.category == "person.name"


def test_sentences_under_a_name_column_stay_free_text() -> None:
    cells = [
        f"Gesprek met Jan de Vries over de aanvraag van {i} maart; hij belt terug."
        for i in range(1, 29)
    ] * 5
    assert _classify("naam", cells) == "text.contains_pii"


def test_an_audit_user_column_of_user_codes_is_drafted_as_names() -> None:
    """``MUT_USR``: the code of the employee who last changed the row (initial + surname)."""
    codes = ["MVRIES", "JBOER", "AKAYA", "PJANSEN", "KBAKKER", "SYS", "BATCH01"]
    cells = [codes[i % len(codes)] for i in range(400)]
    for name in ("MUT_USR", "INS_USR", "gebruiker", "LastModifiedBy"):
        assert _classify(name, cells) == "person.name", name
    assert _classify("status_code", cells) is None


def test_addresses_with_display_names_are_free_text() -> None:
    """A mail header's ``van`` column: "Name <address>" in every cell."""
    factory = PersonFactory(9)
    cells = [f"{p.full_name} <{p.email}>" for p in (factory.person() for _ in range(200))]
    assert _classify("van", cells) == "text.contains_pii"


@pytest.mark.parametrize(
    ("table", "cells"),
    [
        ("medication_catalog", ["Concerta", "Ritalin", "Dipiperon", "Medikinet", "Equasym"]),
        ("institutions", ["Jeugdbescherming Gelderland", "Basisschool De Regenboog", "Karakter"]),
        ("zorgaanbieders", ["Kenter Jeugdhulp", "Levvel", "De Opvoedpoli", "Pluryn", "Altra"]),
        ("vergunning.parkeerzone", ["Centrum-Noord", "Julianapark", "Jan Steenbuurt", "De Haan",
                                    "Burgemeester de Vrieswijk", "Molenwijk", "Oude Dorp"]),
    ],
)  # fmt: skip
def test_a_name_in_a_table_of_things_names_the_thing(table: str, cells: list[str]) -> None:
    """``name`` in a catalogue of medicines, a list of institutions or of parking zones:
    before, "Concerta" was drafted as a person's name and every mention of it in the notes
    was faked, and zones named after people ("Jan Steenbuurt") were faked."""
    assert table_about_things(table)
    column = Column("name", LogicalType.TEXT)
    found = classify_column(column, pa.array(cells * 20), is_key=False, about_things=True)
    assert found.category is None


def test_a_catalogue_of_medicines_is_no_column_of_surnames() -> None:
    """Twelve medicines, each once: elsewhere ten or more distinct words of a surname's
    shape make a surname column, but a table of things needs known surnames for that."""
    cells = [
        "sertraline",
        "methylfenidaat",
        "quetiapine",
        "fluoxetine",
        "Concerta",
        "Ritalin",
        "melatonine",
        "lorazepam",
        "aripiprazol",
        "dexamfetamine",
        "Dipiperon",
        "venlafaxine",
    ]
    column = Column("name", LogicalType.TEXT)
    found = classify_column(column, pa.array(cells), is_key=False, about_things=True)
    assert (found.category, found.confidence) == (None, 0.6)


@pytest.mark.parametrize(
    ("name", "cells"),
    [
        ("referrer", ["huisarts Guit", "drs. M. Demir", "huisarts Honing", "T. Meijer"]),
        # A name that says "name" does not make it a column of bare names.
        ("gp_name", ["dr. de Groot", "dr. Pranger", "dr. van Rijswijk", "dr. El Khattabi"]),
    ],
)
def test_names_after_a_title_or_role_are_searched_as_text(name: str, cells: list[str]) -> None:
    """A ``referrer`` column: "huisarts Guit", "drs. M. Demir", now and then a bare name. It
    was kept as not personal (a name covers too little of each cell); faked as full names
    the roles would be lost, so its cells are searched as text."""
    found = classify_column(Column(name, LogicalType.TEXT), pa.array(cells * 20), is_key=False)
    assert found.category == "text.contains_pii"
    assert found.contains == ("person.name",)


def test_phone_numbers_written_in_groups_are_a_column_of_phone_numbers() -> None:
    """ "06 31 37 58 58" has the spaces of a sentence, not its words: a column of numbers in
    six notations is one of phone numbers, not free text to search."""
    cells = ["06 31 37 58 58", "+31 6 58073021", "0603642621", "+31 (0)30 4056224",
             "06-51454752", "020 56 08 65 6", "+31 (0)6 54212472"]  # fmt: skip
    found = classify_column(Column("tel_mob", LogicalType.TEXT), pa.array(cells * 20), is_key=False)
    assert found.category == "contact.phone"


@pytest.mark.parametrize(
    ("name", "cells", "category"),
    [
        # Plates of many side-codes under a name that says nothing: a fleet of cars.
        (
            "vrtg",
            ["89-ND-HV", "4-FG-725", "GT800S", "66SLSF", "0-DJX-78", "41-XVH-5"],
            "id.license_plate",
        ),
        # Codes of one side-code (XX9999) are a code list.
        ("kpl", ["KP4410", "KP4520", "KP3100", "KP2200", "KP2600", "KP1200"], None),
    ],
)
def test_plates_of_several_side_codes_decide_an_unnamed_column(
    name: str, cells: list[str], category: str | None
) -> None:
    assert _classify(name, cells * 20) == category


@pytest.mark.parametrize(
    "shape",
    ["BZW/{year}/{n:05d}", "NH-{year}-{n:06d}", "{year}-{n:05d}", "ZK{year}.{n:04d}"],
)
def test_case_codes_counting_up_per_year_allow_the_numbers_their_digits_resemble(
    shape: str,
) -> None:
    """Digits of "BZW/2023/00279" are those of the phone number 020-2300279: a kept column of
    such codes allows the look-alikes, so the verifier does not count the chance hit."""
    cells = [shape.format(year=y, n=n) for y in (2022, 2023, 2024) for n in range(1, 301)]
    result = classify_column(Column("kenmerk", LogicalType.TEXT), pa.array(cells), is_key=False)
    assert result.category is None
    assert {"finance.iban", "contact.phone"} & set(result.look_alike)


@pytest.mark.parametrize(
    "make",
    [
        lambda rng: f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(1950, 2005)}",
        lambda rng: f"10.0.{rng.randint(0, 3)}.{rng.randint(1, 254)}",
        lambda rng: identifiers.phone(rng),
        lambda rng: identifiers.iban(rng, spaced=True),
    ],
)
def test_dates_addresses_and_identifiers_are_no_codes_in_sequence(make: Any) -> None:
    rng = random.Random(8)
    cells = [make(rng) for _ in range(400)]
    column = Column("waarde", LogicalType.TEXT)
    assert not values.detector_shares(column, pa.array(cells)).looks_sequential


def test_subjects_that_name_people_are_searched_as_text() -> None:
    """A mail's subject: too short for free text, yet half of them name someone."""
    people = PersonFactory(9)
    cells = []
    for i in range(300):
        p = people.person()
        cells += [f"Verlof {p.last_name}", f"Re: contract {p.first_name}", "Declaratie reiskosten"]
        cells.append("Planning storingsdienst week " + str(i % 52))
    assert _classify("subject", cells) == "text.contains_pii"


def test_appointment_subjects_of_which_some_name_a_family_are_searched_as_text() -> None:
    """An appointment's subject: most are one of a few plain ones, nine in twenty name a family
    or a child ("Huisbezoek fam. van der Meer", "Evaluatie Thijs")."""
    people = PersonFactory(4)
    plain = ["Telefonisch contact", "MDO school", "Intake", "Keukentafelgesprek"]
    cells = []
    for i in range(400):
        p = people.person()
        named = f"Huisbezoek fam. {p.last_name}" if i % 2 else f"Evaluatie {p.first_name}"
        cells.append(named if i % 20 < 9 else plain[i % 4])
    assert _classify("onderwerp", cells) == "text.contains_pii"


def test_units_and_phrases_without_people_stay_kept() -> None:
    cells = ["Basisteam Zaanstreek", "Wijkteam Noord", "Declaratie reiskosten", "Verlof aanvraag"]
    assert _classify("eenheid", cells * 100) is None


def test_a_thing_named_after_people_or_streets_is_kept_with_its_look_alikes() -> None:
    """Parking zones named "Jan Steenbuurt" or "De Haan" (also a street of the source): the
    draft keeps them and allows what they resemble, so the leak check does not count a zone
    that shares its name with a client's street (it refused such a copy)."""
    zones = ["Centrum-Noord", "Julianapark", "Jan Steenbuurt", "De Haan", "Molenwijk",
             "Burgemeester de Vrieswijk", "Oude Dorp", "Rembrandtbuurt", "Zeezicht"]  # fmt: skip
    column = Column("naam", LogicalType.TEXT)
    found = classify_column(column, pa.array(zones * 5), is_key=False, about_things=True)
    assert found.category is None
    assert {"person.last_name", "location.street"} <= set(found.look_alike)


@pytest.mark.parametrize(
    ("name", "cells", "kept"),
    [
        ("Telefoon", ["033-4567890", "035-6012345", "0318-123456"], True),
        ("Email", ["info@kenter.nl", "zorg@levvel.nl", "secretariaat@altra.nl"], True),
        ("KvkNummer", ["41184852", "30145893", "58210563"], True),
        ("Plaats", ["Amersfoort", "Baarn", "Soest"], True),
        ("manager_email", ["p.jansen@kenter.nl", "a.smit@levvel.nl", "m.bos@altra.nl"], False),
    ],
)
def test_a_things_own_contact_and_place_are_kept(name: str, cells: list[str], kept: bool) -> None:
    """A school's switchboard, mailbox, KvK number and town name no person: drafted ``keep``
    with what they resemble allowed (before, every school's were faked); a column that names
    a person's role beside them is still faked, and so are a supplier's (a sole trader's
    number and phone are a person's)."""
    column = Column(name, LogicalType.TEXT)
    assert table_of_institutions("School") and not table_of_institutions("leverancier")
    found = classify_column(
        column, pa.array(cells * 20), is_key=False, about_things=True, institutions=True
    )
    assert (found.category is None) is kept
    assert bool(found.look_alike) is kept
    supplier = classify_column(column, pa.array(cells * 20), is_key=False, about_things=True)
    assert supplier.category is not None


@pytest.mark.parametrize("name", ["gem_naam", "GEM_NM"])
def test_the_name_of_a_municipality_in_a_table_of_municipalities_is_kept(name: str) -> None:
    """``gemeente.gem_naam``: the municipality a code stands for, no one's place of
    residence; drafted ``keep`` with the towns it names allowed (it was faked as a city)."""
    cells = ["Utrecht", "Zeist", "De Bilt", "Houten", "Nieuwegein", "Bunnik", "Stichtse Vecht"]
    column = Column(name, LogicalType.TEXT)
    found = classify_column(column, pa.array(cells * 5), is_key=False, about_things=True)
    assert found.category is None
    assert "location.city" in found.look_alike


def test_a_column_of_firms_and_persons_is_one_of_names() -> None:
    """Creditors: firms beside private persons (a third of them) under a name that says
    nothing (``schldeiser_nm``). It was kept as not personal, the persons with it; as a name
    column its fakes keep the firms and replace the persons."""
    cells = ["CJIB", "Ziggo B.V.", "M. Bakker", "Fatma Kaya", "Intrum Nederland B.V.",
             "Klussenbedrijf Yilmaz", "de Vries, Jan", "Kapsalon Naima", "Eneco",
             "Autobedrijf El Amrani", "Belastingdienst/Toeslagen",
             "J. de Boer Schilderwerken"]  # fmt: skip
    column = Column("schldeiser_nm", LogicalType.TEXT)
    found = classify_column(column, pa.array(cells * 3), is_key=False)
    assert found.category == "person.name"
    # School subjects that are surnames too ("Engels") name no firm beside them.
    subjects = ["Engels", "Nederlands", "Wiskunde", "Duits", "Frans", "Biologie", "Geschiedenis"]
    found = classify_column(Column("vak", LogicalType.TEXT), pa.array(subjects * 5), is_key=False)
    assert found.category is None
