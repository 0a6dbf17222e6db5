"""How long ``sluis.discover.text.find_entities`` takes per text, in microseconds.

Three sets: the documents of the free-text corpus (``bench.text_corpus``) and of the holdout
corpus (``bench.text_holdout``), and short case-worker notes of about 100 characters, most of
them without any personal data (as in most note columns), some with a name, a phone number or
a date. Every set is timed ``repeats`` times with the per-text memo cleared before each pass;
the median counts (the machine is shared). Times are CPU time of this process.

``python -m bench.text_speed`` prints the table.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from sluis.discover import text as text_module

_PLAIN = (
    "Klant belde over de betalingsregeling; terugbellen na {hour}:00 uur.",
    "Aanvraag ontvangen op {day} {month}, nog niet beoordeeld. Wacht op bewijsstukken.",
    "Brief verstuurd over de wijziging van de toeslag per 1 {month}.",
    "Afspraak verzet naar volgende week {weekday}, locatie stadskantoor.",
    "klant heeft gebeld, wil uitstel van betaling. doorgezet naar team inkomen.",
    "Terugbelverzoek: graag contact opnemen over de status van de aanvraag ({day}e).",
    "Bezwaar ingediend tegen het besluit van {day} {month}, termijn loopt nog {hour} dagen.",
    "Documenten gescand en toegevoegd aan dossier. Controle door backoffice op {weekday}.",
    "Wmo-indicatie verlengd tot eind 2025, huishoudelijke hulp {hour} uur per week.",
    "Geen bijzonderheden. Dossier compleet, herinnering verstuurd op {day} {month}.",
)
_TAILS = (
    "",
    " Zie ook eerdere notitie.",
    " Klant geinformeerd per post.",
    " Zaak kan gesloten worden.",
    " Vervolg over drie weken.",
    " Doorgezet naar de backoffice.",
    " Nog geen reactie ontvangen.",
    " Alles duidelijk.",
    " Status bijgewerkt in het systeem.",
    " Graag terugbellen.",
)
_PERSONAL = (
    "Mw. {last} belde over de betaling; teruggebeld op 06-{phone}.",
    "Gesprek met {first} {last} op {weekday}, vervolgafspraak gemaakt.",
    "Dhr. {last} wil voortaan post via de portal, geboren {day}-{mm}-19{yy}.",
)
_FIRST = ("Fatima", "Jan", "Tesfay", "Anna", "Mohammed", "Sanne", "Yusuf", "Eva")
_LAST = ("El Amrani", "de Vries", "Gebremedhin", "Jansen", "Yilmaz", "van Dijk", "Bakker")
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "september")
_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag")


def short_notes(n: int = 2000, seed: int = 5, personal_share: float = 0.2) -> list[str]:
    """``n`` distinct notes of about 100 characters; ``personal_share`` of them name a person."""
    rng = random.Random(seed)
    notes: list[str] = []
    seen: set[str] = set()
    for _ in range(n * 20):
        if len(notes) == n:
            break
        templates = _PERSONAL if rng.random() < personal_share else _PLAIN
        note = rng.choice(templates).format(
            hour=rng.randint(8, 17),
            day=rng.randint(1, 28),
            mm=f"{rng.randint(1, 12):02d}",
            yy=rng.randint(40, 99),
            month=rng.choice(_MONTHS),
            weekday=rng.choice(_WEEKDAYS),
            first=rng.choice(_FIRST),
            last=rng.choice(_LAST),
            phone=rng.randint(10_000_000, 99_999_999),
        ) + rng.choice(_TAILS)
        if note not in seen:
            seen.add(note)
            notes.append(note)
    if len(notes) < n:
        raise ValueError("the templates give fewer distinct notes than asked for")
    return notes


def time_per_text(
    texts: list[str], find: Callable[[str], object], clear: Callable[[], None], repeats: int
) -> float:
    """Median over ``repeats`` passes of the CPU microseconds per text."""
    passes = []
    for _ in range(repeats):
        clear()
        start = time.process_time()
        for text in texts:
            find(text)
        passes.append((time.process_time() - start) / len(texts) * 1e6)
    return statistics.median(passes)


def text_speed(repeats: int = 5) -> dict[str, float]:
    """Microseconds per text for each set: ``corpus``, ``holdout``, ``short`` (all notes) and
    ``short_plain`` (notes without personal data)."""
    from bench.text_corpus import generate as corpus
    from bench.text_holdout import generate as holdout

    notes = short_notes()
    sets = {
        "corpus": [d.text for d in corpus()],
        "holdout": [d.text for d in holdout()],
        "short": notes,
        "short_plain": short_notes(personal_share=0.0),
    }
    find, clear = text_module.find_entities, text_module._find.cache_clear
    find("Gesprek met mevrouw J. de Vries, tel. 06-12345678.")  # loads the word lists
    return {name: time_per_text(texts, find, clear, repeats) for name, texts in sets.items()}


def main() -> None:
    for name, micros in text_speed().items():
        print(f"{name:12s} {micros:8.1f} µs/text")


if __name__ == "__main__":
    main()
