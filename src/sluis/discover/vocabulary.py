"""Column-name evidence: Dutch and English words that say what a column holds.

A column name is split into tokens (``snake_case``, ``camelCase``, ``UPPER_SNAKE``, digits
and punctuation all separate), then matched whole and token by token. Strong words
(``bsn``, ``geboortedatum``) decide a column alone; weak words (``naam``, ``plaats``) need
the values to agree.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

STRONG = 1.0
WEAK = 0.6

# category -> (strong words, weak words). Words are normalized: lower case, no accents,
# tokens joined by "_".
_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "id.bsn": (
        (
            "bsn",
            "burgerservicenummer",
            "sofinummer",
            "sofi_nummer",
            "sofi_nr",
            "sofinr",
            "citizen_service_number",
            "ssn",
            "social_security_number",
            "bsn_nummer",
        ),
        ("persoonsnummer", "sofi"),
    ),
    "id.v_number": (
        (
            "v_nummer",
            "vnummer",
            "vreemdelingennummer",
            "v_nr",
            "vnr",
            "alien_number",
            "vreemdelingen_nummer",
        ),
        (),
    ),
    "id.passport": (
        (
            "paspoort",
            "paspoortnummer",
            "paspoort_nummer",
            "passport",
            "passport_number",
            "passport_no",
            "documentnummer",
            "document_nummer",
            "id_kaart",
            "idkaart",
            "identiteitskaart",
            "identiteitsbewijs",
            "reisdocument",
            "id_document_nummer",
            "id_nummer_document",
        ),
        ("document_nr",),
    ),
    "id.onderwijsnummer": (("onderwijsnummer", "onderwijs_nummer"), ()),
    "id.kvk": (("kvk", "kvk_nummer", "kvknummer", "kvk_nr", "chamber_of_commerce"), ()),
    "id.rsin": (("rsin", "rsin_nummer"), ()),
    "id.vat": (
        (
            "btw_nummer",
            "btw_id",
            "btwnummer",
            "vat_id",
            "vat_number",
            "omzetbelastingnummer",
            "btw_identificatienummer",
        ),
        ("btw", "vat"),
    ),
    "id.license_plate": (
        (
            "kenteken",
            "license_plate",
            "licence_plate",
            "nummerbord",
            "kentekenplaat",
            "registration_plate",
        ),
        ("plate",),
    ),
    "contact.email": (
        (
            "email",
            "e_mail",
            "emailadres",
            "e_mailadres",
            "email_address",
            "mailadres",
            "email_adres",
            "e_mail_adres",
        ),
        ("mail",),
    ),
    "contact.phone": (
        (
            "telefoon",
            "telefoonnummer",
            "telefoon_nummer",
            "telnr",
            "tel_nr",
            "phone",
            "phone_number",
            "phonenumber",
            "mobiel",
            "mobiel_nummer",
            "mobielnummer",
            "mobile",
            "mobile_number",
            "gsm",
            "telephone",
            "fax",
            "faxnummer",
            "cell_phone",
        ),
        ("tel", "nummer_mobiel"),
    ),
    "person.name": (
        (
            "volledige_naam",
            "full_name",
            "fullname",
            "rekeninghouder",
            "tenaamstelling",
            "contactpersoon",
            "contact_person",
            "klantnaam",
            "clientnaam",
            "aanvragernaam",
            "naam_aanvrager",
            "account_holder",
            "accountholder",
            "person_name",
            "persoonsnaam",
            "naam_client",
            "naam_klant",
            "naam_medewerker",
            "medewerkernaam",
            "behandelaar",
            "ten_name_van",
            "begunstigde",
            "naam_volledig",
            "student_name",
            "patient_name",
            "display_name",
            "gebruikersnaam_volledig",
        ),
        (
            "naam",
            "name",
            "holder",
            "contact",
            "aanvrager",
            "client",
            "medewerker",
            "aangemaakt_door",
            "gewijzigd_door",
            "ingevoerd_door",
            "behandeld_door",
            "created_by",
            "modified_by",
            "updated_by",
            "author",
            "auteur",
            "eigenaar",
            "owner",
            "ondertekenaar",
            "signed_by",
            "assigned_to",
            "toegewezen_aan",
        ),
    ),
    "person.first_name": (
        (
            "voornaam",
            "voornamen",
            "roepnaam",
            "first_name",
            "firstname",
            "given_name",
            "givenname",
            "forename",
            "voorletters",
            "initialen",
            "initials",
            "first_names",
        ),
        (),
    ),
    "person.last_name": (
        (
            "achternaam",
            "geslachtsnaam",
            "familienaam",
            "last_name",
            "lastname",
            "surname",
            "family_name",
            "familyname",
            "geboortenaam",
            "partnernaam",
            "naam_partner",
            "achter_naam",
            "eigen_naam",
        ),
        (),
    ),
    "person.name_prefix": (
        ("tussenvoegsel", "voorvoegsel", "voorvoegsels", "name_prefix", "tussenvoegsels"),
        (),
    ),
    "person.birth_date": (
        (
            "geboortedatum",
            "geb_datum",
            "gebdat",
            "gebdatum",
            "geboorte_datum",
            "date_of_birth",
            "dob",
            "birth_date",
            "birthdate",
            "birthday",
            "geboortejaar",
            "year_of_birth",
            "geboren",
            "geboren_op",
            "birth_year",
            "datum_geboorte",
        ),
        (),
    ),
    "location.address": (
        (
            "adres",
            "address",
            "woonadres",
            "postadres",
            "full_address",
            "huisadres",
            "correspondentieadres",
            "verblijfadres",
            "home_address",
            "address_line",
            "adresregel",
            "adres_regel",
        ),
        (),
    ),
    "location.street": (
        (
            "straat",
            "straatnaam",
            "street",
            "street_name",
            "streetname",
            "openbare_ruimte",
            "straat_naam",
            "street_address",
        ),
        (),
    ),
    "location.house_number": (
        (
            "huisnummer",
            "huisnr",
            "house_number",
            "housenumber",
            "huisletter",
            "huisnummertoevoeging",
            "huisnummer_toevoeging",
            "toevoeging",
            "house_no",
        ),
        (),
    ),
    "location.postcode": (
        ("postcode", "zip", "zipcode", "zip_code", "postal_code", "postalcode", "post_code"),
        (),
    ),
    "location.city": (
        (
            "woonplaats",
            "stad",
            "city",
            "town",
            "plaatsnaam",
            "residence",
            "woon_plaats",
            "verblijfplaats",
            "woongemeente",
        ),
        ("plaats", "gemeente", "municipality", "locality"),
    ),
    "finance.iban": (
        (
            "iban",
            "rekeningnummer",
            "bankrekening",
            "bankrekeningnummer",
            "bank_account",
            "account_number",
            "tegenrekening",
            "iban_nummer",
            "rekening_nummer",
            "bankaccount",
            "iban_code",
        ),
        ("rekening", "account"),
    ),
    "network.ip": (
        (
            "ip",
            "ip_address",
            "ipadres",
            "ip_adres",
            "client_ip",
            "remote_addr",
            "remote_address",
            "ipaddress",
            "source_ip",
            "ip_addr",
        ),
        (),
    ),
    "quasi.gender": (("geslacht", "gender", "sex", "sekse"), ()),
    "quasi.nationality": (
        ("nationaliteit", "nationality", "citizenship", "staatsburgerschap", "nationaliteiten"),
        (),
    ),
    "quasi.country_of_birth": (
        (
            "geboorteland",
            "country_of_birth",
            "birth_country",
            "land_van_herkomst",
            "herkomstland",
            "country_of_origin",
            "land_geboorte",
            "geboorte_land",
        ),
        ("land_herkomst", "herkomst"),
    ),
    "quasi.place_of_birth": (
        (
            "geboorteplaats",
            "place_of_birth",
            "birth_place",
            "birthplace",
            "geboorte_plaats",
            "plaats_geboorte",
        ),
        (),
    ),
    "text.contains_pii": (
        (),
        (
            "opmerking",
            "opmerkingen",
            "notitie",
            "notities",
            "toelichting",
            "note",
            "notes",
            "comment",
            "comments",
            "omschrijving",
            "description",
            "body",
            "bericht",
            "message",
            "inhoud",
            "tekst",
            "text",
            "memo",
            "remarks",
            "aantekening",
            "aantekeningen",
            "verslag",
            "samenvatting",
            "content",
            "motivatie",
            "reden",
            "details",
            "brief",
        ),
    ),
}

# Words that say a column is *not* about a person, even when its values look like one.
NOT_PERSONAL = frozenset(
    {
        "zaaknummer",
        "zaak_nummer",
        "zaaknr",
        "zaak_nr",
        "dossiernummer",
        "dossier_nummer",
        "dossiernr",
        "case_number",
        "case_nr",
        "case_no",
        "casenumber",
        "ordernummer",
        "order_nummer",
        "order_number",
        "ordernr",
        "order_nr",
        "factuurnummer",
        "invoice_number",
        "referentie",
        "reference",
        "kenmerk",
        "bedrag",
        "amount",
        "status",
        "aantal",
        "count",
        "created_at",
        "updated_at",
        "aangemaakt_op",
        "gewijzigd_op",
        "artikelnummer",
        "product_code",
        "productcode",
        "volgnummer",
        "sequence",
        "transactie_id",
        "transaction_id",
        "batch",
        "versie",
        "version",
        "besluitnummer",
        "registratienummer_zaak",
        "kvk_vestigingsnummer",
    }
)

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT = re.compile(r"[^a-z0-9]+")


# Words that say nothing about what a column holds.
_GENERIC = frozenset(
    {
        "c",
        "col",
        "column",
        "kolom",
        "veld",
        "field",
        "extra",
        "ref",
        "data",
        "value",
        "waarde",
        "attr",
        "attribute",
        "info",
        "misc",
        "overig",
        "tmp",
        "temp",
        "x",
        "y",
        "z",
        "f",
        "v",
        "var",
        "item",
        "custom",
        "user",
        "free",
        "vrij",
        "unnamed",
        "import",
        "legacy",
        "old",
    }
)


@dataclass(frozen=True)
class NameHint:
    """What a column name says: a category (or ``None``) and how strongly.

    ``meaningless`` names (``c1``, ``extra``, ``veld_7``) say nothing at all, so weak
    value patterns may decide alone.
    """

    category: str | None
    strength: float
    word: str
    not_personal: bool = False
    meaningless: bool = False


def normalize(name: str) -> str:
    """``geboorteDatum`` / ``GEBOORTE-DATUM`` → ``geboorte_datum``; accents removed."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    plain = _CAMEL.sub("_", plain).lower()
    return "_".join(t for t in _SPLIT.split(plain) if t)


def _index() -> dict[str, tuple[str, float]]:
    index: dict[str, tuple[str, float]] = {}
    for code, (strong, weak) in _WORDS.items():
        for word in weak:
            index[word] = (code, WEAK)
        for word in strong:
            index[word] = (code, STRONG)
    return index


_INDEX = _index()


def hint(column_name: str) -> NameHint:
    """The category a column name points to.

    The whole normalized name is tried first, then the name with ``id``/``nr``-style
    affixes removed, then the longest run of tokens that is a known word.
    """
    norm = normalize(column_name)
    if norm in NOT_PERSONAL:
        return NameHint(None, STRONG, norm, not_personal=True)
    if norm in _INDEX:
        code, strength = _INDEX[norm]
        return NameHint(code, strength, norm)
    tokens = norm.split("_")
    best: NameHint | None = None
    for size in range(len(tokens), 0, -1):
        for start in range(len(tokens) - size + 1):
            word = "_".join(tokens[start : start + size])
            if word in NOT_PERSONAL:
                return NameHint(None, STRONG, word, not_personal=True)
            if word in _INDEX and best is None:
                code, strength = _INDEX[word]
                # A known word inside a longer name is a little less certain.
                best = NameHint(code, strength * 0.9, word)
        if best is not None:
            return best
    words = [w for t in tokens for w in re.split(r"\d+", t) if w]
    meaningless = all(w in _GENERIC or len(w) <= 2 for w in words)
    return NameHint(None, 0.0, "", meaningless=meaningless)
