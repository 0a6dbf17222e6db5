"""The plan of a run: per table, the rule for every column, checked before any row moves.

Building a plan is where the policy meets the source. It refuses to start on any drift
(fail closed), on rules that cannot apply to a column, and on foreign keys whose two
ends would be replaced differently (joins would break). A replacement must fit the
column's declared length (``varchar(9)``, ``character(1)``): a longer one stops the run
and names the column, where PostgreSQL would refuse the row and SQLite keep it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

import pyarrow as pa
import pyarrow.compute as pc

from sluis.anonymize.json_rule import apply_json
from sluis.anonymize.known import NAME_CATEGORIES, Known
from sluis.anonymize.operators.dispatch import fake_for
from sluis.anonymize.rules import apply_rule
from sluis.errors import PolicyError, SourceError
from sluis.keys import Key
from sluis.model import array_literal
from sluis.model.drift import find_drift
from sluis.model.policy import (
    Fake,
    JsonRule,
    Keep,
    Null,
    Policy,
    Pseudonymize,
    RedactText,
    ReplaceBlob,
    Rule,
    ShiftDate,
)
from sluis.model.schema import LogicalType, Schema, Table


@dataclass(frozen=True)
class ColumnPlan:
    name: str
    rule: Rule
    unique: bool = False
    max_chars: int | None = None  # the declared length limit a replacement must fit
    array: bool = False  # an array column: the rule applies to each element
    # The narrowest limit of the columns joined to this one by keys: a unique fake fits it,
    # so both ends of a key get the same fake.
    key_chars: int | None = None

    def describe(self) -> str:
        category = getattr(self.rule, "category", None)
        detail = f" ({category})" if category else ""
        return f"{self.rule.rule}{detail}{' unique' if self.unique else ''}"


@dataclass(frozen=True)
class TablePlan:
    table: Table
    columns: tuple[ColumnPlan, ...]

    @property
    def text_columns(self) -> tuple[int, ...]:
        """The columns whose rule searches text for personal data (``redact_text``, ``json``,
        ``replace_blob``): hundreds of microseconds a value, where every other operator is
        vectorized and costs microseconds."""
        return tuple(
            i
            for i, c in enumerate(self.columns)
            if isinstance(c.rule, RedactText | JsonRule | ReplaceBlob)
        )

    def transform(
        self, batch: pa.RecordBatch, key: Key, known: Known | None = None
    ) -> pa.RecordBatch:
        """One batch with every column replaced as the policy says, types kept."""
        arrays = self.transform_columns(batch, key, known, range(len(self.columns)))
        return pa.RecordBatch.from_arrays(arrays, schema=batch.schema)

    def transform_columns(
        self, batch: pa.RecordBatch, key: Key, known: Known | None, indices: Iterable[int]
    ) -> list[pa.Array]:
        """The replaced arrays of the columns at ``indices`` (a rule may read other columns
        of ``batch``, such as the subject of a date shift). Rules are found by position, so
        a batch whose columns are not the plan's, in its order, stops the run."""
        if batch.schema.names != [c.name for c in self.columns]:
            raise SourceError(
                f"table {self.table.name}: the source gave other columns than its schema, or"
                " in another order; nothing was written (read the table again)"
            )
        arrays = []
        for index in indices:
            column, field = self.columns[index], batch.schema.field(index)
            values = batch.column(index)
            rule = column.rule
            subjects = (
                batch.column(rule.subject) if isinstance(rule, ShiftDate) and rule.subject else None
            )
            if column.array and not isinstance(rule, Keep | Null):
                elements, rows = array_literal.exploded(values)
                if subjects is not None:
                    subjects = subjects.take(rows)
                replaced = self._replaced(column, elements, key, known, subjects, pa.string())
                arrays.append(array_literal.gathered(values, rows, replaced).cast(field.type))
            else:
                arrays.append(self._replaced(column, values, key, known, subjects, field.type))
        return arrays

    def _replaced(
        self,
        column: ColumnPlan,
        values: pa.Array | pa.ChunkedArray,
        key: Key,
        known: Known | None,
        subjects: pa.Array | pa.ChunkedArray | None,
        type_: pa.DataType,
    ) -> pa.Array:
        """``values`` (a column's, or an array column's elements) under the column's rule,
        as ``type_`` and within its declared length."""
        rule, where = column.rule, f"{self.table.name}.{column.name}"
        if isinstance(rule, JsonRule):
            result = apply_json(values, key, rule, where, known)
        else:
            unique = column.unique and not column.array
            result = apply_rule(
                rule,
                values,
                key,
                unique=unique,
                subjects=subjects,
                known=known,
                max_chars=column.key_chars,
            )
        conformed = _conform(result, type_, where)
        if column.max_chars is None:
            return conformed
        # A fake name or address, or a redacted text, may come out longer than the value it
        # replaces: cut to the column (it holds no format to keep whole).
        cut = not column.unique and (
            isinstance(rule, RedactText) or (isinstance(rule, Fake) and rule.category in _CUTTABLE)
        )
        return _fitted(conformed, column.max_chars, where, cut=cut)


def _conform(result: pa.Array, type_: pa.DataType, where: str) -> pa.Array:
    if result.type == type_:
        return result
    try:
        return result.cast(type_)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        raise PolicyError(
            f"{where}: the rule's output does not fit the column type {type_}; choose a rule "
            "that keeps the type (e.g. null, hash on text columns only)"
        ) from None


# Declared character limits: varchar(n), character varying(n), char(n), character(n), ...
_CHAR_LIMIT = re.compile(
    r"^\s*(?:n?varchar|character varying|n?char|character|bpchar)\s*\(\s*(\d+)\s*\)\s*$",
    re.IGNORECASE,
)


def char_limit(native_type: str) -> int | None:
    """The length limit a native type declares (``varchar(9)`` → 9), or None."""
    match = _CHAR_LIMIT.match(native_type)
    return int(match.group(1)) if match else None


_CUTTABLE = frozenset({"person.name", "person.first_name", "person.last_name",
                       "location.street", "location.address", "location.city"})  # fmt: skip


def _fitted(values: pa.Array, limit: int, where: str, *, cut: bool) -> pa.Array:
    """``values`` within the column's ``limit``: ``cut`` to it, else as they are or an error."""
    if not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
        return values
    too_long = pc.sum(pc.greater(pc.utf8_length(values), limit)).as_py() or 0
    if too_long and cut:
        return pc.utf8_slice_codeunits(values, 0, limit)
    if too_long:
        raise PolicyError(
            f"{where}: {too_long} replacements are longer than the column's {limit} characters;"
            " widen the column, or choose a rule whose output fits (mask keeps the length,"
            " hash takes a length)"
        )
    return values


def make_plan(schema: Schema, policy: Policy) -> tuple[TablePlan, ...]:
    """The plan for every table; raises ``PolicyError`` naming each problem (names only)."""
    drift = find_drift(schema, policy)
    if not drift.clean:
        problems = drift.lines()
        raise PolicyError(
            f"the policy does not fit the source ({len(problems)} "
            f"{'problem' if len(problems) == 1 else 'problems'}, first: "
            f"{problems[0]}); run 'sluis policy check' for the list"
        )
    unique = _unique_columns(schema)
    # An array's limit is its elements' (``varchar(20)[]``).
    limits = {
        (table.name, column.name): limit
        for table in schema.tables
        for column in table.columns
        if (limit := char_limit(array_literal.element_type(column.native_type))) is not None
    }
    narrowest = _narrowest_along_keys(schema, limits)
    plans = []
    for table in schema.tables:
        rules = policy.tables[table.name].columns
        columns = []
        for column in table.columns:
            rule, where = rules[column.name], (table.name, column.name)
            array = array_literal.is_array(column.native_type)
            _check_rule(table, column.name, rule, column.type, array)
            limit = None if isinstance(rule, Keep) else limits.get(where)
            key_chars = narrowest.get(where)
            columns.append(ColumnPlan(column.name, rule, where in unique, limit, array, key_chars))
        plans.append(TablePlan(table, tuple(columns)))
    _check_foreign_keys(schema, policy)
    return tuple(plans)


def _narrowest_along_keys(
    schema: Schema, limits: dict[tuple[str, str], int]
) -> dict[tuple[str, str], int]:
    """Each column's limit lowered to the narrowest of the columns keys join it to."""
    narrowest = dict(limits)
    pairs = schema.key_pairs()
    changed = True
    while changed:  # along chains of keys
        changed = False
        for a, b in pairs:
            known = [narrowest[c] for c in (a, b) if c in narrowest]
            if known and any(narrowest.get(c) != min(known) for c in (a, b)):
                narrowest[a] = narrowest[b] = min(known)
                changed = True
    return narrowest


def _unique_columns(schema: Schema) -> set[tuple[str, str]]:
    """The columns whose values are unique, and the columns referring to one: a unique fake
    differs from a plain one, and both ends of a key must be replaced alike."""
    unique = {(t.name, u[0]) for t in schema.tables for u in t.unique if len(u) == 1}
    unique |= {(t.name, t.primary_key[0]) for t in schema.tables if len(t.primary_key) == 1}
    pairs = schema.key_pairs()
    grown = True
    while grown:  # along chains of keys
        before = len(unique)
        unique |= {local for local, remote in pairs if remote in unique}
        grown = len(unique) > before
    return unique


def _check_rule(table: Table, column: str, rule: Rule, type_: LogicalType, array: bool) -> None:
    where = f"{table.name}.{column}"
    if array and isinstance(rule, JsonRule | ReplaceBlob):
        raise PolicyError(
            f"{where}: {rule.rule} cannot apply to an array column; give it the rule its"
            " elements need (fake or pseudonymize with their category, redact_text, null)"
        )
    if isinstance(rule, Fake | Pseudonymize) and rule.category is not None:
        fake_for(rule.category)  # raises for a category without an operator
    if isinstance(rule, Fake) and rule.category is None:
        raise PolicyError(f"{where}: 'fake' needs a category (e.g. category: person.name)")
    if isinstance(rule, ReplaceBlob) and type_ is not LogicalType.BLOB:
        raise PolicyError(f"{where}: replace_blob is for BLOB columns; use redact_text")


def _check_foreign_keys(schema: Schema, policy: Policy) -> None:
    """Both ends of a foreign key must get the same rule, or joins break."""
    for table in schema.tables:
        for fk in table.foreign_keys:
            for local, remote in zip(fk.columns, fk.ref_columns, strict=True):
                mine = policy.rule(table.name, local)
                theirs = policy.rule(fk.ref_table, remote)
                if theirs is None or mine == theirs:
                    continue
                if isinstance(mine, Keep) and isinstance(theirs, Keep):
                    continue
                raise PolicyError(
                    f"{table.name}.{local} refers to {fk.ref_table}.{remote} but their rules "
                    "differ; give both the same rule so the foreign key keeps resolving"
                )


def user_codes(
    plans: Iterable[TablePlan], key: Key
) -> dict[tuple[str, str], Callable[[pa.Array], pa.Array]]:
    """The key columns faked as unique names (user codes, logins), each with how its values
    are faked: :func:`~sluis.anonymize.known.collect` fakes them beforehand, so a code
    written in JSON or text gets its column's fake."""
    return {
        (plan.table.name, column.name): partial(
            _unique_fakes, column.rule, key=key, max_chars=column.key_chars
        )
        for plan in plans
        for column in plan.columns
        if column.unique
        and not column.array
        and isinstance(column.rule, Fake)
        and column.rule.category in NAME_CATEGORIES
    }


def _unique_fakes(rule: Fake, values: pa.Array, key: Key, max_chars: int | None) -> pa.Array:
    return apply_rule(rule, values, key, unique=True, max_chars=max_chars)
