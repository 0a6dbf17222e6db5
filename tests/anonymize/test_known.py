"""Known names and streets are found in text exactly where they stand, and nowhere else."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.anonymize.known import Known, collect
from sluis.anonymize.operators.dispatch import OPERATORS
from sluis.anonymize.operators.redact_text import redact_all
from sluis.discover.phrases import Phrases
from sluis.keys import Key
from sluis.model.policy_file import parse_policy
from sluis.sources import open_source

_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*")
FIRST = frozenset({"fatima", "jan", "olga"})
LAST = frozenset({"amrani", "bakker", "jansen"})
STREETS = frozenset({"lange voorhout", "jan van galenstraat", "kerkstraat", "bakker de wit laan"})
KNOWN = Known(FIRST, LAST, Phrases(STREETS))
WORDS = ["Fatima", "jan", "Van", "Galenstraat", "Lange", "Voorhout", "Bakker", "de", "Wit"]
WORDS += ["Laan", "Kerkstraat", "belde", "op", "12", "JANSEN", "Olga", "-", ",", "olgastraat"]


NAME = "{rule: fake, category: person.name}"
TEXT = "{rule: redact_text}"


def known_from(path: Path, tables: dict[str, dict[str, str]], **options: Any) -> Known:
    """What :func:`collect` reads from the database at ``path`` under a policy that keeps
    each table's ``id`` and gives its other columns the rules of ``tables``."""
    body = "".join(
        f"  {table}:\n    columns:\n      id: {{rule: keep, reason: key}}\n"
        + "".join(f"      {column}: {rule}\n" for column, rule in columns.items())
        for table, columns in tables.items()
    )
    policy = parse_policy(f"version: 1\ntables:\n{body}", "test policy")
    with open_source(str(path)) as source:
        return collect(source, policy, Key.generate(), **options)


def reference(text: str) -> list[tuple[int, int, str]]:
    """Every whole word in a name list, then every longest run of up to five words that
    is a known street, scanning each start position."""
    words = list(_WORD.finditer(text))
    out = []
    for match in words:
        folded = match.group().casefold()
        if folded in LAST:
            out.append((match.start(), match.end(), "person.last_name"))
        elif folded in FIRST:
            out.append((match.start(), match.end(), "person.first_name"))
    for i in range(len(words)):
        for j in range(min(len(words), i + 5), i, -1):
            if " ".join(w.group() for w in words[i:j]).casefold() in STREETS:
                out.append((words[i].start(), words[j - 1].end(), "location.street"))
                break
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from([" ", "  ", ", "]))
def test_spans_are_the_words_and_streets_the_lists_hold(words: list[str], glue: str) -> None:
    text = glue.join(words)
    assert list(KNOWN.spans(text)) == reference(text)


def test_a_street_is_found_as_one_span() -> None:
    text = "Woont aan de Jan van Galenstraat 4 bij Bakker."
    assert (text.index("Jan"), text.index(" 4"), "location.street") in list(KNOWN.spans(text))


def test_a_street_named_after_a_person_is_replaced_whole_not_glued() -> None:
    """The given name "Jan" inside the known street "Jan van Galenstraat": the street is
    replaced as one, with its spaces (before, both were, and came out "JurreNassaulaan")."""
    key = Key(bytes(range(32)))
    text = "Geparkeerd op de Jan van Galenstraat t.h.v. nr. 143."
    (out,) = redact_all([text], key, known=KNOWN)
    street = OPERATORS["location.street"](pa.array(["Jan van Galenstraat"]), key)[0].as_py()
    assert out == f"Geparkeerd op de {street} t.h.v. nr. 143."


def test_dictionary_words_in_a_name_column_are_not_searched_as_names(
    sqlite_db: Callable[..., Path],
) -> None:
    """A 'naam' column of schemes ("Bijzondere bijstand") must not turn every "bijstand"
    in the notes into a name; real surnames in it still are known."""
    path = sqlite_db(
        "CREATE TABLE regeling (id INTEGER PRIMARY KEY, naam TEXT, notitie TEXT)",
        {"regeling": [(1, "Bijzondere bijstand", "x"), (2, "Fatima El Amrani", "y")]},
    )
    heard: list[tuple[str, int, int]] = []
    known = known_from(
        path,
        {"regeling": {"naam": NAME, "notitie": TEXT}},
        progress=lambda *a: heard.append(a),
    )
    assert not list(known.spans("De bijzondere bijstand is toegekend."))
    assert list(known.spans("Amrani belde."))
    assert heard == [("regeling: its names and numbers", 2, 2)]


def test_known_names_inside_an_organization_name_stay_the_organizations() -> None:
    """A client named Bakker does not turn "Kinderpraktijk Bakker & De Wit" into a person; a
    bare "Bakker" in the same kind of note still is replaced."""
    known = Known(frozenset({"emma"}), frozenset({"bakker", "wit"}))
    firm = "Verwezen naar Kinderpraktijk Bakker & De Wit en het Emma Kinderziekenhuis."
    bare = "Gesprek met Bakker over de aanvraag."
    out = redact_all([firm, bare], Key(bytes(range(32))), known=known)
    assert out[0] == firm
    assert out[1] is not None and "Bakker" not in out[1]


def test_known_names_after_a_public_body_or_building_stay_theirs() -> None:
    """Employees named Rijn or Blocq leave "Waterschap Rijn en Veluwe" and "Gemaal De Blocq van
    Kuffeler" in a signature (before, the board's name became "Waterschap Joly en Veluwe" in
    every e-mail); the same surname after "mevrouw" is still replaced."""
    known = Known(frozenset({"gerda"}), frozenset({"rijn", "blocq"}))
    signature = "Met vriendelijke groet,\nWaterschap Rijn en Veluwe\nGemaal De Blocq van Kuffeler"
    note = "Gesprek met mevrouw Rijn over verzuim."
    out = redact_all([signature, note], Key(bytes(range(32))), known=known)
    assert out[0] == signature
    assert out[1] is not None and "Rijn" not in out[1]


def test_user_codes_made_of_a_source_surname_and_initials_are_found(
    sqlite_db: Callable[..., Path],
) -> None:
    """SAP user ids write the surname and an initial in capitals ("KOKP", "ELAMRANIF",
    "GRAAFJ" for J. de Graaf), other systems initials first ("PHORST"): found where the source
    holds the surname; a word in capitals ("BAKKERS", "MEERDERE", and so "GRAAFT", though it
    may be T. de Graaf's code) is one only as a text's only word, a code in small letters
    never."""
    path = sqlite_db(
        "CREATE TABLE medewerker (id INTEGER PRIMARY KEY, achternaam TEXT);"
        "CREATE TABLE log (id INTEGER PRIMARY KEY, tekst TEXT);",
        {
            "medewerker": [
                (1, "Kok"),
                (2, "El Amrani"),
                (3, "de Graaf"),
                (4, "Horst"),
                (5, "Bakker"),
                (6, "Koster-Kok"),
                (7, "Al-Hassan"),
            ]
        },
    )
    surname = "{rule: fake, category: person.last_name}"
    known = known_from(path, {"medewerker": {"achternaam": surname}, "log": {"tekst": TEXT}})
    codes = ["KOKP", "ELAMRANIF", "GRAAFJ", "PHORST", "HORSTP2", "KOSTERKOKD", "ALHASSANG"]
    codes = [*codes, "GRAAFT"]
    words = ["DE BAKKERS", "MEERDERE KEREN", "HIJ GRAAFT", "kokp"]
    found = {text: [text[a:b] for a, b, _ in known.spans(text)] for text in codes + words}
    assert all(found[code] for code in codes)
    assert not any(found[word] for word in words)


def test_a_surname_that_is_a_word_is_found_capitalized_inside_a_sentence(
    sqlite_db: Callable[..., Path],
) -> None:
    """Clients named Veld or Bouwmeester: "Veld" is found in "groeicurve_Veld_2011.pdf",
    "gesprek met Veld", after a title ("mw veld belt") or beside a given name of the source
    ("wietske bouwmeester", "BOUWMEESTER, Wietske"), before initials ("Veld, M. in 't") or
    after them as bank transfers write the payer ("M VELD", "CE BOUWMEESTER", and before a
    reference number "EN VELD", whose initials are a word), or
    alone after its particles ("van veld" typed into a search field), alone in brackets after
    a word ("namens vader (Veld)"), as a sentence's subject before its verb ("Veld is nat"
    names Veld: the field would be "het veld"), never as the first word otherwise
    of a sentence, in small letters elsewhere, in a text in capitals, or from a column of
    schemes ("Bijzondere bijstand")."""
    path = sqlite_db(
        "CREATE TABLE client (id INTEGER PRIMARY KEY, achternaam TEXT, naam TEXT);"
        "CREATE TABLE notitie (id INTEGER PRIMARY KEY, tekst TEXT);",
        {"client": [(1, "Veld", "Bijzondere bijstand"), (2, "Jansen", "Wietske Bouwmeester")]},
    )
    surname = "{rule: fake, category: person.last_name}"
    known = known_from(
        path, {"client": {"achternaam": surname, "naam": NAME}, "notitie": {"tekst": TEXT}}
    )
    texts = [
        "bijlage groeicurve_Veld_2011.pdf",
        "Gesprek met Veld en Bouwmeester.",
        "Veld is nat. Bouwmeester belde.",
        "het veld is nat",
        "GESPREK MET VELD",
        "Aanvraag Bijzondere Bijstand",
        "mw veld belt, dhr. bouwmeester ook",
        "het grasveld veld is nat",
        "gesprek met wietske bouwmeester",
        "BOUWMEESTER, Wietske",
        "van veld",
        "het veld",
        "t.n.v. Veld, M. in 't",
        "in het veld, A. en B. zijn opties",
        "M VELD AANSLAGNR 202400603",
        "CE BOUWMEESTER TERMIJN 3",
        "HET VELD IN VELD EN VELD",
        "T VELD TERMIJN 2",
        "EN VELD AANSLAGNR 202400603",
        "ZIE VELD 3",
        "belde namens vader (Veld) over de afspraak",
        "(Veld) belde",
        "Zie bijlage. (Veld) is nat",
    ]
    found = [len(list(known.spans(text))) for text in texts]
    assert found == [1, 2, 2, 0, 0, 0, 2, 0, 2, 2, 1, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 0]


def test_a_full_name_gives_no_title_or_initial_as_a_given_name(
    sqlite_db: Callable[..., Path],
) -> None:
    """ "dhr. J.G. Bouhuizen" and "Janssen, N.C." name no person "Dhr" or "Janssen" as a given
    name ("Dhr." in every note became a fake given name); firms among the names give no
    words at all ("Bewindvoeringskantoor" became a given name)."""
    path = sqlite_db(
        "CREATE TABLE persoon (id INTEGER PRIMARY KEY, naam TEXT, notitie TEXT);",
        {
            "persoon": [
                (1, "dhr. J.G. Bouhuizen", None),
                (2, "Janssen, N.C.", None),
                (3, "Bewindvoeringskantoor Terpstra", None),
                (4, "Amir van Tuijl", None),
            ]
        },
    )
    known = known_from(path, {"persoon": {"naam": NAME, "notitie": TEXT}})
    assert known.first == {"amir"}
    assert known.last == {"bouhuizen", "janssen", "tuijl"}


def test_the_sources_e_mail_addresses_are_found_even_as_a_firms_mailbox(
    sqlite_db: Callable[..., Path],
) -> None:
    """A sole trader's "info@verhoeven-administratie.nl" reads as an organization's mailbox,
    which the finder leaves; as the address of a client of the source, whose surname its
    domain holds (also without its accents), it is found, in any case. An organization's own
    mailbox is not."""
    desk = "klantenservice@woonstichting-eendracht.nl"
    path = sqlite_db(
        "CREATE TABLE klant (id INTEGER PRIMARY KEY, achternaam TEXT, email TEXT);"
        "CREATE TABLE notitie (id INTEGER PRIMARY KEY, tekst TEXT);",
        {
            "klant": [
                (1, "Verhoeven", "info@verhoeven-administratie.nl"),
                (2, "Jansen", "Piet.Jansen@ziggo.nl "),
                (3, "Bakker", desk),
                (4, "Öztürk", "info@ozturk-advies.nl"),
            ]
        },
    )
    mail = "{rule: pseudonymize, category: contact.email}"
    surname = "{rule: fake, category: person.last_name}"
    known = known_from(
        path, {"klant": {"achternaam": surname, "email": mail}, "notitie": {"tekst": TEXT}}
    )
    texts = [
        "Email van info@verhoeven-administratie.nl doorgestuurd.",
        "Mail: INFO@VERHOEVEN-ADMINISTRATIE.NL, piet.jansen@ziggo.nl",
        f"Vragen? Mail {desk} of info@gemeente.nl.",
        "Bericht van info@ozturk-advies.nl.",
    ]
    found = [[c for _, _, c in known.spans(text) if c == "contact.email"] for text in texts]
    assert found == [["contact.email"], ["contact.email"] * 2, [], ["contact.email"]]


def test_two_letter_surnames_and_given_names_that_are_words_are_found_as_names(
    sqlite_db: Callable[..., Path],
) -> None:
    """Staff named Mei Xu and Jun Wu: "Xu" is looked for as a name is written (not "xu" or
    "XU"), "Mei" (a month) only where it names someone ("Mei Xu belde"), not in small letters
    ("in mei")."""
    path = sqlite_db(
        "CREATE TABLE medewerker (id INTEGER PRIMARY KEY, voornaam TEXT, achternaam TEXT);"
        "CREATE TABLE notitie (id INTEGER PRIMARY KEY, tekst TEXT);",
        {"medewerker": [(1, "Mei", "Xu"), (2, "Jun", "Wu"), (3, "Anna", "Jansen")]},
    )
    rules = {
        "voornaam": "{rule: fake, category: person.first_name}",
        "achternaam": "{rule: fake, category: person.last_name}",
    }
    known = known_from(path, {"medewerker": rules, "notitie": {"tekst": TEXT}})
    texts = [
        "Gesprek met Mei Xu over haar re-integratie.",
        "Jun Wu meldde zich ziek; in mei volgt een gesprek.",
        "XU en xu zijn geen namen hier, mei ook niet.",
        "zoek anna xu",
    ]
    found = [[text[a:b] for a, b, _ in sorted(known.spans(text))] for text in texts]
    assert [len(f) for f in found] == [2, 2, 0, 2]


def test_a_payer_before_the_payers_street_is_replaced(sqlite_db: Callable[..., Path]) -> None:
    """A transfer's description names the payer and the payer's street ("Emre Bos
    Beatrixlaan 240"): the name is no start of the street's name (the street found starts
    after it), as it is in "Anne Frankstraat"."""
    path = sqlite_db(
        "CREATE TABLE klant (id INTEGER PRIMARY KEY, voornaam TEXT, achternaam TEXT);"
        "CREATE TABLE betaling (id INTEGER PRIMARY KEY, omschrijving TEXT);",
        {"klant": [(1, "Emre", "Bos"), (2, "Anne", "Doelwijt"), (3, "Naima", "Öztürk")]},
    )
    rules = {
        "voornaam": "{rule: fake, category: person.first_name}",
        "achternaam": "{rule: fake, category: person.last_name}",
    }
    known = known_from(path, {"klant": rules, "betaling": {"omschrijving": TEXT}})
    texts = [
        "betaling gem belasting Emre Bos Beatrixlaan 240",
        "Woont Anne Frankstraat 12.",
        "betaling gem belasting Naima Öztürk Prins Bernhardlaan 33",  # the street's "Prins"
    ]
    out = redact_all(texts, Key(b"\x07" * 32), known=known)
    names = r"\b(?:Emre|Bos|Anne|Naima|Öztürk)\b"
    assert [len(re.findall(names, t or "")) for t in out] == [0, 0, 0]


def test_given_names_and_surnames_that_are_words_are_found_where_they_name_someone() -> None:
    """A girl named Floor, Storm or Lieve (a given name that is a word, and "Lieve" opens
    letters): found capitalized inside a sentence, as a sentence's subject right before its
    verb, and in a signature; a surname that is a word (Bos) also alone in a field, as a
    search query holds it. Before, "Floor heeft ADHD" and "Gr. Lieve" kept the source's
    names while its column was faked. The words stay words elsewhere."""
    known = Known(
        frozenset({"anna"}),
        frozenset({"jansen"}),
        worded=frozenset({"bos", "vos"}),
        worded_first=frozenset({"floor", "storm", "lieve"}),
    )
    named = [
        "Floor heeft ADHD en loopt vast op school.",
        "Gesprek met Storm en haar moeder.",
        "Afspraak verzet.\n\nGr. Lieve",
        "Groetjes,\nStorm",
        "Vos belde om tien uur.",
        "bos",
        " Bos ",
        "zusje storm ook gezien",
        "met storm gespeeld, motoriek goed.",
        "Gesproken met lieve over school.",
        "Aanwezig o.a. Storm en de juf.",
        "Storm maakt zich zorgen over school.",
        "Moeder vertelt dat storm slecht slaapt.",
    ]
    words = [
        "De storm heeft schade gedaan.",
        "Storm en regen.",
        "Lieve Anna,",
        "Het bos is mooi.",
        "Het bos, de vos en de storm.",
        "Met storm en regen gefietst.",
        "Verwacht dat storm en regen aanhouden.",
    ]
    assert [len(list(known.spans(t))) for t in named] == [1] * len(named)
    assert [len([s for s in known.spans(t) if s[2] != "person.first_name" or "Anna" not in t])
            for t in words] == [0] * len(words)  # fmt: skip
    out = redact_all(["Lieve heeft gebeld.", "Gr. Lieve"], Key(bytes(range(32))), known=known)
    assert not any("Lieve" in (t or "") for t in out)


def test_a_given_name_that_is_a_word_of_english_alone_is_found_in_small_letters(
    sqlite_db: Callable[..., Path],
) -> None:
    """ "Floor" is an English word, no Dutch one: a Dutch note that writes the source's Floor
    in small letters ("belde over floor") names her. A given name that is a Dutch word
    (Storm) is still found only where the text makes it a name."""
    path = sqlite_db(
        "CREATE TABLE kind (id INTEGER PRIMARY KEY, voornaam TEXT, notitie TEXT)",
        {"kind": [(1, "Floor", "x"), (2, "Storm", "y")]},
    )
    rules = {"voornaam": "{rule: fake, category: person.first_name}", "notitie": TEXT}
    known = known_from(path, {"kind": rules})
    texts = ["Moeder belde over floor; floor was ook aanwezig.", "De storm was hevig."]
    assert [len(list(known.spans(t))) for t in texts] == [2, 0]


def test_kept_names_of_things_are_known_but_those_with_a_persons_name(
    sqlite_db: Callable[..., Path],
) -> None:
    """Schools kept under ``allow`` are the things' names in the text ("De Piramide"); one
    with a word that is a client's name ("De Kleine Prins" beside a client Prins) is not."""
    path = sqlite_db(
        "CREATE TABLE school (id INTEGER PRIMARY KEY, naam TEXT);"
        "CREATE TABLE klant (id INTEGER PRIMARY KEY, achternaam TEXT, notitie TEXT)",
        {"school": [(1, "De Piramide"), (2, "De Kleine Prins")], "klant": [(1, "Prins", "x")]},
    )
    kept = "{rule: keep, reason: school, allow: [person.last_name]}"
    known = known_from(
        path,
        {
            "school": {"naam": kept},
            "klant": {"achternaam": "{rule: fake, category: person.last_name}", "notitie": TEXT},
        },
    )
    assert known.things.phrases == {"de piramide"}
    assert known.things.find("Op De Piramide, niet op de kleine prins.") == [(3, 14)]


def test_a_given_name_that_is_a_word_is_found_with_its_rows_surname_in_small_letters(
    sqlite_db: Callable[..., Path],
) -> None:
    """Storm Bos, Bloem de Haan and Jun Xu: each word alone is a word (or too short to look
    for in small letters), so "contact storm bos" and a search for "bloem de haan" kept
    them; together, as their rows hold them, they are those people."""
    path = sqlite_db(
        "CREATE TABLE kind (id INTEGER PRIMARY KEY, voornaam TEXT, achternaam TEXT, notitie TEXT)",
        {
            "kind": [
                (1, "Storm", "Bos", "x"),
                (2, "Bloem", "de Haan", "y"),
                (3, "Jun", "Xu", "z"),
                (4, "Storm", "'t Hart", "w"),
            ]
        },
    )
    rules = {
        "voornaam": "{rule: fake, category: person.first_name}",
        "achternaam": "{rule: fake, category: person.last_name}",
        "notitie": TEXT,
    }
    known = known_from(path, {"kind": rules})
    texts = ["contact storm bos heeft klachten", "bloem de haan", "jun xu", "storm 't hart"]
    texts += ["storm en bos"]
    assert [len(list(known.spans(t))) for t in texts] == [2, 2, 2, 2, 0]
    # A full-name column pairs them as well, where the given name is one ("Wolf Koster").
    path = sqlite_db(
        "CREATE TABLE contact (id INTEGER PRIMARY KEY, naam TEXT, notitie TEXT)",
        {"contact": [(1, "Wolf Koster", "x")]},
        name="contacts.db",
    )
    known = known_from(path, {"contact": {"naam": NAME, "notitie": TEXT}})
    assert len(list(known.spans("contact wolf koster heeft klachten"))) == 2


def test_a_source_surname_longer_than_the_name_found_is_replaced_whole() -> None:
    """The finder reads "Tjon-A" of "Rajesh Tjon-A-Fat" as a name; the source's surname
    "Tjon-A-Fat" grows it, so no "-Fat" is left after the fake (before: in every note)."""
    known = Known(frozenset({"rajesh"}), frozenset({"tjon-a-fat"}))
    (out,) = redact_all(
        ["Gesprek met vader (Rajesh Tjon-A-Fat) gevoerd."], Key(bytes(32)), known=known
    )
    assert out is not None and "Fat" not in out and "Tjon" not in out and "Rajesh" not in out
