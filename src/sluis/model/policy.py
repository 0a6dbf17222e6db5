"""The anonymization policy: a rule for every column of every table.

Fail closed: a column the policy does not name is never copied, and ``keep`` must say why.
The policy is YAML, reviewed by a person and versioned beside the code::

    version: 1
    tables:
      aanvragers:
        columns:
          id: {rule: keep, reason: surrogate key}
          bsn: {rule: pseudonymize, category: id.bsn}
          achternaam: {rule: fake, category: person.last_name}
          geboortedatum: {rule: shift_date, max_days: 180, subject: id}
          opmerking: {rule: redact_text}
    quasi_identifiers: {aanvragers: [geboortedatum, postcode, nationaliteit]}
    k_anonymity: 5

Each rule has its own typed options; unknown options are errors. Parsing and validation
live in ``sluis.model.policy_file``.
"""

from __future__ import annotations

import re
from difflib import get_close_matches
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from sluis.model.categories import CATEGORIES, PERSON_NAMES


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _known_category(code: str | None) -> str | None:
    if code is not None and code not in CATEGORIES:
        raise ValueError(
            f"unknown category {code!r}{meant(code, list(CATEGORIES))}; see the category"
            " table in the README"
        )
    return code


def meant(word: str, choices: list[str]) -> str:
    """`` (did you mean 'x'?)`` for the one of ``choices`` that ``word`` misspells, else
    nothing."""
    close = get_close_matches(word.casefold(), choices, n=1, cutoff=0.75)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _Allows(_Rule):
    """``allow`` names categories the values left in the column look like but are not (case
    numbers that pass the 11-proef: ``allow: [id.bsn]``), as a reviewer confirmed: the
    verifier does not count them."""

    allow: tuple[str, ...] = ()

    @field_validator("allow")
    @classmethod
    def _known(cls, codes: tuple[str, ...]) -> tuple[str, ...]:
        for code in codes:
            _known_category(code)
        return codes


class Keep(_Allows):
    """Copy the column unchanged; only for data that is not personal, with the reason."""

    rule: Literal["keep"]
    reason: str = Field(min_length=3)

    @property
    def keeps_names_of_things(self) -> bool:
        """Whether its values read as names but a reviewer confirmed they are not a person's
        (``allow`` of a name category: schools "De Kleine Prins", firms)."""
        return not PERSON_NAMES.isdisjoint(self.allow)


class Null(_Rule):
    """Replace every value by NULL (or an empty string where the column is NOT NULL)."""

    rule: Literal["null"]


class _Categorized(_Rule):
    category: str | None = None

    _check = field_validator("category")(classmethod(lambda cls, v: _known_category(v)))


class Fake(_Categorized):
    """A realistic value of the same category, the same for the same input and key."""

    rule: Literal["fake"]
    unique: bool = False


class Pseudonymize(_Categorized):
    """A keyed, format-preserving replacement; unique input gives unique output."""

    rule: Literal["pseudonymize"]


class Mask(_Rule):
    """Hide all but the last ``keep_last`` characters."""

    rule: Literal["mask"]
    keep_last: int = Field(default=0, ge=0)
    char: str = Field(default="*", min_length=1, max_length=1)


class Generalize(_Rule):
    """Coarsen: dates to ``year``/``month``, postcodes to ``postcode4``, numbers to buckets."""

    rule: Literal["generalize"]
    to: Literal["year", "month", "postcode4", "bucket"]
    bucket: int | None = Field(default=None, gt=0)


class ShiftDate(_Rule):
    """Shift dates by a keyed number of days per subject (``subject`` names the column
    that identifies the person), so intervals within one person's records survive."""

    rule: Literal["shift_date"]
    max_days: int = Field(default=180, gt=0, le=3650)
    subject: str | None = None


class RedactText(_Allows):
    """Replace personal data inside free text by surrogates (or ``<CATEGORY>`` tags)."""

    rule: Literal["redact_text"]
    tags: bool = False


class ReplaceBlob(_Allows):
    """Replace documents by a placeholder of the same type and similar size."""

    rule: Literal["replace_blob"]


class Hash(_Rule):
    """A keyed hash (hex), ``length`` characters."""

    rule: Literal["hash"]
    length: int = Field(default=32, ge=8, le=64)


# Every rule that applies to one value; ``json`` applies them per path.
_Simple = (
    Keep
    | Null
    | Fake
    | Pseudonymize
    | Mask
    | Generalize
    | ShiftDate
    | RedactText
    | ReplaceBlob
    | Hash
)
SimpleRule = Annotated[_Simple, Field(discriminator="rule")]


class JsonRule(_Allows):
    """Rules per JSON path (``$.contact.naam``); keys no path names get ``default``.

    Without ``default`` an unknown key fails the run (fail closed).
    """

    rule: Literal["json"]
    paths: dict[str, SimpleRule] = Field(default_factory=dict)
    default: RedactText | Null | None = None

    @field_validator("paths")
    @classmethod
    def _written_as_paths(cls, paths: dict[str, SimpleRule]) -> dict[str, SimpleRule]:
        for path in paths:
            written = path.strip()
            if not _JSON_PATH.fullmatch(written if written.startswith("$") else f"$.{written}"):
                raise ValueError(
                    f"JSON path {path!r} is not written as Sluis reads paths: keys after"
                    " '$.' joined by dots, every list item as [*] (e.g. $.contacts[*].email)"
                )
        return paths


# ``$``, keys joined by dots, a list's items as ``[*]``: how ``json`` names every leaf.
_JSON_PATH = re.compile(r"\$(?:\[\*\])*(?:\.[^.\[\]]+(?:\[\*\])*)*")


Rule = Annotated[_Simple | JsonRule, Field(discriminator="rule")]
# Each rule's name and its options.
OPTIONS: dict[str, list[str]] = {
    get_args(model.model_fields["rule"].annotation)[0]: list(model.model_fields)
    for model in (*get_args(_Simple), JsonRule)
}


class TablePolicy(_Rule):
    columns: dict[str, Rule]


class Policy(_Rule):
    """A whole policy. ``quasi_identifiers`` and ``sensitive`` feed the re-identification
    check; ``k_anonymity`` is the smallest group size it accepts."""

    version: Literal[1] = 1
    tables: dict[str, TablePolicy]
    quasi_identifiers: dict[str, list[str]] = Field(default_factory=dict)
    sensitive: dict[str, str] = Field(default_factory=dict)
    k_anonymity: int = Field(default=5, ge=1)

    def rule(self, table: str, column: str) -> Rule | None:
        table_policy = self.tables.get(table)
        return None if table_policy is None else table_policy.columns.get(column)
