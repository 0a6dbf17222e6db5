"""Scanner decisions on camelCase and PascalCase columns, full names under a surname's
name, and the order of content evidence."""

from __future__ import annotations

import datetime as dt
import random

import pyarrow as pa

from sluis.discover.scanner import classify_column
from sluis.model.schema import Column, LogicalType


def _birth_dates(rng: random.Random, count: int) -> list[dt.date]:
    start = dt.date(1935, 1, 1)
    return [start + dt.timedelta(days=rng.randrange(365 * 70)) for _ in range(count)]


def test_integer_birth_dates_under_a_camel_case_name_are_birth_dates() -> None:
    rng = random.Random(11)
    cells = pa.array([int(f"{d:%Y%m%d}") for d in _birth_dates(rng, 300)], pa.int64())
    for name in ("geboorteDat", "GeboorteDat", "geboorte_dat"):
        finding = classify_column(Column(name, LogicalType.INTEGER), cells, is_key=False)
        assert finding.category == "person.birth_date", name


def test_birth_dates_under_any_name_about_birth_are_birth_dates() -> None:
    rng = random.Random(12)
    cells = pa.array([f"{d:%d-%m-%Y}" for d in _birth_dates(rng, 300)])
    for name in ("geboorteInfo", "BirthRegistered"):
        finding = classify_column(Column(name, LogicalType.TEXT), cells, is_key=False)
        assert finding.category == "person.birth_date", name


def test_event_dates_under_a_name_about_birth_stay_as_they_are() -> None:
    """Dates of this year are no birth dates: the name alone does not decide."""
    cells = pa.array([f"2024-03-{day:02d}" for day in range(1, 29)] * 10)
    finding = classify_column(Column("geboorteAangifte", LogicalType.TEXT), cells, is_key=False)
    assert finding.category is None


def test_house_numbers_under_a_camel_case_name_are_house_numbers() -> None:
    rng = random.Random(13)
    cells = pa.array([rng.randint(1, 250) for _ in range(300)], pa.int64())
    for name in ("huisNr", "HuisNr", "HouseNumber", "huis_no"):
        finding = classify_column(Column(name, LogicalType.INTEGER), cells, is_key=False)
        assert finding.category == "location.house_number", name


def test_a_surname_column_of_full_names_is_a_name_column() -> None:
    rng = random.Random(14)
    firsts = ["Jan", "Fatima", "Kees", "Anna", "Pieter", "Sanne", "Mohammed", "Eva", "Noah"]
    lasts = ["Jansen", "Bakker", "Visser", "de Vries", "van Dijk", "Yilmaz", "Smit", "Mulder"]
    cells = pa.array([f"{rng.choice(firsts)} {rng.choice(lasts)}".upper() for _ in range(300)])
    finding = classify_column(Column("NaamPartner", LogicalType.TEXT), cells, is_key=False)
    assert finding.category == "person.name"


def test_a_surname_column_stays_one() -> None:
    rng = random.Random(15)
    lasts = ["Jansen", "de Vries", "van Dijk", "El Amrani", "Bakker", "van der Berg", "Smit"]
    cells = pa.array([rng.choice(lasts) for _ in range(300)])
    finding = classify_column(Column("geslachtsNaam", LogicalType.TEXT), cells, is_key=False)
    assert finding.category == "person.last_name"


def test_content_evidence_is_ordered_by_share_then_category() -> None:
    """Equal shares come out by category code, so drafted policies diff cleanly."""
    cells = pa.array(
        [
            f"Gesprek met Jan de Vries ({i}), mail jan{i}@voorbeeld.nl, over zijn aanvraag."
            for i in range(40)
        ]
        + [
            f"Terugbelverzoek {i} van Anna Bakker, anna{i}@voorbeeld.nl, over de planning."
            for i in range(20)
        ]
    )
    finding = classify_column(Column("notities", LogicalType.TEXT), cells, is_key=False)
    shares = [
        (-int(e.split()[-1].rstrip("%")), e.split()[0].removeprefix("contains:"))
        for e in finding.evidence
        if e.startswith("contains:")
    ]
    assert len(shares) >= 2
    assert shares == sorted(shares)
    assert shares[0][0] == shares[1][0]  # a tie, ordered by code
