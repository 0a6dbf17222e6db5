"""Synthetic newcomers and residents: names, origins, birth data and a Dutch address.

Dutch, Turkish and Polish names come from Faker; Faker has no Latin-script lists for the
other origins (its Arabic, Persian and Ukrainian locales write in their own scripts), so
those come from the short hand lists below, transliterated the way Dutch registers do.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass

from faker import Faker

from sluis.synth import identifiers


@dataclass(frozen=True)
class Origin:
    key: str
    country: str  # Dutch country name, as the register writes it
    nationality: str  # Dutch adjective
    weight: int
    birth_places: tuple[str, ...]


ORIGINS: tuple[Origin, ...] = (
    Origin(
        "sy", "Syrië", "Syrische", 22, ("Damascus", "Aleppo", "Homs", "Latakia", "Hama", "Idlib")
    ),
    Origin("er", "Eritrea", "Eritrese", 12, ("Asmara", "Keren", "Massawa", "Mendefera", "Barentu")),
    Origin(
        "tr", "Turkije", "Turkse", 12, ("Istanbul", "Ankara", "Izmir", "Konya", "Kayseri", "Yozgat")
    ),
    Origin(
        "ma", "Marokko", "Marokkaanse", 10, ("Nador", "Al Hoceima", "Tanger", "Casablanca", "Oujda")
    ),
    Origin("af", "Afghanistan", "Afghaanse", 8, ("Kabul", "Herat", "Mazar-i-Sharif", "Kandahar")),
    Origin("ua", "Oekraïne", "Oekraïense", 14, ("Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro")),
    Origin("pl", "Polen", "Poolse", 8, ("Warszawa", "Kraków", "Wrocław", "Poznań", "Gdańsk")),
    Origin("ir", "Iran", "Iraanse", 6, ("Tehran", "Mashhad", "Isfahan", "Shiraz", "Tabriz")),
    Origin("nl", "Nederland", "Nederlandse", 8, ()),
)

_MALE: dict[str, tuple[str, ...]] = {
    "sy": (
        "Mohammed",
        "Ahmad",
        "Omar",
        "Khaled",
        "Youssef",
        "Ali",
        "Hassan",
        "Mahmoud",
        "Bassel",
        "Rami",
        "Samer",
        "Fadi",
        "Tarek",
        "Ammar",
        "Ibrahim",
        "Mustafa",
        "Hamza",
        "Nizar",
    ),
    "er": (
        "Tesfay",
        "Yonas",
        "Merhawi",
        "Filmon",
        "Habtom",
        "Dawit",
        "Berhane",
        "Mehari",
        "Kidane",
        "Tekle",
        "Yohannes",
        "Amanuel",
        "Robel",
        "Mussie",
        "Goitom",
    ),
    "ma": (
        "Mohamed",
        "Said",
        "Rachid",
        "Mustapha",
        "Abdelkader",
        "Hicham",
        "Karim",
        "Nordin",
        "Soufiane",
        "Bilal",
        "Anouar",
        "Achraf",
        "Ilias",
        "Zakaria",
    ),
    "af": (
        "Ahmad",
        "Mohammad",
        "Farid",
        "Jawad",
        "Hamid",
        "Naweed",
        "Sohrab",
        "Zabihullah",
        "Mirwais",
        "Wahid",
        "Nasir",
        "Rahim",
        "Habib",
    ),
    "ua": (
        "Oleksandr",
        "Andrii",
        "Dmytro",
        "Serhii",
        "Volodymyr",
        "Mykola",
        "Yurii",
        "Taras",
        "Bohdan",
        "Ivan",
        "Vasyl",
        "Oleh",
        "Maksym",
        "Artem",
    ),
    "ir": (
        "Reza",
        "Hossein",
        "Mehdi",
        "Amir",
        "Saeed",
        "Dariush",
        "Kourosh",
        "Behnam",
        "Arash",
        "Babak",
        "Farhad",
        "Navid",
        "Kaveh",
    ),
}
_FEMALE: dict[str, tuple[str, ...]] = {
    "sy": (
        "Fatima",
        "Aya",
        "Nour",
        "Rana",
        "Lina",
        "Hiba",
        "Rasha",
        "Dima",
        "Yasmin",
        "Reem",
        "Amira",
        "Layla",
        "Hala",
        "Maryam",
        "Salma",
        "Ghada",
        "Batoul",
        "Joud",
    ),
    "er": (
        "Senait",
        "Lidya",
        "Saba",
        "Selam",
        "Mebrat",
        "Hiwet",
        "Ruta",
        "Semhar",
        "Almaz",
        "Tsega",
        "Winta",
        "Yordanos",
        "Feven",
        "Luwam",
    ),
    "ma": (
        "Fatima",
        "Khadija",
        "Naima",
        "Malika",
        "Samira",
        "Hanane",
        "Loubna",
        "Ikram",
        "Soukaina",
        "Houda",
        "Nadia",
        "Meryem",
        "Imane",
        "Zineb",
    ),
    "af": (
        "Mariam",
        "Zahra",
        "Farzana",
        "Nargis",
        "Shabnam",
        "Parwana",
        "Freshta",
        "Mursal",
        "Hasina",
        "Fatema",
        "Laila",
        "Sima",
        "Malalai",
    ),
    "ua": (
        "Olena",
        "Iryna",
        "Tetiana",
        "Nataliia",
        "Oksana",
        "Kateryna",
        "Yuliia",
        "Anastasiia",
        "Svitlana",
        "Halyna",
        "Mariia",
        "Viktoriia",
        "Sofiia",
        "Khrystyna",
    ),
    "ir": (
        "Shirin",
        "Neda",
        "Leila",
        "Parisa",
        "Roya",
        "Mahsa",
        "Nazanin",
        "Golnaz",
        "Azadeh",
        "Fereshteh",
        "Sepideh",
        "Bahar",
        "Yasaman",
        "Niloufar",
    ),
}
_SURNAMES: dict[str, tuple[str, ...]] = {
    "sy": (
        "Al-Masri",
        "Al-Halabi",
        "Haddad",
        "Khatib",
        "Darwish",
        "Hamdan",
        "Al-Sayed",
        "Kassem",
        "Najjar",
        "Shami",
        "Al-Ali",
        "Hussein",
        "Saleh",
        "Mansour",
        "Abdallah",
        "Jaber",
        "Othman",
        "Kanaan",
        "Zaher",
        "Al-Hamwi",
        "Sabbagh",
        "Barakat",
    ),
    "er": (
        "Tesfamariam",
        "Ghebremedhin",
        "Haile",
        "Weldemichael",
        "Berhe",
        "Gebrehiwet",
        "Tekeste",
        "Andemariam",
        "Kahsay",
        "Mengistu",
        "Ghebreyesus",
        "Asmerom",
        "Tesfay",
        "Habte",
        "Mehari",
        "Kidane",
    ),
    "ma": (
        "El Amrani",
        "Benali",
        "Bouzid",
        "El Idrissi",
        "Ait Ouali",
        "El Khattabi",
        "Boukhari",
        "Ouahbi",
        "Tahiri",
        "Azzouzi",
        "El Haddioui",
        "Bakkali",
        "Chaouki",
        "Ziani",
        "El Moussaoui",
        "Aarab",
        "Mimouni",
        "El Ouali",
    ),
    "af": (
        "Ahmadi",
        "Hashimi",
        "Karimi",
        "Rahimi",
        "Sultani",
        "Popal",
        "Nazari",
        "Amiri",
        "Haidari",
        "Noori",
        "Stanikzai",
        "Wardak",
        "Safi",
        "Durrani",
        "Jalali",
        "Azizi",
    ),
    "ua": (
        "Shevchenko",
        "Kovalenko",
        "Bondarenko",
        "Tkachenko",
        "Kravchenko",
        "Melnyk",
        "Boiko",
        "Koval",
        "Oliinyk",
        "Shevchuk",
        "Polishchuk",
        "Lysenko",
        "Marchenko",
        "Savchenko",
        "Rudenko",
        "Moroz",
        "Petrenko",
        "Kovalchuk",
    ),
    "ir": (
        "Mohammadi",
        "Hosseini",
        "Rezaei",
        "Moradi",
        "Jafari",
        "Sadeghi",
        "Hashemi",
        "Tehrani",
        "Esfahani",
        "Shirazi",
        "Kazemi",
        "Ghorbani",
        "Bagheri",
        "Farahani",
        "Zand",
        "Daneshvar",
    ),
}
_FAKER_LOCALES = {"nl": "nl_NL", "tr": "tr_TR", "pl": "pl_PL"}
_MAIL_DOMAINS = (
    "gmail.com",
    "hotmail.com",
    "outlook.com",
    "live.nl",
    "ziggo.nl",
    "kpnmail.nl",
    "yahoo.com",
    "icloud.com",
    "planet.nl",
    "hotmail.nl",
)


@dataclass(frozen=True)
class Person:
    origin: str
    first_names: str  # all given names, space separated
    prefix: str  # tussenvoegsel, often empty
    surname: str
    gender: str  # M, V or X, as Dutch registers write it
    birth_date: dt.date
    nationality: str
    birth_country: str
    birth_place: str
    street: str
    house_number: str
    postcode: str
    city: str
    email: str
    phone: str

    @property
    def first_name(self) -> str:
        return self.first_names.split(" ")[0]

    @property
    def last_name(self) -> str:
        return f"{self.prefix} {self.surname}" if self.prefix else self.surname

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def ascii_fold(text: str) -> str:
    """Lower-case ASCII for e-mail local parts and file names (``Łódź`` → ``lodz``)."""
    text = text.replace("ł", "l").replace("Ł", "L").replace("ı", "i").replace("İ", "I")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isascii()).lower()


class PersonFactory:
    """Draws people deterministically from one seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self._fakers: dict[str, Faker] = {}
        for i, (key, locale) in enumerate(sorted(_FAKER_LOCALES.items())):
            fake = Faker(locale)
            fake.seed_instance(seed * 31 + i)
            self._fakers[key] = fake
        self._weights = [o.weight for o in ORIGINS]

    @property
    def dutch(self) -> Faker:
        return self._fakers["nl"]

    def _given(self, origin: str, female: bool) -> str:
        if origin in self._fakers:
            fake = self._fakers[origin]
            return str(fake.first_name_female() if female else fake.first_name_male())
        return self.rng.choice((_FEMALE if female else _MALE)[origin])

    def _surname(self, origin: str) -> tuple[str, str]:
        if origin == "er":
            # Eritrean surnames are usually the father's given name.
            return "", self.rng.choice(_SURNAMES["er"] + _MALE["er"])
        if origin in self._fakers:
            full = str(self._fakers[origin].last_name())
            if origin == "nl":
                parts = full.rsplit(" ", 1)
                if len(parts) == 2 and parts[0][:1].islower():
                    return parts[0], parts[1]
            return "", full
        return "", self.rng.choice(_SURNAMES[origin])

    def person(self) -> Person:
        rng = self.rng
        origin = rng.choices(ORIGINS, weights=self._weights)[0]
        female = rng.random() < 0.48
        gender = "X" if rng.random() < 0.004 else ("V" if female else "M")
        given = [self._given(origin.key, female)]
        if rng.random() < 0.25:
            given.append(self._given(origin.key, female))
        prefix, surname = self._surname(origin.key)
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 56))
        dutch = self.dutch
        if origin.key == "nl":
            place, nationality = str(dutch.city()), origin.nationality
        else:
            place = rng.choice(origin.birth_places)
            nationality = "Nederlandse" if rng.random() < 0.08 else origin.nationality
        number = str(rng.randint(1, 240))
        if rng.random() < 0.15:
            number += rng.choice(("A", "B", "-1", "-2", " bis", "hs"))
        local = ascii_fold(given[0]) + rng.choice((".", "_", "", "."))
        local += ascii_fold((prefix + surname).replace(" ", "").replace("-", ""))
        if rng.random() < 0.4:
            local += str(rng.randint(1, 99))
        return Person(
            origin=origin.key,
            first_names=" ".join(given),
            prefix=prefix,
            surname=surname,
            gender=gender,
            birth_date=born,
            nationality=nationality,
            birth_country=origin.country,
            birth_place=place,
            street=str(dutch.street_name()),
            house_number=number,
            postcode=identifiers.postcode(rng),
            city=str(dutch.city()),
            email=f"{local}@{rng.choice(_MAIL_DOMAINS)}",
            phone=identifiers.phone(rng),
        )
