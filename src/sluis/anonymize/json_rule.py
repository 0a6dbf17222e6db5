"""The ``json`` rule: a rule per JSON path, fail closed for paths the policy does not name.

Paths are written ``$.contact.naam``; list items are ``[*]`` (``$.contacts[*].email``).
Every leaf of every document is looked up by its path; a path with no rule and no
``default`` stops the run, naming the path (keys, never values). Under ``default:
redact_text`` a leaf whose key names a category the way a column name would (``naam``,
``email``, ``telefoon``; with its parent's key where it says only "name" or "number":
``address.number``, ``name.family``, not ``medication.name``) is faked whole as that
category: a bare value has no context for the text finder (a lone ``"Kaveh Hashemi"`` is
not recognized as a name), the key does.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import pyarrow as pa

from sluis.anonymize.known import NAME_CATEGORIES, Known
from sluis.anonymize.operators import clash
from sluis.anonymize.operators._arrow import as_array, per_distinct
from sluis.anonymize.operators.dispatch import OPERATORS
from sluis.anonymize.operators.redact_text import redact_all
from sluis.anonymize.rules import apply_rule
from sluis.discover.detectors.base import Span
from sluis.discover.vocabulary import changed_field, field_hint, leaf_hint
from sluis.errors import PolicyError
from sluis.keys import Key
from sluis.model.policy import Fake, JsonRule, RedactText, SimpleRule

_Leaf = tuple[str, tuple[Any, ...]]  # path, location inside the document
_Found = tuple[int, tuple[Any, ...], Any]  # document number, location, value


def apply_json(
    values: pa.Array | pa.ChunkedArray,
    key: Key,
    rule: JsonRule,
    where: str,
    known: Known | None = None,
) -> pa.Array:
    """Apply ``rule`` to every distinct JSON document of ``values``; ``where`` names the
    column in errors (``table.column``), and its column's name is the key of a document
    without keys."""
    paths = {_normalize(p): r for p, r in rule.paths.items()}
    column = where.rsplit(".", 1)[-1]

    def transform(distinct: pa.Array) -> pa.Array:
        documents = [_parse(text, where) for text in distinct.to_pylist()]
        leaves: dict[str, list[_Found]] = defaultdict(list)
        originals: list[list[str]] = [[] for _ in documents]  # each document's leaves
        for number, document in enumerate(documents):
            for path, location, value in _walk(document, "$", ()):
                leaves[path].append((number, location, value))
                originals[number].append(str(value))
        rules = {path: _rule(path, paths, rule.default, column, where) for path in leaves}
        held = _identifiers_held(leaves, rules, len(documents))
        fields = known.fields if known is not None else {}
        for (path, category), found in _by_changed_field(documents, leaves, rules, fields).items():
            path_rule = rules[path] if category is None else Fake(rule="fake", category=category)
            values = [value for _, _, value in found]
            if isinstance(path_rule, RedactText):
                # A fake in one leaf spells no name of another ("huisarts Spiker" beside
                # a father Adam van Leuven must not become "huisarts van Leuven").
                contexts = [" ".join(originals[number]) for number, _, _ in found]
                texts = _texts(values)
                replaced = redact_all(
                    texts,
                    key,
                    tags=path_rule.tags,
                    known=known,
                    contexts=contexts,
                    extra=[
                        _written_again(t, held[n])
                        for t, (n, _, _) in zip(texts, found, strict=True)
                    ],
                )
                replaced = _typed(values, replaced)
            else:
                replaced = _apply(path_rule, values, key, known)
            if isinstance(path_rule, Fake) and path_rule.category in NAME_CATEGORIES:
                replaced = _spelling_no_other_name(
                    path_rule.category, found, replaced, originals, key
                )
                codes = known.codes if known is not None else {}
                replaced = [
                    codes.get(value, new) if isinstance(value, str) else new
                    for value, new in zip(values, replaced, strict=True)
                ]
            for (number, location, _), new in zip(found, replaced, strict=True):
                documents[number] = _set(documents[number], location, new)
        return pa.array([json.dumps(d, ensure_ascii=False) for d in documents], distinct.type)

    return per_distinct(as_array(values), transform)


def _rule(
    path: str, paths: dict[str, SimpleRule], default: SimpleRule | None, column: str, where: str
) -> SimpleRule:
    found = paths[path] if path in paths else _by_key(path, default, column)
    if found is None:
        raise PolicyError(
            f"{where}: JSON path {path} has no rule; name it under 'paths' or set "
            "'default' (e.g. default: {rule: redact_text})"
        )
    return found


# An identifier at least this long, with a digit, or a name of several words, is found again
# in the document's text.
_MIN_HELD = 6
_PART = re.compile(r"[^\W_]+")


def _identifiers_held(
    leaves: dict[str, list[_Found]],
    rules: dict[str, SimpleRule],
    documents: int,
) -> list[dict[str, str]]:
    """Per document, the identifiers its leaves hold under a rule that fakes them, by their
    letters and digits in capitals: ``{"06XPLF": "id.license_plate"}`` for ``"kenteken":
    "06-XP-LF"``; and names of several words, which a file name glues (``"DIEBONT"`` for
    ``"achternaam": "Die Bont"`` in ``verslag_DieBont_2014.pdf``)."""
    held: list[dict[str, str]] = [{} for _ in range(documents)]
    for path, found in leaves.items():
        category = getattr(rules[path], "category", None)
        if category is None or category == "contact.email":
            continue
        for number, _, value in found:
            parts = _PART.findall(str(value))
            compact = "".join(parts).upper()
            if len(compact) >= _MIN_HELD and (
                len(parts) > 1 if category in NAME_CATEGORIES else any(map(str.isdigit, compact))
            ):
                held[number][compact] = category
    return held


def _written_again(text: str | None, held: dict[str, str]) -> list[Span]:
    """Where ``text`` writes one of its document's identifiers glued into a word: the plate
    "06-XP-LF" as a part of the photo's file name "CAM-0103_132021_06XPLF.jpg"."""
    if not text or not held:
        return []
    return [
        Span(m.start(), m.end(), category, _AGAIN, 0.9)
        for m in _PART.finditer(text)
        if (category := held.get(m.group().upper())) is not None
    ]


_AGAIN = "written_again"


def _spelling_no_other_name(
    category: str,
    found: list[tuple[int, tuple[Any, ...], Any]],
    replaced: list[Any],
    originals: list[list[str]],
    key: Key,
) -> list[Any]:
    """``replaced`` with each fake name that spells another name of its document drawn
    again (the fake of a child's name equal to its mother's, see :mod:`.operators.clash`)."""
    runs: dict[int, frozenset[str]] = {}
    out = []
    for (number, _, old), new in zip(found, replaced, strict=True):
        if isinstance(new, str) and new != old:
            if number not in runs:
                runs[number] = clash.word_runs(clash.words(" ".join(originals[number])))
            # A short name ("Bo") is no piece of a text, but may be another leaf whole.
            whole = "".join(clash.words(new)) in runs[number]
            if whole or clash.spells_another(new, runs[number]):
                new = clash.redrawn(category, str(old), key, runs[number])
        out.append(new)
    return out


def _by_changed_field(
    documents: list[Any],
    leaves: dict[str, list[_Found]],
    rules: dict[str, SimpleRule],
    fields: Mapping[str, str],
) -> dict[tuple[str, str | None], list[_Found]]:
    """The leaves of each path, apart by the category a change record gives the ones its
    rule would search as text: ``{"field": "achternaam", "old": "Berg"}`` holds a surname
    that is also a word, which the finder leaves; a field the policy fakes (``c_nm2``) holds
    what that column holds."""
    groups: dict[tuple[str, str | None], list[_Found]] = defaultdict(list)
    for path, found in leaves.items():
        searched = isinstance(rules[path], RedactText)
        for leaf in found:
            number, location, _ = leaf
            category = _changed(documents[number], location, fields) if searched else None
            groups[(path, category if category in OPERATORS else None)].append(leaf)
    return groups


def _changed(document: Any, location: tuple[Any, ...], fields: Mapping[str, str]) -> str | None:
    if not location or not isinstance(location[-1], str):
        return None
    parent = document
    for step in location[:-1]:
        parent = parent[step]
    if not isinstance(parent, dict):
        return None
    name = changed_field(parent, location[-1])
    if name is None:
        return None
    named = field_hint(name)
    return fields.get(name.casefold()) or (named.category if named is not None else None)


def _by_key(path: str, default: SimpleRule | None, column: str) -> SimpleRule | None:
    """The default rule, or a fake of the category the leaf's key names (see above); a
    document without keys (a list of values) is read by its column's name: ``kentekens``
    holds plates."""
    if not isinstance(default, RedactText):
        return default
    keys = [key.removesuffix("[*]") for key in path.split(".")[1:]]
    category = leaf_hint(keys or [column]).category
    if category is None or category not in OPERATORS:
        return default
    return Fake(rule="fake", category=category)


def _normalize(path: str) -> str:
    path = path.strip()
    return path if path.startswith("$") else "$." + path


def _parse(text: Any, where: str) -> Any:
    try:
        return json.loads(text) if isinstance(text, str | bytes) else text
    except ValueError:
        raise PolicyError(
            f"{where}: a cell is not valid JSON; use redact_text for this column"
        ) from None


def _walk(
    node: Any, path: str, location: tuple[Any, ...]
) -> list[tuple[str, tuple[Any, ...], Any]]:
    if isinstance(node, dict):
        out = []
        for k, child in node.items():
            out += _walk(child, f"{path}.{k}", (*location, k))
        return out
    if isinstance(node, list):
        out = []
        for i, child in enumerate(node):
            out += _walk(child, f"{path}[*]", (*location, i))
        return out
    if node is None:
        return []
    return [(path, location, node)]


def _apply(rule: SimpleRule, values: list[Any], key: Key, known: Known | None) -> list[Any]:
    """Apply a rule to leaves of one path; numbers and booleans go through as text."""
    result = apply_rule(rule, pa.array(_texts(values), pa.string()), key, known=known)
    return _typed(values, result.to_pylist())


def _texts(values: list[Any]) -> list[str | None]:
    return [v if isinstance(v, str) else json.dumps(v) for v in values]


def _typed(values: list[Any], out: list[Any]) -> list[Any]:
    """``out`` with each value a rule kept given back its JSON type."""
    return [
        value if not isinstance(value, str) and new == json.dumps(value) else new
        for value, new in zip(values, out, strict=True)
    ]


def _set(document: Any, location: tuple[Any, ...], value: Any) -> Any:
    if not location:
        return value
    node = document
    for step in location[:-1]:
        node = node[step]
    node[location[-1]] = value
    return document
