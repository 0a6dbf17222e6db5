"""One policy rule applied to one array: the bridge from the policy to the operators.

Every rule returns an array of the same length; NULL stays NULL, and so does an empty text
(or one of whitespace) under ``fake``, ``pseudonymize`` and ``hash``. Rules that need more than
the column (``shift_date`` with a subject column) get it through ``subjects``.
"""

from __future__ import annotations

from collections.abc import Callable

import pyarrow as pa
import pyarrow.compute as pc

from sluis.anonymize.known import Known
from sluis.anonymize.operators import dates, generic, names, postcode
from sluis.anonymize.operators._arrow import is_text
from sluis.anonymize.operators.dispatch import replace
from sluis.anonymize.operators.redact_text import redact_text
from sluis.anonymize.operators.replace_blob import replace_blob
from sluis.errors import PolicyError
from sluis.keys import Key
from sluis.model.policy import (
    Fake,
    Generalize,
    Hash,
    Keep,
    Mask,
    Null,
    Pseudonymize,
    RedactText,
    ReplaceBlob,
    ShiftDate,
    SimpleRule,
)

_UNIQUE_NAMES = {
    "person.first_name": names.first_name,
    "person.last_name": names.last_name,
    "person.name": names.full_name,
}


def apply_rule(
    rule: SimpleRule,
    values: pa.Array,
    key: Key,
    *,
    unique: bool = False,
    subjects: pa.Array | None = None,
    known: Known | None = None,
    max_chars: int | None = None,
) -> pa.Array:
    """``values`` transformed by ``rule``; ``unique`` asks fakes to stay distinct (within
    the column's ``max_chars``, for names); ``known`` is what the source holds: names looked
    for in free text, identifiers no pseudonym may equal."""
    if isinstance(rule, Keep):
        return values
    if isinstance(rule, Null):
        return generic.null(values)
    if isinstance(rule, Fake | Pseudonymize):
        return _blanks_kept(values, lambda v: _faked(rule, v, key, unique, known, max_chars))
    if isinstance(rule, Mask):
        return generic.mask(values, rule.keep_last, rule.char)
    if isinstance(rule, Hash):
        return _blanks_kept(values, lambda v: generic.hash(v, key, rule.length))
    if isinstance(rule, Generalize):
        return _generalize(rule, values)
    if isinstance(rule, ShiftDate):
        return dates.shift_date(
            values, key, dates.same_day(values) if subjects is None else subjects, rule.max_days
        )
    if isinstance(rule, RedactText):
        return redact_text(values, key, tags=rule.tags, known=known)
    if isinstance(rule, ReplaceBlob):
        return replace_blob(values, key, known)
    raise PolicyError(f"rule {rule.rule!r} cannot be applied here")


def _blanks_kept(
    values: pa.Array, transform: Callable[[pa.Array | pa.ChunkedArray], pa.Array]
) -> pa.Array:
    """``transform`` of the values but empty texts (or ones of whitespace), which stay: they
    hold nothing personal, and "no e-mail" is no fake e-mail."""
    if not is_text(values.type):
        return transform(values)
    blank = pc.equal(pc.utf8_trim_whitespace(values), "")
    if not pc.any(blank).as_py():
        return transform(values)
    done = transform(pc.if_else(blank, None, values))
    return pc.if_else(blank, values.cast(done.type), done)


def _faked(
    rule: Fake | Pseudonymize,
    values: pa.Array | pa.ChunkedArray,
    key: Key,
    unique: bool,
    known: Known | None,
    max_chars: int | None,
) -> pa.Array:
    if rule.category is None:
        return generic.pseudonymize(values, key)
    if (unique or (isinstance(rule, Fake) and rule.unique)) and rule.category in _UNIQUE_NAMES:
        return _UNIQUE_NAMES[rule.category](values, key, unique=True, max_chars=max_chars)
    return replace(rule.category, values, key, known.detours if known else None)


def _generalize(rule: Generalize, values: pa.Array) -> pa.Array:
    if rule.to in ("year", "month"):
        return dates.generalize_date(values, rule.to)
    if rule.to == "postcode4":
        return postcode.generalize_postcode(values)
    if rule.bucket is None:
        raise PolicyError("generalize to 'bucket' needs 'bucket: <width>'")
    return generic.generalize_number(values, rule.bucket)
