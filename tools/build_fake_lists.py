"""Build the value lists that the anonymize operators draw fakes from.

Run once (needs Faker, a test dependency) and commit the output; the package reads the text
files at run time and never imports Faker::

    python tools/build_fake_lists.py
"""

from __future__ import annotations

import re
from pathlib import Path

from faker import Faker

OUT = Path(__file__).resolve().parent.parent / "src" / "sluis" / "anonymize" / "operators" / "data"
LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ' -]+")
LOCALES = ("nl_NL", "nl_BE", "de_DE", "fr_FR", "tr_TR", "pl_PL", "en_GB")

# Names common among newcomers, in the Latin spelling Dutch registers use.
EXTRA_FEMALE = [
    "Fatima",
    "Amina",
    "Khadija",
    "Yasmina",
    "Nadia",
    "Samira",
    "Layla",
    "Mariam",
    "Aisha",
    "Hiba",
    "Rahel",
    "Selam",
    "Saba",
    "Hanan",
    "Zahra",
    "Leila",
    "Shirin",
    "Maryam",
    "Olena",
    "Iryna",
    "Ayan",
    "Hodan",
]
EXTRA_MALE = [
    "Mohammed",
    "Ahmed",
    "Youssef",
    "Omar",
    "Hamza",
    "Bilal",
    "Karim",
    "Tesfay",
    "Yonas",
    "Dawit",
    "Abdi",
    "Mustafa",
    "Reza",
    "Ali",
    "Hassan",
    "Ibrahim",
    "Mehmet",
    "Emre",
    "Oleksandr",
    "Andriy",
    "Said",
    "Samir",
]
EXTRA_LAST = [
    "El Amrani",
    "Bouzid",
    "El Idrissi",
    "Ait Ali",
    "Benali",
    "El Khatib",
    "Al-Masri",
    "Haddad",
    "Tesfaye",
    "Gebremedhin",
    "Tekle",
    "Mohamed Ali",
    "Yilmaz",
    "Kaya",
    "Demir",
    "Ahmadi",
    "Hosseini",
    "Karimi",
    "Shevchenko",
    "Kovalenko",
    "Nowak",
    "Warsame",
    "Abdi",
    "van der Berg",
    "van den Bosch",
    "de Vries",
    "van Dijk",
    "de Jong",
    "ter Horst",
]
STREET_WORDS = [
    "Kerk",
    "School",
    "Dorps",
    "Molen",
    "Stations",
    "Beuken",
    "Eiken",
    "Linden",
    "Kastanje",
    "Berken",
    "Iepen",
    "Esdoorn",
    "Wilgen",
    "Populieren",
    "Rozen",
    "Tulpen",
    "Lelie",
    "Narcissen",
    "Jasmijn",
    "Hazelaar",
    "Vlier",
    "Meidoorn",
    "Hooi",
    "Koren",
    "Tarwe",
    "Rogge",
    "Haver",
    "Kievit",
    "Merel",
    "Lijster",
    "Zwaluw",
    "Reiger",
    "Spechten",
    "Vinken",
    "Meeuwen",
    "Zon",
    "Maan",
    "Sterren",
    "Oranje",
    "Prinses",
    "Koning",
    "Wilhelmina",
    "Juliana",
    "Beatrix",
    "Nassau",
    "Rembrandt",
    "Vermeer",
    "Vondel",
    "Huygens",
    "Spinoza",
    "Erasmus",
    "Bach",
    "Mozart",
    "Haydn",
    "Schubert",
    "Brahms",
    "Beethoven",
    "Dam",
    "Brug",
    "Haven",
    "Kade",
    "Dijk",
    "Veld",
    "Bosch",
    "Heide",
    "Duin",
    "Zee",
    "Rijn",
    "Maas",
    "IJssel",
    "Vecht",
    "Amstel",
]
STREET_SUFFIXES = [
    "straat",
    "laan",
    "weg",
    "plein",
    "hof",
    "singel",
    "dreef",
    "pad",
    "kade",
    "gracht",
    "park",
]


def clean(names: set[str]) -> list[str]:
    return sorted(n for n in names if LATIN.fullmatch(n) and 2 <= len(n) <= 24)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    female: set[str] = set(EXTRA_FEMALE)
    male: set[str] = set(EXTRA_MALE)
    last: set[str] = set(EXTRA_LAST)
    cities: set[str] = set()
    Faker.seed(20240101)  # reproducible lists
    for locale in LOCALES:
        fake = Faker(locale)
        for _ in range(3000):
            female.add(fake.first_name_female())
            male.add(fake.first_name_male())
            last.add(fake.last_name())
        if locale == "nl_NL":
            for _ in range(20000):
                cities.add(fake.city())
    both = female & male
    files = {
        # single given names: the operator fakes each part of "Anne-Marie" on its own
        "first_names_female.txt": [n for n in clean(female - both) if "-" not in n],
        "first_names_male.txt": [n for n in clean(male - both) if "-" not in n],
        "last_names.txt": clean(last),
        "streets.txt": sorted(w + s for w in STREET_WORDS for s in STREET_SUFFIXES),
        "cities.txt": clean(cities),
    }
    for name, lines in files.items():
        (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
