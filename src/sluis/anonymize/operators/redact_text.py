"""Free text with the personal data inside it replaced by consistent surrogates.

Entities are found by the same finder as ``sluis scan`` uses. Each one is replaced by
the fake its category gets in a structured column with the same key, so "Geachte Fatima
El Amrani" in a letter reads "Geachte <fake first> <fake last>", the same fake as the
applicant's row. Categories without a fake (quasi-identifiers such as a nationality)
stay; anything else without a fake becomes a ``<category>`` tag. With ``tags=True``
every entity becomes a tag.
"""

from __future__ import annotations

from collections import defaultdict

import pyarrow as pa

from sluis.anonymize.known import Known
from sluis.anonymize.operators import clash
from sluis.anonymize.operators._arrow import as_array, is_text, per_distinct, restore_type
from sluis.anonymize.operators.dispatch import OPERATORS, replace
from sluis.discover import lexicon
from sluis.discover.detectors.base import Span
from sluis.discover.phrases import WORD
from sluis.discover.text import find_entities, organization_names
from sluis.discover.text_filters import is_institutional, org_regions
from sluis.keys import Key
from sluis.model.categories import PERSON_NAMES

# Low enough to take dates without a trigger word: replacing an appointment date costs
# little, leaving a birth date costs a person.
MIN_SCORE = 0.4
# What the words of a thing's name may be found as: a person's name, a town.
_THINGS_WORDS = PERSON_NAMES | {"location.city"}


def redact_text(
    values: pa.Array | pa.ChunkedArray,
    key: Key,
    *,
    tags: bool = False,
    known: Known | None = None,
) -> pa.Array:
    """Redact every distinct text once; the batch's entities are faked per category at once."""
    array = as_array(values)
    original = array.type
    if not is_text(original):
        array = array.cast(pa.string())

    def transform(distinct: pa.Array) -> pa.Array:
        return pa.array(redact_all(distinct.to_pylist(), key, tags=tags, known=known), pa.string())

    return restore_type(
        per_distinct(array, transform), original if is_text(original) else pa.string()
    )


def redact_all(
    texts: list[str | None],
    key: Key,
    *,
    tags: bool = False,
    known: Known | None = None,
    contexts: list[str] | None = None,
    extra: list[list[Span]] | None = None,
) -> list[str | None]:
    """The texts with their entities replaced (see the module docstring); ``known`` adds
    the words of the source's own name columns, ``extra`` spans per text found otherwise
    (where the finder found none). A fake name spells no other name of its text, or of
    its text's context where ``contexts`` gives one per text (the whole JSON document a
    leaf is part of)."""
    found: list[list[Span]] = [_entities(t, known) if t else [] for t in texts]
    for spans, more in zip(found, extra or [], strict=False):
        spans += [s for s in more if not any(s.start < o.end and o.start < s.end for o in spans)]
    surrogates = {} if tags else _surrogates(texts, found, key, known)
    out: list[str | None] = []
    codes = known.codes if known is not None else {}
    for number, (text, spans) in enumerate(zip(texts, found, strict=True)):
        if text is not None and text in codes:  # a login written alone: its column's fake
            out.append(codes[text])
            continue
        if not text or not spans:
            out.append(text)
            continue
        pieces, last = [], 0
        words: list[str] = []
        runs: frozenset[str] | None = None
        for span in sorted(spans, key=lambda s: s.start):
            original = text[span.start : span.end]
            replacement = _replacement(span, original, surrogates, tags)
            if span.category in PERSON_NAMES and not tags:
                words = words or clash.words(text if contexts is None else contexts[number])
                # Every run of words is part of the words written together: most fakes are
                # not, and then the runs need not be listed.
                joined = "".join(words)
                if any(piece in joined for piece in clash.pieces(replacement)):
                    runs = clash.word_runs(words) if runs is None else runs
                    if clash.spells_another(replacement, runs):
                        replacement = clash.redrawn(span.category, original, key, runs)
            pieces += [text[last : span.start], replacement]
            last = span.end
        pieces.append(text[last:])
        out.append("".join(pieces))
    return out


def _entities(text: str, known: Known | None) -> list[Span]:
    spans = [s for s in find_entities(text) if s.score >= MIN_SCORE]
    if known is None:
        return spans
    taken = [(s.start, s.end) for s in spans]
    organizations: list[tuple[int, int]] | None = None
    regions: list[tuple[int, int]] = []
    # Longest first where they overlap: the street "Jan van Scorelstraat" before the given
    # name "Jan" in it (both replaced, they came out glued: "JurreNassaulaan").
    for start, end, category in sorted(known.spans(text), key=lambda s: (s[0] - s[1], s[0])):
        inside = [i for i, (a, b) in enumerate(taken) if start < b and a < end]
        if inside and not _grows(spans, inside, start, end, category):
            continue
        # A client's surname in a firm's name ("Kinderpraktijk Bakker & De Wit") is the firm's,
        # and "Rijn" after "Waterschap" a river's.
        if organizations is None:
            organizations, regions = organization_names(text), org_regions(text)
        span = Span(start, end, category, "known_names", 1.0)
        if any(start < b and a < end for a, b in organizations) or (
            category in PERSON_NAMES and is_institutional(text, span, [], regions, named=True)
        ):
            continue
        if inside:  # the name found, grown over the rest of the source's: "Tjon-A|-Fat|"
            start = min(start, *(spans[i].start for i in inside))
            end = max(end, *(spans[i].end for i in inside))
            grown = category if (start, end) == (span.start, span.end) else "person.name"
            span = Span(start, end, grown, "known_names", 1.0)
            spans = [s for i, s in enumerate(spans) if i not in inside]
            taken = [t for i, t in enumerate(taken) if i not in inside]
        spans.append(span)
        taken.append((start, end))
    if things := known.things.find(text):
        spans = [part for span in spans for part in _apart_from_things(text, span, things)]
    return sorted(spans, key=lambda s: s.start)


def _apart_from_things(text: str, span: Span, things: list[tuple[int, int]]) -> list[Span]:
    """The span without the kept names of things in it ("De Kleine Prins" is a school's):
    what it holds before and after them, less the small words that joined them ("Önel" of
    "Önel over De Wonderboom"); a lone word of a full name is its given name before the
    thing, its surname after it."""
    inside = [(a, b) for a, b in things if span.start < b and a < span.end]
    if span.category not in _THINGS_WORDS or not inside:
        return [span]
    parts = []
    for start, end, lone in (
        (span.start, min(a for a, _ in inside), "person.first_name"),
        (max(b for _, b in inside), span.end, "person.last_name"),
    ):
        words = list(WORD.finditer(text, start, end))
        while words and words[-1].group().casefold() in lexicon.stopwords():
            words.pop()
        while words and words[0].group().casefold() in lexicon.stopwords():
            words.pop(0)
        if words:
            single = len(words) == 1 and span.category == "person.name"
            category = lone if single else span.category
            parts.append(
                Span(words[0].start(), words[-1].end(), category, span.detector, span.score)
            )
    return parts


def _grows(spans: list[Span], inside: list[int], start: int, end: int, category: str) -> bool:
    """Whether a source name reaches past the names the finder found in it."""
    return (
        category in PERSON_NAMES
        and all(spans[i].category in PERSON_NAMES for i in inside)
        and (start < min(spans[i].start for i in inside) or end > max(spans[i].end for i in inside))
    )


def _surrogates(
    texts: list[str | None], found: list[list[Span]], key: Key, known: Known | None
) -> dict[tuple[str, str], str]:
    """Fake every entity once, one operator call per category."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for text, spans in zip(texts, found, strict=True):
        for span in spans:
            if text and span.category in OPERATORS:
                wanted[span.category].add(text[span.start : span.end])
    fakes: dict[tuple[str, str], str] = {}
    for category, originals in wanted.items():
        ordered = sorted(originals)
        detours = known.detours if known else None
        replaced = replace(category, pa.array(ordered, pa.string()), key, detours)
        replaced = replaced.cast(pa.string())
        for original, fake in zip(ordered, replaced.to_pylist(), strict=True):
            if fake is not None and fake != original:
                fakes[(category, original)] = fake
    return fakes


def _replacement(
    span: Span, original: str, surrogates: dict[tuple[str, str], str], tags: bool
) -> str:
    if not tags:
        fake = surrogates.get((span.category, original))
        if fake is not None:
            return fake
        if span.category.startswith("quasi."):
            return original
    return f"<{span.category}>"
